import { EscalationLevel, HotlineOrderStatus, ReferralStatus } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A referral (转办) of a case. Its due times live on the row with a lease, like case deadlines:
 * the scheduler claims rows whose `nextCheckAt` has come and escalates them step by step.
 */
@Entity('referrals')
@Index('ix_referrals_case', ['caseId'])
@Index('ix_referrals_target', ['targetId', 'status'])
@Index('ix_referrals_due', ['status', 'nextCheckAt'])
@Index('ix_referrals_pileup', ['targetId', 'category', 'branchPath', 'createdAt'])
@Index('ix_referrals_hotline_sync', ['externalStatus', 'externalSyncedAt'])
export class ReferralEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'target_id', type: 'int' })
  targetId: number;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  /** Named station contact (站内联系人). */
  @Column({ name: 'contact_user_id', type: 'int' })
  contactUserId: number;

  @Column({ name: 'created_by', type: 'int' })
  createdBy: number;

  @Column({ type: 'varchar', length: 12 })
  status: ReferralStatus;

  /** `kind.subcategory` of the case, for pile-up counting. */
  @Column({ type: 'varchar', length: 64 })
  category: string;

  /** The case's branch path (/city/branch/), for pile-ups and leaders' lists. */
  @Column({ name: 'branch_path', type: 'varchar', length: 255 })
  branchPath: string;

  @Column({ name: 'receipt_due_at', type: 'datetime' })
  receiptDueAt: Date;

  @Column({ name: 'reply_due_at', type: 'datetime' })
  replyDueAt: Date;

  @Column({ name: 'signed_at', type: 'datetime', nullable: true })
  signedAt: Date | null;

  @Column({ name: 'signed_by_label', type: 'varchar', length: 64, nullable: true })
  signedByLabel: string | null;

  @Column({ name: 'replied_at', type: 'datetime', nullable: true })
  repliedAt: Date | null;

  @Column({ name: 'reply_outcome', type: 'varchar', length: 1000, nullable: true })
  replyOutcome: string | null;

  @Column({ name: 'reply_evidence', type: 'varchar', length: 1000, nullable: true })
  replyEvidence: string | null;

  @Column({ name: 'replied_by_label', type: 'varchar', length: 64, nullable: true })
  repliedByLabel: string | null;

  /** Our idempotency key for the 12345 work order: the hotline never creates two orders for it. */
  @Index('uq_referrals_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 64 })
  idempotencyKey: string;

  @Index('uq_referrals_external_order', { unique: true })
  @Column({ name: 'external_order_no', type: 'varchar', length: 64, nullable: true })
  externalOrderNo: string | null;

  @Column({ name: 'external_status', type: 'varchar', length: 16, nullable: true })
  externalStatus: HotlineOrderStatus | null;

  /** Last time 12345 told us (webhook) or we asked (reconciliation) about the order. */
  @Column({ name: 'external_synced_at', type: 'datetime', nullable: true })
  externalSyncedAt: Date | null;

  @Column({ type: 'int', default: 0 })
  escalation: EscalationLevel;

  @Column({ name: 'next_check_at', type: 'datetime', nullable: true })
  nextCheckAt: Date | null;

  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}

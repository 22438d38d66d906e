import { BulletinKind, BulletinSecCheck, BulletinStatus, NamingConsent, WarningType } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A bulletin (公告) and where it stands: its current version, its review and its withdrawal. Its
 * `org_path` is the author's org unit (a branch's 素材库, or a station), which decides who reviews
 * it and who may push it (docs/bulletins.md). The text lives in immutable versions.
 */
@Entity('bulletins')
@Index('ix_bulletins_status_path', ['status', 'orgPath'])
@Index('ix_bulletins_author', ['authorId', 'updatedAt'])
@Index('ix_bulletins_review_check', ['reviewNextCheckAt'])
export class BulletinEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 16 })
  kind: BulletinKind;

  @Column({ name: 'warning_type', type: 'varchar', length: 16, nullable: true })
  warningType: WarningType | null;

  @Column({ type: 'varchar', length: 16 })
  status: BulletinStatus;

  @Column({ name: 'author_id', type: 'int' })
  authorId: number;

  @Column({ name: 'org_unit_id', type: 'int' })
  orgUnitId: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath: string;

  /** The newest version (what the author edits and the reviewer reads). */
  @Column({ name: 'version_id', type: 'int' })
  versionId: number;

  /** The version the last approval covered: what is pushed. Null until approved. */
  @Column({ name: 'approved_version_id', type: 'int', nullable: true })
  approvedVersionId: number | null;

  @Column({ name: 'submitted_at', type: 'datetime', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'reviewed_by', type: 'int', nullable: true })
  reviewedBy: number | null;

  @Column({ name: 'reviewed_at', type: 'datetime', nullable: true })
  reviewedAt: Date | null;

  /** The reviewer's comment when returned (退回意见). */
  @Column({ name: 'review_comment', type: 'varchar', length: 300, nullable: true })
  reviewComment: string | null;

  @Column({ name: 'withdrawn_by', type: 'int', nullable: true })
  withdrawnBy: number | null;

  @Column({ name: 'withdrawn_at', type: 'datetime', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdraw_reason', type: 'varchar', length: 200, nullable: true })
  withdrawReason: string | null;

  /**
   * 正气: the resident the post praises (set when a 一事一奖 of this bulletin is approved) and their
   * answer. The text says 某居民; only `agreed` puts their name there when read (bulletin-naming.ts).
   */
  @Column({ name: 'named_user_id', type: 'int', nullable: true })
  namedUserId: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  naming: NamingConsent | null;

  /** 有用 marks (one per person, bulletin_reads.useful_at). */
  @Column({ name: 'useful_count', type: 'int', default: 0 })
  usefulCount: number;

  /** Status held: why WeChat's content check held it (shown to its author). */
  @Column({ name: 'held_reason', type: 'varchar', length: 200, nullable: true })
  heldReason: string | null;

  /** What WeChat's content check said of the submitted version (null before a submission). */
  @Column({ name: 'sec_check', type: 'varchar', length: 16, nullable: true })
  secCheck: BulletinSecCheck | null;

  /** An urgent 预警: reviewed by `reviewDueAt`, or it escalates (bulletin-review-deadlines.worker.ts). */
  @Column({ type: 'boolean', default: false })
  urgent: boolean;

  @Column({ name: 'review_due_at', type: 'datetime', nullable: true })
  reviewDueAt: Date | null;

  /** 0 waiting; 1 the reviewers were told it is overdue; 2 the branch leaders were. */
  @Column({ name: 'review_escalation', type: 'int', default: 0 })
  reviewEscalation: number;

  /** When the escalation worker next looks at it (null: nothing to do). */
  @Column({ name: 'review_next_check_at', type: 'datetime', nullable: true })
  reviewNextCheckAt: Date | null;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;
}

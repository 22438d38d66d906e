import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 履行回访: at the performance deadline the officer is reminded; claimed by the scheduler with a lease. */
@Entity('mediation_followups')
@Index('ix_mediation_followups_due', ['doneAt', 'nextCheckAt'])
export class MediationFollowupEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'room_id', type: 'int' }) roomId: number;
  @Column({ name: 'agreement_id', type: 'int' }) agreementId: number;
  @Column({ name: 'case_id', type: 'int' }) caseId: number;
  @Column({ name: 'due_at', type: 'datetime' }) dueAt: Date;
  @Column({ name: 'next_check_at', type: 'datetime', nullable: true }) nextCheckAt: Date | null;
  @Column({ name: 'done_at', type: 'datetime', nullable: true }) doneAt: Date | null;
  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true }) leaseOwner: string | null;
  @Column({ name: 'lease_until', type: 'datetime', nullable: true }) leaseUntil: Date | null;
}

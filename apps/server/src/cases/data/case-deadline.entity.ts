import { EscalationLevel } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type DeadlineKind = 'first_response' | 'resolution';

/**
 * A response deadline stored as a row, so nothing depends on a timer in memory. The scheduler
 * claims due rows with a lease (`leaseUntil`), so several service instances never escalate twice.
 */
@Entity('case_deadlines')
@Index('ix_case_deadlines_due', ['metAt', 'nextCheckAt'])
@Index('uq_case_deadlines_case_kind', ['caseId', 'kind'], { unique: true })
export class CaseDeadlineEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ type: 'varchar', length: 16 })
  kind: DeadlineKind;

  @Column({ name: 'due_at', type: 'datetime' })
  dueAt: Date;

  @Column({ name: 'met_at', type: 'datetime', nullable: true })
  metAt: Date | null;

  @Column({ type: 'int', default: 0 })
  escalation: EscalationLevel;

  /** When the scheduler should look at this row next (due time, then each escalation step). */
  @Column({ name: 'next_check_at', type: 'datetime', nullable: true })
  nextCheckAt: Date | null;

  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil: Date | null;
}

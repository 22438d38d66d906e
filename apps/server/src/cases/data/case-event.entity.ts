import { CaseStatus, Role, TimelineEventType } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only timeline of a case. Written in the same transaction as the change it records. */
@Entity('case_events')
@Index('ix_case_events_case', ['caseId', 'id'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ type: 'varchar', length: 24 })
  type: TimelineEventType;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus: CaseStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20, nullable: true })
  toStatus: CaseStatus | null;

  /** Null for the system (scheduler). */
  @Column({ name: 'actor_id', type: 'int', nullable: true })
  actorId: number | null;

  @Column({ name: 'actor_role', type: 'varchar', length: 32, nullable: true })
  actorRole: Role | null;

  /** Residents see public events only; internal notes are for police. */
  @Column({ name: 'is_public', type: 'boolean' })
  isPublic: boolean;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ type: 'datetime' })
  at: Date;
}

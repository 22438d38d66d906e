import { Anonymity, CaseKind, CaseStatus, ContactPreference, EscalationLevel } from '@jws/contracts';
import { AfterLoad, Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { QUEUE_BAND_EXPRESSION } from '../../database/migrations/1764700000000-queue-due';
import { STATION_ID_EXPRESSION } from '../../database/migrations/1765000000000-station-queue';
import { encryptedTransformer } from '../../personal-data/field-cipher';
import { caseNumber } from '../case-number';

/**
 * A report (上报) and its handling. `orgPath` is the community's materialised path, copied so the
 * queue of any leader is one indexed prefix query. The reporter is referenced by `reporterKey`
 * (a keyed hash) so "my reports" works even when the identity is sealed; `reporterId` is null
 * for sealed (informant-mode) reports, whose identity lives encrypted in case_sealed_reporters.
 */
@Entity('cases')
@Index('ix_cases_scope_queue', ['orgPath', 'status', 'nextDueAt'])
@Index('ix_cases_officer_queue', ['officerId', 'status', 'nextDueAt'])
@Index('ix_cases_reporter', ['reporterKey', 'createdAt'])
@Index('ix_cases_community', ['communityId', 'status'])
export class CaseEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** 案件编号, derived from the creation date and the id (case-number.ts), not a column. */
  number: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CaseKind;

  @Column({ type: 'varchar', length: 32 })
  subcategory: string;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'community_id', type: 'int' })
  communityId: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath: string;

  /** The handling officer (责任民警), assigned from the community at once. */
  @Column({ name: 'officer_id', type: 'int', nullable: true })
  officerId: number | null;

  @Column({ name: 'reporter_id', type: 'int', nullable: true })
  reporterId: number | null;

  @Column({ name: 'reporter_key', type: 'varchar', length: 64 })
  reporterKey: string;

  @Column({ type: 'varchar', length: 20 })
  status: CaseStatus;

  @Column({ type: 'varchar', length: 8 })
  anonymity: Anonymity;

  @Column({ name: 'contact_preference', type: 'varchar', length: 16 })
  contactPreference: ContactPreference;

  @Column({ name: 'address_text', type: 'varchar', length: 200, nullable: true })
  addressText: string | null;

  @Column({ type: 'double', nullable: true })
  latitude: number | null;

  @Column({ type: 'double', nullable: true })
  longitude: number | null;

  @Column({ name: 'occurred_at', type: 'datetime', nullable: true })
  occurredAt: Date | null;

  /** Dispute: the other party, as the reporter described them (personal data, encrypted). */
  @Column({ name: 'other_party_enc', type: 'varchar', length: 600, nullable: true, transformer: encryptedTransformer })
  otherParty: string | null;

  /** 严重现实危险: flagged by an officer, reported to leaders and the 政法委/综治 digest. */
  @Column({ name: 'serious_risk', type: 'boolean', default: false })
  seriousRisk: boolean;

  /** Text safety check said risky/review (or was unavailable): held for officer review, never dropped. */
  @Column({ name: 'held_for_review', type: 'boolean', default: false })
  heldForReview: boolean;

  /** Earliest unmet deadline, for sorting the queue; null once all are met. */
  @Column({ name: 'next_due_at', type: 'datetime', nullable: true })
  nextDueAt: Date | null;

  /**
   * Computed by the database, never written: NULL when terminal, 0 open with a deadline, 1 open
   * without. Only the queue SQL reads it (ix_cases_officer_due; migration QueueDue1764700000000).
   */
  @Column({
    name: 'queue_band', type: 'int', nullable: true, select: false, insert: false, update: false,
    generatedType: 'VIRTUAL', asExpression: QUEUE_BAND_EXPRESSION,
  })
  queueBand?: number | null;

  /**
   * Computed by the database from `orgPath`, never written: the station's id (the path's third).
   * Only the queue SQL reads it (ix_cases_station_due; migration StationQueue1765000000000).
   */
  @Column({
    name: 'station_id', type: 'int', nullable: true, select: false, insert: false, update: false,
    generatedType: 'VIRTUAL', asExpression: STATION_ID_EXPRESSION,
  })
  stationId?: number | null;

  @Column({ type: 'int', default: 0 })
  escalation: EscalationLevel;

  @Column({ name: 'duplicate_of_id', type: 'int', nullable: true })
  duplicateOfId: number | null;

  @Column({ type: 'int', nullable: true })
  rating: number | null;

  @Column({ name: 'rating_comment', type: 'varchar', length: 200, nullable: true })
  ratingComment: string | null;

  /** The last 催办 by a leader (migration Supervision1765700000000); one per URGE_INTERVAL_MINUTES. */
  @Column({ name: 'urged_at', type: 'datetime', nullable: true })
  urgedAt: Date | null;

  @Column({ name: 'resolved_at', type: 'datetime', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'closed_at', type: 'datetime', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime' })
  updatedAt: Date;

  /** Optimistic lock: two officers acting at once cannot both move the case. */
  @VersionColumn({ type: 'int' })
  version: number;

  /** A case read by TypeORM gets its number (rows read by hand get it in caseFromRow). */
  @AfterLoad()
  deriveNumber(): void {
    if (this.id && this.createdAt) this.number = caseNumber(this.createdAt, this.id);
  }
}

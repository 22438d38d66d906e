import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The token answered to a partner's POST: maps to the case it created, and is the partner's
 * idempotency record (derived from its Idempotency-Key, so a retry finds the same row).
 */
@Entity('open311_tokens')
@Index('ix_open311_tokens_case', ['caseId'])
export class Open311TokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  token: string;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'partner_id', type: 'int' })
  partnerId: number;

  /** SHA-256 of the submission: a retried key with a different body is refused. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

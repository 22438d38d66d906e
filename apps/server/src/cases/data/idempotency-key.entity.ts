import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Idempotency-Key of a case submission: the same key and body return the same case. The submitter
 * is a keyed hash (`idempotencyUserKey`), never the user id: the row must not link an informant to
 * a sealed case.
 */
@Entity('idempotency_keys')
@Index('uq_idempotency_keys_user_key', ['userKey', 'key'], { unique: true })
export class IdempotencyKeyEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_key', type: 'varchar', length: 64 })
  userKey: string;

  @Column({ type: 'varchar', length: 64 })
  key: string;

  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

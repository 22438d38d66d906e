import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { encryptedTransformer } from '../personal-data/field-cipher';

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

/** The sealed identity of an informant-mode reporter (信息员), encrypted; unsealing is audited. */
@Entity('case_sealed_reporters')
export class CaseSealedReporterEntity {
  @PrimaryColumn({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'reporter_id_enc', type: 'varchar', length: 255, transformer: encryptedTransformer })
  reporterId: string;
}

/** Each unseal of an informant's identity: who, why, when. Listed for city leaders. */
@Entity('case_unseals')
@Index('ix_case_unseals_at', ['at'])
export class CaseUnsealEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'case_id', type: 'int' })
  caseId: number;

  @Column({ name: 'by_user_id', type: 'int' })
  byUserId: number;

  @Column({ type: 'varchar', length: 200 })
  reason: string;

  @Column({ type: 'datetime' })
  at: Date;
}

/**
 * Photos and images uploaded by users; `caseId` is set when a case or its follow-up uses them.
 * A sealed case's photos lose their owner when claimed (`DISOWNED_UPLOAD_OWNER`).
 */
@Entity('uploads')
@Index('ix_uploads_case', ['caseId'])
export class UploadEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'owner_id', type: 'int' })
  ownerId: number;

  @Column({ name: 'case_id', type: 'int', nullable: true })
  caseId: number | null;

  /** Set when an image message of a mediation room uses it (never shown with the case's photos). */
  @Column({ name: 'room_id', type: 'int', nullable: true })
  roomId: number | null;

  @Column({ name: 'storage_key', type: 'varchar', length: 128 })
  storageKey: string;

  @Column({ name: 'content_type', type: 'varchar', length: 32 })
  contentType: string;

  @Column({ type: 'int' })
  bytes: number;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

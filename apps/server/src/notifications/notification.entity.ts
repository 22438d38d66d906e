import { NotificationLink } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** In-app notification list (消息): always has everything, whatever WeChat delivered. */
@Entity('notifications')
@Index('ix_notifications_user', ['userId', 'id'])
@Index('ix_notifications_user_room', ['userId', 'roomId'])
export class NotificationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', type: 'int' })
  userId: number;

  @Column({ name: 'case_id', type: 'int', nullable: true })
  caseId: number | null;

  /** Set on room notices (调解室有新消息, agreement, closing …): the room it opens (opening the room reads it). */
  @Column({ name: 'room_id', type: 'int', nullable: true })
  roomId: number | null;

  /** A notice about neither a case nor a room (a join decision): the app page it opens. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  link: NotificationLink | null;

  /** The community a notice is about (新的加入申请: the 待审核 its link opens). */
  @Column({ name: 'community_id', type: 'int', nullable: true })
  communityId: number | null;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'varchar', length: 500 })
  body: string;

  /**
   * A confidential notification (to the informant of a sealed case): `caseId` is NULL, title and
   * body are neutral, and the real ones with the case id are here, encrypted (SealedNoticeContent).
   */
  @Column({ name: 'sealed_enc', type: 'text', nullable: true })
  sealedEnc: string | null;

  @Column({ name: 'read_at', type: 'datetime', nullable: true })
  readAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

export type OutboxStatus = 'pending' | 'sent' | 'dead' | 'skipped';

/**
 * Outgoing messages, written in the same transaction as the change that caused them and
 * delivered by a worker with retries and backoff. `dedupeKey` makes writing idempotent.
 */
@Entity('outbox')
@Index('ix_outbox_pending', ['status', 'nextAttemptAt'])
export class OutboxEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 32 })
  topic: string;

  @Index('uq_outbox_dedupe', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 128 })
  dedupeKey: string;

  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 8 })
  status: OutboxStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'next_attempt_at', type: 'datetime' })
  nextAttemptAt: Date;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil: Date | null;

  /** The claim token of the deliverer holding the lease (lease.ts, claimBatch). */
  @Column({ name: 'lease_owner', type: 'varchar', length: 64, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'datetime', nullable: true })
  sentAt: Date | null;
}

import type { FollowUpStatus } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A review decision's 督办事项: its owner and deadline. `dueAt` is the midnight (China time) after
 * the deadline; an open one past it escalates once (`escalatedAt`), claimed with a lease like the
 * case deadlines (common/db/lease.ts).
 */
@Entity('review_follow_ups')
@Index('ix_review_follow_ups_owner', ['ownerId', 'status'])
@Index('ix_review_follow_ups_scope', ['orgPath', 'status'])
@Index('ix_review_follow_ups_due', ['status', 'escalatedAt', 'dueAt'])
export class FollowUpEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'review_id', type: 'int' })
  reviewId: number;

  @Column({ name: 'org_id', type: 'int' })
  orgId: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'varchar', length: 600 })
  content: string;

  @Column({ name: 'owner_id', type: 'int' })
  ownerId: number;

  @Column({ type: 'varchar', length: 10 })
  deadline: string;

  @Column({ name: 'due_at', type: 'datetime' })
  dueAt: Date;

  @Column({ type: 'varchar', length: 8 })
  status: FollowUpStatus;

  @Column({ name: 'escalated_at', type: 'datetime', nullable: true })
  escalatedAt: Date | null;

  @Column({ name: 'done_at', type: 'datetime', nullable: true })
  doneAt: Date | null;

  @Column({ name: 'done_note', type: 'varchar', length: 600, nullable: true })
  doneNote: string | null;

  @Column({ name: 'lease_until', type: 'datetime', nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'created_at', type: 'datetime' })
  createdAt: Date;
}

import type { ReviewUnit } from '@jws/contracts';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A recorded 会商 of one node for one period of its cadence (docs/reviews.md): once per node and period. */
@Entity('reviews')
@Index('uq_reviews_org_period', ['orgId', 'periodFrom'], { unique: true })
@Index('ix_reviews_scope', ['orgPath', 'periodFrom'])
export class ReviewEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'org_id', type: 'int' })
  orgId: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'varchar', length: 8 })
  unit: ReviewUnit;

  @Column({ name: 'period_from', type: 'varchar', length: 10 })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'varchar', length: 10 })
  periodTo: string;

  @Column({ name: 'held_on', type: 'varchar', length: 10 })
  heldOn: string;

  @Column({ type: 'varchar', length: 400 })
  attendees: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ name: 'recorded_by', type: 'int' })
  recordedBy: number;

  @Column({ name: 'recorded_at', type: 'datetime' })
  recordedAt: Date;
}

/**
 * A period that ended without its review, reported once to the level above: the row's unique key
 * is the claim, so of several instances only the one whose insert wins sends the notice.
 */
@Entity('review_misses')
@Index('uq_review_misses_org_period', ['orgId', 'periodFrom'], { unique: true })
@Index('ix_review_misses_scope', ['orgPath', 'periodFrom'])
export class ReviewMissEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'org_id', type: 'int' })
  orgId: number;

  @Column({ name: 'org_path', type: 'varchar', length: 255 })
  orgPath: string;

  @Column({ type: 'varchar', length: 8 })
  unit: ReviewUnit;

  @Column({ name: 'period_from', type: 'varchar', length: 10 })
  periodFrom: string;

  @Column({ name: 'period_to', type: 'varchar', length: 10 })
  periodTo: string;

  @Column({ name: 'reported_at', type: 'datetime' })
  reportedAt: Date;
}

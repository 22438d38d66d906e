import type { FollowUpStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, LessThanOrEqual, Like } from 'typeorm';
import { Database, workClaimed } from '../../common/db';
import { FollowUpEntity } from './follow-up.entity';

/** Every statement on review_follow_ups. */
@Injectable()
export class FollowUpsRepository {
  constructor(private readonly db: Database) {}

  async insertMany(m: EntityManager, rows: Omit<FollowUpEntity, 'id'>[]): Promise<void> {
    if (rows.length) await m.getRepository(FollowUpEntity).insert(rows);
  }

  find(id: number, m: EntityManager = this.db.manager): Promise<FollowUpEntity | null> {
    return m.getRepository(FollowUpEntity).findOne({ where: { id } });
  }

  ofReviews(reviewIds: readonly number[]): Promise<FollowUpEntity[]> {
    if (!reviewIds.length) return Promise.resolve([]);
    return this.db.manager.getRepository(FollowUpEntity).find({ where: { reviewId: In([...reviewIds]) }, order: { id: 'ASC' } });
  }

  /** An owner's follow-ups: open ones first, the nearest deadline first. */
  ofOwner(ownerId: number, limit = 100): Promise<FollowUpEntity[]> {
    return this.db.manager.getRepository(FollowUpEntity).find({ where: { ownerId }, order: { status: 'DESC', dueAt: 'ASC', id: 'ASC' }, take: limit });
  }

  /** The follow-ups of the reviews under a path, open ones (or of one status), nearest deadline first. */
  under(pathPrefix: string, status: FollowUpStatus | undefined, limit = 100): Promise<FollowUpEntity[]> {
    return this.db.manager.getRepository(FollowUpEntity).find({
      where: { orgPath: Like(`${pathPrefix}%`), ...(status ? { status } : {}) }, order: { status: 'DESC', dueAt: 'ASC', id: 'ASC' }, take: limit,
    });
  }

  /** 办结 by its owner, if still open. */
  async complete(m: EntityManager, id: number, note: string, now: Date): Promise<boolean> {
    const result = await m.getRepository(FollowUpEntity).update({ id, status: 'open' }, { status: 'done', doneAt: now, doneNote: note, leaseUntil: null });
    return Boolean(result.affected);
  }

  /** Claims the open follow-ups past their deadline that have not escalated (at most `batch`) and works each claimed one. */
  workOverdue(now: Date, batch: number, until: Date, work: (id: number) => Promise<boolean>): Promise<number> {
    return workClaimed(
      this.db.manager.getRepository(FollowUpEntity),
      {
        where: { status: 'open', escalatedAt: IsNull(), dueAt: LessThanOrEqual(now) },
        sql: "status = 'open' AND escalated_at IS NULL AND due_at <= :now", params: { now }, order: { dueAt: 'ASC' }, batch,
      },
      { until },
      now,
      work,
    );
  }

  /** Marks one escalated, once (false when another instance or a completion got there first). */
  async markEscalated(m: EntityManager, id: number, now: Date): Promise<boolean> {
    const result = await m.getRepository(FollowUpEntity).update({ id, status: 'open', escalatedAt: IsNull() }, { escalatedAt: now, leaseUntil: null });
    return Boolean(result.affected);
  }
}

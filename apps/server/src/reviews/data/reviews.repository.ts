import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThanOrEqual, Like, MoreThanOrEqual, Not } from 'typeorm';
import { Database } from '../../common/db';
import { ReviewEntity, ReviewMissEntity } from './review.entity';
import { isUniqueViolation } from './unique';

/** Every statement on reviews and review_misses. */
@Injectable()
export class ReviewsRepository {
  constructor(private readonly db: Database) {}

  find(id: number): Promise<ReviewEntity | null> {
    return this.db.manager.getRepository(ReviewEntity).findOne({ where: { id } });
  }

  /** A node's reviews of these periods (by their first days). */
  ofPeriods(orgIds: readonly number[], froms: readonly string[]): Promise<ReviewEntity[]> {
    if (!orgIds.length || !froms.length) return Promise.resolve([]);
    return this.db.manager.getRepository(ReviewEntity).find({ where: { orgId: In([...orgIds]), periodFrom: In([...froms]) } });
  }

  missesOf(orgId: number, froms: readonly string[]): Promise<ReviewMissEntity[]> {
    if (!froms.length) return Promise.resolve([]);
    return this.db.manager.getRepository(ReviewMissEntity).find({ where: { orgId, periodFrom: In([...froms]) } });
  }

  /** Which of these nodes have the period starting `from` reported as missed already. */
  missesFor(orgIds: readonly number[], from: string): Promise<ReviewMissEntity[]> {
    if (!orgIds.length) return Promise.resolve([]);
    return this.db.manager.getRepository(ReviewMissEntity).find({ select: { orgId: true }, where: { orgId: In([...orgIds]), periodFrom: from } });
  }

  /** The missed periods of the nodes under a path (not the node itself) since a day, latest first. */
  missesUnder(pathPrefix: string, selfId: number, since: string, limit = 50): Promise<ReviewMissEntity[]> {
    return this.db.manager.getRepository(ReviewMissEntity).find({
      where: { orgPath: Like(`${pathPrefix}%`), orgId: Not(selfId), periodFrom: MoreThanOrEqual(since) },
      order: { periodFrom: 'DESC', id: 'DESC' }, take: limit,
    });
  }

  /** The missed periods of a node and the nodes under it that overlap `from`..`to` (figures), earliest first. */
  missesIn(pathPrefix: string, from: string, to: string): Promise<ReviewMissEntity[]> {
    return this.db.manager.getRepository(ReviewMissEntity).find({
      where: { orgPath: Like(`${pathPrefix}%`), periodFrom: LessThanOrEqual(to), periodTo: MoreThanOrEqual(from) },
      order: { periodFrom: 'ASC', id: 'ASC' }, take: 500,
    });
  }

  /** The review row, or null when the node's period has one already. */
  async insert(m: EntityManager, row: Omit<ReviewEntity, 'id'>): Promise<number | null> {
    try {
      const result = await m.getRepository(ReviewEntity).insert(row);
      return Number(result.identifiers[0].id);
    } catch (err) {
      if (isUniqueViolation(err)) return null;
      throw err;
    }
  }

  /**
   * A missed period, once: the row and `then` (the notice) in one transaction, so of several
   * instances only the one whose insert wins reports it. False when it was reported already.
   */
  async reportMiss(row: Omit<ReviewMissEntity, 'id'>, then: (m: EntityManager) => Promise<void>): Promise<boolean> {
    try {
      await this.db.transaction(async ({ manager: m }) => {
        await m.getRepository(ReviewMissEntity).insert(row);
        await then(m);
      });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
}

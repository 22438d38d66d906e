import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Database } from '../../common/db';
import { MajorIssueEntity, StationLinkEntity } from './major-issue.entity';

/** Every statement on major_issues and station_links. */
@Injectable()
export class MajorIssuesRepository {
  constructor(private readonly db: Database) {}

  async linkedLeader(stationId: number): Promise<number | null> {
    const row = await this.db.manager.getRepository(StationLinkEntity).findOne({ where: { stationId } });
    return row?.leaderId ?? null;
  }

  /** 挂点: the city leader who links a station (one per station; a new link replaces the old). */
  async link(stationId: number, leaderId: number): Promise<void> {
    await this.db.manager.getRepository(StationLinkEntity).save({ stationId, leaderId });
  }

  async insert(m: EntityManager, row: Omit<MajorIssueEntity, 'id'>): Promise<number> {
    const result = await m.getRepository(MajorIssueEntity).insert(row);
    return Number(result.identifiers[0].id);
  }

  find(id: number): Promise<MajorIssueEntity | null> {
    return this.db.manager.getRepository(MajorIssueEntity).findOne({ where: { id } });
  }

  /** Those of some stations, or put to one leader; open first, newest first. */
  list(where: { stationIds?: number[]; leaderId?: number }, limit = 100): Promise<MajorIssueEntity[]> {
    const conditions = [
      ...(where.stationIds?.length ? [{ stationId: In(where.stationIds) }] : []),
      ...(where.leaderId ? [{ leaderId: where.leaderId }] : []),
    ];
    if (!conditions.length) return Promise.resolve([]);
    return this.db.manager.getRepository(MajorIssueEntity).find({ where: conditions, order: { status: 'DESC', raisedAt: 'DESC', id: 'DESC' }, take: limit });
  }

  async answer(m: EntityManager, id: number, feedback: string, now: Date): Promise<boolean> {
    const result = await m.getRepository(MajorIssueEntity).update({ id, status: 'open' }, { status: 'answered', feedback, answeredAt: now });
    return Boolean(result.affected);
  }
}

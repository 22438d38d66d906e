import { Injectable } from '@nestjs/common';
import { EntityManager, FindOptionsWhere, LessThan } from 'typeorm';
import { Database } from '../../common/db';
import { AuditEntryEntity } from './audit-entry.entity';

/** What an entry's filter may name (谁看过这个人的信息). */
export type AuditEntryFilter = Partial<Pick<AuditEntryEntity, 'action' | 'targetType' | 'targetId'>> & { actorId?: number };

/** Every statement on `audit_log`: appending (one entry or several in one statement), the newest-first page, the retention purge. */
@Injectable()
export class AuditEntriesRepository {
  constructor(private readonly db: Database) {}

  /** Appends entries, in the caller's transaction when `m` is given; several go in one INSERT. */
  async append(entries: Omit<AuditEntryEntity, 'id'>[], m: EntityManager = this.db.manager): Promise<void> {
    if (!entries.length) return;
    await m.getRepository(AuditEntryEntity).insert(entries.length === 1 ? entries[0] : entries);
  }

  page(filter: AuditEntryFilter, page: number, pageSize: number): Promise<[AuditEntryEntity[], number]> {
    const where: FindOptionsWhere<AuditEntryEntity> = {};
    if (filter.action) where.action = filter.action;
    if (filter.actorId) where.actorId = filter.actorId;
    if (filter.targetType) where.targetType = filter.targetType;
    if (filter.targetId) where.targetId = filter.targetId;
    return this.db.manager.getRepository(AuditEntryEntity).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
  }

  /** Removes the entries older than `cutoff`; how many. */
  async purgeBefore(cutoff: Date): Promise<number> {
    const result = await this.db.manager.getRepository(AuditEntryEntity).delete({ at: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}

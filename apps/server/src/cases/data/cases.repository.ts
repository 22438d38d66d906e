import { CaseKind, CaseStatus, CaseSummary, EscalationLevel, Page } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { parseDbDate } from '../../common/db-date';
import { caseNumber } from '../case-number';
import { selectRows } from '../../common/db';
import { FieldCipher } from '../../personal-data/field-cipher';
import { sealedReporterKeyOf } from '../../personal-data/sealed-links';
import { Scope } from '../../org/scope';
import type { CaseEntity } from './case.entity';
import { QueueFilter, queueCountQuery, queueQuery, QueueScope, subtreeQueueScope, SUMMARY_COLUMNS } from './queue-sql';

export { OPEN_STATUSES, type QueueFilter } from './queue-sql';
export { sealedReporterKeyOf } from '../../personal-data/sealed-links';

/** The keyed hash that ties a case to its reporter without storing who for sealed reports. */
export const reporterKeyOf = (userId: number) => FieldCipher.idBlindIndex(`reporter:${userId}`);

/** Both reporter keys of a user: their cases are those with either. */
export const reporterKeysOf = (userId: number): [string, string] => [reporterKeyOf(userId), sealedReporterKeyOf(userId)];

/** Whether the user reported the case (sealed or not). */
export const isReporterOf = (userId: number, entity: Pick<CaseEntity, 'reporterKey'>): boolean =>
  reporterKeysOf(userId).includes(entity.reporterKey);

/**
 * Case queries that return lists. Every one takes the caller's Scope; summaries are read as raw
 * rows (no entity hydration) because the queue is the hottest read of the product.
 */
@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds the scope condition; false when the scope can see no cases at all. */
  applyScope(qb: SelectQueryBuilder<ObjectLiteral>, scope: Scope): boolean {
    switch (scope.kind) {
      case 'subtree':
        qb.andWhere('c.org_path LIKE :prefix', { prefix: `${scope.pathPrefix}%` });
        return true;
      case 'officer':
        qb.andWhere('c.officer_id = :officerId', { officerId: scope.officerId });
        return true;
      case 'self':
        qb.andWhere('c.reporter_key IN (:...reporterKeys)', { reporterKeys: reporterKeysOf(scope.userId) });
        return true;
      case 'none':
        return false;
    }
  }

  /** Summary rows of cases (alias c) with their community's name. */
  private summaryQuery(): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource
      .createQueryBuilder()
      .from('cases', 'c')
      .innerJoin('org_units', 'o', 'o.id = c.community_id')
      .select(SUMMARY_COLUMNS.split(', '));
  }

  static toSummary(raw: Record<string, unknown>, now: Date): CaseSummary {
    const nextDueAt = parseDbDate(raw.nextDueAt);
    const id = Number(raw.id);
    const createdAt = parseDbDate(raw.createdAt) as Date;
    return {
      id,
      number: caseNumber(createdAt, id),
      kind: raw.kind as CaseKind,
      subcategory: String(raw.subcategory),
      title: String(raw.title),
      status: raw.status as CaseStatus,
      communityId: Number(raw.communityId),
      communityName: String(raw.communityName),
      createdAt: createdAt.toISOString(),
      nextDueAt: nextDueAt?.toISOString() ?? null,
      overdue: Boolean(nextDueAt && nextDueAt.getTime() < now.getTime()),
      escalation: Number(raw.escalation) as EscalationLevel,
      seriousRisk: Boolean(Number(raw.seriousRisk)),
      heldForReview: Boolean(Number(raw.heldForReview)),
    };
  }

  /** The queue's form of a scope; null when the scope can see no cases at all. */
  static queueScope(scope: Scope): QueueScope | null {
    switch (scope.kind) {
      case 'subtree':
        return subtreeQueueScope(scope.pathPrefix);
      case 'officer':
        return { kind: 'officer', officerId: scope.officerId };
      case 'self':
        return { kind: 'self', reporterKeys: reporterKeysOf(scope.userId) };
      case 'none':
        return null;
    }
  }

  /**
   * The handling queue: open cases by default, overdue first, then by the nearest deadline, in
   * one statement (queueQuery). Sent as hand-written SQL and read as raw rows: this is the
   * hottest read of the product, and building it with the query builder cost more CPU than the
   * database spent answering it.
   */
  async queue(scope: Scope, filter: QueueFilter, now = new Date()): Promise<Page<CaseSummary>> {
    return this.queuePage(CasesRepository.queueScope(scope), filter, now);
  }

  /**
   * 督办: the open cases of a leader's subtree escalated to one of `levels`, most overdue first,
   * paged like the queue. The subtree is matched on its `org_path` prefix even for one station
   * (not `station_id` as the queue does), because ix_cases_escalated leads with escalation and
   * org_path (migration Supervision1765700000000). Other scopes have no 督办 list.
   */
  async escalated(scope: Scope, levels: readonly EscalationLevel[], page: number, pageSize: number, now = new Date()): Promise<Page<CaseSummary>> {
    const queueScope: QueueScope | null = scope.kind === 'subtree' && levels.length ? { kind: 'subtree', pathPrefix: scope.pathPrefix } : null;
    return this.queuePage(queueScope, { escalations: levels, page, pageSize }, now);
  }

  private async queuePage(queueScope: QueueScope | null, filter: QueueFilter, now: Date): Promise<Page<CaseSummary>> {
    const page = { page: filter.page, pageSize: filter.pageSize };
    if (!queueScope) return { items: [], total: 0, ...page };
    const manager = this.dataSource.manager;
    const { sql, values } = queueQuery(queueScope, filter, now);
    const rows = await selectRows(manager, sql, values);
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && filter.page > 1) {
      // Past the last page there is no row to carry the count. Every case belongs to an existing
      // community (org units are never deleted), so the count needs no join.
      const counted = queueCountQuery(queueScope, filter, now);
      total = Number((await selectRows<{ n: string | number }>(manager, counted.sql, counted.values))[0]?.n ?? 0);
    }
    return { items: rows.map((r) => CasesRepository.toSummary(r, now)), total, ...page };
  }

  /** A resident's own reports, newest first (sealed ones included: found by the reporter key). */
  async mine(userId: number, page: number, pageSize: number, now = new Date()): Promise<Page<CaseSummary>> {
    const qb = this.summaryQuery().where('c.reporter_key IN (:...keys)', { keys: reporterKeysOf(userId) });
    const total = await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: string | number }>();
    const rows = await qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<Record<string, unknown>>();
    return { items: rows.map((r) => CasesRepository.toSummary(r, now)), total: Number(total?.n ?? 0), page, pageSize };
  }

  /** Whether a case, as read, lies in the scope: the same condition applyScope puts into SQL. */
  static caseInScope(scope: Scope, entity: Pick<CaseEntity, 'reporterKey' | 'officerId' | 'orgPath'>): boolean {
    switch (scope.kind) {
      case 'subtree':
        return entity.orgPath.startsWith(scope.pathPrefix);
      case 'officer':
        return entity.officerId === scope.officerId;
      case 'self':
        return isReporterOf(scope.userId, entity);
      case 'none':
        return false;
    }
  }

  /** Whether one case lies in the scope (the object-level check behind every case id). */
  async inScope(scope: Scope, caseId: number): Promise<boolean> {
    const qb = this.dataSource.createQueryBuilder().from('cases', 'c').select('c.id', 'id').where('c.id = :caseId', { caseId });
    if (!this.applyScope(qb, scope)) return false;
    return Boolean(await qb.getRawOne());
  }
}

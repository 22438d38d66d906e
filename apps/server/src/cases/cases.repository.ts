import { CaseKind, CaseStatus, CaseSummary, EscalationLevel, Page, TERMINAL_STATUSES } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { parseDbDate } from '../common/db-date';
import { FieldCipher } from '../personal-data/field-cipher';
import { Scope } from '../org/scope';

export interface QueueFilter {
  status?: CaseStatus;
  kind?: CaseKind;
  communityId?: number;
  overdue?: boolean;
  page: number;
  pageSize: number;
}

/** Every status that is not terminal: what the queue shows by default. */
export const OPEN_STATUSES: readonly CaseStatus[] = Object.values(CaseStatus).filter((s) => !TERMINAL_STATUSES.includes(s));

/** The keyed hash that ties a case to its reporter without storing who for sealed reports. */
export const reporterKeyOf = (userId: number) => FieldCipher.blindIndex(`reporter:${userId}`);

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
        qb.andWhere('c.reporter_key = :reporterKey', { reporterKey: reporterKeyOf(scope.userId) });
        return true;
      case 'none':
        return false;
    }
  }

  /** Summary rows; with `page`, only the cases whose ids that derived table (alias p) selects. */
  private summaryQuery(now: Date, page?: (sub: SelectQueryBuilder<ObjectLiteral>) => SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.dataSource.createQueryBuilder();
    if (page) qb.from(page, 'p').innerJoin('cases', 'c', 'c.id = p.id');
    else qb.from('cases', 'c');
    return qb
      .innerJoin('org_units', 'o', 'o.id = c.community_id')
      .select([
        'c.id AS id', 'c.number AS number', 'c.kind AS kind', 'c.subcategory AS subcategory', 'c.title AS title',
        'c.status AS status', 'c.community_id AS communityId', 'o.name AS communityName', 'c.created_at AS createdAt',
        'c.next_due_at AS nextDueAt', 'c.escalation AS escalation', 'c.serious_risk AS seriousRisk',
        'c.held_for_review AS heldForReview',
      ])
      .addSelect('CASE WHEN c.next_due_at IS NOT NULL AND c.next_due_at < :now THEN 0 ELSE 1 END', 'overdueRank')
      .addSelect('CASE WHEN c.next_due_at IS NULL THEN 1 ELSE 0 END', 'noDue')
      .setParameter('now', now);
  }

  /** Scope and filters of the queue on `qb` (alias c); false when the scope can see no cases. */
  private queueWhere(qb: SelectQueryBuilder<ObjectLiteral>, scope: Scope, filter: QueueFilter, now: Date): boolean {
    if (!this.applyScope(qb, scope)) return false;
    if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    // The same set written two ways, for the index each scope uses. A subtree's org_path LIKE is
    // a range, so its index (ix_cases_open_queue) leads with status: equalities there keep the
    // scan to the subtree's open cases. An officer's index leads with officer_id, which already
    // narrows to a few hundred cases; NOT IN then spares the optimizer probing every open status
    // in the status-led indexes.
    else if (scope.kind === 'subtree') qb.andWhere('c.status IN (:...open)', { open: OPEN_STATUSES });
    else qb.andWhere('c.status NOT IN (:...terminal)', { terminal: TERMINAL_STATUSES });
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.communityId) qb.andWhere('c.community_id = :communityId', { communityId: filter.communityId });
    if (filter.overdue) qb.andWhere('c.next_due_at < :now', { now });
    return true;
  }

  static toSummary(raw: Record<string, unknown>, now: Date): CaseSummary {
    const nextDueAt = parseDbDate(raw.nextDueAt);
    return {
      id: Number(raw.id),
      number: String(raw.number),
      kind: raw.kind as CaseKind,
      subcategory: String(raw.subcategory),
      title: String(raw.title),
      status: raw.status as CaseStatus,
      communityId: Number(raw.communityId),
      communityName: String(raw.communityName),
      createdAt: (parseDbDate(raw.createdAt) as Date).toISOString(),
      nextDueAt: nextDueAt?.toISOString() ?? null,
      overdue: Boolean(nextDueAt && nextDueAt.getTime() < now.getTime()),
      escalation: Number(raw.escalation) as EscalationLevel,
      seriousRisk: Boolean(Number(raw.seriousRisk)),
      heldForReview: Boolean(Number(raw.heldForReview)),
    };
  }

  /**
   * The handling queue: open cases by default, overdue first, then by the nearest deadline.
   * One statement: the page is picked on ids alone, in a derived table the scope index covers
   * (scope column, status, next_due_at and the primary key) and which also counts the whole
   * result (COUNT(*) OVER ()); only the page's rows are then read and joined. A wide scope thus
   * costs an index range scan and a sort of ids, not a row read per open case.
   */
  async queue(scope: Scope, filter: QueueFilter, now = new Date()): Promise<Page<CaseSummary>> {
    const page = { page: filter.page, pageSize: filter.pageSize };
    if (scope.kind === 'none') return { items: [], total: 0, ...page };
    const pageIds = (sub: SelectQueryBuilder<ObjectLiteral>) => {
      sub
        .from('cases', 'c')
        .select('c.id', 'id')
        .addSelect('COUNT(*) OVER ()', 'total')
        .addSelect('CASE WHEN c.next_due_at IS NOT NULL AND c.next_due_at < :now THEN 0 ELSE 1 END', 'overdueRank')
        .addSelect('CASE WHEN c.next_due_at IS NULL THEN 1 ELSE 0 END', 'noDue')
        .setParameter('now', now);
      this.queueWhere(sub, scope, filter, now);
      return queueOrder(sub)
        .offset((filter.page - 1) * filter.pageSize)
        .limit(filter.pageSize);
    };
    const rows = await queueOrder(this.summaryQuery(now, pageIds).addSelect('p.total', 'total')).getRawMany<Record<string, unknown>>();
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && filter.page > 1) {
      // Past the last page there is no row to carry the count. Every case belongs to an existing
      // community (org units are never deleted), so the count needs no join.
      const counted = this.dataSource.createQueryBuilder().from('cases', 'c').select('COUNT(*)', 'n');
      this.queueWhere(counted, scope, filter, now);
      total = Number((await counted.getRawOne<{ n: string | number }>())?.n ?? 0);
    }
    return { items: rows.map((r) => CasesRepository.toSummary(r, now)), total, ...page };
  }

  /** A resident's own reports, newest first (sealed ones included: found by the reporter key). */
  async mine(userId: number, page: number, pageSize: number, now = new Date()): Promise<Page<CaseSummary>> {
    const qb = this.summaryQuery(now).where('c.reporter_key = :key', { key: reporterKeyOf(userId) });
    const total = await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: string | number }>();
    const rows = await qb
      .orderBy('c.created_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getRawMany<Record<string, unknown>>();
    return { items: rows.map((r) => CasesRepository.toSummary(r, now)), total: Number(total?.n ?? 0), page, pageSize };
  }

  /** Whether one case lies in the scope (the object-level check behind every case id). */
  async inScope(scope: Scope, caseId: number): Promise<boolean> {
    const qb = this.dataSource.createQueryBuilder().from('cases', 'c').select('c.id', 'id').where('c.id = :caseId', { caseId });
    if (!this.applyScope(qb, scope)) return false;
    return Boolean(await qb.getRawOne());
  }
}

/** Overdue first, then by the nearest deadline, cases without one last; newest first on ties. */
function queueOrder(qb: SelectQueryBuilder<ObjectLiteral>): SelectQueryBuilder<ObjectLiteral> {
  return qb.orderBy('overdueRank', 'ASC').addOrderBy('noDue', 'ASC').addOrderBy('c.next_due_at', 'ASC').addOrderBy('c.id', 'DESC');
}

import { CaseKind, CaseStatus, TimelineEventType } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { parseDbDate } from '../../common/db-date';
import { FigureTarget, placeholders, selectRows, targetCondition, TimeRange } from '../../common/db';
import { caseNumber } from '../case-number';

/** A case behind a figure and the moment that put it in the period. */
export interface CaseMoment {
  id: number;
  at: Date;
}

/** The three rates' numerators and denominators over one cohort (docs/figures.md). */
export interface CaseRateCounts {
  responseMet: number;
  responseDue: number;
  resolved: number;
  resolvable: number;
  satisfied: number;
  rated: number;
}

/** What a drill-down list shows of a case. */
export interface CaseFigureRow {
  id: number;
  number: string;
  kind: CaseKind;
  title: string;
  communityName: string;
}

/** Its first change to 已办结待确认, from the timeline (the only writer of case_events is case-timeline). */
const FIRST_RESOLVED_AT =
  `(SELECT MIN(e.at) FROM case_events e WHERE e.case_id = c.id AND e.type = '${TimelineEventType.StatusChanged}' AND e.to_status = '${CaseStatus.Resolved}')`;

const RATE_COLUMNS = `
  COALESCE(SUM(d.met_at IS NOT NULL AND d.met_at <= d.due_at), 0) AS responseMet,
  COALESCE(SUM(d.id IS NOT NULL AND (d.met_at IS NOT NULL OR d.due_at <= ?)), 0) AS responseDue,
  COALESCE(SUM(c.status = '${CaseStatus.Closed}'), 0) AS resolved,
  COALESCE(SUM(c.status NOT IN ('${CaseStatus.Rejected}', '${CaseStatus.Duplicate}')), 0) AS resolvable,
  COALESCE(SUM(c.rating >= 4), 0) AS satisfied,
  COALESCE(SUM(c.rating IS NOT NULL), 0) AS rated`;

const toRates = (r: Record<string, unknown> | undefined): CaseRateCounts => ({
  responseMet: Number(r?.responseMet ?? 0),
  responseDue: Number(r?.responseDue ?? 0),
  resolved: Number(r?.resolved ?? 0),
  resolvable: Number(r?.resolvable ?? 0),
  satisfied: Number(r?.satisfied ?? 0),
  rated: Number(r?.rated ?? 0),
});

/**
 * The counting statements of figures on the cases feature's tables (cases, case_events,
 * case_deadlines), for the figures feature through CasesApi.figures. Definitions: docs/figures.md.
 */
@Injectable()
export class CaseFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private rows<T = Record<string, unknown>>(sql: string, values: unknown[]): Promise<T[]> {
    return selectRows<T>(this.dataSource.manager, sql, values);
  }

  /** Cases of `kinds` whose first resolution falls in the period (化解矛盾's cases, 安全防范's hazards). */
  async firstResolved(target: FigureTarget, kinds: readonly CaseKind[], range: TimeRange): Promise<CaseMoment[]> {
    const scope = targetCondition(target, 'c.org_path', 'c.officer_id');
    const rows = await this.rows(
      `SELECT x.id, x.at FROM (SELECT c.id, ${FIRST_RESOLVED_AT} AS at FROM cases c ` +
        `WHERE c.kind IN (${placeholders(kinds.length)}) AND ${scope.sql} AND c.created_at < ?) x ` +
        'WHERE x.at >= ? AND x.at < ?',
      [...kinds, ...scope.values, range.to, range.from, range.to],
    );
    return rows.map((r) => ({ id: Number(r.id), at: parseDbDate(r.at) as Date }));
  }

  /**
   * Of the given cases, those of `kinds` in the target, with their first resolution (null if
   * never resolved): a mediation settlement is counted once with its case.
   */
  async firstResolvedOf(target: FigureTarget, kinds: readonly CaseKind[], ids: readonly number[]): Promise<Map<number, Date | null>> {
    if (!ids.length) return new Map();
    const scope = targetCondition(target, 'c.org_path', 'c.officer_id');
    const rows = await this.rows(
      `SELECT c.id, ${FIRST_RESOLVED_AT} AS at FROM cases c WHERE c.id IN (${placeholders(ids.length)}) ` +
        `AND c.kind IN (${placeholders(kinds.length)}) AND ${scope.sql}`,
      [...ids, ...kinds, ...scope.values],
    );
    return new Map(rows.map((r) => [Number(r.id), parseDbDate(r.at)]));
  }

  /** Cases closed (resolved and confirmed) in the period: of `kinds`, or with other kinds when `exceptKinds`. */
  async closed(target: FigureTarget, kinds: readonly CaseKind[], range: TimeRange, exceptKinds = false): Promise<CaseMoment[]> {
    const scope = targetCondition(target, 'c.org_path', 'c.officer_id');
    const rows = await this.rows(
      `SELECT c.id, c.closed_at AS at FROM cases c WHERE c.kind ${exceptKinds ? 'NOT IN' : 'IN'} (${placeholders(kinds.length)}) ` +
        `AND ${scope.sql} AND c.status = ? AND c.closed_at >= ? AND c.closed_at < ?`,
      [...kinds, ...scope.values, CaseStatus.Closed, range.from, range.to],
    );
    return rows.map((r) => ({ id: Number(r.id), at: parseDbDate(r.at) as Date }));
  }

  /** Cases of `kinds` received (submitted) in the period, whatever became of them. */
  async received(target: FigureTarget, kinds: readonly CaseKind[], range: TimeRange): Promise<CaseMoment[]> {
    const scope = targetCondition(target, 'c.org_path', 'c.officer_id');
    const rows = await this.rows(
      `SELECT c.id, c.created_at AS at FROM cases c WHERE c.kind IN (${placeholders(kinds.length)}) ` +
        `AND ${scope.sql} AND c.created_at >= ? AND c.created_at < ?`,
      [...kinds, ...scope.values, range.from, range.to],
    );
    return rows.map((r) => ({ id: Number(r.id), at: parseDbDate(r.at) as Date }));
  }

  /** The three rates over the cases submitted in the period (the cohort), as of `now`. */
  async rates(target: FigureTarget, range: TimeRange, now: Date): Promise<CaseRateCounts> {
    const scope = targetCondition(target, 'c.org_path', 'c.officer_id');
    const rows = await this.rows(
      `SELECT ${RATE_COLUMNS} FROM cases c LEFT JOIN case_deadlines d ON d.case_id = c.id AND d.kind = 'first_response' ` +
        `WHERE ${scope.sql} AND c.created_at >= ? AND c.created_at < ?`,
      [now, ...scope.values, range.from, range.to],
    );
    return toRates(rows[0]);
  }

  /** The three rates of each of these subtrees (sibling nodes, by their paths), for the rankings. */
  async ratesBySubtree(paths: readonly string[], range: TimeRange, now: Date): Promise<Map<string, CaseRateCounts>> {
    if (!paths.length) return new Map();
    // Each case in at most one of the subtrees (siblings do not nest): a CASE names it, and runs on MariaDB and SQLite alike.
    const which = `CASE ${paths.map(() => 'WHEN c.org_path LIKE ? THEN ?').join(' ')} END`;
    const rows = await this.rows(
      `SELECT c.subtree, ${RATE_COLUMNS} FROM (SELECT c.id, c.status, c.rating, ${which} AS subtree FROM cases c WHERE c.created_at >= ? AND c.created_at < ?) c ` +
        "LEFT JOIN case_deadlines d ON d.case_id = c.id AND d.kind = 'first_response' WHERE c.subtree IS NOT NULL GROUP BY c.subtree",
      [now, ...paths.flatMap((p) => [`${p}%`, p]), range.from, range.to],
    );
    return new Map(rows.map((r) => [String(r.subtree), toRates(r)]));
  }

  /** What a drill-down list shows of these cases. */
  async rowsOf(ids: readonly number[]): Promise<Map<number, CaseFigureRow>> {
    if (!ids.length) return new Map();
    const rows = await this.rows(
      'SELECT c.id, c.kind, c.title, c.created_at AS createdAt, o.name AS communityName FROM cases c ' +
        `JOIN org_units o ON o.id = c.community_id WHERE c.id IN (${placeholders(ids.length)})`,
      [...ids],
    );
    return new Map(rows.map((r) => {
      const id = Number(r.id);
      return [id, { id, number: caseNumber(parseDbDate(r.createdAt) as Date, id), kind: r.kind as CaseKind, title: String(r.title), communityName: String(r.communityName) }];
    }));
  }

  /**
   * Per responsible officer (`cases.officer_id`), over the cases submitted in the period: the three
   * rates' counts and the first responses met, with the minutes each took (成绩突出社区民警's ranking).
   */
  async byOfficer(officerIds: readonly number[], range: TimeRange, now: Date): Promise<Map<number, CaseRateCounts & { responseMinutes: number[] }>> {
    if (!officerIds.length) return new Map();
    const inOfficers = `c.officer_id IN (${placeholders(officerIds.length)}) AND c.created_at >= ? AND c.created_at < ?`;
    const [rates, met] = await Promise.all([
      this.rows(
        `SELECT c.officer_id AS officerId, ${RATE_COLUMNS} FROM cases c LEFT JOIN case_deadlines d ON d.case_id = c.id AND d.kind = 'first_response' ` +
          `WHERE ${inOfficers} GROUP BY c.officer_id`,
        [now, ...officerIds, range.from, range.to],
      ),
      this.rows(
        "SELECT c.officer_id AS officerId, c.created_at AS createdAt, d.met_at AS metAt FROM cases c JOIN case_deadlines d ON d.case_id = c.id AND d.kind = 'first_response' " +
          `WHERE ${inOfficers} AND d.met_at IS NOT NULL`,
        [...officerIds, range.from, range.to],
      ),
    ]);
    const out = new Map<number, CaseRateCounts & { responseMinutes: number[] }>();
    for (const r of rates) out.set(Number(r.officerId), { ...toRates(r), responseMinutes: [] });
    for (const r of met) {
      const minutes = ((parseDbDate(r.metAt) as Date).getTime() - (parseDbDate(r.createdAt) as Date).getTime()) / 60_000;
      out.get(Number(r.officerId))?.responseMinutes.push(Math.max(0, minutes));
    }
    return out;
  }
}

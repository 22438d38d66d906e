import { CaseKind, CaseStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { parseDbDate } from '../../common/db-date';
import { Database } from '../../common/db';
import type { Scope } from '../../org/scope';
import { CasesRepository, OPEN_STATUSES } from './cases.repository';

/** A case of the governance digest (基层社会治理日报), with the class an officer gave it, if any. */
export interface DigestCaseRow {
  id: number;
  title: string;
  kind: CaseKind;
  status: CaseStatus;
  seriousRisk: boolean;
  createdAt: Date;
  communityName: string;
  governanceClass: string | null;
}

/** How many digest cases share a class (as given, or null), kind and serious-risk flag. */
export interface DigestGroupRow {
  governanceClass: string | null;
  kind: CaseKind;
  seriousRisk: boolean;
  n: number;
}

/** Where a case in handling at a moment was (the daily snapshot keeps it for the digest of that day). */
export interface OpenCasePlace {
  id: number;
  communityId: number;
  orgPath: string;
  officerId: number | null;
  status: CaseStatus;
}

/**
 * The cases in handling at a moment, for the governance digest (referrals/governance.service.ts,
 * through CasesApi.openAt). Joins referrals' `case_governance` (a case's class, keyed by case id)
 * by table name, as the case page joins `users`.
 */
@Injectable()
export class CaseDigestRepository {
  constructor(
    private readonly db: Database,
    private readonly cases: CasesRepository,
  ) {}

  /**
   * Cases in the scope open at `end`: the first `limit` (serious risk first, newest first) and the
   * counts over all of them. With `pastDay`, a case's status then is the last its timeline had
   * reached by `end` (the newest status event before it; events are append-only, so the newest id
   * is the latest change and ix_case_events_case reads it backwards).
   */
  /** Every case in handling at `end` (a past moment), where it is now, with its status then: for the daily snapshot. */
  async placesOpenAt(end: Date): Promise<OpenCasePlace[]> {
    const statusAt = `COALESCE((SELECT e.to_status FROM case_events e WHERE e.case_id = c.id AND e.to_status IS NOT NULL AND e.at < :end ORDER BY e.id DESC LIMIT 1), '${CaseStatus.Submitted}')`;
    const rows = await this.db.manager
      .createQueryBuilder()
      .from('cases', 'c')
      .select(['c.id AS id', 'c.community_id AS communityId', 'c.org_path AS orgPath', 'c.officer_id AS officerId', `${statusAt} AS status`])
      .where('c.created_at < :end', { end })
      .andWhere('(c.status IN (:...open) OR c.updated_at >= :end)', { open: OPEN_STATUSES })
      .andWhere(`${statusAt} IN (:...open)`)
      .getRawMany<Record<string, unknown>>();
    return rows.map((r) => ({
      id: Number(r.id), communityId: Number(r.communityId), orgPath: String(r.orgPath), officerId: r.officerId == null ? null : Number(r.officerId), status: r.status as CaseStatus,
    }));
  }

  /** What the digest shows of these cases (their status and place come from the snapshot), in no order. */
  async digestRowsOf(ids: readonly number[]): Promise<Omit<DigestCaseRow, 'status' | 'communityName'>[]> {
    const out: Omit<DigestCaseRow, 'status' | 'communityName'>[] = [];
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.db.manager
        .createQueryBuilder()
        .from('cases', 'c')
        .leftJoin('case_governance', 'g', 'g.case_id = c.id')
        .select(['c.id AS id', 'c.title AS title', 'c.kind AS kind', 'c.serious_risk AS seriousRisk', 'c.created_at AS createdAt', 'g.governance_class AS governanceClass'])
        .where('c.id IN (:...ids)', { ids: ids.slice(i, i + 1000) })
        .getRawMany<Record<string, unknown>>();
      for (const r of rows) {
        out.push({
          id: Number(r.id), title: String(r.title), kind: r.kind as CaseKind, seriousRisk: Boolean(Number(r.seriousRisk)),
          createdAt: parseDbDate(r.createdAt) as Date, governanceClass: r.governanceClass == null ? null : String(r.governanceClass),
        });
      }
    }
    return out;
  }

  async openAt(scope: Scope, end: Date, pastDay: boolean, limit: number): Promise<{ rows: DigestCaseRow[]; groups: DigestGroupRow[] }> {
    const statusAt = pastDay
      ? `COALESCE((SELECT e.to_status FROM case_events e WHERE e.case_id = c.id AND e.to_status IS NOT NULL AND e.at < :end ORDER BY e.id DESC LIMIT 1), '${CaseStatus.Submitted}')`
      : 'c.status';
    const base = this.db.manager
      .createQueryBuilder()
      .from('cases', 'c')
      .leftJoin('case_governance', 'g', 'g.case_id = c.id')
      .where('c.created_at < :end', { end });
    if (pastDay) {
      // Only a case open now or changed since the day ended can have been open then.
      base.andWhere('(c.status IN (:...open) OR c.updated_at >= :end)', { open: OPEN_STATUSES });
      base.andWhere(`${statusAt} IN (:...open)`);
    } else {
      base.andWhere('c.status IN (:...open)', { open: OPEN_STATUSES });
    }
    if (!this.cases.applyScope(base, scope)) base.andWhere('1 = 0');

    const list = base
      .clone()
      .innerJoin('org_units', 'o', 'o.id = c.community_id')
      .select([
        'c.id AS id', 'c.title AS title', 'c.kind AS kind', `${statusAt} AS status`, 'c.serious_risk AS seriousRisk',
        'c.created_at AS createdAt', 'o.name AS communityName', 'g.governance_class AS governanceClass',
      ])
      .orderBy('c.serious_risk', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(limit);
    const tally = base
      .clone()
      .select(['g.governance_class AS governanceClass', 'c.kind AS kind', 'c.serious_risk AS seriousRisk', 'COUNT(*) AS n'])
      .groupBy('g.governance_class')
      .addGroupBy('c.kind')
      .addGroupBy('c.serious_risk');
    const [rows, groups] = await Promise.all([list.getRawMany<Record<string, unknown>>(), tally.getRawMany<Record<string, unknown>>()]);
    const text = (v: unknown) => (v == null ? null : String(v));
    return {
      rows: rows.map((r) => ({
        id: Number(r.id), title: String(r.title), kind: r.kind as CaseKind, status: r.status as CaseStatus, seriousRisk: Boolean(Number(r.seriousRisk)),
        createdAt: parseDbDate(r.createdAt) as Date, communityName: String(r.communityName), governanceClass: text(r.governanceClass),
      })),
      groups: groups.map((g) => ({ governanceClass: text(g.governanceClass), kind: g.kind as CaseKind, seriousRisk: Boolean(Number(g.seriousRisk)), n: Number(g.n) })),
    };
  }
}

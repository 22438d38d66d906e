import {
  ErrorCode, honourTitle, HONOUR_SHOWN_MONTHS, MONTH_PATTERN, NameOfficerRequest, OFFICER_MEASURES, OfficerHonourView, OfficerMeasure, OfficerRanking,
  OfficerRankingRow, OrgLevel, Permission, rateRatio, Role,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { BulletinFiguresService } from '../bulletins';
import { CasesApi } from '../cases';
import { chinaDate, chinaMidnight } from '../common/china-time';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { Accounts } from '../identity';
import { NotificationsService } from '../notifications';
import { FigureUnit, OrgFiguresRepository } from '../org';
import { OfficerHonoursRepository } from './data/officer-honours.repository';
import { RewardsRepository } from './data/rewards.repository';

type Measured = Omit<OfficerRankingRow, 'ranks' | 'score' | 'rank' | 'honoured'>;

/** A measure's value, higher better (null: nothing counted; it ranks last). */
const VALUE: Record<OfficerMeasure, (r: Measured) => number | null> = {
  responseMinutes: (r) => (r.responseMinutes === null ? null : -r.responseMinutes),
  resolution: (r) => rateRatio(r.resolution),
  satisfaction: (r) => rateRatio(r.satisfaction),
  pushes: (r) => r.pushes,
  rewards: (r) => r.rewards,
};

/** Competition ranking (1, 2, 2, 4) of values, higher first; null ranks last (after every value). */
export function ranksOf(values: (number | null)[]): number[] {
  return values.map((v) => (v === null ? values.length : 1 + values.filter((o) => o !== null && o > v).length));
}

/** Each measure's rank, their sum as the score, and the overall place by score (equal scores share it). */
export function rankOfficers(rows: Measured[], honoured: Set<number>): OfficerRankingRow[] {
  const perMeasure = Object.fromEntries(OFFICER_MEASURES.map((m) => [m, ranksOf(rows.map(VALUE[m]))])) as Record<OfficerMeasure, number[]>;
  const scored = rows.map((row, i) => {
    const ranks = Object.fromEntries(OFFICER_MEASURES.map((m) => [m, perMeasure[m][i]])) as Record<OfficerMeasure, number>;
    return { ...row, ranks, score: OFFICER_MEASURES.reduce((sum, m) => sum + ranks[m], 0), honoured: honoured.has(row.officerId) };
  });
  return scored
    .map((row) => ({ ...row, rank: 1 + scored.filter((o) => o.score < row.score).length }))
    .sort((a, b) => a.score - b.score || a.officerId - b.officerId);
}

/** The China-time month of a moment, YYYY-MM. */
const monthOf = (at: Date | number) => chinaDate(at).slice(0, 7);

/** Months between `month` and `now`'s month (0: this month). */
function monthsAgo(month: string, now: Date): number {
  const current = monthOf(now);
  return (Number(current.slice(0, 4)) - Number(month.slice(0, 4))) * 12 + Number(current.slice(5, 7)) - Number(month.slice(5, 7));
}

/**
 * 成绩突出社区民警 (docs/figures.md, docs/rewards.md): each month the community officers under a node
 * are ranked by five measures taken from records; a branch leader names officers of their branch
 * for a month that is over, and the title shows on the officer card.
 */
@Injectable()
export class OfficerRankingService {
  constructor(
    private readonly org: OrgFiguresRepository,
    private readonly accounts: Accounts,
    private readonly cases: CasesApi,
    private readonly pushes: BulletinFiguresService,
    private readonly rewards: RewardsRepository,
    private readonly honours: OfficerHonoursRepository,
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly db: Database,
  ) {}

  /** The node asked for, in the caller's jurisdiction (default: a leader's own unit); 404 and an audit entry otherwise. */
  private async node(caller: Caller, orgId: number | undefined): Promise<FigureUnit> {
    const id = orgId ?? (caller.scope.kind === 'subtree' ? caller.user.orgUnitId : null);
    if (!id) return this.access.refuse(caller, { type: 'org_unit', id: orgId ?? 0 });
    return this.access.require(caller, { type: 'org_unit', id }, await this.org.unit(id), (u) => ({ place: { path: u.path, officerId: u.officerId } }), [
      { permission: Permission.FiguresRead, within: 'jurisdiction' },
    ]);
  }

  /** The stations under a node (itself, for a station). */
  private async stationsUnder(node: FigureUnit): Promise<FigureUnit[]> {
    if (node.level === OrgLevel.Station) return [node];
    const children = await this.org.children(node.id);
    if (node.level === OrgLevel.Branch) return children;
    return (await Promise.all(children.map((b) => this.org.children(b.id)))).flat();
  }

  private static monthRange(month: string): { from: Date; to: Date; first: string; last: string } {
    const [y, m] = month.split('-').map(Number);
    const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
    const to = chinaMidnight(`${next}-01`);
    return { from: chinaMidnight(`${month}-01`), to, first: `${month}-01`, last: chinaDate(to.getTime() - 86_400_000) };
  }

  async ranking(caller: Caller, q: { month: string; orgId?: number }, now = new Date()): Promise<OfficerRanking> {
    if (!MONTH_PATTERN.test(q.month)) throw new DomainException(ErrorCode.ValidationFailed, ['月份应为 YYYY-MM']);
    if (monthsAgo(q.month, now) < 0) throw new DomainException(ErrorCode.PeriodInFuture);
    const node = await this.node(caller, q.orgId);
    if (node.level === OrgLevel.Community) throw new DomainException(ErrorCode.ValidationFailed, ['请选择派出所、分县局或市局查看民警排名']);
    const stations = await this.stationsUnder(node);
    const officers = (await Promise.all(stations.map(async (s) => (await this.accounts.staffOf(s.id, Role.CommunityOfficer)).map((u) => ({ u, station: s }))))).flat();
    const ids = officers.map((o) => o.u.id);
    const range = OfficerRankingService.monthRange(q.month);
    const [caseFigures, pushFigures, proposed, honoured] = await Promise.all([
      this.cases.figures.byOfficer(ids, range, now),
      ids.length ? this.pushes.pushCounts(caller, range.first, range.last) : Promise.resolve(null),
      this.rewards.proposedBy(ids, range),
      this.honours.namedIn(q.month, ids),
    ]);
    const pushesBy = new Map((pushFigures?.byOfficer ?? []).map((p) => [p.officerId, p.legalPublicity + p.reminders + p.positive]));
    const rows = rankOfficers(officers.map(({ u, station }): Measured => {
      const c = caseFigures.get(u.id);
      const minutes = c?.responseMinutes ?? [];
      return {
        officerId: u.id, officerName: u.nickname, stationName: station.name,
        responseMinutes: minutes.length ? Math.round(minutes.reduce((a, b) => a + b, 0) / minutes.length) : null,
        resolution: { numerator: c?.resolved ?? 0, denominator: c?.resolvable ?? 0 },
        satisfaction: { numerator: c?.satisfied ?? 0, denominator: c?.rated ?? 0 },
        pushes: pushesBy.get(u.id) ?? 0,
        rewards: proposed.get(u.id) ?? 0,
      };
    }), honoured);
    const ago = monthsAgo(q.month, now);
    return {
      month: q.month, node: { id: node.id, name: node.name, level: node.level }, rows,
      canName: caller.permissions.has(Permission.OfficerHonourName) && ago >= 1 && ago <= HONOUR_SHOWN_MONTHS,
    };
  }

  /** Names an officer of the caller's branch 成绩突出社区民警 for a month that is over (within a year); once per officer and month. */
  async name(caller: Caller, dto: NameOfficerRequest, now = new Date()): Promise<OfficerHonourView> {
    const ago = MONTH_PATTERN.test(dto.month) ? monthsAgo(dto.month, now) : -1;
    if (ago < 1 || ago > HONOUR_SHOWN_MONTHS) throw new DomainException(ErrorCode.HonourMonthInvalid);
    const officer = await this.accounts.find(dto.officerId);
    const station = officer?.role === Role.CommunityOfficer && officer.orgUnitId ? await this.org.unit(officer.orgUnitId) : null;
    await this.access.require(caller, { type: 'user', id: dto.officerId }, station, (s) => ({ place: { path: s.path, officerId: null } }), [
      { permission: Permission.OfficerHonourName, within: 'jurisdiction' },
    ]);
    const title = honourTitle(dto.month);
    const named = await this.db.transaction(async (uow) => {
      const made = await this.honours.insert(uow.manager, { officerId: dto.officerId, month: dto.month, orgPath: (station as FigureUnit).path, namedBy: caller.user.id, namedAt: now });
      if (!made) throw new DomainException(ErrorCode.HonourExists);
      await this.audit.recordFor(caller, { action: AuditAction.OfficerHonoured, targetType: 'officer_honour', targetId: made.id, detail: `${dto.month} user#${dto.officerId}` }, uow.manager);
      await this.notifications.notify(uow.manager, [dto.officerId], { title: `您被评为${title}`, body: '居民在“我的社区民警”卡片上可以看到这一称号。', caseId: null }, `officer-honour:${made.id}`);
      return made;
    });
    return { id: named.id, month: dto.month, officerId: dto.officerId, officerName: officer?.nickname ?? '', title, namedAt: now.toISOString() };
  }
}

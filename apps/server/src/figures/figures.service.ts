import {
  CASE_KIND_LABELS, CaseKind, ErrorCode, FIGURE_COUNTERS, FIGURE_RATES, FigureCounter, FigurePeriod, FigureRate, FigureRecord, FigureRecordType, FiguresView, FigureTrend, PeriodKind, periodContaining,
  isCalendarDate, OrgLevel, Page, Permission, periodProblem, PREVENTION_ACTION_LABELS, RankingRow, RateValue, rateRatio,
} from '@jws/contracts';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { Access } from '../access/access';
import { CasesApi, CaseRateCounts } from '../cases';
import { chinaDate, chinaMidnight } from '../common/china-time';
import type { FigureTarget, TimeRange } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { FigureUnit, OrgFiguresRepository } from '../org';
import { FigureSnapshotsRepository, SnapshotSums } from './data/figure-snapshots.repository';
import { PreventionActionsRepository } from './data/prevention-actions.repository';
import { FigureCounting, FigureRef } from './figure-counting';
import { MISSED_REVIEWS, MissedReviewSource } from './missed-reviews';

const DAY_MS = 86_400_000;

/** What the figures are for: the target of the counting statements, and its node (null: an officer's own communities). */
export interface FigureScope {
  target: FigureTarget;
  node: FigureUnit | null;
}

const PERIOD_ERRORS = { reversed: ErrorCode.PeriodReversed, future: ErrorCode.PeriodInFuture, too_long: ErrorCode.PeriodTooLong } as const;

const ratesOf = (c: CaseRateCounts): Record<FigureRate, RateValue> => ({
  response: { numerator: c.responseMet, denominator: c.responseDue },
  resolution: { numerator: c.resolved, denominator: c.resolvable },
  satisfaction: { numerator: c.satisfied, denominator: c.rated },
});

const ZERO_RATES: CaseRateCounts = { responseMet: 0, responseDue: 0, resolved: 0, resolvable: 0, satisfied: 0, rated: 0 };

/** Live counts plus what the snapshots kept. */
function addRates(live: CaseRateCounts, kept: SnapshotSums | undefined): CaseRateCounts {
  if (!kept) return live;
  return {
    responseMet: live.responseMet + kept.responseMet, responseDue: live.responseDue + kept.responseDue,
    resolved: live.resolved + kept.resolved, resolvable: live.resolvable + kept.resolvable,
    satisfied: live.satisfied + kept.satisfied, rated: live.rated + kept.rated,
  };
}

/** Best ratio first; equal ratios share a rank; nothing to divide by: last, unranked. */
export function rank(rows: Omit<RankingRow, 'rank'>[]): RankingRow[] {
  const sorted = [...rows].sort((a, b) => (rateRatio(b) ?? -1) - (rateRatio(a) ?? -1) || a.orgId - b.orgId);
  let previous: { ratio: number; rank: number } | null = null;
  return sorted.map((row, i) => {
    const ratio = rateRatio(row);
    if (ratio === null) return { ...row, rank: null };
    const r: number = previous && previous.ratio === ratio ? previous.rank : i + 1;
    previous = { ratio, rank: r };
    return { ...row, rank: r };
  });
}

/**
 * 数据 (issue #22): the six counters, the three rates with their sibling rankings and 一警一群
 * coverage of a node for a period, and the records behind each counter. Definitions: docs/figures.md.
 */
@Injectable()
export class FiguresService {
  constructor(
    private readonly access: Access,
    private readonly org: OrgFiguresRepository,
    private readonly cases: CasesApi,
    private readonly counting: FigureCounting,
    private readonly prevention: PreventionActionsRepository,
    private readonly snapshots: FigureSnapshotsRepository,
    @Optional() @Inject(MISSED_REVIEWS) private readonly missed?: MissedReviewSource,
  ) {}

  /**
   * Which part of a period is served from the daily snapshots: the run of closed days from its
   * start that all have theirs (a node's target only: an officer's own records are always counted
   * live); the rest, up to the period's end, is counted from the records now.
   */
  private async split(target: FigureTarget, period: FigurePeriod, range: TimeRange, now: Date): Promise<{ kept: FigurePeriod | null; live: TimeRange }> {
    const yesterday = chinaDate(now.getTime() - DAY_MS);
    const lastClosed = period.to < yesterday ? period.to : yesterday;
    if (target.kind !== 'subtree' || period.from > lastClosed) return { kept: null, live: range };
    const made = await this.snapshots.madeDays(period.from, lastClosed);
    let day = period.from;
    let kept: string | null = null;
    while (day <= lastClosed && made.has(day)) {
      kept = day;
      day = chinaDate(chinaMidnight(day).getTime() + DAY_MS);
    }
    if (!kept) return { kept: null, live: range };
    const liveFrom = new Date(chinaMidnight(kept).getTime() + DAY_MS);
    return { kept: { from: period.from, to: kept }, live: { from: liveFrom, to: liveFrom.getTime() > range.to.getTime() ? liveFrom : range.to } };
  }

  /** A period of China-time dates as instants (`to` is the midnight after the last day); coded 400s for bad ones. */
  period(from: string, to: string, now: Date): { period: FigurePeriod; range: TimeRange; live: boolean } {
    if (!isCalendarDate(from) || !isCalendarDate(to)) throw new DomainException(ErrorCode.ValidationFailed, ['日期应为 YYYY-MM-DD 格式的真实日期']);
    const period = { from, to };
    const today = chinaDate(now);
    const problem = periodProblem(period, today);
    if (problem) throw new DomainException(PERIOD_ERRORS[problem]);
    const range = { from: chinaMidnight(from), to: new Date(chinaMidnight(to).getTime() + DAY_MS) };
    return { period, range, live: to >= today };
  }

  /**
   * The node asked for (in the caller's jurisdiction: a leader's subtree, an officer's own
   * communities; else 404 and an audit entry), or by default the caller's own: a leader's unit, an
   * officer's communities together.
   */
  async scope(caller: Caller, orgId: number | undefined): Promise<FigureScope> {
    if (orgId !== undefined) {
      const found = await this.org.unit(orgId);
      const unit = await this.access.require(caller, { type: 'org_unit', id: orgId }, found, (u) => ({ place: { path: u.path, officerId: u.officerId } }), [
        { permission: Permission.FiguresRead, within: 'jurisdiction' },
      ]);
      return { target: { kind: 'subtree', pathPrefix: unit.path }, node: unit };
    }
    const scope = caller.scope;
    if (scope.kind === 'officer') return { target: { kind: 'officer', officerId: scope.officerId }, node: null };
    if (scope.kind !== 'subtree') return this.access.refuse(caller, { type: 'org_unit', id: caller.user.orgUnitId ?? 0 });
    const own = caller.user.orgUnitId ? await this.org.unit(caller.user.orgUnitId) : null;
    return { target: { kind: 'subtree', pathPrefix: scope.pathPrefix }, node: own && own.path === scope.pathPrefix ? own : null };
  }

  async figures(caller: Caller, q: { from: string; to: string; orgId?: number }, now = new Date()): Promise<FiguresView> {
    const { period, range, live } = this.period(q.from, q.to, now);
    const { target, node } = await this.scope(caller, q.orgId);
    const split = await this.split(target, period, range, now);
    const [measured, rankings, coverage, missedReviews] = await Promise.all([
      this.measure(target, split, now),
      this.rankings(node, split, now),
      this.org.coverage(target),
      target.kind === 'subtree' && this.missed ? this.missed.under(target.pathPrefix, period.from, period.to) : Promise.resolve([]),
    ]);
    return { period, node: node && { id: node.id, name: node.name, level: node.level }, live, ...measured, rankings, coverage, missedReviews };
  }

  /**
   * 趋势: the counters and rates of the last `count` periods of a kind (the current one last, from
   * its start to today), for the charts; each period as GET /api/figures counts it.
   */
  async trend(caller: Caller, q: { unit: Exclude<PeriodKind, 'custom'>; count: number; orgId?: number }, now = new Date()): Promise<FigureTrend> {
    const { target, node } = await this.scope(caller, q.orgId);
    const periods: FigurePeriod[] = [periodContaining(q.unit, chinaDate(now))];
    while (periods.length < q.count) periods.unshift(periodContaining(q.unit, chinaDate(chinaMidnight(periods[0].from).getTime() - DAY_MS)));
    const points = await Promise.all(periods.map(async (period) => {
      const { range } = this.period(period.from, period.to, now);
      return { period, ...(await this.measure(target, await this.split(target, period, range, now), now)) };
    }));
    return { unit: q.unit, node: node && { id: node.id, name: node.name, level: node.level }, points };
  }

  /** Counters and rates over a period split into its kept days and the rest. */
  private async measure(target: FigureTarget, split: { kept: FigurePeriod | null; live: TimeRange }, now: Date): Promise<Pick<FiguresView, 'counters' | 'unavailable' | 'rates'>> {
    // A period wholly kept has nothing left to count live.
    const liveEmpty = split.live.from.getTime() >= split.live.to.getTime();
    const [kept, records, rates] = await Promise.all([
      split.kept && target.kind === 'subtree' ? this.snapshots.sums([target.pathPrefix], split.kept.from, split.kept.to).then((m) => m.get(target.pathPrefix)) : Promise.resolve(undefined),
      liveEmpty ? Promise.resolve(null) : this.counting.all(target, split.live),
      liveEmpty ? Promise.resolve(ZERO_RATES) : this.cases.figures.rates(target, split.live, now),
    ]);
    const counters = {} as Record<FigureCounter, number>;
    for (const c of FIGURE_COUNTERS) counters[c] = (records?.[c]?.length ?? 0) + (kept?.[c] ?? 0);
    const unavailable = FIGURE_COUNTERS.filter((c) => (records ? records[c] === null : kept?.[c] === null));
    return { counters, unavailable, rates: ratesOf(addRates(rates, kept)) };
  }

  /** The nodes a node is ranked among: a station's or branch's siblings, the city's branches, a community's fellow communities. */
  private async rankedAmong(node: FigureUnit): Promise<FigureUnit[]> {
    if (node.level === OrgLevel.City) return this.org.children(node.id);
    return node.parentId === null ? [node] : this.org.children(node.parentId);
  }

  private async rankings(node: FigureUnit | null, split: { kept: FigurePeriod | null; live: TimeRange }, now: Date): Promise<Record<FigureRate, RankingRow[]>> {
    const empty = { response: [], resolution: [], satisfaction: [] };
    if (!node) return empty;
    const units = await this.rankedAmong(node);
    const paths = units.map((u) => u.path);
    const [live, kept] = await Promise.all([
      split.live.from.getTime() >= split.live.to.getTime() ? Promise.resolve(new Map<string, CaseRateCounts>()) : this.cases.figures.ratesBySubtree(paths, split.live, now),
      split.kept ? this.snapshots.sums(paths, split.kept.from, split.kept.to) : Promise.resolve(new Map<string, SnapshotSums>()),
    ]);
    const bySubtree = new Map(paths.map((p) => [p, addRates(live.get(p) ?? ZERO_RATES, kept.get(p))]));
    const out = {} as Record<FigureRate, RankingRow[]>;
    for (const rate of FIGURE_RATES) {
      out[rate] = rank(units.map((u) => ({ orgId: u.id, name: u.name, self: u.id === node.id, ...ratesOf(bySubtree.get(u.path) ?? ZERO_RATES)[rate] })));
    }
    return out;
  }

  /** The records behind one counter, newest first, a page of them: a kept day's as kept, the rest as counted now. */
  async records(
    caller: Caller, q: { counter: FigureCounter; from: string; to: string; orgId?: number; page?: number; pageSize?: number }, now = new Date(),
  ): Promise<Page<FigureRecord>> {
    const { period, range } = this.period(q.from, q.to, now);
    const { target } = await this.scope(caller, q.orgId);
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const refs = sortRefs((await this.refsOf(q.counter, target, period, range, now)) ?? []);
    const items = await this.describe(refs.slice((page - 1) * pageSize, page * pageSize));
    if (items.some((r) => r.type === 'prevention_action')) await this.recordPlacesRead(caller, q.orgId, `figures/records ${q.counter} ${q.from}..${q.to}`);
    return { items, total: refs.length, page, pageSize };
  }

  /**
   * The records of one counter for the export, newest first, described `chunk` at a time (a city's
   * month is not held described in memory; only the references are); null where no source is connected.
   * `onActions` runs once before the first chunk holding prevention actions (their places are audited reads).
   */
  async recordChunks(
    counter: FigureCounter, target: FigureTarget, period: FigurePeriod, range: TimeRange, onActions: () => Promise<void>, chunk = 500, now = new Date(),
  ): Promise<AsyncIterable<FigureRecord[]> | null> {
    const refs = await this.refsOf(counter, target, period, range, now);
    if (!refs) return null;
    const sorted = sortRefs(refs);
    const describe = (part: FigureRef[]) => this.describe(part);
    let audited = false;
    return (async function* () {
      for (let i = 0; i < sorted.length; i += chunk) {
        const part = sorted.slice(i, i + chunk);
        if (!audited && part.some((r) => r.type === 'prevention_action')) {
          audited = true;
          await onActions();
        }
        yield await describe(part);
      }
    })();
  }

  /** One counter's records over a period: those kept with the closed days' snapshots, and the rest counted now. */
  private async refsOf(counter: FigureCounter, target: FigureTarget, period: FigurePeriod, range: TimeRange, now: Date): Promise<FigureRef[] | null> {
    const split = await this.split(target, period, range, now);
    const [live, kept] = await Promise.all([
      this.counting.one(counter, target, split.live),
      split.kept && target.kind === 'subtree' ? this.snapshots.records(target.pathPrefix, counter, split.kept.from, split.kept.to) : Promise.resolve([]),
    ]);
    if (live === null && !kept.length) return null;
    return [...kept.map((k): FigureRef => ({ type: k.type as FigureRecordType, id: k.id, at: k.at })), ...(live ?? [])];
  }

  /** Prevention actions' places may name a home (走访 5栋201): a staff read of them is on record. */
  recordPlacesRead(caller: Caller, orgId: number | undefined, detail: string): Promise<void> {
    return this.access.recordPersonalRead(caller, { type: 'prevention_actions', id: orgId ?? caller.user.orgUnitId ?? caller.user.id }, detail);
  }

  /** What the list shows of each record, in the order given. */
  private async describe(refs: FigureRef[]): Promise<FigureRecord[]> {
    const caseIds = refs.filter((r) => r.type === 'case').map((r) => r.id);
    const actionIds = refs.filter((r) => r.type === 'prevention_action').map((r) => r.id);
    const [caseRows, actions] = await Promise.all([this.cases.figures.rowsOf(caseIds), this.prevention.byIds(actionIds)]);
    const communities = await this.communityNames(actions.map((a) => a.communityId));
    const actionById = new Map(actions.map((a) => [a.id, a]));
    return refs.map((ref): FigureRecord => {
      const at = ref.at.toISOString();
      if (ref.type === 'case') {
        const c = caseRows.get(ref.id);
        return { type: 'case', id: ref.id, number: c?.number ?? null, title: c?.title ?? '', kindLabel: c ? CASE_KIND_LABELS[c.kind as CaseKind] : '', communityName: c?.communityName ?? '', at };
      }
      if (ref.type === 'prevention_action') {
        const a = actionById.get(ref.id);
        const label = a ? PREVENTION_ACTION_LABELS[a.kind] : '';
        return { type: 'prevention_action', id: ref.id, number: null, title: a ? `${label}：${a.place}` : '', kindLabel: label, communityName: a ? communities.get(a.communityId) ?? '' : '', at };
      }
      return { type: 'bulletin_push', id: ref.id, number: null, title: ref.push?.title ?? '', kindLabel: '公告推送', communityName: ref.push?.communityName ?? '', at };
    });
  }

  async communityNames(ids: readonly number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids)];
    const units = await Promise.all(unique.map((id) => this.org.unit(id)));
    return new Map(units.filter((u): u is FigureUnit => u !== null).map((u) => [u.id, u.name]));
  }
}

function sortRefs(refs: FigureRef[]): FigureRef[] {
  return [...refs].sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id);
}

/**
 * Figures (数据, issue #22): the six counters and the three rates a leader reports, computed from
 * records for a period of China-time days and a node of the jurisdiction tree. What each one counts
 * is defined in docs/figures.md; the names, labels and period kinds are here and nowhere else.
 */

/** The six counters, as the city reports them. */
export const FIGURE_COUNTERS = ['publicity', 'notices', 'disputesResolved', 'services', 'prevention', 'anomalies'] as const;
export type FigureCounter = (typeof FIGURE_COUNTERS)[number];

export const FIGURE_COUNTER_LABELS: Record<FigureCounter, string> = {
  publicity: '法治宣传',
  notices: '提醒告知',
  disputesResolved: '化解矛盾',
  services: '便民服务',
  prevention: '安全防范',
  anomalies: '收集异常报告',
};

/** The three rates (接诉即办 三率). */
export const FIGURE_RATES = ['response', 'resolution', 'satisfaction'] as const;
export type FigureRate = (typeof FIGURE_RATES)[number];

export const FIGURE_RATE_LABELS: Record<FigureRate, string> = {
  response: '响应率',
  resolution: '解决率',
  satisfaction: '满意率',
};

/** A rate as a fraction; the ratio is for showing (null when nothing was counted). */
export interface RateValue {
  numerator: number;
  denominator: number;
}

export function rateRatio(rate: RateValue): number | null {
  return rate.denominator > 0 ? rate.numerator / rate.denominator : null;
}

/** 85.7%, or — when there is nothing to divide by. */
export function formatRate(rate: RateValue): string {
  const ratio = rateRatio(rate);
  return ratio === null ? '—' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

/** Period kinds a leader picks from: 日, 周 (Monday to Sunday), 旬 (1–10, 11–20, 21–end), 月, 自定义. */
export const PERIOD_KINDS = ['day', 'week', 'xun', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  day: '日',
  week: '周',
  xun: '旬',
  month: '月',
  custom: '自定义',
};

/** The longest period figures are computed or exported for, in days (一年). */
export const MAX_FIGURE_PERIOD_DAYS = 366;

/** A period as two China-time dates, both included. */
export interface FigurePeriod {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;
const utcDay = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const ms = utcDay(text);
  return !Number.isNaN(ms) && dayOf(ms) === text;
}

/** Days in a period, both ends included. */
export function periodDays(period: FigurePeriod): number {
  return Math.round((utcDay(period.to) - utcDay(period.from)) / DAY_MS) + 1;
}

/**
 * The period of a kind that contains `day` (a China-time date): the day itself, its week (Monday
 * first), its 旬 or its month. `custom` has no period of its own and answers the day.
 */
export function periodContaining(kind: PeriodKind, day: string): FigurePeriod {
  const ms = utcDay(day);
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const date = d.getUTCDate();
  const monthEnd = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const inMonth = (first: number, last: number): FigurePeriod => ({ from: dayOf(Date.UTC(y, m, first)), to: dayOf(Date.UTC(y, m, last)) });
  switch (kind) {
    case 'week': {
      const monday = ms - ((d.getUTCDay() + 6) % 7) * DAY_MS;
      return { from: dayOf(monday), to: dayOf(monday + 6 * DAY_MS) };
    }
    case 'xun':
      return date <= 10 ? inMonth(1, 10) : date <= 20 ? inMonth(11, 20) : inMonth(21, monthEnd);
    case 'month':
      return inMonth(1, monthEnd);
    case 'day':
    case 'custom':
      return { from: day, to: day };
  }
}

/** Why a period cannot be counted, in words for people; null when it can. `today` is China's date. */
export function periodProblem(period: FigurePeriod, today: string): 'reversed' | 'future' | 'too_long' | null {
  if (period.from > period.to) return 'reversed';
  if (period.from > today) return 'future';
  if (periodDays(period) > MAX_FIGURE_PERIOD_DAYS) return 'too_long';
  return null;
}

/** GET /api/figures answers. */
export interface FiguresView {
  period: FigurePeriod;
  /** The node counted; null for an officer's own communities taken together. */
  node: FigureNode | null;
  /** Whether the period includes today (China time), counted live. */
  live: boolean;
  counters: Record<FigureCounter, number>;
  /**
   * Counters whose source is not connected in this build (法治宣传 and 提醒告知 until bulletin pushes
   * land, issue #21): listed here and answered as 0, never estimated.
   */
  unavailable: FigureCounter[];
  rates: Record<FigureRate, RateValue>;
  /** The siblings of the node (the stations of its branch, the branches of the city), ranked per rate. */
  rankings: Record<FigureRate, RankingRow[]>;
  coverage: Coverage;
  /**
   * 未按期会商 (docs/reviews.md): periods of the node's cadence and of the nodes below it that
   * ended without a recorded review, overlapping the period, as reported to the level above.
   */
  missedReviews: MissedReviewRow[];
}

/** A review period that ended without its review (会商调度). */
export interface MissedReviewRow {
  orgId: number;
  orgName: string;
  /** week, xun or month. */
  unit: string;
  period: FigurePeriod;
}

export interface FigureNode {
  id: number;
  name: string;
  level: string;
}

/** One node in a ranking: best first; equal ratios share a rank; nodes with nothing to divide by come last, unranked. */
export interface RankingRow extends RateValue {
  orgId: number;
  name: string;
  rank: number | null;
  /** The node the figures are for. */
  self: boolean;
}

/** 一警一群 coverage now (not per period). */
export interface Coverage {
  /** Community groups (一警一群) and enterprise groups. */
  groups: number;
  /** Active memberships of the node's communities. */
  members: number;
  /** Distinct people among those members. */
  residents: number;
  /** Enterprises covered by the node's enterprise groups. */
  enterprises: number;
}

/** GET /api/figures/trend: the last `count` periods of a kind, the current one last (for charts). */
export interface FigureTrendQuery {
  unit: Exclude<PeriodKind, 'custom'>;
  count: number;
  orgId?: number;
}

/** The most periods a trend answers. */
export const MAX_TREND_PERIODS = 12;

export interface FigureTrendPoint {
  period: FigurePeriod;
  counters: Record<FigureCounter, number>;
  unavailable: FigureCounter[];
  rates: Record<FigureRate, RateValue>;
}

export interface FigureTrend {
  unit: Exclude<PeriodKind, 'custom'>;
  node: FigureNode | null;
  points: FigureTrendPoint[];
}

/** GET /api/figures?from&to&orgId */
export interface FiguresQuery {
  from: string;
  to: string;
  orgId?: number;
}

/** GET /api/figures/records: the records behind one counter. */
export interface FigureRecordsQuery extends FiguresQuery {
  counter: FigureCounter;
  page?: number;
  pageSize?: number;
}

export type FigureRecordType = 'case' | 'prevention_action' | 'bulletin_push';

export const FIGURE_RECORD_TYPE_LABELS: Record<FigureRecordType, string> = {
  case: '上报',
  prevention_action: '防范工作',
  bulletin_push: '公告推送',
};

/** One record behind a counter. */
export interface FigureRecord {
  type: FigureRecordType;
  id: number;
  /** 案件编号 for a case. */
  number: string | null;
  /** The title of a case, or the kind and place of a prevention action. */
  title: string;
  /** 矛盾纠纷, 巡逻 …: what kind of record it is. */
  kindLabel: string;
  communityName: string;
  /** The moment that put it in the period (docs/figures.md). */
  at: string;
}

/** 安全防范 actions officers record: 巡逻, 走访 and 提示, on a hazard case or on their own. */
export enum PreventionActionKind {
  Patrol = 'patrol',
  Visit = 'visit',
  Reminder = 'reminder',
}

export const PREVENTION_ACTION_LABELS: Record<PreventionActionKind, string> = {
  [PreventionActionKind.Patrol]: '巡逻',
  [PreventionActionKind.Visit]: '走访',
  [PreventionActionKind.Reminder]: '提示',
};

/** How far back an action may be recorded (a night patrol written up the next morning), in hours. */
export const PREVENTION_BACKDATE_HOURS = 48;
export const PREVENTION_PLACE_MAX = 100;
export const PREVENTION_NOTE_MAX = 200;

/** POST /api/prevention-actions */
export interface CreatePreventionActionRequest {
  kind: PreventionActionKind;
  /** When it happened (ISO time): not in the future, at most PREVENTION_BACKDATE_HOURS back. */
  actedAt: string;
  /** Where: 胜利社区5栋、菜市场东门. */
  place: string;
  note?: string;
  /** The hazard case it answers; its community is the action's. */
  caseId?: number;
  /** Without a case: the community it was done in. */
  communityId?: number;
}

export interface PreventionActionView {
  id: number;
  kind: PreventionActionKind;
  actedAt: string;
  place: string;
  note: string | null;
  caseId: number | null;
  communityId: number;
  communityName: string;
  /** Who recorded it. */
  officerId: number;
  createdAt: string;
}

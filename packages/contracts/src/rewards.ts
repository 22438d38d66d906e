/**
 * 激励奖励 (issue #22 part 4): 一事一奖 for residents' deeds, the resident's consent to be named in
 * a 正气 bulletin, and the monthly 成绩突出社区民警. Rules and endpoints: docs/rewards.md.
 */
import type { RateValue } from './figures';

/** 精神奖励 (表扬信, 荣誉证书 …) or 物质奖励 (with an amount in yuan). */
export type RewardKind = 'spiritual' | 'material';
export const REWARD_KINDS: readonly RewardKind[] = ['spiritual', 'material'];
export const REWARD_KIND_LABELS: Record<RewardKind, string> = { spiritual: '精神奖励', material: '物质奖励' };

/** The forms each kind may take (the one place to change them). */
export const REWARD_FORMS: Record<RewardKind, readonly string[]> = {
  spiritual: ['表扬信', '荣誉证书', '锦旗'],
  material: ['奖金', '奖品'],
};

/** A material reward's amount: yuan, more than 0, at most this, at most two decimals. */
export const REWARD_MAX_YUAN = 5000;
export const REWARD_DEED_MAX = 200;
export const REWARD_REASON_MAX = 200;

export type RewardStatus = 'proposed' | 'approved' | 'refused';
export const REWARD_STATUS_LABELS: Record<RewardStatus, string> = { proposed: '待审批', approved: '已通过', refused: '未通过' };

/** What the deed is: a report (上报, its reporter is the resident) or a 正气 bulletin about the resident. */
export type DeedType = 'case' | 'bulletin';

/** The resident's answer to being named in the 正气 bulletin of the deed (null: no bulletin to be named in). */
export type NamingConsent = 'pending' | 'agreed' | 'declined';
export const NAMING_LABELS: Record<NamingConsent, string> = { pending: '待您确认', agreed: '已同意具名', declined: '不具名（显示为某居民）' };

/** What a 正气 bulletin reads where it names a resident who has not agreed (and what the author writes). */
export const UNNAMED_RESIDENT = '某居民';

export interface ProposeRewardRequest {
  /** The deed: a report of the caller's jurisdiction (its reporter is rewarded)… */
  caseId?: number;
  /** …or a 正气 bulletin, with the resident it praises (a member of a community of the caller's jurisdiction). */
  bulletinId?: number;
  residentId?: number;
  kind: RewardKind;
  /** One of REWARD_FORMS[kind]. */
  form: string;
  /** Material only: yuan, 0.01–REWARD_MAX_YUAN. */
  amountYuan?: number;
  /** What the resident did (1–200 characters). */
  deed: string;
}

export interface DecideRewardRequest {
  decision: 'approve' | 'refuse';
  /** Required when refusing. */
  reason?: string;
}

export interface NamingConsentRequest {
  agree: boolean;
}

export interface RewardView {
  id: number;
  status: RewardStatus;
  kind: RewardKind;
  form: string;
  amountYuan: number | null;
  deed: string;
  deedType: DeedType;
  caseId: number | null;
  /** 案件编号 of a case deed. */
  caseNumber: string | null;
  bulletinId: number | null;
  /** The bulletin's title as the caller may read it (某居民 until the resident agrees). */
  bulletinTitle: string | null;
  residentId: number;
  /** The resident's name (nickname). */
  residentName: string;
  communityName: string;
  proposedByName: string;
  proposedAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  refusalReason: string | null;
  /** Only for a 正气 bulletin deed, once approved. */
  naming: NamingConsent | null;
  can: { decide: boolean; consent: boolean };
}

/** A month, `YYYY-MM` (China time). */
export type Month = string;
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

export const HONOUR_TITLE = '成绩突出社区民警';
/** How long a title shows on the officer card after its month (months). */
export const HONOUR_SHOWN_MONTHS = 12;

/** 成绩突出社区民警（2026年11月） */
export function honourTitle(month: Month): string {
  return `${HONOUR_TITLE}（${month.slice(0, 4)}年${Number(month.slice(5, 7))}月）`;
}

/** The month before `month`. */
export function previousMonth(month: Month): Month {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** What a material or spiritual reward's amount is wrong with (Chinese), or null. */
export function rewardAmountProblem(kind: RewardKind, amount: number | undefined | null): string | null {
  if (kind === 'spiritual') return amount === undefined || amount === null ? null : '精神奖励不填写金额';
  if (amount === undefined || amount === null || typeof amount !== 'number' || !Number.isFinite(amount)) return '请填写奖励金额（元）';
  if (amount <= 0 || amount > REWARD_MAX_YUAN) return `奖励金额应在0.01至${REWARD_MAX_YUAN}元之间`;
  if (Math.round(amount * 100) !== Number((amount * 100).toFixed(6))) return '奖励金额最多保留两位小数';
  return null;
}

/** The measures officers are ranked by each month (docs/figures.md, 成绩突出社区民警). */
export const OFFICER_MEASURES = ['responseMinutes', 'resolution', 'satisfaction', 'pushes', 'rewards'] as const;
export type OfficerMeasure = (typeof OFFICER_MEASURES)[number];
export const OFFICER_MEASURE_LABELS: Record<OfficerMeasure, string> = {
  responseMinutes: '平均响应时间',
  resolution: '解决率',
  satisfaction: '满意率',
  pushes: '推送次数',
  rewards: '发起奖励',
};

export interface OfficerRankingRow {
  officerId: number;
  officerName: string;
  stationName: string;
  /** Mean minutes from submission to first response of the month's cases answered; null: none answered. */
  responseMinutes: number | null;
  resolution: RateValue;
  satisfaction: RateValue;
  /** Pushes × groups of every kind the officer made in the month. */
  pushes: number;
  /** Rewards the officer proposed in the month, refused ones left out. */
  rewards: number;
  /** Each measure's rank among the rows (1 best; a measure with nothing to count ranks last). */
  ranks: Record<OfficerMeasure, number>;
  /** The sum of the five ranks (lower is better). */
  score: number;
  /** Overall place; equal scores share it. */
  rank: number;
  /** Named 成绩突出社区民警 for this month. */
  honoured: boolean;
}

export interface OfficerRanking {
  month: Month;
  node: { id: number; name: string; level: string };
  rows: OfficerRankingRow[];
  /** The caller may name officers of this ranking (a branch leader, a closed month). */
  canName: boolean;
}

export interface OfficerRankingQuery {
  month: Month;
  orgId?: number;
}

export interface NameOfficerRequest {
  month: Month;
  officerId: number;
}

export interface OfficerHonourView {
  id: number;
  month: Month;
  officerId: number;
  officerName: string;
  title: string;
  namedAt: string;
}

import type { FigurePeriod, FigureRecord, FiguresView, PeriodKind } from './figures';
import { periodContaining } from './figures';
import { OrgLevel } from './org';
import type { GovernanceDigestCase, ReferralAgendaItemView } from './referrals';
import type { SupervisedCase } from './supervision';

/**
 * 会商调度 (issue #22, docs/reviews.md): stations review weekly, branches every 旬, the city monthly
 * (China time). A review of a period may be recorded once the period has begun; a period that ends
 * without one is 未按期会商, reported once to the level above.
 */
export type ReviewUnit = Extract<PeriodKind, 'week' | 'xun' | 'month'>;

export const REVIEW_UNIT_OF_LEVEL: Partial<Record<OrgLevel, ReviewUnit>> = {
  [OrgLevel.Station]: 'week',
  [OrgLevel.Branch]: 'xun',
  [OrgLevel.City]: 'month',
};

export const REVIEW_UNIT_LABELS: Record<ReviewUnit, string> = { week: '每周会商', xun: '每旬会商', month: '每月会商' };

/** The review period of a unit that contains a China-time day. */
export function reviewPeriod(unit: ReviewUnit, day: string): FigurePeriod {
  return periodContaining(unit, day);
}

export type ReviewState = 'due' | 'recorded' | 'missed';

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { due: '待会商', recorded: '已会商', missed: '未按期会商' };

export const REVIEW_TEXT_MAX = { attendees: 200, summary: 2000, decision: 300, issue: 1000, feedback: 1000, title: 60 } as const;
/** Decisions per review. */
export const REVIEW_DECISIONS_MAX = 20;

/** One period of a node's cadence, as the 会商调度 list shows it. */
export interface ReviewPeriodItem {
  orgId: number;
  orgName: string;
  level: OrgLevel;
  unit: ReviewUnit;
  period: FigurePeriod;
  state: ReviewState;
  reviewId: number | null;
  heldOn: string | null;
  /** When a missed period was reported to the level above. */
  reportedAt: string | null;
}

/** GET /api/reviews: the node's recent periods (the current one first), and the missed reviews of the nodes below it. */
export interface ReviewSchedule {
  node: { id: number; name: string; level: OrgLevel };
  unit: ReviewUnit;
  /** Whether the caller records this node's reviews (its own unit, as its leader). */
  canRecord: boolean;
  /** Who may own a decision (the police of the node's jurisdiction), when the caller records. */
  owners: { id: number; name: string }[];
  periods: ReviewPeriodItem[];
  missedBelow: ReviewPeriodItem[];
}

export interface ReviewDecisionInput {
  content: string;
  /** 责任人: a police officer or leader of the node's jurisdiction. */
  ownerId: number;
  /** 完成期限, YYYY-MM-DD (China time), today or later. */
  deadline: string;
}

/** POST /api/reviews */
export interface RecordReviewRequest {
  /** The first day of the period reviewed (its 周/旬/月). */
  periodFrom: string;
  /** 会商日期, YYYY-MM-DD, within the period and not after today. */
  heldOn: string;
  attendees: string;
  summary: string;
  decisions: ReviewDecisionInput[];
}

export type FollowUpStatus = 'open' | 'done';
export const FOLLOW_UP_STATUS_LABELS: Record<FollowUpStatus, string> = { open: '办理中', done: '已办结' };

/** A decision's 督办事项. */
export interface FollowUpView {
  id: number;
  reviewId: number;
  orgId: number;
  orgName: string;
  period: FigurePeriod;
  content: string;
  ownerId: number;
  ownerName: string;
  deadline: string;
  status: FollowUpStatus;
  overdue: boolean;
  /** When it escalated (overdue): the owner and the leaders above were told. */
  escalatedAt: string | null;
  doneAt: string | null;
  doneNote: string | null;
}

export interface CompleteFollowUpRequest { note: string }

export interface ReviewView {
  id: number;
  orgId: number;
  orgName: string;
  unit: ReviewUnit;
  period: FigurePeriod;
  heldOn: string;
  attendees: string;
  summary: string;
  recordedBy: string;
  recordedAt: string;
  followUps: FollowUpView[];
}

/** A bulletin's reach in the period (its pushes into the node's groups). */
export interface PacketBulletin {
  bulletinId: number;
  title: string;
  kind: string;
  groups: number;
  members: number;
  readers: number;
}

/** 研判材料: what the service prepares for a due review. */
export interface ReviewPacket {
  node: { id: number; name: string; level: OrgLevel };
  unit: ReviewUnit;
  period: FigurePeriod;
  /** When the packet was prepared. */
  preparedAt: string;
  figures: Pick<FiguresView, 'counters' | 'rates' | 'unavailable' | 'live'>;
  /** Overdue items with their officers (督办). */
  overdue: SupervisedCase[];
  /** 转办分流联席: referral pile-ups (branch and city). */
  referralPileUps: Pick<ReferralAgendaItemView, 'id' | 'categoryLabel' | 'branchName' | 'count' | 'threshold'>[];
  /** Disputes still in handling. */
  openDisputes: GovernanceDigestCase[];
  /** Disputes settled in the period (mediation online or offline, or resolved). */
  mediationOutcomes: FigureRecord[];
  /** Serious-risk cases in handling. */
  seriousRisks: GovernanceDigestCase[];
  /** 辟谣 bulletins pushed in the period, with their reach. */
  rumours: PacketBulletin[];
  /** Every bulletin pushed in the period, with its read rate. */
  bulletinReads: PacketBulletin[];
  pendingJoinRequests: number;
  /** Follow-ups of earlier reviews still open. */
  openFollowUps: FollowUpView[];
}

/** 重大问题: a station raises it to the city leader linked to the station (挂点), who holds a 会商 and feeds back. */
export type MajorIssueStatus = 'open' | 'answered';
export const MAJOR_ISSUE_STATUS_LABELS: Record<MajorIssueStatus, string> = { open: '待会商', answered: '已反馈' };

export interface RaiseMajorIssueRequest {
  title: string;
  detail: string;
  /** The deadline for the 会商 and its feedback, YYYY-MM-DD. */
  deadline: string;
}

export interface MajorIssueFeedbackRequest { feedback: string }

export interface MajorIssueView {
  id: number;
  stationId: number;
  stationName: string;
  title: string;
  detail: string;
  raisedBy: string;
  raisedAt: string;
  leaderId: number;
  leaderName: string;
  deadline: string;
  status: MajorIssueStatus;
  feedback: string | null;
  answeredAt: string | null;
}

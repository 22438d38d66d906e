import type { GroupKind } from '../org';
import { BulletinKind, BulletinSecCheck, BulletinStatus, WarningType } from './kinds';
import type { BulletinBlock, BulletinContent } from './content';

/* Requests, views and figures of the bulletins API. */

export type CreateBulletinRequest = BulletinContent;
export type UpdateBulletinRequest = BulletinContent;

export type ReviewDecision = 'approve' | 'return';
export interface ReviewBulletinRequest {
  decision: ReviewDecision;
  /** Required when returning. */
  comment?: string;
}
export interface WithdrawBulletinRequest { reason: string }

export interface PushBulletinRequest {
  groupIds: number[];
  /** 定时推送: an ISO time in the future; the push then shows from that time. */
  at?: string;
}

export type PushOutcome = 'pushed' | 'scheduled' | 'over_quota' | 'already_pushed' | 'not_found';

export const PUSH_OUTCOME_LABELS: Record<PushOutcome, string> = {
  pushed: '已推送',
  scheduled: '已定时',
  over_quota: '今日次数已用完',
  already_pushed: '已推送过',
  not_found: '不在您的管辖范围',
};

export interface PushResult {
  groupId: number;
  groupName: string | null;
  outcome: PushOutcome;
  /** When it shows (pushed or scheduled). */
  pushedAt?: string;
  /** over_quota: when the group's next slot opens (the next China-time midnight after the day asked). */
  nextSlotAt?: string;
}

export interface PushBulletinResponse { results: PushResult[] }

/** A line of a resident's feed (首页, 公告). */
export interface BulletinFeedItem {
  id: number;
  kind: BulletinKind;
  warningType: WarningType | null;
  title: string;
  pushedAt: string;
  read: boolean;
}

/** A bulletin in the staff lists (素材库, 我写的, 待审核). */
export interface BulletinSummary {
  id: number;
  kind: BulletinKind;
  warningType: WarningType | null;
  title: string;
  status: BulletinStatus;
  version: number;
  authorName: string;
  orgName: string;
  /** When it went to review (the queue's age counts from here). */
  submittedAt: string | null;
  updatedAt: string;
  reviewComment: string | null;
  pushCount: number;
  /** An urgent 预警, and when its review is due (null when not urgent or decided). */
  urgent: boolean;
  reviewDueAt: string | null;
}

export interface BulletinPushView {
  groupId: number;
  groupName: string;
  pushedAt: string;
  version: number;
}

export interface BulletinDetail {
  id: number;
  status: BulletinStatus;
  kind: BulletinKind;
  warningType: WarningType | null;
  /** Empty once withdrawn, for readers who are not staff (they see 已撤回). */
  title: string;
  body: BulletinBlock[];
  imageIds: string[];
  /** Where each image of imageIds is served (after this bulletin's access check), in the same order. */
  imageUrls: string[];
  legalBasis: string | null;
  tags: string[];
  version: number;
  /** An urgent 预警; `reviewDueAt` is when its review is due (null when not urgent or no longer waiting). */
  urgent: boolean;
  reviewDueAt: string | null;
  /** Status `held`: why WeChat's content check held it, for its author (and reviewer, leaders); null otherwise. */
  heldReason: string | null;
  /** For the author and the reviewer: what WeChat's content check said of the submitted version (null before any submission). */
  secCheck: BulletinSecCheck | null;
  authorName: string;
  orgName: string;
  /** When it reached the reader (residents), or first went out (staff); null before any push. */
  pushedAt: string | null;
  usefulCount: number;
  /** The caller marked it 有用. */
  useful: boolean;
  read: boolean;
  reviewComment: string | null;
  withdrawnAt: string | null;
  withdrawReason: string | null;
  /** What the caller may do now (buttons). */
  can: { edit: boolean; submit: boolean; review: boolean; push: boolean; withdraw: boolean };
  /** Staff: where it went. */
  pushes: BulletinPushView[];
}

/** A group the caller may push to, with today's count. */
export interface PushGroupView {
  id: number;
  name: string;
  kind: GroupKind;
  usedToday: number;
  quota: number;
}

export interface UsefulResponse { useful: true; usefulCount: number }

/** One group's figures for a bulletin: members reached, unique readers among them, read rate and 有用. */
export interface BulletinGroupFigures {
  groupId: number;
  groupName: string;
  pushedAt: string;
  members: number;
  readers: number;
  /** readers / members, 0–1 (0 for a group with no members on record). */
  readRate: number;
  useful: number;
  /** People who opened it from a card in the WeChat group bound to this group (counted among `readers`). */
  cardOpens: number;
}

export interface BulletinFigures {
  groups: BulletinGroupFigures[];
  /** Every reader and 有用, whichever group they came from. */
  readers: number;
  useful: number;
  /** Times it was shared (分享), and people who opened it from a card in a WeChat group, bound or not yet. */
  shares: number;
  cardOpens: number;
}

/** Pushes × groups by kind, as the city's figures count them (docs/bulletins.md). */
export interface PushCounts {
  /** 法治宣传. */
  legalPublicity: number;
  /** 提醒告知: 预警 and 辟谣. */
  reminders: number;
  /** 正气. */
  positive: number;
}

export interface PushFigures extends PushCounts {
  from: string;
  to: string;
  byOfficer: (PushCounts & { officerId: number; officerName: string })[];
}

/** Which count a kind's pushes go to. */
export const PUSH_COUNT_OF: Record<BulletinKind, keyof PushCounts> = {
  [BulletinKind.LegalPublicity]: 'legalPublicity',
  [BulletinKind.Warning]: 'reminders',
  [BulletinKind.Rumour]: 'reminders',
  [BulletinKind.Positive]: 'positive',
};

/** Whether the signed-in person gets a WeChat subscribe message (警务公告) when a bulletin reaches their group. */
export interface BulletinSubscriptionView {
  /** One-time acceptances not used yet: each lets WeChat deliver one message. */
  credits: number;
  /** The 警务公告 template to ask for with wx.requestSubscribeMessage. */
  templateId: string;
}

/** The answer of wx.requestSubscribeMessage for the 警务公告 template: accepted (one more message allowed) or not. */
export interface BulletinSubscriptionRequest { accepted: boolean }

import { Role } from '../roles';

/* Kinds of bulletin, who writes and reviews each, the limits and the statuses. */

export enum BulletinKind {
  /** 法治宣传: short, plain legal knowledge. */
  LegalPublicity = 'legal_publicity',
  /** 预警: warning cases and local security notices (see WarningType). */
  Warning = 'warning',
  /** 辟谣: refuting a rumour. */
  Rumour = 'rumour',
  /** 正气: good deeds and mutual help. */
  Positive = 'positive',
}

export const BULLETIN_KIND_LABELS: Record<BulletinKind, string> = {
  [BulletinKind.LegalPublicity]: '法治宣传',
  [BulletinKind.Warning]: '预警',
  [BulletinKind.Rumour]: '辟谣',
  [BulletinKind.Positive]: '正气',
};

/** The three kinds of 预警. */
export enum WarningType {
  Case = 'case', // 警示案例
  Security = 'security', // 治安提示
  Prevention = 'prevention', // 防范提醒
}

export const WARNING_TYPE_LABELS: Record<WarningType, string> = {
  [WarningType.Case]: '警示案例',
  [WarningType.Security]: '治安提示',
  [WarningType.Prevention]: '防范提醒',
};

/** Who approves a bulletin before it may be pushed: the 法治部门, the station leader, or nobody. */
export type BulletinReviewer = 'legal' | 'station_leader' | 'none';

/**
 * Which kinds need review, and by whom. 预警 and 辟谣 are always reviewed by the 法治部门 (the type
 * does not allow anything else); 法治宣传 and 正气 are settings.
 */
export const BULLETIN_REVIEW: { [BulletinKind.Warning]: 'legal'; [BulletinKind.Rumour]: 'legal' } & Record<BulletinKind, BulletinReviewer> = {
  [BulletinKind.LegalPublicity]: 'legal',
  [BulletinKind.Warning]: 'legal',
  [BulletinKind.Rumour]: 'legal',
  [BulletinKind.Positive]: 'station_leader',
};

/** The role that reviews a kind (for `legal`: a 法治部门 reviewer of the author's branch or the city). */
export const REVIEWER_ROLE: Record<Exclude<BulletinReviewer, 'none'>, Role> = {
  legal: Role.LegalReviewer,
  station_leader: Role.StationLeader,
};

/**
 * What each role may write. Department staff and the 法治部门 write 法治宣传 and 预警 into the branch's
 * 素材库; officers and station leaders write local 预警 and 正气; anyone on staff may start a 辟谣.
 */
export const WRITABLE_KINDS: Partial<Record<Role, readonly BulletinKind[]>> = {
  [Role.DepartmentStaff]: [BulletinKind.LegalPublicity, BulletinKind.Warning, BulletinKind.Rumour],
  [Role.LegalReviewer]: [BulletinKind.LegalPublicity, BulletinKind.Warning, BulletinKind.Rumour],
  [Role.CommunityOfficer]: [BulletinKind.Warning, BulletinKind.Positive, BulletinKind.Rumour],
  [Role.StationLeader]: [BulletinKind.Warning, BulletinKind.Positive, BulletinKind.Rumour],
  [Role.BranchLeader]: [BulletinKind.Rumour],
  [Role.CityLeader]: [BulletinKind.Rumour],
};

export function writableKinds(role: Role): readonly BulletinKind[] {
  return WRITABLE_KINDS[role] ?? [];
}

/** 1–2 a day: pushes per group per China-time day (every kind counts; a withdrawal does not give the slot back). */
export const BULLETIN_DAILY_QUOTA = 2;

export const BULLETIN_TITLE_MAX = 40;
/** Characters of body text, all blocks together. */
export const BULLETIN_BODY_MAX = 5000;
export const BULLETIN_BLOCKS_MAX = 100;
export const BULLETIN_IMAGES_MAX = 9;
export const BULLETIN_LEGAL_BASIS_MAX = 200;
export const BULLETIN_TAGS_MAX = 5;
export const BULLETIN_TAG_MAX = 10;
export const BULLETIN_COMMENT_MAX = 300;
export const BULLETIN_REASON_MAX = 200;
/** Groups in one push request. */
export const BULLETIN_PUSH_GROUPS_MAX = 500;

export enum BulletinStatus {
  Draft = 'draft', // 草稿
  PendingReview = 'pending_review', // 待审核
  Returned = 'returned', // 已退回
  Approved = 'approved', // 已通过
  Withdrawn = 'withdrawn', // 已撤回
  /** WeChat's content check (msgSecCheck) found it risky: back to the author with the reason, never to review. */
  Held = 'held', // 未通过内容检查
}

export const BULLETIN_STATUS_LABELS: Record<BulletinStatus, string> = {
  [BulletinStatus.Draft]: '草稿',
  [BulletinStatus.PendingReview]: '待审核',
  [BulletinStatus.Returned]: '已退回',
  [BulletinStatus.Approved]: '已通过',
  [BulletinStatus.Withdrawn]: '已撤回',
  [BulletinStatus.Held]: '未通过内容检查',
};

/** An urgent 预警 must be reviewed within this many minutes of its submission; then it escalates (docs/bulletins.md). */
export const BULLETIN_URGENT_REVIEW_MINUTES = 120;

/**
 * What WeChat's content check said of a submitted version, for the reviewer: `pass`; `review` (WeChat
 * suggests a person look); `unchecked` (WeChat could not be asked or did not answer: a person checks).
 * Risky content never reaches review (status `held`).
 */
export type BulletinSecCheck = 'pass' | 'review' | 'unchecked';

export const BULLETIN_SEC_CHECK_LABELS: Record<BulletinSecCheck, string> = {
  pass: '内容安全检查已通过',
  review: '内容安全检查建议人工复核',
  unchecked: '内容安全检查未完成，请人工复核',
};

/** One-time 警务公告 subscriptions a person may hold at once (each WeChat acceptance allows one message). */
export const BULLETIN_SUBSCRIBE_CREDITS_MAX = 50;

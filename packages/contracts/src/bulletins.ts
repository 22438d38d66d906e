import { GroupKind, textLength } from './org';
import { Role } from './roles';

/**
 * Bulletins (公告): 法治宣传, 预警, 辟谣 and 正气, written into a branch's 素材库 or a station's own
 * list, reviewed, and pushed into the groups (一警一群) at most BULLETIN_DAILY_QUOTA times a day per
 * group. Kinds, who writes them, who reviews them and the quota are set here and nowhere else
 * (docs/bulletins.md).
 */
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
}

export const BULLETIN_STATUS_LABELS: Record<BulletinStatus, string> = {
  [BulletinStatus.Draft]: '草稿',
  [BulletinStatus.PendingReview]: '待审核',
  [BulletinStatus.Returned]: '已退回',
  [BulletinStatus.Approved]: '已通过',
  [BulletinStatus.Withdrawn]: '已撤回',
};

/** A run of text, bold or not. */
export interface TextRun {
  text: string;
  bold?: boolean;
}

/** The body is structured text: paragraphs and lists of runs, never HTML. */
export type BulletinBlock =
  | { type: 'paragraph'; runs: TextRun[] }
  | { type: 'list'; ordered?: boolean; items: TextRun[][] };

export interface BulletinContent {
  kind: BulletinKind;
  /** For 预警 only. */
  warningType?: WarningType;
  title: string;
  body: BulletinBlock[];
  /** Upload ids (POST /api/uploads), at most BULLETIN_IMAGES_MAX. */
  imageIds?: string[];
  /** 法律依据, e.g. 《中华人民共和国治安管理处罚法》第四十九条. */
  legalBasis?: string;
  tags?: string[];
}

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
  legalBasis: string | null;
  tags: string[];
  version: number;
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
}

export interface BulletinFigures {
  groups: BulletinGroupFigures[];
  /** Every reader and 有用, whichever group they came from. */
  readers: number;
  useful: number;
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

const HTML_TAG = /<\/?[a-zA-Z!?]/;

function runsLength(runs: TextRun[]): number {
  return runs.reduce((n, r) => n + textLength(r.text), 0);
}

/** The problems of a content, in Chinese; empty when it may be saved. Shared by the editor and the service. */
export function bulletinContentProblems(c: BulletinContent): string[] {
  const out: string[] = [];
  const title = (c.title ?? '').trim();
  if (!title) out.push('请填写标题');
  else if (textLength(title) > BULLETIN_TITLE_MAX) out.push(`标题不能超过${BULLETIN_TITLE_MAX}个字`);
  if (c.kind === BulletinKind.Warning && !c.warningType) out.push('请选择预警类型');
  if (c.kind !== BulletinKind.Warning && c.warningType) out.push('只有预警需要选择预警类型');
  const blocks = Array.isArray(c.body) ? c.body : [];
  const texts: string[] = [title, c.legalBasis ?? '', ...(c.tags ?? [])];
  let length = 0;
  for (const b of blocks) {
    const runs = b.type === 'paragraph' ? b.runs : b.items.flat();
    length += runsLength(runs);
    texts.push(...runs.map((r) => r.text));
  }
  if (length === 0) out.push('请填写正文');
  if (length > BULLETIN_BODY_MAX) out.push(`正文不能超过${BULLETIN_BODY_MAX}个字`);
  if (blocks.length > BULLETIN_BLOCKS_MAX) out.push(`正文不能超过${BULLETIN_BLOCKS_MAX}段`);
  if (texts.some((t) => HTML_TAG.test(t))) out.push('内容不能包含网页代码（如 <script>）');
  if ((c.imageIds?.length ?? 0) > BULLETIN_IMAGES_MAX) out.push(`最多添加${BULLETIN_IMAGES_MAX}张图片`);
  if (c.legalBasis && textLength(c.legalBasis) > BULLETIN_LEGAL_BASIS_MAX) out.push(`法律依据不能超过${BULLETIN_LEGAL_BASIS_MAX}个字`);
  if ((c.tags?.length ?? 0) > BULLETIN_TAGS_MAX) out.push(`最多${BULLETIN_TAGS_MAX}个标签`);
  if ((c.tags ?? []).some((t) => !t.trim() || textLength(t) > BULLETIN_TAG_MAX)) out.push(`每个标签1到${BULLETIN_TAG_MAX}个字`);
  return out;
}

/**
 * The editor's plain text to blocks: a blank line separates paragraphs, lines starting with `- `
 * (or `1. `) make a list, `**粗体**` is bold. Nothing in it is HTML.
 */
export function blocksFromText(text: string): BulletinBlock[] {
  const blocks: BulletinBlock[] = [];
  const runs = (line: string): TextRun[] =>
    line.split(/(\*\*[^*]+\*\*)/).filter(Boolean).map((part) => (/^\*\*[^*]+\*\*$/.test(part) ? { text: part.slice(2, -2), bold: true } : { text: part }));
  for (const chunk of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    if (!lines.length) continue;
    const bullet = /^[-•·]\s+/;
    const numbered = /^\d+[.、]\s*/;
    if (lines.every((l) => bullet.test(l)) || lines.every((l) => numbered.test(l))) {
      const ordered = numbered.test(lines[0]);
      blocks.push({ type: 'list', ordered, items: lines.map((l) => runs(l.replace(ordered ? numbered : bullet, ''))) });
    } else {
      blocks.push({ type: 'paragraph', runs: runs(lines.join('\n')) });
    }
  }
  return blocks;
}

/** Blocks back to the editor's text (blocksFromText's inverse). */
export function textFromBlocks(blocks: BulletinBlock[]): string {
  const line = (runs: TextRun[]) => runs.map((r) => (r.bold ? `**${r.text}**` : r.text)).join('');
  return blocks
    .map((b) => (b.type === 'paragraph' ? line(b.runs) : b.items.map((item, i) => `${b.ordered ? `${i + 1}. ` : '- '}${line(item)}`).join('\n')))
    .join('\n\n');
}

/** The mini program's pages for bulletins. */
export const BULLETIN_PAGE = 'pages/bulletin/index';

import type {
  Anonymity, CaseAction, CaseKind, CaseStatus, ContactPreference, EscalationLevel, TimelineEventType,
} from './cases';

/** POST /api/cases (header Idempotency-Key required). */
export interface CreateCaseRequest {
  kind: CaseKind;
  subcategory: string;
  title: string;
  description: string;
  /** Defaults to the reporter's active community. */
  communityId?: number;
  addressText?: string;
  /** Optional map point (GCJ-02 as WeChat returns it). */
  latitude?: number;
  longitude?: number;
  /** ISO time the matter happened. */
  occurredAt?: string;
  /** Ids returned by POST /api/uploads. */
  photoIds?: string[];
  contactPreference: ContactPreference;
  anonymity: Anonymity;
  /** Dispute: who the other party is (free text, stored encrypted). */
  otherParty?: string;
}

export interface CasePhotoView { id: string; url: string }

export interface TimelineEventView {
  id: number;
  type: TimelineEventType;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  /** 'resident' | 'officer' | 'system' | role label, never a name for sealed/anonymous reporters. */
  actorLabel: string;
  note: string | null;
  public: boolean;
  at: string;
}

export interface DeadlineView {
  kind: 'first_response' | 'resolution';
  dueAt: string;
  metAt: string | null;
  overdue: boolean;
  escalation: EscalationLevel;
}

export interface CaseSummary {
  id: number;
  /** Human-readable number, e.g. 20261124-000123. */
  number: string;
  kind: CaseKind;
  subcategory: string;
  title: string;
  status: CaseStatus;
  communityId: number;
  communityName: string;
  createdAt: string;
  /** Earliest unmet deadline. */
  nextDueAt: string | null;
  overdue: boolean;
  escalation: EscalationLevel;
  seriousRisk: boolean;
  heldForReview: boolean;
}

export interface CaseDetail extends CaseSummary {
  description: string;
  addressText: string | null;
  /** Exact point; shown to staff in scope and the reporter only. */
  latitude: number | null;
  longitude: number | null;
  occurredAt: string | null;
  contactPreference: ContactPreference;
  anonymity: Anonymity;
  /** What the caller may know of the reporter: a name, '匿名群众' or '匿名信息员'. */
  reporterLabel: string;
  /**
   * The reporter's own number for the reporter; masked for staff (none for a sealed or, outside the
   * handling officer, anonymous report). The handling officer reveals it with 查看号码 (ReporterPhoneView).
   */
  reporterPhone: string | null;
  otherParty: string | null;
  officerId: number | null;
  officerName: string | null;
  photos: CasePhotoView[];
  timeline: TimelineEventView[];
  deadlines: DeadlineView[];
  /** Actions the caller may take now (state machine ∩ permission). */
  allowedActions: CaseAction[];
  canAddNote: boolean;
  canFlagSeriousRisk: boolean;
  canUnseal: boolean;
  /** 催办: a leader with CaseSupervise, on a case still being handled (urgeable). */
  canUrge: boolean;
  canConfirm: boolean;
  rating: number | null;
  ratingComment: string | null;
  duplicateOfId: number | null;
}

export interface CaseActionRequest {
  action: CaseAction;
  /** Required (a reason) for reject, mark_duplicate, transfer and reopen; optional otherwise. Public. */
  note?: string;
  /** Required for mark_duplicate: the original case, which must be in the caller's jurisdiction. */
  duplicateOfId?: number;
  /** Required for transfer: the community the case moves to. */
  transferToCommunityId?: number;
}

export interface CaseNoteRequest { note: string; internal: boolean }
export interface CaseInfoRequest { note?: string; photoIds?: string[] }
export interface RateCaseRequest { rating: number; comment?: string }
export interface UnsealRequest { reason: string }
export interface UnsealView { reporterId: number; reporterName: string; reporterPhone: string | null }
/** 查看号码 on the case page: the reporter's full number for the handling officer (each view audited). */
export interface ReporterPhoneView { caseId: number; phone: string | null }

/**
 * One unseal of an informant's identity, as city leaders review them: which case, who looked,
 * why and when. It never names the informant.
 */
export interface UnsealLogEntry { caseId: number; caseNumber: string; byUserId: number; byName: string; reason: string; at: string }

export interface CaseQueueQuery {
  /** One status, or 'all' for open and closed together; unset: every open case. */
  status?: CaseStatus | 'all';
  /** A 案件编号 (20261206-000009) finds that case; other text matches titles. */
  q?: string;
  kind?: CaseKind;
  communityId?: number;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

export interface UploadView { id: string; url: string; bytes: number; contentType: string }

/**
 * An outgoing message that failed for good (a dead letter), as admins see it: what kind, whom it
 * was for (masked name), which notice and what about, how often it was tried and WeChat's answer.
 * Never an openid or the message's content. A confidential row (to the informant of a sealed case)
 * shows `confidential` and nothing of recipient, notice or case. An admin can send it again once
 * the cause is fixed.
 */
export interface OutboxDeadLetterView {
  id: number;
  /** `wechat.subscribe`: a WeChat subscribe message. */
  topic: string;
  attempts: number;
  lastError: string | null;
  /** WeChat refused the request itself (e.g. 47003): it was not tried again, retrying unchanged will not help. */
  refused: boolean;
  /** To the informant of a sealed case: recipient, notice and case are not shown (保密通知). */
  confidential: boolean;
  /** The recipient's name or nickname, masked (张**); null when unknown or confidential. */
  recipientName: string | null;
  /** The notice's title (已受理, 加入社区申请未通过 …); null when unknown or confidential. */
  noticeTitle: string | null;
  /** The case it was about, by number; `caseId` only when the caller may open that case. */
  caseNumber: string | null;
  caseId: number | null;
  /** The community it was about (join decisions), by name. */
  communityName: string | null;
  createdAt: string;
}

/** The result of 重新发送: sent now, or failed again with WeChat's answer (still a dead letter), or queued. */
export interface OutboxRetryResult {
  /** 0 when the message was no longer a dead letter. */
  count: number;
  status: 'sent' | 'skipped' | 'dead' | 'pending' | null;
  lastError: string | null;
}

/** Topics of the outbox, as people read them. */
export const OUTBOX_TOPIC_LABELS: Record<string, string> = {
  'wechat.subscribe': '微信订阅消息',
  'hotline12345.order': '12345工单',
  'governance.serious_risk': '综治平台报送',
};

/** What the WeChat errcodes a dead letter most often carries mean, and what to check (subscribeMessage.send). */
export const WECHAT_SEND_ERRCODE_HINTS: Record<number, string> = {
  40003: '接收人 openid 无效：该用户不是本小程序的用户',
  40037: '订阅消息模板 ID 无效：请核对 WECHAT_TEMPLATE_CASE_UPDATE 配置',
  43101: '用户未订阅或订阅次数已用完',
  47003: '模板参数不符合要求：请核对模板字段',
  41030: '跳转页面不存在或小程序未发布',
};

/** The hint for a dead letter's last error, when it carries a known WeChat errcode. */
export function wechatSendErrorHint(lastError: string | null): string | null {
  const code = /errcode (\d+)/.exec(lastError ?? '')?.[1];
  return code ? (WECHAT_SEND_ERRCODE_HINTS[Number(code)] ?? null) : null;
}

/** The app page a notification about neither a case nor a room opens. */
export enum NotificationLink {
  /** 首页 (e.g. 已加入社区: the officer card is there). */
  Home = 'home',
  /** 加入社区 (e.g. a refused join request: its reason and 重新申请). */
  Join = 'join',
  /** The 待审核 of one community (`communityId`) in 工作台 (新的加入申请). */
  JoinRequests = 'join_requests',
  /** 我的传言报告 (a rumour the resident reported was refuted: 已辟谣). */
  Rumours = 'rumours',
  /** 我的奖励 (一事一奖 approved; the 正气 naming consent is there). */
  Rewards = 'rewards',
}

export interface NotificationView {
  id: number;
  title: string;
  body: string;
  caseId: number | null;
  /** Room notices (调解室有新消息, 请确认调解协议 …): the room to open instead of the case (read when the member opens the room). */
  roomId: number | null;
  /** Notices about neither a case nor a room (join decisions): the page to open. */
  link: NotificationLink | null;
  /** The community a notice is about (新的加入申请: whose 待审核 `link` opens); null otherwise. */
  communityId: number | null;
  readAt: string | null;
  createdAt: string;
}

import { Permission } from './permissions';

/** Kinds of report (上报类型), each with subcategories. */
export enum CaseKind {
  Dispute = 'dispute', // 矛盾纠纷
  Hazard = 'hazard', // 安全隐患
  CrimeLead = 'crime_lead', // 违法犯罪线索
  Anomaly = 'anomaly', // 可疑情况/异常
  ServiceNeed = 'service_need', // 求助/服务
  Question = 'question', // 咨询
}

export const CASE_KIND_LABELS: Record<CaseKind, string> = {
  [CaseKind.Dispute]: '矛盾纠纷',
  [CaseKind.Hazard]: '安全隐患',
  [CaseKind.CrimeLead]: '违法犯罪线索',
  [CaseKind.Anomaly]: '可疑情况',
  [CaseKind.ServiceNeed]: '求助服务',
  [CaseKind.Question]: '咨询',
};

export interface Subcategory {
  code: string;
  label: string;
}

export const CASE_SUBCATEGORIES: Record<CaseKind, readonly Subcategory[]> = {
  [CaseKind.Dispute]: [
    { code: 'neighbour', label: '邻里纠纷' },
    { code: 'family', label: '家庭纠纷' },
    { code: 'property', label: '物业纠纷' },
    { code: 'wages', label: '劳资纠纷' },
    { code: 'consumer', label: '消费纠纷' },
    { code: 'other', label: '其他纠纷' },
  ],
  [CaseKind.Hazard]: [
    { code: 'fire', label: '消防隐患' },
    { code: 'traffic', label: '交通隐患' },
    { code: 'facility', label: '设施损坏' },
    { code: 'electric', label: '用电隐患' },
    { code: 'other', label: '其他隐患' },
  ],
  [CaseKind.CrimeLead]: [
    { code: 'theft', label: '盗窃' },
    { code: 'fraud', label: '诈骗' },
    { code: 'gambling', label: '赌博' },
    { code: 'drugs', label: '涉毒' },
    { code: 'other', label: '其他线索' },
  ],
  [CaseKind.Anomaly]: [
    { code: 'person', label: '可疑人员' },
    { code: 'vehicle', label: '可疑车辆' },
    { code: 'rental', label: '出租屋异常' },
    { code: 'other', label: '其他异常' },
  ],
  [CaseKind.ServiceNeed]: [
    { code: 'household', label: '户政业务' },
    { code: 'certificate', label: '证明开具' },
    { code: 'help', label: '困难求助' },
    { code: 'lost', label: '失物招领' },
    { code: 'other', label: '其他求助' },
  ],
  [CaseKind.Question]: [
    { code: 'policy', label: '政策咨询' },
    { code: 'procedure', label: '办事咨询' },
    { code: 'other', label: '其他咨询' },
  ],
};

/** Kinds whose reporter may choose informant mode (identity sealed; 信息员 only). */
export const SEALABLE_KINDS: readonly CaseKind[] = [CaseKind.CrimeLead, CaseKind.Anomaly];

/** Kinds that also alert the station leader at once. */
export const STATION_ALERT_KINDS: readonly CaseKind[] = [CaseKind.CrimeLead, CaseKind.Anomaly];

/** Case status (办理状态). */
export enum CaseStatus {
  Submitted = 'submitted',
  Accepted = 'accepted',
  InProgress = 'in_progress',
  Resolved = 'resolved',
  Closed = 'closed',
  Rejected = 'rejected',
  Duplicate = 'duplicate',
  Transferred = 'transferred',
  Referred = 'referred',
  InMediation = 'in_mediation',
  Reopened = 'reopened',
}

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  [CaseStatus.Submitted]: '已提交',
  [CaseStatus.Accepted]: '已受理',
  [CaseStatus.InProgress]: '办理中',
  [CaseStatus.Resolved]: '已办结待确认',
  [CaseStatus.Closed]: '已关闭',
  [CaseStatus.Rejected]: '不予受理',
  [CaseStatus.Duplicate]: '重复上报',
  [CaseStatus.Transferred]: '已转交',
  [CaseStatus.Referred]: '已转办',
  [CaseStatus.InMediation]: '调解中',
  [CaseStatus.Reopened]: '已重新打开',
};

export const TERMINAL_STATUSES: readonly CaseStatus[] = [CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Duplicate];

/** Things people do to a case. Each is one transition of the state machine (or none for notes). */
export enum CaseAction {
  Accept = 'accept',
  Start = 'start',
  Resolve = 'resolve',
  Reject = 'reject',
  MarkDuplicate = 'mark_duplicate',
  Transfer = 'transfer',
  Refer = 'refer',
  Mediate = 'mediate',
  ReturnFromReferral = 'return_from_referral',
  Confirm = 'confirm',
  Reopen = 'reopen',
  AutoClose = 'auto_close',
}

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  [CaseAction.Accept]: '受理',
  [CaseAction.Start]: '开始办理',
  [CaseAction.Resolve]: '办结',
  [CaseAction.Reject]: '不予受理',
  [CaseAction.MarkDuplicate]: '标记重复',
  [CaseAction.Transfer]: '转交',
  [CaseAction.Refer]: '转办',
  [CaseAction.Mediate]: '转入调解',
  [CaseAction.ReturnFromReferral]: '转办回复',
  [CaseAction.Confirm]: '确认办结',
  [CaseAction.Reopen]: '重新打开',
  [CaseAction.AutoClose]: '超时自动确认',
};

/**
 * The one state machine: for each action, the statuses it may start from and where it leads.
 * Everything that changes a case's status goes through `nextStatus`.
 */
export const CASE_TRANSITIONS: Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  [CaseAction.Accept]: { from: [CaseStatus.Submitted, CaseStatus.Transferred, CaseStatus.Reopened], to: CaseStatus.Accepted },
  [CaseAction.Start]: { from: [CaseStatus.Accepted, CaseStatus.Referred, CaseStatus.InMediation], to: CaseStatus.InProgress },
  [CaseAction.Resolve]: {
    from: [CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Referred, CaseStatus.InMediation],
    to: CaseStatus.Resolved,
  },
  // 不予受理 is a decision on whether to take the report up: once 受理, it is handled to an end (办结).
  [CaseAction.Reject]: { from: [CaseStatus.Submitted, CaseStatus.Transferred], to: CaseStatus.Rejected },
  [CaseAction.MarkDuplicate]: { from: [CaseStatus.Submitted, CaseStatus.Transferred, CaseStatus.Accepted], to: CaseStatus.Duplicate },
  [CaseAction.Transfer]: { from: [CaseStatus.Submitted, CaseStatus.Accepted, CaseStatus.InProgress, CaseStatus.Reopened], to: CaseStatus.Transferred },
  [CaseAction.Refer]: { from: [CaseStatus.Accepted, CaseStatus.InProgress], to: CaseStatus.Referred },
  [CaseAction.Mediate]: { from: [CaseStatus.Accepted, CaseStatus.InProgress], to: CaseStatus.InMediation },
  [CaseAction.ReturnFromReferral]: { from: [CaseStatus.Referred], to: CaseStatus.InProgress },
  [CaseAction.Confirm]: { from: [CaseStatus.Resolved], to: CaseStatus.Closed },
  [CaseAction.Reopen]: { from: [CaseStatus.Resolved], to: CaseStatus.Reopened },
  [CaseAction.AutoClose]: { from: [CaseStatus.Resolved], to: CaseStatus.Closed },
};

/** Returns the status an action leads to, or null when the action is not allowed from `from`. */
export function nextStatus(from: CaseStatus, action: CaseAction): CaseStatus | null {
  const t = CASE_TRANSITIONS[action];
  return t.from.includes(from) ? t.to : null;
}

/** Actions a given status allows (before role checks). */
export function actionsFrom(status: CaseStatus): CaseAction[] {
  return (Object.keys(CASE_TRANSITIONS) as CaseAction[]).filter((a) => CASE_TRANSITIONS[a].from.includes(status));
}

/** Who may perform each action: handling is police work, confirming and reopening the reporter's. */
export const CASE_ACTION_PERMISSION: Record<CaseAction, Permission | 'reporter' | 'system'> = {
  [CaseAction.Accept]: Permission.CaseHandle,
  [CaseAction.Start]: Permission.CaseHandle,
  [CaseAction.Resolve]: Permission.CaseHandle,
  [CaseAction.Reject]: Permission.CaseHandle,
  [CaseAction.MarkDuplicate]: Permission.CaseHandle,
  [CaseAction.Transfer]: Permission.CaseHandle,
  [CaseAction.Refer]: Permission.CaseHandle,
  [CaseAction.Mediate]: Permission.CaseHandle,
  [CaseAction.ReturnFromReferral]: Permission.CaseHandle,
  [CaseAction.Confirm]: 'reporter',
  [CaseAction.Reopen]: 'reporter',
  [CaseAction.AutoClose]: 'system',
};

/** Days after resolution within which the reporter may reopen, and after which silence counts as confirmation. */
export const REOPEN_WINDOW_DAYS = 7;
export const AUTO_CONFIRM_DAYS = 3;

/** Default deadlines per kind, in calendar minutes (police work is 24/7). Configurable on the server. */
export const DEFAULT_CASE_DEADLINES: Record<CaseKind, { firstResponseMinutes: number; resolutionMinutes: number }> = {
  [CaseKind.Dispute]: { firstResponseMinutes: 30, resolutionMinutes: 3 * 24 * 60 },
  [CaseKind.Hazard]: { firstResponseMinutes: 30, resolutionMinutes: 2 * 24 * 60 },
  [CaseKind.CrimeLead]: { firstResponseMinutes: 60, resolutionMinutes: 7 * 24 * 60 },
  [CaseKind.Anomaly]: { firstResponseMinutes: 60, resolutionMinutes: 3 * 24 * 60 },
  [CaseKind.ServiceNeed]: { firstResponseMinutes: 120, resolutionMinutes: 5 * 24 * 60 },
  [CaseKind.Question]: { firstResponseMinutes: 240, resolutionMinutes: 2 * 24 * 60 },
};

export interface ComputedDeadline {
  kind: 'first_response' | 'resolution';
  dueAt: Date;
}

/**
 * Deadlines of a new report, in calendar time from submission (no office hours: police work is
 * 24/7). `deadlines` is the configured table, DEFAULT_CASE_DEADLINES unless overridden.
 */
export function computeDeadlines(
  kind: CaseKind,
  submittedAt: Date,
  deadlines: Record<CaseKind, { firstResponseMinutes: number; resolutionMinutes: number }> = DEFAULT_CASE_DEADLINES,
): ComputedDeadline[] {
  const { firstResponseMinutes, resolutionMinutes } = deadlines[kind];
  return [
    { kind: 'first_response', dueAt: new Date(submittedAt.getTime() + firstResponseMinutes * 60_000) },
    { kind: 'resolution', dueAt: new Date(submittedAt.getTime() + resolutionMinutes * 60_000) },
  ];
}

/**
 * How long until a deadline, or how long past it, for people reading the queue: 还剩 25 分钟,
 * 还剩 3 小时 5 分, 还剩 2 天 4 小时, 已超时 40 分钟. Whole units, rounded down, so the time
 * shown left is never more than the time there is.
 */
export function deadlineCountdown(dueAt: string | Date, now: Date): string {
  const diff = new Date(dueAt).getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(diff) / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const span =
    days > 0 ? `${days} 天${hours ? ` ${hours} 小时` : ''}` : hours > 0 ? `${hours} 小时${mins ? ` ${mins} 分` : ''}` : `${minutes} 分钟`;
  if (diff >= 0) return minutes === 0 ? '不足 1 分钟' : `还剩 ${span}`;
  return minutes === 0 ? '刚刚超时' : `已超时 ${span}`;
}

/** Escalation ladder of an overdue deadline: the officer is reminded, then 督办 by the station, then 催办 by the branch. */
export enum EscalationLevel {
  None = 0,
  OfficerReminded = 1,
  StationSupervising = 2, // 督办
  BranchUrging = 3, // 催办
}

export const ESCALATION_LABELS: Record<EscalationLevel, string> = {
  [EscalationLevel.None]: '',
  [EscalationLevel.OfficerReminded]: '已提醒民警',
  [EscalationLevel.StationSupervising]: '派出所督办',
  [EscalationLevel.BranchUrging]: '分局催办',
};

export enum Anonymity {
  None = 'none',
  /** 对他人匿名: hidden from everyone except the handling officer. */
  Others = 'others',
  /** 信息员模式: sealed; only a station leader can unseal, with a reason. */
  Sealed = 'sealed',
}

export enum ContactPreference {
  Phone = 'phone',
  InApp = 'in_app',
  NoContact = 'no_contact',
}

export const CONTACT_PREFERENCE_LABELS: Record<ContactPreference, string> = {
  [ContactPreference.Phone]: '电话联系我',
  [ContactPreference.InApp]: '小程序内回复',
  [ContactPreference.NoContact]: '无需联系',
};

export enum TimelineEventType {
  Submitted = 'submitted',
  StatusChanged = 'status_changed',
  Note = 'note',
  ReporterInfo = 'reporter_info',
  Escalated = 'escalated',
  SeriousRisk = 'serious_risk',
  Rated = 'rated',
  HeldForReview = 'held_for_review',
  ReviewCleared = 'review_cleared',
  /** 催办: a leader urged the responsible officer, with an instruction (internal). */
  Urged = 'urged',
  /** 申请调解: the reporter of a dispute asked for a mediation room (one per case). */
  MediationRequested = 'mediation_requested',
  /** 民警交接: the community was handed over and its open case moved to the new officer (internal). */
  Reassigned = 'reassigned',
  /** 核查: an inspector (信访/督察) opened an inquiry into the case's handling (internal). */
  InquiryOpened = 'inquiry_opened',
}

export const MAX_CASE_PHOTOS = 9;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const CASE_TITLE_MAX = 50;
export const CASE_DESCRIPTION_MAX = 1000;

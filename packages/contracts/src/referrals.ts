import { CaseKind, CaseStatus, EscalationLevel } from './cases';

/** Where a case is referred (转办对象). */
export enum ReferralTargetKind {
  PoliceDepartment = 'police_department', // 警种部门: lead verification, service requests
  Hotline12345 = 'hotline_12345', // 12345 政务服务便民热线 (work order through the adapter)
  GovernmentDepartment = 'government_department', // 其他政府部门 (officer records the reply)
}

export const REFERRAL_TARGET_KIND_LABELS: Record<ReferralTargetKind, string> = {
  [ReferralTargetKind.PoliceDepartment]: '公安警种部门',
  [ReferralTargetKind.Hotline12345]: '12345热线',
  [ReferralTargetKind.GovernmentDepartment]: '其他政府部门',
};

/** Referral status (转办状态): sent → signed (签收) → replied (回复). */
export enum ReferralStatus {
  Sent = 'sent',
  Signed = 'signed',
  Replied = 'replied',
}

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  [ReferralStatus.Sent]: '待签收',
  [ReferralStatus.Signed]: '已签收',
  [ReferralStatus.Replied]: '已回复',
};

/** 12345 work order state as the hotline reports it (see docs/integrations/12345.md). */
export enum HotlineOrderStatus {
  /** Not yet delivered to 12345 (the outbox is trying). */
  Pending = 'pending',
  Received = 'received',
  Accepted = 'accepted',
  Processing = 'processing',
  Replied = 'replied',
  Rejected = 'rejected',
  /** Delivery failed for good (dead letter): the officer is told and can retry. */
  Failed = 'failed',
}

/** Default due times of a referral, in calendar hours from sending. Configurable on the server. */
export const DEFAULT_REFERRAL_DUE_HOURS = { receipt: 24, reply: 5 * 24 } as const;

export interface ReferralTargetView {
  id: number;
  kind: ReferralTargetKind;
  name: string;
  /** Public service phone of the department, if any. */
  phone: string | null;
}

export const REFERRAL_TARGET_NAME_MAX = 64;
export const REFERRAL_TARGET_PHONE_MAX = 32;

/** A department staff member (警种部门人员) who can be put on a target to work its referrals. */
export interface DepartmentStaffOption {
  id: number;
  nickname: string;
  /** Branch or city unit the person belongs to, if any. */
  orgUnitName: string | null;
}

/** 转办对象管理 (admins): a target, active or retired, with the staff who sign and reply to its referrals. */
export interface ReferralTargetAdminView extends ReferralTargetView {
  /** Branch the department belongs to; null for city-wide ones (12345, 市直部门). */
  orgUnitId: number | null;
  orgUnitName: string | null;
  /** Retired targets are no longer offered to officers; referrals already sent stay with them. */
  active: boolean;
  staff: DepartmentStaffOption[];
  /** Referrals sent to it and not yet replied to. */
  openReferrals: number;
}

/** GET /api/referral-targets/manage: every target, and what the forms pick from. */
export interface ReferralTargetAdminPage {
  targets: ReferralTargetAdminView[];
  staffOptions: DepartmentStaffOption[];
  /** Units a department can belong to (the city and its branches). */
  orgUnitOptions: { id: number; name: string }[];
}

/** POST /api/referral-targets (admins). 12345 exists once and is not added. */
export interface CreateReferralTargetRequest {
  kind: ReferralTargetKind;
  name: string;
  phone?: string;
  orgUnitId?: number;
  staffUserIds?: number[];
}

/** PUT /api/referral-targets/:id (admins): name, phone and the whole staff list. */
export interface UpdateReferralTargetRequest {
  name: string;
  phone?: string;
  staffUserIds: number[];
}

/** POST /api/cases/:id/referrals (officer). The case moves to referred. */
export interface CreateReferralRequest {
  targetId: number;
  reason: string;
  /** Named station contact (站内联系人); defaults to the caller. Must be police of the case's station. */
  contactUserId?: number;
  /** ISO times; default from the configured hours. */
  receiptDueAt?: string;
  replyDueAt?: string;
}

/** POST /api/referrals/:id/reply (department staff, or the officer recording an external reply). */
export interface ReferralReplyRequest {
  outcome: string;
  /** Evidence of an external reply (回执): e.g. the department's written answer, a call record. Required from officers. */
  evidence?: string;
}

export interface ReferralView {
  id: number;
  caseId: number;
  caseNumber: string;
  caseTitle: string;
  caseKind: CaseKind;
  caseSubcategory: string;
  caseStatus: CaseStatus;
  /** What the case is about, for the department (the reporter's identity is never included). */
  caseDescription: string;
  communityName: string;
  target: ReferralTargetView;
  reason: string;
  contactName: string;
  /** The station contact's work phone (public by design). */
  contactPhone: string | null;
  status: ReferralStatus;
  receiptDueAt: string;
  replyDueAt: string;
  signedAt: string | null;
  signedByName: string | null;
  repliedAt: string | null;
  replyOutcome: string | null;
  replyEvidence: string | null;
  repliedByLabel: string | null;
  /** 12345 work order number once the hotline answered (工单号). */
  externalOrderNumber: string | null;
  externalStatus: HotlineOrderStatus | null;
  /** Which due time has passed unmet, if any. */
  overdue: 'receipt' | 'reply' | null;
  escalation: EscalationLevel;
  createdAt: string;
  /** What the caller may do now. */
  canSign: boolean;
  canReply: boolean;
}

/** What a resident sees of a referral on their case page, in plain words. */
export interface ReferralStepView {
  id: number;
  /** e.g. 已转12345，工单号 GD…；已转交蚌山分局户政科办理. */
  text: string;
  status: ReferralStatus;
  /** Staff only: the 12345 order never got through; the officer passes it on by phone. */
  failed: boolean;
  at: string;
}

/** 政法委/综治 governance classification of every appeal (诉求分类). */
export enum GovernanceClass {
  Dispute = 'dispute', // 矛盾纠纷
  SecurityRisk = 'security_risk', // 治安隐患
  Livelihood = 'livelihood', // 民生诉求
  CrimeLead = 'crime_lead', // 违法犯罪线索
}

export const GOVERNANCE_CLASS_LABELS: Record<GovernanceClass, string> = {
  [GovernanceClass.Dispute]: '矛盾纠纷',
  [GovernanceClass.SecurityRisk]: '治安隐患',
  [GovernanceClass.Livelihood]: '民生诉求',
  [GovernanceClass.CrimeLead]: '违法犯罪线索',
};

/** The class a case has until an officer classifies it otherwise. */
export const DEFAULT_GOVERNANCE_CLASS: Record<CaseKind, GovernanceClass> = {
  [CaseKind.Dispute]: GovernanceClass.Dispute,
  [CaseKind.Hazard]: GovernanceClass.SecurityRisk,
  [CaseKind.CrimeLead]: GovernanceClass.CrimeLead,
  [CaseKind.Anomaly]: GovernanceClass.SecurityRisk,
  [CaseKind.ServiceNeed]: GovernanceClass.Livelihood,
  [CaseKind.Question]: GovernanceClass.Livelihood,
};

/** PUT /api/cases/:id/governance-class (officer). */
export interface GovernanceClassRequest {
  governanceClass: GovernanceClass;
}

/** GET/PUT /api/cases/:id/governance-class. */
export interface GovernanceClassView {
  caseId: number;
  governanceClass: GovernanceClass;
}

export interface GovernanceDigestCase {
  caseId: number;
  number: string;
  title: string;
  governanceClass: GovernanceClass;
  status: CaseStatus;
  communityName: string;
  seriousRisk: boolean;
  referredTo: string | null;
  createdAt: string;
}

/** GET /api/governance/digest?date= : cases in handling in the caller's jurisdiction, by class. */
export interface GovernanceDigest {
  date: string;
  jurisdiction: string;
  /** Cases in handling at the end of the day, all of them (the counts add up to it). */
  total: number;
  counts: Record<GovernanceClass, number>;
  seriousRiskCount: number;
  /** The first of them, serious risk first, newest first (at most 2,000 in the app; `total` may be more). */
  cases: GovernanceDigestCase[];
}

/** 转办分流联席 agenda item: referrals to one target in one category piled up in a period. */
export interface ReferralAgendaItemView {
  id: number;
  target: ReferralTargetView;
  /** `kind.subcategory` of the cases, with its label. */
  category: string;
  categoryLabel: string;
  branchName: string;
  periodStart: string;
  periodEnd: string;
  count: number;
  threshold: number;
  cases: { caseId: number; number: string; title: string; status: CaseStatus }[];
  createdAt: string;
}

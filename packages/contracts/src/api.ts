import type { GroupKind, MemberType, MembershipStatus, OrgLevel } from './org';
import type { Permission } from './permissions';
import type { Role } from './roles';

/** Request/response shapes of the HTTP API (all paths under /api). */

export interface UserView {
  id: number;
  /** Demo users have a username; WeChat users do not. */
  username: string | null;
  nickname: string;
  role: Role;
  roles: Role[];
  permissions: Permission[];
  isInformant: boolean;
  /** Masked unless the caller may see it, e.g. 138****5678. */
  phone: string | null;
  /** Org unit a staff member belongs to (station for officers, branch for branch leaders …). */
  orgUnitId: number | null;
  orgUnitName: string | null;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface LoginResponse extends TokenPair {
  user: UserView;
}

export interface WechatLoginRequest { code: string }
export interface RefreshRequest { refreshToken: string }
export interface DevLoginRequest { username: string }
export interface DemoUser { username: string; role: Role; roleLabel: string; nickname: string }

export interface OrgUnitView {
  id: number;
  name: string;
  level: OrgLevel;
  parentId: number | null;
  path: string;
}

export interface OfficerCard {
  id: number;
  name: string;
  /** Work phone of the officer (public by design: residents call their officer). */
  phone: string | null;
  photoUrl: string | null;
  stationName: string;
  /** 成绩突出社区民警（2026年11月）: the latest title of the last HONOUR_SHOWN_MONTHS months, or null. */
  honour: string | null;
}

export interface CommunityView {
  id: number;
  name: string;
  stationId: number;
  stationName: string;
  branchName: string;
  officer: OfficerCard | null;
  groupName: string | null;
}

export interface MembershipView {
  id: number;
  communityId: number;
  communityName: string;
  memberType: MemberType;
  status: MembershipStatus;
  joinedAt: string | null;
  officer: OfficerCard | null;
  /** Why the officer refused the request (status `refused`); null otherwise. Asking again clears it. */
  refusalReason: string | null;
  /** The resident's own 申请说明 (prefilled when they ask again); null when they wrote none. */
  note: string | null;
}

export interface MemberView {
  membershipId: number;
  userId: number;
  nickname: string;
  /** Always masked here; the responsible officer reveals one number at a time (MemberPhoneView). */
  phone: string | null;
  memberType: MemberType;
  status: MembershipStatus;
  isInformant: boolean;
  joinedAt: string | null;
  /**
   * 申请说明 of a pending request, for who decides on it in scope (each note shown is audited as a
   * read of that member's personal data); null otherwise.
   */
  note: string | null;
}

/**
 * A page of a community's members (GET /api/communities/:id/members). Phone numbers are always
 * masked in the list; `canRevealPhone` says whether the caller (the community's responsible
 * officer) may reveal one member's number at a time, each reveal audited by that member.
 */
export interface MemberPage extends Page<MemberView> {
  canRevealPhone: boolean;
}

/** One member's phone number, revealed to the responsible officer (POST …/members/:membershipId/phone). */
export interface MemberPhoneView {
  membershipId: number;
  phone: string | null;
}

export interface JoinByCodeRequest { code: string; memberType?: MemberType }
/** `note`: 申请说明 (up to MEMBERSHIP_NOTE_MAX characters); omitted when asking again, the previous one stays. */
export interface JoinRequest { communityId: number; memberType?: MemberType; note?: string }
/** 拒绝 a join request: the reason is told to the resident (MEMBERSHIP_REFUSAL_REASON_MIN–MAX characters). */
export interface RefuseMembershipRequest { reason: string }
export interface CommunityInviteView { code: string; communityId: number; expiresAt: string; scene: string }

export interface StaffInvitationRequest { role: Role; orgUnitId: number; name: string }
/** A new staff invitation: `token` is shown once (only its hash is kept), so the link is copied now. */
export interface StaffInvitationView { id: number; token: string; role: Role; orgUnitId: number; expiresAt: string }
export interface AcceptStaffInvitationRequest { token: string; code: string }
/** 领取邀请 by a person already signed in (the mini program signs residents in at launch). */
export interface ClaimStaffInvitationRequest { token: string }

/** 待使用 / 已使用 / 已过期 / 已撤销. */
export type StaffInvitationStatus = 'pending' | 'used' | 'expired' | 'revoked';
export const STAFF_INVITATION_STATUS_LABELS: Record<StaffInvitationStatus, string> = {
  pending: '待使用', used: '已使用', expired: '已过期', revoked: '已撤销',
};

/** One invitation in the inviter's list (GET /api/staff-invitations): the invitee's name, never the token. */
export interface StaffInvitationItem {
  id: number;
  inviteeName: string;
  role: Role;
  orgUnitId: number;
  orgUnitName: string;
  status: StaffInvitationStatus;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

/** 信息员: name (or un-name) a resident of one of the officer's communities. */
export interface InformantRequest { granted: boolean }

/** GET /api/audit filters: who acted (`actorId`), what about (`targetType` + `targetId`), which action. */
export interface AuditQuery { page?: number; pageSize?: number; action?: string; actorId?: number; targetType?: string; targetId?: string }

export interface HandoverRequest { newOfficerId: number; reason: string }

/** One past 民警交接 of a community (GET /api/communities/:id/handovers), newest first. */
export interface CommunityHandoverView {
  id: number;
  /** ISO time of the handover. */
  at: string;
  /** The officer before (null: the community had none). */
  fromOfficer: string | null;
  toOfficer: string;
  /** Who handed it over (a leader). */
  by: string;
  reason: string;
}

export interface WorkbenchCommunity extends CommunityView {
  memberCount: number;
  pendingCount: number;
}

/**
 * 工作台 drill-down for leaders (GET /api/workbench/units?parentId=): the branches or stations
 * directly under a unit in the caller's jurisdiction, with how many communities each holds and
 * how many join requests wait there.
 */
export interface WorkbenchUnit {
  id: number;
  name: string;
  level: OrgLevel;
  communityCount: number;
  pendingCount: number;
}

/**
 * What waits for the caller (GET /api/workbench/alerts): the counts on the 工作台 entries, null
 * for an entry the caller's role does not have, and `total` for the badge on the 工作台 tab.
 */
export interface WorkbenchAlerts {
  /** 案件队列: reports in the caller's jurisdiction not yet accepted (新上报). */
  newReports: number | null;
  /** 案件队列: open reports past a deadline (逾期). */
  overdueReports: number | null;
  /** 督办: escalated reports of the leader's jurisdiction. */
  supervision: number | null;
  /** 待审核: join requests in the communities the caller decides on. */
  pendingJoins: number | null;
  /** 转办签收: referrals to the caller's department not yet signed. */
  referralsToSign: number | null;
  /** The badge: everything above that waits, each report counted once. */
  total: number;
}

export interface AuditEntryView {
  id: number;
  at: string;
  actorId: number | null;
  /** Staff by name and role (王建国（社区民警）), residents as 居民 only; null for the system. */
  actorName: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: 'ok' | 'denied';
  ip: string | null;
  detail: string | null;
}

export interface PoliceGroupView {
  id: number;
  kind: GroupKind;
  name: string;
  communityId: number | null;
  stationId: number;
  ownerId: number | null;
  enterpriseCount: number;
  boundToWechat: boolean;
}

export interface Page<T> { items: T[]; total: number; page: number; pageSize: number }

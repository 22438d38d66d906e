import { Role } from './roles';

/**
 * Permissions (权限). The server enforces them; the mini program uses the same map
 * to hide what the server would refuse.
 */
export enum Permission {
  /** Open the 工作台 admin tab. */
  WorkbenchAccess = 'workbench.access',
  /** Read the jurisdiction tree within the caller's scope. */
  OrgRead = 'org.read',
  /** Read members of communities in scope (names/phones masked unless PersonalDataUnmask). */
  CommunityMembersRead = 'community.members.read',
  /** Create resident invites to a community (QR / short code). */
  CommunityInviteCreate = 'community.invite.create',
  /** Approve or refuse a resident's request to join a community. */
  CommunityJoinApprove = 'community.join.approve',
  /** Reassign a community to another officer (民警交接). */
  CommunityHandover = 'community.handover',
  /** Grant or revoke the informant flag on a resident (信息员). */
  InformantGrant = 'informant.grant',
  /** Invite police, mediators and department staff. */
  StaffInvitationCreate = 'staff.invitation.create',
  /** See personal data (phone, ID number) unmasked; every read is audited. */
  PersonalDataUnmask = 'personal.unmask',
  /** Read the audit log. */
  AuditRead = 'audit.read',
  /** Join a community as a resident and read one's own officer. */
  CommunityJoin = 'community.join',
  /** Report a case (上报) and follow one's own reports. */
  CaseReport = 'case.report',
  /** Read the case queue and case pages in scope. */
  CaseRead = 'case.read',
  /** Handle cases: accept, start, resolve, reject, transfer, notes, serious-risk flag. */
  CaseHandle = 'case.handle',
  /**
   * 督办/催办: the list of cases in the jurisdiction whose overdue deadlines escalated to the
   * caller's level (SUPERVISION_FROM_LEVEL), and 催办 — urging the responsible officer with an
   * instruction (station, branch and city leaders).
   */
  CaseSupervise = 'case.supervise',
  /** Unseal an informant's identity, giving a reason (station leaders). */
  InformantUnseal = 'informant.unseal',
  /** See the list of unseals (city leaders). */
  UnsealLogRead = 'informant.unseal_log',
  /** Notification outbox dead letters (admins). */
  OutboxAdmin = 'outbox.admin',
  /** Sign for and reply to referrals sent to one's own department (警种部门). */
  ReferralHandle = 'referral.handle',
  /** Add, edit and retire referral targets (转办对象) and say which department staff work them. */
  ReferralTargetManage = 'referral.target.manage',
  /** Edit the 办事指引 catalogue (versioned). */
  ServiceGuideEdit = 'service_guide.edit',
  /** Read the daily 政法委/综治 digest of the jurisdiction (view and CSV export). */
  GovernanceDigestRead = 'governance.digest',
  /** See 转办分流联席 agenda items of piled-up referrals (branch and city leaders). */
  ReferralAgendaRead = 'referral.agenda',
  /** Open a mediation room from a dispute, invite, transfer offline, record outcomes, manage slots. */
  MediationManage = 'mediation.manage',
  /** Mediate (警民联调员): caucus with a party, draft the agreement. */
  MediationMediate = 'mediation.mediate',
  /** Read transcripts of rooms in the jurisdiction without being a member (every read audited). */
  MediationTranscriptRead = 'mediation.transcript.read',
  /** Write bulletins (公告) of the kinds WRITABLE_KINDS gives the role (bulletins.ts). */
  BulletinWrite = 'bulletin.write',
  /** Review bulletins of the kinds BULLETIN_REVIEW gives the role, in the caller's branch or city (法治部门; 正气: station leaders). */
  BulletinReview = 'bulletin.review',
  /** Push approved bulletins into the groups in the caller's jurisdiction (1–2 a day per group). */
  BulletinPush = 'bulletin.push',
  /** Withdraw (撤回) any bulletin of the caller's jurisdiction with a reason (leaders; authors withdraw their own). */
  BulletinWithdraw = 'bulletin.withdraw',
  /** 数据: the six counters and three rates of the jurisdiction (leaders) or one's own communities (officers), drill-down and export. */
  FiguresRead = 'figures.read',
  /** 会商调度: the review schedule and packets of the jurisdiction, recording the own unit's reviews, 重大问题 (leaders). */
  ReviewHold = 'review.hold',
  /** Record 安全防范 actions (巡逻, 走访, 提示) in the communities one works. */
  PreventionRecord = 'prevention.record',
  /**
   * 责任追究 (信访/督察): the overdue and escalated cases of the jurisdiction with their response-time
   * trail, and 核查 (inquiries) on them. Only inspectors write inquiries; every read and write is audited.
   */
  CaseInspect = 'case.inspect',
  /** 一事一奖: propose a reward for a resident's deed (a report or a 正气 bulletin) in the caller's jurisdiction. */
  RewardPropose = 'reward.propose',
  /** Approve or refuse the rewards proposed in the caller's station (station leaders). */
  RewardDecide = 'reward.decide',
  /** Name 成绩突出社区民警 from the monthly ranking of the officers of the caller's branch (branch leaders). */
  OfficerHonourName = 'officer.honour',
}

const POLICE_COMMON: Permission[] = [
  Permission.WorkbenchAccess,
  Permission.OrgRead,
  Permission.CommunityMembersRead,
  Permission.CaseRead,
  Permission.BulletinWrite,
  Permission.BulletinPush,
  Permission.FiguresRead,
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.Resident]: [Permission.CommunityJoin, Permission.CaseReport],
  [Role.Informant]: [Permission.CommunityJoin, Permission.CaseReport],
  [Role.Mediator]: [Permission.WorkbenchAccess, Permission.MediationMediate],
  [Role.DepartmentStaff]: [Permission.WorkbenchAccess, Permission.ReferralHandle, Permission.BulletinWrite],
  [Role.LegalReviewer]: [Permission.WorkbenchAccess, Permission.BulletinWrite, Permission.BulletinReview],
  [Role.CommunityOfficer]: [
    ...POLICE_COMMON,
    Permission.CommunityInviteCreate,
    Permission.CommunityJoinApprove,
    Permission.InformantGrant,
    Permission.PersonalDataUnmask,
    Permission.CaseHandle,
    Permission.MediationManage,
    Permission.PreventionRecord,
    Permission.RewardPropose,
  ],
  [Role.StationLeader]: [
    ...POLICE_COMMON,
    Permission.CommunityInviteCreate,
    Permission.CommunityJoinApprove,
    Permission.CommunityHandover,
    Permission.StaffInvitationCreate,
    Permission.CaseHandle,
    Permission.CaseSupervise, Permission.ReviewHold,
    Permission.InformantUnseal,
    Permission.GovernanceDigestRead,
    Permission.MediationManage,
    Permission.MediationTranscriptRead,
    Permission.BulletinReview,
    Permission.BulletinWithdraw,
    Permission.PreventionRecord,
    Permission.RewardPropose,
    Permission.RewardDecide,
  ],
  [Role.BranchLeader]: [
    ...POLICE_COMMON, Permission.CommunityHandover, Permission.StaffInvitationCreate, Permission.GovernanceDigestRead,
    Permission.ReferralAgendaRead, Permission.MediationTranscriptRead, Permission.CaseSupervise, Permission.ReviewHold, Permission.BulletinWithdraw,
    Permission.OfficerHonourName,
  ],
  [Role.CityLeader]: [
    ...POLICE_COMMON,
    Permission.CommunityHandover,
    Permission.StaffInvitationCreate,
    Permission.AuditRead,
    Permission.UnsealLogRead,
    Permission.GovernanceDigestRead,
    Permission.ReferralAgendaRead,
    Permission.MediationTranscriptRead,
    Permission.CaseSupervise, Permission.ReviewHold,
    Permission.BulletinWithdraw,
  ],
  // 信访/督察 reads the response-time trail of overdue cases and writes 核查; no handling, no 催办.
  [Role.Inspector]: [Permission.WorkbenchAccess, Permission.CaseInspect],
  // The admin runs the system, not police work: accounts (staff invitations, on the org tree), the
  // outbox, the catalogues (办事指引, 转办对象) and the audit log. No case, community or room (#19).
  [Role.Admin]: [
    Permission.WorkbenchAccess,
    Permission.OrgRead,
    Permission.StaffInvitationCreate,
    Permission.AuditRead,
    Permission.OutboxAdmin,
    Permission.ServiceGuideEdit,
    Permission.ReferralTargetManage,
  ],
};

/** Effective roles of a user: the primary role plus the informant flag. */
export function effectiveRoles(role: Role, isInformant: boolean): Role[] {
  return isInformant && role === Role.Resident ? [role, Role.Informant] : [role];
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  const out = new Set<Permission>();
  for (const r of roles) for (const p of ROLE_PERMISSIONS[r]) out.add(p);
  return out;
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

/**
 * Which roles a caller may invite. Admin and city leaders may invite anyone,
 * branch/station leaders only roles at or below their own level.
 */
export const INVITABLE_BY: Partial<Record<Role, readonly Role[]>> = {
  [Role.Admin]: [
    Role.Mediator, Role.CommunityOfficer, Role.StationLeader, Role.BranchLeader, Role.CityLeader,
    Role.LegalReviewer, Role.DepartmentStaff, Role.Inspector, Role.Admin,
  ],
  [Role.CityLeader]: [
    Role.Mediator, Role.CommunityOfficer, Role.StationLeader, Role.BranchLeader, Role.CityLeader,
    Role.LegalReviewer, Role.DepartmentStaff, Role.Inspector,
  ],
  [Role.BranchLeader]: [Role.Mediator, Role.CommunityOfficer, Role.StationLeader, Role.LegalReviewer, Role.DepartmentStaff],
  [Role.StationLeader]: [Role.Mediator, Role.CommunityOfficer],
};

import { ALL_ROLES, INVITED_ROLES, Role } from './roles';
import { can, effectiveRoles, INVITABLE_BY, Permission, permissionsOf, ROLE_PERMISSIONS } from './permissions';

describe('role → permission map', () => {
  it('gives every role an entry', () => {
    for (const role of ALL_ROLES) expect(ROLE_PERMISSIONS[role]).toBeDefined();
  });

  it('hides the 工作台 from residents and informants but shows it to police, mediators and department staff', () => {
    expect(can([Role.Resident], Permission.WorkbenchAccess)).toBe(false);
    expect(can(effectiveRoles(Role.Resident, true), Permission.WorkbenchAccess)).toBe(false);
    for (const r of [Role.CommunityOfficer, Role.StationLeader, Role.Mediator, Role.DepartmentStaff]) {
      expect(can([r], Permission.WorkbenchAccess)).toBe(true);
    }
  });

  it('lets only residents join a community', () => {
    const joiners = ALL_ROLES.filter((r) => can([r], Permission.CommunityJoin));
    expect(joiners.sort()).toEqual([Role.Informant, Role.Resident].sort());
  });

  it('adds the informant role only to residents', () => {
    expect(effectiveRoles(Role.Resident, true)).toEqual([Role.Resident, Role.Informant]);
    expect(effectiveRoles(Role.CommunityOfficer, true)).toEqual([Role.CommunityOfficer]);
  });

  it('never lets a leader invite a role above their own level', () => {
    expect(INVITABLE_BY[Role.StationLeader]).not.toContain(Role.BranchLeader);
    expect(INVITABLE_BY[Role.BranchLeader]).not.toContain(Role.CityLeader);
    expect(INVITABLE_BY[Role.CityLeader]).not.toContain(Role.Admin);
    for (const roles of Object.values(INVITABLE_BY)) {
      for (const r of roles ?? []) expect(INVITED_ROLES).toContain(r);
    }
  });

  it('gives the admin accounts, the outbox, the catalogues and the audit log, and no police work', () => {
    expect([...permissionsOf([Role.Admin])].sort()).toEqual([
      Permission.WorkbenchAccess, Permission.OrgRead, Permission.StaffInvitationCreate, Permission.AuditRead,
      Permission.OutboxAdmin, Permission.ServiceGuideEdit, Permission.ReferralTargetManage,
    ].sort());
  });

  it('keeps the audit log to admins and city leaders', () => {
    const readers = ALL_ROLES.filter((r) => permissionsOf([r]).has(Permission.AuditRead));
    expect(readers.sort()).toEqual([Role.Admin, Role.CityLeader].sort());
  });

  it('lets community officers and station leaders open mediation rooms, and only mediators mediate', () => {
    const managers = ALL_ROLES.filter((r) => can([r], Permission.MediationManage));
    expect(managers.sort()).toEqual([Role.CommunityOfficer, Role.StationLeader].sort());
    expect(ALL_ROLES.filter((r) => can([r], Permission.MediationMediate))).toEqual([Role.Mediator]);
    expect(can([Role.Resident], Permission.MediationTranscriptRead)).toBe(false);
  });

  it('keeps referral targets (转办对象) to admins: department staff work referrals but do not choose who does', () => {
    expect(ALL_ROLES.filter((r) => can([r], Permission.ReferralTargetManage))).toEqual([Role.Admin]);
    expect(can([Role.DepartmentStaff], Permission.ReferralHandle)).toBe(true);
  });

  it('gives 督办/催办 to station, branch and city leaders only: officers are the ones urged', () => {
    expect(ALL_ROLES.filter((r) => can([r], Permission.CaseSupervise)).sort()).toEqual([Role.BranchLeader, Role.CityLeader, Role.StationLeader].sort());
  });
});

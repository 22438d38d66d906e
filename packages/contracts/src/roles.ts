/** Roles of the product (角色). A user has one primary role; `informant` is a flag an officer grants to a resident. */
export enum Role {
  Resident = 'resident', // 居民
  Informant = 'informant', // 信息员
  Mediator = 'mediator', // 警民联调员
  CommunityOfficer = 'community_officer', // 社区民警
  StationLeader = 'station_leader', // 派出所领导
  BranchLeader = 'branch_leader', // 分县局领导
  CityLeader = 'city_leader', // 市局领导
  LegalReviewer = 'legal_reviewer', // 法治部门
  DepartmentStaff = 'department_staff', // 警种部门
  Inspector = 'inspector', // 信访/督察
  Admin = 'admin', // 系统管理员
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Record<Role, string> = {
  [Role.Resident]: '居民',
  [Role.Informant]: '信息员',
  [Role.Mediator]: '警民联调员',
  [Role.CommunityOfficer]: '社区民警',
  [Role.StationLeader]: '派出所领导',
  [Role.BranchLeader]: '分县局领导',
  [Role.CityLeader]: '市局领导',
  [Role.LegalReviewer]: '法治部门',
  [Role.DepartmentStaff]: '警种部门',
  [Role.Inspector]: '信访督察',
  [Role.Admin]: '系统管理员',
};

/** Roles that residents get by registering themselves; every other role is enrolled by invitation. */
export const SELF_REGISTERED_ROLES: readonly Role[] = [Role.Resident];

/** Roles enrolled by a single-use staff invitation (民警、调解员、警种部门 …). */
export const INVITED_ROLES: readonly Role[] = ALL_ROLES.filter(
  (r) => r !== Role.Resident && r !== Role.Informant,
);

/** Police roles that own a place in the jurisdiction tree. */
export const LEADER_ROLES: readonly Role[] = [Role.StationLeader, Role.BranchLeader, Role.CityLeader];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}

import { Role } from './roles';

/** Levels of the jurisdiction tree: 市公安局 → 分县局 → 派出所 → 社区/村. */
export enum OrgLevel {
  City = 'city',
  Branch = 'branch',
  Station = 'station',
  Community = 'community',
}

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  [OrgLevel.City]: '市公安局',
  [OrgLevel.Branch]: '分县局',
  [OrgLevel.Station]: '派出所',
  [OrgLevel.Community]: '社区/村',
};

export const ORG_LEVEL_DEPTH: Record<OrgLevel, number> = {
  [OrgLevel.City]: 0,
  [OrgLevel.Branch]: 1,
  [OrgLevel.Station]: 2,
  [OrgLevel.Community]: 3,
};

export enum GroupKind {
  Community = 'community', // 社区警民群（一警一群）
  Enterprise = 'enterprise', // 企业群, owned by the station's deputy chief for grassroots work
}

/** Member types inside a community group (群成员身份). */
export enum MemberType {
  Resident = 'resident',
  Cadre = 'cadre',
  BuildingHead = 'building_head',
  StreetHead = 'street_head',
  GridWorker = 'grid_worker',
  ShopOwner = 'shop_owner',
  EnterpriseHead = 'enterprise_head',
  PropertyManager = 'property_manager',
  SecurityVolunteer = 'security_volunteer',
  ResidentRepresentative = 'resident_representative',
}

export const MEMBER_TYPE_LABELS: Record<MemberType, string> = {
  [MemberType.Resident]: '居民',
  [MemberType.Cadre]: '社区干部',
  [MemberType.BuildingHead]: '楼栋长',
  [MemberType.StreetHead]: '街巷长',
  [MemberType.GridWorker]: '网格员',
  [MemberType.ShopOwner]: '商户',
  [MemberType.EnterpriseHead]: '企业负责人',
  [MemberType.PropertyManager]: '物业',
  [MemberType.SecurityVolunteer]: '治安积极分子',
  [MemberType.ResidentRepresentative]: '居民代表',
};

export enum MembershipStatus {
  Pending = 'pending', // 待民警审核
  Active = 'active',
  Refused = 'refused',
  Left = 'left',
}

export const MEMBERSHIP_STATUS_LABELS: Record<MembershipStatus, string> = {
  [MembershipStatus.Pending]: '待审核',
  [MembershipStatus.Active]: '已加入',
  [MembershipStatus.Refused]: '未通过',
  [MembershipStatus.Left]: '已退出',
};

/** 拒绝理由: a refused join request says why, in 2 to 200 characters (the resident reads it). */
export const MEMBERSHIP_REFUSAL_REASON_MIN = 2;
export const MEMBERSHIP_REFUSAL_REASON_MAX = 200;

/**
 * 申请说明: what a resident asking to join tells the officer about themselves (住址、姓名…), up to
 * this many characters. Personal data: encrypted at rest, shown only to who decides in scope.
 */
export const MEMBERSHIP_NOTE_MAX = 200;

/** Characters as a person counts them: by code point, so an emoji is one (not two UTF-16 units). */
export function textLength(text: string): number {
  return Array.from(text).length;
}

/** Whether a text says something: at least one letter (any script, CJK included) or digit, not emoji or punctuation alone. */
export function hasWords(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}

/** Mini-program pages a join decision opens (subscribe message `page`, without the leading slash). */
export const HOME_PAGE = 'pages/home/index';
export const JOIN_PAGE = 'pages/join/index';

/** Level of the org unit each staff role is placed on (an invitation names such a unit). */
export const STAFF_UNIT_LEVELS: Partial<Record<Role, OrgLevel[]>> = {
  [Role.CommunityOfficer]: [OrgLevel.Station],
  [Role.StationLeader]: [OrgLevel.Station],
  [Role.BranchLeader]: [OrgLevel.Branch],
  [Role.CityLeader]: [OrgLevel.City],
  [Role.Admin]: [OrgLevel.City],
  [Role.Mediator]: [OrgLevel.Station],
  [Role.DepartmentStaff]: [OrgLevel.Branch, OrgLevel.City],
  [Role.LegalReviewer]: [OrgLevel.Branch, OrgLevel.City],
  [Role.Inspector]: [OrgLevel.Branch, OrgLevel.City],
};

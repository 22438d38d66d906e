import {
  CommunityView, HONOUR_SHOWN_MONTHS, honourTitle, HOME_PAGE, JOIN_PAGE, MembershipStatus, MemberType, MemberView, NotificationLink, WorkbenchCommunity, maskPhone,
} from '@jws/contracts';
import type { NotifyInput } from '../notifications/notifications.service';
import type { CommunityCountedRow, CommunityRow } from './data/communities.repository';
import type { MemberRow } from './data/memberships.repository';

/** A page of communities, optionally those whose or whose station's name contains `q`. */
export interface CommunitySearch {
  page?: number;
  pageSize?: number;
  q?: string;
  /** Only communities under this branch or station (工作台 drill-down). */
  under?: number;
}

/** The memberships a community's member list shows, and whose numbers its officer may reveal. */
export const LISTED_MEMBERSHIPS = [MembershipStatus.Active, MembershipStatus.Pending];

/** 成绩突出社区民警（2026年11月） while the month is among the last HONOUR_SHOWN_MONTHS (China time), else null. */
export function shownHonour(month: string | null, now: Date): string | null {
  if (!month) return null;
  const china = new Date(now.getTime() + 8 * 3600_000);
  const age = (china.getUTCFullYear() - Number(month.slice(0, 4))) * 12 + (china.getUTCMonth() + 1 - Number(month.slice(5, 7)));
  return age >= 0 && age <= HONOUR_SHOWN_MONTHS ? honourTitle(month) : null;
}

export function toCommunityView(row: CommunityRow): CommunityView {
  return {
    id: row.id,
    name: row.name,
    stationId: row.stationId,
    stationName: row.stationName,
    branchName: row.branchName,
    officer: row.officerId
      ? {
          id: row.officerId,
          name: row.officerName ?? '',
          phone: row.officerPhone,
          photoUrl: row.officerPhotoUrl,
          stationName: row.stationName,
          honour: shownHonour(row.officerHonourMonth, new Date()),
        }
      : null,
    groupName: row.groupName,
  };
}

export function toWorkbenchCommunity(row: CommunityCountedRow): WorkbenchCommunity {
  return { ...toCommunityView(row), memberCount: row.memberCount, pendingCount: row.pendingCount };
}

/** A member as lists show them: the phone number masked, the 申请说明 only `withNote` (the caller decides on it). */
export function toMemberView(r: MemberRow, withNote = false): MemberView {
  return {
    membershipId: r.membershipId,
    userId: r.userId,
    nickname: r.nickname,
    phone: maskPhone(r.phone),
    memberType: r.memberType as MemberType,
    status: r.status,
    isInformant: r.isInformant,
    joinedAt: r.joinedAt?.toISOString() ?? null,
    note: withNote ? r.note : null,
  };
}

/** What the resident is told of the officer's decision on their join request (`reason`: refused). */
export function joinDecisionNotice(community: { id: number; name: string }, reason: string | null): NotifyInput {
  const communityName = community.name;
  if (reason === null) {
    return {
      title: `已加入${communityName}`,
      body: '社区民警已通过您的加入申请，可在首页查看并联系您的社区民警。',
      caseId: null,
      communityId: community.id,
      link: NotificationLink.Home,
      wechat: { page: HOME_PAGE, data: { thing1: `加入${communityName}`.slice(0, 20), phrase2: '已通过', thing3: '可在首页联系社区民警' } },
    };
  }
  return {
    title: '加入社区申请未通过',
    body: `加入${communityName}的申请未通过：${reason}`,
    caseId: null,
    communityId: community.id,
    link: NotificationLink.Join,
    wechat: { page: JOIN_PAGE, data: { thing1: `加入${communityName}`.slice(0, 20), phrase2: '未通过', thing3: reason.slice(0, 20) } },
  };
}

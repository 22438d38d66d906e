import { ErrorCode, MemberPage, MemberPhoneView, MembershipStatus, MemberView, Permission, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from '../audit';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { Accounts } from '../identity';
import { CommunitiesService } from './communities.service';
import { CommunitiesRepository, CommunityRow } from './data/communities.repository';
import { MembershipsRepository } from './data/memberships.repository';
import { LISTED_MEMBERSHIPS, toMemberView } from './org-views';

/** A community's members as its police see them: the list, a member's phone number (查看号码), the informant flag (信息员). */
@Injectable()
export class MembersService {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly communities: CommunitiesRepository,
    private readonly directory: CommunitiesService,
    private readonly accounts: Accounts,
    private readonly audit: AuditService,
  ) {}

  /**
   * One page of a community's members, phone numbers masked for everyone: the list is for
   * knowing who is in the group, and a number is revealed one member at a time
   * (revealMemberPhone), so the audit log names each person whose number was read.
   * The 申请说明 of pending requests is shown to who may decide on them (the officer, the
   * station's leaders), each note shown audited as a read of that member's personal data.
   */
  async members(
    caller: Caller,
    communityId: number,
    query: { statuses?: MembershipStatus[]; page?: number; pageSize?: number } = {},
  ): Promise<MemberPage> {
    const community = await this.directory.requireCommunity(caller, communityId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const statuses = query.statuses?.length ? query.statuses : LISTED_MEMBERSHIPS;
    const { rows, total } = await this.memberships.membersOf(community.id, statuses, page, pageSize);
    const decides = caller.permissions.has(Permission.CommunityJoinApprove);
    const items = rows.map((r) => toMemberView(r, decides && r.status === MembershipStatus.Pending));
    // Every note shown is a read of that member's personal data: one audit entry each, written in one statement.
    await this.audit.recordManyFor(caller, items.filter((m) => m.note !== null).map((m) => ({
      action: AuditAction.PersonalDataRead, targetType: 'user', targetId: m.userId,
      detail: `join note, community ${community.id} pending list`,
    })));
    return { items, total, page, pageSize, canRevealPhone: this.isResponsibleOfficer(caller, community) };
  }

  /**
   * 查看号码: the community's responsible officer reveals one member's phone number to call them.
   * Audited as a read of that member's personal data (target: the user). Anyone else in scope
   * gets NOT_RESPONSIBLE_OFFICER, also audited; outside scope, or a membership of another
   * community, refused or left, answers 404.
   */
  async revealMemberPhone(caller: Caller, communityId: number, membershipId: number): Promise<MemberPhoneView> {
    const community = await this.directory.requireCommunity(caller, communityId);
    const member = await this.memberships.memberById(membershipId);
    if (!member || member.communityId !== community.id || !LISTED_MEMBERSHIPS.includes(member.status)) {
      throw new DomainException(ErrorCode.NotFound);
    }
    if (!this.isResponsibleOfficer(caller, community)) {
      await this.audit.recordFor(caller, {
        action: AuditAction.PersonalDataRead, targetType: 'user', targetId: member.userId, outcome: 'denied',
        detail: `phone, community ${community.id} member list`,
      });
      throw new DomainException(ErrorCode.NotResponsibleOfficer);
    }
    await this.audit.recordFor(caller, {
      action: AuditAction.PersonalDataRead, targetType: 'user', targetId: member.userId,
      detail: `phone, community ${community.id} member list`,
    });
    return { membershipId: member.membershipId, phone: member.phone };
  }

  private isResponsibleOfficer(caller: Caller, community: CommunityRow): boolean {
    return caller.permissions.has(Permission.PersonalDataUnmask) && community.officerId === caller.user.id;
  }

  /**
   * Grants or revokes the informant flag (信息员) on an active member of a community in scope. Which
   * of their communities are in scope is one query, whatever their number of memberships.
   */
  async setInformant(caller: Caller, userId: number, granted: boolean): Promise<MemberView> {
    const memberships = await this.memberships.ofUser(userId, MembershipStatus.Active);
    const inScope = await this.communities.communityIdsInScope(caller.scope, memberships.map((m) => m.communityId));
    const membershipId = memberships.find((m) => inScope.has(m.communityId))?.id ?? null;
    const user = await this.accounts.find(userId);
    if (membershipId === null || !user || user.role !== Role.Resident) {
      await this.audit.recordFor(caller, { action: AuditAction.AccessDenied, targetType: 'user', targetId: userId, outcome: 'denied' });
      throw new DomainException(ErrorCode.NotFound);
    }
    if (user.isInformant !== granted) await this.accounts.setInformant(userId, granted);
    await this.audit.recordFor(caller, {
      action: AuditAction.InformantChanged, targetType: 'user', targetId: userId, detail: granted ? 'granted' : 'revoked',
    });
    const member = await this.memberships.memberById(membershipId);
    if (!member) throw new Error('member vanished');
    return toMemberView(member);
  }
}

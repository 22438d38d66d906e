import { ErrorCode, MembershipStatus, MembershipView, MemberType, MemberView, NotificationLink, Permission, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditAction, AuditService } from '../audit';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { NotificationsService } from '../notifications/notifications.service';
import { CommunitiesService } from './communities.service';
import { CommunityListVersion } from './community-list-version';
import { CommunitiesRepository, CommunityRow } from './data/communities.repository';
import { InvitesRepository } from './data/invites.repository';
import { leadersOf } from './data/leaders';
import { MembershipsRepository } from './data/memberships.repository';
import { joinDecisionNotice, toCommunityView, toMemberView } from './org-views';

/** 通过, or 拒绝 with the reason the resident is told. */
export type MembershipDecision = { approve: true } | { approve: false; reason: string };

/** Joining a community (一警一群): a resident's memberships, joining by code or by request, the officer's decision. */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly db: Database,
    private readonly memberships: MembershipsRepository,
    private readonly communities: CommunitiesRepository,
    private readonly invites: InvitesRepository,
    private readonly directory: CommunitiesService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly lists: CommunityListVersion,
  ) {}

  /** The caller's memberships with their communities (read in one query, not one per membership). */
  async myMemberships(caller: Caller): Promise<MembershipView[]> {
    const rows = await this.memberships.ofUser(caller.user.id);
    const communities = await this.communities.communitiesByIds(rows.map((m) => m.communityId));
    const views: MembershipView[] = [];
    for (const m of rows) {
      const community = communities.get(m.communityId);
      if (!community) continue;
      const view = toCommunityView(community);
      views.push({
        id: m.id,
        communityId: m.communityId,
        communityName: community.name,
        memberType: m.memberType,
        status: m.status,
        joinedAt: m.joinedAt?.toISOString() ?? null,
        officer: m.status === MembershipStatus.Active ? view.officer : null,
        refusalReason: m.status === MembershipStatus.Refused ? m.refusalReason : null,
        note: m.note,
      });
    }
    return views;
  }

  private requireResident(caller: Caller): void {
    if (!caller.permissions.has(Permission.CommunityJoin)) throw new DomainException(ErrorCode.NotAResident);
  }

  /** Joins with an officer's invite code: the officer's invitation is the approval. */
  async joinByCode(caller: Caller, rawCode: string, memberType: MemberType = MemberType.Resident): Promise<MembershipView> {
    this.requireResident(caller);
    const invite = await this.invites.findByCode(rawCode.toUpperCase());
    if (!invite) throw new DomainException(ErrorCode.InviteInvalid);
    if (invite.revokedAt || invite.expiresAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.InviteExpired);
    await this.lists.writing(() => this.db.transaction(async ({ manager }) => {
      const existing = await this.memberships.find(caller.user.id, invite.communityId, manager);
      if (existing?.status === MembershipStatus.Active) throw new DomainException(ErrorCode.AlreadyMember);
      const now = new Date();
      if (existing) {
        await this.memberships.update(manager, existing.id, { status: MembershipStatus.Active, memberType, joinedAt: now, decidedBy: invite.createdBy, refusalReason: null });
      } else {
        await this.memberships.insert(manager, caller.user.id, invite.communityId, {
          memberType, status: MembershipStatus.Active, note: null, joinedAt: now, decidedBy: invite.createdBy, refusalReason: null, createdAt: now,
        });
      }
      await this.invites.countUse(manager, invite.id);
    }));
    return this.membershipViewFor(caller, invite.communityId);
  }

  /**
   * Asks to join a community chosen from the directory; the community's officer decides. A refused
   * request may be made again (重新申请): it is pending once more and its old reason is gone.
   * `note` (申请说明) tells the officer who the resident is; asking again without one keeps the
   * previous one, a blank one removes it.
   */
  async requestJoin(caller: Caller, communityId: number, memberType: MemberType = MemberType.Resident, note?: string): Promise<MembershipView> {
    this.requireResident(caller);
    const community = await this.communities.communityById(communityId);
    if (!community) throw new DomainException(ErrorCode.NotFound);
    const existing = await this.memberships.find(caller.user.id, communityId);
    if (existing?.status === MembershipStatus.Active) throw new DomainException(ErrorCode.AlreadyMember);
    // Asked again while still pending: the officer was told the first time.
    const tellOfficer = existing?.status !== MembershipStatus.Pending;
    const written = note === undefined ? undefined : note.trim() || null;
    const now = new Date();
    await this.lists.writing(() => this.db.transaction(async ({ manager }) => {
      let membershipId: number;
      if (existing) {
        membershipId = existing.id;
        await this.memberships.update(manager, existing.id, {
          status: MembershipStatus.Pending, memberType, ...(written === undefined ? {} : { note: written }), decidedBy: null, refusalReason: null,
        });
      } else {
        membershipId = await this.memberships.insert(manager, caller.user.id, communityId, {
          memberType, status: MembershipStatus.Pending, note: written ?? null, joinedAt: null, decidedBy: null, refusalReason: null, createdAt: now,
        });
      }
      if (tellOfficer) await this.tellOfficerOfRequest(manager, community, membershipId, now);
    }));
    return this.membershipViewFor(caller, communityId);
  }

  /**
   * 新的加入申请: the community's 责任民警 is told in 消息 (opening the community's 待审核), or,
   * while the community has none, its station's leaders. The resident's name and 申请说明 are not
   * in the notice; the officer reads them in the request list.
   */
  private async tellOfficerOfRequest(manager: EntityManager, community: CommunityRow, membershipId: number, at: Date): Promise<void> {
    const to = community.officerId ? [community.officerId] : await leadersOf(manager, community.path, [Role.StationLeader]);
    if (!to.length) return;
    await this.notifications.notify(
      manager,
      to,
      {
        title: `新的加入申请：${community.name}`,
        body: community.officerId ? '有居民申请加入您负责的社区，请在工作台审核。' : `${community.name}暂无责任民警，有居民申请加入，请安排审核。`,
        caseId: null,
        link: NotificationLink.JoinRequests,
        communityId: community.id,
      },
      `membership:${membershipId}:requested:${at.getTime()}`,
    );
  }

  private async membershipViewFor(caller: Caller, communityId: number): Promise<MembershipView> {
    const view = (await this.myMemberships(caller)).find((m) => m.communityId === communityId);
    if (!view) throw new Error('membership just written is missing');
    return view;
  }

  /**
   * 通过 / 拒绝 a pending join request of a community in scope. The resident is told either way in
   * the same transaction (消息, and a subscribe message if they accepted one): 已加入… opens 首页,
   * a refusal with its reason opens the join page, where they may ask again. A refusal's reason is
   * kept on the membership and in the audit entry. A request decided meanwhile answers
   * MEMBERSHIP_NOT_PENDING.
   */
  async decideMembership(caller: Caller, membershipId: number, decision: MembershipDecision): Promise<MemberView> {
    const membership = await this.memberships.byId(membershipId);
    if (!membership) throw new DomainException(ErrorCode.NotFound);
    const community = await this.directory.requireCommunity(caller, membership.communityId);
    if (membership.status !== MembershipStatus.Pending) throw new DomainException(ErrorCode.MembershipNotPending);
    const status = decision.approve ? MembershipStatus.Active : MembershipStatus.Refused;
    const reason = decision.approve ? null : decision.reason.trim();
    const now = new Date();
    await this.lists.writing(() => this.db.transaction(async ({ manager }) => {
      const decided = await this.memberships.decidePending(manager, membership.id, {
        status, decidedBy: caller.user.id, joinedAt: decision.approve ? now : null, refusalReason: reason,
      });
      if (!decided) throw new DomainException(ErrorCode.MembershipNotPending);
      await this.audit.recordFor(
        caller,
        { action: AuditAction.MembershipDecided, targetType: 'membership', targetId: membership.id, detail: reason === null ? status : `${status}: ${reason}` },
        manager,
      );
      await this.notifications.notify(manager, [membership.userId], joinDecisionNotice(community, reason), `membership:${membership.id}:${status}:${now.getTime()}`);
    }));
    const decided = await this.memberships.memberById(membership.id);
    if (!decided) throw new Error('decided membership is missing');
    return toMemberView(decided);
  }
}

import {
  CommunityInviteView, CommunityView, ErrorCode, HOME_PAGE, JOIN_PAGE, MemberPage, MemberPhoneView, MembershipStatus, MembershipView, MemberType,
  MemberView, NotificationLink, OrgUnitView, Page, Permission, PoliceGroupView, Role, StationContact, WorkbenchCommunity, WorkbenchUnit, maskPhone,
} from '@jws/contracts';
import { WechatApiError, WechatClient } from '@jws/wechat';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomInt } from 'node:crypto';
import { DataSource, EntityManager, IsNull, MoreThan, Repository } from 'typeorm';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit/audit.service';
import { leadersOf } from '../cases/case-people';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { TokenService } from '../identity/token.service';
import { UserEntity } from '../identity/data/user.entity';
import { NotificationsService, NotifyInput } from '../notifications/notifications.service';
import { CommunityHandoverEntity } from './community-handover.entity';
import { CommunityInviteEntity } from './community-invite.entity';
import { MembershipEntity } from './membership.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { CommunityCountedRow, CommunityRow, MemberRow, OrgRepository } from './org.repository';

/** A page of communities, optionally those whose or whose station's name contains `q`. */
export interface CommunitySearch {
  page?: number;
  pageSize?: number;
  q?: string;
  /** Only communities under this branch or station (工作台 drill-down). */
  under?: number;
}

/** The memberships a community's member list shows, and whose numbers its officer may reveal. */
const LISTED_MEMBERSHIPS = [MembershipStatus.Active, MembershipStatus.Pending];

const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

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
        }
      : null,
    groupName: row.groupName,
  };
}

/** 通过, or 拒绝 with the reason the resident is told. */
export type MembershipDecision = { approve: true } | { approve: false; reason: string };

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

/** Jurisdiction, communities and memberships (一警一群). */
@Injectable()
export class OrgService {
  constructor(
    private readonly repo: OrgRepository,
    private readonly audit: AuditService,
    private readonly wechat: WechatClient,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(MembershipEntity) private readonly memberships: Repository<MembershipEntity>,
    @InjectRepository(CommunityInviteEntity) private readonly invites: Repository<CommunityInviteEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly notifications: NotificationsService,
    private readonly access: Access,
  ) {}

  /**
   * The access check for a community id sent by a client (the object-access rule, access/access.ts):
   * police work on communities their jurisdiction covers; outside it, or without the permission
   * (the admin, whose org unit is the city), it answers 404 and the refusal is audited.
   */
  async requireCommunity(caller: Caller, communityId: number, permission = Permission.CommunityMembersRead): Promise<CommunityRow> {
    return this.access.require(caller, { type: 'community', id: communityId }, await this.repo.communityById(communityId),
      (c) => ({ place: c }), [{ permission, within: 'jurisdiction' }]);
  }

  /** 选择社区申请加入: a page of the city's communities, found by their or their station's name. */
  async directory(query: CommunitySearch = {}): Promise<Page<CommunityView>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const { rows, total } = await this.repo.communityDirectory(page, pageSize, query.q?.trim() || undefined);
    return { items: rows.map(toCommunityView), total, page, pageSize };
  }

  /**
   * 办事指引: the caller's own 派出所 with its address and phone — the station of their first active
   * community, else of their own unit (staff) — or null when they belong to none yet.
   */
  async myStation(caller: Caller): Promise<StationContact | null> {
    const membership = await this.memberships.findOne({ where: { userId: caller.user.id, status: MembershipStatus.Active }, order: { id: 'ASC' } });
    const unitId = membership?.communityId ?? caller.user.orgUnitId;
    const station = unitId ? await this.repo.stationOf(unitId) : null;
    return station ? { id: station.id, name: station.name, address: station.address, phone: station.phone } : null;
  }

  async myMemberships(caller: Caller): Promise<MembershipView[]> {
    const rows = await this.memberships.find({ where: { userId: caller.user.id }, order: { id: 'ASC' } });
    const views: MembershipView[] = [];
    for (const m of rows) {
      const community = await this.repo.communityById(m.communityId);
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
    const invite = await this.invites.findOne({ where: { code: rawCode.toUpperCase() } });
    if (!invite) throw new DomainException(ErrorCode.InviteInvalid);
    if (invite.revokedAt || invite.expiresAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.InviteExpired);
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(MembershipEntity);
      const existing = await repo.findOne({ where: { userId: caller.user.id, communityId: invite.communityId } });
      if (existing?.status === MembershipStatus.Active) throw new DomainException(ErrorCode.AlreadyMember);
      const now = new Date();
      if (existing) {
        await repo.update({ id: existing.id }, { status: MembershipStatus.Active, memberType, joinedAt: now, decidedBy: invite.createdBy, refusalReason: null });
      } else {
        await repo.insert({
          userId: caller.user.id, communityId: invite.communityId, memberType, status: MembershipStatus.Active,
          note: null, joinedAt: now, decidedBy: invite.createdBy, refusalReason: null, createdAt: now,
        });
      }
      await manager.getRepository(CommunityInviteEntity).increment({ id: invite.id }, 'useCount', 1);
    });
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
    const community = await this.repo.communityById(communityId);
    if (!community) throw new DomainException(ErrorCode.NotFound);
    const existing = await this.memberships.findOne({ where: { userId: caller.user.id, communityId } });
    if (existing?.status === MembershipStatus.Active) throw new DomainException(ErrorCode.AlreadyMember);
    // Asked again while still pending: the officer was told the first time.
    const tellOfficer = existing?.status !== MembershipStatus.Pending;
    const written = note === undefined ? undefined : note.trim() || null;
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(MembershipEntity);
      let membershipId: number;
      if (existing) {
        membershipId = existing.id;
        await repo.update(
          { id: existing.id },
          { status: MembershipStatus.Pending, memberType, ...(written === undefined ? {} : { note: written }), decidedBy: null, refusalReason: null },
        );
      } else {
        const inserted = await repo.insert({
          userId: caller.user.id, communityId, memberType, status: MembershipStatus.Pending,
          note: written ?? null, joinedAt: null, decidedBy: null, refusalReason: null, createdAt: now,
        });
        membershipId = Number(inserted.identifiers[0].id);
      }
      if (tellOfficer) await this.tellOfficerOfRequest(manager, community, membershipId, now);
    });
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
    const membership = await this.memberships.findOne({ where: { id: membershipId } });
    if (!membership) throw new DomainException(ErrorCode.NotFound);
    const community = await this.requireCommunity(caller, membership.communityId);
    if (membership.status !== MembershipStatus.Pending) throw new DomainException(ErrorCode.MembershipNotPending);
    const status = decision.approve ? MembershipStatus.Active : MembershipStatus.Refused;
    const reason = decision.approve ? null : decision.reason.trim();
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const updated = await manager.getRepository(MembershipEntity).update(
        { id: membership.id, status: MembershipStatus.Pending },
        { status, decidedBy: caller.user.id, joinedAt: decision.approve ? now : null, refusalReason: reason },
      );
      if (!updated.affected) throw new DomainException(ErrorCode.MembershipNotPending);
      await this.audit.recordFor(
        caller,
        { action: AuditAction.MembershipDecided, targetType: 'membership', targetId: membership.id, detail: reason === null ? status : `${status}: ${reason}` },
        manager,
      );
      await this.notifications.notify(manager, [membership.userId], joinDecisionNotice(community, reason), `membership:${membership.id}:${status}:${now.getTime()}`);
    });
    const decided = await this.repo.memberById(membership.id);
    if (!decided) throw new Error('decided membership is missing');
    return toMemberView(decided);
  }

  /** 工作台: one page of the communities in the caller's jurisdiction with their member counts. */
  async workbenchCommunities(caller: Caller, query: CommunitySearch = {}): Promise<Page<WorkbenchCommunity>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const under = query.under ? await this.requireUnitInScope(caller, query.under) : null;
    const { rows, total } = await this.repo.countedCommunitiesInScope(caller.scope, page, pageSize, query.q?.trim() || undefined, under?.path);
    return { items: rows.map(toWorkbenchCommunity), total, page, pageSize };
  }

  /** A branch or station the caller's jurisdiction covers (404 outside it, like a community). */
  private async requireUnitInScope(caller: Caller, unitId: number): Promise<OrgUnitEntity> {
    const unit = await this.repo.unitById(unitId);
    if (!unit || caller.scope.kind !== 'subtree' || !unit.path.startsWith(caller.scope.pathPrefix)) throw new DomainException(ErrorCode.NotFound);
    return unit;
  }

  /**
   * 工作台 drill-down (leaders): the branches or stations under `parentId` (default: the caller's
   * own unit), each with its communities and waiting join requests. Empty below stations and for
   * callers whose jurisdiction is not a subtree (officers have their few communities listed flat).
   */
  async workbenchUnits(caller: Caller, parentId?: number): Promise<WorkbenchUnit[]> {
    const parent = parentId ? await this.requireUnitInScope(caller, parentId) : await this.repo.unitById(caller.user.orgUnitId ?? 0);
    if (caller.scope.kind !== 'subtree') return [];
    if (!parent || !parent.path.startsWith(caller.scope.pathPrefix)) return [];
    return (await this.repo.childUnitsWithCounts(parent)).map(({ unit, communityCount, pendingCount }) => ({
      id: unit.id, name: unit.name, level: unit.level, communityCount, pendingCount,
    }));
  }

  /** 待审核 on 工作台: join requests waiting in the communities the caller decides on. */
  pendingJoinCount(caller: Caller): Promise<number> {
    return this.repo.pendingJoinCount(caller.scope);
  }

  /** 工作台 → one community: its name and counts, for a community in scope only (404 otherwise, audited). */
  async workbenchCommunity(caller: Caller, communityId: number): Promise<WorkbenchCommunity> {
    const community = await this.requireCommunity(caller, communityId);
    const counted = await this.repo.countedCommunityById(community.id);
    if (!counted) throw new DomainException(ErrorCode.NotFound);
    return toWorkbenchCommunity(counted);
  }

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
    const community = await this.requireCommunity(caller, communityId);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const statuses = query.statuses?.length ? query.statuses : LISTED_MEMBERSHIPS;
    const { rows, total } = await this.repo.membersOf(community.id, statuses, page, pageSize);
    const decides = caller.permissions.has(Permission.CommunityJoinApprove);
    const items = rows.map((r) => toMemberView(r, decides && r.status === MembershipStatus.Pending));
    for (const m of items) {
      if (m.note === null) continue;
      await this.audit.recordFor(caller, {
        action: AuditAction.PersonalDataRead, targetType: 'user', targetId: m.userId,
        detail: `join note, community ${community.id} pending list`,
      });
    }
    return { items, total, page, pageSize, canRevealPhone: this.isResponsibleOfficer(caller, community) };
  }

  /**
   * 查看号码: the community's responsible officer reveals one member's phone number to call them.
   * Audited as a read of that member's personal data (target: the user). Anyone else in scope
   * gets NOT_RESPONSIBLE_OFFICER, also audited; outside scope, or a membership of another
   * community, refused or left, answers 404.
   */
  async revealMemberPhone(caller: Caller, communityId: number, membershipId: number): Promise<MemberPhoneView> {
    const community = await this.requireCommunity(caller, communityId);
    const member = await this.repo.memberById(membershipId);
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

  async createInvite(caller: Caller, communityId: number): Promise<CommunityInviteView> {
    const community = await this.requireCommunity(caller, communityId);
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.communityInviteTtlDays * 86_400_000);
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = Array.from({ length: 8 }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
      if (await this.invites.exist({ where: { code } })) continue;
      await this.invites.insert({
        code, communityId: community.id, createdBy: caller.user.id, expiresAt, revokedAt: null, useCount: 0, createdAt: now,
      });
      return { code, communityId: community.id, expiresAt: expiresAt.toISOString(), scene: `c=${code}` };
    }
    throw new Error('could not allocate a unique invite code');
  }

  /** The community's codes that still let people in (not revoked, not expired), newest first. */
  async liveInvites(caller: Caller, communityId: number): Promise<CommunityInviteView[]> {
    const community = await this.requireCommunity(caller, communityId);
    const rows = await this.invites.find({
      where: { communityId: community.id, revokedAt: IsNull(), expiresAt: MoreThan(new Date()) },
      order: { id: 'DESC' },
      take: 20,
    });
    return rows.map((r) => ({ code: r.code, communityId: r.communityId, expiresAt: r.expiresAt.toISOString(), scene: `c=${r.code}` }));
  }

  /** 作废: a code shared too widely stops letting people in; who joined with it stays. */
  async revokeInvite(caller: Caller, communityId: number, code: string): Promise<CommunityInviteView[]> {
    const community = await this.requireCommunity(caller, communityId);
    const updated = await this.invites.update({ communityId: community.id, code: code.toUpperCase(), revokedAt: IsNull() }, { revokedAt: new Date() });
    if (!updated.affected) throw new DomainException(ErrorCode.NotFound);
    await this.audit.recordFor(caller, { action: AuditAction.InviteRevoked, targetType: 'community', targetId: community.id, outcome: 'ok' });
    return this.liveInvites(caller, communityId);
  }

  /** 民警交接: a leader reassigns a community; members and history stay with the community. */
  async handover(caller: Caller, communityId: number, newOfficerId: number, reason: string): Promise<WorkbenchCommunity> {
    const community = await this.requireCommunity(caller, communityId);
    const officer = await this.users.findOne({ where: { id: newOfficerId } });
    if (!officer || officer.role !== Role.CommunityOfficer || officer.disabled || officer.orgUnitId !== community.stationId) {
      throw new DomainException(ErrorCode.OfficerNotInStation);
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(OrgUnitEntity).update({ id: community.id }, { officerId: officer.id });
      await manager.getRepository(CommunityHandoverEntity).insert({
        communityId: community.id, fromOfficerId: community.officerId, toOfficerId: officer.id,
        byUserId: caller.user.id, reason, at: new Date(),
      });
      await this.audit.recordFor(
        caller,
        {
          action: AuditAction.CommunityHandover, targetType: 'community', targetId: community.id,
          detail: `officer ${community.officerId ?? '-'} → ${officer.id}: ${reason}`,
        },
        manager,
      );
    });
    const updated = await this.repo.countedCommunityById(community.id);
    if (!updated) throw new Error('community vanished during handover');
    return toWorkbenchCommunity(updated);
  }

  /** Grants or revokes the informant flag (信息员) on an active member of a community in scope. */
  async setInformant(caller: Caller, userId: number, granted: boolean): Promise<MemberView> {
    const memberships = await this.memberships.find({ where: { userId, status: MembershipStatus.Active } });
    let membershipId: number | null = null;
    for (const m of memberships) {
      if (await this.repo.communityInScope(caller.scope, m.communityId)) {
        membershipId = m.id;
        break;
      }
    }
    const user = await this.users.findOne({ where: { id: userId } });
    if (membershipId === null || !user || user.role !== Role.Resident) {
      await this.audit.recordFor(caller, { action: AuditAction.AccessDenied, targetType: 'user', targetId: userId, outcome: 'denied' });
      throw new DomainException(ErrorCode.NotFound);
    }
    if (user.isInformant !== granted) {
      await this.users.update({ id: userId }, { isInformant: granted });
      // Their permissions changed: the access tokens they hold end on every instance (the app refreshes).
      await this.tokens.revokeAccess(userId);
    }
    await this.audit.recordFor(caller, {
      action: AuditAction.InformantChanged, targetType: 'user', targetId: userId, detail: granted ? 'granted' : 'revoked',
    });
    const member = await this.repo.memberById(membershipId);
    if (!member) throw new Error('member vanished');
    return toMemberView(member);
  }

  async tree(caller: Caller): Promise<OrgUnitView[]> {
    return (await this.repo.unitsInScope(caller.scope)).map((u) => ({
      id: u.id, name: u.name, level: u.level, parentId: u.parentId, path: u.path,
    }));
  }

  async groups(caller: Caller): Promise<PoliceGroupView[]> {
    return (await this.repo.groupsInScope(caller.scope)).map((g) => ({
      id: g.id, kind: g.kind, name: g.name, communityId: g.communityId, stationId: g.stationId,
      ownerId: g.ownerId, enterpriseCount: g.enterpriseCount, boundToWechat: Boolean(g.wechatOpenGid),
    }));
  }

  /**
   * The mini-program code (小程序码) residents scan to join: WeChat renders it for the join page
   * with the invite in `scene`. Only for a live invite of a community in scope.
   */
  async inviteQrCode(caller: Caller, code: string): Promise<Buffer> {
    const invite = await this.invites.findOne({ where: { code: code.toUpperCase() } });
    if (!invite) throw new DomainException(ErrorCode.NotFound);
    await this.requireCommunity(caller, invite.communityId);
    if (invite.revokedAt || invite.expiresAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.InviteExpired);
    try {
      return await this.wechat.getUnlimitedQrCode({ scene: `c=${invite.code}`, page: JOIN_PAGE, checkPath: false });
    } catch (err) {
      if (err instanceof WechatApiError) throw new DomainException(ErrorCode.WechatUnavailable);
      throw err;
    }
  }

  /** Community officers of a station in scope, for the handover picker. */
  async stationOfficers(caller: Caller, stationId: number): Promise<{ id: number; name: string }[]> {
    const station = (await this.repo.unitsInScope(caller.scope)).find((u) => u.id === stationId) ?? null;
    await this.access.require(caller, { type: 'org_unit', id: stationId }, station,
      (u) => ({ place: { path: u.path, officerId: null } }), [{ permission: Permission.CommunityHandover, within: 'jurisdiction' }]);
    const officers = await this.users.find({ where: { orgUnitId: stationId, role: Role.CommunityOfficer, disabled: false }, order: { id: 'ASC' } });
    return officers.map((o) => ({ id: o.id, name: o.nickname }));
  }
}

function toWorkbenchCommunity(row: CommunityCountedRow): WorkbenchCommunity {
  return { ...toCommunityView(row), memberCount: row.memberCount, pendingCount: row.pendingCount };
}

/** A member as lists show them: the phone number masked, the 申请说明 only `withNote` (the caller decides on it). */
function toMemberView(r: MemberRow, withNote = false): MemberView {
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

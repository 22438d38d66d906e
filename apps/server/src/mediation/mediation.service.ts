import {
  AgreementView, ANONYMOUS_APPLICANT_NAME, Anonymity, CaseAction, CaseKind, CaseStatus, ErrorCode, LoginResponse, MediatorView, MembershipStatus, PARTY_ROLES,
  Permission, Role, ROOM_INVITE_TTL_HOURS, ROOM_PAGE, ROOM_STATUS_LABELS, RoomDetail, RoomInvitationView, RoomMemberRole,
  MEDIATION_REQUEST_NOTE, Page, RoomStatus, RoomSummary, SystemEvent, TimelineEventType,
} from '@jws/contracts';
import { WechatApiError, WechatClient } from '@jws/wechat';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { pathIds } from '../org';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { CasesApi } from '../cases';
import { ClientInfo, IdentityService, sha256 } from '../identity';
import { UserEntity } from '../identity/data/user.entity';
import { NotificationsService } from '../notifications/notifications.service';
import { MembershipEntity } from '../org/data/membership.entity';
import { CloseRoomDto, OpenRoomDto } from './dto/mediation.dto';
import {
  MediationAgreementEntity, MediationConfirmationEntity, MediationInvitationEntity, MediationMemberEntity, MediationRoomEntity,
  OfflineBookingEntity, OfflineRoomEntity, OfflineSlotEntity,
} from './mediation.entities';
import { RoomAccess, RoomContext } from './room-access';
import { RoomHub } from './room-hub';
import { Outgoing, RoomMessagesService } from './room-messages.service';
import { actorOf, displayNameOf, RoomLifecycle } from './room-lifecycle';
import { toAgreementView, toBookingView, toRoomDetail, toRoomSummary } from './room-views';

/**
 * Mediation rooms (网上调解室): opened from a dispute case (which moves to in_mediation in the
 * same transaction), members and invitations, caucus channels, reading, closing. The agreement
 * is AgreementsService's, the 警民联调室 OfflineMediationService's. Room events are system
 * messages with sequence numbers, so sockets see them in order with the chat.
 */
@Injectable()
export class MediationService {
  constructor(
    private readonly access: RoomAccess,
    private readonly messages: RoomMessagesService,
    private readonly cases: CasesApi,
    private readonly workflow: CaseWorkflowService,
    private readonly notifications: NotificationsService,
    private readonly identity: IdentityService,
    private readonly wechat: WechatClient,
    private readonly lifecycle: RoomLifecycle,
    private readonly hub: RoomHub,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /* ---------------- rooms ---------------- */

  /** The station's mediators (警民联调员 roster) for a case in the caller's scope. */
  async mediators(caller: Caller, caseId: number): Promise<MediatorView[]> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    const users = await this.roster(this.dataSource.manager, entity.orgPath);
    return users.map((u) => ({ id: u.id, nickname: u.nickname }));
  }

  private roster(m: EntityManager, orgPath: string): Promise<UserEntity[]> {
    const { stationId } = pathIds(orgPath);
    return m.getRepository(UserEntity).find({ where: { role: Role.Mediator, orgUnitId: stationId ?? -1, disabled: false }, order: { id: 'ASC' } });
  }

  async open(caller: Caller, dto: OpenRoomDto): Promise<RoomDetail> {
    if (!caller.permissions.has(Permission.MediationManage)) throw new DomainException(ErrorCode.Forbidden);
    const entity = await this.cases.requireCase(caller, dto.caseId, Permission.CaseRead);
    if (entity.kind !== CaseKind.Dispute) throw new DomainException(ErrorCode.NotADispute);
    if (!dto.respondentUserId && !dto.respondentName?.trim()) throw new DomainException(ErrorCode.ValidationFailed, ['请填写被申请人']);
    const roomId = await this.messages.withMessages(async (m, out) => {
      const existing = await m.getRepository(MediationRoomEntity).findOne({ where: { caseId: entity.id, parentId: IsNull(), status: RoomStatus.Open } });
      if (existing) throw new DomainException(ErrorCode.RoomAlreadyOpen);
      const mediator = (await this.roster(m, entity.orgPath)).find((u) => u.id === dto.mediatorUserId);
      if (!mediator) throw new DomainException(ErrorCode.NotFound);
      const users = m.getRepository(UserEntity);
      const respondent = dto.respondentUserId ? await users.findOne({ where: { id: dto.respondentUserId } }) : null;
      if (dto.respondentUserId && (!respondent || !(await this.inCommunity(m, respondent.id, entity.communityId)))) throw new DomainException(ErrorCode.NotFound);
      const cadre = dto.cadreUserId ? await users.findOne({ where: { id: dto.cadreUserId } }) : null;
      if (dto.cadreUserId && (!cadre || !(await this.inCommunity(m, cadre.id, entity.communityId)))) throw new DomainException(ErrorCode.NotFound);

      // 开启调解 at once: a dispute not yet accepted is accepted first, then moved to in_mediation.
      let current = entity;
      if ([CaseStatus.Submitted, CaseStatus.Transferred, CaseStatus.Reopened].includes(current.status)) {
        await this.workflow.transition(m, current, CaseAction.Accept, actorOf(caller), null, new Date());
        current = await this.cases.records.get(entity.id, m);
      }
      await this.workflow.transition(m, current, CaseAction.Mediate, actorOf(caller), '已开启网上调解室', new Date());

      const now = new Date();
      const inserted = await m.getRepository(MediationRoomEntity).insert({
        caseId: entity.id, parentId: null, caucusMemberId: null, status: RoomStatus.Open, orgPath: entity.orgPath,
        officerId: entity.officerId ?? caller.user.id, title: entity.title.slice(0, 100), lastSeq: 0, createdBy: caller.user.id,
        createdAt: now, closedAt: null,
      });
      const id = Number(inserted.identifiers[0].id);
      const applicantId = await this.workflow.reporterUserId(m, entity);
      const applicant = applicantId ? await users.findOne({ where: { id: applicantId } }) : null;
      const officerId = entity.officerId ?? caller.user.id;
      const officer = await users.findOneOrFail({ where: { id: officerId } });
      const anonymousApplicant = entity.anonymity !== Anonymity.None;
      const people = [applicant, respondent, mediator, officer, cadre].filter((u): u is UserEntity => u !== null).map((u) => u.id);
      if (new Set(people).size !== people.length) throw new DomainException(ErrorCode.ValidationFailed, ['同一人不能在调解中担任两个角色']);
      const rows: Partial<MediationMemberEntity>[] = [
        { role: RoomMemberRole.Applicant, user: applicant },
        { role: RoomMemberRole.Respondent, user: respondent, name: dto.respondentName?.trim() },
        { role: RoomMemberRole.Mediator, user: mediator },
        { role: RoomMemberRole.Officer, user: officer },
        ...(cadre ? [{ role: RoomMemberRole.Cadre, user: cadre }] : []),
      ].map(({ role, user, name }: { role: RoomMemberRole; user: UserEntity | null; name?: string }) => ({
        roomId: id, role, userId: user?.id ?? null,
        // 对他人匿名: the name every message, notice and agreement carries is the anonymous label.
        displayName: role === RoomMemberRole.Applicant && anonymousApplicant ? ANONYMOUS_APPLICANT_NAME : displayNameOf(role, user?.nickname ?? name ?? ''),
        joinedAt: user ? now : null, createdAt: now,
      }));
      await m.getRepository(MediationMemberEntity).insert(rows);
      await this.messages.appendSystem(m, out, id, SystemEvent.Opened, `调解室已开启：${entity.title}。请各方文明沟通，调解员将主持调解。`);
      await this.lifecycle.notifyMembers(m, id, [caller.user.id], '您有一个调解室', `“${entity.title}”网上调解已开始，请进入调解室`, entity.id, `room:${id}:opened`);
      return id;
    });
    return this.detail(caller, roomId);
  }

  private inCommunity(m: EntityManager, userId: number, communityId: number): Promise<boolean> {
    return m.getRepository(MembershipEntity).exists({ where: { userId, communityId, status: MembershipStatus.Active } });
  }

  /** Rooms the caller is a member of (我的调解 / 我的 → 调解室), newest first. */
  /**
   * 我的调解 / 我的调解室: the caller's rooms, open ones first, then newest, a page at a time (a
   * mediator's list grows by every dispute they take).
   */
  async mine(caller: Caller, page: number, pageSize: number): Promise<Page<RoomSummary>> {
    const qb = this.dataSource
      .getRepository(MediationRoomEntity)
      .createQueryBuilder('r')
      .innerJoin(MediationMemberEntity, 'mm', 'mm.room_id = r.id AND mm.user_id = :userId', { userId: caller.user.id })
      .where('r.parent_id IS NULL');
    const [total, { entities: rooms, raw }] = await Promise.all([
      qb.clone().getCount(),
      qb
        .addSelect('mm.role', 'myRole')
        .orderBy(`CASE WHEN r.status = '${RoomStatus.Open}' THEN 0 ELSE 1 END`, 'ASC')
        .addOrderBy('r.id', 'DESC')
        .offset((page - 1) * pageSize)
        .limit(pageSize)
        .getRawAndEntities<{ myRole: RoomMemberRole }>(),
    ]);
    const numbers = await this.caseNumbers(rooms.map((r) => r.caseId));
    const items = rooms.map((r, i) => toRoomSummary(r, numbers.get(r.caseId) ?? '', raw[i]?.myRole ?? null));
    return { items, total, page, pageSize };
  }

  /** Rooms of a case the caller may read (the case page's 调解室 entry). */
  async ofCase(caller: Caller, caseId: number): Promise<RoomSummary[]> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    const rooms = await this.dataSource.getRepository(MediationRoomEntity).find({ where: { caseId: entity.id, parentId: IsNull() }, order: { id: 'DESC' } });
    const mine = await this.dataSource.getRepository(MediationMemberEntity).find({ where: { userId: caller.user.id, roomId: In([0, ...rooms.map((r) => r.id)]) } });
    const roleOf = new Map(mine.map((mm) => [mm.roomId, mm.role]));
    const staff = caller.permissions.has(Permission.MediationManage) || caller.permissions.has(Permission.MediationTranscriptRead);
    return rooms.filter((r) => staff || roleOf.has(r.id)).map((r) => toRoomSummary(r, entity.number, roleOf.get(r.id) ?? null));
  }

  private async caseNumbers(caseIds: number[]): Promise<Map<number, string>> {
    return this.cases.records.numbers(caseIds);
  }

  async detail(caller: Caller, roomId: number): Promise<RoomDetail> {
    const ctx = await this.access.require(caller, roomId);
    if (!ctx.member) await this.access.recordTranscriptRead(caller, roomId, 'room and agreement');
    else await this.notifications.markRoomRead(caller.user.id, roomId);
    return this.detailOf(caller, ctx);
  }

  private async detailOf(caller: Caller, ctx: RoomContext): Promise<RoomDetail> {
    const { room, member } = ctx;
    const m = this.dataSource.manager;
    const mainId = room.parentId ?? room.id;
    const [members, numbers, children] = await Promise.all([
      m.getRepository(MediationMemberEntity).find({ where: { roomId: room.id }, order: { id: 'ASC' } }),
      this.caseNumbers([room.caseId]),
      m.getRepository(MediationRoomEntity).find({ where: { parentId: mainId }, order: { id: 'ASC' } }),
    ]);
    const myCaucusRooms = children.length
      ? await m.getRepository(MediationMemberEntity).find({ where: { roomId: In(children.map((c) => c.id)), userId: caller.user.id } })
      : [];
    const mainMembers = room.parentId ? await m.getRepository(MediationMemberEntity).find({ where: { roomId: mainId } }) : members;
    const nameOf = new Map(mainMembers.map((mm) => [mm.id, mm.displayName]));
    const mine = children.filter((c) => myCaucusRooms.some((mm) => mm.roomId === c.id))
    // Counted only in channels the caller is a member of: another party's 背靠背 is not even counted.
    const unread = member ? await this.messages.unreadCounts(caller.user.id, [room.id, ...mine.map((c) => c.id)]) : new Map<number, number>();
    const caucuses = mine.map((c) => ({
      roomId: c.id, withMemberId: c.caucusMemberId as number, withName: nameOf.get(c.caucusMemberId as number) ?? '', unread: unread.get(c.id) ?? 0,
    }));
    const agreement = room.parentId ? null : await this.currentAgreementView(m, room, mainMembers, member);
    const booking = room.parentId ? null : await this.bookingOf(m, room.id);
    const shownMembers = await this.unmaskedApplicantFor(caller, room, members);
    return toRoomDetail({
      room, caseNumber: numbers.get(room.caseId) ?? '', members: shownMembers, me: member, unread: unread.get(room.id) ?? 0, caucuses, agreement, booking,
      canManage: ctx.canManage,
    });
  }

  /**
   * The anonymous applicant's own name, for the two who know it: the applicant and the handling
   * officer (the room's officer) read 申请人 张阿姨（对他人匿名）; everyone else 申请人（匿名）.
   */
  private async unmaskedApplicantFor(caller: Caller, room: MediationRoomEntity, members: MediationMemberEntity[]): Promise<MediationMemberEntity[]> {
    const applicant = members.find((mm) => mm.role === RoomMemberRole.Applicant && mm.displayName === ANONYMOUS_APPLICANT_NAME && mm.userId !== null);
    if (!applicant || (applicant.userId !== caller.user.id && room.officerId !== caller.user.id)) return members;
    const user = await this.dataSource.getRepository(UserEntity).findOne({ select: { id: true, nickname: true }, where: { id: applicant.userId as number } });
    if (!user) return members;
    const shown = `${displayNameOf(RoomMemberRole.Applicant, user.nickname)}（对他人匿名）`;
    return members.map((mm) => (mm === applicant ? { ...mm, displayName: shown } : mm));
  }

  private async currentAgreementView(
    m: EntityManager, room: MediationRoomEntity, members: MediationMemberEntity[], me: MediationMemberEntity | null,
  ): Promise<AgreementView | null> {
    const agreement = await m.getRepository(MediationAgreementEntity).findOne({ where: { roomId: room.id, supersededAt: IsNull() }, order: { version: 'DESC' } });
    if (!agreement) return null;
    const confirmations = await m.getRepository(MediationConfirmationEntity).find({ where: { agreementId: agreement.id } });
    return toAgreementView(agreement, members, confirmations, me, room.status === RoomStatus.Open);
  }

  private async bookingOf(m: EntityManager, roomId: number) {
    const booking = await m.getRepository(OfflineBookingEntity).findOne({ where: { roomId }, order: { id: 'DESC' } });
    if (!booking) return null;
    const slot = await m.getRepository(OfflineSlotEntity).findOneOrFail({ where: { id: booking.slotId } });
    const offline = await m.getRepository(OfflineRoomEntity).findOneOrFail({ where: { id: slot.offlineRoomId } });
    return toBookingView(booking, slot, offline);
  }

  /**
   * The caller has seen a channel (the main room or their 背靠背) up to `seq`; its unread count in
   * the room's detail starts after it. Staff reading a transcript they are not in have no position.
   */
  async markRead(caller: Caller, roomId: number, seq: number): Promise<void> {
    const { room, member } = await this.access.require(caller, roomId);
    if (member) await this.messages.markRead(room, member, seq);
  }

  /** History over HTTP; a staff member's read is audited. */
  async history(caller: Caller, roomId: number, beforeSeq: number | undefined, limit: number) {
    const ctx = await this.access.require(caller, roomId);
    await this.access.recordTranscriptRead(caller, roomId, `history before ${beforeSeq ?? 'latest'}`);
    return this.messages.before(ctx.room.id, beforeSeq, limit);
  }

  /* ---------------- caucus ---------------- */

  /** 背靠背: the mediator opens (or reopens) a private channel with one party of the main room. */
  async caucus(caller: Caller, roomId: number, memberId: number): Promise<RoomDetail> {
    const ctx = await this.access.require(caller, roomId);
    const { room, member } = ctx;
    if (room.parentId !== null || member?.role !== RoomMemberRole.Mediator) throw new DomainException(ErrorCode.Forbidden);
    if (room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    const party = await this.dataSource.getRepository(MediationMemberEntity).findOne({ where: { id: memberId, roomId } });
    if (!party || !PARTY_ROLES.includes(party.role) || !party.userId) throw new DomainException(ErrorCode.NotFound);
    const existing = await this.dataSource.getRepository(MediationRoomEntity).findOne({ where: { parentId: room.id, caucusMemberId: party.id } });
    if (existing) return this.detail(caller, existing.id);
    const caucusId = await this.messages.withMessages(async (m, out) => {
      const now = new Date();
      const inserted = await m.getRepository(MediationRoomEntity).insert({
        ...room, id: undefined, parentId: room.id, caucusMemberId: party.id, title: `背靠背：${party.displayName}`.slice(0, 100),
        lastSeq: 0, createdBy: caller.user.id, createdAt: now, closedAt: null,
      });
      const id = Number(inserted.identifiers[0].id);
      await m.getRepository(MediationMemberEntity).insert(
        [member, party].map((mm) => ({ roomId: id, userId: mm.userId, role: mm.role, displayName: mm.displayName, joinedAt: now, createdAt: now })),
      );
      await this.messages.appendSystem(m, out, id, SystemEvent.CaucusOpened, `调解员与${party.displayName}的单独沟通（其他成员看不到）`);
      return id;
    });
    // The party may have the room open: their page learns of the channel at once (nobody else does).
    this.hub.publishToUsers([member.userId, party.userId].filter((u): u is number => u !== null), {
      type: 'caucus', roomId: room.id, caucus: { roomId: caucusId, withMemberId: party.id, withName: party.displayName },
    });
    return this.detail(caller, caucusId);
  }

  /* ---------------- invitations ---------------- */

  async invite(caller: Caller, roomId: number, memberId: number): Promise<RoomInvitationView> {
    const ctx = await this.access.require(caller, roomId);
    if (!ctx.canManage || ctx.room.parentId !== null) throw new DomainException(ErrorCode.Forbidden);
    if (ctx.room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    const slot = await this.dataSource.getRepository(MediationMemberEntity).findOne({ where: { id: memberId, roomId } });
    if (!slot) throw new DomainException(ErrorCode.NotFound);
    if (slot.userId) throw new DomainException(ErrorCode.AlreadyMember);
    const token = randomBytes(24).toString('base64url');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + ROOM_INVITE_TTL_HOURS * 3600_000);
    await this.dataSource.getRepository(MediationInvitationEntity).insert({
      roomId, memberId, tokenHash: sha256(token), expiresAt, usedAt: null, usedBy: null, createdBy: caller.user.id, createdAt: now,
    });
    return { token, memberId, expiresAt: expiresAt.toISOString(), page: `${ROOM_PAGE}?invite=${token}` };
  }

  /**
   * The mini-program code (小程序码) of an invitation, for the person to scan: WeChat renders the
   * room page with the token as `scene` (32 characters, WeChat's limit). Only the token's holder
   * who may invite to the room gets it.
   */
  async invitationCode(caller: Caller, roomId: number, token: string): Promise<Buffer> {
    const ctx = await this.access.require(caller, roomId);
    if (!ctx.canManage) throw new DomainException(ErrorCode.Forbidden);
    const { invitation } = await this.usableInvitation(token);
    if (invitation.roomId !== roomId) throw new DomainException(ErrorCode.InviteInvalid);
    try {
      return await this.wechat.getUnlimitedQrCode({ scene: token, page: ROOM_PAGE, checkPath: false });
    } catch (err) {
      if (err instanceof WechatApiError) throw new DomainException(ErrorCode.WechatUnavailable);
      throw err;
    }
  }

  private async usableInvitation(token: string): Promise<{ invitation: MediationInvitationEntity; slot: MediationMemberEntity; room: MediationRoomEntity }> {
    const invitation = await this.dataSource.getRepository(MediationInvitationEntity).findOne({ where: { tokenHash: sha256(token) } });
    if (!invitation) throw new DomainException(ErrorCode.InviteInvalid);
    if (invitation.usedAt) throw new DomainException(ErrorCode.InviteUsed);
    if (invitation.expiresAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.InviteExpired);
    const slot = await this.dataSource.getRepository(MediationMemberEntity).findOneOrFail({ where: { id: invitation.memberId } });
    if (slot.userId) throw new DomainException(ErrorCode.InviteUsed);
    const room = await this.dataSource.getRepository(MediationRoomEntity).findOneOrFail({ where: { id: invitation.roomId } });
    if (room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    return { invitation, slot, room };
  }

  /** Binds a member slot to a user, consuming the invitation exactly once. */
  private async bind(m: EntityManager, out: Outgoing, invitation: MediationInvitationEntity, slot: MediationMemberEntity, user: UserEntity): Promise<void> {
    if (await m.getRepository(MediationMemberEntity).exists({ where: { roomId: invitation.roomId, userId: user.id } })) {
      throw new DomainException(ErrorCode.AlreadyMember);
    }
    const displayName = slot.displayName === ANONYMOUS_APPLICANT_NAME ? slot.displayName : displayNameOf(slot.role, user.nickname);
    const claimed = await m.getRepository(MediationInvitationEntity).update({ id: invitation.id, usedAt: IsNull() }, { usedAt: new Date(), usedBy: user.id });
    if (!claimed.affected) throw new DomainException(ErrorCode.InviteUsed);
    const bound = await m.getRepository(MediationMemberEntity).update(
      { id: slot.id, userId: IsNull() },
      { userId: user.id, joinedAt: new Date(), displayName },
    );
    if (!bound.affected) throw new DomainException(ErrorCode.InviteUsed);
    await this.messages.appendSystem(m, out, invitation.roomId, SystemEvent.Joined, `${displayName}加入了调解室`);
  }

  /** A signed-in user opens an invitation. */
  async join(caller: Caller, token: string): Promise<RoomDetail> {
    const { invitation, slot } = await this.usableInvitation(token);
    if (slot.role === RoomMemberRole.Mediator && caller.user.role !== Role.Mediator) throw new DomainException(ErrorCode.InviteRoleNotAllowed);
    await this.messages.withMessages((m, out) => this.bind(m, out, invitation, slot, caller.user));
    return this.detail(caller, invitation.roomId);
  }

  /**
   * An invitee without an account opens the share card: the wx.login code binds this WeChat
   * account (a new resident, or a new mediator of the room's station for a mediator slot).
   */
  async accept(token: string, code: string, client: ClientInfo): Promise<LoginResponse & { roomId: number }> {
    const { invitation, slot, room } = await this.usableInvitation(token);
    const wantsMediator = slot.role === RoomMemberRole.Mediator;
    const grant = {
      role: wantsMediator ? Role.Mediator : Role.Resident, orgUnitId: wantsMediator ? pathIds(room.orgPath).stationId : null,
      nickname: slot.displayName.replace(/^\S+\s/, '').slice(0, 64), via: `room invitation ${invitation.id}`, target: { type: 'mediation_room', id: room.id },
    } as const;
    const login = await this.identity.signInByInvitation(code, grant, client, (account) =>
      this.messages.withMessages(async (m, out) => {
        const user = await account(m);
        await this.bind(m, out, invitation, slot, user);
        return user;
      }),
    );
    return { ...login, roomId: room.id };
  }

  /** 调解未成 (mediator or staff) or 撤回 (the applicant, or staff for them): read-only, case back to handling. */
  async close(caller: Caller, roomId: number, dto: CloseRoomDto): Promise<RoomDetail> {
    const { room, member, canManage } = await this.access.require(caller, roomId);
    const applicant = member?.role === RoomMemberRole.Applicant;
    const allowed = dto.outcome === RoomStatus.Withdrawn ? applicant || canManage : canManage;
    if (!allowed || room.parentId !== null) throw new DomainException(ErrorCode.Forbidden);
    if (room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    await this.messages.withMessages(async (m, out) => {
      const now = new Date();
      await this.lifecycle.setStatus(m, room, dto.outcome, now);
      const text = `${ROOM_STATUS_LABELS[dto.outcome]}${dto.note?.trim() ? `：${dto.note.trim()}` : ''}，调解室已关闭`;
      await this.messages.appendSystem(m, out, roomId, SystemEvent.Closed, text);
      await this.lifecycle.moveCase(m, room.caseId, CaseAction.Start, caller, text, now);
      await this.lifecycle.notifyMembers(m, roomId, [caller.user.id], '调解室已关闭', text, room.caseId, `room:${roomId}:closed`);
    });
    return this.detail(caller, roomId);
  }

  /** 申请调解: the reporter of a dispute asks their officer for a mediation room. */
  async request(caller: Caller, caseId: number): Promise<void> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    if (entity.kind !== CaseKind.Dispute) throw new DomainException(ErrorCode.NotADispute);
    if ((await this.workflow.reporterUserId(this.dataSource.manager, entity)) !== caller.user.id) throw new DomainException(ErrorCode.Forbidden);
    await this.dataSource.transaction(async (m) => {
      // One request per case: the case row is locked so two taps at once cannot both pass the check.
      await this.cases.records.lock(m, entity.id);
      if (await this.cases.timeline.has(m, entity.id, TimelineEventType.MediationRequested)) throw new DomainException(ErrorCode.MediationAlreadyRequested);
      await this.lifecycle.caseEvent(m, entity.id, caller, MEDIATION_REQUEST_NOTE, true, TimelineEventType.MediationRequested);
      if (entity.officerId) {
        await this.notifications.notify(m, [entity.officerId], { title: '群众申请调解', body: `“${entity.title}”的上报人申请网上调解`, caseId: entity.id }, `case:${entity.id}:mediation-request:${Date.now()}`);
      }
    });
  }
}

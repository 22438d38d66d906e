import {
  ANONYMOUS_APPLICANT_NAME, Anonymity, CaseAction, CaseKind, CaseStatus, ErrorCode, MediatorView, PARTY_ROLES, Permission,
  Role, ROOM_STATUS_LABELS, RoomDetail, RoomMemberRole, MEDIATION_REQUEST_NOTE, Page, RoomStatus, RoomSummary, SystemEvent, TimelineEventType,
} from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { OrgUnits, pathIds } from '../org';
import { CaseWorkflowService } from '../cases/case-workflow.service';
import { CasesApi } from '../cases';
import { Accounts } from '../identity';
import { NotificationsService } from '../notifications/notifications.service';
import { CloseRoomDto, OpenRoomDto } from './dto/mediation.dto';
import { MembersRepository } from './data/members.repository';
import type { MediationMemberEntity } from './data/mediation-member.entity';
import { RoomsRepository } from './data/rooms.repository';
import { RoomAccess } from './room-access';
import { RoomDetails } from './room-details';
import { RoomHub } from './room-hub';
import { RoomMessagesService } from './room-messages.service';
import { actorOf, displayNameOf, RoomLifecycle } from './room-lifecycle';
import { toRoomSummary } from './room-views';

/** A person as a room names them. */
type Person = { id: number; nickname: string };

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
    private readonly lifecycle: RoomLifecycle,
    private readonly hub: RoomHub,
    private readonly details: RoomDetails,
    private readonly rooms: RoomsRepository,
    private readonly members: MembersRepository,
    private readonly accounts: Accounts,
    private readonly units: OrgUnits,
    private readonly db: Database,
  ) {}

  /* ---------------- rooms ---------------- */

  /** The station's mediators (警民联调员 roster) for a case in the caller's scope. */
  async mediators(caller: Caller, caseId: number): Promise<MediatorView[]> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    const users = await this.mediatorsOf(entity.orgPath);
    return users.map((u) => ({ id: u.id, nickname: u.nickname }));
  }

  /** The station's mediators (警民联调员), enabled ones, by id. */
  private mediatorsOf(orgPath: string, m?: EntityManager): Promise<Person[]> {
    const { stationId } = pathIds(orgPath);
    return stationId === null ? Promise.resolve([]) : this.accounts.staffOf(stationId, Role.Mediator, m);
  }

  async open(caller: Caller, dto: OpenRoomDto): Promise<RoomDetail> {
    if (!caller.permissions.has(Permission.MediationManage)) throw new DomainException(ErrorCode.Forbidden);
    const entity = await this.cases.requireCase(caller, dto.caseId, Permission.CaseRead);
    if (entity.kind !== CaseKind.Dispute) throw new DomainException(ErrorCode.NotADispute);
    if (!dto.respondentUserId && !dto.respondentName?.trim()) throw new DomainException(ErrorCode.ValidationFailed, ['请填写被申请人']);
    const roomId = await this.messages.withMessages(async (m, out) => {
      const existing = await this.rooms.openOfCase(m, entity.id);
      if (existing) throw new DomainException(ErrorCode.RoomAlreadyOpen);
      const mediator = (await this.mediatorsOf(entity.orgPath, m)).find((u) => u.id === dto.mediatorUserId);
      if (!mediator) throw new DomainException(ErrorCode.NotFound);
      const respondent = dto.respondentUserId ? await this.accounts.find(dto.respondentUserId, m) : null;
      if (dto.respondentUserId && (!respondent || !(await this.units.isActiveMember(respondent.id, entity.communityId, m)))) throw new DomainException(ErrorCode.NotFound);
      const cadre = dto.cadreUserId ? await this.accounts.find(dto.cadreUserId, m) : null;
      if (dto.cadreUserId && (!cadre || !(await this.units.isActiveMember(cadre.id, entity.communityId, m)))) throw new DomainException(ErrorCode.NotFound);

      // 开启调解 at once: a dispute not yet accepted is accepted first, then moved to in_mediation.
      let current = entity;
      if ([CaseStatus.Submitted, CaseStatus.Transferred, CaseStatus.Reopened].includes(current.status)) {
        await this.workflow.transition(m, current, CaseAction.Accept, actorOf(caller), null, new Date());
        current = await this.cases.records.get(entity.id, m);
      }
      await this.workflow.transition(m, current, CaseAction.Mediate, actorOf(caller), '已开启网上调解室', new Date());

      const now = new Date();
      const id = await this.rooms.insert(m, {
        caseId: entity.id, parentId: null, caucusMemberId: null, status: RoomStatus.Open, orgPath: entity.orgPath,
        officerId: entity.officerId ?? caller.user.id, title: entity.title.slice(0, 100), lastSeq: 0, createdBy: caller.user.id,
        createdAt: now, closedAt: null,
      });
      const applicantId = await this.workflow.reporterUserId(m, entity);
      const applicant = applicantId ? await this.accounts.find(applicantId, m) : null;
      const officerId = entity.officerId ?? caller.user.id;
      const officer = await this.accounts.find(officerId, m);
      if (!officer) throw new Error(`user ${officerId} not found`);
      const anonymousApplicant = entity.anonymity !== Anonymity.None;
      const people = [applicant, respondent, mediator, officer, cadre].filter((u): u is Person => u !== null).map((u) => u.id);
      if (new Set(people).size !== people.length) throw new DomainException(ErrorCode.ValidationFailed, ['同一人不能在调解中担任两个角色']);
      const rows: Omit<MediationMemberEntity, 'id' | 'lastReadSeq'>[] = [
        { role: RoomMemberRole.Applicant, user: applicant },
        { role: RoomMemberRole.Respondent, user: respondent, name: dto.respondentName?.trim() },
        { role: RoomMemberRole.Mediator, user: mediator },
        { role: RoomMemberRole.Officer, user: officer },
        ...(cadre ? [{ role: RoomMemberRole.Cadre, user: cadre }] : []),
      ].map(({ role, user, name }: { role: RoomMemberRole; user: Person | null; name?: string }) => ({
        roomId: id, role, userId: user?.id ?? null,
        // 对他人匿名: the name every message, notice and agreement carries is the anonymous label.
        displayName: role === RoomMemberRole.Applicant && anonymousApplicant ? ANONYMOUS_APPLICANT_NAME : displayNameOf(role, user?.nickname ?? name ?? ''),
        joinedAt: user ? now : null, createdAt: now,
      }));
      await this.members.insertMany(m, rows);
      await this.messages.appendSystem(m, out, id, SystemEvent.Opened, `调解室已开启：${entity.title}。请各方文明沟通，调解员将主持调解。`);
      await this.lifecycle.notifyMembers(m, id, [caller.user.id], '您有一个调解室', `“${entity.title}”网上调解已开始，请进入调解室`, entity.id, `room:${id}:opened`);
      return id;
    });
    return this.detail(caller, roomId);
  }

  /**
   * 我的调解 / 我的调解室: the caller's rooms, open ones first, then newest, a page at a time (a
   * mediator's list grows by every dispute they take).
   */
  async mine(caller: Caller, page: number, pageSize: number): Promise<Page<RoomSummary>> {
    const { rooms, roles, total } = await this.rooms.mine(caller.user.id, page, pageSize);
    const numbers = await this.cases.records.numbers(rooms.map((r) => r.caseId));
    const items = rooms.map((r, i) => toRoomSummary(r, numbers.get(r.caseId) ?? '', roles[i]));
    return { items, total, page, pageSize };
  }

  /** Rooms of a case the caller may read (the case page's 调解室 entry). */
  async ofCase(caller: Caller, caseId: number): Promise<RoomSummary[]> {
    const entity = await this.cases.requireCase(caller, caseId, Permission.CaseRead);
    const rooms = await this.rooms.ofCase(entity.id);
    const mine = await this.members.ofUserIn(caller.user.id, [0, ...rooms.map((r) => r.id)]);
    const roleOf = new Map(mine.map((mm) => [mm.roomId, mm.role]));
    const staff = caller.permissions.has(Permission.MediationManage) || caller.permissions.has(Permission.MediationTranscriptRead);
    return rooms.filter((r) => staff || roleOf.has(r.id)).map((r) => toRoomSummary(r, entity.number, roleOf.get(r.id) ?? null));
  }

  async detail(caller: Caller, roomId: number): Promise<RoomDetail> {
    const ctx = await this.access.require(caller, roomId);
    if (!ctx.member) await this.access.recordTranscriptRead(caller, roomId, 'room and agreement');
    else await this.notifications.markRoomRead(caller.user.id, roomId);
    return this.details.of(caller, ctx);
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
    const party = await this.members.inRoom(memberId, roomId);
    if (!party || !PARTY_ROLES.includes(party.role) || !party.userId) throw new DomainException(ErrorCode.NotFound);
    const existing = await this.rooms.caucusWith(room.id, party.id);
    if (existing) return this.detail(caller, existing.id);
    const caucusId = await this.messages.withMessages(async (m, out) => {
      const now = new Date();
      const { id: _mainId, ...main } = room;
      const id = await this.rooms.insert(m, {
        ...main, parentId: room.id, caucusMemberId: party.id, title: `背靠背：${party.displayName}`.slice(0, 100),
        lastSeq: 0, createdBy: caller.user.id, createdAt: now, closedAt: null,
      });
      await this.members.insertMany(m,
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
    if ((await this.workflow.reporterUserId(this.db.manager, entity)) !== caller.user.id) throw new DomainException(ErrorCode.Forbidden);
    await this.db.transaction(async ({ manager: m }) => {
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

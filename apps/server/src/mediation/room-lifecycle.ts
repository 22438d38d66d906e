import { CaseAction, ErrorCode, nextStatus, ROOM_MEMBER_ROLE_LABELS, ROOM_PAGE, RoomMemberRole, RoomStatus, TimelineEventType } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CasesApi, TimelineEntry } from '../cases';
import { Actor, CaseWorkflowService } from '../cases/case-workflow.service';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { NotificationsService } from '../notifications/notifications.service';
import { MembersRepository } from './data/members.repository';
import type { MediationRoomEntity } from './data/mediation-room.entity';
import { RoomsRepository } from './data/rooms.repository';

export const roomPage = (roomId: number) => `${ROOM_PAGE}?id=${roomId}`;
export const displayNameOf = (role: RoomMemberRole, nickname: string) => {
  const label = ROOM_MEMBER_ROLE_LABELS[role];
  return (nickname.startsWith(label) ? nickname : `${label} ${nickname}`).slice(0, 64);
};
export const actorOf = (caller: Caller): Actor => ({ userId: caller.user.id, role: caller.user.role });
/** Shown as 系统 on the case timeline. */
const SYSTEM_ACTOR: Actor = { userId: null, role: null };
export const isUniqueViolation = (err: unknown) =>
  err instanceof Error && /ER_DUP_ENTRY|UNIQUE constraint|Duplicate entry/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);

/**
 * What every room change shares, inside the change's transaction: leaving `open` (with the
 * caucus channels), telling the members, and writing on the case's timeline.
 */
@Injectable()
export class RoomLifecycle {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly workflow: CaseWorkflowService,
    private readonly cases: CasesApi,
    private readonly rooms: RoomsRepository,
    private readonly members: MembersRepository,
  ) {}

  /**
   * Moves the room's case on (resolved after an agreement, back to handling after a failed
   * mediation) through the case state machine. `caller` null: the system did it (the last
   * confirmation of an agreement settles it, whoever gave it — not the reporter). If the officer already moved the case meanwhile
   * (e.g. resolved it by hand), the outcome is still recorded on its timeline instead.
   */
  async moveCase(m: EntityManager, caseId: number, action: CaseAction, caller: Caller | null, note: string, now: Date): Promise<void> {
    const entity = await this.cases.records.get(caseId, m);
    if (nextStatus(entity.status, action)) await this.workflow.transition(m, entity, action, caller ? actorOf(caller) : SYSTEM_ACTOR, note, now);
    else await this.caseEvent(m, caseId, caller, note, true);
  }

  /** A room leaves `open` (with its caucus channels): read-only from now on. */
  async setStatus(m: EntityManager, room: MediationRoomEntity, status: RoomStatus, now: Date): Promise<void> {
    if (!(await this.rooms.close(m, room.id, status, now))) throw new DomainException(ErrorCode.RoomReadOnly);
  }

  /**
   * In-app notice (and a subscribe message through the outbox) to the room's bound members, or
   * only to those in `roles`. It opens the room (`roomId`), not the case: a mediator or a
   * respondent may not read the case.
   */
  async notifyMembers(
    m: EntityManager, roomId: number, except: number[], title: string, body: string, caseId: number, dedupe: string,
    roles?: readonly RoomMemberRole[],
  ): Promise<void> {
    const members = await this.members.ofRoom(roomId, m);
    const ids = members
      .filter((mm) => !roles || roles.includes(mm.role))
      .map((mm) => mm.userId).filter((id): id is number => id !== null && !except.includes(id));
    await this.notifications.notify(
      m, ids,
      { title, body, caseId, roomId, wechat: { page: roomPage(roomId), data: { thing1: title.slice(0, 20), phrase2: '调解', thing3: body.slice(0, 20) } } },
      dedupe,
    );
  }

  /** A note on the case's timeline (public: the reporter sees it too); another kind with `type`. */
  caseEvent(m: EntityManager, caseId: number, caller: Caller | null, note: string, isPublic: boolean, type: TimelineEntry['type'] = TimelineEventType.Note) {
    return this.cases.timeline.append(m, caseId, { type, actor: caller ? actorOf(caller) : null, isPublic, note });
  }
}

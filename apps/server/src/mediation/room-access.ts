import { Permission, RoomMemberRole } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Access, covers, Rule } from '../access/access';
import { AuditAction, AuditService } from '../audit/audit.service';
import type { Caller } from '../common/request-context';
import { MembersRepository } from './data/members.repository';
import type { MediationMemberEntity } from './data/mediation-member.entity';
import type { MediationRoomEntity } from './data/mediation-room.entity';
import { RoomsRepository } from './data/rooms.repository';

/** A room as one caller may use it. */
export interface RoomContext {
  room: MediationRoomEntity;
  /** The caller's membership; null for staff reading the transcript of a room in their jurisdiction. */
  member: MediationMemberEntity | null;
  /** Staff in scope who may transfer, close, invite and record outcomes (or the room's mediator). */
  canManage: boolean;
}

/** Staff read transcripts of rooms they are not in only within their jurisdiction, and never a caucus. */
export function staffInScope(caller: Caller, room: MediationRoomEntity): boolean {
  return covers(caller.scope, { path: room.orgPath, officerId: room.officerId });
}

export const isResidentCaller = (caller: Caller) => !caller.permissions.has(Permission.WorkbenchAccess);

const MAIN_ROOM: Rule = [
  { relation: 'member' },
  { permission: Permission.MediationTranscriptRead, within: 'jurisdiction' },
  { permission: Permission.MediationManage, within: 'jurisdiction' },
];
const CAUCUS: Rule = [{ relation: 'member' }];

/**
 * The one access check for a room id from a client (HTTP or socket): members, and staff in
 * scope for the main room; anyone else gets 404 and an audit entry, as for cases.
 */
@Injectable()
export class RoomAccess {
  constructor(
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly rooms: RoomsRepository,
    private readonly members: MembersRepository,
  ) {}

  async require(caller: Caller, roomId: number, manager?: EntityManager): Promise<RoomContext> {
    const room = await this.rooms.find(roomId, manager);
    const member = room ? await this.members.ofUser(roomId, caller.user.id, manager) : null;
    // A caucus (背靠背) is its members' only; the main room is read by police whose jurisdiction covers it too.
    const rule: Rule = room?.parentId === null ? MAIN_ROOM : CAUCUS;
    const found = await this.access.require(caller, { type: 'mediation_room', id: roomId }, room,
      (r) => ({ place: { path: r.orgPath, officerId: r.officerId }, relations: member ? ['member'] : [] }), rule);
    const canManage =
      (found.parentId === null && staffInScope(caller, found) && caller.permissions.has(Permission.MediationManage)) ||
      member?.role === RoomMemberRole.Mediator;
    return { room: found, member, canManage };
  }

  /** Every read of a transcript by staff (police, mediators) is on record. */
  async recordTranscriptRead(caller: Caller, roomId: number, detail: string): Promise<void> {
    if (isResidentCaller(caller)) return;
    await this.audit.recordFor(caller, { action: AuditAction.TranscriptRead, targetType: 'mediation_room', targetId: roomId, detail });
  }
}

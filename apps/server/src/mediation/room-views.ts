import {
  AgreementView, PARTY_ROLES, RoomDetail, RoomMemberRole, RoomStatus, RoomSummary, OfflineBookingView,
} from '@jws/contracts';
import type {
  MediationAgreementEntity, MediationConfirmationEntity, MediationMemberEntity, MediationRoomEntity, OfflineBookingEntity,
  OfflineRoomEntity, OfflineSlotEntity,
} from './data/mediation-entities';

export function toRoomSummary(room: MediationRoomEntity, caseNumber: string, myRole: RoomMemberRole | null): RoomSummary {
  return {
    id: room.id, caseId: room.caseId, caseNumber, title: room.title, status: room.status, parentRoomId: room.parentId,
    lastSeq: room.lastSeq, myRole, createdAt: room.createdAt.toISOString(),
  };
}

export function toAgreementView(
  agreement: MediationAgreementEntity,
  members: MediationMemberEntity[],
  confirmations: MediationConfirmationEntity[],
  me: MediationMemberEntity | null,
  roomOpen: boolean,
): AgreementView {
  const parties = members.filter((mm) => PARTY_ROLES.includes(mm.role));
  const at = new Map(confirmations.map((c) => [c.memberId, c.confirmedAt]));
  return {
    id: agreement.id,
    roomId: agreement.roomId,
    version: agreement.version,
    parties: agreement.parties,
    facts: agreement.facts,
    terms: agreement.terms,
    performanceDueAt: agreement.performanceDueAt.toISOString(),
    confirmations: parties.map((p) => ({ memberId: p.id, displayName: p.displayName, confirmedAt: at.get(p.id)?.toISOString() ?? null })),
    confirmed: agreement.confirmedAt !== null,
    createdAt: agreement.createdAt.toISOString(),
    canConfirm: roomOpen && me !== null && PARTY_ROLES.includes(me.role) && !at.has(me.id) && agreement.confirmedAt === null,
  };
}

export function toBookingView(booking: OfflineBookingEntity, slot: OfflineSlotEntity, room: OfflineRoomEntity): OfflineBookingView {
  return {
    slotId: slot.id, offlineRoomName: room.name, address: room.address, startsAt: slot.startsAt.toISOString(),
    endsAt: slot.endsAt.toISOString(), outcome: booking.outcome, outcomeNote: booking.outcomeNote,
  };
}

export interface RoomDetailParts {
  room: MediationRoomEntity;
  caseNumber: string;
  members: MediationMemberEntity[];
  me: MediationMemberEntity | null;
  /** The caller's unread messages in this channel. */
  unread: number;
  caucuses: RoomDetail['caucuses'];
  agreement: AgreementView | null;
  booking: OfflineBookingView | null;
  canManage: boolean;
}

export function toRoomDetail(p: RoomDetailParts): RoomDetail {
  const open = p.room.status === RoomStatus.Open;
  return {
    ...toRoomSummary(p.room, p.caseNumber, p.me?.role ?? null),
    members: p.members.map((mm) => ({
      id: mm.id, role: mm.role, displayName: mm.userId ? mm.displayName : `${mm.displayName}（待加入）`, joined: mm.userId !== null,
      isMe: p.me?.id === mm.id,
    })),
    unread: p.unread,
    caucuses: p.caucuses,
    agreement: p.agreement,
    booking: p.booking,
    readOnly: !open || p.me === null,
    canMediate: open && p.me?.role === RoomMemberRole.Mediator,
    canManage: p.canManage,
  };
}

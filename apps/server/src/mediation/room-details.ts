import { AgreementView, ANONYMOUS_APPLICANT_NAME, RoomDetail, RoomMemberRole, RoomStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { CasesApi } from '../cases';
import { Accounts } from '../identity';
import type { Caller } from '../common/request-context';
import { AgreementsRepository } from './data/agreements.repository';
import { MembersRepository } from './data/members.repository';
import type { MediationMemberEntity } from './data/mediation-member.entity';
import type { MediationRoomEntity } from './data/mediation-room.entity';
import { OfflineRepository } from './data/offline.repository';
import { RoomsRepository } from './data/rooms.repository';
import type { RoomContext } from './room-access';
import { displayNameOf } from './room-lifecycle';
import { RoomMessagesService } from './room-messages.service';
import { toAgreementView, toBookingView, toRoomDetail } from './room-views';

/**
 * A room's page (RoomDetail) as one caller sees it, once RoomAccess has let them in: members, their
 * 背靠背 channels with unread counts, the current agreement and the offline booking.
 */
@Injectable()
export class RoomDetails {
  constructor(
    private readonly cases: CasesApi,
    private readonly messages: RoomMessagesService,
    private readonly rooms: RoomsRepository,
    private readonly members: MembersRepository,
    private readonly agreements: AgreementsRepository,
    private readonly offline: OfflineRepository,
    private readonly accounts: Accounts,
  ) {}

  async of(caller: Caller, ctx: RoomContext): Promise<RoomDetail> {
    const { room, member } = ctx;
    const mainId = room.parentId ?? room.id;
    const [members, numbers, children] = await Promise.all([
      this.members.ofRoom(room.id),
      this.cases.records.numbers([room.caseId]),
      this.rooms.caucusesOf(mainId),
    ]);
    const myCaucusRooms = children.length ? await this.members.ofUserIn(caller.user.id, children.map((c) => c.id)) : [];
    const mainMembers = room.parentId ? await this.members.ofRoom(mainId) : members;
    const nameOf = new Map(mainMembers.map((mm) => [mm.id, mm.displayName]));
    const mine = children.filter((c) => myCaucusRooms.some((mm) => mm.roomId === c.id));
    // Counted only in channels the caller is a member of: another party's 背靠背 is not even counted.
    const unread = member ? await this.messages.unreadCounts(caller.user.id, [room.id, ...mine.map((c) => c.id)]) : new Map<number, number>();
    const caucuses = mine.map((c) => ({
      roomId: c.id, withMemberId: c.caucusMemberId as number, withName: nameOf.get(c.caucusMemberId as number) ?? '', unread: unread.get(c.id) ?? 0,
    }));
    const agreement = room.parentId ? null : await this.currentAgreementView(room, mainMembers, member);
    const booking = room.parentId ? null : await this.bookingOf(room.id);
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
    const user = await this.accounts.find(applicant.userId as number);
    if (!user) return members;
    const shown = `${displayNameOf(RoomMemberRole.Applicant, user.nickname)}（对他人匿名）`;
    return members.map((mm) => (mm === applicant ? { ...mm, displayName: shown } : mm));
  }

  private async currentAgreementView(
    room: MediationRoomEntity, members: MediationMemberEntity[], me: MediationMemberEntity | null,
  ): Promise<AgreementView | null> {
    const agreement = await this.agreements.current(room.id);
    if (!agreement) return null;
    const confirmations = await this.agreements.confirmations(agreement.id);
    return toAgreementView(agreement, members, confirmations, me, room.status === RoomStatus.Open);
  }

  private async bookingOf(roomId: number) {
    const found = await this.offline.latestBooking(roomId);
    return found ? toBookingView(found.booking, found.slot, found.offline) : null;
  }
}

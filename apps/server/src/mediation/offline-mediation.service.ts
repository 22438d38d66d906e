import { CaseAction, ErrorCode, OfflineRoomView, OfflineSlotView, OrgLevel, Permission, RoomDetail, RoomStatus, SystemEvent } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit/audit.service';
import { OrgUnits, pathIds } from '../org';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { CreateOfflineRoomDto, CreateSlotDto, OfflineOutcomeDto, TransferOfflineDto } from './dto/mediation.dto';
import type { OfflineRoomEntity } from './data/offline-room.entity';
import { OfflineRepository } from './data/offline.repository';
import { MediationService } from './mediation.service';
import { RoomAccess } from './room-access';
import { chinaDateTime } from '../common/china-time';
import { isUniqueViolation, RoomLifecycle } from './room-lifecycle';
import { RoomMessagesService } from './room-messages.service';

/** 警民联调室: each station's offline rooms with bookable slots, the transfer of a room, and its outcome. */
@Injectable()
export class OfflineMediationService {
  constructor(
    private readonly access: RoomAccess,
    private readonly messages: RoomMessagesService,
    private readonly rooms: MediationService,
    private readonly lifecycle: RoomLifecycle,
    private readonly audit: AuditService,
    private readonly objectAccess: Access,
    private readonly offline: OfflineRepository,
    private readonly units: OrgUnits,
  ) {}

  /** Free future slots of the offline rooms of the room's station. */
  async freeSlots(caller: Caller, roomId: number): Promise<OfflineSlotView[]> {
    const { room } = await this.access.require(caller, roomId);
    return this.slotsOfStation(pathIds(room.orgPath).stationId ?? -1, true);
  }

  private async slotsOfStation(stationId: number, freeOnly: boolean): Promise<OfflineSlotView[]> {
    // Retired rooms offer nothing new; the bookings already made in them stay (and show in their rooms).
    const offline = await this.offline.activeRoomsOfStation(stationId);
    if (!offline.length) return [];
    const slots = await this.offline.slotsOf(offline.map((o) => o.id), 'startsAt', new Date(), 100);
    const booked = await this.offline.bookedSlotIds(slots.map((s) => s.id));
    const byId = new Map(offline.map((o) => [o.id, o]));
    return slots
      .filter((s) => !freeOnly || !booked.has(s.id))
      .map((s) => {
        const o = byId.get(s.offlineRoomId) as OfflineRoomEntity;
        return { id: s.id, offlineRoomId: o.id, offlineRoomName: o.name, address: o.address, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() };
      });
  }

  /**
   * The station whose 警民联调室 the caller manages: their own org unit, which must be a station
   * (community officers and station leaders belong to one). Anyone else is refused, on record.
   */
  private async stationOf(caller: Caller, target?: { type: string; id: number }): Promise<{ id: number }> {
    const unit = caller.user.orgUnitId ? await this.units.find(caller.user.orgUnitId) : null;
    if (!unit || unit.level !== OrgLevel.Station || !caller.permissions.has(Permission.MediationManage)) {
      await this.audit.recordFor(caller, {
        action: AuditAction.AccessDenied, targetType: target?.type ?? 'offline_room', targetId: target?.id, outcome: 'denied',
      });
      throw new DomainException(ErrorCode.NotStationStaff);
    }
    return { id: unit.id };
  }

  /** One of the caller's station's offline rooms, or a 404 on record (another station's looks absent). */
  private async ownRoom(caller: Caller, offlineRoomId: number): Promise<OfflineRoomEntity> {
    const station = await this.stationOf(caller, { type: 'offline_room', id: offlineRoomId });
    const offline = await this.offline.room(offlineRoomId);
    return this.objectAccess.require(caller, { type: 'offline_room', id: offlineRoomId }, offline,
      (o) => ({ place: 'unplaced', relations: o.stationId === station.id ? ['member'] : [] }), [{ relation: 'member', permission: Permission.MediationManage }]);
  }

  /** The caller's station's offline rooms, active first, each with its slots that have not ended. */
  async stationRooms(caller: Caller): Promise<OfflineRoomView[]> {
    const station = await this.stationOf(caller);
    const rooms = await this.offline.roomsOfStation(station.id);
    return this.roomViews(rooms);
  }

  private async roomViews(rooms: OfflineRoomEntity[]): Promise<OfflineRoomView[]> {
    if (!rooms.length) return [];
    const slots = await this.offline.slotsOf(rooms.map((r) => r.id), 'endsAt', new Date(), 100 * rooms.length);
    const booked = await this.offline.bookedSlotIds(slots.map((s) => s.id));
    return [...rooms]
      .sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null) || a.id - b.id)
      .map((r) => ({
        id: r.id, name: r.name, address: r.address, retiredAt: r.retiredAt?.toISOString() ?? null,
        slots: slots
          .filter((s) => s.offlineRoomId === r.id)
          .slice(0, 100)
          .map((s) => ({ id: s.id, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), booked: booked.has(s.id) })),
      }));
  }

  /** A new 警民联调室 of the caller's station. */
  async createRoom(caller: Caller, dto: CreateOfflineRoomDto): Promise<OfflineRoomView> {
    const station = await this.stationOf(caller);
    const name = dto.name.trim();
    const address = dto.address.trim();
    if (!name || !address) throw new DomainException(ErrorCode.ValidationFailed, ['请填写联调室名称和地址']);
    const id = await this.offline.insertRoom({ stationId: station.id, name, address });
    await this.audit.recordFor(caller, { action: AuditAction.OfflineRoomChanged, targetType: 'offline_room', targetId: id, detail: 'created' });
    return { id, name, address, retiredAt: null, slots: [] };
  }

  /** Retires a room: its free slots are no longer offered; bookings already made stay. Retiring twice changes nothing. */
  async retireRoom(caller: Caller, offlineRoomId: number): Promise<OfflineRoomView> {
    const offline = await this.ownRoom(caller, offlineRoomId);
    if (!offline.retiredAt) {
      offline.retiredAt = new Date();
      await this.offline.retire(offline.id, offline.retiredAt);
      await this.audit.recordFor(caller, { action: AuditAction.OfflineRoomChanged, targetType: 'offline_room', targetId: offline.id, detail: 'retired' });
    }
    return (await this.roomViews([offline]))[0];
  }

  /** Cancels a free slot of one of the station's rooms; a booked one stays (SLOT_BOOKED). */
  async cancelSlot(caller: Caller, slotId: number): Promise<void> {
    const slot = await this.offline.slot(slotId);
    if (!slot) {
      await this.stationOf(caller, { type: 'offline_slot', id: slotId });
      return this.objectAccess.refuse(caller, { type: 'offline_slot', id: slotId });
    }
    await this.ownRoom(caller, slot.offlineRoomId);
    // Under the slot row's lock, against a transfer booking it at the same time (offline.repository.ts).
    if (!(await this.offline.deleteFreeSlot(slotId))) throw new DomainException(ErrorCode.SlotBooked);
    await this.audit.recordFor(caller, { action: AuditAction.OfflineRoomChanged, targetType: 'offline_slot', targetId: slotId, detail: 'slot cancelled' });
  }

  /** Station staff open a bookable slot in one of their (active) offline rooms. */
  async createSlot(caller: Caller, offlineRoomId: number, dto: CreateSlotDto): Promise<OfflineSlotView> {
    const offline = await this.ownRoom(caller, offlineRoomId);
    if (offline.retiredAt) throw new DomainException(ErrorCode.OfflineRoomRetired);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt || startsAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.ValidationFailed, ['时段应在将来且结束晚于开始']);
    try {
      const id = await this.offline.insertSlot({ offlineRoomId, startsAt, endsAt, createdAt: new Date() });
      return { id, offlineRoomId, offlineRoomName: offline.name, address: offline.address, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainException(ErrorCode.SlotTaken);
      throw err;
    }
  }

  /** 转线下: books a slot (the unique slot refuses a second booking), closes the online room, tells the parties. */
  async transferOffline(caller: Caller, roomId: number, dto: TransferOfflineDto): Promise<RoomDetail> {
    const { room, canManage } = await this.access.require(caller, roomId);
    if (!canManage || room.parentId !== null) throw new DomainException(ErrorCode.Forbidden);
    if (room.status !== RoomStatus.Open) throw new DomainException(ErrorCode.RoomReadOnly);
    const slot = await this.offline.slot(dto.slotId);
    const offline = slot ? await this.offline.room(slot.offlineRoomId) : null;
    if (!slot || !offline || offline.stationId !== pathIds(room.orgPath).stationId) throw new DomainException(ErrorCode.NotFound);
    if (offline.retiredAt) throw new DomainException(ErrorCode.OfflineRoomRetired);
    if (slot.startsAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.SlotTaken);
    const when = chinaDateTime(slot.startsAt);
    try {
      await this.messages.withMessages(async (m, out) => {
        const now = new Date();
        // Under a shared lock of the slot row against its cancellation (cancelSlot) while this books it.
        if (!(await this.offline.bookSlot(m, { slotId: slot.id, roomId, bookedBy: caller.user.id, bookedAt: now }))) throw new DomainException(ErrorCode.NotFound);
        await this.lifecycle.setStatus(m, room, RoomStatus.TransferredOffline, now);
        const text = `已转线下调解：${when}，${offline.name}（${offline.address}）${dto.note?.trim() ? `。${dto.note.trim()}` : ''}`;
        await this.messages.appendSystem(m, out, roomId, SystemEvent.Transferred, text);
        await this.lifecycle.caseEvent(m, room.caseId, caller, text, true);
        await this.lifecycle.notifyMembers(m, roomId, [caller.user.id], '调解转到线下', `请于${when}到${offline.name}参加调解`, room.caseId, `room:${roomId}:offline:${slot.id}`);
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new DomainException(ErrorCode.SlotTaken);
      throw err;
    }
    return this.rooms.detail(caller, roomId);
  }

  /** The outcome of the offline meeting: settled resolves the case, otherwise it goes back to handling. */
  async offlineOutcome(caller: Caller, roomId: number, dto: OfflineOutcomeDto): Promise<RoomDetail> {
    const { room, canManage } = await this.access.require(caller, roomId);
    if (!canManage || room.parentId !== null) throw new DomainException(ErrorCode.Forbidden);
    await this.messages.withMessages(async (m, out) => {
      const booking = await this.offline.openBooking(m, roomId);
      if (!booking || room.status !== RoomStatus.TransferredOffline) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
      const now = new Date();
      const outcome = dto.settled ? 'settled' : 'unsettled';
      if (!(await this.offline.recordOutcome(m, booking.id, outcome, dto.note.trim(), now))) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
      const text = `线下调解${dto.settled ? '达成协议' : '未达成协议'}：${dto.note.trim()}`;
      await this.messages.appendSystem(m, out, roomId, SystemEvent.OfflineOutcome, text);
      await this.lifecycle.moveCase(m, room.caseId, dto.settled ? CaseAction.Resolve : CaseAction.Start, caller, text, now);
    });
    return this.rooms.detail(caller, roomId);
  }

}

import { CaseAction, ErrorCode, OfflineRoomView, OfflineSlotView, OrgLevel, Permission, RoomDetail, RoomStatus, SystemEvent } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit/audit.service';
import { pathIds } from '../org';
import { DomainException } from '../common/domain.exception';
import { forUpdate, isMysql, selectRows } from '../common/db';
import type { Caller } from '../common/request-context';
import { OrgUnitEntity } from '../org/data/org-unit.entity';
import { CreateOfflineRoomDto, CreateSlotDto, OfflineOutcomeDto, TransferOfflineDto } from './dto/mediation.dto';
import { OfflineBookingEntity, OfflineRoomEntity, OfflineSlotEntity } from './mediation.entities';
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
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly objectAccess: Access,
  ) {}

  /** Free future slots of the offline rooms of the room's station. */
  async freeSlots(caller: Caller, roomId: number): Promise<OfflineSlotView[]> {
    const { room } = await this.access.require(caller, roomId);
    return this.slotsOfStation(pathIds(room.orgPath).stationId ?? -1, true);
  }

  private async slotsOfStation(stationId: number, freeOnly: boolean): Promise<OfflineSlotView[]> {
    // Retired rooms offer nothing new; the bookings already made in them stay (and show in their rooms).
    const offline = await this.dataSource.getRepository(OfflineRoomEntity).find({ where: { stationId, retiredAt: IsNull() } });
    if (!offline.length) return [];
    const slots = await this.dataSource.getRepository(OfflineSlotEntity).find({
      where: { offlineRoomId: In(offline.map((o) => o.id)), startsAt: MoreThan(new Date()) }, order: { startsAt: 'ASC' }, take: 100,
    });
    const booked = await this.bookedSlotIds(slots.map((s) => s.id));
    const byId = new Map(offline.map((o) => [o.id, o]));
    return slots
      .filter((s) => !freeOnly || !booked.has(s.id))
      .map((s) => {
        const o = byId.get(s.offlineRoomId) as OfflineRoomEntity;
        return { id: s.id, offlineRoomId: o.id, offlineRoomName: o.name, address: o.address, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() };
      });
  }

  private async bookedSlotIds(slotIds: number[]): Promise<Set<number>> {
    if (!slotIds.length) return new Set();
    return new Set((await this.dataSource.getRepository(OfflineBookingEntity).find({ where: { slotId: In(slotIds) } })).map((b) => b.slotId));
  }

  /**
   * The station whose 警民联调室 the caller manages: their own org unit, which must be a station
   * (community officers and station leaders belong to one). Anyone else is refused, on record.
   */
  private async stationOf(caller: Caller, target?: { type: string; id: number }): Promise<OrgUnitEntity> {
    const unit = caller.user.orgUnitId ? await this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { id: caller.user.orgUnitId } }) : null;
    if (!unit || unit.level !== OrgLevel.Station || !caller.permissions.has(Permission.MediationManage)) {
      await this.audit.recordFor(caller, {
        action: AuditAction.AccessDenied, targetType: target?.type ?? 'offline_room', targetId: target?.id, outcome: 'denied',
      });
      throw new DomainException(ErrorCode.NotStationStaff);
    }
    return unit;
  }

  /** One of the caller's station's offline rooms, or a 404 on record (another station's looks absent). */
  private async ownRoom(caller: Caller, offlineRoomId: number): Promise<OfflineRoomEntity> {
    const station = await this.stationOf(caller, { type: 'offline_room', id: offlineRoomId });
    const offline = await this.dataSource.getRepository(OfflineRoomEntity).findOne({ where: { id: offlineRoomId } });
    return this.objectAccess.require(caller, { type: 'offline_room', id: offlineRoomId }, offline,
      (o) => ({ place: 'unplaced', relations: o.stationId === station.id ? ['member'] : [] }), [{ relation: 'member', permission: Permission.MediationManage }]);
  }

  /** The caller's station's offline rooms, active first, each with its slots that have not ended. */
  async stationRooms(caller: Caller): Promise<OfflineRoomView[]> {
    const station = await this.stationOf(caller);
    const rooms = await this.dataSource.getRepository(OfflineRoomEntity).find({ where: { stationId: station.id }, order: { id: 'ASC' } });
    return this.roomViews(rooms);
  }

  private async roomViews(rooms: OfflineRoomEntity[]): Promise<OfflineRoomView[]> {
    if (!rooms.length) return [];
    const slots = await this.dataSource.getRepository(OfflineSlotEntity).find({
      where: { offlineRoomId: In(rooms.map((r) => r.id)), endsAt: MoreThan(new Date()) }, order: { startsAt: 'ASC' }, take: 100 * rooms.length,
    });
    const booked = await this.bookedSlotIds(slots.map((s) => s.id));
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
    const inserted = await this.dataSource.getRepository(OfflineRoomEntity).insert({ stationId: station.id, name, address, retiredAt: null });
    const id = Number(inserted.identifiers[0].id);
    await this.audit.recordFor(caller, { action: AuditAction.OfflineRoomChanged, targetType: 'offline_room', targetId: id, detail: 'created' });
    return { id, name, address, retiredAt: null, slots: [] };
  }

  /** Retires a room: its free slots are no longer offered; bookings already made stay. Retiring twice changes nothing. */
  async retireRoom(caller: Caller, offlineRoomId: number): Promise<OfflineRoomView> {
    const offline = await this.ownRoom(caller, offlineRoomId);
    if (!offline.retiredAt) {
      offline.retiredAt = new Date();
      await this.dataSource.getRepository(OfflineRoomEntity).update({ id: offline.id, retiredAt: IsNull() }, { retiredAt: offline.retiredAt });
      await this.audit.recordFor(caller, { action: AuditAction.OfflineRoomChanged, targetType: 'offline_room', targetId: offline.id, detail: 'retired' });
    }
    return (await this.roomViews([offline]))[0];
  }

  /** Cancels a free slot of one of the station's rooms; a booked one stays (SLOT_BOOKED). */
  async cancelSlot(caller: Caller, slotId: number): Promise<void> {
    const slot = await this.dataSource.getRepository(OfflineSlotEntity).findOne({ where: { id: slotId } });
    if (!slot) {
      await this.stationOf(caller, { type: 'offline_slot', id: slotId });
      return this.objectAccess.refuse(caller, { type: 'offline_slot', id: slotId });
    }
    await this.ownRoom(caller, slot.offlineRoomId);
    await this.dataSource.transaction(async (m) => {
      // A transfer books under a shared lock of the slot row (transferOffline): with the row locked
      // here, either its booking is committed and seen below, or it finds the slot gone.
      await m.getRepository(OfflineSlotEntity).findOne({ where: { id: slotId }, ...forUpdate(m) });
      if (await m.getRepository(OfflineBookingEntity).exist({ where: { slotId } })) throw new DomainException(ErrorCode.SlotBooked);
      await m.getRepository(OfflineSlotEntity).delete({ id: slotId });
    });
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
      const inserted = await this.dataSource.getRepository(OfflineSlotEntity).insert({ offlineRoomId, startsAt, endsAt, createdAt: new Date() });
      const id = Number(inserted.identifiers[0].id);
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
    const slot = await this.dataSource.getRepository(OfflineSlotEntity).findOne({ where: { id: dto.slotId } });
    const offline = slot ? await this.dataSource.getRepository(OfflineRoomEntity).findOne({ where: { id: slot.offlineRoomId } }) : null;
    if (!slot || !offline || offline.stationId !== pathIds(room.orgPath).stationId) throw new DomainException(ErrorCode.NotFound);
    if (offline.retiredAt) throw new DomainException(ErrorCode.OfflineRoomRetired);
    if (slot.startsAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.SlotTaken);
    const when = chinaDateTime(slot.startsAt);
    try {
      await this.messages.withMessages(async (m, out) => {
        const now = new Date();
        // Shared lock of the slot row against its cancellation (cancelSlot) while this books it.
        // (LOCK IN SHARE MODE by hand: TypeORM writes FOR SHARE for a server "8 or newer", which MariaDB 10 is not.)
        const stillThere = await selectRows(m, `SELECT id FROM mediation_slots WHERE id = ?${isMysql(m) ? ' LOCK IN SHARE MODE' : ''}`, [slot.id]);
        if (!stillThere.length) throw new DomainException(ErrorCode.NotFound);
        await m.getRepository(OfflineBookingEntity).insert({ slotId: slot.id, roomId, bookedBy: caller.user.id, bookedAt: now, outcome: null, outcomeNote: null, outcomeAt: null });
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
      const booking = await m.getRepository(OfflineBookingEntity).findOne({ where: { roomId, outcome: IsNull() }, order: { id: 'DESC' } });
      if (!booking || room.status !== RoomStatus.TransferredOffline) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
      const now = new Date();
      const outcome = dto.settled ? 'settled' : 'unsettled';
      const updated = await m.getRepository(OfflineBookingEntity).update({ id: booking.id, outcome: IsNull() }, { outcome, outcomeNote: dto.note.trim(), outcomeAt: now });
      if (!updated.affected) throw new DomainException(ErrorCode.CaseTransitionNotAllowed);
      const text = `线下调解${dto.settled ? '达成协议' : '未达成协议'}：${dto.note.trim()}`;
      await this.messages.appendSystem(m, out, roomId, SystemEvent.OfflineOutcome, text);
      await this.lifecycle.moveCase(m, room.caseId, dto.settled ? CaseAction.Resolve : CaseAction.Start, caller, text, now);
    });
    return this.rooms.detail(caller, roomId);
  }

}

import { CaseAction, ErrorCode, OfflineSlotView, Permission, RoomDetail, RoomStatus, SystemEvent } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { AuditAction, AuditService } from '../audit/audit.service';
import { pathIds } from '../cases/case-people';
import { DomainException } from '../common/domain.exception';
import type { Caller } from '../common/request-context';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { CreateSlotDto, OfflineOutcomeDto, TransferOfflineDto } from './dto/mediation.dto';
import { OfflineBookingEntity, OfflineRoomEntity, OfflineSlotEntity } from './mediation.entities';
import { MediationService } from './mediation.service';
import { RoomAccess } from './room-access';
import { formatChinaTime, isUniqueViolation, RoomLifecycle } from './room-lifecycle';
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
  ) {}

  /** Free future slots of the offline rooms of the room's station. */
  async freeSlots(caller: Caller, roomId: number): Promise<OfflineSlotView[]> {
    const { room } = await this.access.require(caller, roomId);
    return this.slotsOfStation(pathIds(room.orgPath).stationId ?? -1, true);
  }

  private async slotsOfStation(stationId: number, freeOnly: boolean): Promise<OfflineSlotView[]> {
    const offline = await this.dataSource.getRepository(OfflineRoomEntity).find({ where: { stationId } });
    if (!offline.length) return [];
    const slots = await this.dataSource.getRepository(OfflineSlotEntity).find({
      where: { offlineRoomId: In(offline.map((o) => o.id)), startsAt: MoreThan(new Date()) }, order: { startsAt: 'ASC' }, take: 100,
    });
    const booked = slots.length
      ? new Set((await this.dataSource.getRepository(OfflineBookingEntity).find({ where: { slotId: In(slots.map((s) => s.id)) } })).map((b) => b.slotId))
      : new Set<number>();
    const byId = new Map(offline.map((o) => [o.id, o]));
    return slots
      .filter((s) => !freeOnly || !booked.has(s.id))
      .map((s) => {
        const o = byId.get(s.offlineRoomId) as OfflineRoomEntity;
        return { id: s.id, offlineRoomId: o.id, offlineRoomName: o.name, address: o.address, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() };
      });
  }

  /** Station staff open a bookable slot in one of their offline rooms. */
  async createSlot(caller: Caller, offlineRoomId: number, dto: CreateSlotDto): Promise<OfflineSlotView> {
    const offline = await this.dataSource.getRepository(OfflineRoomEntity).findOne({ where: { id: offlineRoomId } });
    const station = offline ? await this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { id: offline.stationId } }) : null;
    const inScope = station && caller.permissions.has(Permission.MediationManage) && caller.user.orgUnitId === station.id;
    if (!offline || !inScope) {
      await this.audit.recordFor(caller, { action: AuditAction.AccessDenied, targetType: 'offline_room', targetId: offlineRoomId, outcome: 'denied' });
      throw new DomainException(ErrorCode.NotFound);
    }
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
    if (slot.startsAt.getTime() <= Date.now()) throw new DomainException(ErrorCode.SlotTaken);
    const when = formatChinaTime(slot.startsAt);
    try {
      await this.messages.withMessages(async (m, out) => {
        const now = new Date();
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

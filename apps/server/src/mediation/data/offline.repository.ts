import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { Database, forUpdate, isMysql, selectRows } from '../../common/db';
import { OfflineBookingEntity } from './offline-booking.entity';
import { OfflineRoomEntity } from './offline-room.entity';
import { OfflineSlotEntity } from './offline-slot.entity';

/** 警民联调室: the stations' offline rooms, their bookable slots and the bookings of online rooms. */
@Injectable()
export class OfflineRepository {
  constructor(private readonly db: Database) {}

  room(id: number): Promise<OfflineRoomEntity | null> {
    return this.db.manager.getRepository(OfflineRoomEntity).findOne({ where: { id } });
  }

  /** A station's offline rooms, retired ones included, oldest first. */
  roomsOfStation(stationId: number): Promise<OfflineRoomEntity[]> {
    return this.db.manager.getRepository(OfflineRoomEntity).find({ where: { stationId }, order: { id: 'ASC' } });
  }

  /** A station's offline rooms that are not retired. */
  activeRoomsOfStation(stationId: number): Promise<OfflineRoomEntity[]> {
    return this.db.manager.getRepository(OfflineRoomEntity).find({ where: { stationId, retiredAt: IsNull() } });
  }

  async insertRoom(values: Pick<OfflineRoomEntity, 'stationId' | 'name' | 'address'>): Promise<number> {
    const inserted = await this.db.manager.getRepository(OfflineRoomEntity).insert({ ...values, retiredAt: null });
    return Number(inserted.identifiers[0].id);
  }

  async retire(id: number, at: Date): Promise<void> {
    await this.db.manager.getRepository(OfflineRoomEntity).update({ id, retiredAt: IsNull() }, { retiredAt: at });
  }

  slot(id: number): Promise<OfflineSlotEntity | null> {
    return this.db.manager.getRepository(OfflineSlotEntity).findOne({ where: { id } });
  }

  /** Slots of these rooms that start after `after` (`field` startsAt) or end after it (endsAt), earliest first. */
  slotsOf(offlineRoomIds: readonly number[], field: 'startsAt' | 'endsAt', after: Date, take: number): Promise<OfflineSlotEntity[]> {
    return this.db.manager.getRepository(OfflineSlotEntity).find({
      where: { offlineRoomId: In([...offlineRoomIds]), [field]: MoreThan(after) }, order: { startsAt: 'ASC' }, take,
    });
  }

  /** Which of these slots are booked. */
  async bookedSlotIds(slotIds: readonly number[]): Promise<Set<number>> {
    if (!slotIds.length) return new Set();
    return new Set((await this.db.manager.getRepository(OfflineBookingEntity).find({ where: { slotId: In([...slotIds]) } })).map((b) => b.slotId));
  }

  /** A new slot; returns its id (a unique index refuses a second slot at the same start). */
  async insertSlot(values: Pick<OfflineSlotEntity, 'offlineRoomId' | 'startsAt' | 'endsAt' | 'createdAt'>): Promise<number> {
    const inserted = await this.db.manager.getRepository(OfflineSlotEntity).insert(values);
    return Number(inserted.identifiers[0].id);
  }

  /** Several new slots of one room at once (the demo's). */
  async insertSlots(values: Pick<OfflineSlotEntity, 'offlineRoomId' | 'startsAt' | 'endsAt' | 'createdAt'>[]): Promise<void> {
    await this.db.manager.getRepository(OfflineSlotEntity).insert(values);
  }

  /**
   * Deletes a free slot in one transaction; false when it is booked. A transfer books under a
   * shared lock of the slot row (bookSlot): with the row locked here, either its booking is
   * committed and seen, or it finds the slot gone.
   */
  deleteFreeSlot(slotId: number): Promise<boolean> {
    return this.db.transaction(async ({ manager: m }) => {
      await m.getRepository(OfflineSlotEntity).findOne({ where: { id: slotId }, ...forUpdate(m) });
      if (await m.getRepository(OfflineBookingEntity).exist({ where: { slotId } })) return false;
      await m.getRepository(OfflineSlotEntity).delete({ id: slotId });
      return true;
    });
  }

  /**
   * Books a slot for an online room in `m`'s transaction; false when the slot is gone. Shared lock
   * of the slot row against its cancellation while this books it (LOCK IN SHARE MODE by hand:
   * TypeORM writes FOR SHARE for a server "8 or newer", which MariaDB 10 is not). A second booking
   * of the slot fails on its unique index.
   */
  async bookSlot(m: EntityManager, values: Pick<OfflineBookingEntity, 'slotId' | 'roomId' | 'bookedBy' | 'bookedAt'>): Promise<boolean> {
    const stillThere = await selectRows(m, `SELECT id FROM mediation_slots WHERE id = ?${isMysql(m) ? ' LOCK IN SHARE MODE' : ''}`, [values.slotId]);
    if (!stillThere.length) return false;
    await m.getRepository(OfflineBookingEntity).insert({ ...values, outcome: null, outcomeNote: null, outcomeAt: null });
    return true;
  }

  /** The room's latest booking, with its slot and offline room. */
  async latestBooking(roomId: number): Promise<{ booking: OfflineBookingEntity; slot: OfflineSlotEntity; offline: OfflineRoomEntity } | null> {
    const m = this.db.manager;
    const booking = await m.getRepository(OfflineBookingEntity).findOne({ where: { roomId }, order: { id: 'DESC' } });
    if (!booking) return null;
    const slot = await m.getRepository(OfflineSlotEntity).findOneOrFail({ where: { id: booking.slotId } });
    const offline = await m.getRepository(OfflineRoomEntity).findOneOrFail({ where: { id: slot.offlineRoomId } });
    return { booking, slot, offline };
  }

  /** The room's latest booking still waiting for its outcome. */
  openBooking(m: EntityManager, roomId: number): Promise<OfflineBookingEntity | null> {
    return m.getRepository(OfflineBookingEntity).findOne({ where: { roomId, outcome: IsNull() }, order: { id: 'DESC' } });
  }

  /** Records the meeting's outcome; false when one was recorded meanwhile. */
  async recordOutcome(m: EntityManager, id: number, outcome: 'settled' | 'unsettled', note: string, at: Date): Promise<boolean> {
    const updated = await m.getRepository(OfflineBookingEntity).update({ id, outcome: IsNull() }, { outcome, outcomeNote: note, outcomeAt: at });
    return Boolean(updated.affected);
  }

  countRooms(): Promise<number> {
    return this.db.manager.getRepository(OfflineRoomEntity).count();
  }
}

import { RoomMemberRole, RoomStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Database, placeholders, UnitOfWork } from '../../common/db';
import { MediationMemberEntity } from './mediation-member.entity';
import { MediationRoomEntity } from './mediation-room.entity';

/** Mediation rooms (main rooms and their 背靠背 channels) and their per-room message sequence. */
@Injectable()
export class RoomsRepository {
  constructor(private readonly db: Database) {}

  find(id: number, m: EntityManager = this.db.manager): Promise<MediationRoomEntity | null> {
    return m.getRepository(MediationRoomEntity).findOne({ where: { id } });
  }

  /** The case's open main room, if any. */
  openOfCase(m: EntityManager, caseId: number): Promise<MediationRoomEntity | null> {
    return m.getRepository(MediationRoomEntity).findOne({ where: { caseId, parentId: IsNull(), status: RoomStatus.Open } });
  }

  /** The case's main rooms, newest first. */
  ofCase(caseId: number): Promise<MediationRoomEntity[]> {
    return this.db.manager.getRepository(MediationRoomEntity).find({ where: { caseId, parentId: IsNull() }, order: { id: 'DESC' } });
  }

  /** The 背靠背 channels of a main room, oldest first. */
  caucusesOf(parentId: number): Promise<MediationRoomEntity[]> {
    return this.db.manager.getRepository(MediationRoomEntity).find({ where: { parentId }, order: { id: 'ASC' } });
  }

  /** The main room's 背靠背 channel with one of its members, if opened. */
  caucusWith(parentId: number, caucusMemberId: number): Promise<MediationRoomEntity | null> {
    return this.db.manager.getRepository(MediationRoomEntity).findOne({ where: { parentId, caucusMemberId } });
  }

  /** A new room (or channel); returns its id. */
  async insert(m: EntityManager, room: Omit<MediationRoomEntity, 'id'>): Promise<number> {
    const inserted = await m.getRepository(MediationRoomEntity).insert(room);
    return Number(inserted.identifiers[0].id);
  }

  /**
   * The main rooms the user is a member of, open ones first, then newest, a page at a time, with
   * the user's role in each, and how many there are in all.
   */
  async mine(userId: number, page: number, pageSize: number): Promise<{ rooms: MediationRoomEntity[]; roles: (RoomMemberRole | null)[]; total: number }> {
    const qb = this.db.manager
      .getRepository(MediationRoomEntity)
      .createQueryBuilder('r')
      .innerJoin(MediationMemberEntity, 'mm', 'mm.room_id = r.id AND mm.user_id = :userId', { userId })
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
    return { rooms, roles: rooms.map((_, i) => raw[i]?.myRole ?? null), total };
  }

  /** An open room (with its open 背靠背 channels) leaves `open`; false when the room was no longer open. */
  async close(m: EntityManager, roomId: number, status: RoomStatus, now: Date): Promise<boolean> {
    const updated = await m.getRepository(MediationRoomEntity).update({ id: roomId, status: RoomStatus.Open }, { status, closedAt: now });
    if (!updated.affected) return false;
    await m.getRepository(MediationRoomEntity).update({ parentId: roomId, status: RoomStatus.Open }, { status, closedAt: now });
    return true;
  }

  /**
   * The next sequence number of a room, under the room row's lock until the caller's transaction
   * ends; `openOnly` refuses rooms that are no longer open (null). On MySQL one statement
   * (LAST_INSERT_ID(expr) hands the new value back); on SQLite an UPDATE and a read.
   */
  async nextSeq(m: EntityManager, roomId: number, openOnly: boolean): Promise<number | null> {
    const where = `id = ?${openOnly ? ' AND status = ?' : ''}`;
    const params = openOnly ? [roomId, RoomStatus.Open] : [roomId];
    if (m.connection.options.type === 'mysql') {
      const result = (await m.query(`UPDATE mediation_rooms SET last_seq = LAST_INSERT_ID(last_seq + 1) WHERE ${where}`, params)) as { affectedRows: number; insertId: number };
      return result.affectedRows ? Number(result.insertId) : null;
    }
    const updated = await m.createQueryBuilder().update(MediationRoomEntity).set({ lastSeq: () => 'last_seq + 1' })
      .where(where.replace('id = ?', 'id = :roomId').replace('status = ?', 'status = :open'), { roomId, open: RoomStatus.Open }).execute();
    if (!updated.affected) return null;
    const row = await m.getRepository(MediationRoomEntity).findOneOrFail({ select: { id: true, lastSeq: true }, where: { id: roomId } });
    return row.lastSeq;
  }

  /**
   * Reserves `count` sequence numbers in each of the rooms, all open, as the first statements of
   * `uow` (MySQL): one UPDATE over every room (row locks taken in primary-key order, so two batches
   * cannot deadlock) and the read of their new `last_seq`, sent with START TRANSACTION in one round
   * trip. Answers each room's last reserved number, or null when a room is not open (nothing
   * reserved once the unit rolls back).
   */
  async reserveSeqs(uow: UnitOfWork, counts: ReadonlyMap<number, number>): Promise<Map<number, number> | null> {
    const ids = [...counts.keys()];
    if (ids.length === 1) {
      // One room (a lone message, the usual case at low load): its new last_seq comes back with the UPDATE.
      const [result] = (await uow.query([{
        sql: 'UPDATE mediation_rooms SET last_seq = LAST_INSERT_ID(last_seq + ?) WHERE id = ? AND status = ?', values: [counts.get(ids[0]), ids[0], RoomStatus.Open],
      }])) as { affectedRows: number; insertId: number }[];
      return result.affectedRows ? new Map([[ids[0], Number(result.insertId)]]) : null;
    }
    const [updated, rows] = (await uow.query([
      {
        sql: `UPDATE mediation_rooms SET last_seq = last_seq + CASE id ${ids.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (${placeholders(ids.length)}) AND status = ?`,
        values: [...ids.flatMap((id) => [id, counts.get(id)]), ...ids, RoomStatus.Open],
      },
      { sql: `SELECT id, last_seq AS lastSeq FROM mediation_rooms WHERE id IN (${placeholders(ids.length)})`, values: ids },
    ])) as [{ affectedRows: number }, { id: number; lastSeq: number }[]];
    if (updated.affectedRows !== ids.length) return null;
    return new Map(rows.map((r) => [Number(r.id), Number(r.lastSeq)]));
  }

  /** Rooms of `ids` that exist (for other features: titles, cases). */
  findMany(ids: readonly number[]): Promise<MediationRoomEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.db.manager.getRepository(MediationRoomEntity).find({ where: { id: In([...new Set(ids)]) } });
  }

  count(): Promise<number> {
    return this.db.manager.getRepository(MediationRoomEntity).count();
  }
}

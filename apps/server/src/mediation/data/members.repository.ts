import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Database, placeholders, selectRows } from '../../common/db';
import { MediationMemberEntity } from './mediation-member.entity';

/** The members of rooms: who is in which room (or channel), under which name, and how far they have read. */
@Injectable()
export class MembersRepository {
  constructor(private readonly db: Database) {}

  /** The user's member row in a room, if they are one. */
  ofUser(roomId: number, userId: number, m: EntityManager = this.db.manager): Promise<MediationMemberEntity | null> {
    return m.getRepository(MediationMemberEntity).findOne({ where: { roomId, userId } });
  }

  /** Every member (bound or not) of a room, in the order they were added. */
  ofRoom(roomId: number, m: EntityManager = this.db.manager): Promise<MediationMemberEntity[]> {
    return m.getRepository(MediationMemberEntity).find({ where: { roomId }, order: { id: 'ASC' } });
  }

  /** A member of a room by id (null when not of that room). */
  inRoom(id: number, roomId: number): Promise<MediationMemberEntity | null> {
    return this.db.manager.getRepository(MediationMemberEntity).findOne({ where: { id, roomId } });
  }

  get(id: number): Promise<MediationMemberEntity> {
    return this.db.manager.getRepository(MediationMemberEntity).findOneOrFail({ where: { id } });
  }

  /** The user's member rows in any of `roomIds`. */
  ofUserIn(userId: number, roomIds: readonly number[]): Promise<MediationMemberEntity[]> {
    if (!roomIds.length) return Promise.resolve([]);
    return this.db.manager.getRepository(MediationMemberEntity).find({ where: { userId, roomId: In([...roomIds]) } });
  }

  isMember(m: EntityManager, roomId: number, userId: number): Promise<boolean> {
    return m.getRepository(MediationMemberEntity).exists({ where: { roomId, userId } });
  }

  async insertMany(m: EntityManager, rows: Omit<MediationMemberEntity, 'id' | 'lastReadSeq'>[]): Promise<void> {
    await m.getRepository(MediationMemberEntity).insert(rows);
  }

  /** Binds an unbound member slot to a user; false when someone bound it first. */
  async bind(m: EntityManager, id: number, userId: number, displayName: string, now: Date): Promise<boolean> {
    const bound = await m.getRepository(MediationMemberEntity).update({ id, userId: IsNull() }, { userId, joinedAt: now, displayName });
    return Boolean(bound.affected);
  }

  /** Moves a member's read position forward to `upTo` (never back). */
  async markRead(id: number, upTo: number): Promise<void> {
    await this.db.manager.createQueryBuilder().update(MediationMemberEntity).set({ lastReadSeq: upTo })
      .where('id = :id AND last_read_seq < :upTo', { id, upTo }).execute();
  }

  /** Display names of members by id. */
  async names(ids: readonly number[]): Promise<Map<number, string>> {
    if (!ids.length) return new Map();
    const rows = await this.db.manager.getRepository(MediationMemberEntity).find({ select: { id: true, displayName: true }, where: { id: In([...ids]) } });
    return new Map(rows.map((mm) => [mm.id, mm.displayName]));
  }

  /**
   * The user ids of the members (those with an account) of each of `roomIds`, in one read: the
   * rooms whose lines of a notice window are told together (room-message-notices.ts).
   */
  async userIdsOf(roomIds: readonly number[]): Promise<Map<number, number[]>> {
    const byRoom = new Map<number, number[]>(roomIds.map((id) => [id, []]));
    if (!roomIds.length) return byRoom;
    const rows = await selectRows<{ roomId: number | string; userId: number | string }>(
      this.db.manager,
      `SELECT room_id AS roomId, user_id AS userId FROM mediation_members WHERE room_id IN (${placeholders(roomIds.length)}) AND user_id IS NOT NULL`,
      roomIds,
    );
    for (const r of rows) byRoom.get(Number(r.roomId))?.push(Number(r.userId));
    return byRoom;
  }
}

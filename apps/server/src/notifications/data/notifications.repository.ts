import { NotificationLink } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Database, selectRows, StatementBatch, UnitOfWork, valueTuples } from '../../common/db';
import { NotificationEntity } from './notification.entity';

/** An in-app notice row to write. */
export interface InAppRow {
  userId: number;
  caseId: number | null;
  roomId: number | null;
  link: NotificationLink | null;
  communityId: number | null;
  title: string;
  body: string;
  sealedEnc: string | null;
  createdAt: Date;
}

/** An outbox row to write (pending, due now). */
export interface OutboxInsert {
  topic: string;
  dedupeKey: string;
  payload: string;
  createdAt: Date;
}

/** Some users of a room. */
export interface RoomUsers {
  roomId: number;
  userIds: readonly number[];
}

/** `user_id, room_id` values, flat, for a `(user_id, room_id) IN (…)` row list. */
const userRoomPairs = (rooms: readonly RoomUsers[]): number[] => rooms.flatMap((r) => r.userIds.flatMap((userId) => [userId, r.roomId]));

interface Statement {
  sql: string;
  values: unknown[];
}

/** The in-app list (消息) and, with the notices of a change, their outbox rows: multi-row INSERTs. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly db: Database) {}

  private statements(inApp: readonly InAppRow[], outbox: readonly OutboxInsert[]): Statement[] {
    const statements: Statement[] = [];
    if (inApp.length) {
      statements.push({
        sql: `INSERT INTO notifications (user_id, case_id, room_id, link, community_id, title, body, sealed_enc, read_at, created_at) VALUES ${valueTuples(inApp.length, 10)}`,
        values: inApp.flatMap((n) => [n.userId, n.caseId, n.roomId, n.link, n.communityId, n.title, n.body, n.sealedEnc, null, n.createdAt]),
      });
    }
    if (outbox.length) {
      statements.push({
        sql: 'INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, next_attempt_at, lease_until, last_error, created_at, sent_at) ' +
          `VALUES ${valueTuples(outbox.length, 10)}`,
        values: outbox.flatMap((o) => [o.topic, o.dedupeKey, o.payload, 'pending', 0, o.createdAt, null, null, o.createdAt, null]),
      });
    }
    return statements;
  }

  /** Writes the rows now, in `m`'s transaction: one round trip. */
  async write(m: EntityManager, inApp: readonly InAppRow[], outbox: readonly OutboxInsert[]): Promise<void> {
    const batch = new StatementBatch();
    for (const s of this.statements(inApp, outbox)) batch.add(s.sql, s.values);
    await batch.run(m);
  }

  /** Writes the rows with the unit of work's closing writes. */
  writeLater(uow: Pick<UnitOfWork, 'later'>, inApp: readonly InAppRow[], outbox: readonly OutboxInsert[]): void {
    for (const s of this.statements(inApp, outbox)) uow.later(s.sql, s.values);
  }

  /**
   * Which of each room's `userIds` have an unread notice of that room with this title (plain
   * read, no lock): one read for all the rooms, on the (user, room) index.
   */
  async withUnreadRoomNotices(title: string, rooms: readonly RoomUsers[]): Promise<Map<number, Set<number>>> {
    const byRoom = new Map<number, Set<number>>(rooms.map((r) => [r.roomId, new Set()]));
    const pairs = userRoomPairs(rooms);
    if (!pairs.length) return byRoom;
    const rows = await selectRows<{ userId: number | string; roomId: number | string }>(
      this.db.manager,
      `SELECT DISTINCT user_id AS userId, room_id AS roomId FROM notifications WHERE title = ? AND read_at IS NULL AND (user_id, room_id) IN (${valueTuples(pairs.length / 2, 2)})`,
      [title, ...pairs],
    );
    for (const r of rows) byRoom.get(Number(r.roomId))?.add(Number(r.userId));
    return byRoom;
  }

  /** Writes the rows and marks the notices of each room's `userIds` in that room read, together: one round trip. */
  async writeAndMarkRoomsRead(inApp: readonly InAppRow[], readers: readonly RoomUsers[], at: Date): Promise<void> {
    const batch = new StatementBatch();
    for (const s of this.statements(inApp, [])) batch.add(s.sql, s.values);
    const pairs = userRoomPairs(readers);
    if (pairs.length) {
      batch.add(`UPDATE notifications SET read_at = ? WHERE read_at IS NULL AND (user_id, room_id) IN (${valueTuples(pairs.length / 2, 2)})`, [at, ...pairs]);
    }
    await batch.run(this.db.manager);
  }

  /** A page of the user's notices, newest first, and how many there are. */
  page(userId: number, page: number, pageSize: number): Promise<[NotificationEntity[], number]> {
    return this.db.manager.getRepository(NotificationEntity).findAndCount({ where: { userId }, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
  }

  /** The in-app notices about the cases (sealed ones carry no case id and are not among them), oldest first. */
  ofCases(caseIds: readonly number[]): Promise<NotificationEntity[]> {
    if (!caseIds.length) return Promise.resolve([]);
    return this.db.manager.getRepository(NotificationEntity).find({ where: { caseId: In([...caseIds]) }, order: { id: 'ASC' } });
  }

  unreadCount(userId: number): Promise<number> {
    return this.db.manager.getRepository(NotificationEntity).count({ where: { userId, readAt: IsNull() } });
  }

  find(id: number): Promise<NotificationEntity | null> {
    return this.db.manager.getRepository(NotificationEntity).findOne({ where: { id } });
  }

  /** Marks the user's unread notices read (one, those of a room, or all); returns how many. */
  async markRead(where: { userId: number; id?: number; roomId?: number }, at: Date): Promise<number> {
    const result = await this.db.manager.getRepository(NotificationEntity).update({ ...where, readAt: IsNull() }, { readAt: at });
    return result.affected ?? 0;
  }
}

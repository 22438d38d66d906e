import { Injectable } from '@nestjs/common';
import { Database, entityColumns, selectRows } from '../../common/db';
import { OutboxEntity } from './outbox.entity';

/** A recipient as the dead-letter list names them (to be masked). */
export interface RecipientName {
  nickname: string;
  realName: string | null;
}

/** What the admins' dead-letter list (消息投递) reads of the outbox, and its recipients' names. */
@Injectable()
export class DeadLettersRepository {
  constructor(private readonly db: Database) {}

  /** The latest dead letters (at most 200), newest first. */
  rows(): Promise<OutboxEntity[]> {
    return this.db.manager.getRepository(OutboxEntity).find({ where: { status: 'dead' }, order: { id: 'DESC' }, take: 200 });
  }

  /**
   * The recipients' nickname and real name, by user id, from identity's users table (the real
   * name decrypted by that table's own column).
   */
  async recipients(userIds: readonly number[]): Promise<Map<number, RecipientName>> {
    if (!userIds.length) return new Map();
    const users = entityColumns(this.db.manager, 'users');
    const rows = await selectRows<{ id: number | string; nickname: string; real_name_enc: unknown }>(
      this.db.manager, `SELECT id, nickname, real_name_enc FROM users WHERE id IN (${userIds.map(() => '?').join(', ')})`, [...userIds],
    );
    return new Map(rows.map((r) => [Number(r.id), { nickname: String(r.nickname), realName: (users.read('real_name_enc', r.real_name_enc) as string | null) ?? null }]));
  }
}

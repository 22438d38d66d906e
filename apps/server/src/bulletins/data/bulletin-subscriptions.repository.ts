import { BULLETIN_SUBSCRIBE_CREDITS_MAX, MembershipStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Database, execute, isMysql, selectRows } from '../../common/db';

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * `bulletin_subscriptions`: the one-time 警务公告 subscriptions each person accepted and has not
 * used; and, read with the groups' memberships, who of a push's groups has one.
 */
@Injectable()
export class BulletinSubscriptionsRepository {
  constructor(private readonly db: Database) {}

  /** One more accepted subscription (at most BULLETIN_SUBSCRIBE_CREDITS_MAX held); answers how many are held. */
  async grant(userId: number, now: Date): Promise<number> {
    return this.db.transaction(async ({ manager: m }) => {
      const ignore = isMysql(m) ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
      await execute(m, `${ignore} INTO bulletin_subscriptions (user_id, credits, updated_at) VALUES (?, 0, ?)`, [userId, now]);
      await execute(m, 'UPDATE bulletin_subscriptions SET credits = CASE WHEN credits < ? THEN credits + 1 ELSE credits END, updated_at = ? WHERE user_id = ?',
        [BULLETIN_SUBSCRIBE_CREDITS_MAX, now, userId]);
      return this.credits(userId, m);
    });
  }

  async credits(userId: number, m: EntityManager = this.db.manager): Promise<number> {
    const rows = await selectRows<{ credits: number }>(m, 'SELECT credits FROM bulletin_subscriptions WHERE user_id = ?', [userId]);
    return Number(rows[0]?.credits ?? 0);
  }

  /** Active members of `groupIds` who hold a subscription, with the group they are in (ordered by group, then person). */
  async subscribedMembers(groupIds: readonly number[]): Promise<{ groupId: number; userId: number }[]> {
    if (!groupIds.length) return [];
    const rows = await selectRows<{ groupId: number; userId: number }>(
      this.db.manager,
      'SELECT g.id AS groupId, m.user_id AS userId FROM police_groups g JOIN memberships m ON m.community_id = g.community_id AND m.status = ? ' +
        `JOIN bulletin_subscriptions s ON s.user_id = m.user_id AND s.credits > 0 WHERE g.id IN (${marks(groupIds.length)}) ORDER BY g.id, m.user_id`,
      [MembershipStatus.Active, ...groupIds],
    );
    return rows.map((r) => ({ groupId: Number(r.groupId), userId: Number(r.userId) }));
  }

  /** Uses one subscription of each of `userIds`, in `m`'s transaction (the messages are enqueued in the same one). */
  async take(m: EntityManager, userIds: readonly number[], now: Date): Promise<void> {
    if (!userIds.length) return;
    await execute(m, `UPDATE bulletin_subscriptions SET credits = credits - 1, updated_at = ? WHERE credits > 0 AND user_id IN (${marks(userIds.length)})`, [now, ...userIds]);
  }

  /** Gives back one subscription to each of `userIds` (their message was taken back before it was sent). */
  async giveBack(userIds: readonly number[], now: Date): Promise<void> {
    if (!userIds.length) return;
    await execute(this.db.manager,
      `UPDATE bulletin_subscriptions SET credits = CASE WHEN credits < ? THEN credits + 1 ELSE credits END, updated_at = ? WHERE user_id IN (${marks(userIds.length)})`,
      [BULLETIN_SUBSCRIBE_CREDITS_MAX, now, ...userIds]);
  }
}

import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { SharedRedis } from '../common/redis';

/** The Redis key (under REDIS_KEY_PREFIX) every instance reads before answering from its 工作台 pages. */
const SHARED_KEY = 'org:community-lists:version';

/**
 * The version of what 工作台's community lists show (which communities a scope covers, their
 * officer, their member counts): a held page is answered only while the version it was loaded
 * under is still the current one. A write that changes a list calls `changed()` once it has
 * committed, so the next read of every instance loads afresh.
 *
 * On one instance the version is a counter of this process. With REDIS_URL it is also a Redis
 * key that `changed()` sets to a new random value (never a value seen before, even after Redis
 * lost its keys) and `current()` reads on every request: one GET, so a change made on one
 * instance shows on the next read of any other, which a broadcast (delivered a moment later)
 * would not promise. While Redis cannot be asked, `current()` answers null and the caller reads
 * the database.
 */
@Injectable()
export class CommunityListVersion {
  private readonly logger = new Logger(CommunityListVersion.name);
  /** This instance's own writes: seen here even when telling Redis failed. */
  private local = 0;

  constructor(@Optional() @Inject(SharedRedis) private readonly redis: SharedRedis | null = null) {}

  /** The current version, or null when it cannot be known (Redis unreachable): then nothing held may be answered. */
  async current(): Promise<string | null> {
    const client = this.redis?.client;
    if (!client) return String(this.local);
    // A command sent while ioredis reconnects waits for it: a 工作台 read does not.
    if (client.status !== 'ready') return null;
    try {
      let shared = await client.get(SHARED_KEY);
      if (shared === null) {
        // A new Redis (or one that lost its keys): a value no instance has held pages under.
        await client.set(SHARED_KEY, randomUUID(), 'NX');
        shared = await client.get(SHARED_KEY);
      }
      return shared === null ? null : `${this.local}:${shared}`;
    } catch {
      return null;
    }
  }

  /**
   * Runs a write that changes the lists (its whole transaction), then voids every instance's held
   * pages: after the COMMIT, since a page loaded between a change and its commit would hold what
   * the change replaced; also when it failed, as a failed COMMIT may still have been applied.
   */
  async writing<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      await this.changed();
    }
  }

  /** A write that changes the lists has committed (or may have): every instance's held pages are void. */
  async changed(): Promise<void> {
    this.local++;
    const client = this.redis?.client;
    if (!client) return;
    try {
      if (client.status !== 'ready') throw new Error(`redis ${client.status}`);
      await client.set(SHARED_KEY, randomUUID());
    } catch (err) {
      // Other instances see the change once their pages expire (WORKBENCH_PAGES_TTL_MS).
      this.logger.warn(`community lists changed, other instances not told: ${(err as Error).message}`);
    }
  }
}

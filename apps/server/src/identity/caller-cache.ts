import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import type { Caller } from '../common/request-context';
import { SharedRedis } from '../common/redis';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { callerFor } from './caller';
import { UserEntity } from './data/user.entity';

/** A cached caller: the user, their org path and what follows from them (roles, permissions, scope). */
export interface KnownCaller {
  user: UserEntity;
  orgPath: string | null;
  /** Caller without the per-request fields; shared, never to be mutated. */
  base: Omit<Caller, 'ip' | 'requestId'>;
}

const MAX_ENTRIES = 10_000;
const CHANNEL = 'identity:callers';

/**
 * Who a token's user is, kept for a few seconds so the guard does not load the user and their
 * org unit on every request (two round trips and several decryptions: the largest fixed cost in
 * `pnpm bench`), nor work out their roles, permissions and scope again. The user row carries the
 * token version, so a revocation is seen without touching the database on each request.
 *
 * A change made through the service invalidates at once here and, with REDIS_URL, on every other
 * instance (broadcast); without Redis, or should a broadcast be lost, an entry lives
 * CALLER_CACHE_TTL_MS at most (5 s by default), so a change made anywhere (even in the database by
 * hand) holds everywhere within that time.
 */
@Injectable()
export class CallerCache implements OnModuleInit {
  private readonly entries = new Map<number, KnownCaller & { expires: number }>();
  /** Counts invalidations: a load that began before one may carry what it undid and is not kept. */
  private generation = 0;
  private readonly listeners = new Set<(userId: number) => void>();

  private readonly ttlMs: number;

  constructor(
    @Optional() @Inject(SharedRedis) private readonly redis: SharedRedis | null = null,
    @Optional() @Inject(APP_CONFIG) config: Pick<AppConfig, 'callerCacheTtlMs'> | null = null,
  ) {
    this.ttlMs = config?.callerCacheTtlMs ?? 5_000;
  }

  onModuleInit(): void {
    this.redis?.subscribe(
      CHANNEL,
      (userId) => {
        if (typeof userId === 'number') this.forget(userId);
      },
      () => this.clear(),
    );
  }

  get(userId: number, now = Date.now()): KnownCaller | null {
    const entry = this.entries.get(userId);
    if (!entry || entry.expires <= now) return null;
    return entry;
  }

  /** Marks the start of a load from the database; pass it to `set`. */
  stamp(): number {
    return this.generation;
  }

  /** Caches what was loaded, unless an invalidation came in since `stamp` (its answer is still returned). */
  set(user: UserEntity, orgPath: string | null, stamp = this.generation, now = Date.now()): KnownCaller {
    const { ip: _ip, requestId: _requestId, ...base } = callerFor(user, orgPath);
    const known = { user, orgPath, base };
    if (stamp !== this.generation) return known;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(user.id, { ...known, expires: now + this.ttlMs });
    return known;
  }

  /** The user's roles, scope, token version or state changed: forget them here and on every instance. */
  invalidate(userId: number): void {
    this.forget(userId);
    this.redis?.broadcast(CHANNEL, userId);
  }

  /** Called with the user id of every invalidation, local or from another instance (open sockets re-check). */
  onInvalidate(listener: (userId: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private forget(userId: number): void {
    this.generation++;
    this.entries.delete(userId);
    for (const listener of this.listeners) listener(userId);
  }

  private clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

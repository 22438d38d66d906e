import { Injectable } from '@nestjs/common';
import type { Caller } from '../common/request-context';
import { callerFor } from './caller';
import { UserEntity } from './user.entity';

/** A cached caller: the user, their org path and what follows from them (roles, permissions, scope). */
export interface KnownCaller {
  user: UserEntity;
  orgPath: string | null;
  /** Caller without the per-request fields; shared, never to be mutated. */
  base: Omit<Caller, 'ip' | 'requestId'>;
}

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Who a token's user is, kept for a few seconds so the guard does not load the user and their
 * org unit on every request (two round trips and several decryptions: the largest fixed cost in
 * `pnpm bench`), nor work out their roles, permissions and scope again. Changes made here
 * invalidate at once; another instance sees them within TTL_MS.
 */
@Injectable()
export class CallerCache {
  private readonly entries = new Map<number, KnownCaller & { expires: number }>();

  get(userId: number, now = Date.now()): KnownCaller | null {
    const entry = this.entries.get(userId);
    if (!entry || entry.expires <= now) return null;
    return entry;
  }

  set(user: UserEntity, orgPath: string | null, now = Date.now()): KnownCaller {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const { ip: _ip, requestId: _requestId, ...base } = callerFor(user, orgPath);
    const known = { user, orgPath, base };
    this.entries.set(user.id, { ...known, expires: now + TTL_MS });
    return known;
  }

  invalidate(userId: number): void {
    this.entries.delete(userId);
  }
}

import { Injectable } from '@nestjs/common';
import { UserEntity } from './user.entity';

const TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

/**
 * Who a token's user is, kept for a few seconds so the guard does not load the user and their
 * org unit on every request (two round trips and several decryptions: the largest fixed cost in
 * `pnpm bench`). Changes made here invalidate at once; another instance sees them within TTL_MS.
 */
@Injectable()
export class CallerCache {
  private readonly entries = new Map<number, { user: UserEntity; orgPath: string | null; expires: number }>();

  get(userId: number, now = Date.now()): { user: UserEntity; orgPath: string | null } | null {
    const entry = this.entries.get(userId);
    if (!entry || entry.expires <= now) return null;
    return entry;
  }

  set(user: UserEntity, orgPath: string | null, now = Date.now()): void {
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(user.id, { user, orgPath, expires: now + TTL_MS });
  }

  invalidate(userId: number): void {
    this.entries.delete(userId);
  }
}

import { Injectable } from '@nestjs/common';

/** A community's active and pending member counts. */
export interface MemberCount {
  memberCount: number;
  pendingCount: number;
}

/** How long counts are kept: what another instance changed shows within this time. */
export const MEMBER_COUNTS_TTL_MS = 5_000;
const MAX_ENTRIES = 5_000;

/**
 * The member counts 工作台 lists beside each community, kept for a few seconds. Counting a
 * community's ~300 memberships is the bulk of a leader's page (20 communities: ~2 ms of database
 * time a request in `pnpm bench`, an officer's page with one community a tenth of that), while
 * they change only when someone joins or is decided on.
 *
 * Every membership write of this instance (MembershipsRepository) clears the counts at once, and
 * a load that began before a clear is not kept, so this instance never shows counts older than
 * its own last write; a change made on another instance (or by hand in the database) shows within
 * MEMBER_COUNTS_TTL_MS. Only the list's counts are cached: the 待审核 figure and a community's own
 * page after a decision are counted afresh.
 */
@Injectable()
export class MemberCounts {
  private readonly entries = new Map<number, MemberCount & { expires: number }>();
  private generation = 0;

  /** The counts held for `ids`, and the ids to load. */
  get(ids: readonly number[], now = Date.now()): { found: Map<number, MemberCount>; missing: number[] } {
    const found = new Map<number, MemberCount>();
    const missing: number[] = [];
    for (const id of ids) {
      const entry = this.entries.get(id);
      if (entry && entry.expires > now) found.set(id, { memberCount: entry.memberCount, pendingCount: entry.pendingCount });
      else missing.push(id);
    }
    return { found, missing };
  }

  /** Marks the start of a load; pass it to `set`. */
  stamp(): number {
    return this.generation;
  }

  /** Keeps loaded counts, unless a membership was written since `stamp`. */
  set(counts: ReadonlyMap<number, MemberCount>, stamp: number, now = Date.now()): void {
    if (stamp !== this.generation) return;
    for (const [id, count] of counts) {
      if (this.entries.size >= MAX_ENTRIES && !this.entries.has(id)) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
      this.entries.set(id, { ...count, expires: now + MEMBER_COUNTS_TTL_MS });
    }
  }

  /** A membership was written: nothing held is trusted any more. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

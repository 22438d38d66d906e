import type { Page, WorkbenchCommunity } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { CommunityListVersion } from './community-list-version';

/** How long a page is held at most: what the service did not write itself (an edit by hand in the database) shows within this time. */
export const WORKBENCH_PAGES_TTL_MS = 5_000;
/** At most this many pages held (those loaded in the last WORKBENCH_PAGES_TTL_MS: the older ones are dropped as new ones come). */
const MAX_PAGES = 1_000;

type WorkbenchPage = Page<WorkbenchCommunity>;

/**
 * 工作台's pages of communities as answered, held per query (the caller's scope, page, size,
 * search and drill-down unit) under the version of the lists they were loaded at
 * (CommunityListVersion). Before, every read sent three statements and, for a city leader,
 * joined 20 communities to their station, branch, officer and group and counted their members
 * (`pnpm bench`: the leader's page at half the officer's req/s); the lists change only when a
 * membership is written or a community is handed over, and those writes change the version.
 *
 * A page is answered only under the version it was loaded at, so a load that read the database
 * before a write committed is never answered after that write's `changed()`. Loads of the same
 * page under the same version share one round of statements (a write voids every page at once,
 * and 50 leaders asking at that moment would otherwise load the same page 50 times). Held pages
 * are shared between requests and must not be changed.
 */
@Injectable()
export class WorkbenchPages {
  private readonly pages = new Map<string, { version: string; expires: number; page: WorkbenchPage }>();
  private readonly loading = new Map<string, Promise<WorkbenchPage>>();

  constructor(private readonly version: CommunityListVersion) {}

  /** The page held for `key` under the current version, or the one `load` reads (and is then held). */
  async get(key: string, load: () => Promise<WorkbenchPage>, now = Date.now): Promise<WorkbenchPage> {
    const version = await this.version.current();
    if (version === null) return load();
    const held = this.pages.get(key);
    if (held && held.version === version && held.expires > now()) return held.page;
    const loadKey = `${version}\n${key}`;
    const pending = this.loading.get(loadKey);
    if (pending) return pending;
    const loaded = load().then((page) => {
      const at = now();
      this.keep(key, { version, expires: at + WORKBENCH_PAGES_TTL_MS, page }, at);
      return page;
    });
    this.loading.set(loadKey, loaded);
    try {
      return await loaded;
    } finally {
      this.loading.delete(loadKey);
    }
  }

  /** Holds `entry` as the newest page; pages are kept in the order they were loaded, so the expired ones go first. */
  private keep(key: string, entry: { version: string; expires: number; page: WorkbenchPage }, now: number): void {
    this.pages.delete(key);
    for (const [oldKey, old] of this.pages) {
      if (old.expires > now && this.pages.size < MAX_PAGES) break;
      this.pages.delete(oldKey);
    }
    this.pages.set(key, entry);
  }
}

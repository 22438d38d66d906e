import { BulletinBlock, BulletinKind, BulletinStatus, NamingConsent, UNNAMED_RESIDENT } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { BulletinNamingRepository, NamingRow } from './data/bulletin-naming.repository';

/** The text with 某居民 replaced by the resident's name (only ever called with an agreed name). */
export function withName(text: string, name: string | null): string {
  return name ? text.split(UNNAMED_RESIDENT).join(name) : text;
}

export function blocksWithName(blocks: BulletinBlock[], name: string | null): BulletinBlock[] {
  if (!name) return blocks;
  return JSON.parse(JSON.stringify(blocks), (key, value: unknown) => (key === 'text' && typeof value === 'string' ? withName(value, name) : value)) as BulletinBlock[];
}

/**
 * 正气 naming (issue #21, docs/rewards.md): a 正气 post says 某居民 where it praises a resident. The
 * resident it names is stored on the bulletin (set when a 一事一奖 of the bulletin is approved) with
 * their answer; only when they agreed do readers (the feed, the detail page) see their name in
 * place of 某居民. Pushed messages carry the stored text, so they say 某居民.
 */
@Injectable()
export class BulletinNaming {
  constructor(private readonly repo: BulletinNamingRepository) {}

  rows(ids: readonly number[]): Promise<Map<number, NamingRow>> {
    return this.repo.rows(ids);
  }

  /** The names readers see in place of 某居民, for the bulletins that have one. */
  async agreedNames(ids: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (const [id, row] of await this.repo.rows(ids)) if (row.agreedName) out.set(id, row.agreedName);
    return out;
  }

  /** Whether a bulletin may be a rewarded deed: an approved 正气. */
  static isDeed(row: NamingRow | undefined): boolean {
    return !!row && row.kind === BulletinKind.Positive && row.status === BulletinStatus.Approved;
  }

  /** Names the resident in the bulletin, pending their consent (in the caller's transaction); false when it names another. */
  name(m: EntityManager, bulletinId: number, residentId: number): Promise<boolean> {
    return this.repo.name(m, bulletinId, residentId);
  }

  /** The named resident's answer; false when the bulletin does not name them. */
  consent(m: EntityManager, bulletinId: number, residentId: number, naming: Exclude<NamingConsent, 'pending'>): Promise<boolean> {
    return this.repo.consent(m, bulletinId, residentId, naming);
  }
}

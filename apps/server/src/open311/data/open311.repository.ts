import { OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, selectRows } from '../../common/db';
import { Open311PartnerEntity } from './open311-partner.entity';
import { Open311TokenEntity } from './open311-token.entity';

/** A community as Open311 names it, with the station above it (org's `org_units`). */
export interface Open311Community {
  id: number;
  name: string;
  parentId: number | null;
}

const ids = (values: readonly unknown[]) => values.map(() => '?').join(', ');
const communityOf = (r: Record<string, unknown>): Open311Community => ({
  id: Number(r.id), name: String(r.name), parentId: r.parent_id == null ? null : Number(r.parent_id),
});

/**
 * Adds a partner unless one has this key, its default community named `communityName`; false when
 * it was there or no community has that name. A function of the caller's manager: the demo seed
 * runs it inside its own transaction.
 */
export async function ensurePartner(m: EntityManager, partner: { name: string; keyHash: string; communityName: string }): Promise<boolean> {
  const partners = m.getRepository(Open311PartnerEntity);
  if (await partners.exists({ where: { keyHash: partner.keyHash } })) return false;
  const [community] = await selectRows(m, 'SELECT id FROM org_units WHERE name = ? AND level = ? ORDER BY id LIMIT 1', [partner.communityName, OrgLevel.Community]);
  if (!community) return false;
  await partners.insert({ name: partner.name, keyHash: partner.keyHash, communityId: Number(community.id), createdAt: new Date() });
  return true;
}

/**
 * Every statement on `open311_partners` and `open311_tokens`, and the reads of org's `org_units`
 * Open311 names places by (by their columns, as the case page reads them).
 */
@Injectable()
export class Open311Repository {
  constructor(private readonly db: Database) {}

  partnerByKeyHash(keyHash: string): Promise<Open311PartnerEntity | null> {
    return this.db.manager.getRepository(Open311PartnerEntity).findOne({ where: { keyHash } });
  }

  token(token: string): Promise<Open311TokenEntity | null> {
    return this.db.manager.getRepository(Open311TokenEntity).findOne({ where: { token } });
  }

  async addToken(m: EntityManager, row: Open311TokenEntity): Promise<void> {
    await m.getRepository(Open311TokenEntity).insert(row);
  }

  /** Every community, by id. */
  async communities(): Promise<Open311Community[]> {
    return (await selectRows(this.db.manager, 'SELECT id, name, parent_id FROM org_units WHERE level = ? ORDER BY id', [OrgLevel.Community])).map(communityOf);
  }

  async community(id: number): Promise<Open311Community | null> {
    const [row] = await selectRows(this.db.manager, 'SELECT id, name, parent_id FROM org_units WHERE id = ? AND level = ?', [id, OrgLevel.Community]);
    return row ? communityOf(row) : null;
  }

  /** The communities of `communityIds`, by id. */
  async communitiesById(communityIds: readonly number[]): Promise<Map<number, Open311Community>> {
    const wanted = [...new Set(communityIds)];
    if (!wanted.length) return new Map();
    const rows = await selectRows(this.db.manager, `SELECT id, name, parent_id FROM org_units WHERE id IN (${ids(wanted)})`, wanted);
    return new Map(rows.map((r) => [Number(r.id), communityOf(r)]));
  }

  /** Names of the units among `unitIds` (nulls skipped), by id. */
  async unitNames(unitIds: readonly (number | null)[]): Promise<Map<number, string>> {
    const wanted = [...new Set(unitIds.filter((id): id is number => id !== null))];
    if (!wanted.length) return new Map();
    const rows = await selectRows(this.db.manager, `SELECT id, name FROM org_units WHERE id IN (${ids(wanted)})`, wanted);
    return new Map(rows.map((r) => [Number(r.id), String(r.name)]));
  }
}

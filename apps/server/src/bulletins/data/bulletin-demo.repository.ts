import { Injectable } from '@nestjs/common';
import { Database, selectRows } from '../../common/db';
import { BulletinEntity } from './bulletin.entity';

/** Lookups for loading the demo bulletins (bulletins-demo.ts): demo accounts by username, groups by name. */
@Injectable()
export class BulletinDemoRepository {
  constructor(private readonly db: Database) {}

  async any(): Promise<boolean> {
    return (await this.db.manager.getRepository(BulletinEntity).count()) > 0;
  }

  /** The demo account's id and its org unit's path. */
  async account(username: string): Promise<{ userId: number; orgPath: string | null }> {
    const rows = await selectRows<{ id: number; path: string | null }>(
      this.db.manager, 'SELECT u.id AS id, o.path AS path FROM users u LEFT JOIN org_units o ON o.id = u.org_unit_id WHERE u.username = ?', [username],
    );
    if (!rows[0]) throw new Error(`demo bulletins: no account ${username}`);
    return { userId: Number(rows[0].id), orgPath: rows[0].path ?? null };
  }

  async groupIds(names: readonly string[]): Promise<number[]> {
    if (!names.length) return [];
    const rows = await selectRows<{ id: number }>(this.db.manager, `SELECT id FROM police_groups WHERE name IN (${names.map(() => '?').join(', ')}) ORDER BY id`, names);
    return rows.map((r) => Number(r.id));
  }
}

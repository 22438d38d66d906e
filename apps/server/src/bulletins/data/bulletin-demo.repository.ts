import { Injectable } from '@nestjs/common';
import { Database, selectRows } from '../../common/db';
import { UserEntity } from '../../identity/user.entity';
import { BulletinEntity } from './bulletin.entity';

/** Lookups for loading the demo bulletins (bulletins-demo.ts): demo accounts by username, groups by name. */
@Injectable()
export class BulletinDemoRepository {
  constructor(private readonly db: Database) {}

  async any(): Promise<boolean> {
    return (await this.db.manager.getRepository(BulletinEntity).count()) > 0;
  }

  /** The demo account with its org unit's path. */
  async account(username: string): Promise<{ user: UserEntity; orgPath: string | null }> {
    const user = await this.db.manager.getRepository(UserEntity).findOneByOrFail({ username });
    const rows = user.orgUnitId ? await selectRows<{ path: string }>(this.db.manager, 'SELECT path FROM org_units WHERE id = ?', [user.orgUnitId]) : [];
    return { user, orgPath: rows[0]?.path ?? null };
  }

  async groupIds(names: readonly string[]): Promise<number[]> {
    if (!names.length) return [];
    const rows = await selectRows<{ id: number }>(this.db.manager, `SELECT id FROM police_groups WHERE name IN (${names.map(() => '?').join(', ')}) ORDER BY id`, names);
    return rows.map((r) => Number(r.id));
  }
}

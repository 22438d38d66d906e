import type { BulletinKind, BulletinStatus, NamingConsent } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, placeholders, selectRows } from '../../common/db';

/** A bulletin as the 正气 naming needs it: its kind, status, readers' title and whom it names. */
export interface NamingRow {
  id: number;
  kind: BulletinKind;
  status: BulletinStatus;
  title: string;
  namedUserId: number | null;
  naming: NamingConsent | null;
  /** The named resident's name, when they agreed. */
  agreedName: string | null;
}

/** The statements of 正气 naming on bulletins (named_user_id, naming; docs/rewards.md). */
@Injectable()
export class BulletinNamingRepository {
  constructor(private readonly db: Database) {}

  async rows(ids: readonly number[]): Promise<Map<number, NamingRow>> {
    if (!ids.length) return new Map();
    const rows = await selectRows(
      this.db.manager,
      'SELECT b.id, b.kind, b.status, b.named_user_id AS namedUserId, b.naming, v.title, u.nickname AS name FROM bulletins b ' +
        'JOIN bulletin_versions v ON v.id = COALESCE(b.approved_version_id, b.version_id) LEFT JOIN users u ON u.id = b.named_user_id ' +
        `WHERE b.id IN (${placeholders(ids.length)})`,
      [...ids],
    );
    return new Map(rows.map((r) => {
      const naming = (r.naming as NamingConsent | null) ?? null;
      return [Number(r.id), {
        id: Number(r.id), kind: r.kind as BulletinKind, status: r.status as BulletinStatus, title: String(r.title),
        namedUserId: r.namedUserId == null ? null : Number(r.namedUserId), naming,
        agreedName: naming === 'agreed' && r.name != null ? String(r.name) : null,
      }];
    }));
  }

  /** Names the resident, asking their consent; false when the bulletin names someone else already. */
  async name(m: EntityManager, id: number, userId: number): Promise<boolean> {
    await m.query('UPDATE bulletins SET named_user_id = ?, naming = ? WHERE id = ? AND (named_user_id IS NULL OR named_user_id = ?)', [userId, 'pending', id, userId]);
    return (await this.namedUser(m, id)) === userId;
  }

  /** The named resident's answer; false when the bulletin does not name them. */
  async consent(m: EntityManager, id: number, userId: number, naming: NamingConsent): Promise<boolean> {
    await m.query('UPDATE bulletins SET naming = ? WHERE id = ? AND named_user_id = ?', [naming, id, userId]);
    return (await this.namedUser(m, id)) === userId;
  }

  private async namedUser(m: EntityManager, id: number): Promise<number | null> {
    const rows = await selectRows(m, 'SELECT named_user_id AS namedUserId FROM bulletins WHERE id = ?', [id]);
    return rows[0]?.namedUserId == null ? null : Number(rows[0].namedUserId);
  }
}

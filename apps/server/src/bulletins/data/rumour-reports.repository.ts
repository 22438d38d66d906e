import { BulletinStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import { Database, selectRows } from '../../common/db';
import { RumourReportEntity } from './rumour-report.entity';

/** A report as the lists show it: with its group's name and its 辟谣's title (the approved version, else the newest). */
export interface RumourRow extends RumourReportEntity {
  groupName: string;
  bulletinTitle: string | null;
}

const toDate = (v: unknown): Date | null =>
  v === null || v === undefined ? null : v instanceof Date ? v : new Date(`${String(v).replace(' ', 'T')}Z`);

/** Reads org's group names, read only. */
const LIST_SELECT =
  'SELECT r.id AS id, r.reporter_id AS reporterId, r.reporter_role AS reporterRole, r.group_id AS groupId, r.text AS text, r.place AS place, ' +
  'r.screenshot_id AS screenshotId, r.bulletin_id AS bulletinId, r.debunked_at AS debunkedAt, r.created_at AS createdAt, g.name AS groupName, ' +
  'v.title AS bulletinTitle FROM rumour_reports r JOIN police_groups g ON g.id = r.group_id ' +
  'LEFT JOIN bulletins b ON b.id = r.bulletin_id LEFT JOIN bulletin_versions v ON v.id = COALESCE(b.approved_version_id, b.version_id)';

const toRow = (r: Record<string, unknown>): RumourRow => ({
  id: Number(r.id), reporterId: Number(r.reporterId), reporterRole: String(r.reporterRole), groupId: Number(r.groupId), text: String(r.text),
  place: r.place === null ? null : String(r.place), screenshotId: r.screenshotId === null ? null : String(r.screenshotId),
  bulletinId: r.bulletinId === null ? null : Number(r.bulletinId), debunkedAt: toDate(r.debunkedAt), createdAt: toDate(r.createdAt)!,
  groupName: String(r.groupName), bulletinTitle: r.bulletinTitle === null || r.bulletinTitle === undefined ? null : String(r.bulletinTitle),
});

/** Rumour reports (传言) and their links to 辟谣 bulletins (docs/bulletins.md "Rumours"). */
@Injectable()
export class RumourReportsRepository {
  constructor(private readonly db: Database) {}

  async insert(manager: EntityManager, row: Omit<RumourReportEntity, 'id'>): Promise<number> {
    const result = await manager.getRepository(RumourReportEntity).insert(row);
    return Number(result.identifiers[0].id);
  }

  byId(id: number): Promise<RumourReportEntity | null> {
    return this.db.manager.getRepository(RumourReportEntity).findOne({ where: { id } });
  }

  byIds(ids: readonly number[]): Promise<RumourReportEntity[]> {
    return ids.length ? this.db.manager.getRepository(RumourReportEntity).find({ where: { id: In([...ids]) } }) : Promise.resolve([]);
  }

  async row(id: number): Promise<RumourRow | null> {
    const rows = await selectRows(this.db.manager, `${LIST_SELECT} WHERE r.id = ?`, [id]);
    return rows.length ? toRow(rows[0]) : null;
  }

  /** Reports seen in `groupIds`, newest first; `debunked` filters 已辟谣 (true) or not yet (false). Index range per group. */
  async ofGroups(groupIds: readonly number[], debunked: boolean | undefined, page: number, pageSize: number): Promise<{ rows: RumourRow[]; total: number }> {
    if (!groupIds.length) return { rows: [], total: 0 };
    const where = `r.group_id IN (${groupIds.map(() => '?').join(', ')})${debunked === undefined ? '' : debunked ? ' AND r.debunked_at IS NOT NULL' : ' AND r.debunked_at IS NULL'}`;
    const [rows, count] = await Promise.all([
      selectRows(this.db.manager, `${LIST_SELECT} WHERE ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?`, [...groupIds, pageSize, (page - 1) * pageSize]),
      selectRows<{ n: number }>(this.db.manager, `SELECT COUNT(*) AS n FROM rumour_reports r WHERE ${where}`, [...groupIds]),
    ]);
    return { rows: rows.map(toRow), total: Number(count[0]?.n ?? 0) };
  }

  /** A reporter's own reports, newest first. */
  async ofReporter(reporterId: number, page: number, pageSize: number): Promise<{ rows: RumourRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      selectRows(this.db.manager, `${LIST_SELECT} WHERE r.reporter_id = ? ORDER BY r.created_at DESC, r.id DESC LIMIT ? OFFSET ?`, [reporterId, pageSize, (page - 1) * pageSize]),
      selectRows<{ n: number }>(this.db.manager, 'SELECT COUNT(*) AS n FROM rumour_reports WHERE reporter_id = ?', [reporterId]),
    ]);
    return { rows: rows.map(toRow), total: Number(count[0]?.n ?? 0) };
  }

  /** The reports a bulletin links, oldest first. */
  async linkedTo(bulletinId: number, manager: EntityManager = this.db.manager): Promise<RumourRow[]> {
    const rows = await selectRows(manager, `${LIST_SELECT} WHERE r.bulletin_id = ? ORDER BY r.created_at, r.id`, [bulletinId]);
    return rows.map(toRow);
  }

  /**
   * In the caller's transaction: the bulletin links exactly `reportIds` (its other open links go).
   * A report already linked to another 辟谣 that is not withdrawn, or already 已辟谣, is not taken:
   * the answer is how many were linked, and the caller rolls back when it is short.
   */
  async link(manager: EntityManager, bulletinId: number, reportIds: readonly number[]): Promise<number> {
    await manager.getRepository(RumourReportEntity).update({ bulletinId, debunkedAt: IsNull() }, { bulletinId: null });
    if (!reportIds.length) return 0;
    const free = await selectRows<{ id: number }>(
      manager,
      `SELECT r.id AS id FROM rumour_reports r LEFT JOIN bulletins b ON b.id = r.bulletin_id WHERE r.id IN (${reportIds.map(() => '?').join(', ')}) ` +
        'AND r.debunked_at IS NULL AND (r.bulletin_id IS NULL OR b.status = ?)',
      [...reportIds, BulletinStatus.Withdrawn],
    );
    if (free.length !== reportIds.length) return free.length;
    // Conditional on what was read: a concurrent link of the same report changes fewer rows, and the caller rolls back.
    const result = await manager.createQueryBuilder().update(RumourReportEntity).set({ bulletinId })
      .where({ id: In(free.map((r) => Number(r.id))), debunkedAt: IsNull() })
      .andWhere('(bulletin_id IS NULL OR bulletin_id IN (SELECT b.id FROM bulletins b WHERE b.status = :withdrawn))', { withdrawn: BulletinStatus.Withdrawn })
      .execute();
    return result.affected ?? 0;
  }

  /** In the caller's transaction: the bulletin's linked reports become 已辟谣; how many. */
  async markDebunked(manager: EntityManager, bulletinId: number, now: Date): Promise<number> {
    const result = await manager.getRepository(RumourReportEntity).update({ bulletinId, debunkedAt: IsNull() }, { debunkedAt: now });
    return result.affected ?? 0;
  }

  /** Whether the user reported a rumour this bulletin refuted (已辟谣): their standing to read it. */
  async refutedFor(bulletinId: number, userId: number): Promise<boolean> {
    const rows = await selectRows(this.db.manager, 'SELECT id FROM rumour_reports WHERE bulletin_id = ? AND reporter_id = ? AND debunked_at IS NOT NULL', [bulletinId, userId]);
    return rows.length > 0;
  }
}

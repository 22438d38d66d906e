import { Injectable } from '@nestjs/common';
import { Database, FigureTarget, insertReturningId, selectRows, targetCondition, TimeRange } from '../../common/db';
import { BulletinPushEntity } from './bulletin-push.entity';

export type SlotClaim = { outcome: 'pushed'; id: number } | { outcome: 'over_quota' } | { outcome: 'already_pushed' };

const duplicate = (err: unknown): string | null => {
  if (!(err instanceof Error)) return null;
  const text = `${(err as { code?: string }).code ?? ''} ${err.message}`;
  return /ER_DUP_ENTRY|UNIQUE constraint|Duplicate entry/i.test(text) ? text : null;
};

/** Pushes into groups and the daily quota (docs/bulletins.md). */
@Injectable()
export class BulletinPushesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Takes the first free slot of `slots` (in that order) of the group's day for the bulletin, one single-row INSERT per try:
   * `uq_bulletin_pushes_slot` (group, day, slot) admits one row per slot, so however many pushes
   * race for a group's last slot, exactly one gets it; the others find every slot taken and are
   * over quota. `uq_bulletin_pushes_group` makes a second push of a bulletin into a group fail.
   * Each INSERT commits on its own: nothing waits on another group's locks.
   */
  async claimSlot(row: Omit<BulletinPushEntity, 'id' | 'slot'>, slots: readonly number[]): Promise<SlotClaim> {
    if (await this.pushedTo(row.bulletinId, row.groupId)) return { outcome: 'already_pushed' };
    const taken = new Set(await this.slotsOf(row.groupId, row.day));
    for (const slot of slots) {
      if (taken.has(slot)) continue;
      try {
        const id = await insertReturningId(
          this.db.manager,
          'INSERT INTO bulletin_pushes (bulletin_id, version_id, group_id, day, slot, pushed_by, pushed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [row.bulletinId, row.versionId, row.groupId, row.day, slot, row.pushedBy, row.pushedAt, row.createdAt],
        );
        return { outcome: 'pushed', id };
      } catch (err) {
        const dup = duplicate(err);
        if (!dup) throw err;
        if (/uq_bulletin_pushes_group|bulletin_pushes\.bulletin_id/.test(dup)) return { outcome: 'already_pushed' };
      }
    }
    return { outcome: 'over_quota' };
  }

  /** Cancels a scheduled push whose time has not come (its slot is free again); false when there is none such. */
  async cancelScheduled(bulletinId: number, groupId: number, now: Date): Promise<boolean> {
    const result = await this.db.manager.createQueryBuilder().delete().from(BulletinPushEntity)
      .where('bulletin_id = :bulletinId AND group_id = :groupId AND pushed_at > :now', { bulletinId, groupId, now })
      .execute();
    return Boolean(result.affected);
  }

  async pushedTo(bulletinId: number, groupId: number): Promise<boolean> {
    const rows = await selectRows(this.db.manager, 'SELECT id FROM bulletin_pushes WHERE bulletin_id = ? AND group_id = ?', [bulletinId, groupId]);
    return rows.length > 0;
  }

  async slotsOf(groupId: number, day: string): Promise<number[]> {
    const rows = await selectRows<{ slot: number }>(this.db.manager, 'SELECT slot FROM bulletin_pushes WHERE group_id = ? AND day = ?', [groupId, day]);
    return rows.map((r) => Number(r.slot));
  }

  /** Pushes of the day per group in its daily slots (1..quota; a 辟谣's reserved slot above them is not counted). */
  async usedOn(groupIds: number[], day: string, quota: number): Promise<Map<number, number>> {
    if (!groupIds.length) return new Map();
    const rows = await selectRows<{ groupId: number; n: number }>(
      this.db.manager,
      `SELECT group_id AS groupId, COUNT(*) AS n FROM bulletin_pushes WHERE day = ? AND slot <= ? AND group_id IN (${groupIds.map(() => '?').join(', ')}) GROUP BY group_id`,
      [day, quota, ...groupIds],
    );
    return new Map(rows.map((r) => [Number(r.groupId), Number(r.n)]));
  }

  /** A bulletin's pushes with their group names and version numbers, oldest first. */
  async ofBulletin(bulletinId: number): Promise<{ groupId: number; groupName: string; pushedAt: Date; version: number }[]> {
    const rows = await selectRows(
      this.db.manager,
      'SELECT p.group_id AS groupId, g.name AS groupName, p.pushed_at AS pushedAt, v.version_no AS version FROM bulletin_pushes p ' +
        'JOIN police_groups g ON g.id = p.group_id JOIN bulletin_versions v ON v.id = p.version_id WHERE p.bulletin_id = ? ORDER BY p.pushed_at, p.id',
      [bulletinId],
    );
    return rows.map((r) => ({
      groupId: Number(r.groupId), groupName: String(r.groupName), version: Number(r.version),
      pushedAt: r.pushedAt instanceof Date ? r.pushedAt : new Date(`${String(r.pushedAt).replace(' ', 'T')}Z`),
    }));
  }

  /**
   * Pushes × groups per pusher and kind, of pushes into `groupIds` on China days `from`..`to` whose
   * time has come (docs/bulletins.md: how 法治宣传 and 提醒告知 are counted).
   */
  async countsByPusher(groupIds: readonly number[], from: string, to: string, now: Date): Promise<{ pusherId: number; pusherName: string; kind: string; pushes: number }[]> {
    if (!groupIds.length) return [];
    const rows = await selectRows(
      this.db.manager,
      'SELECT p.pushed_by AS pusherId, u.nickname AS pusherName, b.kind AS kind, COUNT(*) AS n FROM bulletin_pushes p JOIN bulletins b ON b.id = p.bulletin_id ' +
        `JOIN users u ON u.id = p.pushed_by WHERE p.group_id IN (${groupIds.map(() => '?').join(', ')}) AND p.day >= ? AND p.day <= ? AND p.pushed_at <= ? ` +
        'GROUP BY p.pushed_by, u.nickname, b.kind ORDER BY p.pushed_by, b.kind',
      [...groupIds, from, to, now],
    );
    return rows.map((r) => ({ pusherId: Number(r.pusherId), pusherName: String(r.pusherName), kind: String(r.kind), pushes: Number(r.n) }));
  }

  /** The groups (of `groupIds`) a bulletin went to, time come: a member's standing to it. */
  async groupsReached(bulletinId: number, groupIds: number[], now: Date): Promise<{ groupId: number; pushedAt: Date }[]> {
    if (!groupIds.length) return [];
    const rows = await selectRows(
      this.db.manager,
      `SELECT group_id AS groupId, pushed_at AS pushedAt FROM bulletin_pushes WHERE bulletin_id = ? AND pushed_at <= ? AND group_id IN (${groupIds.map(() => '?').join(', ')}) ORDER BY pushed_at DESC`,
      [bulletinId, now, ...groupIds],
    );
    return rows.map((r) => ({
      groupId: Number(r.groupId),
      pushedAt: r.pushedAt instanceof Date ? r.pushedAt : new Date(`${String(r.pushedAt).replace(' ', 'T')}Z`),
    }));
  }

  /**
   * Every push whose time lies in `range` and has come by `now`, into a group of the target's subtree
   * (a community group by its community's path, an enterprise group by its station's), or pushed by
   * the officer (docs/figures.md: 法治宣传 and 提醒告知). Reads org's group and unit names, read only.
   */
  async pushRecordsIn(target: FigureTarget, range: TimeRange, now: Date): Promise<{ id: number; at: Date; title: string; kind: string; groupName: string; bulletinId: number; groupId: number }[]> {
    const scope = targetCondition(target, 'COALESCE(oc.path, os.path)', 'p.pushed_by');
    const rows = await selectRows(
      this.db.manager,
      'SELECT p.id AS id, p.pushed_at AS at, v.title AS title, b.kind AS kind, COALESCE(oc.name, g.name) AS groupName, p.bulletin_id AS bulletinId, p.group_id AS groupId FROM bulletin_pushes p ' +
        'JOIN bulletins b ON b.id = p.bulletin_id JOIN bulletin_versions v ON v.id = p.version_id JOIN police_groups g ON g.id = p.group_id ' +
        'LEFT JOIN org_units oc ON oc.id = g.community_id LEFT JOIN org_units os ON os.id = g.station_id ' +
        `WHERE p.pushed_at >= ? AND p.pushed_at < ? AND p.pushed_at <= ? AND ${scope.sql} ORDER BY p.pushed_at, p.id`,
      [range.from, range.to, now, ...scope.values],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      at: r.at instanceof Date ? r.at : new Date(`${String(r.at).replace(' ', 'T')}Z`),
      title: String(r.title),
      kind: String(r.kind),
      groupName: String(r.groupName),
      bulletinId: Number(r.bulletinId),
      groupId: Number(r.groupId),
    }));
  }
}

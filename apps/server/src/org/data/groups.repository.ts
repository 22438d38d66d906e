import { GroupKind, MembershipStatus } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Database, selectRows } from '../../common/db';
import type { Scope } from '../scope';

/** A group (一警一群 or enterprise group) with its place: its community's path and officer, or for an enterprise group its station's path and owner. */
export interface GroupPlaceRow {
  id: number;
  name: string;
  kind: GroupKind;
  path: string;
  officerId: number | null;
}

const GROUP_SELECT =
  'SELECT g.id AS id, g.name AS name, g.kind AS kind, COALESCE(c.path, s.path) AS path, ' +
  'CASE WHEN g.community_id IS NULL THEN g.owner_id ELSE c.officer_id END AS officerId ' +
  'FROM police_groups g JOIN org_units s ON s.id = g.station_id LEFT JOIN org_units c ON c.id = g.community_id';

const toRow = (r: Record<string, unknown>): GroupPlaceRow => ({
  id: Number(r.id), name: String(r.name), kind: r.kind as GroupKind, path: String(r.path), officerId: r.officerId === null ? null : Number(r.officerId),
});

/** The statements other features' faces need on groups, memberships and org units (org/groups-api.ts). */
@Injectable()
export class GroupsRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly number[]): Promise<GroupPlaceRow[]> {
    if (!ids.length) return [];
    const rows = await selectRows(this.db.manager, `${GROUP_SELECT} WHERE g.id IN (${ids.map(() => '?').join(', ')})`, ids);
    return rows.map(toRow);
  }

  /** Community groups of the communities in scope, and enterprise groups a leader's subtree holds or an officer owns. */
  async inScope(scope: Scope): Promise<GroupPlaceRow[]> {
    let where: string;
    let values: unknown[];
    switch (scope.kind) {
      case 'subtree':
        where = "COALESCE(c.path, s.path) LIKE ? ESCAPE '!'";
        values = [`${scope.pathPrefix.replace(/[!%_]/g, (x) => `!${x}`)}%`];
        break;
      case 'officer':
        where = '(c.officer_id = ? OR (g.community_id IS NULL AND g.owner_id = ?))';
        values = [scope.officerId, scope.officerId];
        break;
      default:
        return [];
    }
    const rows = await selectRows(this.db.manager, `${GROUP_SELECT} WHERE ${where} ORDER BY g.id`, values);
    return rows.map(toRow);
  }

  /** The groups of the communities a person is an active member of. */
  async idsOfMember(userId: number): Promise<number[]> {
    const rows = await selectRows<{ id: number }>(
      this.db.manager,
      'SELECT g.id AS id FROM memberships m JOIN police_groups g ON g.community_id = m.community_id WHERE m.user_id = ? AND m.status = ?',
      [userId, MembershipStatus.Active],
    );
    return rows.map((r) => Number(r.id));
  }

  /** Active members per group (enterprise groups have none on record). */
  async memberCounts(groupIds: readonly number[]): Promise<Map<number, number>> {
    if (!groupIds.length) return new Map();
    const rows = await selectRows<{ id: number; n: number }>(
      this.db.manager,
      `SELECT g.id AS id, COUNT(m.id) AS n FROM police_groups g JOIN memberships m ON m.community_id = g.community_id AND m.status = ? WHERE g.id IN (${groupIds.map(() => '?').join(', ')}) GROUP BY g.id`,
      [MembershipStatus.Active, ...groupIds],
    );
    return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
  }

  /** Of `userIds`, how many are active members of each group. */
  async membersAmong(groupIds: readonly number[], userIds: readonly number[]): Promise<Map<number, number>> {
    if (!groupIds.length || !userIds.length) return new Map();
    const rows = await selectRows<{ id: number; n: number }>(
      this.db.manager,
      'SELECT g.id AS id, COUNT(m.id) AS n FROM police_groups g JOIN memberships m ON m.community_id = g.community_id AND m.status = ? ' +
        `WHERE g.id IN (${groupIds.map(() => '?').join(', ')}) AND m.user_id IN (${userIds.map(() => '?').join(', ')}) GROUP BY g.id`,
      [MembershipStatus.Active, ...groupIds, ...userIds],
    );
    return new Map(rows.map((r) => [Number(r.id), Number(r.n)]));
  }

  async unit(id: number): Promise<{ id: number; name: string; path: string } | null> {
    const rows = await selectRows<{ id: number; name: string; path: string }>(this.db.manager, 'SELECT id, name, path FROM org_units WHERE id = ?', [id]);
    return rows[0] ? { id: Number(rows[0].id), name: rows[0].name, path: rows[0].path } : null;
  }
}

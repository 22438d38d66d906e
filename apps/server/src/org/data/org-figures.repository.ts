import { GroupKind, MembershipStatus, OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FigureTarget, selectRows } from '../../common/db';

/** A node of the jurisdiction tree as figures need it. */
export interface FigureUnit {
  id: number;
  name: string;
  level: OrgLevel;
  path: string;
  parentId: number | null;
  officerId: number | null;
}

const UNIT_COLUMNS = 'u.id, u.name, u.level, u.path, u.parent_id AS parentId, u.officer_id AS officerId';

const toUnit = (r: Record<string, unknown>): FigureUnit => ({
  id: Number(r.id),
  name: String(r.name),
  level: r.level as OrgLevel,
  path: String(r.path),
  parentId: r.parentId == null ? null : Number(r.parentId),
  officerId: r.officerId == null ? null : Number(r.officerId),
});

/** Figures' reads of the jurisdiction tree and of 一警一群 coverage (docs/figures.md). */
@Injectable()
export class OrgFiguresRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async unit(id: number): Promise<FigureUnit | null> {
    const rows = await selectRows(this.dataSource.manager, UNIT_BY_ID_SQL, [id]);
    return rows[0] ? toUnit(rows[0]) : null;
  }

  /** The children of a node, by name. */
  async children(parentId: number): Promise<FigureUnit[]> {
    const rows = await selectRows(this.dataSource.manager, UNIT_CHILDREN_SQL, [parentId]);
    return rows.map(toUnit);
  }

  /** Every community of the city (the daily snapshot is made per community). */
  async communities(): Promise<FigureUnit[]> {
    return this.ofLevel(OrgLevel.Community);
  }

  /** Every station: the place of its enterprise groups (a push into one belongs to no community). */
  async stations(): Promise<FigureUnit[]> {
    return this.ofLevel(OrgLevel.Station);
  }

  private async ofLevel(level: OrgLevel): Promise<FigureUnit[]> {
    const rows = await selectRows(this.dataSource.manager, `SELECT ${UNIT_COLUMNS} FROM org_units u WHERE u.level = ? ORDER BY u.id`, [level]);
    return rows.map(toUnit);
  }

  /** 一警一群 coverage now: groups, active members, distinct people among them, enterprises of the enterprise groups. */
  async coverage(target: FigureTarget): Promise<{ groups: number; members: number; residents: number; enterprises: number }> {
    const m = this.dataSource.manager;
    const q = coverageQueries(target);
    const [groups, enterprises, members] = await Promise.all([selectRows(m, q.groups.sql, q.groups.values), selectRows(m, q.enterprises.sql, q.enterprises.values), selectRows(m, q.members.sql, q.members.values)]);
    return {
      groups: Number(groups[0]?.n ?? 0) + Number(enterprises[0]?.n ?? 0),
      members: Number(members[0]?.members ?? 0),
      residents: Number(members[0]?.residents ?? 0),
      enterprises: Number(enterprises[0]?.enterprises ?? 0),
    };
  }
}

/** The three statements of 一警一群 coverage (GET /api/figures sends them; so does the bench's baseline). */
export function coverageQueries(target: FigureTarget): Record<'groups' | 'enterprises' | 'members', { sql: string; values: unknown[] }> {
  const community = target.kind === 'subtree' ? { sql: 'o.path LIKE ?', value: `${target.pathPrefix}%` } : { sql: 'o.officer_id = ?', value: target.officerId };
  const enterprise = target.kind === 'subtree' ? { sql: 's.path LIKE ?', value: `${target.pathPrefix}%` } : { sql: 'g.owner_id = ?', value: target.officerId };
  return {
    groups: { sql: `SELECT COUNT(*) AS n FROM police_groups g JOIN org_units o ON o.id = g.community_id WHERE g.kind = ? AND ${community.sql}`, values: [GroupKind.Community, community.value] },
    enterprises: {
      sql: `SELECT COUNT(*) AS n, COALESCE(SUM(g.enterprise_count), 0) AS enterprises FROM police_groups g JOIN org_units s ON s.id = g.station_id WHERE g.kind = ? AND ${enterprise.sql}`,
      values: [GroupKind.Enterprise, enterprise.value],
    },
    members: {
      sql: `SELECT COUNT(*) AS members, COUNT(DISTINCT mm.user_id) AS residents FROM memberships mm JOIN org_units o ON o.id = mm.community_id WHERE mm.status = ? AND ${community.sql}`,
      values: [MembershipStatus.Active, community.value],
    },
  };
}

/** A unit by id, and the children of a unit (GET /api/figures: the node, and the nodes it is ranked among). */
export const UNIT_BY_ID_SQL = `SELECT ${UNIT_COLUMNS} FROM org_units u WHERE u.id = ?`;
export const UNIT_CHILDREN_SQL = `SELECT ${UNIT_COLUMNS} FROM org_units u WHERE u.parent_id = ? ORDER BY u.id`;

import { MembershipStatus, OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { SelectQueryBuilder } from 'typeorm';
import { rawPage } from '../../common/paging';
import { containsPattern, Database, selectRows } from '../../common/db';
import { Scope } from '../scope';
import { communityPage } from './community-page-sql';
import { OrgUnitEntity } from './org-unit.entity';

export interface CommunityRow {
  id: number;
  name: string;
  path: string;
  officerId: number | null;
  stationId: number;
  stationName: string;
  branchName: string;
  officerName: string | null;
  officerPhone: string | null;
  officerPhotoUrl: string | null;
  /** The latest month the officer was named 成绩突出社区民警 (rewards' officer_honours, read here for the card). */
  officerHonourMonth: string | null;
  groupName: string | null;
}

/** A community as the 工作台 lists it: with its active and pending member counts. */
export interface CommunityCountedRow extends CommunityRow {
  memberCount: number;
  pendingCount: number;
}

/**
 * Communities (org units of level community) with their station, branch, officer and group, as
 * lists and pages show them. Queries that return records take the caller's Scope, so a list can
 * never be read outside it.
 */
@Injectable()
export class CommunitiesRepository {
  constructor(private readonly db: Database) {}

  /**
   * Communities with their station, branch, officer and group. `counts` adds the active and
   * pending member counts as subqueries (a community's own page); 工作台's list counts those of
   * its page only (countedCommunitiesInScope): counting all 453 of the city's communities (their
   * ~130,000 memberships) takes ~32 ms.
   */
  private communityQuery(counts = false): SelectQueryBuilder<OrgUnitEntity> {
    const qb = this.db.manager
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('c')
      .innerJoin(OrgUnitEntity, 's', 's.id = c.parent_id')
      .innerJoin(OrgUnitEntity, 'b', 'b.id = s.parent_id')
      .leftJoin('users', 'u', 'u.id = c.officer_id')
      .leftJoin('police_groups', 'g', 'g.community_id = c.id')
      .select([
        'c.id AS id', 'c.name AS name', 'c.path AS path', 'c.officer_id AS officerId',
        's.id AS stationId', 's.name AS stationName', 'b.name AS branchName',
        'u.nickname AS officerName', 'u.work_phone AS officerPhone', 'u.photo_url AS officerPhotoUrl',
        'g.name AS groupName',
        // 成绩突出社区民警 on the officer card: a read of the rewards feature's table (docs/rewards.md).
        '(SELECT MAX(h.month) FROM officer_honours h WHERE h.officer_id = c.officer_id) AS officerHonourMonth',
      ])
      .where('c.level = :level', { level: OrgLevel.Community })
      .orderBy('c.id', 'ASC');
    if (!counts) return qb;
    return qb
      .addSelect(`(SELECT COUNT(*) FROM memberships m WHERE m.community_id = c.id AND m.status = '${MembershipStatus.Active}')`, 'memberCount')
      .addSelect(`(SELECT COUNT(*) FROM memberships m WHERE m.community_id = c.id AND m.status = '${MembershipStatus.Pending}')`, 'pendingCount');
  }

  private static toCommunityRow(raw: Record<string, unknown>): CommunityRow {
    return {
      id: Number(raw.id),
      name: String(raw.name),
      path: String(raw.path),
      officerId: raw.officerId == null ? null : Number(raw.officerId),
      stationId: Number(raw.stationId),
      stationName: String(raw.stationName),
      branchName: String(raw.branchName),
      officerName: raw.officerName == null ? null : String(raw.officerName),
      officerPhone: raw.officerPhone == null ? null : String(raw.officerPhone),
      officerPhotoUrl: raw.officerPhotoUrl == null ? null : String(raw.officerPhotoUrl),
      officerHonourMonth: raw.officerHonourMonth == null ? null : String(raw.officerHonourMonth),
      groupName: raw.groupName == null ? null : String(raw.groupName),
    };
  }

  private static toCountedRow(raw: Record<string, unknown>): CommunityCountedRow {
    return { ...CommunitiesRepository.toCommunityRow(raw), memberCount: Number(raw.memberCount ?? 0), pendingCount: Number(raw.pendingCount ?? 0) };
  }

  private applyScope(qb: SelectQueryBuilder<OrgUnitEntity>, scope: Scope): SelectQueryBuilder<OrgUnitEntity> | null {
    switch (scope.kind) {
      case 'subtree':
        return qb.andWhere('c.path LIKE :prefix', { prefix: `${scope.pathPrefix}%` });
      case 'officer':
        return qb.andWhere('c.officer_id = :officerId', { officerId: scope.officerId });
      case 'self':
        return qb.andWhere(
          `c.id IN (SELECT m2.community_id FROM memberships m2 WHERE m2.user_id = :selfId AND m2.status = '${MembershipStatus.Active}')`,
          { selfId: scope.userId },
        );
      case 'none':
        return null;
    }
  }

  async communitiesInScope(scope: Scope): Promise<CommunityRow[]> {
    const qb = this.applyScope(this.communityQuery(), scope);
    if (!qb) return [];
    return (await qb.getRawMany<Record<string, unknown>>()).map(CommunitiesRepository.toCommunityRow);
  }

  /**
   * The 工作台 list: one page of the communities in scope, with their member counts; `q` finds
   * communities by their or their station's name (a branch leader has ~110 of them, the city 453).
   */
  async countedCommunitiesInScope(scope: Scope, page: number, pageSize: number, q?: string, underPath?: string): Promise<{ rows: CommunityCountedRow[]; total: number }> {
    const { rows: raws, total } = await communityPage(this.db.manager, scope, page, pageSize, q, underPath);
    if (!raws.length) return { rows: [], total };
    const counts = await this.memberCountsOf(raws.map((r) => Number(r.id)));
    return {
      rows: raws.map((raw) => ({ ...CommunitiesRepository.toCommunityRow(raw), ...(counts.get(Number(raw.id)) ?? { memberCount: 0, pendingCount: 0 }) })),
      total,
    };
  }

  /** Active and pending member counts of communities, in one grouped statement. */
  private async memberCountsOf(ids: number[]): Promise<Map<number, { memberCount: number; pendingCount: number }>> {
    const rows = await selectRows<{ id: unknown; status: string; n: unknown }>(
      this.db.manager,
      `SELECT community_id AS id, status, COUNT(*) AS n FROM memberships WHERE community_id IN (${ids.map(() => '?').join(', ')}) ` +
        'AND status IN (?, ?) GROUP BY community_id, status',
      [...ids, MembershipStatus.Active, MembershipStatus.Pending],
    );
    const counts = new Map(ids.map((id) => [id, { memberCount: 0, pendingCount: 0 }]));
    for (const r of rows) {
      const count = counts.get(Number(r.id));
      if (!count) continue;
      if (r.status === MembershipStatus.Active) count.memberCount = Number(r.n);
      else count.pendingCount = Number(r.n);
    }
    return counts;
  }

  /** A page of communities (raw rows), optionally those whose name or station's name contains `q`. */
  private static pageOf(qb: SelectQueryBuilder<OrgUnitEntity>, page: number, pageSize: number, q?: string): Promise<{ rows: Record<string, unknown>[]; total: number }> {
    if (q) qb.andWhere("(c.name LIKE :q ESCAPE '!' OR s.name LIKE :q ESCAPE '!')", { q: containsPattern(q) });
    return rawPage(qb, page, pageSize);
  }

  async communityInScope(scope: Scope, id: number): Promise<CommunityRow | null> {
    const qb = this.applyScope(this.communityQuery().andWhere('c.id = :id', { id }), scope);
    if (!qb) return null;
    const raw = await qb.getRawOne<Record<string, unknown>>();
    return raw ? CommunitiesRepository.toCommunityRow(raw) : null;
  }

  /**
   * The community directory residents pick from when asking to join. It holds only public
   * facts (names, station, the officer's work contact), so it is not scoped.
   */
  async communityDirectory(page: number, pageSize: number, q?: string): Promise<{ rows: CommunityRow[]; total: number }> {
    const { rows, total } = await CommunitiesRepository.pageOf(this.communityQuery(), page, pageSize, q);
    return { rows: rows.map(CommunitiesRepository.toCommunityRow), total };
  }

  async communityById(id: number): Promise<CommunityRow | null> {
    const raw = await this.communityQuery().andWhere('c.id = :id', { id }).getRawOne<Record<string, unknown>>();
    return raw ? CommunitiesRepository.toCommunityRow(raw) : null;
  }

  async countedCommunityById(id: number): Promise<CommunityCountedRow | null> {
    const raw = await this.communityQuery(true).andWhere('c.id = :id', { id }).getRawOne<Record<string, unknown>>();
    return raw ? CommunitiesRepository.toCountedRow(raw) : null;
  }

  /** The communities of `ids` that exist, by id (one query for a list of memberships). */
  async communitiesByIds(ids: readonly number[]): Promise<Map<number, CommunityRow>> {
    if (!ids.length) return new Map();
    const raws = await this.communityQuery().andWhere('c.id IN (:...ids)', { ids: [...new Set(ids)] }).getRawMany<Record<string, unknown>>();
    const byId = new Map<number, CommunityRow>();
    // A community listed twice (two groups) is taken at its first row, as communityById takes it.
    for (const row of raws.map(CommunitiesRepository.toCommunityRow)) if (!byId.has(row.id)) byId.set(row.id, row);
    return byId;
  }

  /** Which of the communities `ids` the scope covers (one query, whatever their number). */
  async communityIdsInScope(scope: Scope, ids: readonly number[]): Promise<Set<number>> {
    if (!ids.length) return new Set();
    const qb = this.applyScope(this.communityQuery().andWhere('c.id IN (:...ids)', { ids: [...new Set(ids)] }), scope);
    if (!qb) return new Set();
    return new Set((await qb.getRawMany<Record<string, unknown>>()).map((raw) => Number(raw.id)));
  }

  /** Join requests waiting in the communities of a scope (待审核 on 工作台). */
  async pendingJoinCount(scope: Scope): Promise<number> {
    const qb = this.db.manager
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('c')
      .innerJoin('memberships', 'm', 'm.community_id = c.id')
      .where('c.level = :level', { level: OrgLevel.Community })
      .andWhere('m.status = :pending', { pending: MembershipStatus.Pending });
    const scoped = this.applyScope(qb, scope);
    return scoped ? scoped.getCount() : 0;
  }
}

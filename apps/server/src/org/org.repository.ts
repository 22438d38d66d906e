import { MembershipStatus, OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { parseDbDate } from '../common/db-date';
import { rawPage } from '../common/paging';
import { containsPattern } from '../common/db';
import { FieldCipher } from '../personal-data/field-cipher';
import { PoliceGroupEntity } from './group.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { Scope } from './scope';

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
  groupName: string | null;
}

/** A community as the 工作台 lists it: with its active and pending member counts. */
export interface CommunityCountedRow extends CommunityRow {
  memberCount: number;
  pendingCount: number;
}

export interface MemberRow {
  membershipId: number;
  communityId: number;
  userId: number;
  nickname: string;
  phone: string | null;
  memberType: string;
  status: MembershipStatus;
  isInformant: boolean;
  joinedAt: Date | null;
  /** 申请说明, decrypted (personal data: the service decides who sees it). */
  note: string | null;
}

/**
 * Data access for the jurisdiction tree. Queries that return records take the caller's Scope,
 * so a list can never be read outside it.
 */
@Injectable()
export class OrgRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Communities with their station, branch, officer and group. `counts` adds the active and
   * pending member counts, which only 工作台 shows, as subqueries that MariaDB evaluates for the
   * rows returned only: 1.6 ms for a page of 20 of the city's communities, against 32 ms for all
   * 453 (their ~130,000 memberships), so the list is paged.
   */
  private communityQuery(counts = false): SelectQueryBuilder<OrgUnitEntity> {
    const qb = this.dataSource
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
      groupName: raw.groupName == null ? null : String(raw.groupName),
    };
  }

  private static toCountedRow(raw: Record<string, unknown>): CommunityCountedRow {
    return { ...OrgRepository.toCommunityRow(raw), memberCount: Number(raw.memberCount ?? 0), pendingCount: Number(raw.pendingCount ?? 0) };
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
    return (await qb.getRawMany<Record<string, unknown>>()).map(OrgRepository.toCommunityRow);
  }

  /**
   * The 工作台 list: one page of the communities in scope, with their member counts; `q` finds
   * communities by their or their station's name (a branch leader has ~110 of them, the city 453).
   */
  async countedCommunitiesInScope(scope: Scope, page: number, pageSize: number, q?: string, underPath?: string): Promise<{ rows: CommunityCountedRow[]; total: number }> {
    const qb = this.applyScope(this.communityQuery(true), scope);
    if (!qb) return { rows: [], total: 0 };
    if (underPath) qb.andWhere('c.path LIKE :under', { under: `${underPath}%` });
    const { rows, total } = await OrgRepository.pageOf(qb, page, pageSize, q);
    return { rows: rows.map(OrgRepository.toCountedRow), total };
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
    return raw ? OrgRepository.toCommunityRow(raw) : null;
  }

  /**
   * The community directory residents pick from when asking to join. It holds only public
   * facts (names, station, the officer's work contact), so it is not scoped.
   */
  async communityDirectory(page: number, pageSize: number, q?: string): Promise<{ rows: CommunityRow[]; total: number }> {
    const { rows, total } = await OrgRepository.pageOf(this.communityQuery(), page, pageSize, q);
    return { rows: rows.map(OrgRepository.toCommunityRow), total };
  }

  async communityById(id: number): Promise<CommunityRow | null> {
    const raw = await this.communityQuery().andWhere('c.id = :id', { id }).getRawOne<Record<string, unknown>>();
    return raw ? OrgRepository.toCommunityRow(raw) : null;
  }

  async countedCommunityById(id: number): Promise<CommunityCountedRow | null> {
    const raw = await this.communityQuery(true).andWhere('c.id = :id', { id }).getRawOne<Record<string, unknown>>();
    return raw ? OrgRepository.toCountedRow(raw) : null;
  }

  private memberQuery() {
    return this.dataSource
      .createQueryBuilder()
      .from('memberships', 'm')
      .innerJoin('users', 'u', 'u.id = m.user_id')
      .select([
        'm.id AS membershipId', 'm.community_id AS communityId', 'u.id AS userId', 'u.nickname AS nickname', 'u.phone_enc AS phoneEnc',
        'm.member_type AS memberType', 'm.status AS status', 'u.is_informant AS isInformant', 'm.joined_at AS joinedAt',
        'm.note_enc AS noteEnc',
      ]);
  }

  private static toMemberRow(r: Record<string, unknown>): MemberRow {
    return {
      membershipId: Number(r.membershipId),
      communityId: Number(r.communityId),
      userId: Number(r.userId),
      nickname: String(r.nickname),
      phone: r.phoneEnc == null ? null : FieldCipher.decrypt(String(r.phoneEnc)),
      note: r.noteEnc == null ? null : FieldCipher.decrypt(String(r.noteEnc)),
      memberType: String(r.memberType),
      status: r.status as MembershipStatus,
      isInformant: Boolean(Number(r.isInformant)),
      joinedAt: parseDbDate(r.joinedAt),
    };
  }

  /**
   * One page of a community's members in the given statuses, oldest membership first, with the
   * total (off ix_memberships_community_status). Callers check the community is in scope first.
   */
  async membersOf(communityId: number, statuses: MembershipStatus[], page: number, pageSize: number): Promise<{ rows: MemberRow[]; total: number }> {
    const inCommunity = <Q extends SelectQueryBuilder<ObjectLiteral>>(qb: Q) =>
      qb.where('m.community_id = :communityId', { communityId }).andWhere('m.status IN (:...statuses)', { statuses });
    // The count reads the index alone (0.4 ms for ~290 members against 1.0 ms joined to users).
    const counted = inCommunity(this.dataSource.createQueryBuilder().from('memberships', 'm'));
    const { rows, total } = await rawPage(inCommunity(this.memberQuery()).orderBy('m.id', 'ASC'), page, pageSize, counted);
    return { rows: rows.map(OrgRepository.toMemberRow), total };
  }

  /** One membership with its member, whatever its community (callers check the community). */
  async memberById(membershipId: number): Promise<MemberRow | null> {
    const raw = await this.memberQuery().where('m.id = :membershipId', { membershipId }).getRawOne<Record<string, unknown>>();
    return raw ? OrgRepository.toMemberRow(raw) : null;
  }

  /** Community groups of communities in scope, and enterprise groups of stations in a leader's subtree. */
  async groupsInScope(scope: Scope): Promise<PoliceGroupEntity[]> {
    const repo = this.dataSource.getRepository(PoliceGroupEntity);
    const communityIds = (await this.communitiesInScope(scope)).map((c) => c.id);
    const qb = repo.createQueryBuilder('g').where('1 = 0');
    if (communityIds.length) qb.orWhere('g.community_id IN (:...communityIds)', { communityIds });
    if (scope.kind === 'subtree') {
      qb.orWhere(
        `g.community_id IS NULL AND g.station_id IN (SELECT s.id FROM org_units s WHERE s.path LIKE :groupPrefix)`,
        { groupPrefix: `${scope.pathPrefix}%` },
      );
    }
    return qb.orderBy('g.id', 'ASC').getMany();
  }

  async unitsInScope(scope: Scope): Promise<OrgUnitEntity[]> {
    const repo = this.dataSource.getRepository(OrgUnitEntity);
    if (scope.kind !== 'subtree') {
      const communities = await this.communitiesInScope(scope);
      return communities.length ? repo.createQueryBuilder('o').where('o.id IN (:...ids)', { ids: communities.map((c) => c.id) }).getMany() : [];
    }
    return repo.createQueryBuilder('o').where('o.path LIKE :prefix', { prefix: `${scope.pathPrefix}%` }).orderBy('o.path', 'ASC').getMany();
  }

  /** The station a unit belongs to (the unit itself for a station, its parent for a community), or null above stations. */
  async stationOf(unitId: number): Promise<OrgUnitEntity | null> {
    const repo = this.dataSource.getRepository(OrgUnitEntity);
    const unit = await repo.findOne({ where: { id: unitId } });
    if (!unit) return null;
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    return repo.findOne({ where: { id: In(ids), level: OrgLevel.Station } });
  }

  /** Join requests waiting in the communities of a scope (待审核 on 工作台). */
  async pendingJoinCount(scope: Scope): Promise<number> {
    const qb = this.dataSource
      .getRepository(OrgUnitEntity)
      .createQueryBuilder('c')
      .innerJoin('memberships', 'm', 'm.community_id = c.id')
      .where('c.level = :level', { level: OrgLevel.Community })
      .andWhere('m.status = :pending', { pending: MembershipStatus.Pending });
    const scoped = this.applyScope(qb, scope);
    return scoped ? scoped.getCount() : 0;
  }

  async unitById(id: number): Promise<OrgUnitEntity | null> {
    return this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }

  /**
   * The branches or stations directly under `parent`, each with its number of communities and of
   * join requests waiting in them (工作台 drill-down). The caller checks `parent` is in scope.
   */
  async childUnitsWithCounts(parent: OrgUnitEntity): Promise<{ unit: OrgUnitEntity; communityCount: number; pendingCount: number }[]> {
    const repo = this.dataSource.getRepository(OrgUnitEntity);
    const prefix = `${parent.path}%`;
    const [children, communities, pending] = await Promise.all([
      repo.find({ where: { parentId: parent.id }, order: { name: 'ASC' } }),
      repo.createQueryBuilder('c').select('c.path', 'path').where('c.level = :level', { level: OrgLevel.Community }).andWhere('c.path LIKE :prefix', { prefix }).getRawMany<{ path: string }>(),
      repo.createQueryBuilder('c').innerJoin('memberships', 'm', 'm.community_id = c.id').select('c.path', 'path').addSelect('COUNT(*)', 'n')
        .where('c.path LIKE :prefix', { prefix }).andWhere('m.status = :pending', { pending: MembershipStatus.Pending }).groupBy('c.path')
        .getRawMany<{ path: string; n: number | string }>(),
    ]);
    return children
      .filter((u) => u.level !== OrgLevel.Community)
      .map((unit) => ({
        unit,
        communityCount: communities.filter((c) => c.path.startsWith(unit.path)).length,
        pendingCount: pending.filter((p) => p.path.startsWith(unit.path)).reduce((sum, p) => sum + Number(p.n), 0),
      }));
  }
}

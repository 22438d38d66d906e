import { MembershipStatus, OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database } from '../../common/db';
import { Scope } from '../scope';
import { CommunitiesRepository } from './communities.repository';
import { PoliceGroupEntity } from './group.entity';
import { OrgUnitEntity } from './org-unit.entity';

/** The jurisdiction tree (org units of every level) and the police groups (一警一群) in it. */
@Injectable()
export class OrgUnitsRepository {
  constructor(
    private readonly db: Database,
    private readonly communities: CommunitiesRepository,
  ) {}

  /** Community groups of communities in scope, and enterprise groups of stations in a leader's subtree. */
  async groupsInScope(scope: Scope): Promise<PoliceGroupEntity[]> {
    const repo = this.db.manager.getRepository(PoliceGroupEntity);
    const communityIds = (await this.communities.communitiesInScope(scope)).map((c) => c.id);
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
    const repo = this.db.manager.getRepository(OrgUnitEntity);
    if (scope.kind !== 'subtree') {
      const communities = await this.communities.communitiesInScope(scope);
      return communities.length ? repo.createQueryBuilder('o').where('o.id IN (:...ids)', { ids: communities.map((c) => c.id) }).getMany() : [];
    }
    return repo.createQueryBuilder('o').where('o.path LIKE :prefix', { prefix: `${scope.pathPrefix}%` }).orderBy('o.path', 'ASC').getMany();
  }

  /** One unit of `unitsInScope(scope)`, found by id without reading them all. */
  async unitInScope(scope: Scope, id: number): Promise<OrgUnitEntity | null> {
    if (scope.kind !== 'subtree') return (await this.communities.communityIdsInScope(scope, [id])).has(id) ? this.unitById(id) : null;
    const unit = await this.unitById(id);
    return unit && unit.path.startsWith(scope.pathPrefix) ? unit : null;
  }

  /** The station a unit belongs to (the unit itself for a station, its parent for a community), or null above stations. */
  async stationOf(unitId: number): Promise<OrgUnitEntity | null> {
    const repo = this.db.manager.getRepository(OrgUnitEntity);
    const unit = await repo.findOne({ where: { id: unitId } });
    if (!unit) return null;
    const ids = unit.path.split('/').filter(Boolean).map(Number);
    return repo.findOne({ where: { id: In(ids), level: OrgLevel.Station } });
  }


  async unitById(id: number): Promise<OrgUnitEntity | null> {
    return this.db.manager.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }

  /**
   * The branches or stations directly under `parent`, each with its number of communities and of
   * join requests waiting in them (工作台 drill-down). The caller checks `parent` is in scope.
   */
  async childUnitsWithCounts(parent: OrgUnitEntity): Promise<{ unit: OrgUnitEntity; communityCount: number; pendingCount: number }[]> {
    const repo = this.db.manager.getRepository(OrgUnitEntity);
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

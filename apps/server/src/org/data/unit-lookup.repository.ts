import { MembershipStatus, OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Database } from '../../common/db';
import { MembershipEntity } from './membership.entity';
import { OrgUnitEntity } from './org-unit.entity';

/** Org units and memberships as other features read them (through OrgUnits, org/index.ts). */
@Injectable()
export class UnitLookupRepository {
  constructor(private readonly db: Database) {}

  find(id: number, m: EntityManager = this.db.manager): Promise<OrgUnitEntity | null> {
    return m.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }

  findMany(ids: readonly number[], m: EntityManager = this.db.manager): Promise<OrgUnitEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    return m.getRepository(OrgUnitEntity).find({ where: { id: In([...new Set(ids)]) } });
  }

  /** Units of the given levels, in tree order (by path). */
  atLevels(levels: OrgLevel[], m: EntityManager = this.db.manager): Promise<OrgUnitEntity[]> {
    return m.getRepository(OrgUnitEntity).find({ where: { level: In(levels) }, order: { path: 'ASC', id: 'ASC' } });
  }

  isActiveMember(userId: number, communityId: number, m: EntityManager = this.db.manager): Promise<boolean> {
    return m.getRepository(MembershipEntity).exists({ where: { userId, communityId, status: MembershipStatus.Active } });
  }
}

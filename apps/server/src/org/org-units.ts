import { OrgLevel } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OrgUnitEntity } from './data/org-unit.entity';
import { UnitLookupRepository } from './data/unit-lookup.repository';

/**
 * Org units (市局, 分县局, 派出所, 社区) and active memberships as other features read them, in their
 * transaction when they pass `m`. Module: OrgUnitsModule, which imports nothing, so any feature
 * module may import it (OrgModule itself imports identity and notifications).
 */
@Injectable()
export class OrgUnits {
  constructor(private readonly units: UnitLookupRepository) {}

  find(id: number, m?: EntityManager): Promise<OrgUnitEntity | null> {
    return this.units.find(id, m);
  }

  /** A community (an org unit of level community) by id, or null. */
  async community(id: number, m?: EntityManager): Promise<OrgUnitEntity | null> {
    const unit = await this.units.find(id, m);
    return unit?.level === OrgLevel.Community ? unit : null;
  }

  /** The units of `ids` that exist, by id. */
  async findMany(ids: readonly number[], m?: EntityManager): Promise<Map<number, OrgUnitEntity>> {
    return new Map((await this.units.findMany(ids, m)).map((u) => [u.id, u]));
  }

  /** The units of these levels, in tree order. */
  atLevels(levels: OrgLevel[], m?: EntityManager): Promise<OrgUnitEntity[]> {
    return this.units.atLevels(levels, m);
  }

  /** Whether the user is an active member of the community. */
  isActiveMember(userId: number, communityId: number, m?: EntityManager): Promise<boolean> {
    return this.units.isActiveMember(userId, communityId, m);
  }
}

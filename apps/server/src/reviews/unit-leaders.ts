import { OrgLevel, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Accounts } from '../identity';
import { OrgUnits } from '../org';
import type { OrgUnitEntity } from '../org';

const LEADER_OF_LEVEL: Partial<Record<OrgLevel, Role>> = {
  [OrgLevel.Station]: Role.StationLeader, [OrgLevel.Branch]: Role.BranchLeader, [OrgLevel.City]: Role.CityLeader,
};

/** Who leads a unit: its enabled leaders of the unit's level (派出所领导, 分县局领导, 市局领导). */
@Injectable()
export class UnitLeaders {
  constructor(private readonly units: OrgUnits, private readonly accounts: Accounts) {}

  async of(unit: OrgUnitEntity | null): Promise<number[]> {
    const role = unit && LEADER_OF_LEVEL[unit.level];
    if (!unit || !role) return [];
    return (await this.accounts.staffOf(unit.id, role)).filter((u) => !u.disabled).map((u) => u.id);
  }

  /** The unit above (the city for the city itself: there is none higher). */
  async above(unit: OrgUnitEntity): Promise<OrgUnitEntity | null> {
    return unit.parentId ? this.units.find(unit.parentId) : unit;
  }

  /** The leaders of a unit and of the one above it. */
  async around(unitId: number): Promise<number[]> {
    const unit = await this.units.find(unitId);
    if (!unit) return [];
    const above = unit.parentId ? await this.units.find(unit.parentId) : null;
    return [...new Set([...(await this.of(unit)), ...(await this.of(above))])];
  }
}

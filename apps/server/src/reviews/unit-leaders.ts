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

  /** The police of a unit's jurisdiction (who may own a review decision): its leaders and those of the units below, and the stations' officers. */
  async police(unit: OrgUnitEntity): Promise<{ id: number; name: string }[]> {
    const units = (await this.units.atLevels([OrgLevel.City, OrgLevel.Branch, OrgLevel.Station])).filter((u) => u.path.startsWith(unit.path));
    const out: { id: number; name: string }[] = [];
    for (const u of units) {
      const roles = [LEADER_OF_LEVEL[u.level], ...(u.level === OrgLevel.Station ? [Role.CommunityOfficer] : [])].filter((r): r is Role => Boolean(r));
      for (const role of roles) out.push(...(await this.accounts.staffOf(u.id, role)).filter((p) => !p.disabled).map((p) => ({ id: p.id, name: p.nickname })));
    }
    return out;
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

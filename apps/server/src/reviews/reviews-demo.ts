import { OrgLevel, Role } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { Accounts } from '../identity';
import { OrgUnits } from '../org';
import { MajorIssuesRepository } from './data/major-issues.repository';

/** The demo's 挂点: every station without a linked city leader gets the first one (city_leader1). */
@Injectable()
export class ReviewsDemo {
  constructor(private readonly units: OrgUnits, private readonly accounts: Accounts, private readonly issues: MajorIssuesRepository) {}

  async seed(): Promise<number> {
    const [leader] = await this.accounts.withRole(Role.CityLeader);
    if (!leader) return 0;
    let linked = 0;
    for (const station of await this.units.atLevels([OrgLevel.Station])) {
      if (await this.issues.linkedLeader(station.id)) continue;
      await this.issues.link(station.id, leader.id);
      linked++;
    }
    return linked;
  }
}

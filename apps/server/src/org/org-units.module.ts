import { Module } from '@nestjs/common';
import { UnitLookupRepository } from './data/unit-lookup.repository';
import { OrgUnits } from './org-units';
import { GroupsRepository } from './data/groups.repository';
import { GroupsApi } from './groups-api';
import { HandoverHooks } from './handover-hooks';

/** OrgUnits for any feature: it imports no other feature's module, so it never closes a cycle. */
@Module({
  providers: [UnitLookupRepository, OrgUnits, GroupsRepository, GroupsApi, HandoverHooks],
  exports: [OrgUnits, GroupsApi, HandoverHooks],
})
export class OrgUnitsModule {}

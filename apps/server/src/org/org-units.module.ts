import { Module } from '@nestjs/common';
import { UnitLookupRepository } from './data/unit-lookup.repository';
import { OrgUnits } from './org-units';

/** OrgUnits for any feature: it imports no other feature's module, so it never closes a cycle. */
@Module({
  providers: [UnitLookupRepository, OrgUnits],
  exports: [OrgUnits],
})
export class OrgUnitsModule {}

import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications/notifications.module';
import { CommunitiesService } from './communities.service';
import { CommunityListVersion } from './community-list-version';
import { CommunitiesRepository } from './data/communities.repository';
import { HandoversRepository } from './data/handovers.repository';
import { InvitesRepository } from './data/invites.repository';
import { MembershipsRepository } from './data/memberships.repository';
import { OrgUnitsRepository } from './data/org-units.repository';
import { HandoverService } from './handover.service';
import { InvitesService } from './invites.service';
import { MembersService } from './members.service';
import { MembershipsService } from './memberships.service';
import { OrgFiguresRepository } from './data/org-figures.repository';
import { OrgController } from './org.controller';
import { OrgUnitsModule } from './org-units.module';
import { WorkbenchPages } from './workbench-pages';

/** Jurisdiction, communities and memberships (一警一群). */
@Module({
  imports: [IdentityModule, NotificationsModule, OrgUnitsModule],
  controllers: [OrgController],
  providers: [
    CommunitiesRepository, CommunityListVersion, WorkbenchPages, OrgUnitsRepository, MembershipsRepository, InvitesRepository, HandoversRepository,
    CommunitiesService, MembershipsService, MembersService, InvitesService, HandoverService, OrgFiguresRepository,
  ],
  exports: [CommunitiesService, OrgUnitsModule, OrgFiguresRepository],
})
export class OrgModule {}

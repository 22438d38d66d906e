import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UserEntity } from '../identity/user.entity';
import { CommunityHandoverEntity } from './community-handover.entity';
import { CommunityInviteEntity } from './community-invite.entity';
import { PoliceGroupEntity } from './group.entity';
import { MembershipEntity } from './membership.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { OrgFiguresRepository } from './data/org-figures.repository';
import { OrgController } from './org.controller';
import { OrgRepository } from './org.repository';
import { OrgService } from './org.service';

@Module({
  imports: [
    IdentityModule,
    NotificationsModule,
    TypeOrmModule.forFeature([
      OrgUnitEntity, PoliceGroupEntity, MembershipEntity, CommunityInviteEntity, CommunityHandoverEntity, UserEntity,
    ]),
  ],
  controllers: [OrgController],
  providers: [OrgRepository, OrgService, OrgFiguresRepository],
  exports: [OrgService, OrgRepository, OrgFiguresRepository],
})
export class OrgModule {}

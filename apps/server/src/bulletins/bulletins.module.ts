import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications';
import { OrgUnitsModule } from '../org';
import { UploadsModule } from '../uploads';
import { BulletinFiguresService } from './bulletin-figures.service';
import { BulletinPushesService } from './bulletin-pushes.service';
import { BulletinsController } from './bulletins.controller';
import { BulletinsService } from './bulletins.service';
import { BulletinListsRepository } from './data/bulletin-lists.repository';
import { BulletinPushesRepository } from './data/bulletin-pushes.repository';
import { BulletinReadsRepository } from './data/bulletin-reads.repository';
import { BulletinsRepository } from './data/bulletins.repository';
import { BulletinDemoRepository } from './data/bulletin-demo.repository';
import { RumourReportsRepository } from './data/rumour-reports.repository';
import { BulletinsDemo } from './bulletins-demo';
import { RumourDebunkService } from './rumour-debunk.service';
import { RumoursController } from './rumours.controller';
import { RumoursService } from './rumours.service';

/** 公告 (docs/bulletins.md), with 传言 and their 辟谣. */
@Module({
  imports: [OrgUnitsModule, IdentityModule, NotificationsModule, UploadsModule],
  controllers: [BulletinsController, RumoursController],
  providers: [
    BulletinsRepository, BulletinListsRepository, BulletinPushesRepository, BulletinReadsRepository, RumourReportsRepository,
    BulletinsService, BulletinPushesService, BulletinFiguresService, BulletinDemoRepository, BulletinsDemo, RumourDebunkService, RumoursService,
  ],
  exports: [BulletinsService, BulletinPushesService, BulletinFiguresService, BulletinsDemo],
})
export class BulletinsModule {}

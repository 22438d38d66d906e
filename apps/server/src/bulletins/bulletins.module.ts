import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { OrgUnitsModule } from '../org';
import { BulletinFiguresService } from './bulletin-figures.service';
import { BulletinPushesService } from './bulletin-pushes.service';
import { BulletinsController } from './bulletins.controller';
import { BulletinsService } from './bulletins.service';
import { BulletinListsRepository } from './data/bulletin-lists.repository';
import { BulletinPushesRepository } from './data/bulletin-pushes.repository';
import { BulletinReadsRepository } from './data/bulletin-reads.repository';
import { BulletinsRepository } from './data/bulletins.repository';
import { BulletinDemoRepository } from './data/bulletin-demo.repository';
import { BulletinsDemo } from './bulletins-demo';
import { BulletinNaming } from './bulletin-naming';
import { BulletinNamingRepository } from './data/bulletin-naming.repository';

/** 公告 (docs/bulletins.md). */
@Module({
  imports: [OrgUnitsModule, IdentityModule],
  controllers: [BulletinsController],
  providers: [BulletinsRepository, BulletinListsRepository, BulletinPushesRepository, BulletinReadsRepository, BulletinsService, BulletinPushesService, BulletinFiguresService, BulletinDemoRepository, BulletinsDemo, BulletinNamingRepository, BulletinNaming],
  exports: [BulletinNaming, BulletinsService, BulletinPushesService, BulletinFiguresService, BulletinsDemo],
})
export class BulletinsModule {}

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
import { BulletinSharesService } from './bulletin-shares.service';
import { SharesRepository } from './data/shares.repository';
import { ShareCardsController } from './share-cards.controller';

/** 公告 (docs/bulletins.md). */
@Module({
  imports: [OrgUnitsModule, IdentityModule],
  controllers: [BulletinsController, ShareCardsController],
  providers: [BulletinsRepository, BulletinListsRepository, BulletinPushesRepository, BulletinReadsRepository, BulletinsService, BulletinPushesService, BulletinFiguresService, BulletinDemoRepository, BulletinsDemo,
    SharesRepository, BulletinSharesService],
  exports: [BulletinsService, BulletinPushesService, BulletinFiguresService, BulletinsDemo, BulletinSharesService],
})
export class BulletinsModule {}

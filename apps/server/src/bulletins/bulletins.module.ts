import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications';
import { OrgUnitsModule } from '../org';
import { UploadsModule } from '../uploads';
import { BulletinContentCheck } from './bulletin-content-check';
import { BulletinMediaController } from './bulletin-media.controller';
import { BulletinReviewDeadlinesWorker } from './bulletin-review-deadlines.worker';
import { BulletinSubscribeService } from './bulletin-subscribe.service';
import { BulletinDeadlinesRepository } from './data/bulletin-deadlines.repository';
import { BulletinSubscriptionsRepository } from './data/bulletin-subscriptions.repository';
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
import { BulletinSharesService } from './bulletin-shares.service';
import { SharesRepository } from './data/shares.repository';
import { ShareCardsController } from './share-cards.controller';
import { BulletinNaming } from './bulletin-naming';
import { BulletinNamingRepository } from './data/bulletin-naming.repository';

/** 公告 (docs/bulletins.md), with 传言 and their 辟谣. */
@Module({
  imports: [OrgUnitsModule, IdentityModule, UploadsModule, NotificationsModule],
  // BulletinMediaController first: its `bulletin-subscription` and `bulletins/:id/images/…` routes.
  controllers: [BulletinMediaController, BulletinsController, RumoursController, ShareCardsController],
  providers: [
    BulletinsRepository, BulletinListsRepository, BulletinPushesRepository, BulletinReadsRepository, RumourReportsRepository, SharesRepository,
    BulletinsService, BulletinPushesService, BulletinFiguresService, BulletinDemoRepository, BulletinsDemo, RumourDebunkService, RumoursService,
    BulletinContentCheck, BulletinSubscriptionsRepository, BulletinSubscribeService, BulletinDeadlinesRepository, BulletinReviewDeadlinesWorker,
    BulletinSharesService, BulletinNamingRepository, BulletinNaming,
  ],
  exports: [
    BulletinNaming, BulletinsService, BulletinPushesService, BulletinFiguresService, BulletinsDemo, BulletinSubscribeService, BulletinReviewDeadlinesWorker,
    BulletinSharesService,
  ],
})
export class BulletinsModule {}

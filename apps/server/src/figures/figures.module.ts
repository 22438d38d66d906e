import { Module } from '@nestjs/common';
import { CasesModule } from '../cases';
import { MediationModule } from '../mediation';
import { BulletinsModule } from '../bulletins';
import { OrgModule } from '../org';
import { ServiceGuideModule } from '../service-guide';
import { BULLETIN_PUSH_COUNTS, BulletinsPushCounts } from './bulletin-push-counts';
import { FigureSnapshotsRepository } from './data/figure-snapshots.repository';
import { PreventionActionsRepository } from './data/prevention-actions.repository';
import { FigureSnapshotWorker } from './figure-snapshot.worker';
import { FigureCounting } from './figure-counting';
import { FiguresController } from './figures.controller';
import { FiguresService } from './figures.service';
import { PreventionService } from './prevention.service';
import { DigestSnapshots } from './digest-snapshots';

/**
 * 数据 (issue #22): figures composed from the counting statements of the features that own the
 * tables, and the 安全防范 actions this feature keeps itself (figures/data/).
 */
@Module({
  imports: [BulletinsModule, CasesModule, MediationModule, OrgModule, ServiceGuideModule],
  controllers: [FiguresController],
  providers: [
    FiguresService, PreventionService, FigureCounting, PreventionActionsRepository, FigureSnapshotsRepository, FigureSnapshotWorker, DigestSnapshots,
    { provide: BULLETIN_PUSH_COUNTS, useClass: BulletinsPushCounts },
  ],
  exports: [FiguresService, FigureSnapshotWorker, DigestSnapshots],
})
export class FiguresModule {}

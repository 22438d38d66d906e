/**
 * The bulletins feature's face (docs/architecture.md, docs/bulletins.md). Its data (bulletins/data/)
 * stays inside.
 */
export { BulletinsModule } from './bulletins.module';
export { BulletinsService } from './bulletins.service';
export { BulletinPushesService } from './bulletin-pushes.service';
export { BulletinFiguresService } from './bulletin-figures.service';
export type { PushRecord } from './bulletin-figures.service';
export { BulletinsDemo } from './bulletins-demo';
export type { DemoBulletin, DemoRumour } from './bulletins-demo';
export { BulletinSharesService } from './bulletin-shares.service';
export { BulletinSubscribeService, bulletinMessageData } from './bulletin-subscribe.service';
export { BulletinReviewDeadlinesWorker } from './bulletin-review-deadlines.worker';
export { BulletinNaming, withName } from './bulletin-naming';
export type { NamingRow } from './data/bulletin-naming.repository';

/**
 * The figures feature's face (docs/architecture.md, docs/figures.md): the module, the figures
 * service, the daily snapshots as the 政法委/综治 digest reads them, and the missed-review port.
 * Its data (prevention actions, snapshots: figures/data/) stays inside.
 */
export { FiguresModule } from './figures.module';
export { FiguresService } from './figures.service';
export { DigestSnapshots } from './digest-snapshots';
export type { KeptOpenCase } from './digest-snapshots';
export { FigureSnapshotWorker } from './figure-snapshot.worker';
export { MISSED_REVIEWS } from './missed-reviews';
export type { MissedReviewSource } from './missed-reviews';

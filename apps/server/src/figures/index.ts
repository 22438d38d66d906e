/**
 * The figures feature's face (docs/architecture.md): the module, and the daily snapshots as the
 * 政法委/综治 digest reads them. Its data (figures/data/) stays inside.
 */
export { FiguresModule } from './figures.module';
export { DigestSnapshots } from './digest-snapshots';
export type { KeptOpenCase } from './digest-snapshots';
export { FigureSnapshotWorker } from './figure-snapshot.worker';

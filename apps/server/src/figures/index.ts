/**
 * The figures feature's face (docs/figures.md): what other features may import from figures.
 * Its data (prevention actions, snapshots: figures/data/) stays inside.
 */
export { FiguresModule } from './figures.module';
export { FiguresService } from './figures.service';
export { MISSED_REVIEWS } from './missed-reviews';
export type { MissedReviewSource } from './missed-reviews';

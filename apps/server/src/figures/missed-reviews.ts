import type { MissedReviewRow } from '@jws/contracts';

/**
 * Figures' port for 未按期会商 (docs/reviews.md): the reviews feature provides it
 * (`ReviewFiguresModule`, global), so figures shows the missed reviews of a node without importing
 * reviews, which itself reads figures for its packets. Without it the list is empty.
 */
export const MISSED_REVIEWS = 'figures.missed-reviews';

export interface MissedReviewSource {
  /** The periods that ended without a review, of the node at `pathPrefix` and below, overlapping `from`..`to`. */
  under(pathPrefix: string, from: string, to: string): Promise<MissedReviewRow[]>;
}

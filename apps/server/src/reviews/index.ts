/**
 * The reviews feature's face (会商调度, docs/reviews.md): what other features may import. Its data
 * (reviews/data/) stays inside.
 */
export { ReviewsModule } from './reviews.module';
export { MajorIssuesService } from './major-issues.service';
export { ReviewCadenceWorker } from './review-cadence.worker';
export { FollowUpEscalationWorker } from './follow-ups.service';
export { ReviewsDemo } from './reviews-demo';
export { ReviewFiguresModule } from './review-figures.module';

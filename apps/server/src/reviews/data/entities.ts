import { FollowUpEntity } from './follow-up.entity';
import { MajorIssueEntity, StationLinkEntity } from './major-issue.entity';
import { ReviewEntity, ReviewMissEntity } from './review.entity';

/** The reviews feature's tables, for TypeORM (database/data-source.ts). */
export const REVIEW_ENTITIES = [ReviewEntity, ReviewMissEntity, FollowUpEntity, MajorIssueEntity, StationLinkEntity];

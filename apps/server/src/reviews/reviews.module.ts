import { Module } from '@nestjs/common';
import { BulletinsModule } from '../bulletins';
import { FiguresModule } from '../figures';
import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications';
import { OrgModule } from '../org';
import { ReferralsModule } from '../referrals';
import { SupervisionModule } from '../supervision';
import { FollowUpsRepository } from './data/follow-ups.repository';
import { MajorIssuesRepository } from './data/major-issues.repository';
import { ReviewsRepository } from './data/reviews.repository';
import { FollowUpEscalationWorker, FollowUpsService } from './follow-ups.service';
import { MajorIssuesService } from './major-issues.service';
import { ReviewCadenceWorker } from './review-cadence.worker';
import { ReviewPacketService } from './review-packet.service';
import { ReviewViews } from './review-views';
import { ReviewsDemo } from './reviews-demo';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';
import { UnitLeaders } from './unit-leaders';

/** 会商调度 (issue #22, docs/reviews.md): review cadence, packets, follow-ups and 重大问题. */
@Module({
  imports: [BulletinsModule, FiguresModule, IdentityModule, NotificationsModule, OrgModule, ReferralsModule, SupervisionModule],
  controllers: [ReviewsController],
  providers: [
    ReviewsService, ReviewPacketService, FollowUpsService, FollowUpEscalationWorker, MajorIssuesService, ReviewCadenceWorker, ReviewViews, UnitLeaders, ReviewsDemo,
    ReviewsRepository, FollowUpsRepository, MajorIssuesRepository,
  ],
  exports: [ReviewsDemo, MajorIssuesService, ReviewCadenceWorker, FollowUpEscalationWorker],
})
export class ReviewsModule {}

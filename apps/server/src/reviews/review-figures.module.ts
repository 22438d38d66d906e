import type { MissedReviewRow } from '@jws/contracts';
import { Global, Injectable, Module } from '@nestjs/common';
import { MISSED_REVIEWS, MissedReviewSource } from '../figures';
import { OrgUnits, OrgUnitsModule } from '../org';
import { ReviewsRepository } from './data/reviews.repository';

/** 未按期会商 for figures' port (figures/missed-reviews.ts). */
@Injectable()
export class ReviewMissFigures implements MissedReviewSource {
  constructor(private readonly reviews: ReviewsRepository, private readonly units: OrgUnits) {}

  async under(pathPrefix: string, from: string, to: string): Promise<MissedReviewRow[]> {
    const rows = await this.reviews.missesIn(pathPrefix, from, to);
    const names = await this.units.findMany(rows.map((r) => r.orgId));
    return rows.map((r) => ({ orgId: r.orgId, orgName: names.get(r.orgId)?.name ?? '', unit: r.unit, period: { from: r.periodFrom, to: r.periodTo } }));
  }
}

/** Global, so FiguresModule gets the port without importing reviews (which imports figures). */
@Global()
@Module({
  imports: [OrgUnitsModule],
  providers: [ReviewsRepository, ReviewMissFigures, { provide: MISSED_REVIEWS, useExisting: ReviewMissFigures }],
  exports: [MISSED_REVIEWS],
})
export class ReviewFiguresModule {}

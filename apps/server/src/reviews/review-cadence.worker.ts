import { OrgLevel, REVIEW_UNIT_LABELS } from '@jws/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { chinaDate } from '../common/china-time';
import { IntervalWorker } from '../common/interval-worker';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications';
import { OrgUnits } from '../org';
import { ReviewsRepository } from './data/reviews.repository';
import { lastEnded, unitOfLevel } from './review-periods';
import { UnitLeaders } from './unit-leaders';

/**
 * 未按期会商: after a period of a node's cadence ends without its review, the leaders of the level
 * above are told once (the city's own leaders for the city), whichever of several instances gets
 * there first: the `review_misses` row's unique key is the claim (ReviewsRepository.reportMiss).
 * Only the period that ended last is looked at, as the daily snapshot only makes yesterday.
 */
@Injectable()
export class ReviewCadenceWorker extends IntervalWorker {
  protected readonly logger = new Logger(ReviewCadenceWorker.name);

  constructor(
    private readonly units: OrgUnits,
    private readonly reviews: ReviewsRepository,
    private readonly leaders: UnitLeaders,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {
    super();
  }

  /** Reports the periods that ended without a review; answers how many this instance reported. */
  async tick(now = new Date()): Promise<number> {
    const today = chinaDate(now);
    const nodes = await this.units.atLevels([OrgLevel.Station, OrgLevel.Branch, OrgLevel.City]);
    let reported = 0;
    // Per cadence: its last ended period, and in two reads which nodes have a review or a report of it already.
    for (const cadence of ['week', 'xun', 'month'] as const) {
      const of = nodes.filter((n) => unitOfLevel(n.level) === cadence);
      if (!of.length) continue;
      const period = lastEnded(cadence, today);
      const ids = of.map((n) => n.id);
      const [reviewed, reportedAlready] = await Promise.all([this.reviews.ofPeriods(ids, [period.from]), this.reviews.missesFor(ids, period.from)]);
      const done = new Set([...reviewed, ...reportedAlready].map((r) => r.orgId));
      for (const node of of.filter((n) => !done.has(n.id))) {
        const recipients = await this.leaders.of(await this.leaders.above(node));
        const made = await this.reviews.reportMiss(
          { orgId: node.id, orgPath: node.path, unit: cadence, periodFrom: period.from, periodTo: period.to, reportedAt: now },
          (m) => this.notifications.notify(
            m, recipients,
            { title: `未按期会商：${node.name}`, body: `${node.name}${period.from}至${period.to}的${REVIEW_UNIT_LABELS[cadence]}没有记录`, caseId: null },
            `review-miss:${node.id}:${period.from}`,
          ),
        );
        if (made) reported++;
      }
    }
    if (reported) this.logger.log(`${reported} missed review(s) reported`);
    return reported;
  }
}

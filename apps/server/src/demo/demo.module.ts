import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Database } from '../common/db';
import { CasesModule } from '../cases/cases.module';
import { CasesApi } from '../cases';
import { seedDemoCases } from './demo-cases';
import { DemoClockController } from './demo-clock.controller';
import { DemoClockService } from './demo-clock.service';
import { DEMO_MARKER_USER, seedDemo } from './demo-seed';
import { ensureDemoPartner } from '../open311';
import { ReferralsModule, ReferralsService, ReferralTargetsService } from '../referrals';
import { seedDemoReferrals } from './demo-referrals';
import { MediationModule } from '../mediation/mediation.module';
import { MediationApi, MediationService, RoomChatService } from '../mediation';
import { seedDemoMediation } from './demo-mediation';
import { DemoSeedRepository } from './data/demo-seed.repository';
import { BulletinsDemo, BulletinsModule } from '../bulletins';
import { seedDemoBulletins } from './demo-bulletins';
import { FigureSnapshotWorker, FiguresModule } from '../figures';
import { chinaDate } from '../common/china-time';
import { DemoHistoryRepository } from './data/demo-history.repository';
import { seedDemoHistory } from './demo-history';
import { ReviewsDemo, ReviewsModule } from '../reviews';

/**
 * Loads the demo data once, in demo mode only (embedded database or DEMO=1, never production), and
 * the demo clock (`POST /api/demo/cases/:id/elapse`), which refuses outside demo mode.
 */
@Module({ imports: [CasesModule, ReferralsModule, MediationModule, BulletinsModule, FiguresModule, ReviewsModule],
  controllers: [DemoClockController],
  providers: [DemoClockService, DemoSeedRepository, DemoHistoryRepository],
})
export class DemoModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly seed: DemoSeedRepository,
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CasesApi,
    private readonly referrals: ReferralsService,
    private readonly referralTargets: ReferralTargetsService,
    private readonly mediation: MediationService,
    private readonly chat: RoomChatService,
    private readonly rooms: MediationApi,
    private readonly bulletins: BulletinsDemo,
    private readonly history: DemoHistoryRepository,
    private readonly snapshots: FigureSnapshotWorker,
    private readonly reviews: ReviewsDemo,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    if (await seedDemo(this.seed)) this.logger.log('demo data loaded');
    // Demo databases seeded before Open311 existed get its demo partner too.
    if (await ensureDemoPartner(this.db.manager)) this.logger.log('demo Open311 partner added');
    // A demo-mode database holding another city (`pnpm bench` generates one) gets no demo reports.
    if (!(await this.seed.hasUser(DEMO_MARKER_USER))) return;
    if (await seedDemoCases(this.seed, this.cases)) this.logger.log('demo cases loaded');
    if (await seedDemoReferrals(this.seed, this.cases, this.referrals, this.referralTargets)) this.logger.log('demo referral targets and a referred case loaded');
    if (await seedDemoMediation(this.seed, this.cases, this.rooms, this.mediation, this.chat)) this.logger.log('demo mediation room loaded');
    const days = this.config.demoHistoryDays;
    if (await seedDemoBulletins(this.bulletins, days)) this.logger.log('demo bulletins loaded: a week pushed, one 预警 waiting for legal_reviewer1');
    // 会商调度: a review is due at every level (the current week, 旬 and month); the stations get their 挂点 city leader.
    if (await this.reviews.seed()) this.logger.log('demo stations linked to their 挂点 city leader');
    await this.seedHistory(days);
  }

  /**
   * The demo's past (DEMO_HISTORY_DAYS), once: finished reports and prevention actions; then the
   * daily snapshots of those days, made in the background so the demo starts at once (a day not
   * yet kept is counted from the same records meanwhile, with the same numbers).
   */
  private async seedHistory(days: number): Promise<void> {
    const started = Date.now();
    const loaded = await seedDemoHistory(this.history, days);
    if (!loaded) return;
    this.logger.log(`demo history loaded: ${days} days, ${loaded.cases} reports, ${loaded.actions} prevention actions (${Date.now() - started} ms); keeping its daily snapshots`);
    void this.keepHistory(days).catch((err: unknown) => this.logger.warn(`demo history snapshots stopped: ${String(err)}`));
  }

  private async keepHistory(days: number): Promise<void> {
    const started = Date.now();
    let kept = 0;
    for (let d = days; d >= 1; d--) {
      if (await this.snapshots.snapshot(chinaDate(Date.now() - d * 86_400_000))) kept++;
    }
    this.logger.log(`demo history: ${kept} daily snapshots kept (${Date.now() - started} ms)`);
  }
}

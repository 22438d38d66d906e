import { BulletinKind, GovernanceClass, ReviewPacket } from '@jws/contracts';
import { Injectable } from '@nestjs/common';
import { BulletinFiguresService } from '../bulletins';
import { chinaDate, chinaMidnight } from '../common/china-time';
import type { Caller } from '../common/request-context';
import { FiguresService } from '../figures';
import { CommunitiesService } from '../org';
import { GovernanceService, ReferralAgendaService } from '../referrals';
import { SupervisionService } from '../supervision';
import { FollowUpsRepository } from './data/follow-ups.repository';
import { ReviewsService } from './reviews.service';
import { ReviewViews } from './review-views';

/** How many rows a list of the packet holds at most (the counts behind them are the figures'). */
const LIST_LIMIT = 50;
const DAY_MS = 86_400_000;

/**
 * 研判材料: the packet of a due review, prepared from data through the other features' faces only
 * (docs/reviews.md): the period's figures and rates, overdue items with their officers, referral
 * pile-ups, open disputes and mediation outcomes, serious risks, rumour bulletins, bulletin read
 * rates, pending join requests, and the follow-ups of earlier reviews still open.
 */
@Injectable()
export class ReviewPacketService {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly figures: FiguresService,
    private readonly supervision: SupervisionService,
    private readonly agenda: ReferralAgendaService,
    private readonly governance: GovernanceService,
    private readonly bulletins: BulletinFiguresService,
    private readonly communities: CommunitiesService,
    private readonly followUps: FollowUpsRepository,
    private readonly views: ReviewViews,
  ) {}

  async packet(caller: Caller, q: { orgId?: number; from: string }, now = new Date()): Promise<ReviewPacket> {
    const { unit, cadence } = await this.reviews.node(caller, q.orgId);
    const period = this.reviews.duePeriod(cadence, q.from, now);
    const today = chinaDate(now);
    const to = period.to < today ? period.to : today;
    // The node's lists are read as its leader reads them: the caller's permissions, the node's subtree.
    const atNode: Caller = { ...caller, scope: { kind: 'subtree', pathPrefix: unit.path } };
    const target = { kind: 'subtree' as const, pathPrefix: unit.path };
    const range = { from: chinaMidnight(period.from), to: new Date(chinaMidnight(to).getTime() + DAY_MS) };
    const [figures, overdue, agenda, digest, outcomes, reach, pending, open] = await Promise.all([
      this.figures.figures(caller, { from: period.from, to, orgId: unit.id }, now),
      this.supervision.list(atNode, 1, LIST_LIMIT, now),
      this.agenda.agenda(atNode),
      this.governance.digest(atNode, today, LIST_LIMIT * 4),
      this.figures.records(caller, { counter: 'disputesResolved', from: period.from, to, orgId: unit.id, pageSize: LIST_LIMIT }, now),
      this.bulletins.reach(target, range),
      this.communities.pendingJoinCount(atNode),
      this.followUps.under(unit.path, 'open', LIST_LIMIT),
    ]);
    const bulletinReads = reach.map((b) => ({ bulletinId: b.bulletinId, title: b.title, kind: b.kind, groups: b.groups, members: b.members, readers: b.readers }));
    return {
      node: { id: unit.id, name: unit.name, level: unit.level }, unit: cadence, period, preparedAt: now.toISOString(),
      figures: { counters: figures.counters, rates: figures.rates, unavailable: figures.unavailable, live: figures.live },
      overdue: overdue.items,
      referralPileUps: agenda.map((a) => ({ id: a.id, categoryLabel: a.categoryLabel, branchName: a.branchName, count: a.count, threshold: a.threshold })),
      openDisputes: digest.cases.filter((c) => c.governanceClass === GovernanceClass.Dispute).slice(0, LIST_LIMIT),
      mediationOutcomes: outcomes.items,
      seriousRisks: digest.cases.filter((c) => c.seriousRisk).slice(0, LIST_LIMIT),
      rumours: bulletinReads.filter((b) => b.kind === BulletinKind.Rumour),
      bulletinReads,
      pendingJoinRequests: pending,
      openFollowUps: await this.views.followUps(open, now),
    };
  }
}

import { CASE_KIND_LABELS, CASE_SUBCATEGORIES, CaseKind, ReferralAgendaItemView, Role } from '@jws/contracts';
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { leadersOf, pathIds } from '../org';
import type { CaseEntity } from '../cases';
import { CasesApi } from '../cases';
import type { Caller } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { ReferralAgendaRepository } from './data/referral-agenda.repository';
import { ReferralPeopleRepository } from './data/referral-people.repository';
import { ReferralTargetsRepository } from './data/referral-targets.repository';
import type { ReferralTargetEntity } from './data/referral-target.entity';
import { ReferralsRepository } from './data/referrals.repository';
import { branchPathOf, targetView } from './referral-views';

const DAY = 24 * 3600_000;

/**
 * 转办分流联席: referrals to one target in one category piling up in one branch and period raise
 * an agenda item for the joint meeting, listed for branch and city leaders with the cases behind it.
 */
@Injectable()
export class ReferralAgendaService {
  constructor(
    private readonly cases: CasesApi,
    private readonly notifications: NotificationsService,
    private readonly items: ReferralAgendaRepository,
    private readonly referrals: ReferralsRepository,
    private readonly targets: ReferralTargetsRepository,
    private readonly people: ReferralPeopleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts the pile-up a new referral joins; reaching the threshold raises one agenda item, and
   * branch and city leaders are told once.
   */
  async countPileUp(m: EntityManager, target: ReferralTargetEntity, entity: CaseEntity, now: Date): Promise<void> {
    const { threshold, periodDays } = this.config.referralPileup;
    const period = periodDays * DAY;
    const periodStart = new Date(Math.floor(now.getTime() / period) * period);
    const periodEnd = new Date(periodStart.getTime() + period);
    const category = `${entity.kind}.${entity.subcategory}`;
    const branchPath = branchPathOf(entity.orgPath);
    const count = await this.referrals.countPileUp(m, { targetId: target.id, category, branchPath, from: periodStart, to: periodEnd });
    if (count < threshold) return;
    if (!(await this.items.raise(m, { targetId: target.id, category, branchPath, periodStart, periodEnd, count, threshold }, now))) return;
    const { branchId } = pathIds(entity.orgPath);
    const leaders = [...(await leadersOf(m, entity.orgPath, [Role.BranchLeader])), ...(await this.people.cityLeaderIds(m))];
    await this.notifications.notify(
      m, leaders,
      { title: '转办分流联席：同类诉求集中', body: `${categoryLabel(category)}诉求转${target.name}已达${count}件（阈值${threshold}），已列入联席会议议题`, caseId: null },
      `agenda:${target.id}:${category}:${branchId}:${periodStart.getTime()}`,
    );
  }

  /** Branch and city leaders: 转办分流联席 agenda items in their subtree, with the cases behind each. */
  async agenda(caller: Caller): Promise<ReferralAgendaItemView[]> {
    if (caller.scope.kind !== 'subtree') return [];
    const items = await this.items.under(caller.scope.pathPrefix);
    const targets = await this.targets.byIds(items.map((i) => i.targetId));
    const out: ReferralAgendaItemView[] = [];
    for (const item of items) {
      const referrals = await this.referrals.listPileUp({ targetId: item.targetId, category: item.category, branchPath: item.branchPath, from: item.periodStart, to: item.periodEnd });
      const cases = referrals.length ? await this.cases.records.findMany(referrals.map((r) => r.caseId)) : [];
      const branchId = Number(item.branchPath.split('/').filter(Boolean)[1]);
      const branch = branchId ? await this.people.unit(branchId) : null;
      out.push({
        id: item.id, target: targetView(targets.get(item.targetId) as ReferralTargetEntity), category: item.category,
        categoryLabel: categoryLabel(item.category), branchName: branch?.name ?? '', periodStart: item.periodStart.toISOString(),
        periodEnd: item.periodEnd.toISOString(), count: referrals.length, threshold: item.threshold,
        cases: cases.map((c) => ({ caseId: c.id, number: c.number, title: c.title, status: c.status })), createdAt: item.createdAt.toISOString(),
      });
    }
    return out;
  }
}

export function categoryLabel(category: string): string {
  const [kind, sub] = category.split('.') as [CaseKind, string];
  const subLabel = CASE_SUBCATEGORIES[kind]?.find((s) => s.code === sub)?.label;
  return `${CASE_KIND_LABELS[kind] ?? kind}·${subLabel ?? sub}`;
}

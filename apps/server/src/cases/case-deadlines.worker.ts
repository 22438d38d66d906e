import {
  AUTO_CONFIRM_DAYS, CaseAction, DEADLINE_KIND_LABELS, DeadlineKind, EscalationLevel, ESCALATION_LABELS, Role, TERMINAL_STATUSES,
  TimelineEventType,
} from '@jws/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { DomainException } from '../common/domain.exception';
import { IntervalWorker } from '../common/interval-worker';
import { Database } from '../common/db';
import { Notice, NotificationsService } from '../notifications/notifications.service';
import { CaseTimeline } from './case-timeline';
import { leadersOf } from '../org';
import { CaseWorkflowService } from './case-workflow.service';
import { CaseDeadlinesRepository } from './data/case-deadlines.repository';
import { CaseRecordsRepository } from './data/case-records.repository';

const LEASE_MS = 60_000;
const BATCH = 50;

/** What the officer is told is overdue, addressed to them (首次响应已超时：请尽快处理). */
const OFFICER_OVERDUE: Record<DeadlineKind, string> = { first_response: '首次响应已超时', resolution: '办结期限已过' };
/** What the officer is told when leaders step in (派出所已督办：<title>). */
const OFFICER_ESCALATED: Partial<Record<EscalationLevel, string>> = {
  [EscalationLevel.StationSupervising]: '派出所已督办',
  [EscalationLevel.BranchUrging]: '分局已催办',
};

/**
 * Time-driven case work, safe with several instances: overdue deadlines escalate step by step
 * (officer reminded → station 督办 → branch 催办), and resolutions nobody confirmed within
 * AUTO_CONFIRM_DAYS close as confirmed. Rows are claimed with a lease before they are touched.
 */
@Injectable()
export class CaseDeadlinesWorker extends IntervalWorker {
  protected readonly logger = new Logger(CaseDeadlinesWorker.name);
  readonly owner = randomUUID();

  constructor(
    private readonly workflow: CaseWorkflowService,
    private readonly timeline: CaseTimeline,
    private readonly notifications: NotificationsService,
    private readonly deadlines: CaseDeadlinesRepository,
    private readonly records: CaseRecordsRepository,
    private readonly db: Database,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {
    super();
  }

  async tick(now = new Date()): Promise<{ escalated: number; autoClosed: number }> {
    return { escalated: await this.escalateDue(now), autoClosed: await this.autoConfirm(now) };
  }

  /**
   * Moves a case's open deadlines `ms` earlier, as if that much time had passed (the demo clock,
   * demo/demo-clock.service.ts); the next run of escalateDue then finds them due.
   */
  async shift(caseId: number, ms: number): Promise<void> {
    const earlier = (d: Date) => new Date(d.getTime() - ms);
    await this.db.transaction(async ({ manager: m }) => {
      for (const d of await this.records.openDeadlinesOf(caseId, m)) {
        await this.records.moveDeadline(m, d.id, earlier(d.dueAt), d.nextCheckAt && earlier(d.nextCheckAt));
      }
      await this.workflow.refreshNextDue(m, caseId);
    });
  }

  /**
   * Claims due deadline rows (conditional update = lease) and escalates each once; with `caseId`,
   * only that case's rows (the demo clock, demo/demo-clock.service.ts).
   */
  async escalateDue(now: Date, caseId?: number): Promise<number> {
    return this.deadlines.claimDue(now, caseId, { owner: this.owner, until: new Date(now.getTime() + LEASE_MS) }, BATCH, (id) => this.escalate(id, now));
  }

  private async escalate(deadlineId: number, now: Date): Promise<boolean> {
    return this.db.transaction(async ({ manager: m }) => {
      const deadline = await this.deadlines.get(m, deadlineId);
      const entity = await this.records.get(deadline.caseId, m);
      if (deadline.leaseOwner !== this.owner) return false;
      if (deadline.metAt || TERMINAL_STATUSES.includes(entity.status) || deadline.escalation >= EscalationLevel.BranchUrging) {
        await this.deadlines.retire(m, deadline.id);
        return false;
      }
      const level = (deadline.escalation + 1) as EscalationLevel;
      const nextCheckAt = level < EscalationLevel.BranchUrging ? new Date(now.getTime() + this.config.escalationStepMinutes * 60_000) : null;
      await this.deadlines.escalate(m, deadline.id, this.owner, level, nextCheckAt);
      const what = `${DEADLINE_KIND_LABELS[deadline.kind]}已超时`;
      const officer = entity.officerId;
      const reminded = level === EscalationLevel.OfficerReminded;
      const step = reminded && !officer ? '尚无责任民警，已提醒所领导' : ESCALATION_LABELS[level];
      await this.timeline.append(m, entity.id, { type: TimelineEventType.Escalated, actor: null, isPublic: false, note: `${what}：${step}`, at: now });
      const key = `case:${entity.id}:deadline:${deadline.kind}:${deadline.dueAt.getTime()}:level${level}`;
      const about = `${entity.number}“${entity.title}”`;
      const notices: Notice[] = [];
      if (reminded) {
        // The officer is addressed; with no officer, the station's leaders are told nobody is there to remind.
        if (officer) notices.push({ userIds: [officer], input: { title: `${OFFICER_OVERDUE[deadline.kind]}：请尽快处理`, body: about, caseId: entity.id }, dedupeKey: key });
        else notices.push({ userIds: await leadersOf(m, entity.orgPath, [Role.StationLeader]), input: { title: `${what}：尚无责任民警`, body: about, caseId: entity.id }, dedupeKey: key });
      } else {
        const leaders = await leadersOf(m, entity.orgPath, [level === EscalationLevel.StationSupervising ? Role.StationLeader : Role.BranchLeader]);
        notices.push({ userIds: leaders, input: { title: `${ESCALATION_LABELS[level]}：${what}`, body: about, caseId: entity.id }, dedupeKey: key });
        // The officer hears of it too: the leaders now chase this case.
        if (officer) {
          notices.push({
            userIds: [officer],
            input: { title: `${OFFICER_ESCALATED[level]}：${entity.title}`, body: `${entity.number}${what}，请尽快处理`, caseId: entity.id },
            dedupeKey: `${key}:officer`,
          });
        }
      }
      await this.notifications.notifyAll(m, notices);
      await this.workflow.refreshNextDue(m, entity.id);
      return true;
    });
  }

  /** Resolved and not confirmed within AUTO_CONFIRM_DAYS: closed as confirmed, on record. */
  async autoConfirm(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - AUTO_CONFIRM_DAYS * 86_400_000);
    const due = await this.deadlines.resolvedBefore(cutoff, BATCH);
    let closed = 0;
    for (const entity of due) {
      try {
        await this.db.transaction(({ manager: m }) =>
          this.workflow.transition(m, entity, CaseAction.AutoClose, { userId: null, role: null }, `办结后${AUTO_CONFIRM_DAYS}天未确认，视为满意`, now),
        );
        closed++;
      } catch (err) {
        // Another instance (or the resident) changed it first: the version check refused us.
        if (!(err instanceof DomainException)) throw err;
      }
    }
    return closed;
  }
}

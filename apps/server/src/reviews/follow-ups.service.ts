import { ErrorCode, FollowUpStatus, FollowUpView } from '@jws/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Access } from '../access/access';
import { AuditAction, AuditService } from '../audit';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import { IntervalWorker } from '../common/interval-worker';
import type { Caller } from '../common/request-context';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications';
import { OrgUnits } from '../org';
import { FollowUpsRepository } from './data/follow-ups.repository';
import { ReviewViews } from './review-views';
import { UnitLeaders } from './unit-leaders';

const LEASE_MS = 60_000;
const BATCH = 50;

/** 督办事项 of review decisions: the owner's list, the leaders' 督办 list, 办结. */
@Injectable()
export class FollowUpsService {
  constructor(
    private readonly access: Access,
    private readonly audit: AuditService,
    private readonly followUps: FollowUpsRepository,
    private readonly views: ReviewViews,
    private readonly db: Database,
  ) {}

  /** The caller's own follow-ups: open ones first, nearest deadline first. */
  async mine(caller: Caller): Promise<FollowUpView[]> {
    return this.views.followUps(await this.followUps.ofOwner(caller.user.id));
  }

  /** 督办: the follow-ups of the reviews in the caller's jurisdiction (leaders). */
  async supervised(caller: Caller, status: FollowUpStatus | undefined): Promise<FollowUpView[]> {
    if (caller.scope.kind !== 'subtree') return [];
    return this.views.followUps(await this.followUps.under(caller.scope.pathPrefix, status));
  }

  /** 办结 by its owner, with what was done; anyone else: 404 and an audit entry. */
  async complete(caller: Caller, id: number, note: string, now = new Date()): Promise<FollowUpView> {
    const row = await this.followUps.find(id);
    const own = await this.access.require(caller, { type: 'follow_up', id }, row, (f) => ({ place: 'unplaced', relations: f.ownerId === caller.user.id ? ['owner'] : [] }), [
      { relation: 'owner' },
    ]);
    await this.db.transaction(async ({ manager: m }) => {
      if (!(await this.followUps.complete(m, own.id, note.trim(), now))) throw new DomainException(ErrorCode.CaseTransitionNotAllowed, undefined, '该督办事项已办结');
      await this.audit.recordFor(caller, { action: AuditAction.FollowUpDone, targetType: 'follow_up', targetId: own.id, detail: note.trim() }, m);
    });
    return (await this.views.followUps([(await this.followUps.find(own.id))!], now))[0];
  }
}

/**
 * Escalation of overdue follow-ups on the lease scheduler (common/db/lease.ts): an open follow-up
 * past its deadline is claimed by one instance, marked escalated once (a conditional UPDATE), and
 * its owner and the leaders of the review's unit and the level above are told, in one transaction.
 */
@Injectable()
export class FollowUpEscalationWorker extends IntervalWorker {
  protected readonly logger = new Logger(FollowUpEscalationWorker.name);

  constructor(
    private readonly followUps: FollowUpsRepository,
    private readonly units: OrgUnits,
    private readonly leaders: UnitLeaders,
    private readonly notifications: NotificationsService,
    private readonly db: Database,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {
    super();
  }

  /** Escalates the overdue follow-ups; answers how many this instance escalated. */
  tick(now = new Date()): Promise<number> {
    return this.followUps.workOverdue(now, BATCH, new Date(now.getTime() + LEASE_MS), (id) => this.escalate(id, now));
  }

  private async escalate(id: number, now: Date): Promise<boolean> {
    const row = await this.followUps.find(id);
    if (!row) return false;
    const unit = await this.units.find(row.orgId);
    const leaders = await this.leaders.around(row.orgId);
    return this.db.transaction(async ({ manager: m }) => {
      if (!(await this.followUps.markEscalated(m, id, now))) return false;
      await this.notifications.notify(
        m, [...new Set([row.ownerId, ...leaders])],
        { title: `督办事项逾期：${unit?.name ?? ''}`, body: `${row.content}（期限${row.deadline}）已逾期未办结`, caseId: null },
        `follow-up:${id}:overdue`,
      );
      return true;
    });
  }
}

import { BulletinStatus, REVIEWER_ROLE, Role } from '@jws/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditAction, AuditService } from '../audit';
import { Database } from '../common/db';
import { IntervalWorker } from '../common/interval-worker';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Notice, NotificationsService } from '../notifications';
import { leadersOf } from '../org';
import { reviewerOf } from './bulletin-rules';
import { BulletinDeadlinesRepository } from './data/bulletin-deadlines.repository';
import { BulletinsRepository } from './data/bulletins.repository';

const LEASE_MS = 60_000;
const BATCH = 50;

/** Escalation steps of an overdue urgent 预警: 1 its reviewers are told, 2 the branch's leaders are. */
export const REVIEW_OVERDUE_REVIEWERS = 1;
export const REVIEW_OVERDUE_LEADERS = 2;

/**
 * Urgent 预警 not reviewed by their deadline escalate on the lease scheduler, as case deadlines do
 * (cases/case-deadlines.worker.ts): first every reviewer who may decide it is told, then, after
 * ESCALATION_STEP_MINUTES more, the leaders of its branch. Each step is claimed with a lease and
 * written only by the claim's owner, so with several instances each step happens exactly once.
 */
@Injectable()
export class BulletinReviewDeadlinesWorker extends IntervalWorker {
  protected readonly logger = new Logger(BulletinReviewDeadlinesWorker.name);
  readonly owner = randomUUID();

  constructor(
    private readonly deadlines: BulletinDeadlinesRepository,
    private readonly bulletins: BulletinsRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly db: Database,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {
    super();
  }

  /** Escalates every due urgent 预警 one step; answers how many. */
  async tick(now = new Date()): Promise<number> {
    return this.deadlines.claimDue(now, { owner: this.owner, until: new Date(now.getTime() + LEASE_MS) }, BATCH, (id) => this.escalate(id, now));
  }

  private async escalate(id: number, now: Date): Promise<boolean> {
    return this.db.transaction(async ({ manager: m }) => {
      const b = await this.deadlines.locked(m, id);
      if (!b || b.leaseOwner !== this.owner) return false;
      if (b.status !== BulletinStatus.PendingReview || b.reviewEscalation >= REVIEW_OVERDUE_LEADERS) {
        await this.deadlines.retire(m, id);
        return false;
      }
      const level = b.reviewEscalation + 1;
      const next = level < REVIEW_OVERDUE_LEADERS ? new Date(now.getTime() + this.config.escalationStepMinutes * 60_000) : null;
      if (!(await this.deadlines.escalate(m, id, this.owner, level, next))) return false;
      const title = (await this.bulletins.version(b.versionId, m))?.title ?? '';
      const unitIds = b.orgPath.split('/').filter(Boolean).map(Number);
      const to = level === REVIEW_OVERDUE_REVIEWERS
        ? await this.deadlines.usersIn(m, REVIEWER_ROLE[reviewerOf(b.kind)], unitIds)
        : await leadersOf(m, b.orgPath, [Role.BranchLeader]);
      const notice: Notice = {
        userIds: to,
        input: level === REVIEW_OVERDUE_REVIEWERS
          ? { title: '紧急预警审核已超时：请尽快审核', body: `“${title}”应在${formatDue(b.reviewDueAt)}前审核`, caseId: null }
          : { title: '分局督办：紧急预警仍未审核', body: `“${title}”审核已超时，请督促法制部门尽快审核`, caseId: null },
        dedupeKey: `bulletin:${id}:review-overdue:level${level}`,
      };
      await this.notifications.notifyAll(m, [notice]);
      await this.audit.record({ userId: null, ip: null, requestId: null }, {
        action: AuditAction.BulletinReviewOverdue, targetType: 'bulletin', targetId: id, detail: `level ${level}: ${to.length} notified`,
      }, m);
      return true;
    });
  }
}

function formatDue(at: Date | null): string {
  return at ? new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ') : '截止时间';
}

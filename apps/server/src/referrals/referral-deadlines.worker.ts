import { EscalationLevel, ESCALATION_LABELS, ReferralStatus, ReferralTargetKind, Role, TimelineEventType } from '@jws/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { leadersOf } from '../org';
import { CasesApi } from '../cases';
import { IntervalWorker } from '../common/interval-worker';
import { Database } from '../common/db';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { NotificationsService } from '../notifications/notifications.service';
import { ReferralTargetsRepository } from './data/referral-targets.repository';
import { ReferralsRepository } from './data/referrals.repository';
import { ReferralsService } from './referrals.service';

const LEASE_MS = 60_000;
const BATCH = 50;
const OPEN = [ReferralStatus.Sent, ReferralStatus.Signed];

/**
 * Overdue receipts (签收) and replies escalate like case deadlines, on the same lease pattern:
 * the department and the station contact are reminded, then the station leader 督办, then the
 * branch leader 催办. Signing restarts the ladder on the reply's due time.
 */
@Injectable()
export class ReferralDeadlinesWorker extends IntervalWorker {
  protected readonly logger = new Logger(ReferralDeadlinesWorker.name);
  readonly owner = randomUUID();

  constructor(
    private readonly referrals: ReferralsService,
    private readonly cases: CasesApi,
    private readonly notifications: NotificationsService,
    private readonly rows: ReferralsRepository,
    private readonly targets: ReferralTargetsRepository,
    private readonly db: Database,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {
    super();
  }

  async tick(now = new Date()): Promise<number> {
    return this.rows.claimDue(now, { owner: this.owner, until: new Date(now.getTime() + LEASE_MS) }, BATCH, (id) => this.escalate(id, now));
  }

  private async escalate(id: number, now: Date): Promise<boolean> {
    return this.db.transaction(async ({ manager: m }) => {
      const referral = await this.rows.get(id, m);
      if (referral.leaseOwner !== this.owner) return false;
      if (!OPEN.includes(referral.status) || referral.escalation >= EscalationLevel.BranchUrging) {
        await this.rows.retire(m, id);
        return false;
      }
      const phase = referral.status === ReferralStatus.Sent ? '签收' : '回复';
      const level = (referral.escalation + 1) as EscalationLevel;
      const nextCheckAt = level < EscalationLevel.BranchUrging ? new Date(now.getTime() + this.config.escalationStepMinutes * 60_000) : null;
      await this.rows.escalate(m, id, this.owner, level, nextCheckAt, now);
      const entity = await this.cases.records.get(referral.caseId, m);
      const target = await this.targets.get(referral.targetId, m);
      const what = `转${target.name}${phase}已超时`;
      // The first step reminds whoever must act (the station contact and the department's staff), not the officer.
      const reminded = level === EscalationLevel.OfficerReminded;
      await this.referrals.event(m, entity.id, TimelineEventType.Escalated, null, `${what}：${reminded ? '已提醒经办人' : ESCALATION_LABELS[level]}`, false, now);
      const recipients =
        reminded
          ? [referral.contactUserId, ...(target.kind === ReferralTargetKind.PoliceDepartment ? await this.referrals.staffOf(m, target.id) : [])]
          : await leadersOf(m, entity.orgPath, [level === EscalationLevel.StationSupervising ? Role.StationLeader : Role.BranchLeader]);
      await this.notifications.notify(
        m, recipients,
        { title: reminded ? `${what}：请尽快${phase}` : `${ESCALATION_LABELS[level]}：${what}`, body: `${entity.number}“${entity.title}”`, caseId: entity.id },
        `referral:${referral.id}:${phase}:level${level}`,
      );
      return true;
    });
  }
}

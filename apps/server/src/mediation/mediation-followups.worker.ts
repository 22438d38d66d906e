import { Role, TimelineEventType } from '@jws/contracts';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { IntervalWorker } from '../common/interval-worker';
import { Database } from '../common/db';
import { CasesApi } from '../cases';
import { leadersOf } from '../org';
import { NotificationsService } from '../notifications/notifications.service';
import { FollowupsRepository } from './data/followups.repository';

const LEASE_MS = 60_000;
const BATCH = 50;

/**
 * 履行回访: at an agreement's performance deadline the officer is reminded to check it was carried
 * out. Follow-ups are rows claimed with a lease (as the case deadlines are), so several
 * instances remind once.
 */
@Injectable()
export class MediationFollowupsWorker extends IntervalWorker {
  protected readonly logger = new Logger(MediationFollowupsWorker.name);
  readonly owner = randomUUID();

  constructor(
    private readonly notifications: NotificationsService,
    private readonly cases: CasesApi,
    private readonly followups: FollowupsRepository,
    private readonly db: Database,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {
    super();
  }

  tick(now = new Date()): Promise<number> {
    return this.followups.workDue(now, BATCH, { owner: this.owner, until: new Date(now.getTime() + LEASE_MS) }, (id) => this.remind(id, now));
  }

  private remind(id: number, now: Date): Promise<boolean> {
    return this.db.transaction(async ({ manager: m }) => {
      const followup = await this.followups.get(m, id);
      if (followup.leaseOwner !== this.owner || followup.doneAt) return false;
      const entity = await this.cases.records.get(followup.caseId, m);
      const recipients = entity.officerId ? [entity.officerId] : await leadersOf(m, entity.orgPath, [Role.StationLeader]);
      const note = '调解协议履行期限已到，请回访核实履行情况';
      await this.cases.timeline.append(m, entity.id, { type: TimelineEventType.Note, actor: null, isPublic: false, note, at: now });
      await this.notifications.notify(m, recipients, { title: '调解协议履行回访', body: `${entity.number}“${entity.title}”：${note}`, caseId: entity.id }, `mediation-followup:${followup.id}`);
      await this.followups.done(m, id, this.owner, now);
      return true;
    });
  }
}

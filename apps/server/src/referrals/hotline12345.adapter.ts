import { Anonymity, HotlineOrderStatus, ReferralStatus, TimelineEventType } from '@jws/contracts';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CasesApi } from '../cases';
import { casePage } from '../cases/cases.service';
import { Database } from '../common/db';
import { DomainException } from '../common/domain.exception';
import { IntervalWorker } from '../common/interval-worker';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Hotline12345Client, HotlineApiError } from '../hotline12345/hotline12345.client';
import { verifySignature, WORK_ORDER_STATES, WorkOrder, WorkOrderEvent, WorkOrderState } from '../hotline12345/protocol';
import { OutboxEntity } from '../notifications';
import { NotificationsService } from '../notifications/notifications.service';
import { OutboxDeliveryError, OutboxWorker } from '../notifications/outbox.worker';
import { ErrorCode } from '@jws/contracts';
import { pathIds } from '../org';
import { ReferralPeopleRepository } from './data/referral-people.repository';
import { ReferralTargetsRepository } from './data/referral-targets.repository';
import type { ReferralEntity } from './data/referral.entity';
import { ReferralsRepository } from './data/referrals.repository';
import { OUTBOX_TOPIC_HOTLINE_ORDER, ReferralsService } from './referrals.service';

/** Order states in the order they happen; an older state never overwrites a newer one. */
const RANK: Record<HotlineOrderStatus, number> = {
  [HotlineOrderStatus.Pending]: 0,
  [HotlineOrderStatus.Failed]: 0,
  [HotlineOrderStatus.Received]: 1,
  [HotlineOrderStatus.Accepted]: 2,
  [HotlineOrderStatus.Processing]: 3,
  [HotlineOrderStatus.Replied]: 4,
  [HotlineOrderStatus.Rejected]: 4,
};
const OPEN_ORDER_STATES = [HotlineOrderStatus.Received, HotlineOrderStatus.Accepted, HotlineOrderStatus.Processing];

/**
 * The 12345 adapter (docs/integrations/12345.md): work orders leave through the outbox (written
 * with the referral, delivered with retries and backoff, dead letters on record), carrying the
 * referral's idempotency key so a redelivery after a crash never makes a second order; status
 * comes back by signed webhook, and a reconciliation job polls orders nobody heard of lately.
 */
@Injectable()
export class Hotline12345Adapter extends IntervalWorker implements OnModuleInit {
  protected readonly logger = new Logger(Hotline12345Adapter.name);
  private readonly client: Hotline12345Client | null;

  constructor(
    private readonly referrals: ReferralsService,
    private readonly cases: CasesApi,
    private readonly notifications: NotificationsService,
    private readonly outbox: OutboxWorker,
    private readonly rows: ReferralsRepository,
    private readonly targets: ReferralTargetsRepository,
    private readonly people: ReferralPeopleRepository,
    private readonly db: Database,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {
    super();
    const { baseUrl, token } = config.hotline12345;
    this.client = baseUrl ? new Hotline12345Client(baseUrl, token) : null;
  }

  onModuleInit(): void {
    this.outbox.register(OUTBOX_TOPIC_HOTLINE_ORDER, {
      deliver: (row) => this.deliver(row),
      onDead: (row, error) => this.onDead(row, error),
    });
  }

  /** Outbox delivery of one work order. */
  private async deliver(row: OutboxEntity): Promise<{ status: 'sent' | 'skipped'; note: string | null }> {
    const { referralId } = JSON.parse(row.payload) as { referralId: number };
    const referral = await this.referrals.pendingOrder(this.db.manager, referralId);
    if (!referral) return { status: 'skipped', note: 'order already on record' };
    if (!this.client) {
      await this.onDead(row, 'HOTLINE12345_BASE_URL not configured');
      return { status: 'skipped', note: '12345 endpoint not configured' };
    }
    let order: WorkOrder;
    try {
      order = await this.client.createOrder(await this.orderBody(referral), referral.idempotencyKey);
    } catch (err) {
      if (err instanceof HotlineApiError) throw new OutboxDeliveryError(err.message, err.retryable);
      throw err;
    }
    if (typeof order?.orderNo !== 'string' || !order.orderNo) throw new OutboxDeliveryError('12345 answered without an orderNo', true);
    try {
      await this.recordOrder(referral, order);
    } catch (err) {
      // 12345 has the order; sending again with the same key returns it, so recording is retried.
      throw new OutboxDeliveryError(`order ${order.orderNo} created but not recorded: ${err instanceof Error ? err.message : String(err)}`, true);
    }
    return { status: 'sent', note: null };
  }

  private async orderBody(referral: ReferralEntity) {
    const entity = await this.cases.records.get(referral.caseId);
    const community = await this.people.unit(entity.communityId);
    const station = await this.people.unit(pathIds(entity.orgPath).stationId ?? 0);
    const contact = await this.people.person(referral.contactUserId);
    return {
      externalRef: `referral-${referral.id}`,
      title: entity.title,
      content: `${entity.description}\n转办理由：${referral.reason}`,
      category: referral.category,
      location: [community?.name, entity.addressText].filter(Boolean).join(' '),
      contact: { name: contact?.nickname ?? '', phone: contact?.workPhone ?? null, unit: station?.name ?? '' },
      replyDueAt: referral.replyDueAt.toISOString(),
      callbackUrl: this.config.hotline12345.callbackUrl,
    };
  }

  /** The order number, once; the resident is told 已转12345，工单号 …. */
  private async recordOrder(referral: ReferralEntity, order: WorkOrder): Promise<void> {
    const now = new Date();
    await this.db.transaction(async ({ manager: m }) => {
      if (!(await this.rows.recordOrder(m, referral.id, order.orderNo, now))) return;
      const text = `已转12345，工单号 ${order.orderNo}`;
      await this.referrals.event(m, referral.caseId, TimelineEventType.Note, null, text, true, now);
      const entity = await this.cases.records.get(referral.caseId, m);
      const reporter = await this.referrals.reporterOf(m, entity);
      if (reporter) {
        await this.notifications.notify(
          m, [reporter],
          { title: '您的上报已转12345', body: `“${entity.title}”${text}`, caseId: entity.id, wechat: { page: casePage(entity.id), data: { thing1: entity.title.slice(0, 20), phrase2: '已转办', thing3: `工单号${order.orderNo}`.slice(0, 20) } }, confidential: entity.anonymity === Anonymity.Sealed },
          `referral:${referral.id}:order-no`,
        );
      }
    });
    if (order.status !== 'received') await this.applyStatus(order.orderNo, order.status, order.reply);
  }

  /** A dead letter: the officer hears that the order never reached 12345 and what to do. */
  private async onDead(row: OutboxEntity, error: string): Promise<void> {
    const { referralId } = JSON.parse(row.payload) as { referralId: number };
    await this.db.transaction(async ({ manager: m }) => {
      const referral = await this.referrals.pendingOrder(m, referralId);
      if (!referral) return;
      await this.rows.markOrderFailed(m, referral.id, new Date());
      await this.referrals.event(m, referral.caseId, TimelineEventType.Note, null, '12345工单发送失败，请电话转办12345并登记回复，或请管理员重发', false, new Date());
      // The technical reason is for admins (消息投递's dead letters); the officer reads what to do.
      const why = this.client ? '12345平台多次未能接收' : '本系统尚未接通12345平台';
      this.logger.warn({ referralId: referral.id, error }, '12345 work order undeliverable: the officer is told to phone it in');
      await this.notifications.notify(m, [referral.contactUserId], { title: '12345工单发送失败', body: `转办未送达12345（${why}），请电话转办并登记回复`, caseId: referral.caseId }, `referral:${referral.id}:dead`);
    });
  }

  /** POST /api/integrations/12345/webhook: signature first, then the body. */
  async webhook(raw: unknown, signature: string | undefined, timestamp: string | undefined): Promise<{ ok: true }> {
    const body = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
    if (!verifySignature(this.config.hotline12345.webhookSecret, { signature, timestamp }, body)) {
      this.logger.warn('12345 webhook refused: bad signature');
      throw new DomainException(ErrorCode.SignatureInvalid);
    }
    let event: WorkOrderEvent;
    try {
      event = JSON.parse(body.toString('utf8')) as WorkOrderEvent;
    } catch {
      throw new DomainException(ErrorCode.ValidationFailed, ['body 不是 JSON']);
    }
    if (typeof event?.orderNo !== 'string' || !WORK_ORDER_STATES.includes(event.status)) {
      throw new DomainException(ErrorCode.ValidationFailed, ['orderNo 和 status 必填']);
    }
    if (!(await this.applyStatus(event.orderNo, event.status, event.reply ?? null))) throw new DomainException(ErrorCode.NotFound);
    return { ok: true };
  }

  /**
   * One status from 12345 (webhook or reconciliation), applied at most once and never backwards:
   * accepted/processing sign the referral, replied/rejected reply to it and return the case.
   */
  async applyStatus(orderNo: string, state: WorkOrderState, reply: WorkOrder['reply']): Promise<boolean> {
    const status = state as HotlineOrderStatus;
    const now = new Date();
    return this.db.transaction(async ({ manager: m }) => {
      const referral = await this.referrals.byOrderNo(m, orderNo);
      if (!referral) return false;
      const current = referral.externalStatus ?? HotlineOrderStatus.Pending;
      if (RANK[status] <= RANK[current]) {
        await this.rows.touchSync(m, referral.id, now);
        return true;
      }
      if (!(await this.rows.moveOrderStatus(m, referral.id, current, status, now))) return true;
      const target = await this.targets.get(referral.targetId, m);
      if ((status === HotlineOrderStatus.Accepted || status === HotlineOrderStatus.Processing) && referral.status === ReferralStatus.Sent) {
        await this.referrals.markSigned(m, referral, '12345热线', null, now);
      }
      if (status === HotlineOrderStatus.Replied || status === HotlineOrderStatus.Rejected) {
        const outcome = `${status === HotlineOrderStatus.Rejected ? '退回：' : ''}${reply?.outcome ?? '已办结'}`;
        await this.referrals.markReplied(m, referral, target, { userId: null, role: null, label: '12345热线' }, outcome, `12345工单${orderNo}（${reply?.department ?? '承办单位'}）`, now);
      }
      return true;
    });
  }

  /** Reconciliation: orders not heard of for HOTLINE12345_RECONCILE_MINUTES are asked for. */
  async tick(now = new Date()): Promise<number> {
    if (!this.client) return 0;
    const stale = new Date(now.getTime() - this.config.hotline12345.reconcileMinutes * 60_000);
    const due = await this.rows.staleOrders(OPEN_ORDER_STATES, stale, 20);
    let polled = 0;
    for (const referral of due) {
      // Claim by moving the sync time: another instance that read the same row updates nothing.
      if (!(await this.rows.claimSync(referral, now))) continue;
      try {
        const order = await this.client.getOrder(referral.externalOrderNo as string);
        await this.applyStatus(order.orderNo, order.status, order.reply);
        polled++;
      } catch (err) {
        this.logger.warn(`12345 reconciliation of referral ${referral.id} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return polled;
  }
}

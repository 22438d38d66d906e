import { OutboxRetryResult } from '@jws/contracts';
import { isRetryableErrcode, WechatApiError, WechatClient, WechatErrcode } from '@jws/wechat';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { Accounts } from '../identity';
import { IntervalWorker } from '../common/interval-worker';
import type { OutboxEntity } from './data/outbox.entity';
import { OutboxRepository } from './data/outbox.repository';
import { OUTBOX_TOPIC_SUBSCRIBE, outboxPayload, SubscribePayload } from './notifications.service';

export const OUTBOX_MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;
const BATCH = 100;
/**
 * Recipients served at once within a batch: WeChat answers each send in tens of milliseconds
 * from a server in China, so one at a time would cap an instance at a few dozen messages a second
 * (5 at once drained a city-wide 警务公告 push of 130,000 messages in 13 minutes, `pnpm bench`).
 * One person's messages still go one after another, in the order they were written.
 */
export const OUTBOX_SEND_CONCURRENCY = 25;
/** A tick keeps taking batches while they come full, for at most this long (then the next tick goes on). */
const TICK_BUDGET_MS = 5000;

/** What a batch read once for all its rows: subscribe payloads by row id, recipients' openids by user id. */
interface Batch {
  payloads: Map<number, SubscribePayload | Error | null>;
  openids: Map<number, string | null>;
}

/** Delivers the rows of one topic other than WeChat subscribe messages (12345 orders, 综治 reports). */
export interface OutboxHandler {
  deliver(row: OutboxEntity): Promise<{ status: 'sent' | 'skipped'; note: string | null }>;
  /** Called once a row of this topic has become a dead letter. */
  onDead?(row: OutboxEntity, error: string): Promise<void>;
}

/** A delivery failure a handler classifies: retryable ones back off, the others become dead letters at once. */
export class OutboxDeliveryError extends Error {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

/** Exponential backoff: 5 s, 10 s, 20 s … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 5000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Delivers outbox rows. Rows are claimed with a lease, so several instances never send the same
 * row at once. If a process dies between sending and marking, the lease runs out and the row is
 * sent again: a one-time subscription was used up by the first send, so WeChat answers 43101 and
 * the row is closed as `skipped` — the person is never notified twice beyond what WeChat allows.
 */
@Injectable()
export class OutboxWorker extends IntervalWorker {
  protected readonly logger = new Logger(OutboxWorker.name);
  private readonly owner = randomUUID();
  private claims = 0;
  private readonly handlers = new Map<string, OutboxHandler>();

  constructor(
    private readonly outbox: OutboxRepository,
    private readonly accounts: Accounts,
    private readonly wechat: WechatClient,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {
    super();
  }

  /** Feature modules register the delivery of their topics at start-up. */
  register(topic: string, handler: OutboxHandler): void {
    this.handlers.set(topic, handler);
  }

  /**
   * Claims and delivers due rows, batch after batch while a batch comes full (a burst of changes,
   * or WeChat back after an outage, is worked off now rather than 20 rows per interval), within
   * TICK_BUDGET_MS; returns how many were attempted. A row retried in this tick is due again only
   * after its backoff, a leased one only after its lease, so the loop ends.
   */
  async tick(now = new Date()): Promise<number> {
    const started = Date.now();
    let attempted = 0;
    for (;;) {
      const n = await this.tickBatch(now);
      attempted += n;
      if (n < BATCH || Date.now() - started >= TICK_BUDGET_MS) return attempted;
    }
  }

  /**
   * One batch: claimed in one statement (claimBatch), the subscribe messages' recipients' openids
   * read in one more, then each row sent and marked on its own, so a crash loses at most the marks
   * of the rows being sent (which WeChat's one-time subscription makes harmless, see above). Up to
   * OUTBOX_SEND_CONCURRENCY recipients at once, each recipient's rows in order; the batch ends when all
   * have ended, and then reports the first failure, if any.
   */
  private async tickBatch(now: Date): Promise<number> {
    const rows = await this.outbox.claimDue(now, BATCH, { until: new Date(now.getTime() + LEASE_MS), token: `${this.owner}:${++this.claims}` });
    if (!rows.length) return 0;
    const payloads = new Map(rows.map((row) => [row.id, this.readSubscribe(row)]));
    const batch: Batch = { payloads, openids: await this.openidsOf([...payloads.values()]) };
    const lanes = new Map<string, OutboxEntity[]>();
    for (const row of rows) {
      const payload = payloads.get(row.id);
      const lane = payload && !(payload instanceof Error) ? `user:${payload.userId}` : `row:${row.id}`;
      const queued = lanes.get(lane);
      if (queued) queued.push(row);
      else lanes.set(lane, [row]);
    }
    const waiting = [...lanes.values()];
    const runLanes = async () => {
      for (let lane = waiting.shift(); lane; lane = waiting.shift()) {
        for (const row of lane) await this.deliver(row, now, batch);
      }
    };
    const ended = await Promise.allSettled(Array.from({ length: Math.min(OUTBOX_SEND_CONCURRENCY, waiting.length) }, runLanes));
    const failed = ended.find((e): e is PromiseRejectedResult => e.status === 'rejected');
    if (failed) throw failed.reason;
    return rows.length;
  }

  /**
   * A WeChat subscribe message's payload, read (and, if confidential, decrypted) once per batch;
   * null for the topics of a handler. If it cannot be read, the error, which `send` raises so the
   * row becomes a dead letter without holding up the rest of its batch.
   */
  private readSubscribe(row: OutboxEntity): SubscribePayload | Error | null {
    if (row.topic !== OUTBOX_TOPIC_SUBSCRIBE || this.handlers.has(row.topic)) return null;
    try {
      return outboxPayload<SubscribePayload>(row.payload);
    } catch (err) {
      return err instanceof Error ? err : new Error(String(err));
    }
  }

  /**
   * The openid of each subscribe message's recipient, by user id (null: none, in-app only). The
   * openid only: the deliverer has no use for (and does not decrypt) a name, phone or ID number.
   */
  private async openidsOf(payloads: (SubscribePayload | Error | null)[]): Promise<Map<number, string | null>> {
    const userIds = [...new Set(payloads.flatMap((p) => (p && !(p instanceof Error) ? [p.userId] : [])))];
    const openids = new Map<number, string | null>(userIds.map((id) => [id, null]));
    for (const [id, openid] of await this.accounts.openids(userIds)) openids.set(id, openid);
    return openids;
  }

  private async deliver(row: OutboxEntity, now: Date, batch: Batch): Promise<void> {
    let outcome: { status: 'sent' | 'skipped'; note: string | null } | { error: unknown };
    try {
      outcome = await this.send(row, batch);
    } catch (err) {
      outcome = { error: err };
    }
    // Marking is outside the try: if it fails (the process dies, the database blips) the row stays
    // leased and is retried after the lease, which WeChat's one-time subscription makes harmless.
    if ('status' in outcome) return this.finish(row, outcome.status, outcome.note);
    const err = outcome.error;
    const attempts = row.attempts + 1;
    if (err instanceof WechatApiError && err.errcode === WechatErrcode.NO_SUBSCRIPTION) {
      return this.finish(row, 'skipped', 'no subscription left (43101)');
    }
    const retryable = err instanceof WechatApiError || err instanceof OutboxDeliveryError ? err.retryable : false;
    const message = err instanceof WechatApiError ? `errcode ${err.errcode}: ${err.errmsg}` : err instanceof Error ? err.message : String(err);
    if (!retryable || attempts >= OUTBOX_MAX_ATTEMPTS) {
      await this.outbox.close(row.id, 'dead', attempts, message.slice(0, 300), new Date());
      this.logger.warn(`outbox ${row.id} dead after ${attempts} attempt(s): ${message}`);
      await this.handlers.get(row.topic)?.onDead?.(row, message);
      return;
    }
    await this.outbox.backOff(row.id, attempts, message.slice(0, 300), new Date(now.getTime() + backoffMs(attempts)));
  }

  private async send(row: OutboxEntity, batch: Batch): Promise<{ status: 'sent' | 'skipped'; note: string | null }> {
    const handler = this.handlers.get(row.topic);
    if (handler) return handler.deliver(row);
    const payload = batch.payloads.get(row.id);
    if (!payload) throw new Error(`unknown topic ${row.topic}`);
    if (payload instanceof Error) throw payload;
    const openid = batch.openids.get(payload.userId);
    if (!openid) return { status: 'skipped', note: 'recipient has no WeChat openid (in-app notification only)' };
    await this.wechat.sendSubscribeMessage({
      touser: openid,
      templateId: payload.templateId,
      page: payload.page,
      data: payload.data,
      miniprogramState: this.config.env === 'production' ? 'formal' : 'developer',
    });
    return { status: 'sent', note: null };
  }

  private async finish(row: OutboxEntity, status: 'sent' | 'skipped', note: string | null): Promise<void> {
    await this.outbox.close(row.id, status, row.attempts + 1, note, new Date());
  }

  /** An admin sends a dead letter again (after fixing what was wrong). */
  async retry(ids: number[]): Promise<number> {
    return this.outbox.revive(ids, new Date());
  }

  /**
   * 重新发送 from the dead-letter list: the row is taken back from the dead letters under this
   * deliverer's lease (so no tick sends it too) and sent at once, and the admin is told how it
   * went: sent, failed again (a dead letter again, with WeChat's answer) or, if WeChat was busy,
   * queued for the worker's next try.
   */
  async retryNow(id: number, now = new Date()): Promise<OutboxRetryResult> {
    const token = `${this.owner}:${++this.claims}`;
    if (!(await this.outbox.retake(id, now, { until: new Date(now.getTime() + LEASE_MS), token }))) return { count: 0, status: null, lastError: null };
    const row = await this.outbox.get(id);
    const payload = this.readSubscribe(row);
    await this.deliver(row, now, { payloads: new Map([[row.id, payload]]), openids: await this.openidsOf([payload]) });
    const after = await this.outbox.get(id);
    return { count: 1, status: after.status, lastError: after.status === 'sent' ? null : after.lastError };
  }
}

/** WeChat refused the request itself (a non-retryable errcode such as 47003): the worker did not try it again. */
export function refusedByWechat(lastError: string | null): boolean {
  const code = /^errcode (-?\d+)/.exec(lastError ?? '')?.[1];
  return code !== undefined && !isRetryableErrcode(Number(code));
}

import { Injectable } from '@nestjs/common';
import { EntityManager, In, LessThanOrEqual } from 'typeorm';
import { claimBatch, Database, execute, isMysql, selectRows, valueTuples } from '../../common/db';
import { OutboxEntity, OutboxStatus } from './outbox.entity';

/** Rows per multi-row INSERT of enqueueMany (10 values each). */
const OUTBOX_INSERT_CHUNK = 1000;

/** The outbox's rows as the deliverer claims, sends and marks them. */
@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Database) {}

  private get rows() {
    return this.db.manager.getRepository(OutboxEntity);
  }

  /**
   * Another outgoing message, in `m`'s transaction: a pending row due now; writing the same
   * `dedupeKey` twice is a no-op.
   */
  async enqueue(m: EntityManager, topic: string, dedupeKey: string, payload: string, now: Date): Promise<void> {
    await m.createQueryBuilder().insert().into(OutboxEntity).values({
      topic, dedupeKey, payload, status: 'pending', attempts: 0, nextAttemptAt: now, leaseUntil: null, lastError: null, createdAt: now, sentAt: null,
    }).orIgnore().execute();
  }

  /**
   * Many rows at once, in `m`'s transaction: one multi-row INSERT per OUTBOX_INSERT_CHUNK rows, each
   * due at its `due`; a `dedupeKey` already written is skipped.
   */
  async enqueueMany(m: EntityManager, rows: readonly { topic: string; dedupeKey: string; payload: string; due: Date }[], now: Date): Promise<void> {
    const ignore = isMysql(m) ? 'INSERT IGNORE' : 'INSERT OR IGNORE';
    for (let i = 0; i < rows.length; i += OUTBOX_INSERT_CHUNK) {
      const chunk = rows.slice(i, i + OUTBOX_INSERT_CHUNK);
      await execute(m,
        `${ignore} INTO outbox (topic, dedupe_key, payload, status, attempts, next_attempt_at, lease_until, last_error, created_at, sent_at) VALUES ${valueTuples(chunk.length, 10)}`,
        chunk.flatMap((r) => [r.topic, r.dedupeKey, r.payload, 'pending', 0, r.due, null, null, now, null]));
    }
  }

  /**
   * Removes pending rows whose dedupe key starts with `prefix` that no deliverer holds (and, with
   * `dueAfter`, only those due later): up to `batch` of them; answers the removed rows' keys.
   */
  async dropPending(prefix: string, dueAfter: Date | null, batch: number): Promise<string[]> {
    const where = `dedupe_key LIKE ? AND status = 'pending' AND lease_until IS NULL${dueAfter ? ' AND next_attempt_at > ?' : ''}`;
    // Keys are made of letters, digits and colons: nothing in `prefix` is a LIKE wildcard.
    const params = [`${prefix}%`, ...(dueAfter ? [dueAfter] : [])];
    return this.db.transaction(async ({ manager: m }) => {
      const rows = await selectRows<{ id: number; dedupeKey: string }>(m, `SELECT id, dedupe_key AS dedupeKey FROM outbox WHERE ${where} ORDER BY id LIMIT ${batch}`, params);
      if (!rows.length) return [];
      await execute(m, `DELETE FROM outbox WHERE id IN (${rows.map(() => '?').join(', ')}) AND ${where}`, [...rows.map((r) => r.id), ...params]);
      return rows.map((r) => r.dedupeKey);
    });
  }

  /** Claims up to `batch` due pending rows under `token`'s lease (common/db/lease.ts), in the due order. */
  claimDue(now: Date, batch: number, lease: { until: Date; token: string }): Promise<OutboxEntity[]> {
    return claimBatch(
      this.rows,
      { where: { status: 'pending', nextAttemptAt: LessThanOrEqual(now) }, sql: 'status = :pending', params: { pending: 'pending' }, order: { nextAttemptAt: 'ASC', id: 'ASC' }, batch },
      lease,
      now,
    );
  }

  /** Closes a row: sent or skipped (with the attempt counted), or dead with its error. */
  async close(id: number, status: Exclude<OutboxStatus, 'pending'>, attempts: number, lastError: string | null, at: Date): Promise<void> {
    await this.rows.update(
      { id },
      status === 'dead'
        ? { status, attempts, leaseUntil: null, leaseOwner: null, lastError }
        : { status, attempts, leaseUntil: null, leaseOwner: null, lastError, sentAt: status === 'sent' ? at : null },
    );
  }

  /** A failed attempt to try again at `nextAttemptAt`. */
  async backOff(id: number, attempts: number, lastError: string, nextAttemptAt: Date): Promise<void> {
    await this.rows.update({ id }, { attempts, leaseUntil: null, leaseOwner: null, lastError, nextAttemptAt });
  }


  /** Dead letters of `ids` back to pending, due now; returns how many. */
  async revive(ids: readonly number[], now: Date): Promise<number> {
    const result = await this.rows.update({ id: In([...ids]), status: 'dead' }, { status: 'pending', nextAttemptAt: now, lastError: null });
    return result.affected ?? 0;
  }

  /** A dead letter taken back under `token`'s lease, to send at once; false when it is no longer dead. */
  async retake(id: number, now: Date, lease: { until: Date; token: string }): Promise<boolean> {
    const taken = await this.rows.update(
      { id, status: 'dead' },
      { status: 'pending', nextAttemptAt: now, lastError: null, leaseUntil: lease.until, leaseOwner: lease.token },
    );
    return Boolean(taken.affected);
  }

  get(id: number): Promise<OutboxEntity> {
    return this.rows.findOneByOrFail({ id });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { insertReturningId, isMysql, sqlValues, StatementBatch } from './sql';

/**
 * One unit of work: the only transaction API of the service (docs/architecture.md). Services open
 * one (`Database.transaction`) and hand it to the repositories of the features involved, which
 * add their statements to it:
 * - `manager`: TypeORM's EntityManager of the transaction (repositories, `find`, `update`, …);
 * - `insert`: a single-row INSERT run at once, returning the id it generated (insert-then-id);
 * - `query`: statements whose results the work needs, run at once in one round trip;
 * - `later`: a write nothing waits for, sent together with the other queued ones (a
 *   StatementBatch) in the unit's last round trip, with COMMIT; `onId` gets its generated id;
 * - `flush`: sends the queued writes now, for a statement that must see them.
 *
 * On MySQL/MariaDB `START TRANSACTION` travels with the unit's first statement when that is an
 * `insert` or a `query`, and `COMMIT` with the queued writes: a report is three round trips in all (the
 * context read, BEGIN with the case row, the batch with COMMIT), two fewer than TypeORM's
 * `transaction` (~760 → ~840 req/s in `pnpm bench`). On SQLite it is TypeORM's `transaction`.
 *
 * TypeORM internals this relies on (pinned by unit-of-work.spec.ts, which fails on a TypeORM
 * upgrade until they are checked again): the QueryRunner's `isTransactionActive` and
 * `transactionDepth` fields, which tell TypeORM a transaction is open so nothing inside opens one
 * of its own (on MySQL a second START TRANSACTION would commit this one), and its `query` method,
 * replaced on this runner so the first statement opens the transaction.
 */
export interface UnitOfWork {
  readonly manager: EntityManager;
  /** A single-row INSERT, run now; returns the id it generated. */
  insert(sql: string, values: readonly unknown[]): Promise<number>;
  /**
   * Statements run now, in one round trip on MySQL/MariaDB (one by one on SQLite); the raw result
   * of each, in order (rows for a SELECT, the driver's OK packet for a write). Queued writes are
   * not sent first: `flush` them before a statement that must see them.
   */
  query(statements: readonly { sql: string; values?: readonly unknown[] }[]): Promise<unknown[]>;
  /** A write sent with the commit (or the next `flush`), in the order added; `onId` gets the id it generated. */
  later(sql: string, values?: readonly unknown[], onId?: (id: number) => void): void;
  /** Sends the queued writes now. */
  flush(): Promise<void>;
}

/** The version whose QueryRunner internals unit-of-work.ts was checked against. */
export const TYPEORM_CHECKED_VERSION = '0.3.31';

/** The QueryRunner fields TypeORM reads to know a transaction is open (BaseQueryRunner). */
interface TransactionState {
  isTransactionActive: boolean;
  transactionDepth: number;
}
type Send = (sql: string, values?: unknown[], structured?: boolean) => Promise<unknown>;

class Queue {
  private readonly batch = new StatementBatch();
  private readonly callbacks: (((id: number) => void) | undefined)[] = [];

  get size(): number {
    return this.callbacks.length;
  }

  add(sql: string, values: readonly unknown[], onId?: (id: number) => void): void {
    this.batch.add(sql, values, { returningId: Boolean(onId) });
    this.callbacks.push(onId);
  }

  /** Runs the queued writes (with `closing` appended, e.g. COMMIT) and hands out the ids. */
  async run(manager: EntityManager, closing?: string): Promise<void> {
    const callbacks = this.callbacks.splice(0);
    if (closing) this.batch.add(closing);
    const ids = await this.batch.run(manager);
    callbacks.forEach((onId, i) => onId?.(Number(ids[i])));
  }
}

/** Runs `work` as one unit of work on `dataSource` (Database.transaction for injected code). */
export async function unitOfWork<T>(dataSource: DataSource, work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
  if (!isMysql(dataSource.manager)) {
    return dataSource.transaction(async (manager) => {
      const queue = new Queue();
      const result = await work({
        manager,
        insert: (sql, values) => insertReturningId(manager, sql, values),
        query: async (statements) => {
          const results: unknown[] = [];
          for (const s of statements) results.push(await manager.query(s.sql, sqlValues(manager, s.values ?? [])));
          return results;
        },
        later: (sql, values = [], onId) => queue.add(sql, values, onId),
        flush: () => queue.run(manager),
      });
      await queue.run(manager);
      return result;
    });
  }
  const runner: QueryRunner = dataSource.createQueryRunner();
  const state = runner as unknown as TransactionState;
  state.isTransactionActive = true;
  state.transactionDepth = 1;
  const at: { phase: 'before' | 'open' | 'committed' } = { phase: 'before' };
  const send = runner.query.bind(runner) as Send;
  // A statement that comes before an `insert` opens the transaction on a round trip of its own.
  (runner as { query: Send }).query = async (sql, values, structured) => {
    if (at.phase === 'before') {
      at.phase = 'open';
      await send('START TRANSACTION');
    }
    return send(sql, values, structured);
  };
  const queue = new Queue();
  const uow: UnitOfWork = {
    manager: runner.manager,
    insert: async (sql, values) => {
      if (at.phase !== 'before') return insertReturningId(runner.manager, sql, values);
      at.phase = 'open';
      const [, inserted] = (await send(`START TRANSACTION;\n${sql}`, values as unknown[])) as [unknown, { insertId: number | string }];
      return Number(inserted.insertId);
    },
    query: async (statements) => {
      const opening = at.phase === 'before';
      at.phase = 'open';
      const texts = [...(opening ? ['START TRANSACTION'] : []), ...statements.map((s) => s.sql)];
      const raw = await send(texts.join(';\n'), statements.flatMap((s) => [...(s.values ?? [])]));
      const results = texts.length === 1 ? [raw] : (raw as unknown[]);
      return opening ? results.slice(1) : results;
    },
    later: (sql, values = [], onId) => queue.add(sql, values, onId),
    flush: () => queue.run(runner.manager),
  };
  try {
    const result = await work(uow);
    if (queue.size) {
      // Opens the transaction first if nothing has yet (the patched query), and commits with the batch.
      await queue.run(runner.manager, 'COMMIT');
    } else if (at.phase === 'open') {
      await send('COMMIT');
    }
    at.phase = 'committed';
    return result;
  } catch (err) {
    // A failing statement of the closing batch stops it before its COMMIT: the transaction is still open.
    if (at.phase === 'open') await send('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    state.isTransactionActive = false;
    state.transactionDepth = 0;
    await runner.release();
  }
}

/** The unit of work for injected code: `constructor(private readonly db: Database)`, then `db.transaction(…)`. */
@Injectable()
export class Database {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T> {
    return unitOfWork(this.dataSource, work);
  }

  /** The manager outside any transaction, for the data/ parts' reads. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}

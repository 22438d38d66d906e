import type { EntityManager } from 'typeorm';

/**
 * Hand-written SQL for the hottest paths (the case queue, the case page, submitting a report),
 * where TypeORM's query building, entity hydration and the re-read after every insert cost more
 * CPU than the database does (`pnpm bench`). Everything else keeps using repositories. Only a
 * feature's `data/` part uses these (docs/architecture.md); transactions are units of work
 * (unit-of-work.ts).
 *
 * The statements run through the EntityManager, so they join its transaction, and are written to
 * run unchanged on MySQL/MariaDB and on the demo's SQLite: `?` placeholders, identifiers in
 * backticks (SQLite accepts them), no vendor functions. Values are passed as the driver wants
 * them: SQLite gets dates as UTC text and booleans as 0/1, exactly as TypeORM itself stores them.
 */
export function isMysql(manager: EntityManager): boolean {
  return manager.connection.options.type === 'mysql' || manager.connection.options.type === 'mariadb';
}

/**
 * `find` options locking the read row for the transaction on MySQL/MariaDB (FOR UPDATE). SQLite
 * has no row locks: its single writer serialises the transactions anyway.
 */
export function forUpdate(manager: EntityManager): { lock?: { mode: 'pessimistic_write' } } {
  return isMysql(manager) ? { lock: { mode: 'pessimistic_write' } } : {};
}

/** Date → `YYYY-MM-DD HH:mm:ss.SSS` in UTC, TypeORM's SQLite storage format. */
const sqliteDate = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export function sqlValues(manager: EntityManager, values: readonly unknown[]): unknown[] {
  if (isMysql(manager)) return values as unknown[];
  return values.map((v) => (v instanceof Date ? sqliteDate(v) : typeof v === 'boolean' ? (v ? 1 : 0) : v === undefined ? null : v));
}

/**
 * A LIKE pattern matching `text` anywhere, its own `%`, `_` and `!` taken literally. Use it as
 * `col LIKE :p ESCAPE '!'` ('!' rather than a backslash, which MySQL and SQLite read differently).
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

/** `(?, ?, …), (?, ?, …)` for a multi-row INSERT of `rows` rows of `columns` values each. */
export function valueTuples(rows: number, columns: number): string {
  const tuple = `(${Array(columns).fill('?').join(', ')})`;
  return Array(rows).fill(tuple).join(', ');
}

/** Whether a write failed on a unique key (MariaDB/MySQL ER_DUP_ENTRY, SQLite UNIQUE constraint). */
export function isDuplicateKey(err: unknown): boolean {
  return err instanceof Error && /ER_DUP_ENTRY|UNIQUE constraint|Duplicate entry/i.test(`${(err as { code?: string }).code ?? ''} ${err.message}`);
}

export function selectRows<T = Record<string, unknown>>(manager: EntityManager, sql: string, values: readonly unknown[] = []): Promise<T[]> {
  return manager.query(sql, sqlValues(manager, values)) as Promise<T[]>;
}

export async function execute(manager: EntityManager, sql: string, values: readonly unknown[] = []): Promise<void> {
  await manager.query(sql, sqlValues(manager, values));
}

/** A single-row INSERT; returns the generated id (MySQL's insertId, SQLite's RETURNING). */
export async function insertReturningId(manager: EntityManager, sql: string, values: readonly unknown[]): Promise<number> {
  if (isMysql(manager)) {
    const result = (await manager.query(sql, values as unknown[])) as { insertId: number | string };
    return Number(result.insertId);
  }
  const rows = (await manager.query(`${sql} RETURNING id`, sqlValues(manager, values))) as { id: number | string }[];
  return Number(rows[0].id);
}

interface BatchedStatement {
  sql: string;
  values: readonly unknown[];
  returningId: boolean;
}

/**
 * Writes of one transaction whose results nothing waits for (but generated ids), sent together:
 * on MySQL/MariaDB as one multi-statement round trip (the pool allows them; every value still
 * goes through the driver's escaping, every statement text is the code's own), on SQLite one by
 * one. `pnpm bench` showed a report's ~10 statements costing more in round trips (a socket write
 * and a database thread wake-up each) than in work. A failing statement stops the rest, and the
 * error reaches the caller, whose transaction then rolls back as usual.
 */
export class StatementBatch {
  private readonly statements: BatchedStatement[] = [];

  /** Adds a statement; with `returningId`, `run` returns the id it generated at this index. */
  add(sql: string, values: readonly unknown[] = [], options: { returningId?: boolean } = {}): number {
    this.statements.push({ sql, values, returningId: options.returningId ?? false });
    return this.statements.length - 1;
  }

  /** Sends and empties the batch, in the order added; per statement, the id it generated (when asked) or null. */
  async run(manager: EntityManager): Promise<(number | null)[]> {
    const statements = this.statements.splice(0);
    if (!statements.length) return [];
    if (isMysql(manager)) {
      const raw = (await manager.query(
        statements.map((s) => s.sql).join(';\n'),
        statements.flatMap((s) => s.values as unknown[]),
      )) as { insertId?: number | string } | { insertId?: number | string }[];
      const results = statements.length === 1 ? [raw as { insertId?: number | string }] : (raw as { insertId?: number | string }[]);
      return statements.map((s, i) => (s.returningId ? Number(results[i].insertId) : null));
    }
    const ids: (number | null)[] = [];
    for (const s of statements) {
      if (s.returningId) ids.push(await insertReturningId(manager, s.sql, s.values));
      else {
        await execute(manager, s.sql, s.values);
        ids.push(null);
      }
    }
    return ids;
  }
}

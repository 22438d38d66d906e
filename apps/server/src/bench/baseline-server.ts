import { createServer } from 'node:http';
import { createPool } from 'mysql2/promise';
import { queueQuery } from '../cases/data/queue-sql';

/**
 * Baselines for `pnpm bench`, served by bare node:http + mysql2 with no framework, auth or
 * validation. The service's figures are printed as a ratio to these.
 * - `/` (or `/me`): the same read as GET /api/me (the caller's user row and org unit);
 * - `/cases`: the officer's queue page, with the very statement CasesRepository.queue sends for
 *   an officer scope (cases/queue-sql.ts): the page of ids with the total (COUNT(*) OVER ()) in a
 *   derived table, joined back to cases and org_units.
 */
const pool = createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z' });
const userId = Number(process.env.BASELINE_USER_ID ?? 1);
const officerId = Number(process.env.BASELINE_OFFICER_ID ?? 1);

async function me(): Promise<unknown> {
  const [users] = await pool.query('SELECT id, username, nickname, role, is_informant, org_unit_id, phone_enc FROM users WHERE id = ?', [userId]);
  const user = (users as Record<string, unknown>[])[0];
  const [units] = user?.org_unit_id ? await pool.query('SELECT id, name FROM org_units WHERE id = ?', [user.org_unit_id]) : [[]];
  return { ...user, orgUnit: (units as unknown[])[0] ?? null };
}

async function queue(): Promise<unknown> {
  const now = new Date();
  const { sql, values } = queueQuery({ kind: 'officer', officerId }, { page: 1, pageSize: 20 }, now);
  const [rows] = (await pool.query(sql, values)) as unknown as [Record<string, unknown>[]];
  const items = rows.map(({ total: _total, ...r }) => ({ ...r, overdue: r.nextDueAt instanceof Date && r.nextDueAt.getTime() < now.getTime() }));
  return { items, total: Number(rows[0]?.total ?? 0), page: 1, pageSize: 20 };
}

createServer(async (req, res) => {
  try {
    const body = req.url?.startsWith('/cases') ? await queue() : await me();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  } catch (err) {
    res.statusCode = 500;
    res.end(String(err));
  }
}).listen(Number(process.env.PORT), '127.0.0.1');

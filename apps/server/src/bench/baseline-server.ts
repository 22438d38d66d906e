import { TERMINAL_STATUSES } from '@jws/contracts';
import { createServer } from 'node:http';
import { createPool } from 'mysql2/promise';

/**
 * Baselines for `pnpm bench`, served by bare node:http + mysql2 with no framework, auth or
 * validation. The service's figures are printed as a ratio to these.
 * - `/` (or `/me`): the same read as GET /api/me (the caller's user row and org unit);
 * - `/cases`: the officer's queue page, with the SQL CasesRepository.queue sends for an officer
 *   scope: one statement, the page of ids with the total (COUNT(*) OVER ()) in a derived table,
 *   joined back to cases and org_units.
 */
const pool = createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z' });
const userId = Number(process.env.BASELINE_USER_ID ?? 1);
const officerId = Number(process.env.BASELINE_OFFICER_ID ?? 1);
const TERMINAL = [...TERMINAL_STATUSES];
const ORDER = 'ORDER BY overdueRank ASC, noDue ASC, `c`.`next_due_at` ASC, `c`.`id` DESC';
const RANKS =
  'CASE WHEN `c`.`next_due_at` IS NOT NULL AND `c`.`next_due_at` < ? THEN 0 ELSE 1 END AS `overdueRank`, ' +
  'CASE WHEN `c`.`next_due_at` IS NULL THEN 1 ELSE 0 END AS `noDue`';
/** Copied from what CasesRepository.queue sends for an officer scope (page 1, 20 per page). */
const QUEUE_SQL =
  'SELECT `c`.`id` AS id, `c`.`number` AS number, `c`.`kind` AS kind, `c`.`subcategory` AS subcategory, `c`.`title` AS title, ' +
  '`c`.`status` AS status, `c`.`community_id` AS communityId, `o`.`name` AS communityName, `c`.`created_at` AS createdAt, ' +
  '`c`.`next_due_at` AS nextDueAt, `c`.`escalation` AS escalation, `c`.`serious_risk` AS seriousRisk, `c`.`held_for_review` AS heldForReview, ' +
  `${RANKS}, p.total AS \`total\` FROM (SELECT \`c\`.\`id\` AS \`id\`, COUNT(*) OVER () AS \`total\`, ${RANKS} FROM \`cases\` \`c\` ` +
  `WHERE \`c\`.\`officer_id\` = ? AND \`c\`.\`status\` NOT IN (${TERMINAL.map(() => '?').join(', ')}) ${ORDER} LIMIT 20 OFFSET 0) \`p\` ` +
  `INNER JOIN \`cases\` \`c\` ON \`c\`.\`id\` = p.id  INNER JOIN \`org_units\` \`o\` ON \`o\`.\`id\` = \`c\`.\`community_id\` ${ORDER}`;

async function me(): Promise<unknown> {
  const [users] = await pool.query('SELECT id, username, nickname, role, is_informant, org_unit_id, phone_enc FROM users WHERE id = ?', [userId]);
  const user = (users as Record<string, unknown>[])[0];
  const [units] = user?.org_unit_id ? await pool.query('SELECT id, name FROM org_units WHERE id = ?', [user.org_unit_id]) : [[]];
  return { ...user, orgUnit: (units as unknown[])[0] ?? null };
}

async function queue(): Promise<unknown> {
  const now = new Date();
  const [rows] = (await pool.query(QUEUE_SQL, [now, now, officerId, ...TERMINAL])) as unknown as [Record<string, unknown>[]];
  const items = rows.map(({ overdueRank, noDue: _noDue, total: _total, ...r }) => ({ ...r, overdue: overdueRank === 0 }));
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

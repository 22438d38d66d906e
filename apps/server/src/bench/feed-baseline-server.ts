import { MembershipStatus } from '@jws/contracts';
import { createServer } from 'node:http';
import { createPool } from 'mysql2/promise';
import { feedQueries } from '../bulletins/data/feed-sql';

/**
 * The feed's baseline for `pnpm bench` (bench/bulletin-feed.ts): bare node:http + mysql2, no
 * framework, auth or validation, sending the statements GET /api/bulletins/feed sends for the
 * same resident: their groups (GroupsRepository.idsOfMember), then the page and the total
 * (bulletins/data/feed-sql.ts), with the same mapping of rows to items.
 */
const pool = createPool({ uri: process.env.DATABASE_URL, connectionLimit: 20, timezone: 'Z' });
const userId = Number(process.env.BASELINE_USER_ID ?? 1);

async function feed(): Promise<unknown> {
  const [groups] = (await pool.query(
    'SELECT g.id AS id FROM memberships m JOIN police_groups g ON g.community_id = m.community_id WHERE m.user_id = ? AND m.status = ?',
    [userId, MembershipStatus.Active],
  )) as unknown as [{ id: number }[]];
  const q = feedQueries(groups.map((g) => Number(g.id)), userId, new Date(), undefined, 1, 20);
  const [[rows], [count]] = (await Promise.all([pool.query(q.page.sql, q.page.values), pool.query(q.count.sql, q.count.values)])) as unknown as [
    [Record<string, unknown>[]], [{ n: number }[]],
  ];
  const items = rows.map((r) => ({
    id: Number(r.id), kind: r.kind, warningType: r.warningType ?? null, title: String(r.title),
    pushedAt: (r.pushedAt as Date).toISOString(), read: r.readAt !== null,
  }));
  return { items, total: Number(count[0]?.n ?? 0), page: 1, pageSize: 20 };
}

createServer(async (_req, res) => {
  try {
    const body = await feed();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  } catch (err) {
    res.statusCode = 500;
    res.end(String(err));
  }
}).listen(Number(process.env.PORT), '127.0.0.1');

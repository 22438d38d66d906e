import 'reflect-metadata';
import { BulletinKind, BulletinStatus, MembershipStatus, WarningType } from '@jws/contracts';
import { ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { chinaDate, chinaMidnight } from '../common/china-time';
import { feedQueries } from '../bulletins/data/feed-sql';
import { freshBenchDatabase, spawnBenchService, waitFor } from './bench-support';
import { COMMUNITIES, generateCity, RESIDENTS, type City } from './dataset';
import { cpuProbeMs, get, measure, printTable, Row } from './load';

/**
 * `pnpm bench`, after the case figures: a resident's bulletin feed (GET /api/bulletins/feed, first
 * page) with a year of pushes in the bench city — 2 a day into each of its 453 community groups,
 * ≈ 330,000 bulletin_pushes rows, bulk-inserted — at 50 connections, against a bare node:http +
 * mysql2 baseline sending the same SQL (feed-baseline-server.ts). Prints EXPLAIN of each statement
 * (every table access must be an index range or lookup) and the figures with the ≥ 50 % target.
 * Asserts nothing. Or alone: `node dist/bench/bulletin-feed.js`.
 */
const DB = 'jws_bench_feed';
const KEY = randomBytes(32);
const JWT_SECRET = randomBytes(48).toString('base64');
const DAYS = Number(process.env.BENCH_FEED_DAYS ?? 365);
const PER_DAY = 2;
const PORT = Number(process.env.BENCH_PORT ?? 3999) + 20;
const KINDS: [BulletinKind, WarningType | null][] = [
  [BulletinKind.LegalPublicity, null], [BulletinKind.Warning, WarningType.Case], [BulletinKind.LegalPublicity, null],
  [BulletinKind.Warning, WarningType.Security], [BulletinKind.Rumour, null], [BulletinKind.Warning, WarningType.Prevention], [BulletinKind.Positive, null],
];

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
/** An access token as the service issues it (HS256, { sub, typ: 'access' }). */
function accessToken(userId: number): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: userId, typ: 'access', iat: now, exp: now + 3600 }))}`;
  return `${head}.${createHmac('sha256', Buffer.from(JWT_SECRET, 'utf8')).update(head).digest('base64url')}`;
}

/**
 * A year of bulletins, two a day, each pushed into every community group in slots 1 and 2 of its
 * China day (09:00 and 15:00) by the group's officer; the resident has read the older half.
 */
async function seedPushes(ds: DataSource, city: City, readerId: number): Promise<number> {
  const now = new Date();
  const author = city.communities[0];
  const [{ path }] = (await ds.query('SELECT path FROM org_units WHERE id = ?', [author.stationId])) as { path: string }[];
  const groups = (await ds.query("SELECT id, owner_id AS ownerId FROM police_groups WHERE kind = 'community' ORDER BY id")) as { id: number; ownerId: number }[];
  const count = DAYS * PER_DAY;
  const chunk = 1000;
  for (let i = 0; i < count; i += chunk) {
    const n = Math.min(chunk, count - i);
    const rows = Array.from({ length: n }, (_, k) => {
      const [kind, warningType] = KINDS[(i + k) % KINDS.length];
      return [kind, warningType, BulletinStatus.Approved, author.officerId, author.stationId, path, now, now];
    });
    await ds.query(
      `INSERT INTO bulletins (kind, warning_type, status, author_id, org_unit_id, org_path, version_id, useful_count, created_at, updated_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, 0, 0, ?, ?)').join(', ')}`,
      rows.flat(),
    );
  }
  const bulletins = ((await ds.query('SELECT id FROM bulletins ORDER BY id')) as { id: number }[]).map((r) => Number(r.id));
  for (let i = 0; i < bulletins.length; i += chunk) {
    const ids = bulletins.slice(i, i + chunk);
    await ds.query(
      `INSERT INTO bulletin_versions (bulletin_id, version_no, title, body, image_ids, legal_basis, tags, created_by, created_at) VALUES ${ids.map(() => '(?, 1, ?, ?, \'[]\', NULL, \'[]\', ?, ?)').join(', ')}`,
      ids.flatMap((id) => [id, `压测公告${id}：请注意防范电信诈骗`, JSON.stringify([{ type: 'paragraph', runs: [{ text: '压测正文' }] }]), author.officerId, now]),
    );
  }
  await ds.query('UPDATE bulletins b JOIN bulletin_versions v ON v.bulletin_id = b.id SET b.version_id = v.id, b.approved_version_id = v.id');
  const versions = new Map(((await ds.query('SELECT bulletin_id AS b, id FROM bulletin_versions')) as { b: number; id: number }[]).map((r) => [Number(r.b), Number(r.id)]));

  // Day d (0 = today) holds bulletins 2(DAYS-1-d) and 2(DAYS-1-d)+1, oldest first.
  const today = chinaMidnight(chinaDate(now)).getTime();
  let pushes = 0;
  let batch: unknown[][] = [];
  const flush = async () => {
    if (!batch.length) return;
    await ds.query(
      `INSERT INTO bulletin_pushes (bulletin_id, version_id, group_id, day, slot, pushed_by, pushed_at, created_at) VALUES ${batch.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      batch.flat(),
    );
    pushes += batch.length;
    batch = [];
  };
  for (let d = DAYS - 1; d >= 0; d--) {
    const dayStart = today - d * 86_400_000;
    const day = chinaDate(new Date(dayStart));
    for (let slot = 1; slot <= PER_DAY; slot++) {
      const bulletinId = bulletins[(DAYS - 1 - d) * PER_DAY + slot - 1];
      // 09:00 and 15:00 China time; today's may lie ahead (scheduled), as they would.
      const at = new Date(dayStart + (slot === 1 ? 9 : 15) * 3_600_000);
      for (const g of groups) {
        batch.push([bulletinId, versions.get(bulletinId), g.id, day, slot, g.ownerId, at, at]);
        if (batch.length >= 2000) await flush();
      }
    }
  }
  await flush();
  const read = bulletins.slice(0, bulletins.length / 2);
  for (let i = 0; i < read.length; i += chunk) {
    const ids = read.slice(i, i + chunk);
    await ds.query(`INSERT INTO bulletin_reads (bulletin_id, user_id, read_at, useful_at) VALUES ${ids.map(() => '(?, ?, ?, NULL)').join(', ')}`, ids.flatMap((id) => [id, readerId, now]));
  }
  return pushes;
}

/** EXPLAIN of the feed's statements for the resident; every table access should be a range or a lookup. */
async function explainFeed(databaseUrl: string, userId: number): Promise<void> {
  const conn = await createConnection({ uri: databaseUrl, timezone: 'Z' });
  try {
    const membership = 'SELECT g.id AS id FROM memberships m JOIN police_groups g ON g.community_id = m.community_id WHERE m.user_id = ? AND m.status = ?';
    const [groups] = (await conn.query(membership, [userId, MembershipStatus.Active])) as unknown as [{ id: number }[]];
    const q = feedQueries(groups.map((g) => Number(g.id)), userId, new Date(), undefined, 1, 20);
    for (const [label, sql, values] of [
      ['the resident’s groups', membership, [userId, MembershipStatus.Active]],
      ['the feed’s first page', q.page.sql, q.page.values],
      ['the feed’s total', q.count.sql, q.count.values],
    ] as [string, string, unknown[]][]) {
      const [plan] = (await conn.query(`EXPLAIN ${sql}`, values)) as unknown as [{ table: string; type: string; key: string | null; rows: number; Extra: string | null }[]];
      console.log(`EXPLAIN ${label}:`);
      for (const p of plan) {
        const ok = ['range', 'ref', 'eq_ref', 'const', 'system'].includes(p.type);
        console.log(`    ${p.table} ${p.type}${p.key ? ` ${p.key}` : ''} rows≈${p.rows}${p.Extra ? ` (${p.Extra})` : ''} ${ok ? '✓' : '✗ not an index range'}`);
      }
    }
  } finally {
    await conn.end();
  }
}

async function main(): Promise<void> {
  console.log(`\n## Bulletin feed\n\nmachine: ${cpus().length} CPU cores; load average at start ${loadavg().map((l) => l.toFixed(1)).join(' / ')}; CPU probe ${cpuProbeMs().toFixed(0)} ms`);
  const { ds, databaseUrl } = await freshBenchDatabase(DB, KEY);
  let t0 = Date.now();
  const city = await generateCity(ds);
  console.log(`dataset: ${COMMUNITIES} communities, ${RESIDENTS} residents and memberships generated in ${seconds(t0)} s`);
  const residentId = city.residentIds[0];
  t0 = Date.now();
  const pushes = await seedPushes(ds, city, residentId);
  console.log(`dataset: ${DAYS * PER_DAY} bulletins, ${pushes} pushes (${PER_DAY} a day × ${DAYS} days × ${COMMUNITIES} groups) inserted in batches of 2,000 in ${seconds(t0)} s`);
  await ds.query('ANALYZE TABLE bulletins, bulletin_versions, bulletin_pushes, bulletin_reads, memberships, police_groups');
  await ds.destroy();
  await explainFeed(databaseUrl, residentId);

  const children: ChildProcess[] = [];
  try {
    const url = `http://127.0.0.1:${PORT}`;
    const service = spawnBenchService(PORT, databaseUrl, KEY, 'http://127.0.0.1:9', { DEMO: '0', JWT_SECRET, WORKER_INTERVAL_MS: '0' });
    children.push(service);
    const baselineUrl = `http://127.0.0.1:${PORT + 1}`;
    const baseline = spawn(process.execPath, [join(__dirname, 'feed-baseline-server.js')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PORT: String(PORT + 1), DATABASE_URL: databaseUrl, BASELINE_USER_ID: String(residentId) },
    });
    children.push(baseline);
    await waitFor(`${url}/api/health`);
    await waitFor(`${baselineUrl}/`);

    const token = accessToken(residentId);
    const path = '/api/bulletins/feed';
    const fromService = (await (await fetch(url + path, { headers: { authorization: `Bearer ${token}` } })).json()) as FeedPage;
    const fromBaseline = (await (await fetch(baselineUrl)).json()) as FeedPage;
    const same = fromService.total === fromBaseline.total && JSON.stringify(fromService.items) === JSON.stringify(fromBaseline.items);
    console.log(`\nresident feed: ${fromService.total} bulletins, first page of ${fromService.items?.length}; baseline answers the same page: ${same ? 'yes' : 'NO'}`);

    const base: Row = { label: 'baseline: the feed’s SQL on bare node:http + mysql2', ...(await measure(get(baselineUrl), baseline.pid)) };
    const rows: Row[] = [{ label: `GET ${path} (a resident, first page of 20, ${pushes} pushes)`, ...(await measure(get(url + path, token), service.pid)), target: { minRatio: 50 } }];
    printTable('50 connections each; baseline = the same statements on bare node:http + mysql2 (no framework, no auth)', base, rows);
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

interface FeedPage {
  total: number;
  items: unknown[];
}

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

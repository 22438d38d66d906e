import 'reflect-metadata';
import { MemberType, MembershipStatus, OrgLevel, Role } from '@jws/contracts';
import { startFakeWechat } from '@jws/wechat';
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source';
import { FieldCipher } from '../personal-data/field-cipher';

/**
 * `pnpm bench`: the foundation's read paths on a city-sized dataset in MariaDB/MySQL
 * (453 communities under 4 branches and 40 stations, 130,000 residents with memberships).
 * Prints figures; asserts nothing. BENCH_DATABASE_URL defaults to the local MariaDB.
 */
const SERVER = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';
const DB = 'jws_bench';
const COMMUNITIES = 453;
const RESIDENTS = 130_000;
const BRANCHES = 4;
const STATIONS = 40;
const KEY = randomBytes(32);

async function main(): Promise<void> {
  const admin = await createConnection({ uri: SERVER });
  await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
  await admin.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();

  const fake = await startFakeWechat({ appId: 'wx-bench', appSecret: 'bench-secret' });
  const databaseUrl = `${SERVER.replace(/\/$/, '')}/${DB}`;
  const ds = new DataSource(dataSourceOptions({ kind: 'mysql', url: databaseUrl }));
  FieldCipher.install(KEY);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const t0 = Date.now();
  const { officerId, communityId } = await generateCity(ds);
  console.log(`dataset: ${COMMUNITIES} communities, ${RESIDENTS} residents and memberships generated in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  await ds.destroy();

  // The service runs in its own process, as in production, so the load generator does not
  // share its event loop.
  const port = Number(process.env.BENCH_PORT ?? 3999);
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [join(__dirname, '..', 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, DEMO: '1', NODE_ENV: 'development',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'jws-bench-')), DATA_ENCRYPTION_KEY: KEY.toString('base64'),
      WECHAT_APP_ID: 'wx-bench', WECHAT_APP_SECRET: 'bench-secret', WECHAT_API_BASE_URL: fake.url, LOG_LEVEL: 'silent',
    },
  });
  await waitForHealth(url);

  const token = async (username: string) =>
    ((await (await fetch(`${url}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) })).json()) as { accessToken: string }).accessToken;
  const cityLeader = await token('bench_city_leader');
  const officer = await token(`bench_officer_${officerId}`);
  const resident = await token('bench_resident_1');

  const cases: [string, string, string][] = [
    ['GET /api/me (resident)', '/api/me', resident],
    ['GET /api/me/memberships (resident)', '/api/me/memberships', resident],
    ['GET /api/workbench/communities (officer)', '/api/workbench/communities', officer],
    [`GET /api/workbench/communities (city leader, ${COMMUNITIES} rows)`, '/api/workbench/communities', cityLeader],
    [`GET /api/communities/:id/members (officer, ~${Math.round(RESIDENTS / COMMUNITIES)} members, audited)`, `/api/communities/${communityId}/members`, officer],
  ];
  const load = (target: string, bearer?: string) =>
    autocannon({
      url: target,
      connections: 50,
      duration: Number(process.env.BENCH_SECONDS ?? 10),
      headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    });

  const [residentRow] = await (async () => {
    const conn = await createConnection({ uri: databaseUrl });
    const [rows] = await conn.query("SELECT id FROM users WHERE username = 'bench_resident_1'");
    await conn.end();
    return rows as { id: number }[];
  })();
  const baselinePort = port + 1;
  const baseline = spawn(process.execPath, [join(__dirname, 'baseline-server.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(baselinePort), DATABASE_URL: databaseUrl, BASELINE_USER_ID: String(residentRow.id) },
  });
  await new Promise((r) => setTimeout(r, 1000));
  const base = await load(`http://127.0.0.1:${baselinePort}/`);
  baseline.kill('SIGTERM');

  console.log('\n50 connections each; baseline = the /api/me read on bare node:http + mysql2 (no framework, no auth)');
  console.log('\n| endpoint | req/s | p50 ms | p99 ms | errors | vs baseline |\n|---|---|---|---|---|---|');
  console.log(`| baseline: user + org unit by id | ${base.requests.average.toFixed(0)} | ${base.latency.p50} | ${base.latency.p99} | ${base.errors + base.non2xx} | 100 % |`);
  for (const [label, path, bearer] of cases) {
    const result = await load(url + path, bearer);
    const errors = result.errors + result.non2xx;
    const ratio = ((100 * result.requests.average) / base.requests.average).toFixed(0);
    console.log(`| ${label} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${errors} | ${ratio} % |`);
  }
  server.kill('SIGTERM');
  await fake.close();
}

async function waitForHealth(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('service did not become healthy');
}

/** Bulk-inserts the city with multi-row INSERTs (entity hydration would take minutes). */
async function generateCity(ds: DataSource): Promise<{ officerId: number; communityId: number }> {
  const q = (sql: string, params: unknown[] = []) => ds.query(sql, params);
  const insertUnit = async (name: string, level: OrgLevel, parentId: number | null, parentPath: string, officerId: number | null) => {
    const res = await q('INSERT INTO org_units (name, level, parent_id, path, officer_id) VALUES (?, ?, ?, ?, ?)', [name, level, parentId, 'x', officerId]);
    const id = Number(res.insertId);
    await q('UPDATE org_units SET path = ? WHERE id = ?', [`${parentPath}${id}/`, id]);
    return { id, path: `${parentPath}${id}/` };
  };
  const insertUser = async (username: string, role: Role, orgUnitId: number | null) => {
    const res = await q('INSERT INTO users (username, nickname, role, org_unit_id, is_informant, disabled, created_at) VALUES (?, ?, ?, ?, 0, 0, NOW(3))', [username, username, role, orgUnitId]);
    return Number(res.insertId);
  };
  const city = await insertUnit('基准市公安局', OrgLevel.City, null, '/', null);
  await insertUser('bench_city_leader', Role.CityLeader, city.id);
  const communities: number[] = [];
  let firstOfficer = 0;
  for (let b = 0; b < BRANCHES; b++) {
    const branch = await insertUnit(`分局${b + 1}`, OrgLevel.Branch, city.id, city.path, null);
    for (let s = 0; s < STATIONS / BRANCHES; s++) {
      const station = await insertUnit(`派出所${b + 1}-${s + 1}`, OrgLevel.Station, branch.id, branch.path, null);
      const perStation = Math.ceil(COMMUNITIES / STATIONS);
      for (let c = 0; c < perStation && communities.length < COMMUNITIES; c++) {
        const officerId = await insertUser(`bench_officer_tmp_${communities.length}`, Role.CommunityOfficer, station.id);
        await q('UPDATE users SET username = ? WHERE id = ?', [`bench_officer_${officerId}`, officerId]);
        firstOfficer ||= officerId;
        const community = await insertUnit(`社区${communities.length + 1}`, OrgLevel.Community, station.id, station.path, officerId);
        await q('INSERT INTO police_groups (kind, name, community_id, station_id, owner_id, enterprise_count) VALUES (?, ?, ?, ?, ?, 0)', ['community', `社区${communities.length + 1}警民议事群`, community.id, station.id, officerId]);
        communities.push(community.id);
      }
    }
  }
  const BATCH = 2000;
  for (let start = 0; start < RESIDENTS; start += BATCH) {
    const rows: unknown[] = [];
    const count = Math.min(BATCH, RESIDENTS - start);
    for (let i = 0; i < count; i++) {
      const n = start + i + 1;
      const phone = `139${String(n).padStart(8, '0')}`;
      rows.push(`bench_resident_${n}`, `居民${n}`, FieldCipher.encrypt(phone), FieldCipher.blindIndex(phone), Role.Resident);
    }
    const res = await q(
      `INSERT INTO users (username, nickname, phone_enc, phone_hash, role, is_informant, disabled, created_at) VALUES ${Array(count).fill('(?, ?, ?, ?, ?, 0, 0, NOW(3))').join(', ')}`,
      rows,
    );
    const firstId = Number(res.insertId);
    const memberships: unknown[] = [];
    for (let i = 0; i < count; i++) {
      memberships.push(firstId + i, communities[(start + i) % communities.length], MemberType.Resident, MembershipStatus.Active);
    }
    await q(
      `INSERT INTO memberships (user_id, community_id, member_type, status, joined_at, created_at) VALUES ${Array(count).fill('(?, ?, ?, ?, NOW(3), NOW(3))').join(', ')}`,
      memberships,
    );
  }
  return { officerId: firstOfficer, communityId: communities[0] };
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

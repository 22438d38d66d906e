import 'reflect-metadata';
import { BulletinKind, Role } from '@jws/contracts';
import { startFakeWechat } from '@jws/wechat';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import { freshBenchDatabase, spawnBenchService, waitFor } from './bench-support';
import { COMMUNITIES, generateCity, RESIDENTS } from './dataset';

/**
 * A city-wide bulletin push (`pnpm bench`, after the mediation rooms; or `node dist/bench/bulletin-push.js`):
 * on the bench city (453 community groups, 130,000 residents with memberships), every resident
 * holding a 警务公告 subscription, the city leader pushes one approved bulletin into all 453 groups.
 * Prints the time to enqueue every subscribe message (the push request: slots and batched outbox
 * INSERTs), then the time the outbox takes to drain them against the fake WeChat answering each
 * send after BENCH_WECHAT_LATENCY_MS (WeChat's servers are tens of ms away), and the counts that
 * show nothing lost: subscribers = outbox rows = sent = messages the fake received. Asserts nothing.
 */
const DB = 'jws_bench_bulletins';
const KEY = randomBytes(32);
const PORT = Number(process.env.BENCH_PORT ?? 3999) + 20;
const LATENCY_MS = Number(process.env.BENCH_WECHAT_LATENCY_MS ?? 20);
/** Share of the residents who accepted the 警务公告 template (1 = all 130,000). */
const SUBSCRIBED = Number(process.env.BENCH_SUBSCRIBED_SHARE ?? 1);
const DRAIN_LIMIT_S = Number(process.env.BENCH_DRAIN_LIMIT_S ?? 1800);
const TEMPLATE = 'bench-bulletin-template';

const seconds = (t0: number) => ((Date.now() - t0) / 1000).toFixed(1);

async function main(): Promise<void> {
  const { ds, databaseUrl } = await freshBenchDatabase(DB, KEY);
  let t0 = Date.now();
  const city = await generateCity(ds);
  console.log(`bulletin push: dataset of ${COMMUNITIES} communities (one group each) and ${RESIDENTS} residents with memberships in ${seconds(t0)} s`);
  const cityUnit = Number((await ds.query("SELECT id FROM org_units WHERE path = CONCAT('/', id, '/')"))[0].id);
  await ds.query("INSERT INTO users (username, nickname, role, org_unit_id, is_informant, disabled, created_at) VALUES ('bench_legal_reviewer', '法制支队', ?, ?, 0, 0, NOW(3))",
    [Role.LegalReviewer, cityUnit]);
  // Residents signed in through WeChat, every SUBSCRIBED-th of them holding one 警务公告 subscription.
  await ds.query("UPDATE users SET openid = CONCAT('bench-openid-', id) WHERE role = ?", [Role.Resident]);
  const every = Math.max(1, Math.round(1 / SUBSCRIBED));
  await ds.query(`INSERT INTO bulletin_subscriptions (user_id, credits, updated_at) SELECT id, 1, NOW(3) FROM users WHERE role = ? AND MOD(id, ${every}) = 0`, [Role.Resident]);
  const subscribers = ((await ds.query('SELECT id FROM users WHERE openid IS NOT NULL AND id IN (SELECT user_id FROM bulletin_subscriptions)')) as { id: number }[]).map((r) => Number(r.id));
  const groupIds = ((await ds.query('SELECT id FROM police_groups ORDER BY id')) as { id: number }[]).map((r) => Number(r.id));
  await ds.query('ANALYZE TABLE memberships, police_groups, bulletin_subscriptions, users');
  await ds.destroy();
  void city;

  const fake = await startFakeWechat({ appId: 'wx-bench', appSecret: 'bench-secret' });
  for (const id of subscribers) fake.state.grantSubscription(`bench-openid-${id}`, TEMPLATE);
  const children: ChildProcess[] = [];
  try {
    const url = `http://127.0.0.1:${PORT}`;
    const service = spawnBenchService(PORT, databaseUrl, KEY, fake.url, { WECHAT_TEMPLATE_BULLETIN: TEMPLATE, WORKER_INTERVAL_MS: '200' });
    children.push(service);
    await waitFor(`${url}/api/health`);
    const token = async (username: string) =>
      ((await (await fetch(`${url}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }) })).json()) as { accessToken: string }).accessToken;
    const call = async (who: string, path: string, body?: object): Promise<Record<string, unknown>> => {
      const res = await fetch(`${url}${path}`, {
        method: body ? 'POST' : 'GET', headers: { authorization: `Bearer ${who}`, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
      });
      const json = (await res.json()) as Record<string, unknown>;
      if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const leader = await token('bench_city_leader');
    const reviewer = await token('bench_legal_reviewer');
    const made = await call(leader, '/api/bulletins', {
      kind: BulletinKind.Rumour, title: '网传“明日全市停水”系谣言', body: [{ type: 'paragraph', runs: [{ text: '经核实，自来水公司没有停水计划，请勿转发。' }] }],
    });
    await call(leader, `/api/bulletins/${made.id}/submit`, {});
    await call(reviewer, `/api/bulletins/${made.id}/review`, { decision: 'approve' });

    // Sends answer after LATENCY_MS from the moment the push is made; the deliverer starts on its next tick.
    fake.state.latencyMs = LATENCY_MS;
    const sentBefore = fake.state.sentMessages.length;
    t0 = Date.now();
    const pushed = (await call(leader, `/api/bulletins/${made.id}/pushes`, { groupIds })) as { results: { outcome: string }[] };
    const enqueueS = seconds(t0);
    const db = await createConnection({ uri: databaseUrl });
    const count = async (sql: string, args: unknown[] = []) => Number(((await db.query(sql, args))[0] as { n: number }[])[0].n);
    const prefix = `bulletin:${made.id}:%`;
    const rows = await count('SELECT COUNT(*) AS n FROM outbox WHERE dedupe_key LIKE ?', [prefix]);
    console.log(
      `bulletin push: city-wide push into ${pushed.results.filter((r) => r.outcome === 'pushed').length}/${groupIds.length} groups answered in ${enqueueS} s, ` +
        `enqueuing ${rows} subscribe messages (${subscribers.length} subscribers) in batched INSERTs (${(rows / Number(enqueueS)).toFixed(0)} rows/s)`,
    );

    let pending = rows;
    for (let waited = 0; pending > 0 && waited < DRAIN_LIMIT_S * 1000; waited += 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      pending = await count("SELECT COUNT(*) AS n FROM outbox WHERE dedupe_key LIKE ? AND status = 'pending'", [prefix]);
    }
    const drainS = seconds(t0);
    const [sent, skipped, dead] = await Promise.all(['sent', 'skipped', 'dead'].map((s) => count('SELECT COUNT(*) AS n FROM outbox WHERE dedupe_key LIKE ? AND status = ?', [prefix, s])));
    const received = fake.state.sentMessages.slice(sentBefore).filter((m) => m.templateId === TEMPLATE);
    const distinct = new Set(received.map((m) => m.touser)).size;
    console.log(
      `bulletin push: outbox drained in ${drainS} s from the push (WeChat answering each send after ${LATENCY_MS} ms; ` +
        `${(sent / Number(drainS)).toFixed(0)} sends/s, peak ${fake.state.peakInFlight} in flight)`,
    );
    console.log(
      `bulletin push: nothing lost? subscribers ${subscribers.length} = outbox rows ${rows} = sent ${sent} (skipped ${skipped}, dead ${dead}, pending ${pending}) ` +
        `= messages the fake received ${received.length} to ${distinct} distinct people: ${subscribers.length === rows && rows === sent && sent === distinct && received.length === distinct ? 'yes' : 'NO'}`,
    );
    await db.end();
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await fake.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

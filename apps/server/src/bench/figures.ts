import 'reflect-metadata';
import { startFakeWechat } from '@jws/wechat';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chinaDate, chinaMidnight } from '../common/china-time';
import { freshBenchDatabase, spawnBenchService, waitFor } from './bench-support';
import { CASES, COMMUNITIES, generateCases, generateCity } from './dataset';
import { generateSnapshots } from './figures-snapshots';
import { CONNECTIONS, get, measure, printTable, Row } from './load';

/**
 * 数据 under load (`pnpm bench`, after the mediation bench; or `node dist/bench/figures.js`), on the
 * bench city (100,000 cases) plus a year of daily snapshots:
 * - the city's figures for last month, served from the snapshots, at 50 connections, against a
 *   bare node:http + mysql2 baseline sending the same SQL (target ≥ 50 %);
 * - the same month computed from the raw records (its snapshot days taken away): its time;
 * - the .xlsx of that month's city drill-down (every counter's records: the largest list): its
 *   time and the service's peak memory while streaming it.
 * Prints figures and ✓/✗; asserts nothing.
 */
const DB = 'jws_bench_figures';
const KEY = randomBytes(32);
const PORT = Number(process.env.BENCH_PORT ?? 3999) + 20;
const DAY = 86_400_000;

const seconds = (t0: number) => ((Date.now() - t0) / 1000).toFixed(1);
/** Resident memory of a process (kB → MiB), from /proc. */
function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** Last calendar month (China time). */
function lastMonth(now = Date.now()): { from: string; to: string } {
  const firstOfThis = `${chinaDate(now).slice(0, 7)}-01`;
  const to = chinaDate(chinaMidnight(firstOfThis).getTime() - DAY);
  return { from: `${to.slice(0, 7)}-01`, to };
}

async function main(): Promise<void> {
  const { ds, databaseUrl } = await freshBenchDatabase(DB, KEY);
  let t0 = Date.now();
  const city = await generateCity(ds);
  const generated = await generateCases(ds, city);
  console.log(`figures bench dataset: ${COMMUNITIES} communities, ${generated.cases} cases generated in ${seconds(t0)} s`);
  t0 = Date.now();
  const kept = await generateSnapshots(ds, city);
  console.log(`figures bench dataset: a year of daily snapshots (${kept.days} days, ${kept.rows} rows, ${kept.records} records behind the counters) in ${seconds(t0)} s`);
  await ds.query('ANALYZE TABLE cases, case_events, case_deadlines, memberships, org_units, figure_snapshots, figure_snapshot_records, figure_snapshot_days');
  const [{ id: cityId }] = (await ds.query("SELECT id FROM org_units WHERE level = 'city'")) as { id: number }[];
  const month = lastMonth();

  const fake = await startFakeWechat({ appId: 'wx-bench', appSecret: 'bench-secret' });
  const children: ChildProcess[] = [];
  try {
    const url = `http://127.0.0.1:${PORT}`;
    const service = spawnBenchService(PORT, databaseUrl, KEY, fake.url);
    children.push(service);
    await waitFor(`${url}/api/health`);
    const login = await fetch(`${url}/api/auth/dev-login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench_city_leader' }) });
    const cityLeader = ((await login.json()) as { accessToken: string }).accessToken;
    const auth = { authorization: `Bearer ${cityLeader}` };

    const baselinePort = PORT + 1;
    const baseline = spawn(process.execPath, [join(__dirname, 'figures-baseline.js')], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PORT: String(baselinePort), DATABASE_URL: databaseUrl, BASELINE_NODE_ID: String(cityId), BASELINE_FROM: month.from, BASELINE_TO: month.to },
    });
    children.push(baseline);
    await waitFor(`http://127.0.0.1:${baselinePort}/`);

    const path = `/api/figures?from=${month.from}&to=${month.to}`;
    const answer = (await (await fetch(url + path, { headers: auth })).json()) as { counters: Record<string, number>; live: boolean };
    console.log(`\ncity figures ${month.from} 至 ${month.to} (from snapshots): ${JSON.stringify(answer.counters)}`);
    const baseRow: Row = { label: 'baseline: the same statements on bare node:http + mysql2', ...(await measure(get(`http://127.0.0.1:${baselinePort}/`), baseline.pid)) };
    const kept: Row = { label: `GET ${path} (city leader, a month kept in snapshots)`, ...(await measure(get(url + path, cityLeader), service.pid)), target: { minRatio: 50 } };
    printTable(`${CONNECTIONS} connections each; baseline = the figures' SQL for a month kept in snapshots, no framework, no auth`, baseRow, [kept]);

    // The same month from the raw records: its days' snapshots taken away (the rows stay, unread).
    const keptDays = (await ds.query('SELECT day, made_by AS madeBy, made_at AS madeAt FROM figure_snapshot_days WHERE day >= ? AND day <= ?', [month.from, month.to])) as { day: string; madeBy: string; madeAt: Date }[];
    await ds.query('DELETE FROM figure_snapshot_days WHERE day >= ? AND day <= ?', [month.from, month.to]);
    const times: number[] = [];
    let raw: { counters: Record<string, number> } | null = null;
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      raw = (await (await fetch(url + path, { headers: auth })).json()) as { counters: Record<string, number> };
      times.push(Date.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(`\nthe same month computed from the raw records (${CASES} cases): ${times[2]} ms median of 5 (${times.join(' / ')} ms), one request at a time`);
    console.log(`counters from the records: ${JSON.stringify(raw?.counters)}; the same as from the snapshots: ${JSON.stringify(raw?.counters) === JSON.stringify(answer.counters) ? 'yes' : 'no'}`);
    for (const d of keptDays) await ds.query('INSERT INTO figure_snapshot_days (day, made_by, made_at) VALUES (?, ?, ?)', [d.day, d.madeBy, d.madeAt]);

    // The month's workbook: every counter's records of the city (the drill-down's largest list), streamed.
    const before = rssMiB(service.pid as number);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(service.pid as number))), 20);
    const t = Date.now();
    const res = await fetch(`${url}/api/figures.xlsx?from=${month.from}&to=${month.to}`, { headers: auth });
    let bytes = 0;
    let firstByte = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (!bytes) firstByte = Date.now() - t;
      bytes += chunk.length;
    }
    const took = Date.now() - t;
    clearInterval(sampler);
    const rows = Object.values(answer.counters).reduce((a, b) => a + b, 0);
    console.log(
      `\n.xlsx of the city's month (${rows} records over six sheets, ${(bytes / 1024 / 1024).toFixed(1)} MiB, HTTP ${res.status}): ${took} ms ` +
        `(first byte after ${firstByte} ms); service memory (RSS) ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB while streaming (+${(peak - before).toFixed(0)} MiB)`,
    );
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await fake.close();
    if (ds.isInitialized) await ds.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

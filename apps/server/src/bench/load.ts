import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** Load generation and the printed tables of `pnpm bench`. */
export const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);

export type LoadOptions = Omit<autocannon.Options, 'connections' | 'duration'>;

/** What one measured window gave: throughput and latency over the responses that completed in it. */
export interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  /** Responses other than 2xx, plus requests that failed (connection errors, timeouts). */
  errors: number;
  total: number;
}

export interface Measured {
  result: Figures;
  /** CPU time of the serving process per request (Linux only), excluding the database's. */
  cpuMsPerRequest: number | null;
  /** CPU time of the local MariaDB/MySQL server per request (all its clients: the machine is shared). */
  dbCpuMsPerRequest: number | null;
  /** CPU time of this process (autocannon, the load generator) per request: it runs on the same cores. */
  loadCpuMsPerRequest: number | null;
  /** 1-minute load average of the machine at the end of the run. */
  load1: number | null;
}

/**
 * One autocannon run at 50 connections: WARMUP_SECONDS unmeasured (JIT, pools, caches, and the
 * 50 connections being opened), then SECONDS measured on the same connections. The warm-up must
 * be the same run: a second autocannon run opens 50 new connections, and Node 20's libuv accepts
 * one connection per event-loop iteration (libuv#3696), so against a server that is already busy
 * the last of them wait up to a second to be accepted, which would land in the measured window as
 * a start-up artefact of the load generator rather than the service's latency. With `pid`, also
 * the CPU the serving process spent per request: on a shared machine req/s and latency move with
 * the neighbours' load, CPU per request much less.
 */
export async function measure(options: LoadOptions, pid?: number): Promise<Measured> {
  const db = databasePid();
  let before: number | null = null;
  let dbBefore: number | null = null;
  let selfBefore: NodeJS.CpuUsage | null = null;
  let measuring = false;
  const latencies: number[] = [];
  let errors = 0;
  const start = () => {
    measuring = true;
    before = pid ? cpuMs(pid) : null;
    dbBefore = db ? cpuMs(db) : null;
    selfBefore = process.cpuUsage();
  };
  let finished: (err: unknown) => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => (finished = (err) => (err ? reject(err) : resolve())));
  const instance = autocannon({ ...options, connections: CONNECTIONS, duration: WARMUP_SECONDS + SECONDS }, (err) => finished(err));
  const warmup = setTimeout(start, WARMUP_SECONDS * 1000);
  if (WARMUP_SECONDS <= 0) start();
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (!measuring) return;
    latencies.push(responseTime);
    if (statusCode < 200 || statusCode >= 300) errors++;
  });
  instance.on('reqError', () => {
    if (measuring) errors++;
  });
  await done;
  clearTimeout(warmup);
  const self = selfBefore ? process.cpuUsage(selfBefore) : null;
  const after = pid ? cpuMs(pid) : null;
  const dbAfter = db ? cpuMs(db) : null;
  const n = latencies.length;
  const perRequest = (from: number | null, to: number | null) => (from !== null && to !== null && n > 0 ? (to - from) / n : null);
  return {
    result: figuresOf(latencies, errors, SECONDS),
    cpuMsPerRequest: perRequest(before, after),
    dbCpuMsPerRequest: perRequest(dbBefore, dbAfter),
    loadCpuMsPerRequest: self && n > 0 ? (self.user + self.system) / 1000 / n : null,
    load1: loadAverage(),
  };
}

/** Nearest-rank percentiles (ms, one decimal) over the responses of a window `seconds` long. */
export function figuresOf(latencies: number[], errors: number, seconds: number): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => (sorted.length ? Math.round(10 * sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]) / 10 : 0);
  return { requestsPerSecond: sorted.length / seconds, p50: at(0.5), p99: at(0.99), max: at(1), errors, total: sorted.length };
}

/**
 * A fixed piece of single-threaded work (SHA-256 and JSON round trips, the kind of work a request
 * does), timed: how fast this machine's core is at the moment, printed with the figures so runs
 * on the shared machine can be compared (the same code has run 2.5× slower from one day to the
 * next). Lower is faster.
 */
export function cpuProbeMs(): number {
  const started = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < 100_000; i++) {
    sink += createHash('sha256').update(`probe-${i}`).digest()[0];
    sink += (JSON.parse(JSON.stringify({ i, title: '楼道电动车充电', tags: ['a', 'b'] })) as { i: number }).i;
  }
  if (sink < 0) console.log(sink);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

let dbPid: number | null | undefined;

/** The local database server's pid (mariadbd or mysqld), when there is one to read in /proc. */
function databasePid(): number | null {
  if (dbPid !== undefined) return dbPid;
  dbPid = null;
  for (const name of ['mariadbd', 'mysqld']) {
    try {
      const found = Number(execFileSync('pidof', ['-s', name], { encoding: 'utf8' }).trim());
      if (found) return (dbPid = found);
    } catch {
      // not running here
    }
  }
  return dbPid;
}

function loadAverage(): number | null {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return null;
  }
}

let ticksPerSecond: number | null = null;

/** User + system CPU of a process from /proc, in ms; null where there is no /proc. */
function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** GET with a bearer token. */
export const get = (url: string, bearer?: string): LoadOptions => ({ url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

export interface Target {
  /** Minimum req/s as a share of the baseline (the table's, or `versus`), in %. */
  minRatio?: number;
  /** The baseline this row is compared with, when not the table's (its own bare baseline). */
  versus?: Row;
  /** Minimum req/s as that of another row measured in the run (e.g. the city leader's page ≥ the officer's). */
  minRequestsPerSecond?: { label: string; value: number };
  maxP99Ms?: number;
}

export interface Row extends Measured {
  label: string;
  target?: Target;
}


/**
 * Markdown table: req/s, p50, p99, errors, ratio to the baseline (100 %; a row with its own
 * baseline, `target.versus`, is compared with that one, and a baseline row is 100 % of itself),
 * CPU per request of the serving process, of the database server and of the load generator (all
 * three share the machine's cores), the load average, and the targets with ✓/✗.
 */
export function printTable(title: string, baseline: Row, rows: Row[]): void {
  console.log(`\n${title}; CPU probe now ${cpuProbeMs().toFixed(0)} ms\n`);
  console.log(
    '| endpoint | req/s | p50 ms | p99 ms | errors | vs baseline | server CPU ms/req | DB CPU ms/req | load generator CPU ms/req | load avg | target |\n' +
      '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  const ms = (v: number | null) => v?.toFixed(2) ?? '—';
  for (const row of [baseline, ...rows]) {
    const { label, result, cpuMsPerRequest, dbCpuMsPerRequest, loadCpuMsPerRequest, load1 } = row;
    const ratio = ratioOf(row, row.label.startsWith('baseline:') ? row : baseline);
    console.log(
      `| ${label} | ${result.requestsPerSecond.toFixed(0)} | ${result.p50} | ${result.p99} | ${result.errors} | ${ratio.toFixed(0)} % | ` +
        `${ms(cpuMsPerRequest)} | ${ms(dbCpuMsPerRequest)} | ${ms(loadCpuMsPerRequest)} | ${load1?.toFixed(1) ?? '—'} | ${checksOf(row, baseline).join(', ') || '—'} |`,
    );
  }
}

/** The row's req/s as a share of its baseline (its own `target.versus`, else the table's), in %. */
function ratioOf(row: Row, tableBaseline: Row): number {
  return (100 * row.result.requestsPerSecond) / (row.target?.versus ?? tableBaseline).result.requestsPerSecond;
}

function checksOf(row: Row, tableBaseline: Row): string[] {
  const { target, result } = row;
  const checks: string[] = [];
  if (!target) return checks;
  const ratio = ratioOf(row, tableBaseline);
  if (target.minRatio !== undefined) checks.push(`≥ ${target.minRatio} % ${ratio >= target.minRatio ? '✓' : '✗'}`);
  const floor = target.minRequestsPerSecond;
  if (floor) checks.push(`≥ ${floor.label} ${floor.value.toFixed(0)} req/s ${result.requestsPerSecond >= floor.value ? '✓' : '✗'}`);
  if (target.maxP99Ms !== undefined) checks.push(`p99 ≤ ${target.maxP99Ms} ms ${result.p99 <= target.maxP99Ms ? '✓' : '✗'}`);
  if (result.errors > 0) checks.push('no errors ✗');
  return checks;
}

/**
 * The closing summary: every row with a target, its figure and ✓/✗, with the CPU probe and the
 * load average now (the same code runs slower when the shared machine's neighbours are busy).
 */
export function printTargets(rows: Row[], tableBaseline?: Row): void {
  const load = loadavg().map((l) => l.toFixed(1)).join(' / ');
  console.log(`\ntargets (CPU probe now ${cpuProbeMs().toFixed(0)} ms; load average ${load}):`);
  for (const row of rows) {
    if (!row.target) continue;
    const base = row.target.versus ?? tableBaseline;
    const share = base ? ` = ${ratioOf(row, base).toFixed(0)} % of ${base.result.requestsPerSecond.toFixed(0)}` : '';
    console.log(`  ${row.label}: ${row.result.requestsPerSecond.toFixed(0)} req/s${share}, p99 ${row.result.p99} ms → ${checksOf(row, base ?? row).join(', ')}`);
  }
}

import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Load generation and the printed tables of `pnpm bench`. */
export const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);

export type LoadOptions = Omit<autocannon.Options, 'connections' | 'duration'>;

export interface Measured {
  result: autocannon.Result;
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
 * A short unmeasured run (JIT, pools, caches), then the measured one, both at 50 connections.
 * With `pid`, also the CPU the serving process spent per request: on a shared machine req/s and
 * latency move with the neighbours' load, CPU per request much less.
 */
export async function measure(options: LoadOptions, pid?: number): Promise<Measured> {
  if (WARMUP_SECONDS > 0) await autocannon({ ...options, connections: CONNECTIONS, duration: WARMUP_SECONDS });
  const db = databasePid();
  const before = pid ? cpuMs(pid) : null;
  const dbBefore = db ? cpuMs(db) : null;
  const selfBefore = process.cpuUsage();
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: SECONDS });
  const self = process.cpuUsage(selfBefore);
  const after = pid ? cpuMs(pid) : null;
  const dbAfter = db ? cpuMs(db) : null;
  const n = result.requests.total;
  const perRequest = (from: number | null, to: number | null) => (from !== null && to !== null && n > 0 ? (to - from) / n : null);
  return {
    result,
    cpuMsPerRequest: perRequest(before, after),
    dbCpuMsPerRequest: perRequest(dbBefore, dbAfter),
    loadCpuMsPerRequest: n > 0 ? (self.user + self.system) / 1000 / n : null,
    load1: loadAverage(),
  };
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
  /** Minimum req/s as a share of the baseline, in %. */
  minRatio?: number;
  maxP99Ms?: number;
}

export interface Row extends Measured {
  label: string;
  target?: Target;
}

const errorsOf = (r: autocannon.Result) => r.errors + r.non2xx;

/**
 * Markdown table: req/s, p50, p99, errors, ratio to the baseline (100 %), CPU per request of the
 * serving process, of the database server and of the load generator (all three share the
 * machine's cores), the load average, and the targets with ✓/✗.
 */
export function printTable(title: string, baseline: Row, rows: Row[]): void {
  const base = baseline.result.requests.average;
  console.log(`\n${title}\n`);
  console.log(
    '| endpoint | req/s | p50 ms | p99 ms | errors | vs baseline | server CPU ms/req | DB CPU ms/req | load generator CPU ms/req | load avg | target |\n' +
      '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  const ms = (v: number | null) => v?.toFixed(2) ?? '—';
  for (const { label, result, cpuMsPerRequest, dbCpuMsPerRequest, loadCpuMsPerRequest, load1, target } of [baseline, ...rows]) {
    const ratio = (100 * result.requests.average) / base;
    const checks: string[] = [];
    if (target?.minRatio !== undefined) checks.push(`≥ ${target.minRatio} % ${ratio >= target.minRatio ? '✓' : '✗'}`);
    if (target?.maxP99Ms !== undefined) checks.push(`p99 ≤ ${target.maxP99Ms} ms ${result.latency.p99 <= target.maxP99Ms ? '✓' : '✗'}`);
    if (target && errorsOf(result) > 0) checks.push('no errors ✗');
    console.log(
      `| ${label} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${errorsOf(result)} | ${ratio.toFixed(0)} % | ` +
        `${ms(cpuMsPerRequest)} | ${ms(dbCpuMsPerRequest)} | ${ms(loadCpuMsPerRequest)} | ${load1?.toFixed(1) ?? '—'} | ${checks.join(', ') || '—'} |`,
    );
  }
}

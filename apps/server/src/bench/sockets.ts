import 'reflect-metadata';
import { ChildProcess, fork } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freshBenchDatabase, waitFor } from './bench-support';
import { cpuProbeMs } from './load';
import { accessToken, generate, KEY, MEMBERS, rssOf, startService } from './room-bench-support';
import type { HolderOrder, HolderReport } from './socket-holder';

/**
 * Sockets held at once (`pnpm bench`, last; or `node dist/bench/sockets.js`): BENCH_SOCKETS
 * members (50,000 by default: 5,000 rooms × 10) connect over /ws, authenticate and join their
 * room, spread over the instances (sharing rooms through Redis), and stay through a heartbeat.
 * Prints each instance's memory before and after, and the memory per socket. Asserts nothing.
 *
 * A process here may hold at most RLIMIT_NOFILE open files (20,000 on the bench machine, a hard
 * limit the bench cannot raise), so the sockets are spread over enough instances that each
 * holds fewer than that, and the load comes from several holder processes. In production, set
 * the limit to 65,536 or more per instance (docs/deploy.md) and two instances hold 50,000.
 */
const SOCKETS = Number(process.env.BENCH_SOCKETS ?? 50_000);
const PER_PROCESS = Number(process.env.BENCH_SOCKETS_PER_PROCESS ?? 18_000);
const PORT = Number(process.env.BENCH_PORT ?? 3999) + 20;
/** The service's heartbeat in this run: every socket must answer one ping while held. */
const HEARTBEAT_MS = 10_000;

const ask = (holder: ChildProcess, order: HolderOrder | 'count'): Promise<HolderReport> =>
  new Promise((resolve) => {
    holder.once('message', (report: HolderReport) => resolve(report));
    holder.send(order);
  });

async function main(): Promise<void> {
  const { ds, databaseUrl } = await freshBenchDatabase('jws_bench_sockets', KEY);
  const rooms = Math.ceil(SOCKETS / MEMBERS);
  const dataset = await generate(ds, rooms);
  await ds.destroy();

  const instanceCount = Math.max(2, Math.ceil(SOCKETS / PER_PROCESS));
  const holderCount = Math.ceil(SOCKETS / PER_PROCESS);
  const children: ChildProcess[] = [];
  const holders: ChildProcess[] = [];
  try {
    const urls = Array.from({ length: instanceCount }, (_, i) => `http://127.0.0.1:${PORT + i}`);
    const start = (i: number) => startService(PORT + i, databaseUrl, true, { WS_HEARTBEAT_MS: String(HEARTBEAT_MS) });
    // The first one alone on the fresh database (it seeds what every instance would), then the others.
    const instances = [start(0)];
    children.push(instances[0]);
    await waitFor(`${urls[0]}/api/health`);
    instances.push(...urls.slice(1).map((_, i) => start(i + 1)));
    children.push(...instances.slice(1));
    await Promise.all(urls.map((u) => waitFor(`${u}/api/health`)));
    const before = instances.map((c) => rssOf(c.pid!));

    const sockets = dataset.rooms.flatMap((room) => room.userIds.map((userId) => ({ roomId: room.id, token: accessToken(userId) }))).slice(0, SOCKETS)
      .map((s, i) => ({ ...s, url: urls[i % urls.length] }));
    // Each 127.0.0.x has its own ephemeral ports towards each instance.
    const localAddresses = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);
    const t0 = Date.now();
    const shares = Array.from({ length: holderCount }, (_, h) => sockets.filter((_, i) => i % holderCount === h));
    holders.push(...shares.map(() => fork(join(__dirname, 'socket-holder.js'), { stdio: 'inherit' })));
    const reports = await Promise.all(holders.map((holder, h) => ask(holder, { sockets: shares[h], localAddresses })));
    const connectSeconds = (Date.now() - t0) / 1000;
    const joined = reports.reduce((n, r) => n + r.joined, 0);
    const failed = reports.reduce((n, r) => n + r.failed, 0);
    await new Promise((r) => setTimeout(r, 1000));
    const after = instances.map((c) => rssOf(c.pid!));

    // Held through more than two heartbeats: a socket that missed a ping would be dropped.
    await new Promise((r) => setTimeout(r, 2.5 * HEARTBEAT_MS));
    const held = (await Promise.all(holders.map((holder) => ask(holder, 'count')))).reduce((n, r) => n + r.open, 0);

    const mb = (b: number) => (b / 1024 / 1024).toFixed(0);
    const perSocket = (after.reduce((a, b) => a + b, 0) - before.reduce((a, b) => a + b, 0)) / Math.max(1, joined);
    const clientPerSocket = reports.reduce((n, r) => n + r.rss, 0) / Math.max(1, joined);
    console.log(`\nsockets: ${SOCKETS} members of ${rooms} rooms over ${instanceCount} instances + Redis; load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}; CPU probe ${cpuProbeMs().toFixed(0)} ms\n`);
    console.log('| instances | sockets joined | failed | connect + auth + join s | still open after 2.5 heartbeats | service RSS before → after (MB, per instance) | service memory per socket | load generator memory per socket | target |');
    console.log('|---|---|---|---|---|---|---|---|---|');
    console.log(
      `| ${instanceCount} | ${joined} | ${failed}${reports.find((r) => r.firstError) ? ` (${reports.find((r) => r.firstError)?.firstError})` : ''} | ${connectSeconds.toFixed(1)} | ${held} | ` +
        `${before.map((b, i) => `${mb(b)} → ${mb(after[i])}`).join(', ')} | ${(perSocket / 1024).toFixed(1)} KiB | ${(clientPerSocket / 1024).toFixed(1)} KiB | ` +
        `${SOCKETS} at once ${held >= SOCKETS ? '✓' : '✗'} |`,
    );
    const twoInstanceMb = (perSocket * (SOCKETS / 2) + before[0]) / 1024 / 1024;
    console.log(
      `\nOn two instances each would hold ${SOCKETS / 2} sockets, about ${twoInstanceMb.toFixed(0)} MB at the memory per socket above; ` +
        `this machine caps a process at 20,000 open files (RLIMIT_NOFILE, not raisable here), hence ${instanceCount} instances.`,
    );
  } finally {
    for (const holder of holders) if (holder.connected) holder.send('close');
    for (const child of children) child.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

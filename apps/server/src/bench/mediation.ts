import 'reflect-metadata';
import { MessageKind, type ServerFrame } from '@jws/contracts';
import { ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { WebSocket } from 'ws';
import { createConnection } from 'mysql2/promise';
import { BENCH_SERVER, freshBenchDatabase, waitFor } from './bench-support';
import { accessToken, cpuMsOf, Dataset, generate, KEY, MEMBERS, pidsNamed, startService } from './room-bench-support';

/**
 * Mediation rooms under load (`pnpm bench`, after the case figures; or `node dist/bench/mediation.js`):
 * 1,000 rooms × 10 members, every member connected over /ws and joined, rooms sending messages
 * at a steady total rate. Prints the delivery latency (send → arrival at each other member,
 * which includes storing the message with its sequence number) and messages/s, on one
 * instance and on two instances sharing rooms through Redis. Asserts nothing.
 * Targets (issue #24): 1,000 messages/s across 1,000 rooms × 10 members, p99 ≤ 100 ms from send
 * to every other member, nothing lost; the same on two instances over Redis.
 */
const DB = 'jws_bench_mediation';
const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
/** Messages per second over all rooms (each delivered to the 9 other members). */
const RATE = Number(process.env.BENCH_MESSAGE_RATE ?? 1000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const PORT = Number(process.env.BENCH_PORT ?? 3999) + 10;

interface Member {
  ws: WebSocket;
  roomId: number;
  userId: number;
}

interface Counters {
  sent: number;
  acked: number;
  errors: number;
  gapFilled: number;
  latencies: number[];
  measuring: boolean;
}

const ID_MARK = '"clientMsgId":"b-';

/** A bench message reached member `userId`: its latency, unless it is their own. */
function arrival(counters: Counters) {
  return (raw: string, userId: number, gapFilled: boolean) => {
    if (!counters.measuring) return;
    const at = raw.indexOf(ID_MARK);
    if (at < 0) return;
    const [sender, sentAt] = raw.slice(at + ID_MARK.length, raw.indexOf('"', at + ID_MARK.length)).split('-');
    if (Number(sender) === userId) return;
    counters.latencies.push(performance.now() - Number(sentAt) / 1000);
    if (gapFilled) counters.gapFilled++;
  };
}

/** Connects every member (to the instances in turn) and joins its room; resolves when all joined. */
async function connectAll(dataset: Dataset, urls: string[], counters: Counters): Promise<Member[]> {
  const members: Member[] = [];
  const arrived = arrival(counters);
  let next = 0;
  const pairs = dataset.rooms.flatMap((room) => room.userIds.map((userId, k) => ({ roomId: room.id, userId, url: urls[k % urls.length] })));
  // A few hundred handshakes at a time: the service (and the 2-core machine) take them in turn.
  const open = async (p: (typeof pairs)[number]) => {
    const ws = new WebSocket(`${p.url.replace(/^http/, 'ws')}/ws?token=${accessToken(p.userId)}`, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (data) => {
        const raw = data.toString();
        // The load generator shares the machine's cores with the service: a live message is not
        // parsed, its clientMsgId (b-<sender>-<sent at, µs>-<n>) is found in the text.
        if (raw.startsWith('{"type":"message",')) return arrived(raw, p.userId, false);
        if (raw.startsWith('{"type":"ack",')) {
          counters.acked++;
          return;
        }
        const frame = JSON.parse(raw) as ServerFrame;
        if (frame.type === 'ready') ws.send(JSON.stringify({ type: 'join', roomId: p.roomId, lastSeq: 0 }));
        else if (frame.type === 'joined') resolve();
        else if (frame.type === 'messages') {
          // A batch is a gap filled from the database (a message that reached this instance late).
          for (const m of frame.messages) if (m.kind === MessageKind.Text && m.clientMsgId) arrived(`"clientMsgId":"${m.clientMsgId}"`, p.userId, true);
        } else if (frame.type === 'error') {
          counters.errors++;
          reject(new Error(frame.code));
        }
      });
      ws.once('error', reject);
    });
    members.push({ ws, roomId: p.roomId, userId: p.userId });
  };
  const workers = Array.from({ length: 200 }, async () => {
    while (next < pairs.length) await open(pairs[next++]);
  });
  await Promise.all(workers);
  return members;
}

/** Sends RATE messages a second, spread over the rooms round-robin, for `seconds`. */
async function drive(members: Member[], counters: Counters, seconds: number): Promise<number> {
  const tickMs = 10;
  let i = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      // As many as are due by now: a late tick (a busy machine) sends more, so the rate holds.
      const due = Math.floor(((Math.min(performance.now() - started, seconds * 1000)) / 1000) * RATE);
      while (i < due) {
        // Rooms in turn, a different member of the room each round.
        const room = i % ROOMS;
        const member = members[room * MEMBERS + (Math.floor(i / ROOMS) % MEMBERS)] ?? members[i % members.length];
        member.ws.send(`{"type":"send","roomId":${member.roomId},"clientMsgId":"b-${member.userId}-${Math.round(performance.now() * 1000)}-${i}","kind":"text","text":"压测消息"}`);
        counters.sent++;
        i++;
      }
      if (performance.now() - started >= seconds * 1000) {
        clearInterval(timer);
        resolve();
      }
    }, tickMs);
  });
  // Let the last messages arrive.
  await new Promise((r) => setTimeout(r, 1500));
  return (performance.now() - started) / 1000;
}

/** Statements the database server has run so far (all its clients: the bench runs alone under flock). */
async function statementsRun(): Promise<number> {
  const admin = await createConnection({ uri: BENCH_SERVER });
  try {
    const [rows] = await admin.query("SHOW GLOBAL STATUS LIKE 'Questions'");
    return Number((rows as { Value: string }[])[0].Value);
  } finally {
    await admin.end();
  }
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function scenario(label: string, dataset: Dataset, urls: string[], pids: number[]): Promise<string> {
  const counters: Counters = { sent: 0, acked: 0, errors: 0, gapFilled: 0, latencies: [], measuring: false };
  const t0 = Date.now();
  const members = await connectAll(dataset, urls, counters);
  console.log(`${label}: ${members.length} sockets connected and joined in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (WARMUP_SECONDS > 0) await drive(members, counters, WARMUP_SECONDS);
  Object.assign(counters, { sent: 0, acked: 0, errors: 0, gapFilled: 0, latencies: [], measuring: true });
  // Where the 2 cores go while measuring: the load generator (this process) and the service processes.
  const statements0 = await statementsRun();
  // The database and Redis servers share the 2 cores too (CPU of all their clients: the bench runs alone under flock).
  const servers = [...pidsNamed('mariadbd'), ...pidsNamed('mysqld')];
  const redis = pidsNamed('redis-server');
  const cpuOf = (list: number[]) => list.reduce((sum, pid) => sum + cpuMsOf(pid), 0);
  const cpu0 = { bench: process.cpuUsage(), services: pids.map(cpuMsOf), database: cpuOf(servers), redis: cpuOf(redis), at: performance.now() };
  await drive(members, counters, SECONDS);
  const wall = performance.now() - cpu0.at;
  const statements = ((await statementsRun()) - statements0) / (wall / 1000);
  const benchCpu = process.cpuUsage(cpu0.bench);
  const share = (ms: number) => `${((ms / wall) * 100).toFixed(0)} %`;
  const cpu = `${share((benchCpu.user + benchCpu.system) / 1000)} / ${pids.map((pid, k) => share(cpuMsOf(pid) - cpu0.services[k])).join(' + ')} / ${share(cpuOf(servers) - cpu0.database)} / ${share(cpuOf(redis) - cpu0.redis)}`;
  const elapsed = SECONDS;
  counters.measuring = false;
  for (const m of members) m.ws.terminate();
  const sorted = counters.latencies.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => pct(sorted, p));
  const expected = counters.sent * (MEMBERS - 1);
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  const check = (v: number, max: number) => mark(v <= max);
  return `| ${label} | ${members.length} | ${(counters.acked / elapsed).toFixed(0)} | ${(sorted.length / elapsed).toFixed(0)} | ${sorted.length}/${expected} (${counters.gapFilled} gap-filled) | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${p99.toFixed(1)} | ${(sorted.at(-1) ?? NaN).toFixed(1)} | ${counters.errors} | ${cpu} | ${statements.toFixed(0)} | ${RATE}/s stored ${mark(counters.acked / elapsed >= 0.95 * RATE)}, p99 ≤ 100 ms ${check(p99, 100)}, none lost ${mark(sorted.length === expected && counters.errors === 0)} |`;
}

async function main(): Promise<void> {
  const { ds, databaseUrl } = await freshBenchDatabase(DB, KEY);
  const t0 = Date.now();
  const dataset = await generate(ds, ROOMS);
  await ds.destroy();
  console.log(`\nmediation: ${ROOMS} rooms × ${MEMBERS} members generated in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${RATE} messages/s for ${SECONDS} s per scenario`);

  const rows: string[] = [];
  const children: ChildProcess[] = [];
  try {
    const one = startService(PORT, databaseUrl, false);
    children.push(one);
    await waitFor(`http://127.0.0.1:${PORT}/api/health`);
    rows.push(await scenario('one instance', dataset, [`http://127.0.0.1:${PORT}`], [one.pid ?? 0]));
    one.kill('SIGTERM');

    const a = startService(PORT + 1, databaseUrl, true);
    const b = startService(PORT + 2, databaseUrl, true);
    children.push(a, b);
    await Promise.all([waitFor(`http://127.0.0.1:${PORT + 1}/api/health`), waitFor(`http://127.0.0.1:${PORT + 2}/api/health`)]);
    rows.push(await scenario('two instances + Redis (members split)', dataset, [`http://127.0.0.1:${PORT + 1}`, `http://127.0.0.1:${PORT + 2}`], [a.pid ?? 0, b.pid ?? 0]));
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
  console.log(`\nmediation rooms over /ws (load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}): delivery latency = send → arrival at each of the other ${MEMBERS - 1} members (includes storing with its sequence number)\n`);
  console.log('| scenario | sockets | messages/s stored | deliveries/s | delivered/expected | p50 ms | p95 ms | p99 ms | max ms | errors | CPU bench / service / database / Redis | DB statements/s | target |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

import 'reflect-metadata';
import { MessageKind, RoomMemberRole, RoomStatus, type ServerFrame } from '@jws/contracts';
import { ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { WebSocket } from 'ws';
import { freshBenchDatabase, waitFor } from './bench-support';

/**
 * Mediation rooms under load (`pnpm bench`, after the case figures; or `node dist/bench/mediation.js`):
 * 1,000 rooms × 10 members, every member connected over /ws and joined, rooms sending messages
 * at a steady total rate. Prints the delivery latency (send → arrival at each other member,
 * which includes storing the message with its sequence number) and messages/s, on one
 * instance and on two instances sharing rooms through Redis. Asserts nothing.
 */
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const DB = 'jws_bench_mediation';
const ROOMS = Number(process.env.BENCH_ROOMS ?? 1000);
const MEMBERS = 10;
/** Messages per second over all rooms (each delivered to the 9 other members). */
const RATE = Number(process.env.BENCH_MESSAGE_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const PORT = Number(process.env.BENCH_PORT ?? 3999) + 10;
const JWT_SECRET = randomBytes(48).toString('base64');
const KEY = randomBytes(32);

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
/** An access token as the service issues it (HS256, { sub, typ: 'access' }). */
function accessToken(userId: number): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: userId, typ: 'access', iat: now, exp: now + 3600 }))}`;
  return `${head}.${createHmac('sha256', Buffer.from(JWT_SECRET, 'utf8')).update(head).digest('base64url')}`;
}

interface Dataset {
  rooms: { id: number; userIds: number[] }[];
}

/** Users, one case per room, rooms and members, with multi-row INSERTs. */
async function generate(ds: DataSource): Promise<Dataset> {
  const now = new Date();
  const users = Array.from({ length: ROOMS * MEMBERS }, (_, i) => i);
  for (let i = 0; i < users.length; i += 1000) {
    const chunk = users.slice(i, i + 1000);
    await ds.query(
      `INSERT INTO users (username, nickname, role, is_informant, disabled, created_at) VALUES ${chunk.map(() => '(?, ?, ?, 0, 0, ?)').join(',')}`,
      chunk.flatMap((n) => [`bench_member_${n}`, `成员${n}`, 'resident', now]),
    );
  }
  const [{ first }] = (await ds.query("SELECT MIN(id) AS first FROM users WHERE username LIKE 'bench_member_%'")) as { first: number }[];
  const roles = [RoomMemberRole.Applicant, RoomMemberRole.Respondent, RoomMemberRole.Mediator, RoomMemberRole.Officer, ...Array(MEMBERS - 4).fill(RoomMemberRole.Cadre)];
  const rooms: Dataset['rooms'] = [];
  for (let r = 0; r < ROOMS; r += 200) {
    const batch = Array.from({ length: Math.min(200, ROOMS - r) }, (_, k) => r + k);
    await ds.query(
      `INSERT INTO mediation_rooms (case_id, status, org_path, officer_id, title, last_seq, created_by, created_at) VALUES ${batch.map(() => '(?, ?, ?, NULL, ?, 0, ?, ?)').join(',')}`,
      batch.flatMap((n) => [n + 1, RoomStatus.Open, '/1/2/3/4/', `压测调解室${n}`, first, now]),
    );
  }
  const roomIds = ((await ds.query('SELECT id FROM mediation_rooms ORDER BY id')) as { id: number }[]).map((x) => Number(x.id));
  const members: unknown[][] = [];
  roomIds.forEach((roomId, r) => {
    const userIds = Array.from({ length: MEMBERS }, (_, k) => Number(first) + r * MEMBERS + k);
    rooms.push({ id: roomId, userIds });
    userIds.forEach((userId, k) => members.push([roomId, userId, roles[k], `成员${userId}`, now, now]));
  });
  for (let i = 0; i < members.length; i += 1000) {
    const chunk = members.slice(i, i + 1000);
    await ds.query(`INSERT INTO mediation_members (room_id, user_id, role, display_name, joined_at, created_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?)').join(',')}`, chunk.flat());
  }
  return { rooms };
}

function startService(port: number, databaseUrl: string, redis: boolean): ChildProcess {
  // BENCH_PROFILE_DIR: a V8 CPU profile of each service process (written when it exits).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  return spawn(process.execPath, [...profile, join(__dirname, '..', 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, DEMO: '0', NODE_ENV: 'development', RATE_LIMIT_SCALE: '1000',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'jws-bench-ws-')), DATA_ENCRYPTION_KEY: KEY.toString('base64'), JWT_SECRET,
      WECHAT_API_BASE_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent', WORKER_INTERVAL_MS: '0',
      ...(redis ? { REDIS_URL } : {}),
    },
  });
}

interface Member {
  ws: WebSocket;
  roomId: number;
}

interface Counters {
  sent: number;
  acked: number;
  errors: number;
  gapFilled: number;
  latencies: number[];
  measuring: boolean;
}

/** Connects every member (to the instances in turn) and joins its room; resolves when all joined. */
async function connectAll(dataset: Dataset, urls: string[], counters: Counters): Promise<Member[]> {
  const members: Member[] = [];
  let next = 0;
  const pairs = dataset.rooms.flatMap((room) => room.userIds.map((userId, k) => ({ roomId: room.id, userId, url: urls[k % urls.length] })));
  // A few hundred handshakes at a time: the service (and the 2-core machine) take them in turn.
  const open = async (p: (typeof pairs)[number]) => {
    const ws = new WebSocket(`${p.url.replace(/^http/, 'ws')}/ws?token=${accessToken(p.userId)}`);
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as ServerFrame;
        if (frame.type === 'ready') ws.send(JSON.stringify({ type: 'join', roomId: p.roomId, lastSeq: 0 }));
        else if (frame.type === 'joined') resolve();
        else if (frame.type === 'message' || frame.type === 'messages') {
          // A batch is a gap filled from the database (a message that reached this instance late).
          for (const m of frame.type === 'message' ? [frame.message] : frame.messages) {
            if (m.kind !== MessageKind.Text || !counters.measuring || m.senderName === `成员${p.userId}`) continue;
            counters.latencies.push(performance.now() - Number(m.text?.split(' ')[0]));
            if (frame.type === 'messages') counters.gapFilled++;
          }
        } else if (frame.type === 'ack') counters.acked++;
        else if (frame.type === 'error') {
          counters.errors++;
          reject(new Error(frame.code));
        }
      });
      ws.once('error', reject);
    });
    members.push({ ws, roomId: p.roomId });
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
  const perTick = RATE / (1000 / tickMs);
  let carry = 0;
  let i = 0;
  const started = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      carry += perTick;
      while (carry >= 1) {
        carry -= 1;
        // Rooms in turn, a different member of the room each round.
        const room = i % ROOMS;
        const member = members[room * MEMBERS + (Math.floor(i / ROOMS) % MEMBERS)] ?? members[i % members.length];
        member.ws.send(JSON.stringify({ type: 'send', roomId: member.roomId, clientMsgId: `bench-${i}-${started.toFixed(0)}`, kind: MessageKind.Text, text: `${performance.now()} 压测消息` }));
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

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN);

async function scenario(label: string, dataset: Dataset, urls: string[]): Promise<string> {
  const counters: Counters = { sent: 0, acked: 0, errors: 0, gapFilled: 0, latencies: [], measuring: false };
  const t0 = Date.now();
  const members = await connectAll(dataset, urls, counters);
  console.log(`${label}: ${members.length} sockets connected and joined in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (WARMUP_SECONDS > 0) await drive(members, counters, WARMUP_SECONDS);
  Object.assign(counters, { sent: 0, acked: 0, errors: 0, gapFilled: 0, latencies: [], measuring: true });
  await drive(members, counters, SECONDS);
  const elapsed = SECONDS;
  counters.measuring = false;
  for (const m of members) m.ws.terminate();
  const sorted = counters.latencies.sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => pct(sorted, p));
  const expected = counters.sent * (MEMBERS - 1);
  const check = (v: number, max: number) => `${v <= max ? '✓' : '✗'}`;
  return `| ${label} | ${members.length} | ${(counters.acked / elapsed).toFixed(0)} | ${(sorted.length / elapsed).toFixed(0)} | ${sorted.length}/${expected} (${counters.gapFilled} gap-filled) | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${p99.toFixed(1)} | ${(sorted.at(-1) ?? NaN).toFixed(1)} | ${counters.errors} | p95 ≤ 50 ms ${check(p95, 50)}, p99 ≤ 100 ms ${check(p99, 100)} |`;
}

async function main(): Promise<void> {
  const { ds, databaseUrl } = await freshBenchDatabase(DB, KEY);
  const t0 = Date.now();
  const dataset = await generate(ds);
  await ds.destroy();
  console.log(`\nmediation: ${ROOMS} rooms × ${MEMBERS} members generated in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${RATE} messages/s for ${SECONDS} s per scenario`);

  const rows: string[] = [];
  const children: ChildProcess[] = [];
  try {
    const one = startService(PORT, databaseUrl, false);
    children.push(one);
    await waitFor(`http://127.0.0.1:${PORT}/api/health`);
    rows.push(await scenario('one instance', dataset, [`http://127.0.0.1:${PORT}`]));
    one.kill('SIGTERM');

    const a = startService(PORT + 1, databaseUrl, true);
    const b = startService(PORT + 2, databaseUrl, true);
    children.push(a, b);
    await Promise.all([waitFor(`http://127.0.0.1:${PORT + 1}/api/health`), waitFor(`http://127.0.0.1:${PORT + 2}/api/health`)]);
    rows.push(await scenario('two instances + Redis (members split)', dataset, [`http://127.0.0.1:${PORT + 1}`, `http://127.0.0.1:${PORT + 2}`]));
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
  console.log(`\nmediation rooms over /ws: delivery latency = send → arrival at each of the other ${MEMBERS - 1} members (includes storing with its sequence number)\n`);
  console.log('| scenario | sockets | messages/s stored | deliveries/s | delivered/expected | p50 ms | p95 ms | p99 ms | max ms | errors | target |\n|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

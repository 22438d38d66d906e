import { RoomMemberRole, RoomStatus } from '@jws/contracts';
import { ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';

/** What the room benches share (mediation.ts: messages; sockets.ts: connections): rooms, members, tokens, service processes. */
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const MEMBERS = 10;
export const JWT_SECRET = randomBytes(48).toString('base64');
export const KEY = randomBytes(32);

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');
/** An access token as the service issues it (HS256, { sub, typ: 'access' }). */
export function accessToken(userId: number): string {
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify({ sub: userId, typ: 'access', iat: now, exp: now + 3600 }))}`;
  return `${head}.${createHmac('sha256', Buffer.from(JWT_SECRET, 'utf8')).update(head).digest('base64url')}`;
}

export interface Dataset {
  rooms: { id: number; userIds: number[] }[];
}

/** Users, one case per room, rooms and members, with multi-row INSERTs. */
export async function generate(ds: DataSource, roomCount: number): Promise<Dataset> {
  const now = new Date();
  const users = Array.from({ length: roomCount * MEMBERS }, (_, i) => i);
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
  for (let r = 0; r < roomCount; r += 200) {
    const batch = Array.from({ length: Math.min(200, roomCount - r) }, (_, k) => r + k);
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

export function startService(port: number, databaseUrl: string, redis: boolean, extra: Record<string, string> = {}): ChildProcess {
  // BENCH_PROFILE_DIR: a V8 CPU profile of each service process (written when it exits).
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  return spawn(process.execPath, [...profile, join(__dirname, '..', 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, DEMO: '0', NODE_ENV: 'development', RATE_LIMIT_SCALE: '1000',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'jws-bench-ws-')), DATA_ENCRYPTION_KEY: KEY.toString('base64'), JWT_SECRET,
      WECHAT_API_BASE_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent', WORKER_INTERVAL_MS: '0',
      ...(redis ? { REDIS_URL } : {}),
      ...extra,
    },
  });
}

/** Resident memory of a process (VmRSS), in bytes. */
export function rssOf(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) * 1024 : NaN;
}

/** CPU time a process has used so far (user + system, from /proc/<pid>/stat), in ms. */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the line, in clock ticks (100 a second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Ids of the processes whose command name is `name` (e.g. mariadbd, redis-server), to count their CPU too. */
export function pidsNamed(name: string): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
    } catch {
      return false;
    }
  });
}

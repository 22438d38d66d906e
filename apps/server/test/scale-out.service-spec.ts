import { Anonymity, CaseKind, ContactPreference, ServerFrame } from '@jws/contracts';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import WebSocket from 'ws';
import { MIGRATIONS } from '../src/database/data-source';
import { createTestDatabase, TestDatabase } from './test-app';

/**
 * Production's shape on one machine (docs/deploy.md): two instances of the built service, each
 * its own process (`dist/main.js`), on one MariaDB and one Redis, behind nginx running the
 * shipped `config/deploy/nginx/*.conf`. One instance is killed mid-way; a resident's session, a
 * report and a room conversation carry on through the other. Needs nginx (.ci/run installs it)
 * and the built service (`pnpm --filter @jws/server build`, which `pnpm test` runs first).
 */
const ROOT = join(__dirname, '..', '..', '..');
const MAIN = join(__dirname, '..', 'dist', 'main.js');
const MIGRATE = join(__dirname, '..', 'dist', 'database', 'migrate.js');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const healthy = (url: string) => until(`${url} healthy`, async () => ((await fetch(`${url}/api/health`)).ok ? true : undefined));

/** One instance of the service: its own process, port and log. */
class Instance {
  child: ChildProcess | null = null;
  log = '';
  constructor(readonly port: number, private readonly env: Record<string, string>) {}
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.log = '';
    this.child = spawn(process.execPath, [MAIN], { env: { PATH: process.env.PATH ?? '', ...this.env, PORT: String(this.port) }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (d: Buffer) => (this.log = (this.log + d.toString()).slice(-4000)));
    this.child.stderr?.on('data', (d: Buffer) => (this.log = (this.log + d.toString()).slice(-4000)));
    await healthy(this.url).catch((err: Error) => {
      throw new Error(`${err.message}\n${this.log}`);
    });
  }
  /** SIGKILL: gone as in a crash, no goodbye to its sockets. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

/** nginx with the shipped upstream and location files, its upstream lines pointing at `ports`. */
function startNginx(listen: number, ports: number[]): { stop: () => Promise<void>; log: () => string } {
  const dir = mkdtempSync(join(tmpdir(), 'jws-nginx-'));
  const shipped = join(ROOT, 'config', 'deploy', 'nginx');
  const upstream = readFileSync(join(shipped, 'jws-upstream.conf'), 'utf8').replace(
    /(upstream jws_service \{[\s\S]*?)(\s+server [^\n]+\n)+/,
    (_m, head: string) => `${head}\n${ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;\n`).join('')}`,
  );
  writeFileSync(join(dir, 'jws-upstream.conf'), upstream);
  const main = [
    'worker_processes 1;', 'daemon off;', 'master_process on;', `pid ${dir}/nginx.pid;`, `error_log ${dir}/error.log warn;`,
    'events { worker_connections 1024; }',
    'http {',
    `  access_log off; client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;`,
    `  include ${dir}/jws-upstream.conf;`,
    '  server {',
    `    listen 127.0.0.1:${listen};`,
    // Only here: which instance answered (the test kills the one holding the resident's socket).
    '    add_header X-Upstream $upstream_addr always;',
    `    include ${join(shipped, 'jws-locations.conf')};`,
    '  }',
    '}',
  ].join('\n');
  writeFileSync(join(dir, 'nginx.conf'), main);
  execFileSync(NGINX, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
  const child = spawn(NGINX, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'ignore' });
  const log = () => (existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8').slice(-3000) : '');
  return {
    log,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A resident's room socket through the proxy: authenticates, joins, and keeps every message it is sent. */
class RoomSocket {
  readonly bySeq = new Map<number, string | null>();
  upstream = '';
  closed: Promise<void>;
  private ws: WebSocket;
  private constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on('upgrade', (res) => (this.upstream = String(res.headers['x-upstream'] ?? '')));
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerFrame;
      if (frame.type === 'message') this.bySeq.set(frame.message.seq, frame.message.text);
      if (frame.type === 'messages') for (const m of frame.messages) this.bySeq.set(m.seq, m.text);
    });
    this.closed = new Promise((resolve) => ws.once('close', () => resolve()));
  }
  static async open(proxy: string, token: string, roomId: number, lastSeq: number, into?: RoomSocket): Promise<RoomSocket> {
    const ws = new WebSocket(`${proxy.replace(/^http/, 'ws')}/ws`);
    const socket = new RoomSocket(ws);
    if (into) for (const [seq, text] of into.bySeq) socket.bySeq.set(seq, text);
    const frames: ServerFrame[] = [];
    ws.on('message', (data) => frames.push(JSON.parse(data.toString()) as ServerFrame));
    await new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject)));
    ws.send(JSON.stringify({ type: 'auth', token }));
    await until('ready', async () => (frames.some((f) => f.type === 'ready') ? true : undefined), 10_000);
    ws.send(JSON.stringify({ type: 'join', roomId, lastSeq }));
    await until('joined', async () => (frames.some((f) => f.type === 'joined') ? true : undefined), 10_000);
    return socket;
  }
  get lastSeq(): number {
    return Math.max(0, ...this.bySeq.keys());
  }
  close(): void {
    this.ws.terminate();
  }
}

describe('two instances behind nginx (docs/deploy.md)', () => {
  let db: TestDatabase;
  let nginx: ReturnType<typeof startNginx> | undefined;
  const instances: Instance[] = [];
  let proxy = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'jws-scale-'));

  beforeAll(async () => {
    db = await createTestDatabase();
    // What every instance of one deployment shares: the database, Redis, and the secrets.
    const env = {
      NODE_ENV: 'development', DEMO: '1', DATABASE_URL: db.url, REDIS_URL, REDIS_KEY_PREFIX: `${db.name}:`,
      JWT_SECRET: randomBytes(32).toString('hex'), DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      DATA_DIR: dataDir, H5_DIR: join(dataDir, 'no-h5'), LOG_LEVEL: 'warn', TRUST_PROXY: '1', WORKER_INTERVAL_MS: '1000',
    };
    instances.push(new Instance(await freePort(), env), new Instance(await freePort(), env));
    // The first seeds the demo; the second finds it seeded.
    await instances[0].start();
    await instances[1].start();
    const listen = await freePort();
    nginx = startNginx(listen, instances.map((i) => i.port));
    proxy = `http://127.0.0.1:${listen}`;
    await healthy(proxy);
  }, 180_000);

  afterAll(async () => {
    await nginx?.stop();
    for (const i of instances) await i.kill();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const api = async (path: string, token: string | null, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${proxy}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, upstream: res.headers.get('x-upstream') ?? '' };
  };
  /** What the mini program does with a request that failed in transit (502 from the proxy, a dropped connection): the same request again. */
  const retried = async (call: () => Promise<{ status: number; body: Record<string, unknown> }>) => {
    for (let attempt = 0; ; attempt++) {
      const res = await call().catch(() => ({ status: 0, body: {} }));
      if ((res.status !== 0 && res.status < 500) || attempt >= 10) return res;
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('spreads requests over both instances, with no sticky sessions', async () => {
    const login = await api('/api/auth/dev-login', null, { method: 'POST', body: { username: 'resident1' } });
    expect(login.status).toBe(200);
    const seen = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const me = await api('/api/me', String(login.body.accessToken));
      expect(me.status).toBe(200);
      seen.add(me.upstream);
    }
    expect(seen.size).toBe(2);
  });

  it('keeps a session, a report and a room conversation when one instance is killed mid-way', async () => {
    const login = async (username: string) => (await api('/api/auth/dev-login', null, { method: 'POST', body: { username } })).body as { accessToken: string; refreshToken: string };
    const resident = await login('resident1');
    const mediator = await login('mediator1');
    const rooms = await api('/api/mediation/rooms/mine', resident.accessToken);
    const roomId = Number((rooms.body.items as { id: number }[])[0].id);

    // The resident has the room open; the proxy put the socket on one instance, which is the one to die.
    let socket = await RoomSocket.open(proxy, resident.accessToken, roomId, 0);
    const doomed = instances.find((i) => socket.upstream.endsWith(`:${i.port}`));
    expect(doomed).toBeDefined();
    const startSeq = socket.lastSeq;

    // The mediator keeps talking, over HTTP through the proxy, while the instance dies after the 4th
    // line (8 lines: within the chat limit's burst of 10, shared by both instances).
    const texts = Array.from({ length: 8 }, (_, i) => `调解员第${i + 1}句：请双方冷静`);
    const reportKey = randomUUID();
    const report = () =>
      api('/api/cases', resident.accessToken, {
        method: 'POST', headers: { 'idempotency-key': reportKey },
        body: { kind: CaseKind.Dispute, subcategory: 'neighbour', title: '两个实例之间提交的报告', description: '提交时一个实例停止了', otherParty: '楼上住户', contactPreference: ContactPreference.InApp, anonymity: Anonymity.None },
      });
    let reported: { status: number; body: Record<string, unknown> } | undefined;
    for (const [i, text] of texts.entries()) {
      if (i === 4) {
        await doomed!.kill();
        // A report submitted as the instance dies: the mini program retries with the same key.
        reported = await retried(report);
      }
      const clientMsgId = randomUUID();
      const sent = await retried(() => api(`/api/mediation/rooms/${roomId}/messages`, mediator.accessToken, { method: 'POST', body: { clientMsgId, kind: 'text', text } }));
      expect(sent.status).toBe(200);
    }

    // The socket died with its instance; the client reconnects through the proxy and resumes from its last seq.
    await socket.closed;
    socket = await RoomSocket.open(proxy, resident.accessToken, roomId, socket.lastSeq, socket);
    expect(socket.upstream).not.toBe('');
    expect(socket.upstream.endsWith(`:${doomed!.port}`)).toBe(false);
    const received = await until('every line', async () => {
      const got = [...socket.bySeq.entries()].filter(([seq]) => seq > startSeq).sort(([a], [b]) => a - b);
      return got.length >= texts.length ? got : undefined;
    }, 15_000);
    // Every line once, in order, and the sequence has no hole.
    expect(received.map(([, text]) => text)).toEqual(texts);
    expect(received.map(([seq]) => seq)).toEqual(texts.map((_, i) => startSeq + 1 + i));
    socket.close();

    // The report was taken exactly once, and the same key answers the same case.
    expect(reported?.status).toBe(201);
    const again = await report();
    expect(again.body.id).toBe(reported?.body.id);
    const mine = await api(`/api/cases/${String(reported?.body.id)}`, resident.accessToken);
    expect(mine.status).toBe(200);
    const conn = await createConnection({ uri: db.url });
    try {
      const [rows] = await conn.query("SELECT COUNT(*) AS n FROM cases WHERE title = '两个实例之间提交的报告'");
      expect(Number((rows as { n: number }[])[0].n)).toBe(1);
    } finally {
      await conn.end();
    }

    // The session lives on: the access token and the refresh token work on whichever instance is left.
    for (let i = 0; i < 4; i++) expect((await api('/api/me', resident.accessToken)).status).toBe(200);
    const refreshed = await api('/api/auth/refresh', null, { method: 'POST', body: { refreshToken: resident.refreshToken } });
    expect(refreshed.status).toBe(200);

    // Rolling out: the stopped instance comes back (a new version would, on the same port) and serves again.
    await doomed!.start();
    expect((await fetch(`${doomed!.url}/api/me`, { headers: { authorization: `Bearer ${String(refreshed.body.accessToken)}` } })).status).toBe(200);
  }, 120_000);

  it('migrates once when two instances start on an empty database at the same moment', async () => {
    const fresh = await createTestDatabase();
    try {
      const run = () =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = spawn(process.execPath, [MIGRATE], { env: { PATH: process.env.PATH ?? '', DATABASE_URL: fresh.url, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          child.stdout.on('data', (d: Buffer) => (out += d.toString()));
          child.stderr.on('data', (d: Buffer) => (out += d.toString()));
          child.on('exit', (code) => resolve({ code, out }));
        });
      const results = await Promise.all([run(), run()]);
      expect(results.map((r) => r.code)).toEqual([0, 0]);
      // One of them applied everything; the other waited for the lock and found the schema up to date.
      expect(results.map((r) => r.out.trim().startsWith('applied:')).sort()).toEqual([false, true]);
      const conn = await createConnection({ uri: fresh.url });
      try {
        const [rows] = await conn.query('SELECT name, COUNT(*) AS n FROM migrations GROUP BY name');
        const applied = rows as { name: string; n: number }[];
        expect(applied).toHaveLength(MIGRATIONS.length);
        expect(applied.every((r) => Number(r.n) === 1)).toBe(true);
      } finally {
        await conn.end();
      }
    } finally {
      await fresh.drop();
    }
  }, 120_000);
});

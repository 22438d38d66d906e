/**
 * Starts what the browser tests run against: a fresh MariaDB database, the fake WeChat server
 * and the real service (`node apps/server/dist/main.js`, demo mode) serving the h5 build.
 * global-teardown.ts stops all of it; `stopAll` is also called here if starting fails half-way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeWechat, type FakeWechat } from '@jws/wechat';
import { createConnection } from 'mysql2/promise';
import { AXE_RECORD, PAGES_DIR } from './page-checks';
import { ARTIFACTS_DIR, BASE_URL_ENV, FAKE_WECHAT_URL_ENV, H5_DIR, REPO_ROOT, SERVER_MAIN } from './paths';

const DATABASE_SERVER = (process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306').replace(/\/+$/, '');
const APP_ID = 'wx-e2e-appid';
const APP_SECRET = 'e2e-app-secret-never-logged';
const START_TIMEOUT_MS = 120_000;
const SERVER_LOG = join(ARTIFACTS_DIR, 'server.log');

/** The fake 12345 platform from the server build (apps/server/src/hotline12345/fake-hotline.ts). */
interface FakeHotline {
  url: string;
  close(): Promise<void>;
}
type StartFakeHotline = (options: { token: string; webhookSecret: string }) => Promise<FakeHotline>;
const HOTLINE_TOKEN = 'e2e-12345-token-never-logged';
const HOTLINE_SECRET = 'e2e-12345-webhook-secret-never-logged';

export interface E2eEnvironment {
  database?: string;
  fake?: FakeWechat;
  hotline?: FakeHotline;
  server?: ChildProcess;
  dataDir?: string;
}

const KEY = '__JWS_E2E__';
type WithEnv = typeof globalThis & { [KEY]?: E2eEnvironment };

export function currentEnvironment(): E2eEnvironment | undefined {
  return (globalThis as WithEnv)[KEY];
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

function requireBuilds(): void {
  const missing: string[] = [];
  if (!existsSync(SERVER_MAIN)) missing.push(`${SERVER_MAIN}: run \`pnpm --filter @jws/contracts --filter @jws/wechat --filter @jws/server run build\``);
  if (!existsSync(join(H5_DIR, 'index.html'))) missing.push(`${H5_DIR}/index.html: run \`pnpm --filter @jws/miniprogram build:h5\``);
  if (missing.length) throw new Error(`e2e: the tests need built artifacts (they build nothing themselves). Missing:\n  ${missing.join('\n  ')}`);
}

function serverLogTail(): string {
  try {
    return readFileSync(SERVER_LOG, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no server log)';
  }
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`e2e: the service exited during start-up (code ${server.exitCode ?? server.signalCode}). Last lines of ${SERVER_LOG}:\n${serverLogTail()}`);
    }
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
      last = `HTTP ${res.status} ${await res.text()}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`e2e: ${url}/api/health did not answer 200 within ${START_TIMEOUT_MS / 1000}s (last: ${last}). Last lines of ${SERVER_LOG}:\n${serverLogTail()}`);
}

export async function stopAll(env: E2eEnvironment | undefined): Promise<void> {
  if (!env) return;
  const problems: string[] = [];
  const server = env.server;
  if (server && server.exitCode === null && server.signalCode === null) {
    const exited = new Promise<void>((r) => server.once('exit', () => r()));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  if (env.fake) await env.fake.close().catch((e: unknown) => problems.push(`fake WeChat: ${String(e)}`));
  if (env.hotline) await env.hotline.close().catch((e: unknown) => problems.push(`fake 12345: ${String(e)}`));
  if (env.database) {
    try {
      const conn = await createConnection({ uri: DATABASE_SERVER });
      await conn.query(`DROP DATABASE IF EXISTS \`${env.database}\``);
      await conn.end();
    } catch (e) {
      problems.push(`drop database ${env.database}: ${String(e)}`);
    }
  }
  if (env.dataDir) rmSync(env.dataDir, { recursive: true, force: true });
  (globalThis as WithEnv)[KEY] = undefined;
  if (problems.length) console.warn(`e2e teardown: ${problems.join('; ')}`);
}

export default async function globalSetup(): Promise<void> {
  requireBuilds();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  // Screenshots of an earlier run would pass for this run's.
  for (const file of readdirSync(ARTIFACTS_DIR)) if (file.endsWith('.png')) rmSync(join(ARTIFACTS_DIR, file));
  rmSync(PAGES_DIR, { recursive: true, force: true });
  rmSync(AXE_RECORD, { force: true });

  const env: E2eEnvironment = {};
  (globalThis as WithEnv)[KEY] = env;
  try {
    const database = `jws_e2e_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = await createConnection({ uri: DATABASE_SERVER }).catch((e: unknown) => {
      throw new Error(`e2e: cannot reach MariaDB/MySQL at ${DATABASE_SERVER} (set TEST_DATABASE_URL): ${String(e)}`);
    });
    try {
      await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      env.database = database;
    } finally {
      await admin.end();
    }

    env.fake = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startFakeHotline } = require(join(REPO_ROOT, 'apps/server/dist/hotline12345/fake-hotline.js')) as { startFakeHotline: StartFakeHotline };
    env.hotline = await startFakeHotline({ token: HOTLINE_TOKEN, webhookSecret: HOTLINE_SECRET });
    env.dataDir = mkdtempSync(join(tmpdir(), 'jws-e2e-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const log = createWriteStream(SERVER_LOG);
    const server = spawn(process.execPath, [SERVER_MAIN], {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        PORT: String(port),
        DATABASE_URL: `${DATABASE_SERVER}/${database}`,
        DEMO: '1',
        // The demo city without its three months of history: the tests make the records they count.
        DEMO_HISTORY_DAYS: '0',
        DATA_DIR: env.dataDir,
        WECHAT_API_BASE_URL: env.fake.url,
        WECHAT_APP_ID: APP_ID,
        WECHAT_APP_SECRET: APP_SECRET,
        H5_DIR,
        LOG_LEVEL: 'warn',
        HOTLINE12345_BASE_URL: env.hotline.url,
        HOTLINE12345_TOKEN: HOTLINE_TOKEN,
        HOTLINE12345_WEBHOOK_SECRET: HOTLINE_SECRET,
        HOTLINE12345_CALLBACK_URL: `${url}/api/integrations/12345/webhook`,
        // The outbox delivers the 12345 order within a second, as a person would expect on screen.
        WORKER_INTERVAL_MS: '1000',
        // Every person of every test signs in and browses from 127.0.0.1, and the per-address limits
        // (sign-in: 10 a minute) are meant for one person's address: at full speed the suite
        // otherwise meets 429 at sign-in in some runs and not others.
        RATE_LIMIT_SCALE: '10',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    env.server = server;
    server.stdout?.pipe(log);
    server.stderr?.pipe(log);
    // Never leave the service running if jest goes away without teardown.
    process.once('exit', () => server.kill('SIGKILL'));

    await waitForHealth(url, server);
    process.env[BASE_URL_ENV] = url;
    process.env[FAKE_WECHAT_URL_ENV] = env.fake.url;
  } catch (err) {
    await stopAll(env);
    throw err;
  }
}

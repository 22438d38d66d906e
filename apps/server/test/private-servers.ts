import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A MariaDB or Redis of the test's own (own data directory, port and socket), which the test may
 * stop and start again: the shared servers on 3306 and 6379 are never touched. Uses the binaries
 * .ci/run installs (mariadbd, mariadb-install-db, redis-server).
 */
export interface PrivateServer {
  /** `mysql://root@127.0.0.1:port` or `redis://127.0.0.1:port`. */
  url: string;
  /** Kills the server (SIGKILL: gone as in a crash) and waits until the port is closed. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data, and waits until it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its data. */
  destroy(): Promise<void>;
}

function binary(name: string): string {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin', '/usr/local/bin', '/usr/local/sbin'])) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  throw new Error(`${name} is not installed (.ci/run installs it)`);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Whether something accepts TCP connections on the port. */
function accepting(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => (socket.destroy(), resolve(false)));
    socket.connect(port, '127.0.0.1');
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, log: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not come up:\n${log()}`);
}

function privateServer(name: string, port: number, dir: string, launch: () => ChildProcess, url: string): PrivateServer {
  let child: ChildProcess | null = null;
  let output = '';
  const start = async () => {
    child = launch();
    output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor(`${name} on port ${port}`, () => accepting(port), () => output.slice(-2000));
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
    await waitFor(`${name} to stop`, async () => !(await accepting(port)), () => output.slice(-2000));
  };
  return {
    url,
    start,
    stop,
    destroy: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A MariaDB of its own: a fresh data directory (mariadb-install-db), root without a password. */
export async function startPrivateMariadb(): Promise<PrivateServer> {
  const dir = mkdtempSync(join(tmpdir(), 'jws-mariadb-'));
  const data = join(dir, 'data');
  execFileSync(binary('mariadb-install-db'), ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db', '--user=root'], {
    stdio: 'pipe',
  });
  const port = await freePort();
  const server = privateServer('private mariadbd', port, dir, () =>
    spawn(binary('mariadbd'), [
      '--no-defaults', `--datadir=${data}`, `--socket=${join(dir, 'mysqld.sock')}`, `--pid-file=${join(dir, 'mysqld.pid')}`,
      `--port=${port}`, '--bind-address=127.0.0.1', '--user=root', '--skip-grant-tables', '--skip-log-bin',
      '--innodb-buffer-pool-size=32M', '--character-set-server=utf8mb4', '--collation-server=utf8mb4_unicode_ci',
    ], { stdio: ['ignore', 'pipe', 'pipe'] }),
  `mysql://root@127.0.0.1:${port}`);
  await server.start();
  return server;
}

/** A Redis of its own, keeping nothing on disk. */
export async function startPrivateRedis(): Promise<PrivateServer> {
  const dir = mkdtempSync(join(tmpdir(), 'jws-redis-'));
  const port = await freePort();
  const server = privateServer('private redis-server', port, dir, () =>
    spawn(binary('redis-server'), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  `redis://127.0.0.1:${port}`);
  await server.start();
  return server;
}

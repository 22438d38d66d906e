import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source';
import { FieldCipher } from '../personal-data/field-cipher';

/** The MariaDB/MySQL server the bench may create and drop its databases on. */
export const BENCH_SERVER = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';

/**
 * Drops and recreates database `name`, runs the migrations with the service's encryption `key`
 * installed (generated data must be readable by the service), and returns it open with its URL.
 */
export async function freshBenchDatabase(name: string, key: Buffer): Promise<{ ds: DataSource; databaseUrl: string }> {
  const admin = await createConnection({ uri: BENCH_SERVER });
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const databaseUrl = `${BENCH_SERVER.replace(/\/$/, '')}/${name}`;
  const ds = new DataSource(dataSourceOptions({ kind: 'mysql', url: databaseUrl }));
  FieldCipher.install(key);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  return { ds, databaseUrl };
}

/** Polls `url` until it answers 2xx (a service process starting). */
export async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

/**
 * The service on the bench city, in its own process as in production (the load generator does
 * not share its event loop): demo mode for dev-login, RATE_LIMIT_SCALE lifting the per-person
 * limits, WeChat at `wechatUrl` (the fake). `env` adds or overrides variables.
 */
export function spawnBenchService(
  port: number, databaseUrl: string, key: Buffer, wechatUrl: string, env: Record<string, string> = {},
): ChildProcess {
  return spawn(process.execPath, [join(__dirname, '..', 'main.js')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, DEMO: '1', NODE_ENV: 'development', RATE_LIMIT_SCALE: '1000',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'jws-bench-')), DATA_ENCRYPTION_KEY: key.toString('base64'),
      WECHAT_APP_ID: 'wx-bench', WECHAT_APP_SECRET: 'bench-secret', WECHAT_API_BASE_URL: wechatUrl, LOG_LEVEL: 'silent',
      ...env,
    },
  });
}

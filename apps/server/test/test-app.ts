import { startFakeWechat } from '@jws/wechat';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createConnection } from 'mysql2/promise';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/app.setup';
import { JwsFastifyAdapter } from '../src/common/http-adapter';

type FakeWechat = Awaited<ReturnType<typeof startFakeWechat>>;

/** Server of the MariaDB/MySQL the service tests run on; each test file gets its own database. */
export const TEST_DATABASE_SERVER = process.env.TEST_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(server = TEST_DATABASE_SERVER): Promise<TestDatabase> {
  const name = `jws_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await createConnection({ uri: server });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  return {
    name,
    url: `${server.replace(/\/$/, '')}/${name}`,
    drop: async () => {
      const conn = await createConnection({ uri: server });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  fake: FakeWechat;
  dataSource: DataSource;
  db: TestDatabase;
  /** Demo sign-in; returns the access token. */
  login(username: string): Promise<string>;
  /** Starts listening on a free port (for WebSocket clients); returns the base URL `http://127.0.0.1:port`. */
  listen(): Promise<string>;
  /** Another instance of the service on the same database and secrets (several-instance tests). */
  startPeer(overrides?: Record<string, string>): Promise<TestApp>;
  close(): Promise<void>;
}

export const APP_ID = 'wx-test-appid';
export const APP_SECRET = 'test-app-secret-never-logged';

/**
 * The whole service on a fresh MariaDB database, with demo data and a fake WeChat server
 * speaking the real protocol. Overrides replace environment variables; `databaseServer` is
 * another MariaDB than TEST_DATABASE_SERVER (a private one a test stops and starts).
 */
export async function startTestApp(overrides: Record<string, string> = {}, databaseServer = TEST_DATABASE_SERVER): Promise<TestApp> {
  const fake = await startFakeWechat({ appId: APP_ID, appSecret: APP_SECRET });
  const db = await createTestDatabase(databaseServer);
  const dataDir = mkdtempSync(join(tmpdir(), 'jws-test-'));
  return startInstance(fake, db, dataDir, overrides, true);
}

async function startInstance(fake: FakeWechat, db: TestDatabase, dataDir: string, overrides: Record<string, string>, owner: boolean): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.forRoot({
        NODE_ENV: 'test',
        DATABASE_URL: db.url,
        DEMO: '1',
        // The demo city without its three months of history (demo-history.service-spec.ts loads it).
        DEMO_HISTORY_DAYS: '0',
        DATA_DIR: dataDir,
        WECHAT_APP_ID: APP_ID,
        WECHAT_APP_SECRET: APP_SECRET,
        WECHAT_API_BASE_URL: fake.url,
        LOG_LEVEL: 'silent',
        // Workers are driven by the tests (tick(now)), not by timers.
        WORKER_INTERVAL_MS: '0',
        RATE_LIMIT_SCALE: '1',
        // A room's new-message notice at once (room-message-notices.ts); group-commit.service-spec tests the window.
        ROOM_NOTICE_WINDOW_MS: '0',
        H5_DIR: join(dataDir, 'no-h5'),
        // Test files run at once on one Redis: each app (and its peers) keeps to its own keys.
        REDIS_KEY_PREFIX: `${db.name}:`,
        ...overrides,
      }),
    ],
  }).compile();
  const app = moduleRef.createNestApplication(new JwsFastifyAdapter(), { logger: false, bodyParser: false });
  configureApp(app);
  await app.init();
  await (app.getHttpAdapter().getInstance() as { ready(): Promise<unknown> }).ready();
  const http = request(app.getHttpServer());
  const dataSource = app.get(DataSource);
  return {
    app,
    http,
    fake,
    dataSource,
    db,
    login: async (username: string) => {
      const res = await request(app.getHttpServer()).post('/api/auth/dev-login').send({ username }).expect(200);
      return res.body.accessToken as string;
    },
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      return (await app.getUrl()).replace('[::1]', '127.0.0.1');
    },
    startPeer: (peerOverrides: Record<string, string> = {}) => startInstance(fake, db, dataDir, { ...overrides, ...peerOverrides }, false),
    close: async () => {
      await app.close();
      if (!owner) return;
      await fake.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

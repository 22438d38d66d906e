import { ErrorCode } from '@jws/contracts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source';
import { bearer, createTestDatabase, startTestApp, TestApp } from './test-app';


const entityTables = (ds: DataSource) => ds.entityMetadatas.map((m) => m.tableName).sort();

/** The schema's own tables: not TypeORM's bookkeeping (its migrations list, and typeorm_metadata of generated columns). */
async function tablesOf(ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    ds.options.type === 'mysql'
      ? await ds.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name NOT IN ('migrations', 'typeorm_metadata')")
      : await ds.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('migrations', 'sqlite_sequence', 'typeorm_metadata')");
  return rows.map((r) => r.name).sort();
}

/** Every index of the schema's tables, as `table.index` (not primary keys or SQLite's automatic ones). */
async function indexesOf(ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] =
    ds.options.type === 'mysql'
      ? await ds.query(
        "SELECT DISTINCT CONCAT(table_name, '.', index_name) AS name FROM information_schema.statistics " +
          "WHERE table_schema = DATABASE() AND index_name <> 'PRIMARY' AND table_name NOT IN ('migrations', 'typeorm_metadata')",
      )
      : await ds.query(
        "SELECT tbl_name || '.' || name AS name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%' " +
          "AND tbl_name NOT IN ('migrations', 'sqlite_sequence', 'typeorm_metadata')",
      );
  return rows.map((r) => r.name).sort();
}

/** The indexes the MariaDB run built: the embedded SQLite file must have the same (the demo's queue reads them). */
let mariaDbIndexes: string[] = [];

describe('migrations from zero', () => {
  it('build the whole schema on MariaDB and roll back to nothing', async () => {
    const db = await createTestDatabase();
    const ds = new DataSource(dataSourceOptions({ kind: 'mysql', url: db.url }));
    try {
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      expect(await tablesOf(ds)).toEqual(entityTables(ds));
      // Every entity table and column exists as migrated. (TypeORM's MariaDB diff also proposes
      // no-op CHANGEs for nullable columns and index re-creation; those are not drift.)
      const drift = (await ds.driver.createSchemaBuilder().log()).upQueries
        .map((q) => q.query)
        .filter((q) => /CREATE TABLE|ADD `|ADD COLUMN|DROP COLUMN|DROP TABLE/.test(q));
      expect(drift).toEqual([]);
      mariaDbIndexes = await indexesOf(ds);
      expect(mariaDbIndexes).toEqual(expect.arrayContaining(['cases.ix_cases_officer_due', 'cases.ix_cases_station_due', 'cases.ix_cases_escalated']));
      for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      expect(await tablesOf(ds)).toEqual([]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await db.drop();
    }
  });

  it('build the same schema on the embedded SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jws-sqlite-'));
    const ds = new DataSource(dataSourceOptions({ kind: 'sqlite', file: join(dir, 'x.sqlite') }));
    try {
      await ds.initialize();
      await ds.runMigrations({ transaction: 'each' });
      expect(await tablesOf(ds)).toEqual(entityTables(ds));
      // Set by the MariaDB test above (jest runs a file's tests in order).
      expect(mariaDbIndexes.length).toBeGreaterThan(0);
      expect(await indexesOf(ds)).toEqual(mariaDbIndexes);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('service platform (MariaDB)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database up', async () => {
    const res = await t.http.get('/api/health').expect(200);
    expect(res.body.info.database.status).toBe('up');
  });

  it('documents every endpoint in OpenAPI with responses and error codes', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    const paths = res.body.paths as Record<string, Record<string, { responses: Record<string, unknown>; summary?: string }>>;
    for (const p of ['/api/auth/wechat', '/api/auth/refresh', '/api/me', '/api/communities/join-by-code', '/api/workbench/communities', '/api/audit']) {
      expect(paths[p]).toBeDefined();
    }
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const documented = { summary: Boolean(op.summary), success: Object.keys(op.responses).some((s) => s.startsWith('2')) };
        expect({ route: `${method} ${path}`, ...documented }).toEqual({ route: `${method} ${path}`, summary: true, success: true });
      }
    }
    expect(JSON.stringify(paths['/api/communities/join-by-code'])).toContain(ErrorCode.InviteInvalid);
  });

  it('turns an unexpected failure into a 500 with an error id and no stack trace', async () => {
    const token = await t.login('officer1');
    await t.dataSource.query('RENAME TABLE police_groups TO police_groups_away');
    try {
      const res = await t.http.get('/api/workbench/communities').set(bearer(token)).expect(500);
      expect(res.body).toEqual({ code: ErrorCode.Internal, message: expect.any(String), errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js|police_groups|SELECT/);
    } finally {
      await t.dataSource.query('RENAME TABLE police_groups_away TO police_groups');
    }
  });

  it('answers an unknown API path with a coded 404', async () => {
    const res = await t.http.get('/api/no-such-thing').expect(404);
    expect(res.body.code).toBe(ErrorCode.NotFound);
  });

  it('answers an oversized body with a coded 413 and changes nothing', async () => {
    const token = await t.login('resident1');
    const before = await t.dataSource.query('SELECT COUNT(*) AS n FROM cases');
    const description = '楼道里堆满杂物'.repeat(20_000); // ~140 KB of JSON, over the 100 KB body limit
    const res = await t.http.post('/api/cases').set(bearer(token)).set('Idempotency-Key', 'too-large-1')
      .send({ kind: 'hazard', subcategory: 'fire', title: '杂物', description }).expect(413);
    expect(res.body).toEqual({ code: ErrorCode.PayloadTooLarge, message: '提交的内容太多，请精简后再提交' });
    expect(await t.dataSource.query('SELECT COUNT(*) AS n FROM cases')).toEqual(before);
    // The 12345 webhook reads its raw bytes itself (64 KB): the same coded answer.
    const hook = await t.http.post('/api/integrations/12345/webhook').set('content-type', 'application/json').send('x'.repeat(70 * 1024));
    expect(hook.status).toBe(413);
    expect(hook.body.code).toBe(ErrorCode.PayloadTooLarge);
  });

  it('sends an error from a CSV or cached route as JSON, not as the CSV and not cached', async () => {
    const token = await t.login('branch_leader1');
    const res = await t.http.get('/api/governance/digest.csv?date=2026-13-45').set(bearer(token)).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('refuses a page number past the last page with a coded 400, not a database error', async () => {
    const token = await t.login('officer1');
    const admin = await t.login('admin1');
    for (const [path, as] of [['/api/cases', token], ['/api/cases/mine', token], ['/api/notifications', token],
      ['/api/communities/directory', token], ['/api/workbench/communities', token], ['/api/audit', admin]]) {
      const res = await t.http.get(`${path}?page=99999999999999999999`).set(bearer(as));
      expect([path, res.status, res.body.code]).toEqual([path, 400, ErrorCode.ValidationFailed]);
    }
    const ok = await t.http.get('/api/cases?page=10000').set(bearer(token)).expect(200);
    expect(ok.body.items).toEqual([]);
  });

  it('sets security headers (helmet)', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('production start-up', () => {
  it('refuses to start without MySQL and secrets, saying which variables are missing', () => {
    const main = join(__dirname, '..', 'dist', 'main.js');
    const result = spawnSync(process.execPath, [main], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', DATA_DIR: mkdtempSync(join(tmpdir(), 'jws-prod-')) },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    for (const name of ['DATABASE_URL', 'JWT_SECRET', 'DATA_ENCRYPTION_KEY', 'WECHAT_APP_ID', 'WECHAT_APP_SECRET']) {
      expect(result.stderr).toContain(name);
    }
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('demo mode', () => {
  it('is off on MySQL without DEMO=1: no demo users and no dev login', async () => {
    const t = await startTestApp({ DEMO: '0' });
    try {
      expect((await t.http.get('/api/auth/demo-users').expect(403)).body.code).toBe(ErrorCode.DemoDisabled);
      expect((await t.http.post('/api/auth/dev-login').send({ username: 'resident1' }).expect(403)).body.code).toBe(ErrorCode.DemoDisabled);
    } finally {
      await t.close();
    }
  });
});

import { ErrorCode } from '@jws/contracts';
import { AuditAction } from '../src/audit';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bearer, startTestApp, TestApp } from './test-app';

/**
 * The HTTP platform (Fastify, common/http-adapter.ts) as a browser and a client meet it: the h5
 * build at the root with its deep links, the API docs, coded errors for unknown paths and bodies
 * the API does not read, each route's body limit, and the security headers on every kind of answer.
 */
describe('HTTP platform: h5 build, docs, body limits and headers (MariaDB)', () => {
  const h5 = mkdtempSync(join(tmpdir(), 'jws-h5-'));
  let t: TestApp;

  beforeAll(async () => {
    writeFileSync(join(h5, 'index.html'), '<!doctype html><title>指尖上的警务室</title>');
    mkdirSync(join(h5, 'js'));
    writeFileSync(join(h5, 'js', 'app.123.js'), 'console.log("h5")');
    t = await startTestApp({ H5_DIR: h5 });
  });
  afterAll(async () => {
    await t.close();
    rmSync(h5, { recursive: true, force: true });
  });

  it('serves the h5 build, its files and its deep links, with the security headers', async () => {
    const root = await t.http.get('/').expect(200);
    expect(root.text).toContain('指尖上的警务室');
    expect(root.headers['content-security-policy']).toContain("default-src 'self'");
    expect(root.headers['x-content-type-options']).toBe('nosniff');
    const deep = await t.http.get('/pages/case/detail?id=12').expect(200);
    expect(deep.headers['content-type']).toMatch(/^text\/html/);
    expect(deep.text).toContain('指尖上的警务室');
    const js = await t.http.get('/js/app.123.js').expect(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.text).toBe('console.log("h5")');
  });

  it('answers unknown API paths with the coded 404, not the h5 page', async () => {
    for (const path of ['/api/no-such-thing', '/api/cases/1/no-such-view', '/api']) {
      const res = await t.http.get(path).expect(404);
      expect(res.body).toMatchObject({ code: ErrorCode.NotFound });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const post = await t.http.post('/api/no-such-thing').send({ a: 1 }).expect(404);
    expect(post.body.code).toBe(ErrorCode.NotFound);
    const open311 = await t.http.get('/open311/v2/nothing-here.json').expect(404);
    expect(open311.body).toEqual([expect.objectContaining({ code: 404 })]);
  });

  it('serves the API docs and their OpenAPI document', async () => {
    const ui = await t.http.get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain('/api/me');
  });

  it('reads JSON and form bodies within each route’s limit, and answers the rest with a coded error', async () => {
    const token = await t.login('resident1');
    // Sign-in takes 32 KB; the same body elsewhere is within the 100 KB of the rest of the API.
    const big = { username: 'x'.repeat(40 * 1024) };
    const tooBig = await t.http.post('/api/auth/dev-login').send(big).expect(413);
    expect(tooBig.body.code).toBe(ErrorCode.PayloadTooLarge);
    const huge = await t.http.post('/api/cases').set(bearer(token)).send({ description: 'x'.repeat(120 * 1024) }).expect(413);
    expect(huge.body.code).toBe(ErrorCode.PayloadTooLarge);
    // Malformed, scalar, too deep, another charset: each a coded 400 before any handler.
    const bad = async (body: string, type = 'application/json') =>
      (await t.http.post('/api/cases').set(bearer(token)).set('Content-Type', type).send(body).expect(400)).body as { code: string };
    expect((await bad('{"title": ')).code).toBe(ErrorCode.ValidationFailed);
    expect((await bad('"just a string"')).code).toBe(ErrorCode.ValidationFailed);
    expect((await bad('['.repeat(40) + ']'.repeat(40))).code).toBe(ErrorCode.ValidationFailed);
    expect((await bad('{}', 'application/json; charset=latin1')).code).toBe(ErrorCode.ValidationFailed);
    // A body of a type the API does not read is dropped: the DTO says what is missing.
    const text = await t.http.post('/api/cases').set(bearer(token)).set('Content-Type', 'text/plain').send('hello').expect(400);
    expect(text.body.code).toBe(ErrorCode.ValidationFailed);
    // An empty JSON body is an empty object, as before.
    const empty = await t.http.post('/api/auth/dev-login').set('Content-Type', 'application/json').send('').expect(400);
    expect(empty.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('records the caller’s request id with an audited refusal, and a trailing slash does not matter', async () => {
    const token = await t.login('resident1');
    const me = await t.http.get('/api/me/').set(bearer(token)).expect(200);
    expect(me.body.username).toBe('resident1');
    await t.http.get('/api/workbench/communities').set(bearer(token)).set('X-Request-Id', 'req-0123456789').expect(403);
    const rows = (await t.dataSource.query("SELECT action, target_id FROM audit_entries WHERE request_id = 'req-0123456789'")) as { action: string; target_id: string }[];
    expect(rows).toEqual([expect.objectContaining({ action: AuditAction.AccessDenied, target_id: 'GET /api/workbench/communities' })]);
  });
});

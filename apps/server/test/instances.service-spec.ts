import { ErrorCode, MESSAGE_BURST, MESSAGE_RATE_PER_MINUTE } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { mediationFixtures, WsClient } from './mediation-support';
import { bearer, startTestApp, TestApp } from './test-app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Asks `probe` until it answers what `done` wants, for at most `ms`; answers the last answer. */
async function until<T>(probe: () => Promise<T>, done: (value: T) => boolean, ms = 5_000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await probe();
  }
  return value;
}

/**
 * Two instances of the service behind one imagined load balancer, on one database and one Redis.
 * Limits count once for both, and a revocation made on one holds on the other within 5 s. The
 * caller caches keep a user for a minute here, so only the Redis broadcast can bring a change
 * across in time. 工作台's lists show a change made on the other instance at the next read.
 */
describe('two instances sharing MariaDB and Redis', () => {
  let a: TestApp;
  let b: TestApp;
  const tokens: Record<string, string> = {};
  const fixtures = mediationFixtures(() => a, tokens);
  const me = async (t: TestApp, token: string) => {
    const res = await t.http.get('/api/me').set(bearer(token));
    return res.status === 200 ? 'ok' : String(res.body.code);
  };

  beforeAll(async () => {
    a = await startTestApp({ REDIS_URL, CALLER_CACHE_TTL_MS: '60000' });
    b = await a.startPeer();
    for (const u of ['resident1', 'officer1']) tokens[u] = await a.login(u);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('holds a limit of 10 a minute at 10 in all, not 10 on each instance', async () => {
    const resident = await a.login('resident2');
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await (i % 2 ? b : a).http.post('/api/communities/join-by-code').set(bearer(resident)).send({ code: 'ZZZZ2222' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 10).filter((s) => s === 429)).toEqual([]);
    expect(statuses.slice(10)).toEqual(Array(10).fill(429));
    // The counts are in Redis, under this deployment's prefix.
    const redis = new Redis(REDIS_URL);
    try {
      expect((await redis.keys(`${a.db.name}:*hits`)).length).toBeGreaterThan(0);
    } finally {
      await redis.quit();
    }
  });

  it('holds the chat limit (a burst of 10, then 30 a minute) once for both instances', async () => {
    const room = await fixtures.openRoom('两个实例上的聊天限速');
    // What is left of resident1's bucket before the flood (opening the room may have taken some).
    const [{ id: residentId }] = (await a.dataSource.query("SELECT id FROM users WHERE username = 'resident1'")) as { id: number }[];
    const redis = new Redis(REDIS_URL);
    const left = await redis.hget(`${a.db.name}:chat:bucket:${residentId}`, 'tokens').finally(() => redis.quit());
    const burst = left === null ? MESSAGE_BURST : Math.floor(Number(left));
    expect(burst).toBeGreaterThan(MESSAGE_BURST / 2);
    const started = Date.now();
    const answers: { status: number; code?: string }[] = [];
    for (let i = 0; i < 2 * MESSAGE_BURST; i++) {
      const res = await (i % 2 ? b : a).http.post(`/api/mediation/rooms/${room.id}/messages`).set(fixtures.as('resident1'))
        .send({ clientMsgId: randomUUID(), kind: 'text', text: `第${i + 1}条` });
      answers.push({ status: res.status, code: res.body.code });
    }
    // What the bucket can have refilled while the test ran, however slow the machine.
    const refilled = Math.ceil(((Date.now() - started) * MESSAGE_RATE_PER_MINUTE) / 60_000);
    const sent = answers.filter((r) => r.status === 200).length;
    expect(sent).toBeGreaterThanOrEqual(burst);
    expect(sent).toBeLessThanOrEqual(burst + refilled);
    expect(sent).toBeLessThan(2 * MESSAGE_BURST);
    expect(answers.filter((r) => r.status !== 200).every((r) => r.code === ErrorCode.RateLimited)).toBe(true);
  });

  it('ends a person’s access tokens on the other instance within 5 s of logout, open sockets included', async () => {
    const login = (await a.http.post('/api/auth/dev-login').send({ username: 'resident2' }).expect(200)).body;
    // B knows the person now (and would keep them for a minute) and holds their socket.
    expect(await me(b, login.accessToken)).toBe('ok');
    const socket = await WsClient.connect(await b.listen(), login.accessToken);
    expect(socket.frames.some((f) => f.type === 'ready')).toBe(true);

    await a.http.post('/api/auth/logout').send({ refreshToken: login.refreshToken }).expect(204);
    expect(await me(a, login.accessToken)).toBe(ErrorCode.TokenExpired);
    expect(await until(() => me(b, login.accessToken), (c) => c !== 'ok')).toBe(ErrorCode.TokenExpired);
    const frame = await socket.next((f) => f.type === 'error');
    expect(frame).toMatchObject({ type: 'error', code: ErrorCode.TokenExpired });
    await socket.closed();
    // Signing in again works at once, on both.
    const again = await a.login('resident2');
    expect([await me(a, again), await me(b, again)]).toEqual(['ok', 'ok']);
  });

  it('ends the access tokens on the other instance within 5 s when a refresh token’s reuse revokes its family', async () => {
    const login = (await a.http.post('/api/auth/dev-login').send({ username: 'resident2' }).expect(200)).body;
    const rotated = (await b.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200)).body;
    expect(await me(b, rotated.accessToken)).toBe('ok');
    // Someone replays the old refresh token on A: the whole family is revoked.
    expect((await a.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(401)).body.code).toBe(ErrorCode.RefreshTokenReused);
    expect(await until(() => me(b, rotated.accessToken), (c) => c !== 'ok')).toBe(ErrorCode.TokenExpired);
    expect((await b.http.post('/api/auth/refresh').send({ refreshToken: rotated.refreshToken }).expect(401)).body.code).toBe(ErrorCode.RefreshTokenReused);
  });

  it('ends the access tokens on the other instance within 5 s of a role change; a refresh carries the new role', async () => {
    const login = (await a.http.post('/api/auth/dev-login').send({ username: 'resident1' }).expect(200)).body;
    expect((await b.http.get('/api/me').set(bearer(login.accessToken)).expect(200)).body.roles).not.toContain('informant');
    const [resident] = await a.dataSource.query("SELECT id FROM users WHERE username = 'resident1'");
    await a.http.post(`/api/users/${resident.id}/informant`).set(fixtures.as('officer1')).send({ granted: true }).expect(200);
    expect(await until(() => me(b, login.accessToken), (c) => c !== 'ok')).toBe(ErrorCode.TokenExpired);
    const refreshed = (await b.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200)).body;
    expect((await b.http.get('/api/me').set(bearer(refreshed.accessToken)).expect(200)).body.roles).toContain('informant');
    await a.http.post(`/api/users/${resident.id}/informant`).set(fixtures.as('officer1')).send({ granted: false }).expect(200);
  });

  it('shows a join request, its approval and a handover made on one instance on the other’s 工作台 at the next read', async () => {
    type Listed = { id: number; name: string; memberCount: number; pendingCount: number; officer: { name: string } | null };
    const list = async (t: TestApp, token: string) => (await t.http.get('/api/workbench/communities').set(bearer(token)).expect(200)).body.items as Listed[];
    const [city, officer4] = [await a.login('city_leader1'), await a.login('officer4')];
    const weisilu = async (t: TestApp) => (await list(t, city)).find((c) => c.name === '纬四路社区') as Listed;
    // Both instances hold the pages before the changes: the city leader's, officer1's and officer4's (empty).
    const before = await weisilu(a);
    expect(await weisilu(b)).toEqual(before);
    expect((await list(b, tokens.officer1)).map((c) => c.name)).toContain('纬四路社区');
    expect(await list(b, officer4)).toEqual([]);

    const requested = await a.http.post(`/api/communities/${before.id}/join-requests`).set(bearer(await a.login('resident2'))).send({}).expect(201);
    expect(await weisilu(b)).toMatchObject({ memberCount: before.memberCount, pendingCount: before.pendingCount + 1 });
    await b.http.post(`/api/memberships/${requested.body.id}/approve`).set(fixtures.as('officer1')).expect(200);
    expect(await weisilu(a)).toMatchObject({ memberCount: before.memberCount + 1, pendingCount: before.pendingCount });

    const [{ id: officer4Id }] = await a.dataSource.query("SELECT id FROM users WHERE username = 'officer4'");
    await a.http.post(`/api/communities/${before.id}/handover`).set(bearer(await a.login('station_leader1')))
      .send({ newOfficerId: Number(officer4Id), reason: '王建国调任巡逻大队' }).expect(200);
    expect((await weisilu(b)).officer?.name).toBe('赵立新');
    expect((await list(b, officer4)).map((c) => c.name)).toEqual(['纬四路社区']);
    expect((await list(b, tokens.officer1)).map((c) => c.name)).not.toContain('纬四路社区');
  });

  it('stops a disabled account within 5 s even when it was disabled in the database by hand', async () => {
    // An instance with the default cache time: nothing is broadcast for a change made in the database.
    const c = await a.startPeer({ CALLER_CACHE_TTL_MS: '5000' });
    try {
      const token = await a.login('resident2');
      expect(await me(c, token)).toBe('ok');
      await a.dataSource.query("UPDATE users SET disabled = 1 WHERE username = 'resident2'");
      expect(await until(() => me(c, token), (code) => code !== 'ok')).toBe(ErrorCode.TokenInvalid);
    } finally {
      await a.dataSource.query("UPDATE users SET disabled = 0 WHERE username = 'resident2'");
      await c.close();
    }
  });
});

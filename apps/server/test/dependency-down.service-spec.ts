import { Anonymity, CaseKind, ContactPreference, ErrorCode } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { RETRY_AFTER_SECONDS } from '../src/common/dependency-down';
import { PrivateServer, startPrivateMariadb, startPrivateRedis } from './private-servers';
import { bearer, startTestApp, TestApp } from './test-app';

/**
 * The database or Redis (shared rate limits, caller cache, room fan-out) out of reach: the service says so (503 SERVICE_UNAVAILABLE naming the
 * dependency, with Retry-After) instead of 500 INTERNAL, keeps nothing half-written, and comes
 * back by itself when the dependency does. Both run as private servers the test kills and
 * restarts (the shared MariaDB and Redis are never touched).
 */
describe('dependency down → 503 (private MariaDB and Redis)', () => {
  let mariadb: PrivateServer;
  let redis: PrivateServer;
  let t: TestApp;
  let token: string;

  const dispute = (title: string) => ({
    kind: CaseKind.Dispute,
    subcategory: 'neighbour',
    title,
    description: '楼上每天晚上十点后还在装修，多次沟通无果',
    otherParty: '楼上602住户',
    contactPreference: ContactPreference.Phone,
    anonymity: Anonymity.None,
  });
  const submit = (title: string, key: string) => t.http.post('/api/cases').set(bearer(token)).set('Idempotency-Key', key).send(dispute(title));
  const casesTitled = async (title: string) =>
    Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM cases WHERE title = ?', [title]))[0].n);
  /** Asks /api/health until it answers 200: nobody restarts the service or resets its pool. */
  const healthy = async () => {
    for (let i = 0; i < 300; i++) {
      const res = await t.http.get('/api/health');
      if (res.status === 200) return res;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the service did not recover');
  };

  beforeAll(async () => {
    [mariadb, redis] = await Promise.all([startPrivateMariadb(), startPrivateRedis()]);
    t = await startTestApp({ REDIS_URL: redis.url }, mariadb.url);
    token = await t.login('resident1');
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await Promise.all([mariadb?.destroy(), redis?.destroy()]);
  });

  it('answers health 503 naming the database and writes 503 with Retry-After, saves nothing half, and recovers by itself', async () => {
    const up = await t.http.get('/api/health').expect(200);
    expect(up.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
    await submit('停库前的上报', randomUUID()).expect(201);

    await mariadb.stop();
    const health = await t.http.get('/api/health');
    expect([health.status, health.body.code, health.body.details]).toEqual([503, ErrorCode.ServiceUnavailable, ['database']]);
    expect(health.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));

    const key = randomUUID();
    const write = await submit('停库时的上报', key);
    expect([write.status, write.body.code]).toEqual([503, ErrorCode.ServiceUnavailable]);
    expect(write.body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(write.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    expect(write.text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|\bat [\w.]+ \(/);
    const read = await t.http.get('/api/cases/mine').set(bearer(token));
    expect([read.status, read.body.code]).toEqual([503, ErrorCode.ServiceUnavailable]);

    await mariadb.start();
    const back = await healthy();
    expect(back.body.info.database.status).toBe('up');
    // The refused write left nothing; sent again with its key, it is saved once.
    expect(await casesTitled('停库时的上报')).toBe(0);
    expect(await casesTitled('停库前的上报')).toBe(1);
    await submit('停库时的上报', key).expect(201);
    await submit('停库时的上报', key).expect(201);
    expect(await casesTitled('停库时的上报')).toBe(1);
    await t.http.get('/api/cases/mine').set(bearer(token)).expect(200);
  });

  it('answers health and writes 503 naming Redis while Redis (the shared rate limits) is down, saves nothing, and recovers by itself', async () => {
    await redis.stop();
    const health = await t.http.get('/api/health');
    expect([health.status, health.body.code, health.body.details]).toEqual([503, ErrorCode.ServiceUnavailable, ['redis']]);
    expect(health.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));

    const key = randomUUID();
    const write = await submit('Redis停止时的上报', key);
    expect([write.status, write.body.code, write.body.details]).toEqual([503, ErrorCode.ServiceUnavailable, ['redis']]);
    expect(write.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));

    await redis.start();
    const back = await healthy();
    expect(back.body.info.redis.status).toBe('up');
    expect(await casesTitled('Redis停止时的上报')).toBe(0);
    await submit('Redis停止时的上报', key).expect(201);
    expect(await casesTitled('Redis停止时的上报')).toBe(1);
  });
});

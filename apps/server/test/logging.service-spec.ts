import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldCipher } from '../src/personal-data/field-cipher';
import { APP_SECRET, bearer, startTestApp, TestApp } from './test-app';

/** The service's own logs, at the most talkative level, never carry a secret or personal data. */
describe('request logs (MariaDB, LOG_LEVEL=debug)', () => {
  let t: TestApp;
  const dir = mkdtempSync(join(tmpdir(), 'jws-logs-'));
  const file = join(dir, 'service.log');
  const lines = () => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);

  beforeAll(async () => {
    t = await startTestApp({ LOG_LEVEL: 'debug', LOG_FILE: file });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('logs every request with its id and outcome, and no token, session_key, appsecret or phone number', async () => {
    const login = (await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode('openid-logged') }).expect(200)).body;
    const [row] = await t.dataSource.query('SELECT session_key_enc FROM users WHERE openid = ?', ['openid-logged']);
    const sessionKey = FieldCipher.decrypt(row.session_key_enc);
    await t.http.get('/api/me').set(bearer(login.accessToken)).expect(200);
    const refreshed = (await t.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200)).body;
    await t.http.get(`/api/me?token=${encodeURIComponent(refreshed.accessToken)}`).expect(401);
    // An officer reveals the phone numbers of a community's members (查看号码, audited).
    const officer = await t.login('officer1');
    const communities = (await t.http.get('/api/workbench/communities').set(bearer(officer)).expect(200)).body.items;
    const members = (await t.http.get(`/api/communities/${communities[0].id}/members`).set(bearer(officer)).expect(200)).body;
    const phones: string[] = [];
    for (const m of members.items as { membershipId: number; phone: string | null }[]) {
      if (!m.phone) continue;
      const revealed = await t.http.post(`/api/communities/${communities[0].id}/members/${m.membershipId}/phone`).set(bearer(officer)).expect(200);
      phones.push(revealed.body.phone);
    }
    expect(phones.length).toBeGreaterThan(0);
    expect(phones.every((p) => /^1[3-9]\d{9}$/.test(p))).toBe(true);

    // The destination writes asynchronously: wait for the six request lines.
    const deadline = Date.now() + 10_000;
    while (lines().filter((l) => l.includes('request completed')).length < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const logged = lines();
    const requests = logged.filter((l) => l.includes('request completed')).map((l) => JSON.parse(l) as { req: { id: string; url: string }; res: { statusCode: number } });
    expect(requests.map((r) => r.req.url)).toEqual(expect.arrayContaining(['/api/auth/wechat', '/api/me', '/api/auth/refresh', '/api/me?token=%5BREDACTED%5D']));
    expect(requests.every((r) => /^[\w-]{8,64}$/.test(r.req.id))).toBe(true);
    expect(requests.find((r) => r.req.url.startsWith('/api/me?token'))?.res.statusCode).toBe(401);

    const text = logged.join('\n');
    for (const secret of [APP_SECRET, sessionKey, login.accessToken, login.refreshToken, refreshed.accessToken, refreshed.refreshToken, officer, ...phones]) {
      expect(text).not.toContain(secret);
    }
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FieldCipher } from '../src/personal-data/field-cipher';
import { Role } from '@jws/contracts';
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

  /** Waits until the asynchronous destination has written at least `count` request lines. */
  async function requestLines(count: number): Promise<string[]> {
    const deadline = Date.now() + 10_000;
    while (lines().filter((l) => l.includes('request completed')).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return lines();
  }

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
    const logged = await requestLines(6);
    const requests = logged.filter((l) => l.includes('request completed')).map((l) => JSON.parse(l) as { req: { id: string; url: string }; res: { statusCode: number } });
    expect(requests.map((r) => r.req.url)).toEqual(expect.arrayContaining(['/api/auth/wechat', '/api/me', '/api/auth/refresh', '/api/me?token=%5BREDACTED%5D']));
    expect(requests.every((r) => /^[\w-]{8,64}$/.test(r.req.id))).toBe(true);
    expect(requests.find((r) => r.req.url.startsWith('/api/me?token'))?.res.statusCode).toBe(401);

    const text = logged.join('\n');
    for (const secret of [APP_SECRET, sessionKey, login.accessToken, login.refreshToken, refreshed.accessToken, refreshed.refreshToken, officer, ...phones]) {
      expect(text).not.toContain(secret);
    }
  });

  it('a whole flow with invite codes, tokens, keys and codes in bodies, paths and query strings leaves none of them in the log', async () => {
    const before = lines().filter((l) => l.includes('request completed')).length;
    let requests = 0;
    const count = <T>(r: T): T => ((requests += 1), r);
    const secrets: Record<string, string> = { appSecret: APP_SECRET };

    // Sign-in with WeChat, refresh, and the same tokens offered in query strings by a careless client.
    const code = t.fake.state.issueCode('openid-flow');
    secrets.wxCode = code;
    const login = count(await t.http.post('/api/auth/wechat').send({ code }).expect(200)).body;
    const [row] = await t.dataSource.query('SELECT session_key_enc FROM users WHERE openid = ?', ['openid-flow']);
    secrets.sessionKey = FieldCipher.decrypt(row.session_key_enc);
    secrets.access = login.accessToken;
    secrets.refresh = login.refreshToken;
    count(await t.http.post(`/api/auth/refresh?refreshToken=${encodeURIComponent(login.refreshToken)}`).send({}).expect(400));
    const refreshed = count(await t.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200)).body;
    secrets.access2 = refreshed.accessToken;
    secrets.refresh2 = refreshed.refreshToken;
    count(await t.http.get(`/api/me?access_token=${refreshed.accessToken}&accessToken=${refreshed.accessToken}`).expect(401));
    count(await t.http.get('/api/me').set(bearer(refreshed.accessToken)).expect(200));

    // A community invite code: made, its mini-program code fetched, used to join, another one revoked.
    const leader = await t.login('station_leader1');
    secrets.leader = leader;
    const communities = count(await t.http.get('/api/workbench/communities').set(bearer(leader)).expect(200)).body.items as { id: number }[];
    const invite = count(await t.http.post(`/api/communities/${communities[0].id}/invites`).set(bearer(leader)).expect(201)).body;
    secrets.invite = invite.code;
    count(await t.http.get(`/api/community-invites/${invite.code}/qrcode`).set(bearer(leader)).expect(200));
    count(await t.http.get(`/api/community-invites/${invite.code.toLowerCase()}/qrcode?code=${invite.code}`).set(bearer(leader)).expect(200));
    count(await t.http.post('/api/communities/join-by-code').set(bearer(refreshed.accessToken)).send({ code: invite.code }).expect(200));
    const other = count(await t.http.post(`/api/communities/${communities[0].id}/invites`).set(bearer(leader)).expect(201)).body;
    secrets.invite2 = other.code;
    count(await t.http.post(`/api/communities/${communities[0].id}/invites/${other.code}/revoke`).set(bearer(leader)).expect(200));

    // A staff invitation token, accepted with another wx.login code.
    const [station] = await t.dataSource.query("SELECT org_unit_id FROM users WHERE username = 'station_leader1'");
    const staff = count(await t.http.post('/api/staff-invitations').set(bearer(leader))
      .send({ role: Role.CommunityOfficer, orgUnitId: Number(station.org_unit_id), name: '新来的民警' }).expect(201)).body;
    secrets.staffInvitation = staff.token;
    const staffCode = t.fake.state.issueCode('openid-flow-staff');
    secrets.wxCode2 = staffCode;
    const staffLogin = count(await t.http.post(`/api/staff-invitations/accept?token=${staff.token}&ticket=${staffCode}`).send({ token: staff.token, code: staffCode }).expect(200)).body;
    secrets.staffAccess = staffLogin.accessToken;
    secrets.staffRefresh = staffLogin.refreshToken;

    // Open311: a partner's api_key (in the body, and wrongly in the query) and the token it is answered.
    const apiKey = 'demo-open311-key';
    secrets.apiKey = apiKey;
    const created = count(await t.http.post('/open311/v2/requests.json').type('form')
      .send({ api_key: apiKey, service_code: 'hazard.facility', description: '小区东门路灯不亮', address_string: '胜利社区东门' }).expect(201)).body;
    secrets.open311Token = created[0].token;
    count(await t.http.get(`/open311/v2/tokens/${created[0].token}.json`).expect(200));
    count(await t.http.post(`/open311/v2/requests.json?apiKey=${apiKey}&api_key=${apiKey}`).send({}).expect(403));

    // Logout with the refresh token.
    count(await t.http.post('/api/auth/logout').send({ refreshToken: refreshed.refreshToken }).expect(204));

    const logged = await requestLines(before + requests);
    const text = logged.join('\n');
    // Not one of the secrets the flow used, in any spelling, anywhere in the log …
    const leaks = Object.entries(secrets).flatMap(([name, value]) =>
      [...new Set([value, encodeURIComponent(value), value.toLowerCase()])].filter((v) => text.includes(v)).map((v) => `${name}: ${v}`));
    expect(leaks).toEqual([]);
    // … while the flow's requests are there, so the scan read the right lines.
    const urls = logged.filter((l) => l.includes('request completed')).map((l) => (JSON.parse(l) as { req: { url: string } }).req.url);
    expect(urls).toEqual(expect.arrayContaining([
      '/api/community-invites/[REDACTED]/qrcode',
      `/api/communities/${communities[0].id}/invites/[REDACTED]/revoke`,
      '/open311/v2/tokens/[REDACTED]',
      '/api/staff-invitations/accept?token=%5BREDACTED%5D&ticket=%5BREDACTED%5D',
    ]));
  });
});

import { ErrorCode, Role, RoomMemberRole } from '@jws/contracts';
import { JwtService } from '@nestjs/jwt';
import { mediationFixtures } from './mediation-support';
import { bearer, startTestApp, TestApp, APP_SECRET } from './test-app';

describe('identity: WeChat sign-in, tokens and staff invitations (MariaDB)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers a new WeChat user as a resident and signs the same person in again', async () => {
    const code1 = t.fake.state.issueCode('openid-new-resident');
    const first = await t.http.post('/api/auth/wechat').send({ code: code1 }).expect(200);
    expect(first.body.user.role).toBe(Role.Resident);
    expect(first.body.accessToken).toEqual(expect.any(String));
    expect(first.body.refreshToken).toEqual(expect.any(String));

    const code2 = t.fake.state.issueCode('openid-new-resident');
    const second = await t.http.post('/api/auth/wechat').send({ code: code2 }).expect(200);
    expect(second.body.user.id).toBe(first.body.user.id);

    const me = await t.http.get('/api/me').set(bearer(second.body.accessToken)).expect(200);
    expect(me.body.id).toBe(first.body.user.id);
  });

  it('never returns the session_key and keeps it encrypted in the database', async () => {
    const res = await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode('openid-sk') }).expect(200);
    expect(JSON.stringify(res.body)).not.toMatch(/session_?key/i);
    const [row] = await t.dataSource.query('SELECT session_key_enc FROM users WHERE openid = ?', ['openid-sk']);
    expect(row.session_key_enc).toMatch(/^v1\./);
  });

  it('answers a used or invalid wx.login code with a coded Chinese error, not a 500', async () => {
    const code = t.fake.state.issueCode('openid-once');
    await t.http.post('/api/auth/wechat').send({ code }).expect(200);
    const again = await t.http.post('/api/auth/wechat').send({ code }).expect(400);
    expect(again.body).toEqual({ code: ErrorCode.WechatCodeInvalid, message: expect.stringContaining('微信') });
  });

  it('rejects a blocked WeChat user', async () => {
    t.fake.state.blockOpenid('openid-risky');
    const res = await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode('openid-risky') }).expect(403);
    expect(res.body.code).toBe(ErrorCode.WechatUserBlocked);
  });

  it('tells a missing, a garbage and an expired access token apart', async () => {
    expect((await t.http.get('/api/me').expect(401)).body.code).toBe(ErrorCode.Unauthenticated);
    expect((await t.http.get('/api/me').set(bearer('not-a-jwt')).expect(401)).body.code).toBe(ErrorCode.TokenInvalid);
    const expired = await t.app.get(JwtService).signAsync({ sub: 1, typ: 'access' }, { expiresIn: -10 });
    expect((await t.http.get('/api/me').set(bearer(expired)).expect(401)).body.code).toBe(ErrorCode.TokenExpired);
    const forged = await new JwtService({ secret: 'x'.repeat(40) }).signAsync({ sub: 1, typ: 'access' });
    expect((await t.http.get('/api/me').set(bearer(forged)).expect(401)).body.code).toBe(ErrorCode.TokenInvalid);
    // Signed with the service's own key but without an expiry: it would never expire, so it is refused.
    const endless = await t.app.get(JwtService).signAsync({ sub: 1, typ: 'access', ver: 0 });
    expect((await t.http.get('/api/me').set(bearer(endless)).expect(401)).body.code).toBe(ErrorCode.TokenInvalid);
  });

  it('rotates the refresh token, and reuse of a rotated one signs the whole family out', async () => {
    const login = await t.http.post('/api/auth/dev-login').send({ username: 'resident1' }).expect(200);
    const r1 = login.body.refreshToken as string;
    const rotated = await t.http.post('/api/auth/refresh').send({ refreshToken: r1 }).expect(200);
    const r2 = rotated.body.refreshToken as string;
    expect(r2).not.toBe(r1);
    expect(rotated.body.user.username).toBe('resident1');

    const reuse = await t.http.post('/api/auth/refresh').send({ refreshToken: r1 }).expect(401);
    expect(reuse.body.code).toBe(ErrorCode.RefreshTokenReused);
    // The thief's reuse also kills the legitimate latest token.
    const afterReuse = await t.http.post('/api/auth/refresh').send({ refreshToken: r2 }).expect(401);
    expect(afterReuse.body.code).toBe(ErrorCode.RefreshTokenReused);

    const [row] = await t.dataSource.query('SELECT token_hash FROM refresh_tokens LIMIT 1');
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('logs out by revoking the refresh token, and the access token stops at once (one instance, no Redis)', async () => {
    const login = await t.http.post('/api/auth/dev-login').send({ username: 'resident2' }).expect(200);
    await t.http.get('/api/me').set(bearer(login.body.accessToken)).expect(200);
    await t.http.post('/api/auth/logout').send({ refreshToken: login.body.refreshToken }).expect(204);
    await t.http.post('/api/auth/refresh').send({ refreshToken: login.body.refreshToken }).expect(401);
    expect((await t.http.get('/api/me').set(bearer(login.body.accessToken)).expect(401)).body.code).toBe(ErrorCode.TokenExpired);
  });

  it('lists one demo user of every role, with the role name in the username', async () => {
    const res = await t.http.get('/api/auth/demo-users').expect(200);
    const byRole = new Map<string, string[]>();
    for (const u of res.body as { username: string; role: string }[]) {
      byRole.set(u.role, [...(byRole.get(u.role) ?? []), u.username]);
    }
    for (const role of Object.values(Role).filter((r) => r !== Role.Informant)) {
      expect(byRole.get(role)?.length).toBeGreaterThan(0);
    }
    expect(res.body.map((u: { username: string }) => u.username)).toEqual(
      expect.arrayContaining(['resident1', 'informant1', 'officer1', 'station_leader1', 'mediator1', 'department_staff1']),
    );
  });

  it('enrols an officer by a single-use invitation that binds their WeChat account', async () => {
    const leader = await t.login('station_leader1');
    const me = await t.http.get('/api/me').set(bearer(leader)).expect(200);
    const invite = await t.http
      .post('/api/staff-invitations')
      .set(bearer(leader))
      .send({ role: Role.CommunityOfficer, orgUnitId: me.body.orgUnitId, name: '新民警 小周' })
      .expect(201);

    const accepted = await t.http
      .post('/api/staff-invitations/accept')
      .send({ token: invite.body.token, code: t.fake.state.issueCode('openid-new-officer') })
      .expect(200);
    expect(accepted.body.user.role).toBe(Role.CommunityOfficer);
    expect(accepted.body.user.orgUnitId).toBe(me.body.orgUnitId);

    const reuse = await t.http
      .post('/api/staff-invitations/accept')
      .send({ token: invite.body.token, code: t.fake.state.issueCode('openid-someone-else') })
      .expect(400);
    expect(reuse.body.code).toBe(ErrorCode.InviteUsed);

    // The officer now signs in with WeChat and is recognised as police.
    const login = await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode('openid-new-officer') }).expect(200);
    expect(login.body.user.role).toBe(Role.CommunityOfficer);
  });

  it('refuses an invitation for a role above the inviter, and an unknown or expired invitation', async () => {
    const leader = await t.login('station_leader1');
    const me = await t.http.get('/api/me').set(bearer(leader)).expect(200);
    const res = await t.http
      .post('/api/staff-invitations')
      .set(bearer(leader))
      .send({ role: Role.BranchLeader, orgUnitId: me.body.orgUnitId, name: '某人' })
      .expect(403);
    expect(res.body.code).toBe(ErrorCode.InviteRoleNotAllowed);

    const unknown = await t.http
      .post('/api/staff-invitations/accept')
      .send({ token: 'no-such-token', code: t.fake.state.issueCode('openid-x') })
      .expect(400);
    expect(unknown.body.code).toBe(ErrorCode.InviteInvalid);

    const invite = await t.http
      .post('/api/staff-invitations')
      .set(bearer(leader))
      .send({ role: Role.Mediator, orgUnitId: me.body.orgUnitId, name: '调解员 老周' })
      .expect(201);
    await t.dataSource.query('UPDATE staff_invitations SET expires_at = ? WHERE invitee_name_enc IS NOT NULL AND used_at IS NULL', [
      new Date(Date.now() - 1000),
    ]);
    const expired = await t.http
      .post('/api/staff-invitations/accept')
      .send({ token: invite.body.token, code: t.fake.state.issueCode('openid-late') })
      .expect(400);
    expect(expired.body.code).toBe(ErrorCode.InviteExpired);
  });

  it('does not let a station leader invite into another station', async () => {
    const leader = await t.login('station_leader1');
    const [other] = await t.dataSource.query("SELECT id FROM org_units WHERE name = '城关派出所'");
    const res = await t.http
      .post('/api/staff-invitations')
      .set(bearer(leader))
      .send({ role: Role.CommunityOfficer, orgUnitId: other.id, name: '某人' })
      .expect(404);
    expect(res.body.code).toBe(ErrorCode.NotFound);
  });

  it('does not let a resident invite staff', async () => {
    const resident = await t.login('resident1');
    const res = await t.http
      .post('/api/staff-invitations')
      .set(bearer(resident))
      .send({ role: Role.CommunityOfficer, orgUnitId: 1, name: '某人' })
      .expect(403);
    expect(res.body.code).toBe(ErrorCode.Forbidden);
  });

  it('signs in whom a mediation room invites (signInByInvitation): a new mediator of the room’s station, the grant and the sign-in audited', async () => {
    const tokens: Record<string, string> = { resident1: await t.login('resident1'), officer1: await t.login('officer1') };
    const f = mediationFixtures(() => t, tokens);
    const room = await f.openRoom('楼道杂物堆放');
    // The mediator's seat left empty, so the room invites someone new to it.
    const seat = f.memberOf(room, RoomMemberRole.Mediator);
    await t.dataSource.query('UPDATE mediation_members SET user_id = NULL, joined_at = NULL WHERE id = ?', [seat.id]);
    const invite = async () => (await t.http.post(`/api/mediation/rooms/${room.id}/invitations`).set(f.as('officer1')).send({ memberId: seat.id }).expect(201)).body.token as string;

    // A resident's WeChat account cannot take a mediator's seat.
    await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode('openid-resident-not-mediator') }).expect(200);
    const refused = await t.http.post('/api/mediation/invitations/accept').send({ token: await invite(), code: t.fake.state.issueCode('openid-resident-not-mediator') }).expect(403);
    expect(refused.body.code).toBe(ErrorCode.InviteRoleNotAllowed);

    const accepted = (await t.http.post('/api/mediation/invitations/accept').send({ token: await invite(), code: t.fake.state.issueCode('openid-new-mediator') }).expect(200)).body;
    expect(accepted.roomId).toBe(room.id);
    const [station] = await t.dataSource.query("SELECT id FROM org_units WHERE name = '天桥派出所'");
    expect(accepted.user).toMatchObject({ role: Role.Mediator, orgUnitId: Number(station.id), orgUnitName: '天桥派出所' });
    const view = (await t.http.get(`/api/mediation/rooms/${room.id}`).set(bearer(accepted.accessToken)).expect(200)).body;
    expect(view.myRole).toBe(RoomMemberRole.Mediator);
    const audit: { action: string; target_type: string; target_id: string; detail: string | null }[] = await t.dataSource.query(
      'SELECT action, target_type, target_id, detail FROM audit_entries WHERE actor_id = ? ORDER BY id', [accepted.user.id],
    );
    expect(audit).toEqual([
      expect.objectContaining({ action: 'permission.role_granted', target_type: 'user', target_id: String(accepted.user.id), detail: expect.stringMatching(/^role=mediator via room invitation \d+$/) }),
      expect.objectContaining({ action: 'auth.sign_in', target_type: 'mediation_room', target_id: String(room.id) }),
    ]);
  });

  it('rate-limits WeChat sign-in attempts with a coded 429', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      const res = await t.http.post('/api/auth/wechat').send({ code: `bad-code-${i}` });
      last = res.status;
      if (res.status === 429) {
        expect(res.body.code).toBe(ErrorCode.RateLimited);
        break;
      }
    }
    expect(last).toBe(429);
  });

  it('keeps the app secret out of every response', async () => {
    const res = await t.http.post('/api/auth/wechat').send({ code: 'x' });
    expect(JSON.stringify(res.body)).not.toContain(APP_SECRET);
  });
});

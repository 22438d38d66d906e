import { ErrorCode, Role, RoomStatus } from '@jws/contracts';
import { mediationFixtures } from './mediation-support';
import { bearer, startTestApp, TestApp } from './test-app';

/**
 * What the staff screens of issue #23 call: 人员邀请 (list, 撤销, 领取 by a signed-in resident), the
 * audit log filtered by who acted, and the 调解协议书 as a formal document.
 */
describe('staff screens: invitations, audit by person, 调解协议书 (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const f = mediationFixtures(() => t, tokens);
  const as = (who: string) => bearer(tokens[who]);
  const stationOf = async (who: string) => Number((await t.http.get('/api/me').set(as(who)).expect(200)).body.orgUnitId);
  const invite = async (who: string, name: string, role = Role.Mediator) =>
    (await t.http.post('/api/staff-invitations').set(as(who)).send({ role, orgUnitId: await stationOf(who), name }).expect(201)).body as { id: number; token: string };
  const newResident = async (openid: string) => {
    const res = await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode(openid) }).expect(200);
    return { token: res.body.accessToken as string, id: Number(res.body.user.id) };
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['station_leader1', 'station_leader2', 'city_leader1', 'admin1', 'officer1', 'resident1', 'informant1', 'mediator1']) tokens[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it('lists the invitations of the inviter\'s jurisdiction with their status and no token, newest first', async () => {
    const first = await invite('station_leader1', '调解员 甲');
    const second = await invite('station_leader1', '民警 乙', Role.CommunityOfficer);
    const away = await invite('station_leader2', '城关 丙');

    const mine = (await t.http.get('/api/staff-invitations').set(as('station_leader1')).expect(200)).body;
    const ids = mine.items.map((i: { id: number }) => i.id);
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id));
    expect(ids).not.toContain(away.id);
    expect(mine.items.find((i: { id: number }) => i.id === second.id)).toMatchObject({
      inviteeName: '民警 乙', role: Role.CommunityOfficer, orgUnitName: '天桥派出所', status: 'pending', usedAt: null, revokedAt: null,
    });
    expect(JSON.stringify(mine)).not.toContain(first.token);
    // The city's admin sees both stations' invitations.
    const all = (await t.http.get('/api/staff-invitations?pageSize=100').set(as('admin1')).expect(200)).body.items.map((i: { id: number }) => i.id);
    expect(all).toEqual(expect.arrayContaining([first.id, second.id, away.id]));
    await t.http.get('/api/staff-invitations').set(as('officer1')).expect(403);
  });

  it('撤销 an unused invitation: it enrols nobody, shows 已撤销, and another station cannot revoke it', async () => {
    const made = await invite('station_leader1', '调解员 丁');
    const foreign = await t.http.post(`/api/staff-invitations/${made.id}/revoke`).set(as('station_leader2')).expect(404);
    expect(foreign.body.code).toBe(ErrorCode.NotFound);

    const revoked = (await t.http.post(`/api/staff-invitations/${made.id}/revoke`).set(as('station_leader1')).expect(200)).body;
    expect(revoked).toMatchObject({ id: made.id, status: 'revoked', revokedAt: expect.any(String) });
    const resident = await newResident('openid-revoked-invitee');
    const claim = await t.http.post('/api/staff-invitations/claim').set(bearer(resident.token)).send({ token: made.token }).expect(400);
    expect(claim.body).toEqual({ code: ErrorCode.InviteRevoked, message: expect.stringContaining('撤销') });
    const accept = await t.http.post('/api/staff-invitations/accept').send({ token: made.token, code: t.fake.state.issueCode('openid-revoked-2') }).expect(400);
    expect(accept.body.code).toBe(ErrorCode.InviteRevoked);
    const me = (await t.http.get('/api/me').set(bearer(resident.token)).expect(200)).body;
    expect(me.role).toBe(Role.Resident);
    const audit = (await t.http.get(`/api/audit?targetType=staff_invitation&targetId=${made.id}`).set(as('admin1')).expect(200)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toContain('permission.staff_invitation_revoked');
  });

  it('领取: a signed-in resident claims the invitation and becomes the invited staff member, once; a used one cannot be revoked', async () => {
    const made = await invite('station_leader1', '调解员 戊');
    const resident = await newResident('openid-claimer');
    const claimed = (await t.http.post('/api/staff-invitations/claim').set(bearer(resident.token)).send({ token: made.token }).expect(200)).body;
    expect(claimed.user).toMatchObject({ id: resident.id, role: Role.Mediator, nickname: '调解员 戊' });
    // The resident's old token ended; the new one is staff.
    await t.http.get('/api/me').set(bearer(resident.token)).expect(401);
    expect((await t.http.get('/api/me').set(bearer(claimed.accessToken)).expect(200)).body.role).toBe(Role.Mediator);

    const again = await t.http.post('/api/staff-invitations/claim').set(as('resident1')).send({ token: made.token }).expect(400);
    expect(again.body.code).toBe(ErrorCode.InviteUsed);
    const staff = await t.http.post('/api/staff-invitations/claim').set(as('officer1')).send({ token: (await invite('station_leader1', '某人')).token }).expect(409);
    expect(staff.body.code).toBe(ErrorCode.AlreadyStaff);

    const listed = (await t.http.get('/api/staff-invitations?pageSize=100').set(as('station_leader1')).expect(200)).body.items;
    expect(listed.find((i: { id: number }) => i.id === made.id)).toMatchObject({ status: 'used', usedAt: expect.any(String) });
    const late = await t.http.post(`/api/staff-invitations/${made.id}/revoke`).set(as('station_leader1')).expect(400);
    expect(late.body.code).toBe(ErrorCode.InviteUsed);
    await t.http.post('/api/staff-invitations/claim').send({ token: made.token }).expect(401);
  });

  it('filters the audit log by who acted, and records the filter in its own read entry', async () => {
    const officerId = await f.userId('officer1');
    const leaderId = await f.userId('station_leader1');
    await invite('station_leader1', '调解员 己');
    const byLeader = (await t.http.get(`/api/audit?actorId=${leaderId}&pageSize=200`).set(as('city_leader1')).expect(200)).body;
    expect(byLeader.total).toBeGreaterThan(0);
    expect(new Set(byLeader.items.map((e: { actorId: number }) => e.actorId))).toEqual(new Set([leaderId]));
    expect(byLeader.items.map((e: { action: string }) => e.action)).toContain('permission.staff_invited');
    // Staff are named with their role; residents are only 居民.
    const [{ nickname }] = await t.dataSource.query("SELECT nickname FROM users WHERE username = 'station_leader1'");
    expect(byLeader.items[0].actorName).toBe(`${nickname}（派出所领导）`);
    const resident1 = await f.userId('resident1');
    await t.http.get('/api/me/memberships').set(as('resident1')).expect(200);
    await t.http.get('/api/cases/999999').set(as('resident1')).expect(404);
    const byResident = (await t.http.get(`/api/audit?actorId=${resident1}&pageSize=5`).set(as('admin1')).expect(200)).body.items;
    expect(byResident.length).toBeGreaterThan(0);
    expect(new Set(byResident.map((e: { actorName: string }) => e.actorName))).toEqual(new Set(['居民']));
    const byOfficer = (await t.http.get(`/api/audit?actorId=${officerId}&action=permission.staff_invited`).set(as('city_leader1')).expect(200)).body;
    expect(byOfficer.items).toEqual([]);
    const cityId = await f.userId('city_leader1');
    const reads = (await t.http.get(`/api/audit?actorId=${cityId}&action=audit.read&pageSize=5`).set(as('admin1')).expect(200)).body.items;
    expect(reads[0].detail).toContain(`actor=${officerId}`);
    const bad = await t.http.get('/api/audit?actorId=abc').set(as('admin1')).expect(400);
    expect(bad.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('lays out the 调解协议书 with parties, terms, 履行期限, confirmations, mediator and station, for room readers only', async () => {
    const room = await f.openRoom('空调外机滴水到楼下');
    const due = new Date(Date.now() + 7 * 86_400_000).toISOString();
    await t.http.get(`/api/mediation/rooms/${room.id}/agreement/print`).set(as('resident1')).expect(404);
    const drafted = (await t.http.post(`/api/mediation/rooms/${room.id}/agreement`).set(as('mediator1')).send({
      parties: '申请人 张阿姨；被申请人 602住户', facts: '空调外机冷凝水滴到楼下阳台', terms: '三日内加装冷凝水管', performanceDueAt: due,
    }).expect(200)).body;
    for (const who of ['resident1', 'informant1']) {
      await t.http.post(`/api/mediation/rooms/${room.id}/agreement/confirm`).set(as(who)).send({ agreementId: drafted.agreement.id }).expect(200);
    }
    const doc = (await t.http.get(`/api/mediation/rooms/${room.id}/agreement/print`).set(as('resident1')).expect(200)).body;
    expect(doc).toMatchObject({
      roomId: room.id, caseNumber: room.caseNumber, title: '空调外机滴水到楼下', mediators: [expect.not.stringContaining('调解员')],
      station: { name: '天桥派出所', address: expect.any(String) }, communityName: expect.any(String),
      agreement: { terms: '三日内加装冷凝水管', performanceDueAt: due, confirmed: true },
    });
    expect(doc.mediators[0].length).toBeGreaterThan(0);
    expect(doc.agreement.confirmations.every((c: { confirmedAt: string | null }) => c.confirmedAt !== null)).toBe(true);
    expect((await t.http.get(`/api/mediation/rooms/${room.id}`).set(as('resident1')).expect(200)).body.status).toBe(RoomStatus.Settled);
    await t.http.get(`/api/mediation/rooms/${room.id}/agreement/print`).set(as('station_leader2')).expect(404);
  });
});

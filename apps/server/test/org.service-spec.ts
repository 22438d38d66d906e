import { ErrorCode, MembershipStatus, MemberType, NotificationLink } from '@jws/contracts';
import { DEMO_INVITE_CODE } from '../src/demo/demo-seed';
import { OutboxWorker } from '../src/notifications/outbox.worker';
import { factories } from './factories';
import { bearer, startTestApp, TestApp } from './test-app';

describe('jurisdiction, communities and memberships (MariaDB)', () => {
  let t: TestApp;
  let shengliId: number;
  let yananId: number;
  beforeAll(async () => {
    t = await startTestApp();
    const rows: { id: number; name: string }[] = await t.dataSource.query(
      "SELECT id, name FROM org_units WHERE name IN ('胜利社区', '延安社区')",
    );
    shengliId = rows.find((r) => r.name === '胜利社区')!.id;
    yananId = rows.find((r) => r.name === '延安社区')!.id;
  });
  afterAll(() => t.close());

  const auditCount = async (action: string, outcome = 'ok'): Promise<number> => {
    const [row] = await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_entries WHERE action = ? AND outcome = ?', [action, outcome]);
    return Number(row.n);
  };

  it('lets a resident join with the officer’s invite code and then see their community officer', async () => {
    const resident = await t.login('resident2');
    expect((await t.http.get('/api/me/memberships').set(bearer(resident)).expect(200)).body).toEqual([]);

    const joined = await t.http
      .post('/api/communities/join-by-code')
      .set(bearer(resident))
      .send({ code: DEMO_INVITE_CODE.toLowerCase() })
      .expect(200);
    expect(joined.body).toMatchObject({ communityName: '胜利社区', status: MembershipStatus.Active });
    expect(joined.body.officer).toMatchObject({ name: '王建国', stationName: '天桥派出所', phone: '0552-2011001' });

    const again = await t.http.post('/api/communities/join-by-code').set(bearer(resident)).send({ code: DEMO_INVITE_CODE }).expect(409);
    expect(again.body.code).toBe(ErrorCode.AlreadyMember);
  });

  it('answers a wrong invite code with 邀请码无效 and a malformed one with a validation error', async () => {
    const resident = await t.login('resident2');
    const wrong = await t.http.post('/api/communities/join-by-code').set(bearer(resident)).send({ code: 'NOPE1234' }).expect(400);
    expect(wrong.body).toEqual({ code: ErrorCode.InviteInvalid, message: expect.stringContaining('邀请码无效') });
    const malformed = await t.http.post('/api/communities/join-by-code').set(bearer(resident)).send({ code: '<script>' }).expect(400);
    expect(malformed.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('refuses an expired invite code', async () => {
    const officer = await t.login('officer1');
    const invite = await t.http.post(`/api/communities/${shengliId}/invites`).set(bearer(officer)).expect(201);
    await t.dataSource.query('UPDATE community_invites SET expires_at = ? WHERE code = ?', [new Date(Date.now() - 1000), invite.body.code]);
    const resident = await t.login('informant1');
    const res = await t.http.post('/api/communities/join-by-code').set(bearer(resident)).send({ code: invite.body.code }).expect(400);
    expect(res.body.code).toBe(ErrorCode.InviteExpired);
  });

  it('lists the invite codes that still work and voids one (作废): nobody joins with it any more, who joined stays', async () => {
    const officer = await t.login('officer1');
    const weisiId = Number((await t.dataSource.query("SELECT id FROM org_units WHERE name = '纬四路社区'"))[0].id);
    const first = (await t.http.post(`/api/communities/${weisiId}/invites`).set(bearer(officer)).expect(201)).body.code as string;
    const second = (await t.http.post(`/api/communities/${weisiId}/invites`).set(bearer(officer)).expect(201)).body.code as string;
    const live = (await t.http.get(`/api/communities/${weisiId}/invites`).set(bearer(officer)).expect(200)).body;
    expect(live.map((i: { code: string }) => i.code)).toEqual([second, first]);
    const left = (await t.http.post(`/api/communities/${weisiId}/invites/${first}/revoke`).set(bearer(officer)).expect(200)).body;
    expect(left.map((i: { code: string }) => i.code)).toEqual([second]);
    const resident = await t.login('resident2');
    const refused = await t.http.post('/api/communities/join-by-code').set(bearer(resident)).send({ code: first }).expect(400);
    expect(refused.body.code).toBe(ErrorCode.InviteExpired);
    // Voiding twice, or another officer's community, is a 404; the void is on record.
    await t.http.post(`/api/communities/${weisiId}/invites/${first}/revoke`).set(bearer(officer)).expect(404);
    await t.http.get(`/api/communities/${weisiId}/invites`).set(bearer(await t.login('officer2'))).expect(404);
    const [audit] = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'org.invite_revoked' AND target_id = ?", [String(weisiId)]);
    expect(Number(audit.n)).toBe(1);
  });

  it('shows an officer only their own communities in 工作台, and a station leader the whole station', async () => {
    const officer1 = await t.login('officer1');
    const mine = await t.http.get('/api/workbench/communities').set(bearer(officer1)).expect(200);
    expect(mine.body.items.map((c: { name: string }) => c.name).sort()).toEqual(['纬四路社区', '胜利社区'].sort());
    const shengli = mine.body.items.find((c: { name: string }) => c.name === '胜利社区');
    const [counted] = await t.dataSource.query(
      "SELECT SUM(status = 'active') AS active, SUM(status = 'pending') AS pending FROM memberships WHERE community_id = ?",
      [shengli.id],
    );
    expect(shengli.memberCount).toBeGreaterThanOrEqual(2);
    expect({ members: shengli.memberCount, pending: shengli.pendingCount }).toEqual({ members: Number(counted.active), pending: Number(counted.pending ?? 0) });

    const leader = await t.login('station_leader1');
    const station = await t.http.get('/api/workbench/communities').set(bearer(leader)).expect(200);
    expect(station.body.total).toBe(2);

    const branch = await t.login('branch_leader1');
    expect((await t.http.get('/api/workbench/communities').set(bearer(branch)).expect(200)).body.total).toBe(4);
    const city = await t.login('city_leader1');
    const all = (await t.http.get('/api/workbench/communities').set(bearer(city)).expect(200)).body;
    expect(all).toMatchObject({ total: 6, page: 1, pageSize: 20 });
    expect(all.items).toHaveLength(6);
  });

  it('lets a resident page through the city’s communities and find one by its or its station’s name', async () => {
    const resident = await t.login('resident2');
    const get = async (query: string) => (await t.http.get(`/api/communities/directory?${query}`).set(bearer(resident)).expect(200)).body;
    const all = await get('');
    expect(all).toMatchObject({ total: 6, page: 1, pageSize: 20 });
    const pages = [await get('page=1&pageSize=5'), await get('page=2&pageSize=5')];
    expect(pages.map((p) => p.items.length)).toEqual([5, 1]);
    const byStation = await get(`q=${encodeURIComponent('涂山路')}`);
    expect(byStation.items.map((c: { name: string }) => c.name)).toContain('延安社区');
    expect(byStation.items.every((c: { stationName: string }) => c.stationName === '涂山路派出所')).toBe(true);
    expect((await get(`q=${encodeURIComponent('延安')}`)).items.map((c: { name: string }) => c.name)).toEqual(['延安社区']);
    // Public facts only: the officer's work phone, no member counts.
    expect(JSON.stringify(all)).not.toMatch(/memberCount|1[3-9]\d{9}/);
  });

  it('pages 工作台’s communities and finds them by name, within the caller’s jurisdiction only', async () => {
    const city = await t.login('city_leader1');
    const names = async (token: string, query: string) =>
      ((await t.http.get(`/api/workbench/communities?${query}`).set(bearer(token)).expect(200)).body as { items: { name: string }[]; total: number });
    const first = await names(city, 'page=1&pageSize=4');
    const second = await names(city, 'page=2&pageSize=4');
    expect([first.items.length, second.items.length, first.total, second.total]).toEqual([4, 2, 6, 6]);
    expect(new Set([...first.items, ...second.items].map((c) => c.name)).size).toBe(6);
    expect(await names(city, 'page=3&pageSize=4')).toMatchObject({ items: [], total: 6 });

    expect((await names(city, `q=${encodeURIComponent('胜利')}`)).items.map((c) => c.name)).toEqual(['胜利社区']);
    // LIKE wildcards in the search are literal: '%' finds no community rather than all of them.
    expect((await names(city, `q=${encodeURIComponent('%')}`)).total).toBe(0);
    expect((await names(city, `q=${encodeURIComponent('_')}`)).total).toBe(0);
    // officer2 searching for officer1's community finds nothing.
    const officer2 = await t.login('officer2');
    expect((await names(officer2, `q=${encodeURIComponent('胜利')}`)).total).toBe(0);

    const tooMany = await t.http.get('/api/workbench/communities?pageSize=101').set(bearer(city)).expect(400);
    expect(tooMany.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('hides another officer’s community as 404 and audits the refused access', async () => {
    const officer2 = await t.login('officer2');
    const before = await auditCount('access.denied', 'denied');
    const res = await t.http.get(`/api/communities/${shengliId}/members`).set(bearer(officer2)).expect(404);
    expect(res.body.code).toBe(ErrorCode.NotFound);
    expect(await auditCount('access.denied', 'denied')).toBe(before + 1);
    // A community that does not exist answers exactly the same.
    const missing = await t.http.get('/api/communities/999999/members').set(bearer(officer2)).expect(404);
    expect(missing.body).toEqual(res.body);
  });

  it('keeps 工作台 from residents', async () => {
    const resident = await t.login('resident1');
    const res = await t.http.get('/api/workbench/communities').set(bearer(resident)).expect(403);
    expect(res.body.code).toBe(ErrorCode.Forbidden);
    await t.http.get(`/api/communities/${shengliId}/members`).set(bearer(resident)).expect(403);
  });

  it('lists members with phone numbers masked, in pages, and says who may reveal them', async () => {
    const officer1 = await t.login('officer1');
    const before = await auditCount('personal_data.read');
    const all = await t.http.get(`/api/communities/${shengliId}/members`).set(bearer(officer1)).expect(200);
    expect(all.body.canRevealPhone).toBe(true);
    const zhang = all.body.items.find((m: { nickname: string }) => m.nickname === '张阿姨');
    expect(zhang.phone).toBe('138****0001');
    expect(JSON.stringify(all.body)).not.toContain('13800000001');
    // Listing shows no number, so nothing is read and nothing audited.
    expect(await auditCount('personal_data.read')).toBe(before);

    // Pages: one at a time, the total stays, the pages do not overlap; a status narrows the list.
    const first = await t.http.get(`/api/communities/${shengliId}/members?page=1&pageSize=1`).set(bearer(officer1)).expect(200);
    const second = await t.http.get(`/api/communities/${shengliId}/members?page=2&pageSize=1`).set(bearer(officer1)).expect(200);
    expect(first.body).toMatchObject({ total: all.body.total, page: 1, pageSize: 1 });
    expect(first.body.items).toHaveLength(1);
    expect(second.body.items[0].membershipId).not.toBe(first.body.items[0].membershipId);
    const pastTheEnd = await t.http.get(`/api/communities/${shengliId}/members?page=99`).set(bearer(officer1)).expect(200);
    expect(pastTheEnd.body).toMatchObject({ items: [], total: all.body.total, page: 99 });
    const active = await t.http.get(`/api/communities/${shengliId}/members?status=active&pageSize=100`).set(bearer(officer1)).expect(200);
    expect(active.body.items.every((m: { status: string }) => m.status === MembershipStatus.Active)).toBe(true);
    const bad = await t.http.get(`/api/communities/${shengliId}/members?pageSize=1000`).set(bearer(officer1)).expect(400);
    expect(bad.body.code).toBe(ErrorCode.ValidationFailed);

    const leader = await t.login('station_leader1');
    const asLeader = await t.http.get(`/api/communities/${shengliId}/members`).set(bearer(leader)).expect(200);
    expect(asLeader.body.canRevealPhone).toBe(false);
    expect(asLeader.body.items.find((m: { nickname: string }) => m.nickname === '张阿姨').phone).toBe('138****0001');

    const [row] = await t.dataSource.query("SELECT phone_enc FROM users WHERE username = 'resident1'");
    expect(row.phone_enc).not.toContain('13800000001');
  });

  it('reveals one member’s phone number to the responsible officer only, each reveal audited against that member', async () => {
    const officer1 = await t.login('officer1');
    const list = await t.http.get(`/api/communities/${shengliId}/members?status=active&pageSize=100`).set(bearer(officer1)).expect(200);
    const zhang = list.body.items.find((m: { nickname: string }) => m.nickname === '张阿姨');
    const revealPath = `/api/communities/${shengliId}/members/${zhang.membershipId}/phone`;
    const aboutZhang = async (outcome: string) => {
      const [r] = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'personal_data.read' AND target_type = 'user' AND target_id = ? AND outcome = ?",
        [String(zhang.userId), outcome],
      );
      return Number(r.n);
    };

    const before = await aboutZhang('ok');
    const revealed = await t.http.post(revealPath).set(bearer(officer1)).expect(200);
    expect(revealed.body).toEqual({ membershipId: zhang.membershipId, phone: '13800000001' });
    expect(await aboutZhang('ok')).toBe(before + 1);

    // A station leader sees the community but is not the one who calls its residents: refused, on record.
    const leader = await t.login('station_leader1');
    const deniedBefore = await aboutZhang('denied');
    const refused = await t.http.post(revealPath).set(bearer(leader)).expect(403);
    expect(refused.body.code).toBe(ErrorCode.NotResponsibleOfficer);
    expect(refused.body.message).toBe('只有本社区的责任民警可以查看居民的完整号码');
    expect(JSON.stringify(refused.body)).not.toContain('13800000001');
    expect(await aboutZhang('denied')).toBe(deniedBefore + 1);

    // Another community's officer: the community is outside their scope (404, audited as denied access).
    const officer2 = await t.login('officer2');
    await t.http.post(revealPath).set(bearer(officer2)).expect(404);
    // A membership of another community (纬四路, also officer1's) named under 胜利's id: 404, not a number.
    const [weisilu] = await t.dataSource.query("SELECT id FROM org_units WHERE name = '纬四路社区'");
    const elsewhere = await t.http.post(`/api/communities/${weisilu.id}/join-requests`).set(bearer(await t.login('resident2'))).send({}).expect(201);
    await t.http.post(`/api/communities/${shengliId}/members/${elsewhere.body.id}/phone`).set(bearer(officer1)).expect(404);
    // Under its own community it is revealable while pending, and no longer once refused.
    await t.http.post(`/api/communities/${weisilu.id}/members/${elsewhere.body.id}/phone`).set(bearer(officer1)).expect(200);
    await t.http.post(`/api/memberships/${elsewhere.body.id}/refuse`).set(bearer(officer1)).send({ reason: '非本社区居民' }).expect(200);
    await t.http.post(`/api/communities/${weisilu.id}/members/${elsewhere.body.id}/phone`).set(bearer(officer1)).expect(404);
    const resident = await t.login('resident1');
    await t.http.post(revealPath).set(bearer(resident)).expect(403);

    // 谁看过这个人的信息: a city leader reads the log for this resident, newest first.
    const cityLeader = await t.login('city_leader1');
    const log = await t.http.get(`/api/audit?targetType=user&targetId=${zhang.userId}&action=personal_data.read`).set(bearer(cityLeader)).expect(200);
    expect(log.body.items[0]).toMatchObject({ outcome: 'denied', targetId: String(zhang.userId) });
    expect(log.body.items.map((e: { outcome: string }) => e.outcome)).toContain('ok');
    expect(log.body.items.every((e: { targetType: string; targetId: string }) => e.targetType === 'user' && e.targetId === String(zhang.userId))).toBe(true);
  });

  it('runs a join request through the officer’s approval', async () => {
    const officer2 = await t.login('officer2');
    const yananCounts = async () => {
      const rows = (await t.http.get('/api/workbench/communities').set(bearer(officer2)).expect(200)).body.items as { id: number; memberCount: number; pendingCount: number }[];
      const yanan = rows.find((c) => c.id === yananId);
      return { members: yanan?.memberCount, pending: yanan?.pendingCount };
    };
    const before = await yananCounts();
    const resident = await t.login('informant1');
    const requested = await t.http
      .post(`/api/communities/${yananId}/join-requests`)
      .set(bearer(resident))
      .send({ memberType: MemberType.ShopOwner, note: '我在延安路开店' })
      .expect(201);
    expect(requested.body).toMatchObject({ status: MembershipStatus.Pending, officer: null });

    const wrongOfficer = await t.login('officer1');
    await t.http.post(`/api/memberships/${requested.body.id}/approve`).set(bearer(wrongOfficer)).expect(404);

    // 工作台 counts the request as pending, then as a member once approved.
    expect(await yananCounts()).toEqual({ members: before.members, pending: (before.pending ?? 0) + 1 });
    const members = await t.http.get(`/api/communities/${yananId}/members`).set(bearer(officer2)).expect(200);
    expect(members.body.items.find((m: { membershipId: number }) => m.membershipId === requested.body.id).status).toBe(MembershipStatus.Pending);
    const approved = await t.http.post(`/api/memberships/${requested.body.id}/approve`).set(bearer(officer2)).expect(200);
    expect(approved.body).toMatchObject({ status: MembershipStatus.Active, memberType: MemberType.ShopOwner });
    expect(await yananCounts()).toEqual({ members: (before.members ?? 0) + 1, pending: before.pending });
    const twice = await t.http.post(`/api/memberships/${requested.body.id}/refuse`).set(bearer(officer2)).send({ reason: '非本社区居民' }).expect(409);
    expect(twice.body.code).toBe(ErrorCode.MembershipNotPending);

    const mine = await t.http.get('/api/me/memberships').set(bearer(resident)).expect(200);
    expect(mine.body.find((m: { communityId: number }) => m.communityId === yananId).officer.name).toBe('李卫东');
  });

  /** A first-time WeChat user (a resident in no community) who accepted `subscriptions` subscribe messages. */
  const { wechatResident } = factories(() => t);
  const notificationsOf = async (token: string) =>
    (await t.http.get('/api/notifications').set(bearer(token)).expect(200)).body.items as { title: string; body: string; caseId: number | null; link: string | null; communityId: number | null }[];
  const pendingIds = async (officer: string, communityId: number) =>
    ((await t.http.get(`/api/communities/${communityId}/members?status=pending`).set(bearer(officer)).expect(200)).body.items as { membershipId: number }[])
      .map((m) => m.membershipId);

  it('refuses a join request only with a reason, tells the resident why, and lets them ask again', async () => {
    const resident = await wechatResident('openid-refused-neighbour', 2);
    const requested = await t.http.post(`/api/communities/${yananId}/join-requests`).set(bearer(resident)).send({ memberType: MemberType.Resident }).expect(201);
    const membershipId = requested.body.id as number;
    const officer2 = await t.login('officer2');
    const refuse = (token: string, body?: object) => t.http.post(`/api/memberships/${membershipId}/refuse`).set(bearer(token)).send(body);

    // One mis-tap cannot refuse a neighbour: no reason, a blank one, one character or a speech is a coded 400 in Chinese.
    expect((await refuse(officer2).expect(400)).body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '请填写拒绝理由' });
    expect((await refuse(officer2, { reason: '   ' }).expect(400)).body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '请填写拒绝理由' });
    expect((await refuse(officer2, { reason: ' 否 ' }).expect(400)).body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '拒绝理由至少2个字' });
    expect((await refuse(officer2, { reason: '不'.repeat(201) }).expect(400)).body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '拒绝理由不能超过200个字' });
    // Characters are counted as people count them: one emoji is one, not two; emoji or punctuation alone say nothing.
    for (const reason of ['😀', ' 😀😀 ', '！？', '👎…']) {
      expect((await refuse(officer2, { reason }).expect(400)).body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '请写明拒绝理由' });
    }
    // Another community's officer does not learn the request exists.
    expect((await refuse(await t.login('officer1'), { reason: '非本社区居民' }).expect(404)).body.code).toBe(ErrorCode.NotFound);
    expect(await pendingIds(officer2, yananId)).toContain(membershipId);

    const refused = await refuse(officer2, { reason: ' 非本社区居民，请向居住地社区申请 ' }).expect(200);
    expect(refused.body).toMatchObject({ membershipId, status: MembershipStatus.Refused });
    expect(await pendingIds(officer2, yananId)).not.toContain(membershipId);
    expect((await refuse(officer2, { reason: '重复点击' }).expect(409)).body.code).toBe(ErrorCode.MembershipNotPending);

    // The resident is told in 消息 (opening the join page), by subscribe message, and sees the reason on their request.
    const [notice] = await notificationsOf(resident);
    expect(notice).toMatchObject({ title: '加入社区申请未通过', body: '加入延安社区的申请未通过：非本社区居民，请向居住地社区申请', caseId: null, link: NotificationLink.Join });
    await t.app.get(OutboxWorker).tick(new Date());
    const sent = t.fake.state.sentMessages.filter((m) => m.touser === 'openid-refused-neighbour');
    expect(sent).toEqual([expect.objectContaining({ page: 'pages/join/index', data: { thing1: '加入延安社区', phrase2: '未通过', thing3: '非本社区居民，请向居住地社区申请' } })]);
    const mine = (await t.http.get('/api/me/memberships').set(bearer(resident)).expect(200)).body;
    expect(mine).toEqual([expect.objectContaining({ id: membershipId, status: MembershipStatus.Refused, refusalReason: '非本社区居民，请向居住地社区申请', officer: null })]);

    // The decision and its reason are on record.
    const audit = await t.http.get(`/api/audit?targetType=membership&targetId=${membershipId}`).set(bearer(await t.login('city_leader1'))).expect(200);
    expect(audit.body.items).toEqual([expect.objectContaining({ action: 'org.membership_decided', outcome: 'ok', detail: 'refused: 非本社区居民，请向居住地社区申请' })]);

    // Asking again makes the same request pending once more, without the old reason, back in the officer's list.
    const again = await t.http.post(`/api/communities/${yananId}/join-requests`).set(bearer(resident)).send({ memberType: MemberType.ShopOwner }).expect(201);
    expect(again.body).toMatchObject({ id: membershipId, status: MembershipStatus.Pending, memberType: MemberType.ShopOwner, refusalReason: null });
    expect(await pendingIds(officer2, yananId)).toContain(membershipId);
  });

  it('keeps a join request’s 申请说明 encrypted and shows it to who decides in scope only, each read on record', async () => {
    const resident = await wechatResident('openid-writes-a-note');
    const note = '延安小区3栋2单元住户 张三 13900001111';
    const ask = (body: object) => t.http.post(`/api/communities/${yananId}/join-requests`).set(bearer(resident)).send(body);

    // Too long is said in Chinese, counted as people count (200 emoji are 200 characters).
    expect((await ask({ note: '住'.repeat(201) }).expect(400)).body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '申请说明不能超过200个字' });
    expect((await ask({ note: '🏠'.repeat(200) }).expect(201)).body.note).toBe('🏠'.repeat(200));
    const requested = await ask({ note: ` ${note} ` }).expect(201);
    const membershipId = requested.body.id as number;
    expect(requested.body).toMatchObject({ status: MembershipStatus.Pending, note });

    // At rest it is ciphertext.
    const [row] = await t.dataSource.query('SELECT note_enc FROM memberships WHERE id = ?', [membershipId]);
    expect(row.note_enc).toMatch(/^v1\./);
    expect(row.note_enc).not.toContain('张三');

    // The community's officer reads it on the pending request, and the read is on record against the resident.
    const officer2 = await t.login('officer2');
    const [{ user_id: userId }] = await t.dataSource.query('SELECT user_id FROM memberships WHERE id = ?', [membershipId]);
    const reads = async () => {
      const [r] = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'personal_data.read' AND target_type = 'user' AND target_id = ? AND detail LIKE 'join note%'",
        [String(userId)],
      );
      return Number(r.n);
    };
    const before = await reads();
    const pending = (await t.http.get(`/api/communities/${yananId}/members?status=pending&pageSize=100`).set(bearer(officer2)).expect(200)).body.items;
    expect(pending.find((m: { membershipId: number }) => m.membershipId === membershipId)).toMatchObject({ note });
    expect(await reads()).toBe(before + 1);

    // Another community's officer learns nothing of it, nor of the community's requests.
    const officer1 = await t.login('officer1');
    const elsewhere = await t.http.get(`/api/communities/${yananId}/members?status=pending`).set(bearer(officer1)).expect(404);
    expect(JSON.stringify(elsewhere.body)).not.toContain('张三');
    const ownList = (await t.http.get(`/api/communities/${shengliId}/members?status=pending&pageSize=100`).set(bearer(officer1)).expect(200)).body;
    expect(JSON.stringify(ownList)).not.toContain('张三');

    // Refused as incomplete, the resident finds their note again and asks with more; asking without one keeps it.
    await t.http.post(`/api/memberships/${membershipId}/refuse`).set(bearer(officer2)).send({ reason: '信息不全，请补充后重新申请' }).expect(200);
    const [mine] = (await t.http.get('/api/me/memberships').set(bearer(resident)).expect(200)).body;
    expect(mine).toMatchObject({ id: membershipId, status: MembershipStatus.Refused, note });
    await ask({ note: `${note}，租住，房东李四` }).expect(201);
    await ask({}).expect(201);
    const again = (await t.http.get(`/api/communities/${yananId}/members?status=pending&pageSize=100`).set(bearer(officer2)).expect(200)).body.items;
    expect(again.find((m: { membershipId: number }) => m.membershipId === membershipId)).toMatchObject({ note: `${note}，租住，房东李四` });

    // Once a member, the note is no longer listed.
    await t.http.post(`/api/memberships/${membershipId}/approve`).set(bearer(officer2)).expect(200);
    const active = (await t.http.get(`/api/communities/${yananId}/members?status=active&pageSize=100`).set(bearer(officer2)).expect(200)).body.items;
    expect(active.find((m: { membershipId: number }) => m.membershipId === membershipId)).toMatchObject({ note: null });
  });

  it('shows admins a join decision WeChat refused with its notice and community, and no case', async () => {
    const resident = await wechatResident('openid-join-refused-by-wechat', 1);
    const requested = await t.http.post(`/api/communities/${yananId}/join-requests`).set(bearer(resident)).send({}).expect(201);
    await t.http.post(`/api/memberships/${requested.body.id}/refuse`).set(bearer(await t.login('officer2'))).send({ reason: '非本社区居民' }).expect(200);
    t.fake.state.failNext('/cgi-bin/message/subscribe/send', 47003, 'argument invalid! data.thing3.value invalid');
    await t.app.get(OutboxWorker).tick(new Date());
    const dead = await t.http.get('/api/admin/outbox/dead').set(bearer(await t.login('admin1'))).expect(200);
    expect(dead.body).toContainEqual(expect.objectContaining({
      noticeTitle: '加入社区申请未通过', communityName: '延安社区', caseNumber: null, caseId: null, refused: true, confidential: false, attempts: 1,
      recipientName: expect.stringMatching(/^居\*+$/),
    }));
    expect(dead.text).not.toContain('openid-join-refused-by-wechat');
  });

  it('tells the resident they joined when the officer approves, in 消息 (opening 首页) and by subscribe message', async () => {
    const resident = await wechatResident('openid-approved-neighbour', 1);
    const requested = await t.http.post(`/api/communities/${yananId}/join-requests`).set(bearer(resident)).send({}).expect(201);
    const officer2 = await t.login('officer2');
    await t.http.post(`/api/memberships/${requested.body.id}/approve`).set(bearer(await t.login('officer3'))).expect(404);
    expect(await notificationsOf(resident)).toEqual([]);

    await t.http.post(`/api/memberships/${requested.body.id}/approve`).set(bearer(officer2)).expect(200);
    expect(await notificationsOf(resident)).toEqual([
      expect.objectContaining({ title: '已加入延安社区', body: expect.stringContaining('首页'), caseId: null, link: NotificationLink.Home }),
    ]);
    await t.app.get(OutboxWorker).tick(new Date());
    expect(t.fake.state.sentMessages.filter((m) => m.touser === 'openid-approved-neighbour')).toEqual([
      expect.objectContaining({ page: 'pages/home/index', data: expect.objectContaining({ thing1: '加入延安社区', phrase2: '已通过' }) }),
    ]);
    const [mine] = (await t.http.get('/api/me/memberships').set(bearer(resident)).expect(200)).body;
    expect(mine).toMatchObject({ status: MembershipStatus.Active, refusalReason: null, officer: { name: '李卫东' } });
    // Decided once: a second decision either way is refused and tells nobody anything.
    expect((await t.http.post(`/api/memberships/${requested.body.id}/approve`).set(bearer(officer2)).expect(409)).body.code).toBe(ErrorCode.MembershipNotPending);
    expect((await t.http.post(`/api/memberships/${requested.body.id}/refuse`).set(bearer(officer2)).send({ reason: '误点通过' }).expect(409)).body.code).toBe(ErrorCode.MembershipNotPending);
    expect(await notificationsOf(resident)).toHaveLength(1);
  });

  it('tells the community’s officer of a new join request once, and the station’s leaders while it has no 责任民警', async () => {
    const officer2 = await t.login('officer2');
    const requestsFor = async (token: string) => (await notificationsOf(token)).filter((n) => n.title.startsWith('新的加入申请'));
    const before = (await requestsFor(officer2)).length;
    const resident = await wechatResident('openid-asks-to-join');
    await t.http.post(`/api/communities/${yananId}/join-requests`).set(bearer(resident)).send({}).expect(201);
    const [notice] = await requestsFor(officer2);
    expect(await requestsFor(officer2)).toHaveLength(before + 1);
    // It opens the community's 待审核: the notice names the community, whose page its officer may open.
    expect(notice).toMatchObject({ title: '新的加入申请：延安社区', body: expect.stringContaining('工作台'), caseId: null, link: NotificationLink.JoinRequests, communityId: yananId });
    expect((await t.http.get(`/api/workbench/communities/${yananId}`).set(bearer(officer2)).expect(200)).body).toMatchObject({ id: yananId, name: '延安社区' });
    expect((await t.http.get(`/api/workbench/communities/${yananId}`).set(bearer(await t.login('officer1'))).expect(404)).body.code).toBe(ErrorCode.NotFound);
    await t.http.get('/api/workbench/communities/999999').set(bearer(officer2)).expect(404);
    // Nobody else's officer hears of it, and asking again while pending tells nobody again.
    expect((await requestsFor(await t.login('officer1'))).filter((n) => n.title.includes('延安社区'))).toEqual([]);
    await t.http.post(`/api/communities/${yananId}/join-requests`).set(bearer(resident)).send({ note: '再催一下' }).expect(201);
    expect(await requestsFor(officer2)).toHaveLength(before + 1);

    // A community without a 责任民警: its station's leaders are told to arrange it, not another station's.
    const [{ officer_id: officerId }] = await t.dataSource.query('SELECT officer_id FROM org_units WHERE id = ?', [shengliId]);
    await t.dataSource.query('UPDATE org_units SET officer_id = NULL WHERE id = ?', [shengliId]);
    try {
      const leader = await t.login('station_leader1');
      const leaderBefore = (await requestsFor(leader)).length;
      await t.http.post(`/api/communities/${shengliId}/join-requests`).set(bearer(await wechatResident('openid-asks-orphan'))).send({}).expect(201);
      const [alert] = await requestsFor(leader);
      expect(await requestsFor(leader)).toHaveLength(leaderBefore + 1);
      expect(alert).toMatchObject({ title: '新的加入申请：胜利社区', body: expect.stringContaining('暂无责任民警'), link: NotificationLink.JoinRequests, communityId: shengliId });
      expect((await requestsFor(await t.login('station_leader2'))).filter((n) => n.title.includes('胜利社区'))).toEqual([]);
    } finally {
      await t.dataSource.query('UPDATE org_units SET officer_id = ? WHERE id = ?', [officerId, shengliId]);
    }
  });

  it('hands a community over to another officer of the station, with members and on record', async () => {
    const leader = await t.login('station_leader1');
    const [officer4] = await t.dataSource.query("SELECT id FROM users WHERE username = 'officer4'");
    const [officer2] = await t.dataSource.query("SELECT id FROM users WHERE username = 'officer2'");

    const cross = await t.http
      .post(`/api/communities/${shengliId}/handover`)
      .set(bearer(leader))
      .send({ newOfficerId: officer2.id, reason: '调整' })
      .expect(400);
    expect(cross.body.code).toBe(ErrorCode.OfficerNotInStation);

    const done = await t.http
      .post(`/api/communities/${shengliId}/handover`)
      .set(bearer(leader))
      .send({ newOfficerId: officer4.id, reason: '原责任民警岗位调整' })
      .expect(200);
    expect(done.body.officer.name).toBe('赵立新');

    const officer4Token = await t.login('officer4');
    const members = await t.http.get(`/api/communities/${shengliId}/members`).set(bearer(officer4Token)).expect(200);
    expect(members.body.total).toBeGreaterThanOrEqual(2);
    expect(members.body.canRevealPhone).toBe(true);
    const officer1 = await t.login('officer1');
    await t.http.get(`/api/communities/${shengliId}/members`).set(bearer(officer1)).expect(404);

    const [record] = await t.dataSource.query('SELECT to_officer_id, reason FROM community_handovers WHERE community_id = ?', [shengliId]);
    expect(record).toMatchObject({ to_officer_id: officer4.id, reason: '原责任民警岗位调整' });
    expect(await auditCount('org.community_handover')).toBe(1);

    const resident = await t.login('resident1');
    const mine = await t.http.get('/api/me/memberships').set(bearer(resident)).expect(200);
    expect(mine.body[0].officer.name).toBe('赵立新');

    // Hand it back so other tests see the demo layout.
    const [o1] = await t.dataSource.query("SELECT id FROM users WHERE username = 'officer1'");
    await t.http.post(`/api/communities/${shengliId}/handover`).set(bearer(leader)).send({ newOfficerId: o1.id, reason: '复原' }).expect(200);
  });

  it('lets the officer name an informant among their residents, but not someone else’s', async () => {
    const officer1 = await t.login('officer1');
    const [resident1] = await t.dataSource.query("SELECT id FROM users WHERE username = 'resident1'");
    const res = await t.http.post(`/api/users/${resident1.id}/informant`).set(bearer(officer1)).send({ granted: true }).expect(200);
    expect(res.body.isInformant).toBe(true);
    const me = await t.http.get('/api/me').set(bearer(await t.login('resident1'))).expect(200);
    expect(me.body.roles).toContain('informant');
    expect(me.body.permissions).not.toContain('workbench.access');

    const officer3 = await t.login('officer3');
    await t.http.post(`/api/users/${resident1.id}/informant`).set(bearer(officer3)).send({ granted: false }).expect(404);
    expect(await auditCount('permission.informant_changed')).toBe(1);
  });

  it('lists each officer’s community groups, and enterprise groups to their station leader', async () => {
    const officer1 = await t.login('officer1');
    const mine = await t.http.get('/api/org/groups').set(bearer(officer1)).expect(200);
    expect(mine.body.map((g: { name: string }) => g.name).sort()).toEqual(['纬四路社区警民议事群', '胜利社区警民议事群'].sort());
    const leader = await t.login('station_leader1');
    const station = await t.http.get('/api/org/groups').set(bearer(leader)).expect(200);
    expect(station.body.map((g: { name: string }) => g.name)).toContain('天桥派出所企业服务群');
    expect(station.body.map((g: { name: string }) => g.name)).not.toContain('城关派出所企业服务群');
    const city = await t.login('city_leader1');
    const all = await t.http.get('/api/org/groups').set(bearer(city)).expect(200);
    expect(all.body.filter((g: { kind: string }) => g.kind === 'enterprise')).toHaveLength(2);
    expect(all.body).toHaveLength(8);
  });

  it('renders the invite as a WeChat mini-program code that opens the join page', async () => {
    const officer1 = await t.login('officer1');
    const invite = await t.http.post(`/api/communities/${shengliId}/invites`).set(bearer(officer1)).expect(201);
    expect(invite.body.scene).toBe(`c=${invite.body.code}`);
    const png = await t.http
      .get(`/api/community-invites/${invite.body.code}/qrcode`)
      .set(bearer(officer1))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect((png.body as Buffer).subarray(1, 4).toString('latin1')).toBe('PNG');
    const officer2 = await t.login('officer2');
    await t.http.get(`/api/community-invites/${invite.body.code}/qrcode`).set(bearer(officer2)).expect(404);
  });

  it('rejects a non-numeric id with a validation error rather than a 500', async () => {
    const officer1 = await t.login('officer1');
    const res = await t.http.get('/api/communities/abc/members').set(bearer(officer1)).expect(400);
    expect(res.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it('lets city leaders read the audit log and nobody delete it', async () => {
    const city = await t.login('city_leader1');
    const page = await t.http.get('/api/audit?pageSize=5').set(bearer(city)).expect(200);
    expect(page.body.items.length).toBe(5);
    expect(page.body.total).toBeGreaterThan(5);
    await t.http.delete('/api/audit').set(bearer(city)).expect(404);
    const officer = await t.login('officer1');
    await t.http.get('/api/audit').set(bearer(officer)).expect(403);
  });
});

import {
  blocksFromText, BULLETIN_DAILY_QUOTA, BulletinDetail, BulletinKind, BulletinStatus, BulletinSummary, ErrorCode, PushGroupView, Role, WarningType,
} from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, TestApp } from './test-app';

/** A 预警 as department_staff1 (户政科, 蚌山分局) writes it. */
const warning = (title = '警惕冒充客服退款诈骗', text = '接到自称客服的电话要求退款，**先挂断**，再拨打官方电话核实。\n\n- 不点陌生链接\n- 不共享屏幕') => ({
  kind: BulletinKind.Warning, warningType: WarningType.Prevention, title, body: blocksFromText(text),
  legalBasis: '《中华人民共和国反电信网络诈骗法》第二十五条', tags: ['反诈'],
});

describe('bulletins: writing, review, pushing with the daily quota, feeds and withdrawal (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (who: string) => bearer(tokens[who]);
  const groupId = async (name: string) => Number((await t.dataSource.query('SELECT id FROM police_groups WHERE name = ?', [name]))[0].id);
  const userId = async (name: string) => Number((await t.dataSource.query('SELECT id FROM users WHERE username = ?', [name]))[0].id);
  const create = (who: string, body: object) => t.http.post('/api/bulletins').set(as(who)).send(body);
  const submit = (who: string, id: number) => t.http.post(`/api/bulletins/${id}/submit`).set(as(who));
  const review = (who: string, id: number, decision: 'approve' | 'return', comment?: string) =>
    t.http.post(`/api/bulletins/${id}/review`).set(as(who)).send({ decision, ...(comment ? { comment } : {}) });
  const push = (who: string, id: number, groupIds: number[], at?: string) =>
    t.http.post(`/api/bulletins/${id}/pushes`).set(as(who)).send({ groupIds, ...(at ? { at } : {}) });
  const detail = async (who: string, id: number): Promise<BulletinDetail> => (await t.http.get(`/api/bulletins/${id}`).set(as(who)).expect(200)).body;
  const feedIds = async (who: string): Promise<number[]> =>
    ((await t.http.get('/api/bulletins/feed?pageSize=50').set(as(who)).expect(200)).body.items as { id: number }[]).map((i) => i.id);
  /** A 预警 written by department_staff1 and approved by legal_reviewer1. */
  const approved = async (title = `预警 ${randomUUID().slice(0, 8)}`): Promise<number> => {
    const id = (await create('department_staff1', warning(title)).expect(201)).body.id as number;
    await submit('department_staff1', id).expect(200);
    await review('legal_reviewer1', id, 'approve').expect(200);
    return id;
  };
  const used = async (who: string, group: number): Promise<number> =>
    ((await t.http.get('/api/bulletins/push-groups').set(as(who)).expect(200)).body as PushGroupView[]).find((g) => g.id === group)?.usedToday ?? -1;
  const audits = async (action: string, targetType: string, targetId: number) =>
    (await t.dataSource.query('SELECT actor_id AS actorId, detail FROM audit_entries WHERE action = ? AND target_type = ? AND target_id = ?', [action, targetType, String(targetId)])) as { actorId: number; detail: string }[];

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '1000' });
    for (const u of ['resident1', 'resident2', 'officer1', 'officer2', 'officer3', 'station_leader1', 'branch_leader1', 'legal_reviewer1', 'department_staff1']) {
      tokens[u] = await t.login(u);
    }
  });
  afterAll(() => t.close());

  it('loads a week of bulletins of every kind into the demo groups, a slot left today, and one 预警 waiting for legal_reviewer1', async () => {
    const feed = (await t.http.get('/api/bulletins/feed?pageSize=50').set(as('resident1')).expect(200)).body.items as { kind: string; pushedAt: string }[];
    expect(new Set(feed.map((i) => i.kind))).toEqual(new Set(Object.values(BulletinKind)));
    const days = new Set(feed.map((i) => new Date(Date.parse(i.pushedAt) + 8 * 3600_000).toISOString().slice(0, 10)));
    expect(days.size).toBe(7);
    expect(await used('officer1', await groupId('胜利社区警民议事群'))).toBe(1);
    const queue = (await t.http.get('/api/bulletins?status=pending_review').set(as('legal_reviewer1')).expect(200)).body.items as BulletinSummary[];
    expect(queue.map((b) => [b.kind, b.title])).toEqual([['warning', '冒充快递理赔的诈骗又出现了']]);
    const officer3Feed = (await t.http.get('/api/bulletins?status=approved').set(as('officer3')).expect(200)).body.items as BulletinSummary[];
    expect(officer3Feed.map((b) => b.kind)).toEqual(['positive', 'positive']);
  });

  it('keeps a 预警 from groups until the 法治部门 approves it: returned with a comment, revised, approved, pushed, read and found 有用', async () => {
    const shengli = await groupId('胜利社区警民议事群');
    const written = (await create('department_staff1', warning()).expect(201)).body as BulletinDetail;
    expect(written).toMatchObject({ status: BulletinStatus.Draft, version: 1, legalBasis: '《中华人民共和国反电信网络诈骗法》第二十五条' });
    // Not reviewed: officers neither list it nor push it.
    const pushable = async () => ((await t.http.get('/api/bulletins?status=approved&pageSize=100').set(as('officer1')).expect(200)).body.items as BulletinSummary[]).map((b) => b.id);
    expect(await pushable()).not.toContain(written.id);
    expect((await push('officer1', written.id, [shengli])).status).toBe(404);

    await submit('department_staff1', written.id).expect(200);
    const queue = (await t.http.get('/api/bulletins?status=pending_review').set(as('legal_reviewer1')).expect(200)).body.items as BulletinSummary[];
    expect(queue.find((b) => b.id === written.id)).toMatchObject({ title: '警惕冒充客服退款诈骗', status: 'pending_review', submittedAt: expect.any(String) });
    // A station leader reviews 正气, not 预警.
    expect((await review('station_leader1', written.id, 'approve')).status).toBe(404);
    expect((await review('legal_reviewer1', written.id, 'return')).body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '请填写退回意见' });
    const returned = (await review('legal_reviewer1', written.id, 'return', '案例中的金额需核实').expect(200)).body as BulletinDetail;
    expect(returned).toMatchObject({ status: 'returned', reviewComment: '案例中的金额需核实' });
    expect((await push('officer1', written.id, [shengli])).status).toBe(404);

    const revised = (await t.http.put(`/api/bulletins/${written.id}`).set(as('department_staff1')).send(warning('警惕冒充客服退款诈骗（已核实）')).expect(200)).body;
    expect(revised).toMatchObject({ version: 2, status: 'returned' });
    await submit('department_staff1', written.id).expect(200);
    await review('legal_reviewer1', written.id, 'approve').expect(200);
    expect(await pushable()).toContain(written.id);
    expect((await audits('bulletin.reviewed', 'bulletin', written.id)).map((a) => a.detail)).toEqual(['return v1: 案例中的金额需核实', 'approve v2']);

    const counts = async () => (await t.http.get('/api/bulletins/push-figures').set(as('officer1')).expect(200)).body as { reminders: number; byOfficer: { officerId: number; reminders: number }[] };
    const before = await counts();
    const pushed = (await push('officer1', written.id, [shengli]).expect(200)).body;
    // 提醒告知 counts pushes × groups: one more.
    expect((await counts()).reminders).toBe(before.reminders + 1);
    expect(pushed.results).toEqual([expect.objectContaining({ groupId: shengli, outcome: 'pushed', groupName: '胜利社区警民议事群' })]);
    const feed = (await t.http.get('/api/bulletins/feed').set(as('resident1')).expect(200)).body;
    expect(feed.items[0]).toMatchObject({ id: written.id, kind: 'warning', title: '警惕冒充客服退款诈骗（已核实）', read: false, pushedAt: expect.any(String) });
    expect(await feedIds('resident2')).not.toContain(written.id);
    expect((await t.http.get(`/api/bulletins/${written.id}`).set(as('resident2'))).status).toBe(404);

    const seen = await detail('resident1', written.id);
    expect(seen).toMatchObject({ title: '警惕冒充客服退款诈骗（已核实）', legalBasis: '《中华人民共和国反电信网络诈骗法》第二十五条', useful: false, reviewComment: null });
    await t.http.post(`/api/bulletins/${written.id}/read`).set(as('resident1')).expect(200);
    expect((await t.http.get('/api/bulletins/feed').set(as('resident1')).expect(200)).body.items[0]).toMatchObject({ id: written.id, read: true });
    expect((await t.http.post(`/api/bulletins/${written.id}/useful`).set(as('resident1')).expect(200)).body).toEqual({ useful: true, usefulCount: 1 });
    expect((await t.http.post(`/api/bulletins/${written.id}/useful`).set(as('resident1')).expect(200)).body).toEqual({ useful: true, usefulCount: 1 });
    expect(await detail('resident1', written.id)).toMatchObject({ useful: true, usefulCount: 1, read: true });
    // 胜利社区 has two members (resident1, informant1): one read it and found it 有用.
    const figures = (await t.http.get(`/api/bulletins/${written.id}/figures`).set(as('officer1')).expect(200)).body;
    expect(figures).toMatchObject({ readers: 1, useful: 1, groups: [{ groupId: shengli, members: 2, readers: 1, readRate: 0.5, useful: 1 }] });
    expect((await t.http.get(`/api/bulletins/${written.id}/figures`).set(as('resident1'))).status).toBe(404);
    expect((await t.http.get('/api/bulletins/push-figures?from=2026-13-01').set(as('officer1'))).status).toBe(400);
  });

  it('gives exactly one of 20 pushes racing for a group’s last slot of the day; the others are 429 naming the group and its next slot', async () => {
    const weisilu = await groupId('纬四路社区警民议事群');
    const ids: number[] = [];
    for (let i = 0; i < 21; i++) ids.push(await approved());
    for (let n = await used('officer1', weisilu), i = 0; n < BULLETIN_DAILY_QUOTA - 1; n++, i++) {
      await push('officer1', ids.pop()!, [weisilu]).expect(200);
    }
    expect(await used('officer1', weisilu)).toBe(BULLETIN_DAILY_QUOTA - 1);
    const racers = ids.slice(0, 20);
    const answers = await Promise.all(racers.map((id) => push('officer1', id, [weisilu])));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused).toHaveLength(19);
    for (const a of refused) {
      expect(a.status).toBe(429);
      expect(a.body.code).toBe(ErrorCode.PushQuotaExceeded);
      expect(a.body.message).toMatch(/^「纬四路社区警民议事群」今天的2次推送已用完，\d{4}-\d{2}-\d{2} 00:00后可再推送$/);
    }
    expect(await used('officer1', weisilu)).toBe(BULLETIN_DAILY_QUOTA);
  });

  it('withdraws with a reason: the bulletin leaves the feed, an old link reads 已撤回, and it is on record', async () => {
    const shengli = await groupId('胜利社区警民议事群');
    const id = await approved('冬季取暖防火提示');
    // 胜利社区's slots of today went to the earlier tests and the demo: this test starts the day afresh.
    await t.dataSource.query('DELETE FROM bulletin_pushes WHERE group_id = ? AND day = ?', [shengli, new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)]);
    await push('station_leader1', id, [shengli]).expect(200);
    expect(await feedIds('resident1')).toContain(id);
    // A station leader is below the branch's 素材库: only the author or a leader over it withdraws.
    expect((await t.http.post(`/api/bulletins/${id}/withdraw`).set(as('station_leader1')).send({ reason: '内容有误' })).status).toBe(404);
    expect((await t.http.post(`/api/bulletins/${id}/withdraw`).set(as('branch_leader1')).send({ reason: ' ' })).status).toBe(400);
    const withdrawn = (await t.http.post(`/api/bulletins/${id}/withdraw`).set(as('branch_leader1')).send({ reason: '内容有误，更正后重发' }).expect(200)).body;
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: '内容有误，更正后重发', withdrawnAt: expect.any(String) });
    expect(await feedIds('resident1')).not.toContain(id);
    expect(await detail('resident1', id)).toMatchObject({ status: 'withdrawn', title: '', body: [], withdrawReason: null });
    expect(await audits('bulletin.withdrawn', 'bulletin', id)).toEqual([{ actorId: await userId('branch_leader1'), detail: '内容有误，更正后重发' }]);
    expect((await push('officer1', id, [await groupId('纬四路社区警民议事群')])).body.code).toBe(ErrorCode.BulletinNotPushable);
    expect((await t.http.post(`/api/bulletins/${id}/withdraw`).set(as('department_staff1')).send({ reason: '再撤一次' })).status).toBe(409);
  });

  it('answers groups outside the caller’s jurisdiction as not found, each on record, and bulletins of another branch as 404', async () => {
    const id = await approved();
    const own = await groupId('纬四路社区警民议事群');
    const foreign = await groupId('禹王社区警民议事群');
    const mixed = (await push('officer2', id, [foreign])).body;
    expect(mixed.code).toBe(ErrorCode.NotFound);
    expect(await audits('access.denied', 'group', foreign)).toEqual(expect.arrayContaining([expect.objectContaining({ actorId: await userId('officer2') })]));
    // officer3 works in 怀远县: a bulletin of 蚌山分局's 素材库 is not theirs to see or push.
    expect((await push('officer3', id, [foreign])).status).toBe(404);
    expect((await t.http.get(`/api/bulletins/${id}`).set(as('officer3'))).status).toBe(404);
    expect(await audits('access.denied', 'bulletin', id)).toEqual(expect.arrayContaining([expect.objectContaining({ actorId: await userId('officer3') })]));
    // Leaders answer per group: theirs taken, the other not found.
    const tushan = await groupId('涂山社区警民议事群');
    expect((await push('branch_leader1', id, [tushan, foreign]).expect(200)).body.results).toEqual([
      expect.objectContaining({ groupId: tushan, outcome: 'pushed' }), { groupId: foreign, groupName: null, outcome: 'not_found' },
    ]);
    expect((await push('branch_leader1', id, [own])).status).toBe(429);

    // A 法治部门 reviewer of 怀远县公安局 does not review 蚌山分局's bulletins.
    const huaiyuan = Number((await t.dataSource.query("SELECT id FROM org_units WHERE name = '怀远县公安局'"))[0].id);
    const invitation = (await t.http.post('/api/staff-invitations').set(bearer(await t.login('city_leader1')))
      .send({ role: Role.LegalReviewer, orgUnitId: huaiyuan, name: '怀远法制' }).expect(201)).body;
    const accepted = await t.http.post('/api/staff-invitations/accept').send({ token: invitation.token, code: t.fake.state.issueCode('openid-huaiyuan-legal') }).expect(200);
    const pending = (await create('department_staff1', warning('暴雨天气出行提示')).expect(201)).body.id as number;
    await submit('department_staff1', pending).expect(200);
    expect((await t.http.post(`/api/bulletins/${pending}/review`).set(bearer(accepted.body.accessToken)).send({ decision: 'approve' })).status).toBe(404);
    expect((await detail('department_staff1', pending)).status).toBe('pending_review');
  });

  it('shows a scheduled push (定时推送) from its time, once, on every instance, and counts it on its own day', async () => {
    const peer = await t.startPeer();
    try {
      const group = await groupId('胜利社区警民议事群');
      // 胜利社区's slots of today went to earlier tests: this test starts the day afresh.
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      await t.dataSource.query('DELETE FROM bulletin_pushes WHERE group_id = ? AND day = ?', [group, today]);
      const soon = await approved('周末商场人多，注意看管随身财物');
      const at = new Date(Date.now() + 3000);
      // Its day is the China day of `at` (a push scheduled past midnight takes tomorrow's slot).
      const sameDay = new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10) === today;
      const answer = (await push('officer1', soon, [group], at.toISOString()).expect(200)).body;
      expect(answer.results).toEqual([expect.objectContaining({ groupId: group, outcome: 'scheduled', pushedAt: at.toISOString() })]);
      expect(await used('officer1', group)).toBe(sameDay ? 1 : 0);
      expect(await feedIds('resident1')).not.toContain(soon);
      await new Promise((resolve) => setTimeout(resolve, at.getTime() - Date.now() + 200));
      const onPeer = ((await peer.http.get('/api/bulletins/feed?pageSize=50').set(as('resident1')).expect(200)).body.items as { id: number }[]).map((i) => i.id);
      for (const ids of [await feedIds('resident1'), onPeer]) expect(ids.filter((id) => id === soon)).toHaveLength(1);
      expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM bulletin_pushes WHERE bulletin_id = ?', [soon]))[0].n)).toBe(1);

      // A push scheduled for tomorrow takes tomorrow's slot, not today's.
      const tomorrow = await approved('明日停电检修，注意用电安全');
      const next = new Date(Date.parse(`${today}T00:00:00.000Z`) - 8 * 3600_000 + 86_400_000 + 9 * 3600_000);
      await push('officer1', tomorrow, [group], next.toISOString()).expect(200);
      expect(await used('officer1', group)).toBe(sameDay ? 1 : 0);
      expect(await feedIds('resident1')).not.toContain(tomorrow);
      // Cancelled before its time: gone, on record; one that is out cannot be cancelled.
      expect((await t.http.delete(`/api/bulletins/${tomorrow}/pushes/${group}`).set(as('officer2'))).status).toBe(404);
      await t.http.delete(`/api/bulletins/${tomorrow}/pushes/${group}`).set(as('officer1')).expect(200);
      expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM bulletin_pushes WHERE bulletin_id = ?', [tomorrow]))[0].n)).toBe(0);
      expect(await audits('bulletin.push_cancelled', 'bulletin', tomorrow)).toHaveLength(1);
      expect((await t.http.delete(`/api/bulletins/${soon}/pushes/${group}`).set(as('officer1'))).status).toBe(409);
      expect((await push('officer1', await approved(), [group], new Date(Date.now() + 31 * 86_400_000).toISOString())).body.code).toBe(ErrorCode.PushTimeInvalid);
    } finally {
      await peer.close();
    }
  });

  it('refuses bad input with a coded 4xx and a Chinese message, writing nothing', async () => {
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM bulletins'))[0].n);
    const before = await count();
    const bad = async (body: object, detail: string) => {
      const res = await create('department_staff1', body);
      expect([res.status, res.body.code]).toEqual([400, ErrorCode.ValidationFailed]);
      expect(JSON.stringify(res.body)).toContain(detail);
    };
    await bad(warning(''), '请填写标题');
    await bad(warning('字'.repeat(41)), '标题不能超过40个字');
    await bad(warning('正文太长', '长'.repeat(20_000)), '正文不能超过5000个字');
    await bad(warning('含脚本', '<script>alert(1)</script>'), '内容不能包含网页代码');
    await bad({ ...warning(), imageIds: Array.from({ length: 10 }, () => randomUUID()) }, '最多添加9张图片');
    // An image that is no upload of the author's (bulletin-safety.service-spec.ts has the rest of images).
    const unknown = await create('department_staff1', { ...warning(), imageIds: [randomUUID()] });
    expect([unknown.status, unknown.body.code]).toEqual([400, ErrorCode.UploadNotFound]);
    await bad({ ...warning(), body: [{ type: 'html', html: '<b>x</b>' }] }, '正文格式不正确');
    expect((await create('resident1', warning())).status).toBe(403);
    expect((await create('department_staff1', { ...warning(), kind: BulletinKind.Positive, warningType: undefined })).body.code).toBe(ErrorCode.BulletinKindNotAllowed);
    expect(await count()).toBe(before);

    const group = await groupId('纬四路社区警民议事群');
    // Pushing a draft, a returned and an unreviewed 预警: the author (officer1) is told why.
    const draft = (await create('officer1', warning('小区电动车充电提示')).expect(201)).body.id as number;
    expect((await push('officer1', draft, [group])).body.code).toBe(ErrorCode.BulletinNotPushable);
    await submit('officer1', draft).expect(200);
    expect((await push('officer1', draft, [group])).body.code).toBe(ErrorCode.BulletinNotPushable);
    await review('legal_reviewer1', draft, 'return', '请补充充电时段').expect(200);
    expect((await push('officer1', draft, [group])).body.code).toBe(ErrorCode.BulletinNotPushable);
    const ready = await approved();
    const past = await push('officer1', ready, [group], new Date(Date.now() - 60_000).toISOString());
    expect([past.status, past.body.code, past.body.message]).toEqual([400, ErrorCode.PushTimeInvalid, '定时推送的时间须晚于现在，且在30天以内']);
    expect((await push('officer1', ready, [])).status).toBe(400);
    expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM bulletin_pushes WHERE bulletin_id IN (?, ?)', [draft, ready]))[0].n)).toBe(0);
  });
});

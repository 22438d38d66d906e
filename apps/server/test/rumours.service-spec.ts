import { blocksFromText, BulletinKind, ErrorCode, PushGroupView, RumourReportDetail, RumourReportView } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { bearer, startTestApp, TestApp } from './test-app';

/** A 辟谣 as its author writes it. */
const rumourBulletin = (title = '网传小区停水三天不实') => ({
  kind: BulletinKind.Rumour, title, body: blocksFromText('经向自来水公司核实，本周没有停水计划，请勿转发不实消息。'),
});

describe('rumours (传言): reports, scope, 辟谣 linking them, the reserved urgent slot (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (who: string) => bearer(tokens[who]);
  const groupId = async (name: string) => Number((await t.dataSource.query('SELECT id FROM police_groups WHERE name = ?', [name]))[0].id);
  const report = (who: string, body: object) => t.http.post('/api/rumours').set(as(who)).send(body);
  const link = (who: string, bulletinId: number, reportIds: unknown) => t.http.put(`/api/bulletins/${bulletinId}/rumours`).set(as(who)).send({ reportIds });
  const create = (who: string, body: object) => t.http.post('/api/bulletins').set(as(who)).send(body);
  const submit = (who: string, id: number) => t.http.post(`/api/bulletins/${id}/submit`).set(as(who));
  const approve = (id: number) => t.http.post(`/api/bulletins/${id}/review`).set(as('legal_reviewer1')).send({ decision: 'approve' });
  const push = (who: string, id: number, groupIds: number[]) => t.http.post(`/api/bulletins/${id}/pushes`).set(as(who)).send({ groupIds });
  const audits = async (action: string, targetType: string, targetId: number | string) =>
    (await t.dataSource.query('SELECT actor_id AS actorId, detail FROM audit_entries WHERE action = ? AND target_type = ? AND target_id = ?', [action, targetType, String(targetId)])) as { actorId: number; detail: string }[];
  const used = async (who: string, group: number): Promise<number> =>
    ((await t.http.get('/api/bulletins/push-groups').set(as(who)).expect(200)).body as PushGroupView[]).find((g) => g.id === group)?.usedToday ?? -1;
  /** An approved bulletin of `kind` by department_staff1, not pushed anywhere. */
  const approved = async (kind: BulletinKind): Promise<number> => {
    const body = kind === BulletinKind.Rumour ? rumourBulletin(`辟谣 ${randomUUID().slice(0, 8)}`)
      : { kind, warningType: 'prevention', title: `预警 ${randomUUID().slice(0, 8)}`, body: blocksFromText('请提高警惕。') };
    const id = (await create('department_staff1', body).expect(201)).body.id as number;
    await submit('department_staff1', id).expect(200);
    await approve(id).expect(200);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '1000' });
    for (const u of ['resident1', 'resident2', 'informant1', 'officer1', 'officer2', 'officer3', 'station_leader1', 'legal_reviewer1', 'department_staff1']) {
      tokens[u] = await t.login(u);
    }
  });
  afterAll(() => t.close());

  it('takes a resident’s report to the officer, links it to a 辟谣, and once approved the 辟谣 reaches the reporter: notice, 已辟谣, the group', async () => {
    const shengli = await groupId('胜利社区警民议事群');
    expect((await t.http.get('/api/rumours/groups').set(as('resident1')).expect(200)).body).toEqual([{ id: shengli, name: '胜利社区警民议事群' }]);
    expect((await t.http.get('/api/rumours/groups').set(as('resident2')).expect(200)).body).toEqual([]);
    const shot = await t.http.post('/api/uploads').set(as('resident1'))
      .attach('file', await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 200, b: 200 } } }).png().toBuffer(), 'shot.png').expect(201);
    const made = (await report('resident1', { text: '网传本周小区要停水三天，赶紧囤水', groupId: shengli, place: '业主群', screenshotId: shot.body.id }).expect(201)).body as RumourReportView;
    expect(made).toMatchObject({ status: 'open', groupName: '胜利社区警民议事群', place: '业主群', bulletinId: null, reporterKind: 'resident' });
    expect(await audits('rumour.reported', 'rumour_report', made.id)).toHaveLength(1);

    // The officer's list names no reporter; the report page names them to the group's officer only, on record.
    const list = (await t.http.get('/api/rumours?status=open').set(as('officer1')).expect(200)).body.items as RumourReportView[];
    expect(list.find((r) => r.id === made.id)).toMatchObject({ text: '网传本周小区要停水三天，赶紧囤水' });
    expect(JSON.stringify(list)).not.toContain('张阿姨');
    const officerView = (await t.http.get(`/api/rumours/${made.id}`).set(as('officer1')).expect(200)).body as RumourReportDetail;
    expect(officerView).toMatchObject({ reporterName: '张阿姨', reporterPhone: '138****0001' });
    expect((await audits('personal_data.read', 'rumour_report', made.id)).length).toBe(1);
    const leaderView = (await t.http.get(`/api/rumours/${made.id}`).set(as('station_leader1')).expect(200)).body as RumourReportDetail;
    expect(leaderView).toMatchObject({ reporterName: null, reporterPhone: null });
    await t.http.get(made.screenshotUrl!).set(as('officer1')).expect(200).expect('content-type', 'image/png');

    // department_staff1 (蚌山分局) writes the 辟谣 and links the report; legal_reviewer1 approves it.
    const bulletin = (await create('department_staff1', rumourBulletin()).expect(201)).body.id as number;
    const linked = (await link('department_staff1', bulletin, [made.id]).expect(200)).body as RumourReportView[];
    expect(linked.map((r) => r.id)).toEqual([made.id]);
    // Not approved yet: the reporter sees it as 待核实, and cannot open the 辟谣.
    expect(((await t.http.get('/api/rumours/mine').set(as('resident1')).expect(200)).body.items as RumourReportView[])[0]).toMatchObject({ id: made.id, status: 'open' });
    await t.http.get(`/api/bulletins/${bulletin}`).set(as('resident1')).expect(404);
    await submit('department_staff1', bulletin).expect(200);
    const usedBefore = await used('officer1', shengli);
    await approve(bulletin).expect(200);

    const notices = (await t.http.get('/api/notifications').set(as('resident1')).expect(200)).body.items as { title: string; body: string; link: string }[];
    expect(notices[0]).toMatchObject({ title: '您报告的传言已辟谣', body: '警方已发布辟谣：网传小区停水三天不实', link: 'rumours' });
    const mine = ((await t.http.get('/api/rumours/mine').set(as('resident1')).expect(200)).body.items as RumourReportView[])[0];
    expect(mine).toMatchObject({ id: made.id, status: 'debunked', bulletinId: bulletin, bulletinTitle: '网传小区停水三天不实', debunkedAt: expect.any(String) });
    expect((await t.http.get(`/api/bulletins/${bulletin}`).set(as('resident1')).expect(200)).body).toMatchObject({ kind: 'rumour', title: '网传小区停水三天不实' });
    // It went into the group where the rumour was seen, in the reserved urgent slot (the two daily ones stay free), as the author's push.
    expect(await used('officer1', shengli)).toBe(usedBefore);
    expect(await t.dataSource.query('SELECT slot, pushed_by AS pushedBy FROM bulletin_pushes WHERE bulletin_id = ?', [bulletin]))
      .toEqual([{ slot: 3, pushedBy: Number((await t.dataSource.query("SELECT id FROM users WHERE username = 'department_staff1'"))[0].id) }]);
    // The other members read it there.
    const feed = (await t.http.get('/api/bulletins/feed').set(as('informant1')).expect(200)).body.items as { id: number }[];
    expect(feed.map((i) => i.id)).toContain(bulletin);
    expect((await t.http.get(`/api/bulletins/${bulletin}/rumours`).set(as('officer1')).expect(200)).body).toEqual([expect.objectContaining({ id: made.id, status: 'debunked' })]);
    expect(((await t.http.get('/api/rumours?status=debunked').set(as('officer1')).expect(200)).body.items as RumourReportView[]).map((r) => r.id)).toContain(made.id);
  });

  it('keeps reports to their scope: another station’s officer, and a 辟谣 author of another branch, get 404 on record', async () => {
    const yuwang = await groupId('禹王社区警民议事群');
    const shengli = await groupId('胜利社区警民议事群');
    const away = (await report('officer3', { text: '网传禹王路要拆迁', groupId: yuwang }).expect(201)).body as RumourReportView;
    const home = (await report('resident1', { text: '网传超市鸡蛋免费领', groupId: shengli }).expect(201)).body as RumourReportView;
    expect(away.reporterKind).toBe('staff');

    await t.http.get(`/api/rumours/${away.id}`).set(as('officer1')).expect(404);
    await t.http.get(`/api/rumours/${home.id}`).set(as('officer3')).expect(404);
    await t.http.get(`/api/rumours/${home.id}`).set(as('resident2')).expect(404);
    await t.http.get(`/api/rumours/${home.id}/screenshot`).set(as('officer1')).expect(404);
    expect((await audits('access.denied', 'rumour_report', away.id)).length).toBe(1);
    expect((await audits('access.denied', 'rumour_report', home.id)).length).toBeGreaterThanOrEqual(2);
    expect(((await t.http.get('/api/rumours').set(as('officer1')).expect(200)).body.items as RumourReportView[]).map((r) => r.id)).not.toContain(away.id);
    expect(((await t.http.get('/api/rumours').set(as('officer3')).expect(200)).body.items as RumourReportView[]).map((r) => r.id)).toEqual([away.id]);
    // Residents have no staff list.
    await t.http.get('/api/rumours').set(as('resident1')).expect(403);

    // department_staff1 (蚌山分局) links 蚌山's report, not 城关's (怀远县公安局).
    const bulletin = (await create('department_staff1', rumourBulletin('网传拆迁消息不实')).expect(201)).body.id as number;
    await link('department_staff1', bulletin, [home.id, away.id]).expect(404);
    expect((await audits('access.denied', 'rumour_report', away.id)).length).toBe(2);
    // Nothing was linked by the refused call.
    expect((await t.http.get(`/api/bulletins/${bulletin}/rumours`).set(as('department_staff1')).expect(200)).body).toEqual([]);
    // Another's bulletin: 404.
    await link('officer1', bulletin, [home.id]).expect(404);
    // A resident reports only in a group they belong to.
    await report('resident1', { text: '网传禹王路要拆迁', groupId: yuwang }).expect(404);
    expect((await audits('access.denied', 'group', yuwang)).length).toBeGreaterThanOrEqual(1);
  });

  it('refuses bad input with a coded 4xx and a Chinese message, writing nothing', async () => {
    const shengli = await groupId('胜利社区警民议事群');
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM rumour_reports'))[0].n);
    const before = await count();
    const bad = async (body: object, message: string) => {
      const res = await report('resident1', body).expect(400);
      expect(res.body.code).toBe(ErrorCode.ValidationFailed);
      expect(JSON.stringify(res.body)).toContain(message);
    };
    await bad({ text: '   ', groupId: shengli }, '请填写传言内容');
    await bad({ text: '谣'.repeat(501), groupId: shengli }, '传言内容不能超过500个字');
    await bad({ text: '网传', groupId: shengli, place: '地'.repeat(51) }, '看到的地方不能超过50个字');
    await report('resident1', { text: '网传', groupId: 'abc' }).expect(400);
    await bad({ text: '网传', groupId: shengli, screenshotId: 'not-an-upload' }, '截图不存在或已过期，请重新上传');
    // Someone else's upload, or none: the screenshot is refused, and the report with it.
    const othersShot = await t.http.post('/api/uploads').set(as('informant1'))
      .attach('file', await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 9, g: 9, b: 9 } } }).png().toBuffer(), 'x.png').expect(201);
    for (const screenshotId of [randomUUID(), othersShot.body.id as string]) {
      const res = await report('resident1', { text: '网传', groupId: shengli, screenshotId }).expect(400);
      expect(res.body.code).toBe(ErrorCode.UploadNotFound);
    }
    expect(await count()).toBe(before);

    const reportId = (await report('resident1', { text: '网传学校停课', groupId: shengli }).expect(201)).body.id as number;
    const warning = await approved(BulletinKind.Warning);
    expect((await link('department_staff1', warning, [reportId]).expect(400)).body.message).toBe('只有辟谣可以关联传言');
    const first = (await create('department_staff1', rumourBulletin('网传停课不实')).expect(201)).body.id as number;
    const second = (await create('department_staff1', rumourBulletin('网传停课不实（二）')).expect(201)).body.id as number;
    await link('department_staff1', first, [reportId]).expect(200);
    expect((await link('department_staff1', second, [reportId]).expect(409)).body.code).toBe(ErrorCode.RumourAlreadyLinked);
    await link('department_staff1', second, [reportId, reportId]).expect(400);
    await link('department_staff1', second, ['x']).expect(400);
    await submit('department_staff1', first).expect(200);
    expect((await link('department_staff1', first, []).expect(409)).body.code).toBe(ErrorCode.BulletinNotEditable);
    // Withdrawn, its report is free for another 辟谣.
    await t.http.post(`/api/bulletins/${first}/withdraw`).set(as('department_staff1')).send({ reason: '重写' }).expect(200);
    await link('department_staff1', second, [reportId]).expect(200);
  });

  it('gives a 辟谣 one reserved urgent slot beyond the daily quota, atomically: of 20 racing for it exactly one goes; no other kind takes it', async () => {
    // A 辟谣 takes the reserved slot first, so the daily two stay for the other kinds.
    const first = await groupId('延安社区警民议事群');
    const usedBefore = await used('officer2', first);
    await push('officer2', await approved(BulletinKind.Rumour), [first]).expect(200);
    expect(await used('officer2', first)).toBe(usedBefore);
    // A second 辟谣 that day falls back on a daily slot.
    await push('officer2', await approved(BulletinKind.Rumour), [first]).expect(200);
    expect(await used('officer2', first)).toBe(usedBefore + 1);

    const weisi = await groupId('纬四路社区警民议事群');
    // Fill the group's two daily slots (the demo pushed one today).
    while ((await used('officer1', weisi)) < 2) await push('officer1', await approved(BulletinKind.Warning), [weisi]).expect(200);
    const warningRes = await push('officer1', await approved(BulletinKind.Warning), [weisi]).expect(429);
    expect(warningRes.body.code).toBe(ErrorCode.PushQuotaExceeded);

    const rumours = await Promise.all(Array.from({ length: 20 }, () => approved(BulletinKind.Rumour)));
    const answers = await Promise.all(rumours.map((id) => push('officer1', id, [weisi])));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(19);
    expect(answers.find((a) => a.status === 429)!.body.message).toContain('纬四路社区警民议事群');
    const today = Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM bulletin_pushes WHERE group_id = ? AND day = (SELECT MAX(day) FROM bulletin_pushes WHERE group_id = ?)', [weisi, weisi]))[0].n);
    expect(today).toBe(3);
    // Used up: neither kind goes into the group today.
    await push('officer1', await approved(BulletinKind.Rumour), [weisi]).expect(429);
    await push('officer1', await approved(BulletinKind.Warning), [weisi]).expect(429);
  });
});

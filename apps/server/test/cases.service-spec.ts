import { Anonymity, CaseAction, CaseKind, CaseStatus, ContactPreference, ErrorCode, EscalationLevel } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { CaseDeadlinesWorker } from '../src/cases/case-deadlines.worker';
import { WechatClient } from '@jws/wechat';
import { LessThanOrEqual } from 'typeorm';
import { claimBatch, Database } from '../src/common/db';
import { APP_CONFIG } from '../src/config/app-config';
import { OutboxEntity } from '../src/notifications/data/outbox.entity';
import { OutboxRepository } from '../src/notifications/data/outbox.repository';
import { Accounts } from '../src/identity';
import { OUTBOX_SEND_CONCURRENCY, OutboxWorker } from '../src/notifications/outbox.worker';
import { FieldCipher } from '../src/personal-data/field-cipher';
import { factories } from './factories';
import { bearer, startTestApp, TestApp } from './test-app';

const MINUTE = 60_000;

describe('cases: reporting and handling to closure (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, userId, report } = factories(() => t, tokens);
  const notificationsOf = async (username: string): Promise<{ title: string; case_id: number }[]> =>
    t.dataSource.query('SELECT title, case_id FROM notifications WHERE user_id = ? ORDER BY id', [await userId(username)]);

  const dispute = (overrides: Record<string, unknown> = {}) => ({
    kind: CaseKind.Dispute,
    subcategory: 'neighbour',
    title: '楼上装修噪音扰民',
    description: '楼上每天晚上十点后还在装修，多次沟通无果',
    otherParty: '楼上602住户',
    contactPreference: ContactPreference.Phone,
    anonymity: Anonymity.None,
    ...overrides,
  });


  const act = (username: string, id: number, action: CaseAction, extra: Record<string, unknown> = {}) =>
    t.http.post(`/api/cases/${id}/actions`).set(as(username)).send({ action, ...extra });

  /** A WeChat user who accepted `subscriptions` one-time case-update messages; answers the user id. */
  const subscribedWechatUser = async (openid: string, subscriptions: number): Promise<number> => {
    const wx = await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode(openid) }).expect(200);
    t.fake.state.grantSubscription(openid, 'demo-case-update-template', subscriptions);
    return wx.body.user.id as number;
  };

  /** A due subscribe message for `user`, written straight into the outbox. */
  const queueSubscribeMessage = (dedupeKey: string, user: number, thing1: string, now: Date) =>
    t.dataSource.query(
      "INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, next_attempt_at, created_at) VALUES ('wechat.subscribe', ?, ?, 'pending', 0, ?, ?)",
      [dedupeKey, JSON.stringify({ userId: user, templateId: 'demo-case-update-template', page: 'pages/index/index', data: { thing1 } }), now, now],
    );

  beforeAll(async () => {
    // This suite submits far more reports per minute than a person would.
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    for (const u of ['resident1', 'resident2', 'informant1', 'officer1', 'officer2', 'station_leader1', 'branch_leader1', 'city_leader1', 'admin1']) {
      tokens[u] = await t.login(u);
    }
  });
  afterAll(() => t.close());

  it('assigns a new report to the community officer at once, with deadlines and notifications on record', async () => {
    const before = Date.now();
    const res = await report('resident1', dispute()).expect(201);
    const c = res.body;
    expect(c).toMatchObject({ status: CaseStatus.Submitted, communityName: '胜利社区', officerName: '王建国', reporterLabel: '我' });
    expect(c.number).toMatch(/^\d{8}-\d{6}$/);
    expect(c.timeline.map((e: { type: string }) => e.type)).toEqual(['submitted']);

    const officerView = (await t.http.get(`/api/cases/${c.id}`).set(as('officer1')).expect(200)).body;
    const first = officerView.deadlines.find((d: { kind: string }) => d.kind === 'first_response');
    const minutes = (Date.parse(first.dueAt) - before) / MINUTE;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThan(31.5);
    expect(officerView.reporterLabel).toBe('张阿姨');
    // Masked on the page; 查看号码 reveals it (case-reporter-phone.service-spec.ts).
    expect(officerView.reporterPhone).toBe('138****0001');
    expect(officerView.otherParty).toBe('楼上602住户');
    expect(officerView.allowedActions).toEqual(expect.arrayContaining([CaseAction.Accept, CaseAction.Reject]));

    expect((await notificationsOf('officer1')).some((n) => n.case_id === c.id && n.title.includes('新矛盾纠纷'))).toBe(true);
    expect((await notificationsOf('resident1')).some((n) => n.case_id === c.id && n.title === '已收到您的上报')).toBe(true);
    const [outbox] = await t.dataSource.query("SELECT COUNT(*) AS n FROM outbox WHERE dedupe_key LIKE ?", [`case:${c.id}:%`]);
    expect(Number(outbox.n)).toBeGreaterThan(0);
    const [row] = await t.dataSource.query('SELECT other_party_enc FROM cases WHERE id = ?', [c.id]);
    expect(row.other_party_enc).not.toContain('602');
  });

  it('returns the same case for a retried submission, and refuses a reused key with a different body', async () => {
    const key = randomUUID();
    const first = await report('resident1', dispute({ title: '小区门口乱停车' }), key).expect(201);
    const again = await report('resident1', dispute({ title: '小区门口乱停车' }), key).expect(201);
    expect(again.body.id).toBe(first.body.id);
    const conflict = await report('resident1', dispute({ title: '别的事情' }), key).expect(409);
    expect(conflict.body.code).toBe(ErrorCode.IdempotencyKeyConflict);
    const missing = await t.http.post('/api/cases').set(as('resident1')).send(dispute()).expect(400);
    expect(missing.body.code).toBe(ErrorCode.IdempotencyKeyRequired);
    const [count] = await t.dataSource.query("SELECT COUNT(*) AS n FROM cases WHERE title = '小区门口乱停车'");
    expect(Number(count.n)).toBe(1);
  });

  it('creates exactly one case when the same draft is sent 20 times at once', async () => {
    const key = randomUUID();
    const body = dispute({ title: '并发提交测试' });
    const results = await Promise.all(Array.from({ length: 20 }, () => report('resident1', body, key)));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const [count] = await t.dataSource.query("SELECT COUNT(*) AS n FROM cases WHERE title = '并发提交测试'");
    expect(Number(count.n)).toBe(1);
  });

  it('asks a resident without a community to join one first, and checks the subcategory and hazard place', async () => {
    expect((await report('resident2', dispute()).expect(400)).body.code).toBe(ErrorCode.NoCommunity);
    expect((await report('resident1', dispute({ subcategory: 'nonsense' })).expect(400)).body.code).toBe(ErrorCode.SubcategoryInvalid);
    const hazard = { ...dispute(), kind: CaseKind.Hazard, subcategory: 'fire', otherParty: undefined };
    // The domain's reason is the message the app shows; a malformed field keeps the generic one.
    expect((await report('resident1', hazard).expect(400)).body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '安全隐患请填写具体位置' });
    const malformed = (await report('resident1', { ...hazard, title: 'x'.repeat(200) }).expect(400)).body;
    expect(malformed).toMatchObject({ code: ErrorCode.ValidationFailed, message: '提交的内容不符合要求' });
    expect(malformed.details.join()).toContain('title');
    await report('resident1', { ...hazard, addressText: '胜利社区5栋楼道' }).expect(201);
  });

  it('runs a case to closure: accept → start → resolve → resident confirms → rating', async () => {
    const id = (await report('resident1', dispute({ title: '走廊堆放杂物' })).expect(201)).body.id;
    await act('officer1', id, CaseAction.Accept).expect(200);
    await act('officer1', id, CaseAction.Start).expect(200);
    const resolved = (await act('officer1', id, CaseAction.Resolve, { note: '已协调物业清理' }).expect(200)).body;
    expect(resolved.status).toBe(CaseStatus.Resolved);
    expect(resolved.deadlines.every((d: { metAt: string | null }) => d.metAt)).toBe(true);

    const residentView = (await t.http.get(`/api/cases/${id}`).set(as('resident1')).expect(200)).body;
    expect(residentView.canConfirm).toBe(true);
    expect(residentView.allowedActions).toEqual(expect.arrayContaining([CaseAction.Confirm, CaseAction.Reopen]));
    const closed = (await act('resident1', id, CaseAction.Confirm).expect(200)).body;
    expect(closed.status).toBe(CaseStatus.Closed);
    const rated = (await t.http.post(`/api/cases/${id}/rating`).set(as('resident1')).send({ rating: 5, comment: '民警很负责' }).expect(200)).body;
    expect(rated.rating).toBe(5);
    expect((await t.http.post(`/api/cases/${id}/rating`).set(as('resident1')).send({ rating: 1 }).expect(409)).body.code).toBe(ErrorCode.AlreadyRated);
    expect(rated.timeline.map((e: { toStatus: string | null }) => e.toStatus).filter(Boolean)).toEqual([
      'submitted', 'accepted', 'in_progress', 'resolved', 'closed',
    ]);
  });

  it('refuses a change the state machine does not allow with a coded 409, and a rejection without a reason', async () => {
    const id = (await report('resident1', dispute({ title: '状态机测试' })).expect(201)).body.id;
    expect((await act('officer1', id, CaseAction.Resolve).expect(409)).body.code).toBe(ErrorCode.CaseTransitionNotAllowed);
    expect((await act('officer1', id, CaseAction.Reject).expect(400)).body.code).toBe(ErrorCode.ReasonRequired);
    expect((await act('resident1', id, CaseAction.Accept).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    await act('officer1', id, CaseAction.Reject, { note: '不属于公安管辖，请拨打12345' }).expect(200);
    expect((await act('officer1', id, CaseAction.Accept).expect(409)).body.code).toBe(ErrorCode.CaseTransitionNotAllowed);
  });

  it('lets only one of two simultaneous acceptances win', async () => {
    const id = (await report('resident1', dispute({ title: '并发受理' })).expect(201)).body.id;
    const results = await Promise.all([act('officer1', id, CaseAction.Accept), act('station_leader1', id, CaseAction.Accept)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const [events] = await t.dataSource.query("SELECT COUNT(*) AS n FROM case_events WHERE case_id = ? AND to_status = 'accepted'", [id]);
    expect(Number(events.n)).toBe(1);
  });

  it('shows residents public events only, while officers also see internal notes', async () => {
    const id = (await report('resident1', dispute({ title: '内部备注测试' })).expect(201)).body.id;
    await t.http.post(`/api/cases/${id}/notes`).set(as('officer1')).send({ note: '当事人有前科，注意方式', internal: true }).expect(200);
    await t.http.post(`/api/cases/${id}/notes`).set(as('officer1')).send({ note: '已联系物业，明天上门', internal: false }).expect(200);
    const resident = (await t.http.get(`/api/cases/${id}`).set(as('resident1')).expect(200)).body;
    const notes = resident.timeline.map((e: { note: string | null }) => e.note);
    expect(notes).toContain('已联系物业，明天上门');
    expect(notes).not.toContain('当事人有前科，注意方式');
    expect(resident.deadlines).toEqual([]);
    const officer = (await t.http.get(`/api/cases/${id}`).set(as('officer1')).expect(200)).body;
    expect(officer.timeline.map((e: { note: string | null }) => e.note)).toContain('当事人有前科，注意方式');
    // A resident cannot write notes.
    await t.http.post(`/api/cases/${id}/notes`).set(as('resident1')).send({ note: 'x', internal: false }).expect(403);
    // But can add information, which reaches the officer.
    await t.http.post(`/api/cases/${id}/info`).set(as('resident1')).send({ note: '今晚又在施工' }).expect(200);
    expect((await notificationsOf('officer1')).some((n) => n.case_id === id && n.title === '上报人补充了信息')).toBe(true);
  });

  it('alerts the station leader at once of a report from a community without a 责任民警', async () => {
    const [{ officer_id: officerId }] = await t.dataSource.query("SELECT officer_id FROM org_units WHERE name = '胜利社区'");
    await t.dataSource.query("UPDATE org_units SET officer_id = NULL WHERE name = '胜利社区'");
    try {
      const res = await report('resident1', dispute({ title: '楼道灯坏了没人管' })).expect(201);
      expect(res.body.officerName).toBeNull();
      const alerts = (await notificationsOf('station_leader1')).filter((n) => n.case_id === res.body.id);
      expect(alerts.map((n) => n.title)).toEqual(['新矛盾纠纷（社区暂无责任民警，请安排）']);
      expect((await notificationsOf('station_leader2')).some((n) => n.case_id === res.body.id)).toBe(false);
      // The leader has it in the queue and may act on it.
      const queue = (await t.http.get('/api/cases').set(as('station_leader1')).expect(200)).body.items;
      expect(queue.some((c: { id: number }) => c.id === res.body.id)).toBe(true);
      const view = (await t.http.get(`/api/cases/${res.body.id}`).set(as('station_leader1')).expect(200)).body;
      expect(view.allowedActions).toContain(CaseAction.Accept);
    } finally {
      await t.dataSource.query("UPDATE org_units SET officer_id = ? WHERE name = '胜利社区'", [officerId]);
    }
  });

  it("alerts the community's own station leader at once of an anomaly, not another station's, and not of a dispute", async () => {
    const anomaly = (await report('resident1', { ...dispute({ title: '可疑车辆长期停放' }), kind: CaseKind.Anomaly, subcategory: 'vehicle', otherParty: undefined }).expect(201)).body.id;
    const plain = (await report('resident1', dispute({ title: '邻居占用车位' })).expect(201)).body.id;
    const alerts = (await notificationsOf('station_leader1')).filter((n) => n.case_id === anomaly);
    expect(alerts.map((n) => n.title)).toEqual(['新可疑情况（请关注）']);
    expect((await notificationsOf('station_leader1')).some((n) => n.case_id === plain)).toBe(false);
    expect((await notificationsOf('station_leader2')).some((n) => n.case_id === anomaly)).toBe(false);
    expect((await notificationsOf('officer1')).some((n) => n.case_id === anomaly)).toBe(true);
  });

  it('keeps cases inside jurisdiction: another officer or resident gets 404, the station leader sees it in the queue', async () => {
    const id = (await report('resident1', dispute({ title: '辖区测试' })).expect(201)).body.id;
    await t.http.get(`/api/cases/${id}`).set(as('officer2')).expect(404);
    await t.http.get(`/api/cases/${id}`).set(as('resident2')).expect(404);
    await act('officer2', id, CaseAction.Accept).expect(404);
    const queue = (await t.http.get('/api/cases?pageSize=100').set(as('station_leader1')).expect(200)).body;
    expect(queue.items.map((c: { id: number }) => c.id)).toContain(id);
    const other = (await t.http.get('/api/cases?pageSize=100').set(as('officer2')).expect(200)).body;
    expect(other.items.map((c: { id: number }) => c.id)).not.toContain(id);
    await t.http.get('/api/cases').set(as('resident1')).expect(403);
    const mine = (await t.http.get('/api/cases/mine?pageSize=100').set(as('resident1')).expect(200)).body;
    expect(mine.items.map((c: { id: number }) => c.id)).toContain(id);
  });

  it("refuses admin1 every case read (the case, its photo, 转办 steps, 协助 plan) with a 404 on record: admins' work is not cases", async () => {
    const jpeg = await sharp({ create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 90, b: 60 } } }).jpeg().toBuffer();
    const photoId = (await t.http.post('/api/uploads').set(as('resident1')).attach('file', jpeg, { filename: 'p.jpg', contentType: 'image/jpeg' }).expect(201)).body.id;
    const id = (await report('resident1', dispute({ title: '管理员不应读到的上报', photoIds: [photoId] })).expect(201)).body.id;
    const reads = [`/api/cases/${id}`, `/api/cases/${id}/photos/${photoId}`, `/api/cases/${id}/referral-steps`, `/api/cases/${id}/assist`];
    // The station leader, whose jurisdiction covers the case and whose role may read cases, reads them all.
    for (const path of reads) await t.http.get(path).set(as('station_leader1')).expect(200);
    const denied = async (): Promise<number> =>
      Number((await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = 'case' AND target_id = ? AND actor_id = ?",
        [String(id), await userId('admin1')],
      ))[0].n);
    const before = await denied();
    for (const path of reads) {
      const res = await t.http.get(path).set(as('admin1')).expect(404);
      expect(res.body.code).toBe(ErrorCode.NotFound);
    }
    expect(await denied()).toBe(before + reads.length);
  });

  it('hides an anonymous reporter from everyone but the handling officer', async () => {
    const id = (await report('resident1', dispute({ title: '匿名测试', anonymity: Anonymity.Others })).expect(201)).body.id;
    const leader = (await t.http.get(`/api/cases/${id}`).set(as('station_leader1')).expect(200)).body;
    expect(leader.reporterLabel).toBe('匿名群众');
    expect(leader.reporterPhone).toBeNull();
    const officer = (await t.http.get(`/api/cases/${id}`).set(as('officer1')).expect(200)).body;
    expect(officer.reporterLabel).toBe('张阿姨');
  });

  it('seals an informant’s identity; only a station leader unseals it, with a reason, on record for city leaders', async () => {
    const lead = { kind: CaseKind.CrimeLead, subcategory: 'gambling', title: '出租屋疑似聚众赌博', description: '3栋601每晚很多人进出', contactPreference: ContactPreference.InApp, anonymity: Anonymity.Sealed };
    expect((await report('resident1', lead).expect(400)).body.code).toBe(ErrorCode.SealNotAllowed);
    const id = (await report('informant1', lead).expect(201)).body.id;
    const [row] = await t.dataSource.query('SELECT reporter_id FROM cases WHERE id = ?', [id]);
    expect(row.reporter_id).toBeNull();

    const officer = (await t.http.get(`/api/cases/${id}`).set(as('officer1')).expect(200)).body;
    expect(officer.reporterLabel).toBe('匿名信息员');
    expect(officer.reporterPhone).toBeNull();
    expect(JSON.stringify(officer)).not.toContain('老马');
    expect(officer.canUnseal).toBe(false);
    await t.http.post(`/api/cases/${id}/unseal`).set(as('officer1')).send({ reason: '想知道' }).expect(403);
    // Leads alert the station leader at once.
    expect((await notificationsOf('station_leader1')).some((n) => n.case_id === id)).toBe(true);

    const unsealed = (await t.http.post(`/api/cases/${id}/unseal`).set(as('station_leader1')).send({ reason: '线索核查需当面了解情况' }).expect(200)).body;
    expect(unsealed).toMatchObject({ reporterName: '老马', reporterPhone: '13800000003' });
    const log = (await t.http.get('/api/cases/unseal-log').set(as('city_leader1')).expect(200)).body;
    expect(log.items[0]).toMatchObject({ caseId: id, reason: '线索核查需当面了解情况' });
    // A log that only grows is read a page at a time, newest first, with its total.
    const [{ n: unseals }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM case_unseals');
    expect(log.total).toBe(Number(unseals));
    const onePage = (await t.http.get('/api/cases/unseal-log?page=1&pageSize=1').set(as('city_leader1')).expect(200)).body;
    expect(onePage).toMatchObject({ total: log.total, page: 1, pageSize: 1, items: [log.items[0]] });
    const [audit] = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'informant.unsealed' AND target_id = ?", [String(id)]);
    expect(Number(audit.n)).toBe(1);
    // The informant still follows the report as their own.
    const mine = (await t.http.get('/api/cases/mine').set(as('informant1')).expect(200)).body;
    expect(mine.items.map((c: { id: number }) => c.id)).toContain(id);
  });

  it('escalates an overdue first response once per step: officer, then 督办, then 催办 — even with two workers', async () => {
    const id = (await report('resident1', dispute({ title: '逾期测试' })).expect(201)).body.id;
    const created = Date.now();
    const worker = t.app.get(CaseDeadlinesWorker);
    const second = Object.assign(Object.create(Object.getPrototypeOf(worker)), worker, { owner: 'second-instance' }) as CaseDeadlinesWorker;
    const titles = async (username: string) => (await notificationsOf(username)).filter((n) => n.case_id === id && /超时|督办|催办/.test(n.title)).map((n) => n.title);

    // The officer is addressed: their first response is overdue, they should act.
    await Promise.all([worker.tick(new Date(created + 31 * MINUTE)), second.tick(new Date(created + 31 * MINUTE))]);
    expect(await titles('officer1')).toEqual(['首次响应已超时：请尽快处理']);
    expect(await titles('station_leader1')).toEqual([]);
    let view = (await t.http.get(`/api/cases/${id}`).set(as('officer1')).expect(200)).body;
    expect(view.escalation).toBe(EscalationLevel.OfficerReminded);

    // 派出所督办: the station's leaders, and the officer is told the station now chases it.
    await Promise.all([worker.tick(new Date(created + 62 * MINUTE)), second.tick(new Date(created + 62 * MINUTE))]);
    expect(await titles('station_leader1')).toEqual(['派出所督办：首次响应已超时']);
    expect(await titles('officer1')).toEqual(['首次响应已超时：请尽快处理', '派出所已督办：逾期测试']);
    // 分局催办: the branch's leaders, and the officer again.
    await worker.tick(new Date(created + 93 * MINUTE));
    expect(await titles('branch_leader1')).toEqual(['分局催办：首次响应已超时']);
    expect(await titles('officer1')).toEqual(['首次响应已超时：请尽快处理', '派出所已督办：逾期测试', '分局已催办：逾期测试']);
    await worker.tick(new Date(created + 200 * MINUTE));
    expect(await titles('branch_leader1')).toHaveLength(1);
    expect(await titles('officer1')).toHaveLength(3);
    view = (await t.http.get(`/api/cases/${id}`).set(as('officer1')).expect(200)).body;
    expect(view.escalation).toBe(EscalationLevel.BranchUrging);
    expect(view.timeline.filter((e: { type: string }) => e.type === 'escalated').map((e: { note: string }) => e.note)).toEqual(
      expect.arrayContaining(['首次响应已超时：已提醒民警', '首次响应已超时：派出所督办', '首次响应已超时：分局催办']),
    );
    expect(view.timeline.filter((e: { type: string }) => e.type === 'escalated')).toHaveLength(3);
    // Residents do not see internal escalations.
    const resident = (await t.http.get(`/api/cases/${id}`).set(as('resident1')).expect(200)).body;
    expect(resident.timeline.some((e: { type: string }) => e.type === 'escalated')).toBe(false);
  });

  it('puts overdue cases first in the queue with a visible flag, and filters by overdue', async () => {
    const late = (await report('resident1', dispute({ title: '早已逾期的案件' })).expect(201)).body.id;
    await t.dataSource.query('UPDATE cases SET next_due_at = ? WHERE id = ?', [new Date(Date.now() - 3600_000), late]);
    const queue = (await t.http.get('/api/cases?pageSize=5').set(as('officer1')).expect(200)).body;
    expect(queue.items[0]).toMatchObject({ id: late, overdue: true });
    const overdueOnly = (await t.http.get('/api/cases?overdue=true&pageSize=100').set(as('officer1')).expect(200)).body;
    expect(overdueOnly.items.every((c: { overdue: boolean }) => c.overdue)).toBe(true);
    expect(overdueOnly.items.map((c: { id: number }) => c.id)).toContain(late);
  });

  it('finds a case in the queue by its 案件编号 or words of its title, open or closed, inside the jurisdiction only', async () => {
    const open = (await report('resident1', dispute({ title: '电动车楼道充电隐患查找测试' })).expect(201)).body;
    const closed = (await report('resident1', dispute({ title: '已办结的查找测试' })).expect(201)).body;
    await act('officer1', closed.id, CaseAction.Reject, { note: '不属于公安管辖' }).expect(200);
    const queue = (q: Record<string, string>, who = 'officer1') =>
      t.http.get('/api/cases').query(q).set(as(who)).expect(200).then((r) => r.body as { items: { id: number }[]; total: number });

    expect((await queue({ q: open.number })).items.map((c) => c.id)).toEqual([open.id]);
    expect((await queue({ q: '楼道充电隐患' })).items.map((c) => c.id)).toEqual([open.id]);
    // Open only by default; 'all' finds the closed one too.
    expect((await queue({ q: '查找测试' })).items.map((c) => c.id)).toEqual([open.id]);
    expect((await queue({ q: '查找测试', status: 'all' })).items.map((c) => c.id).sort()).toEqual([open.id, closed.id].sort());
    expect((await queue({ q: closed.number, status: 'all' })).items.map((c) => c.id)).toEqual([closed.id]);
    // LIKE's own characters are literal; another officer finds neither by number nor by title.
    expect((await queue({ q: '%' })).total).toBe(0);
    expect((await queue({ q: open.number, status: 'all' }, 'officer2')).total).toBe(0);
    expect((await queue({ q: '查找测试', status: 'all' }, 'officer2')).total).toBe(0);
    // The station leader finds it in the station's queue.
    expect((await queue({ q: open.number }, 'station_leader1')).items.map((c) => c.id)).toEqual([open.id]);
    const bad = await t.http.get('/api/cases').query({ status: 'everything' }).set(as('officer1')).expect(400);
    expect(bad.body.code).toBe(ErrorCode.ValidationFailed);
  });

  it("pages an officer's whole open queue in order: overdue, nearest deadline, newest on ties, deadline-less last; terminal cases out", async () => {
    const tieDue = new Date(Date.now() + 7200_000);
    const [a, b] = [
      (await report('resident1', dispute({ title: '同一时限甲' })).expect(201)).body.id,
      (await report('resident1', dispute({ title: '同一时限乙' })).expect(201)).body.id,
    ];
    await t.dataSource.query('UPDATE cases SET next_due_at = ? WHERE id IN (?, ?)', [tieDue, a, b]);
    const resolved = (await report('resident1', dispute({ title: '已解决待确认' })).expect(201)).body.id;
    await act('officer1', resolved, CaseAction.Accept).expect(200);
    await act('officer1', resolved, CaseAction.Resolve, { note: '已处理' }).expect(200);
    const rejected = (await report('resident1', dispute({ title: '将被驳回' })).expect(201)).body.id;
    await act('officer1', rejected, CaseAction.Reject, { note: '不属于公安管辖' }).expect(200);

    // The expected queue, worked out here from status and deadline alone.
    const rows: { id: number; status: CaseStatus; next_due_at: Date | null }[] = await t.dataSource.query(
      'SELECT id, status, next_due_at FROM cases WHERE officer_id = ?',
      [await userId('officer1')],
    );
    const terminal = [CaseStatus.Closed, CaseStatus.Rejected, CaseStatus.Duplicate];
    const due = (r: { next_due_at: Date | null }) => (r.next_due_at ? new Date(r.next_due_at).getTime() : Infinity);
    const expected = rows
      .filter((r) => !terminal.includes(r.status))
      .sort((x, y) => due(x) - due(y) || y.id - x.id)
      .map((r) => r.id);
    expect(expected.indexOf(b)).toBe(expected.indexOf(a) - 1);
    // The resolved case has no deadline left: after every case that has one.
    expect(rows.find((r) => r.id === resolved)?.next_due_at).toBeNull();
    expect(expected.indexOf(resolved)).toBeGreaterThan(expected.indexOf(a));

    const seen: number[] = [];
    for (let page = 1; ; page++) {
      const body = (await t.http.get(`/api/cases?pageSize=4&page=${page}`).set(as('officer1')).expect(200)).body;
      expect(body.total).toBe(expected.length);
      if (!body.items.length) break;
      seen.push(...body.items.map((c: { id: number }) => c.id));
    }
    expect(seen).toEqual(expected);
    expect(seen).not.toContain(rejected);
    // A status filter shows the terminal ones again.
    const rejectedOnly = (await t.http.get('/api/cases?status=rejected&pageSize=100').set(as('officer1')).expect(200)).body;
    expect(rejectedOnly.items.map((c: { id: number }) => c.id)).toContain(rejected);
  });

  it('counts a resolution nobody confirmed for 3 days as confirmed, on record', async () => {
    const id = (await report('resident1', dispute({ title: '自动确认测试' })).expect(201)).body.id;
    await act('officer1', id, CaseAction.Accept).expect(200);
    await act('officer1', id, CaseAction.Resolve, { note: '已处理' }).expect(200);
    const worker = t.app.get(CaseDeadlinesWorker);
    await worker.tick(new Date(Date.now() + 2 * 86_400_000));
    expect((await t.http.get(`/api/cases/${id}`).set(as('resident1'))).body.status).toBe(CaseStatus.Resolved);
    await worker.tick(new Date(Date.now() + 3 * 86_400_000 + MINUTE));
    const view = (await t.http.get(`/api/cases/${id}`).set(as('resident1'))).body;
    expect(view.status).toBe(CaseStatus.Closed);
    expect(view.timeline.at(-1)).toMatchObject({ actorLabel: '系统', toStatus: 'closed' });
  });

  it('lets the resident reopen within 7 days, with a reason, and not after', async () => {
    const id = (await report('resident1', dispute({ title: '重开测试' })).expect(201)).body.id;
    await act('officer1', id, CaseAction.Accept).expect(200);
    await act('officer1', id, CaseAction.Resolve, { note: '已处理' }).expect(200);
    expect((await act('resident1', id, CaseAction.Reopen).expect(400)).body.code).toBe(ErrorCode.ReasonRequired);
    const reopened = (await act('resident1', id, CaseAction.Reopen, { note: '问题依旧' }).expect(200)).body;
    expect(reopened.status).toBe(CaseStatus.Reopened);
    expect((await notificationsOf('officer1')).some((n) => n.case_id === id && n.title.includes('重新打开'))).toBe(true);

    await act('officer1', id, CaseAction.Accept).expect(200);
    await act('officer1', id, CaseAction.Resolve, { note: '再次处理' }).expect(200);
    await t.dataSource.query('UPDATE cases SET resolved_at = ? WHERE id = ?', [new Date(Date.now() - 8 * 86_400_000), id]);
    expect((await act('resident1', id, CaseAction.Reopen, { note: '又坏了' }).expect(409)).body.code).toBe(ErrorCode.ReopenWindowPassed);
  });

  it('marks a duplicate and tells the reporters of both', async () => {
    const original = (await report('resident1', dispute({ title: '路灯坏了' })).expect(201)).body.id;
    const dup = (await report('informant1', dispute({ title: '3栋旁路灯不亮' })).expect(201)).body.id;
    await act('officer1', dup, CaseAction.MarkDuplicate, { duplicateOfId: original, note: '与先前上报为同一事项' }).expect(200);
    expect((await t.http.get(`/api/cases/${dup}`).set(as('informant1'))).body).toMatchObject({ status: CaseStatus.Duplicate, duplicateOfId: original });
    expect((await notificationsOf('resident1')).some((n) => n.case_id === original && n.title.includes('同一件事'))).toBe(true);
    expect((await notificationsOf('informant1')).some((n) => n.case_id === dup && n.title.includes('重复上报'))).toBe(true);
  });

  it('transfers a case to another community: the new officer owns it and must accept it', async () => {
    const id = (await report('resident1', dispute({ title: '转交测试' })).expect(201)).body.id;
    const [yanan] = await t.dataSource.query("SELECT id FROM org_units WHERE name = '延安社区'");
    const queueOf = async (username: string) =>
      ((await t.http.get('/api/cases?pageSize=100').set(as(username)).expect(200)).body.items as { id: number }[]).map((c) => c.id);
    expect(await queueOf('station_leader1')).toContain(id);
    await act('officer1', id, CaseAction.Transfer, { transferToCommunityId: yanan.id, note: '事发地在延安社区' }).expect(200);
    await t.http.get(`/api/cases/${id}`).set(as('officer1')).expect(404);
    // 延安社区 is another station's (涂山路派出所): the case leaves 天桥所's queue and stays in the
    // branch's, both stations being 蚌山分局's.
    expect(await queueOf('station_leader1')).not.toContain(id);
    expect(await queueOf('branch_leader1')).toContain(id);
    const view = (await t.http.get(`/api/cases/${id}`).set(as('officer2')).expect(200)).body;
    expect(view).toMatchObject({ status: CaseStatus.Transferred, officerName: '李卫东', communityName: '延安社区' });
    expect(view.allowedActions).toContain(CaseAction.Accept);
    expect((await notificationsOf('officer2')).some((n) => n.case_id === id && n.title.includes('转交'))).toBe(true);
    // The resident still follows it.
    expect((await t.http.get(`/api/cases/${id}`).set(as('resident1')).expect(200)).body.status).toBe(CaseStatus.Transferred);
  });

  it('alerts station and branch leaders at once when an officer flags a serious present risk', async () => {
    const id = (await report('resident1', dispute({ title: '邻里纠纷激化' })).expect(201)).body.id;
    const flagged = (await t.http.post(`/api/cases/${id}/serious-risk`).set(as('officer1')).send({ note: '一方扬言报复' }).expect(200)).body;
    expect(flagged.seriousRisk).toBe(true);
    expect((await notificationsOf('station_leader1')).some((n) => n.case_id === id && n.title.includes('严重现实危险'))).toBe(true);
    expect((await notificationsOf('branch_leader1')).some((n) => n.case_id === id && n.title.includes('严重现实危险'))).toBe(true);
    expect((await t.http.get(`/api/cases/${id}`).set(as('resident1'))).body.seriousRisk).toBe(false);
  });

  it('holds risky text for officer review instead of dropping it', async () => {
    const wx = await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode('openid-risky-reporter') }).expect(200);
    const token = wx.body.accessToken as string;
    await t.http.post('/api/communities/join-by-code').set(bearer(token)).send({ code: 'SHENGLI2026' }).expect(200);
    t.fake.state.riskyWords.push('赌博网站');
    const res = await t.http.post('/api/cases').set(bearer(token)).set('Idempotency-Key', randomUUID())
      .send({ ...dispute({ title: '有人在群里发赌博网站链接' }), kind: CaseKind.CrimeLead, subcategory: 'gambling', otherParty: undefined }).expect(201);
    expect(res.body.heldForReview).toBe(true);
    const officer = (await t.http.get(`/api/cases/${res.body.id}`).set(as('officer1')).expect(200)).body;
    expect(officer.timeline.some((e: { type: string }) => e.type === 'held_for_review')).toBe(true);
    const cleared = (await t.http.post(`/api/cases/${res.body.id}/review-cleared`).set(as('officer1')).expect(200)).body;
    expect(cleared.heldForReview).toBe(false);
  });

  it('delivers the WeChat subscribe message through the outbox, retrying a busy WeChat, never twice', async () => {
    const wx = await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode('openid-notified') }).expect(200);
    const token = wx.body.accessToken as string;
    await t.http.post('/api/communities/join-by-code').set(bearer(token)).send({ code: 'SHENGLI2026' }).expect(200);
    t.fake.state.grantSubscription('openid-notified', 'demo-case-update-template', 1);
    await t.dataSource.query("UPDATE outbox SET status = 'skipped' WHERE status = 'pending'");
    const id = (await t.http.post('/api/cases').set(bearer(token)).set('Idempotency-Key', randomUUID()).send(dispute({ title: '订阅消息测试' })).expect(201)).body.id;

    const outbox = t.app.get(OutboxWorker);
    t.fake.state.failNext('/cgi-bin/message/subscribe/send', 45011);
    await outbox.tick(new Date());
    const [pending] = await t.dataSource.query('SELECT status, attempts FROM outbox WHERE dedupe_key = ?', [`case:${id}:submitted:u${await t.dataSource.query("SELECT id FROM users WHERE openid = 'openid-notified'").then((r: { id: number }[]) => r[0].id)}`]);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1 });
    await outbox.tick(new Date(Date.now() + 10_000));
    const sent = t.fake.state.sentMessages.filter((m) => m.touser === 'openid-notified');
    expect(sent).toHaveLength(1);
    expect(sent[0].data.thing1).toBe('订阅消息测试');

    // A second change: the one-time subscription is used up → closed as skipped, not retried forever.
    await act('officer1', id, CaseAction.Accept).expect(200);
    await outbox.tick(new Date(Date.now() + 20_000));
    expect(t.fake.state.sentMessages.filter((m) => m.touser === 'openid-notified')).toHaveLength(1);
    const [skipped] = await t.dataSource.query("SELECT COUNT(*) AS n FROM outbox WHERE status = 'skipped' AND dedupe_key LIKE ?", [`case:${id}:v%`]);
    expect(Number(skipped.n)).toBe(1);
    // The in-app list has everything regardless.
    const list = (await t.http.get('/api/notifications').set(bearer(token)).expect(200)).body;
    expect(list.items.filter((n: { caseId: number }) => n.caseId === id).length).toBeGreaterThanOrEqual(2);
  });

  it('works off a burst of subscribe messages in one tick, not twenty per interval', async () => {
    const user = await subscribedWechatUser('openid-burst', 45);
    await t.dataSource.query("UPDATE outbox SET status = 'skipped' WHERE status = 'pending'");
    const now = new Date();
    for (let i = 0; i < 45; i++) await queueSubscribeMessage(`burst:${i}`, user, `第${i}条`, now);
    expect(await t.app.get(OutboxWorker).tick(new Date(now.getTime() + 1000))).toBe(45);
    expect(t.fake.state.sentMessages.filter((m) => m.touser === 'openid-burst')).toHaveLength(45);
    const [left] = await t.dataSource.query("SELECT COUNT(*) AS n FROM outbox WHERE dedupe_key LIKE 'burst:%' AND status <> 'sent'");
    expect(Number(left.n)).toBe(0);
  });

  it('makes an unreadable message a dead letter without holding up the rest of its batch', async () => {
    const user = await subscribedWechatUser('openid-poison', 2);
    await t.dataSource.query("UPDATE outbox SET status = 'skipped' WHERE status = 'pending'");
    const now = new Date();
    await queueSubscribeMessage('poison:before', user, '之前', now);
    await t.dataSource.query(
      "INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, next_attempt_at, created_at) VALUES ('wechat.subscribe', 'poison:bad', 'not json', 'pending', 0, ?, ?)",
      [now, now],
    );
    await queueSubscribeMessage('poison:after', user, '之后', now);
    expect(await t.app.get(OutboxWorker).tick(new Date(now.getTime() + 1000))).toBe(3);
    expect(t.fake.state.sentMessages.filter((m) => m.touser === 'openid-poison').map((m) => m.data.thing1)).toEqual(['之前', '之后']);
    const rows = await t.dataSource.query("SELECT dedupe_key AS k, status FROM outbox WHERE dedupe_key LIKE 'poison:%' ORDER BY id");
    expect(rows).toEqual([{ k: 'poison:before', status: 'sent' }, { k: 'poison:bad', status: 'dead' }, { k: 'poison:after', status: 'sent' }]);
  });

  it('shows admins whom a refused message was for, which notice and case, and how 重新发送 went', async () => {
    const user = await subscribedWechatUser('openid-refused', 2);
    await t.dataSource.query("UPDATE users SET nickname = '李小红' WHERE id = ?", [user]);
    const token = (await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode('openid-refused') }).expect(200)).body.accessToken as string;
    await t.http.post('/api/communities/join-by-code').set(bearer(token)).send({ code: 'SHENGLI2026' }).expect(200);
    await t.dataSource.query("UPDATE outbox SET status = 'skipped' WHERE status = 'pending'");
    const c = (await t.http.post('/api/cases').set(bearer(token)).set('Idempotency-Key', randomUUID()).send(dispute({ title: '被微信拒收的通知' })).expect(201)).body;
    // WeChat refuses the request itself (47003): a dead letter after one try, not retried.
    t.fake.state.failNext('/cgi-bin/message/subscribe/send', 47003, 'argument invalid! data.thing1.value invalid');
    await t.app.get(OutboxWorker).tick(new Date());
    // A notice to a sealed case's informant that failed too: its payload is encrypted.
    const now = new Date();
    await t.dataSource.query(
      "INSERT INTO outbox (topic, dedupe_key, payload, status, attempts, next_attempt_at, last_error, created_at) VALUES ('wechat.subscribe', ?, ?, 'dead', 8, ?, 'errcode 40003: invalid openid', ?)",
      [`sealed-dead:${randomUUID()}`, FieldCipher.encrypt(JSON.stringify({ userId: user, templateId: 'demo-case-update-template', page: `pages/case/index?id=${c.id}`, data: { thing1: '保密' }, title: '您的上报已受理', caseId: c.id })), now, now],
    );

    const admin = await t.login('admin1');
    const res = await t.http.get('/api/admin/outbox/dead').set(bearer(admin)).expect(200);
    const letters = res.body as Record<string, unknown>[];
    const refused = letters.find((l) => l.caseNumber === c.number);
    expect(refused).toMatchObject({
      recipientName: '李**', noticeTitle: '已收到您的上报', caseId: c.id, communityName: null, refused: true, confidential: false, attempts: 1,
    });
    expect(String(refused?.lastError)).toContain('47003');
    const sealed = letters.find((l) => l.confidential);
    expect(sealed).toMatchObject({ recipientName: null, noticeTitle: null, caseNumber: null, caseId: null, refused: true });
    expect(res.text).not.toContain('openid-refused');
    expect(res.text).not.toContain('李小红');
    // The list is the admins' only: an officer is refused.
    await t.http.get('/api/admin/outbox/dead').set(as('officer1')).expect(403);

    // 重新发送 while WeChat still refuses: the admin is told, and it stays a dead letter.
    t.fake.state.failNext('/cgi-bin/message/subscribe/send', 47003, 'argument invalid! data.thing1.value invalid');
    const again = (await t.http.post(`/api/admin/outbox/${refused?.id}/retry`).set(bearer(admin)).expect(200)).body;
    expect(again).toMatchObject({ count: 1, status: 'dead' });
    expect(again.lastError).toContain('47003');
    // Once the cause is fixed: sent now, and gone from the list.
    const sent = (await t.http.post(`/api/admin/outbox/${refused?.id}/retry`).set(bearer(admin)).expect(200)).body;
    expect(sent).toEqual({ count: 1, status: 'sent', lastError: null });
    expect(t.fake.state.sentMessages.filter((m) => m.touser === 'openid-refused')).toHaveLength(1);
    const after = (await t.http.get('/api/admin/outbox/dead').set(bearer(admin)).expect(200)).body as { id: number }[];
    expect(after.map((l) => l.id)).not.toContain(refused?.id);
    expect((await t.http.post(`/api/admin/outbox/${refused?.id}/retry`).set(bearer(admin)).expect(200)).body).toMatchObject({ count: 0, status: null });
  });

  it('two deliverers working the same burst at once send every message exactly once', async () => {
    const user = await subscribedWechatUser('openid-two-workers', 60);
    await t.dataSource.query("UPDATE outbox SET status = 'skipped' WHERE status = 'pending'");
    const now = new Date();
    for (let i = 0; i < 60; i++) await queueSubscribeMessage(`two:${i}`, user, `第${i}条`, now);
    // A claim holds its rows: a second claim at the same moment takes the next ones, never the same.
    const due = { where: { status: 'pending' as const, nextAttemptAt: LessThanOrEqual(now) }, sql: 'status = :pending', params: { pending: 'pending' }, order: { id: 'ASC' as const }, batch: 20 };
    const repo = t.dataSource.getRepository(OutboxEntity);
    const first = await claimBatch(repo, due, { until: new Date(now.getTime() + 60_000), token: 'claim-a' }, now);
    const second = await claimBatch(repo, due, { until: new Date(now.getTime() + 60_000), token: 'claim-b' }, now);
    expect(first).toHaveLength(20);
    expect(second).toHaveLength(20);
    expect(second.filter((r) => first.some((f) => f.id === r.id))).toEqual([]);
    await t.dataSource.query("UPDATE outbox SET lease_until = NULL, lease_owner = NULL WHERE dedupe_key LIKE 'two:%'");

    // A second service instance: its own deliverer on the same database and WeChat account.
    const other = new OutboxWorker(new OutboxRepository(t.app.get(Database)), t.app.get(Accounts), t.app.get(WechatClient), t.app.get(APP_CONFIG));
    const at = new Date(now.getTime() + 1000);
    const [a, b] = await Promise.all([t.app.get(OutboxWorker).tick(at), other.tick(at)]);
    expect(a + b).toBe(60);
    const sent = t.fake.state.sentMessages.filter((m) => m.touser === 'openid-two-workers').map((m) => m.data.thing1);
    expect(sent).toHaveLength(60);
    expect(new Set(sent).size).toBe(60);
    const [left] = await t.dataSource.query("SELECT COUNT(*) AS n FROM outbox WHERE dedupe_key LIKE 'two:%' AND (status <> 'sent' OR lease_until IS NOT NULL)");
    expect(Number(left.n)).toBe(0);
  });

  it('serves several recipients at once while WeChat is slow, each person’s messages in order', async () => {
    await t.dataSource.query("UPDATE outbox SET status = 'skipped' WHERE status = 'pending'");
    const now = new Date();
    const people: { id: number; openid: string }[] = [];
    // More people than the worker serves at once, so the cap shows.
    for (let p = 0; p < OUTBOX_SEND_CONCURRENCY + 3; p++) {
      const openid = `openid-lane-${p}`;
      people.push({ id: await subscribedWechatUser(openid, 3), openid });
    }
    // Written round-robin (person 0's first, person 1's first, …), three each.
    for (let i = 0; i < 3; i++) {
      for (const [p, person] of people.entries()) await queueSubscribeMessage(`lane:${p}:${i}`, person.id, `第${i}条`, now);
    }
    t.fake.state.latencyMs = 30;
    t.fake.state.peakInFlight = 0;
    try {
      expect(await t.app.get(OutboxWorker).tick(new Date(now.getTime() + 1000))).toBe(3 * people.length);
    } finally {
      t.fake.state.latencyMs = 0;
    }
    expect(t.fake.state.peakInFlight).toBeGreaterThan(1);
    expect(t.fake.state.peakInFlight).toBeLessThanOrEqual(OUTBOX_SEND_CONCURRENCY);
    for (const person of people) {
      expect(t.fake.state.sentMessages.filter((m) => m.touser === person.openid).map((m) => m.data.thing1)).toEqual(['第0条', '第1条', '第2条']);
    }
  });

  it('does not notify twice when the process dies between sending and marking', async () => {
    const wx = await t.http.post('/api/auth/wechat').send({ code: t.fake.state.issueCode('openid-crash') }).expect(200);
    const token = wx.body.accessToken as string;
    await t.http.post('/api/communities/join-by-code').set(bearer(token)).send({ code: 'SHENGLI2026' }).expect(200);
    t.fake.state.grantSubscription('openid-crash', 'demo-case-update-template', 1);
    await t.dataSource.query("UPDATE outbox SET status = 'skipped' WHERE status = 'pending'");
    await t.http.post('/api/cases').set(bearer(token)).set('Idempotency-Key', randomUUID()).send(dispute({ title: '崩溃测试' })).expect(201);

    const outbox = t.app.get(OutboxWorker);
    // The send succeeds, then the process "dies" before the row is marked sent.
    const finish = (outbox as unknown as { finish: (...args: unknown[]) => Promise<void> }).finish;
    (outbox as unknown as { finish: () => Promise<void> }).finish = async () => {
      throw new Error('process died');
    };
    const now = Date.now();
    await expect(outbox.tick(new Date(now))).rejects.toThrow('process died');
    (outbox as unknown as { finish: typeof finish }).finish = finish;
    expect(t.fake.state.sentMessages.filter((m) => m.touser === 'openid-crash')).toHaveLength(1);

    // Still leased: another worker does not touch it.
    expect(await outbox.tick(new Date(now + 30_000))).toBe(0);
    // Lease over: it is tried again, WeChat refuses (subscription used up) and the row closes.
    await outbox.tick(new Date(now + 61_000));
    expect(t.fake.state.sentMessages.filter((m) => m.touser === 'openid-crash')).toHaveLength(1);
    const [row] = await t.dataSource.query("SELECT status FROM outbox WHERE status IN ('pending', 'sent', 'skipped') AND payload LIKE ? ORDER BY id DESC LIMIT 1", [`%"userId":${wx.body.user.id},%`]);
    expect(row.status).toBe('skipped');
  });

  it('lists, counts and marks the caller’s notifications', async () => {
    const count = (await t.http.get('/api/notifications/unread-count').set(as('officer1')).expect(200)).body.count;
    expect(count).toBeGreaterThan(0);
    const page = (await t.http.get('/api/notifications?pageSize=1').set(as('officer1')).expect(200)).body;
    await t.http.post(`/api/notifications/${page.items[0].id}/read`).set(as('officer1')).expect(204);
    expect((await t.http.get('/api/notifications/unread-count').set(as('officer1'))).body.count).toBe(count - 1);
    await t.http.post(`/api/notifications/${page.items[0].id}/read`).set(as('officer2')).expect(404);
  });
});

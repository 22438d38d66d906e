import {
  Anonymity, CaseAction, CaseKind, CaseStatus, ContactPreference, ErrorCode, EscalationLevel, GovernanceClass, HotlineOrderStatus,
  ReferralStatus, RouteType, SERVICE_CATALOGUE,
} from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { Hotline12345Client } from '../src/hotline12345/hotline12345.client';
import { FakeHotline, startFakeHotline } from '../src/hotline12345/fake-hotline';
import { signPayload, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../src/hotline12345/protocol';
import { OutboxWorker } from '../src/notifications/outbox.worker';
import { Hotline12345Adapter } from '../src/referrals/hotline12345.adapter';
import { ReferralDeadlinesWorker } from '../src/referrals/referral-deadlines.worker';
import { factories } from './factories';
import { bearer, startTestApp, TestApp } from './test-app';

const MINUTE = 60_000;
const TOKEN = 'test-12345-token-never-logged';
const SECRET = 'test-12345-webhook-secret-never-logged';

describe('referrals, service guide and the 12345 adapter (MariaDB)', () => {
  let t: TestApp;
  let hotline: FakeHotline;
  const tokens: Record<string, string> = {};
  const { as, userId } = factories(() => t, tokens);
  const targets: Record<string, number> = {};

  const titlesOf = async (username: string): Promise<string[]> =>
    (await t.dataSource.query('SELECT title FROM notifications WHERE user_id = ? ORDER BY id', [await userId(username)])).map((r: { title: string }) => r.title);

  /** A resident's report the officer has accepted: ready to be referred. */
  const acceptedCase = async (title: string, overrides: Record<string, unknown> = {}): Promise<number> => {
    const res = await t.http.post('/api/cases').set(as('resident1')).set('Idempotency-Key', randomUUID()).send({
      kind: CaseKind.Dispute, subcategory: 'neighbour', title, description: `${title}，希望有人管一管`,
      contactPreference: ContactPreference.InApp, anonymity: Anonymity.None, ...overrides,
    }).expect(201);
    await t.http.post(`/api/cases/${res.body.id}/actions`).set(as('officer1')).send({ action: CaseAction.Accept }).expect(200);
    return res.body.id as number;
  };
  const refer = (caseId: number, body: Record<string, unknown>, username = 'officer1') =>
    t.http.post(`/api/cases/${caseId}/referrals`).set(as(username)).send(body);
  const steps = async (caseId: number): Promise<string[]> =>
    (await t.http.get(`/api/cases/${caseId}/referral-steps`).set(as('resident1')).expect(200)).body.map((s: { text: string }) => s.text);
  const webhook = (body: object, secret = SECRET, timestamp = String(Math.floor(Date.now() / 1000))) => {
    const raw = JSON.stringify(body);
    return t.http.post('/api/integrations/12345/webhook').set('Content-Type', 'application/json')
      .set(SIGNATURE_HEADER, signPayload(secret, timestamp, raw)).set(TIMESTAMP_HEADER, timestamp).send(raw);
  };
  /** Only this test's 12345 order rows are due: earlier ones are closed so ticks stay focused. */
  const quietOutbox = async () => {
    hotline.state.down = false;
    await t.dataSource.query("UPDATE outbox SET status = 'skipped' WHERE status = 'pending'");
  };

  beforeAll(async () => {
    hotline = await startFakeHotline({ token: TOKEN, webhookSecret: SECRET });
    t = await startTestApp({
      RATE_LIMIT_SCALE: '10',
      HOTLINE12345_BASE_URL: hotline.url,
      HOTLINE12345_TOKEN: TOKEN,
      HOTLINE12345_WEBHOOK_SECRET: SECRET,
      GOVERNANCE_REPORT_URL: hotline.url,
      REFERRAL_PILEUP_THRESHOLD: '3',
    });
    for (const u of ['resident1', 'officer1', 'officer2', 'station_leader1', 'branch_leader1', 'city_leader1', 'department_staff1', 'admin1']) {
      tokens[u] = await t.login(u);
    }
    const list = (await t.http.get('/api/referral-targets').set(as('officer1')).expect(200)).body as { id: number; name: string }[];
    for (const target of list) targets[target.name] = target.id;
  });
  afterAll(async () => {
    await t.close();
    await hotline.close();
  });

  describe('办事指引', () => {
    it('finds matters from colloquial phrasings without login, with their routes', async () => {
      const birth = (await t.http.get('/api/service-guide').query({ q: '孩子上户口' }).expect(200)).body;
      expect(birth.matters[0]).toMatchObject({ code: 'household.birth', title: '出生登记（新生儿落户）', version: 1 });
      const noise = (await t.http.get('/api/service-guide').query({ q: '楼上太吵' }).expect(200)).body;
      expect(noise.matters[0].code).toBe('public_security.noise');
      expect(noise.matters[0].routes.map((r: { type: string }) => r.type)).toContain(RouteType.Hotline12345);
      const permit = (await t.http.get('/api/service-guide').query({ q: '居住证' }).expect(200)).body.matters[0];
      expect(permit.routes[0]).toMatchObject({ type: RouteType.WanShiTong, miniProgram: null });
      expect(permit.routes[0].link).toMatch(/^https:\/\//);
    });

    it('suggests 12345 and 请民警协助 for a query it does not know, and the common matters for none', async () => {
      const unknown = (await t.http.get('/api/service-guide').query({ q: '火星移民签证' }).expect(200)).body;
      expect(unknown).toMatchObject({ matters: [], suggestHotline: true, suggestPoliceHelp: true });
      const common = (await t.http.get('/api/service-guide').expect(200)).body;
      expect(common.matters.length).toBeGreaterThan(5);
      expect(common.suggestHotline).toBe(false);
      expect((await t.http.get('/api/service-guide/no.such.matter').expect(404)).body.code).toBe(ErrorCode.MatterNotFound);
    });

    it('creates a service case with the matter and route for 请民警协助, and puts the helper and mode on record', async () => {
      const key = randomUUID();
      const body = { routeType: RouteType.WanShiTong, note: '不会在手机上传材料' };
      const created = (await t.http.post('/api/service-guide/residence.permit/assist').set(as('resident1')).set('Idempotency-Key', key).send(body).expect(201)).body;
      expect(created).toMatchObject({ kind: CaseKind.ServiceNeed, subcategory: 'household', status: CaseStatus.Submitted, title: '请民警协助：居住证' });
      expect(created.description).toContain('皖事通');
      const again = (await t.http.post('/api/service-guide/residence.permit/assist').set(as('resident1')).set('Idempotency-Key', key).send(body).expect(201)).body;
      expect(again.id).toBe(created.id);

      const plan = await t.http.post(`/api/cases/${created.id}/assist-plan`).set(as('officer1')).send({ helperName: '王建国', mode: 'home_visit' }).expect(200);
      expect(plan.body.timeline.some((e: { note: string | null; public: boolean }) => e.public && e.note === '已安排王建国为您上门服务')).toBe(true);
      const assist = (await t.http.get(`/api/cases/${created.id}/assist`).set(as('resident1')).expect(200)).body;
      expect(assist).toMatchObject({ matterCode: 'residence.permit', matterTitle: '居住证', routeType: RouteType.WanShiTong, helperName: '王建国', mode: 'home_visit' });
      const [row] = await t.dataSource.query('SELECT helper_name_enc FROM case_assists WHERE case_id = ?', [created.id]);
      expect(row.helper_name_enc).not.toContain('王建国');
      await t.http.post(`/api/cases/${created.id}/assist-plan`).set(as('officer2')).send({ helperName: '李卫东', mode: 'online' }).expect(404);
    });

    it('lets admins edit a matter as a new version, and nobody else', async () => {
      const current = (await t.http.get('/api/service-guide/public_security.dog').expect(200)).body;
      const { code: _code, version: _version, ...content } = current;
      const routes = current.routes.map(({ miniProgram: _mp, ...r }: Record<string, unknown>) => r);
      const edit = { ...content, routes, phrases: [...current.phrases, '狗狗办证'] };
      expect((await t.http.put('/api/service-guide/public_security.dog').set(as('officer1')).send(edit).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      const saved = (await t.http.put('/api/service-guide/public_security.dog').set(as('admin1')).send(edit).expect(200)).body;
      expect(saved.version).toBe(2);
      expect((await t.http.get('/api/service-guide').query({ q: '狗狗办证' }).expect(200)).body.matters[0]).toMatchObject({ code: 'public_security.dog', version: 2 });
      const versions = (await t.http.get('/api/service-guide/public_security.dog/versions').set(as('admin1')).expect(200)).body;
      expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      // Which one residents see, and when each was saved (历史版本 in the editor).
      expect(versions.map((v: { current: boolean }) => v.current)).toEqual([true, false]);
      expect(versions.every((v: { savedAt: string }) => !Number.isNaN(Date.parse(v.savedAt)))).toBe(true);
      // Words typed twice or blank are kept once: the search and the editor show each once.
      const repeated = (await t.http.put('/api/service-guide/public_security.dog').set(as('admin1'))
        .send({ ...edit, synonyms: ['犬证', ' 养犬登记 ', '  ', '犬证', '养犬登记'], phrases: ['狗狗办证', '狗狗办证 '] }).expect(200)).body;
      expect(repeated).toMatchObject({ version: 3, synonyms: ['犬证', '养犬登记'], phrases: ['狗狗办证'] });
      const bad = await t.http.put('/api/service-guide/public_security.dog').set(as('admin1')).send({ ...edit, routes: [] }).expect(400);
      expect(bad.body.code).toBe(ErrorCode.ValidationFailed);
    });

    /** The body of a new version of a matter as the editor sends it: the current one, changed by `changes`. */
    const editOf = async (code: string, changes: Record<string, unknown> = {}) => {
      const current = (await t.http.get(`/api/service-guide/${code}`).expect(200)).body;
      const { code: _code, version: _version, ...content } = current;
      const routes = current.routes.map(({ miniProgram: _mp, ...r }: Record<string, unknown>) => r);
      return { ...content, routes, ...changes };
    };
    const codesOf = (matters: { code: string }[]) => matters.map((m) => m.code);

    it('keeps edited matters in their place on 首页 and in the admins\' list (居住证 and 身份证挂失 stay after new versions)', async () => {
      const tilesBefore = codesOf((await t.http.get('/api/service-guide').expect(200)).body.matters);
      const listBefore = codesOf((await t.http.get('/api/admin/service-guide').set(as('admin1')).expect(200)).body);
      expect(tilesBefore).toEqual(expect.arrayContaining(['residence.permit', 'id_card.lost']));
      expect(listBefore).toEqual(SERVICE_CATALOGUE.map((m) => m.code));
      expect(listBefore.indexOf('residence.permit')).toBeLessThan(listBefore.indexOf('dispute.wages'));

      for (const code of ['residence.permit', 'id_card.lost']) {
        await t.http.put(`/api/service-guide/${code}`).set(as('admin1')).send(await editOf(code, { common: true })).expect(200);
      }

      const tiles = (await t.http.get('/api/service-guide').expect(200)).body.matters;
      expect(codesOf(tiles)).toEqual(tilesBefore);
      expect(tiles.find((m: { code: string }) => m.code === 'residence.permit').version).toBeGreaterThan(1);
      expect(codesOf((await t.http.get('/api/admin/service-guide').set(as('admin1')).expect(200)).body)).toEqual(listBefore);
      expect((await t.http.get('/api/admin/service-guide').set(as('officer1')).expect(403)).body.code).toBe(ErrorCode.Forbidden);
    });

    it('tells the admin in Chinese which field is missing, and keeps the matter as it was', async () => {
      const before = (await t.http.get('/api/service-guide/household.move_out').expect(200)).body;
      const cases: [Record<string, unknown>, string][] = [
        [{ title: '' }, '请填写事项名称'],
        [{ title: '   ' }, '请填写事项名称'],
        [{ summary: '' }, '请填写简介'],
        [{ title: '户'.repeat(51) }, '事项名称不能超过50个字'],
        [{ title: '', summary: ' ' }, '请填写事项名称；请填写简介'],
      ];
      for (const [changes, message] of cases) {
        const res = await t.http.put('/api/service-guide/household.move_out').set(as('admin1')).send(await editOf('household.move_out', changes)).expect(400);
        expect(res.body).toMatchObject({ code: ErrorCode.ValidationFailed, message });
      }
      expect((await t.http.get('/api/service-guide/household.move_out').expect(200)).body).toMatchObject({ version: before.version, title: before.title });
    });
  });

  describe('referral to a police department', () => {
    it('runs referral → sign → reply → the officer closes with the resident’s confirmation', async () => {
      const caseId = await acceptedCase('孩子户口登记信息有误');
      const referral = (await refer(caseId, { targetId: targets['蚌山分局户政科'], reason: '户籍信息更正需户政科核实' }).expect(201)).body;
      expect(referral).toMatchObject({ status: ReferralStatus.Sent, caseStatus: CaseStatus.Referred, contactName: '王建国', contactPhone: '0552-2011001' });
      expect(await titlesOf('department_staff1')).toContain('收到转办，请签收');
      expect(await steps(caseId)).toEqual(['已转蚌山分局户政科办理']);

      const inbox = (await t.http.get('/api/referrals').set(as('department_staff1')).expect(200)).body;
      const mine = inbox.find((r: { id: number }) => r.id === referral.id);
      expect(mine).toMatchObject({ caseTitle: '孩子户口登记信息有误', canSign: true, canReply: false });
      expect(JSON.stringify(mine)).not.toContain('13800000001');

      const early = await t.http.post(`/api/referrals/${referral.id}/reply`).set(as('department_staff1')).send({ outcome: '已更正' }).expect(409);
      expect(early.body.code).toBe(ErrorCode.ReferralNotSigned);
      const signed = (await t.http.post(`/api/referrals/${referral.id}/sign`).set(as('department_staff1')).expect(200)).body;
      expect(signed).toMatchObject({ status: ReferralStatus.Signed, signedByName: '户政科 何警官', canReply: true });
      expect((await t.http.post(`/api/referrals/${referral.id}/sign`).set(as('department_staff1')).expect(409)).body.code).toBe(ErrorCode.ReferralAlreadyHandled);
      expect(await steps(caseId)).toEqual(['蚌山分局户政科已签收，正在办理']);

      const replied = (await t.http.post(`/api/referrals/${referral.id}/reply`).set(as('department_staff1')).send({ outcome: '已核实并更正出生日期' }).expect(200)).body;
      expect(replied).toMatchObject({ status: ReferralStatus.Replied, caseStatus: CaseStatus.InProgress, replyOutcome: '已核实并更正出生日期' });
      expect(await titlesOf('officer1')).toContain('转办已回复，请跟进办结');
      expect(await steps(caseId)).toEqual(['蚌山分局户政科已回复：已核实并更正出生日期']);

      await t.http.post(`/api/cases/${caseId}/actions`).set(as('officer1')).send({ action: CaseAction.Resolve, note: '户政科已更正' }).expect(200);
      const closed = (await t.http.post(`/api/cases/${caseId}/actions`).set(as('resident1')).send({ action: CaseAction.Confirm }).expect(200)).body;
      expect(closed.status).toBe(CaseStatus.Closed);
      expect(closed.timeline.map((e: { toStatus: string | null }) => e.toStatus).filter(Boolean)).toEqual([
        'submitted', 'accepted', 'referred', 'in_progress', 'resolved', 'closed',
      ]);
    });

    it('checks the target, the station contact and the due dates, and refers only from a status that allows it', async () => {
      const caseId = await acceptedCase('转办参数校验');
      expect((await refer(caseId, { targetId: 9999, reason: '测试' }).expect(400)).body.code).toBe(ErrorCode.ReferralTargetInvalid);
      const otherStation = await userId('officer2');
      expect((await refer(caseId, { targetId: targets['城市管理局'], reason: '测试', contactUserId: otherStation }).expect(400)).body.code).toBe(ErrorCode.ReferralContactInvalid);
      const past = new Date(Date.now() - MINUTE).toISOString();
      expect((await refer(caseId, { targetId: targets['城市管理局'], reason: '测试', receiptDueAt: past }).expect(400)).body.code).toBe(ErrorCode.ReferralDueInvalid);
      expect((await refer(caseId, { targetId: 'abc', reason: '测试' }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
      await refer(caseId, { targetId: targets['城市管理局'], reason: '路灯维修', contactUserId: await userId('station_leader1') }).expect(201);
      expect((await refer(caseId, { targetId: targets['城市管理局'], reason: '再转一次' }).expect(409)).body.code).toBe(ErrorCode.CaseTransitionNotAllowed);
      // The plain action button cannot refer without a target.
      const other = await acceptedCase('不能直接点转办');
      await t.http.post(`/api/cases/${other}/actions`).set(as('officer1')).send({ action: CaseAction.Refer }).expect(403);
    });

    it('lets an officer record an external department’s reply only with evidence', async () => {
      const caseId = await acceptedCase('小区路灯坏了一个月');
      const referral = (await refer(caseId, { targetId: targets['城市管理局'], reason: '市政设施归城管' }).expect(201)).body;
      expect(referral.canReply).toBe(true);
      const missing = await t.http.post(`/api/referrals/${referral.id}/reply`).set(as('officer1')).send({ outcome: '已修复' }).expect(400);
      expect(missing.body.code).toBe(ErrorCode.EvidenceRequired);
      const done = (await t.http.post(`/api/referrals/${referral.id}/reply`).set(as('officer1'))
        .send({ outcome: '城管局已更换路灯', evidence: '城管局12月3日电话回复，经办人张工' }).expect(200)).body;
      expect(done).toMatchObject({ status: ReferralStatus.Replied, caseStatus: CaseStatus.InProgress, replyEvidence: '城管局12月3日电话回复，经办人张工' });
      expect(done.repliedByLabel).toContain('民警王建国登记');
    });
  });

  describe('scope', () => {
    it('shows a department only its own referrals; other ids are 404 and audited', async () => {
      const staff = await t.dataSource.query(
        "INSERT INTO users (nickname, role, username, is_informant, disabled, created_at) VALUES ('交警大队 陈警官', 'department_staff', 'traffic_staff_test', 0, 0, NOW(3))",
      );
      await t.dataSource.query('INSERT INTO referral_target_staff (target_id, user_id) VALUES (?, ?)', [targets['蚌山分局交警大队'], staff.insertId]);
      tokens.traffic = await t.login('traffic_staff_test');

      const caseId = await acceptedCase('户口迁移材料核实');
      const referral = (await refer(caseId, { targetId: targets['蚌山分局户政科'], reason: '核实材料' }).expect(201)).body;
      const trafficList = (await t.http.get('/api/referrals').set(as('traffic')).expect(200)).body;
      expect(trafficList.some((r: { target: { name: string } }) => r.target.name === '蚌山分局户政科')).toBe(false);
      expect((await t.http.get(`/api/referrals/${referral.id}`).set(as('traffic')).expect(404)).body.code).toBe(ErrorCode.NotFound);
      await t.http.post(`/api/referrals/${referral.id}/sign`).set(as('traffic')).expect(404);
      await t.http.post(`/api/referrals/${referral.id}/reply`).set(as('traffic')).send({ outcome: '越权回复', evidence: 'x' }).expect(404);
      const [denied] = await t.dataSource.query(
        "SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = 'referral' AND target_id = ? AND actor_id = ?",
        [String(referral.id), staff.insertId],
      );
      expect(Number(denied.n)).toBeGreaterThanOrEqual(3);

      // Police of another station, and residents, do not see the referral either.
      await t.http.get(`/api/referrals/${referral.id}`).set(as('officer2')).expect(404);
      await t.http.get(`/api/referrals/${referral.id}`).set(as('resident1')).expect(404);
      await t.http.get(`/api/cases/${caseId}/referrals`).set(as('officer2')).expect(404);
      await t.http.get('/api/referrals').set(as('officer1')).expect(403);
      // Department staff cannot refer or read the case itself.
      await refer(caseId, { targetId: targets['城市管理局'], reason: 'x' }, 'department_staff1').expect(403);
      await t.http.get(`/api/cases/${caseId}`).set(as('department_staff1')).expect(404);
    });
  });

  describe('deadlines', () => {
    it('escalates an overdue receipt step by step and restarts on signing', async () => {
      const caseId = await acceptedCase('转办签收超时测试');
      const receiptDueAt = new Date(Date.now() + 2 * MINUTE).toISOString();
      const referral = (await refer(caseId, { targetId: targets['蚌山分局户政科'], reason: '超时测试', receiptDueAt }).expect(201)).body;
      const worker = t.app.get(ReferralDeadlinesWorker);
      const level = async () => Number((await t.dataSource.query('SELECT escalation FROM referrals WHERE id = ?', [referral.id]))[0].escalation);

      expect(await worker.tick(new Date(Date.now() + MINUTE))).toBe(0);
      const due = Date.now() + 3 * MINUTE;
      expect(await worker.tick(new Date(due))).toBeGreaterThanOrEqual(1);
      expect(await level()).toBe(EscalationLevel.OfficerReminded);
      // Addressed to the department's staff who must sign, not worded as a report about an officer.
      expect(await titlesOf('department_staff1')).toContain('转蚌山分局户政科签收已超时：请尽快签收');
      expect((await titlesOf('department_staff1')).some((title: string) => title.includes('已提醒民警'))).toBe(false);
      // Ticking again at once changes nothing: the next step is ESCALATION_STEP_MINUTES later.
      await worker.tick(new Date(due));
      expect(await level()).toBe(EscalationLevel.OfficerReminded);
      await worker.tick(new Date(due + 31 * MINUTE));
      expect(await level()).toBe(EscalationLevel.StationSupervising);
      expect(await titlesOf('station_leader1')).toContain('派出所督办：转蚌山分局户政科签收已超时');
      expect((await t.http.get(`/api/referrals/${referral.id}`).set(as('officer1')).expect(200)).body.escalation).toBe(EscalationLevel.StationSupervising);
      const staffView = (await t.http.get(`/api/cases/${caseId}`).set(as('officer1')).expect(200)).body;
      expect(staffView.timeline.some((e: { type: string; public: boolean }) => e.type === 'escalated' && !e.public)).toBe(true);

      await t.http.post(`/api/referrals/${referral.id}/sign`).set(as('department_staff1')).expect(200);
      expect(await level()).toBe(EscalationLevel.None);
      await worker.tick(new Date(due + 62 * MINUTE));
      expect(await level()).toBe(EscalationLevel.None);
    });
  });

  describe('pile-ups', () => {
    it('raises one 转办分流联席 agenda item at the threshold, listed for branch and city leaders', async () => {
      const ids: number[] = [];
      for (const n of [1, 2]) {
        ids.push(await acceptedCase(`物业不修电梯${n}`, { subcategory: 'property' }));
        await refer(ids[ids.length - 1], { targetId: targets['人社局劳动保障监察'], reason: '同类诉求' }).expect(201);
      }
      type Item = { target: { name: string }; category: string; count: number; cases: { caseId: number }[] };
      const forTarget = (items: Item[]) =>
        items.filter((i) => i.target.name === '人社局劳动保障监察' && i.category === 'dispute.property');
      expect(forTarget((await t.http.get('/api/referral-agenda').set(as('branch_leader1')).expect(200)).body)).toHaveLength(0);

      ids.push(await acceptedCase('物业不修电梯3', { subcategory: 'property' }));
      await refer(ids[2], { targetId: targets['人社局劳动保障监察'], reason: '同类诉求' }).expect(201);
      const [item] = forTarget((await t.http.get('/api/referral-agenda').set(as('branch_leader1')).expect(200)).body);
      expect(item).toMatchObject({ count: 3, threshold: 3, branchName: '蚌山分局', categoryLabel: '矛盾纠纷·物业纠纷' });
      expect(item.cases.map((c: { caseId: number }) => c.caseId)).toEqual(ids);
      expect(forTarget((await t.http.get('/api/referral-agenda').set(as('city_leader1')).expect(200)).body)).toHaveLength(1);
      expect(await titlesOf('branch_leader1')).toContain('转办分流联席：同类诉求集中');
      await t.http.get('/api/referral-agenda').set(as('station_leader1')).expect(403);

      ids.push(await acceptedCase('物业不修电梯4', { subcategory: 'property' }));
      await refer(ids[3], { targetId: targets['人社局劳动保障监察'], reason: '同类诉求' }).expect(201);
      const items = forTarget((await t.http.get('/api/referral-agenda').set(as('branch_leader1')).expect(200)).body);
      expect(items).toHaveLength(1);
      expect(items[0].count).toBe(4);
    });
  });

  describe('governance linkage', () => {
    it('classifies cases and lists those in handling in the daily digest, viewable and as CSV', async () => {
      const caseId = await acceptedCase('邻居家养狗扰民', { title: '邻居家养狗扰民' });
      expect((await t.http.get(`/api/cases/${caseId}/governance-class`).set(as('officer1')).expect(200)).body.governanceClass).toBe(GovernanceClass.Dispute);
      await t.http.put(`/api/cases/${caseId}/governance-class`).set(as('officer1')).send({ governanceClass: GovernanceClass.SecurityRisk }).expect(200);
      await t.http.put(`/api/cases/${caseId}/governance-class`).set(as('officer1')).send({ governanceClass: 'nonsense' }).expect(400);

      const digest = (await t.http.get('/api/governance/digest').set(as('station_leader1')).expect(200)).body;
      const row = digest.cases.find((c: { caseId: number }) => c.caseId === caseId);
      expect(row).toMatchObject({ governanceClass: GovernanceClass.SecurityRisk, status: CaseStatus.Accepted, communityName: '胜利社区' });
      expect(digest.counts[GovernanceClass.SecurityRisk]).toBeGreaterThanOrEqual(1);
      expect(digest.jurisdiction).toBe('天桥派出所');
      const total = Object.values(digest.counts as Record<string, number>).reduce((a, b) => a + b, 0);
      expect(total).toBe(digest.cases.length);
      expect(digest.total).toBe(total);
      // The leader of another station does not see it.
      const other = (await t.http.get('/api/governance/digest').set(bearer(await t.login('station_leader2'))).expect(200)).body;
      expect(other.cases.some((c: { caseId: number }) => c.caseId === caseId)).toBe(false);

      const csv = await t.http.get('/api/governance/digest.csv').set(as('branch_leader1')).expect(200);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.text.startsWith('\uFEFF编号,标题,诉求分类')).toBe(true);
      expect(csv.text).toContain('邻居家养狗扰民,治安隐患,已受理,胜利社区');
      await t.http.get('/api/governance/digest').set(as('officer1')).expect(403);
      expect((await t.http.get('/api/governance/digest').query({ date: 'yesterday' }).set(as('city_leader1')).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    });

    it('refuses a digest of a day that has not begun in China, in the app and as CSV; today is fine', async () => {
      const cst = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
      for (const date of [cst(Date.now() + 86_400_000), '2030-01-01']) {
        for (const path of ['/api/governance/digest', '/api/governance/digest.csv']) {
          const res = await t.http.get(path).query({ date }).set(as('city_leader1')).expect(400);
          expect(res.body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '不能查看未来日期的日报' });
        }
      }
      const today = cst(Date.now());
      expect((await t.http.get('/api/governance/digest').query({ date: today }).set(as('city_leader1')).expect(200)).body.date).toBe(today);
    });

    it('reads a past day as it was: cases open at its end, closed since or not; the counts cover every case, not the list', async () => {
      const cst = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
      const yesterday = cst(Date.now() - 86_400_000);
      const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
      const backdate = async (caseId: number) => {
        await t.dataSource.query('UPDATE cases SET created_at = ? WHERE id = ?', [twoDaysAgo, caseId]);
        await t.dataSource.query('UPDATE case_events SET at = ? WHERE case_id = ?', [twoDaysAgo, caseId]);
      };
      // 不予受理 comes before 受理 only: an accepted case ends by 办结 and the reporter's 确认.
      const close = async (caseId: number) => {
        await t.http.post(`/api/cases/${caseId}/actions`).set(as('officer1')).send({ action: CaseAction.Resolve, note: '已处理完毕' }).expect(200);
        await t.http.post(`/api/cases/${caseId}/actions`).set(as('resident1')).send({ action: CaseAction.Confirm }).expect(200);
      };
      // Open two days ago and closed today: open at the end of yesterday, as accepted.
      const closedToday = await acceptedCase('昨日在办今日办结');
      await backdate(closedToday);
      await close(closedToday);
      // Closed two days ago: not in yesterday's digest.
      const closedBefore = await acceptedCase('前日已办结');
      await close(closedBefore);
      await backdate(closedBefore);
      // Reported today: in today's digest only.
      const today = await acceptedCase('今日新报');

      const past = (await t.http.get('/api/governance/digest').query({ date: yesterday }).set(as('station_leader1')).expect(200)).body;
      const pastIds = past.cases.map((c: { caseId: number }) => c.caseId);
      expect(past.date).toBe(yesterday);
      expect(past.cases.find((c: { caseId: number }) => c.caseId === closedToday)).toMatchObject({ status: CaseStatus.Accepted });
      expect(pastIds).not.toContain(closedBefore);
      expect(pastIds).not.toContain(today);
      const now = (await t.http.get('/api/governance/digest').set(as('station_leader1')).expect(200)).body;
      const nowIds = now.cases.map((c: { caseId: number }) => c.caseId);
      expect(nowIds).toContain(today);
      expect(nowIds).not.toContain(closedToday);
      const csv = (await t.http.get('/api/governance/digest.csv').query({ date: yesterday }).set(as('station_leader1')).expect(200)).text;
      expect(csv).toContain('昨日在办今日办结');
      expect(csv).not.toContain('今日新报');

      // 2,100 open cases in one community: the list stops at 2,000, the counts and total do not.
      const [template] = await t.dataSource.query('SELECT * FROM cases WHERE id = ?', [today]);
      const columns = Object.keys(template).filter((c) => c !== 'id' && c !== 'queue_band');
      const generated = (await t.dataSource.query("SELECT column_name AS c FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'cases' AND extra LIKE '%GENERATED%'"))
        .map((r: { c: string }) => r.c);
      const cols = columns.filter((c) => !generated.includes(c)).map((c) => `\`${c}\``).join(', ');
      await t.dataSource.query(`INSERT INTO cases (${cols}) SELECT ${cols} FROM cases JOIN seq_1_to_2100 WHERE id = ?`, [today]);
      try {
        const big = (await t.http.get('/api/governance/digest').set(as('station_leader1')).expect(200)).body;
        expect(big.cases).toHaveLength(2000);
        expect(big.total).toBe(now.total + 2100);
        expect(Object.values(big.counts as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(big.total);
        expect(big.counts[GovernanceClass.Dispute]).toBe(now.counts[GovernanceClass.Dispute] + 2100);
      } finally {
        await t.dataSource.query('DELETE FROM cases WHERE title = ? AND id <> ?', ['今日新报', today]);
      }
    });

    it('reports a serious-risk case at once through the outbox', async () => {
      await quietOutbox();
      const caseId = await acceptedCase('当事人扬言报复邻居');
      await t.http.post(`/api/cases/${caseId}/serious-risk`).set(as('officer1')).send({ note: '情绪激动，扬言持刀报复' }).expect(200);
      await t.app.get(OutboxWorker).tick(new Date());
      const report = hotline.state.governanceReports.find((r) => (r.body as { title: string }).title === '当事人扬言报复邻居');
      expect(report?.body).toMatchObject({ note: '情绪激动，扬言持刀报复', governanceClass: '矛盾纠纷', community: '胜利社区' });
    });
  });

  describe('12345 adapter against the fake', () => {
    const orderOf = async (referralId: number) =>
      (await t.dataSource.query('SELECT external_order_no AS no, external_status AS status, idempotency_key AS k FROM referrals WHERE id = ?', [referralId]))[0] as { no: string | null; status: string; k: string };

    it('creates the work order through the outbox and shows the resident 已转12345 with the order number', async () => {
      await quietOutbox();
      const caseId = await acceptedCase('夜间工地施工噪音');
      const referral = (await refer(caseId, { targetId: targets['12345政务服务便民热线'], reason: '夜间施工归住建' }).expect(201)).body;
      expect(referral.externalStatus).toBe(HotlineOrderStatus.Pending);
      expect(await steps(caseId)).toEqual(['已转12345，正在生成工单']);
      await t.app.get(OutboxWorker).tick(new Date());
      const { no } = await orderOf(referral.id);
      expect(no).toMatch(/^GD\d{12}$/);
      expect(await steps(caseId)).toEqual([`已转12345，工单号 ${no}`]);
      const order = hotline.state.orders.get(no as string);
      expect(order?.body).toMatchObject({ title: '夜间工地施工噪音', contact: { name: '王建国', phone: '0552-2011001', unit: '天桥派出所' } });
      expect(JSON.stringify(order?.body)).not.toContain('13800000001');

      expect((await webhook({ eventId: randomUUID(), orderNo: no, status: 'accepted', reply: null, at: new Date().toISOString() }).expect(200)).body).toEqual({ ok: true });
      expect(await steps(caseId)).toEqual([`已转12345，工单号 ${no}，12345已受理`]);
      await webhook({ eventId: randomUUID(), orderNo: no, status: 'replied', reply: { outcome: '已责令夜间停工', department: '住建局', at: new Date().toISOString() }, at: new Date().toISOString() }).expect(200);
      // A late, older status does not undo the reply.
      await webhook({ eventId: randomUUID(), orderNo: no, status: 'processing', reply: null, at: new Date().toISOString() }).expect(200);
      const detail = (await t.http.get(`/api/cases/${caseId}`).set(as('resident1')).expect(200)).body;
      expect(detail.status).toBe(CaseStatus.InProgress);
      expect(await steps(caseId)).toEqual(['12345已回复：已责令夜间停工']);
      expect((await orderOf(referral.id)).status).toBe(HotlineOrderStatus.Replied);
    });

    it('refuses a webhook with a bad or stale signature and changes nothing', async () => {
      await quietOutbox();
      const caseId = await acceptedCase('签名校验测试');
      const referral = (await refer(caseId, { targetId: targets['12345政务服务便民热线'], reason: '签名测试' }).expect(201)).body;
      await t.app.get(OutboxWorker).tick(new Date());
      const { no } = await orderOf(referral.id);
      const event = { eventId: randomUUID(), orderNo: no, status: 'replied', reply: { outcome: '伪造的回复', department: 'x', at: new Date().toISOString() }, at: new Date().toISOString() };
      const forged = await webhook(event, 'wrong-secret-wrong-secret').expect(401);
      expect(forged.body).toEqual({ code: ErrorCode.SignatureInvalid, message: '签名校验失败' });
      await webhook(event, SECRET, String(Math.floor(Date.now() / 1000) - 3600)).expect(401);
      await t.http.post('/api/integrations/12345/webhook').set('Content-Type', 'application/json').send(event).expect(401);
      expect((await orderOf(referral.id)).status).toBe(HotlineOrderStatus.Received);
      expect((await webhook({ ...event, orderNo: 'GD000000000000' }).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await webhook({ orderNo: no, status: 'exploded' }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    });

    it('retries while 12345 is down and delivers exactly one order once it is back', async () => {
      await quietOutbox();
      const caseId = await acceptedCase('12345宕机重试测试');
      const referral = (await refer(caseId, { targetId: targets['12345政务服务便民热线'], reason: '重试测试' }).expect(201)).body;
      const outbox = t.app.get(OutboxWorker);
      const before = hotline.state.createRequests;
      hotline.state.down = true;
      const now = Date.now();
      await outbox.tick(new Date(now));
      const [row] = await t.dataSource.query('SELECT status, attempts, next_attempt_at AS next FROM outbox WHERE dedupe_key = ?', [`referral:${referral.id}:order`]);
      expect(row).toMatchObject({ status: 'pending', attempts: 1 });
      expect(new Date(row.next).getTime()).toBeGreaterThan(now);
      // Not due again before the backoff.
      expect(await outbox.tick(new Date(now + 1000))).toBe(0);
      await outbox.tick(new Date(now + 6_000));
      expect(hotline.state.createRequests - before).toBe(2);
      expect((await orderOf(referral.id)).no).toBeNull();

      hotline.state.down = false;
      await outbox.tick(new Date(now + 30_000));
      await outbox.tick(new Date(now + 3600_000));
      const { no, k } = await orderOf(referral.id);
      expect(no).not.toBeNull();
      expect([...hotline.state.orders.values()].filter((o) => o.idempotencyKey === k)).toHaveLength(1);
      const [sent] = await t.dataSource.query('SELECT status FROM outbox WHERE dedupe_key = ?', [`referral:${referral.id}:order`]);
      expect(sent.status).toBe('sent');
    });

    it('loses nothing and makes no second order when the process dies after 12345 created the order', async () => {
      await quietOutbox();
      const caseId = await acceptedCase('重启丢单测试');
      const referral = (await refer(caseId, { targetId: targets['12345政务服务便民热线'], reason: '重启测试' }).expect(201)).body;
      const { k } = await orderOf(referral.id);
      // The dying process had claimed the row and reached 12345, but never recorded the answer.
      const now = Date.now();
      await t.dataSource.query('UPDATE outbox SET lease_until = ? WHERE dedupe_key = ?', [new Date(now + MINUTE), `referral:${referral.id}:order`]);
      const created = await new Hotline12345Client(hotline.url, TOKEN).createOrder(
        { externalRef: `referral-${referral.id}`, title: '重启丢单测试', content: 'x', category: 'dispute.neighbour', location: '胜利社区', contact: { name: '王建国', phone: null, unit: '天桥派出所' }, replyDueAt: new Date().toISOString(), callbackUrl: 'http://127.0.0.1:9/none' },
        k,
      );
      const outbox = t.app.get(OutboxWorker);
      await outbox.tick(new Date(now + 30_000));
      // Still leased by the dead process: nobody else touches it yet.
      expect((await orderOf(referral.id)).no).toBeNull();
      expect((await t.dataSource.query('SELECT attempts FROM outbox WHERE dedupe_key = ?', [`referral:${referral.id}:order`]))[0].attempts).toBe(0);
      // After the lease the row is delivered again: 12345 answers the same order for the same key.
      await outbox.tick(new Date(now + 61_000));
      expect((await orderOf(referral.id)).no).toBe(created.orderNo);
      expect([...hotline.state.orders.values()].filter((o) => o.idempotencyKey === k)).toHaveLength(1);
      expect(await steps(caseId)).toEqual([`已转12345，工单号 ${created.orderNo}`]);
    });

    it('reconciles an order whose webhook never came, and dead-letters one 12345 keeps refusing', async () => {
      await quietOutbox();
      const caseId = await acceptedCase('对账测试');
      const referral = (await refer(caseId, { targetId: targets['12345政务服务便民热线'], reason: '对账测试' }).expect(201)).body;
      await t.app.get(OutboxWorker).tick(new Date());
      const { no } = await orderOf(referral.id);
      const order = hotline.state.orders.get(no as string);
      if (!order) throw new Error('order missing in the fake');
      order.order = { ...order.order, status: 'replied', reply: { outcome: '已协调解决', department: '街道办', at: new Date().toISOString() } };
      const adapter = t.app.get(Hotline12345Adapter);
      expect(await adapter.tick(new Date(Date.now() + MINUTE))).toBe(0);
      expect(await adapter.tick(new Date(Date.now() + 31 * MINUTE))).toBeGreaterThanOrEqual(1);
      expect(await steps(caseId)).toEqual(['12345已回复：已协调解决']);

      const failing = await acceptedCase('12345一直不可用');
      const dead = (await refer(failing, { targetId: targets['12345政务服务便民热线'], reason: '死信测试' }).expect(201)).body;
      hotline.state.down = true;
      const outbox = t.app.get(OutboxWorker);
      for (let i = 0, at = Date.now(); i < 8; i++, at += 2 * 3600_000) await outbox.tick(new Date(at));
      hotline.state.down = false;
      const [row] = await t.dataSource.query('SELECT status, attempts FROM outbox WHERE dedupe_key = ?', [`referral:${dead.id}:order`]);
      expect(row).toMatchObject({ status: 'dead', attempts: 8 });
      expect((await orderOf(dead.id)).status).toBe(HotlineOrderStatus.Failed);
      expect(await titlesOf('officer1')).toContain('12345工单发送失败');
      const [notice] = await t.dataSource.query("SELECT body FROM notifications WHERE case_id = ? AND title = '12345工单发送失败'", [failing]);
      expect(notice.body).toBe('转办未送达12345（12345平台多次未能接收），请电话转办并登记回复');
      // The case page no longer says the order is being made: staff read what to do, the resident that it is passed on.
      const staffSteps = (await t.http.get(`/api/cases/${failing}/referral-steps`).set(as('officer1')).expect(200)).body;
      expect(staffSteps).toEqual([expect.objectContaining({ text: '12345工单发送失败，请电话转办12345并登记回复，或请管理员重发', failed: true })]);
      const residentSteps = (await t.http.get(`/api/cases/${failing}/referral-steps`).set(as('resident1')).expect(200)).body;
      expect(residentSteps).toEqual([expect.objectContaining({ text: '民警正在电话转办12345', failed: false })]);
      const listed = (await t.http.get('/api/admin/outbox/dead').set(as('admin1')).expect(200)).body;
      expect(listed.some((d: { topic: string }) => d.topic === 'hotline12345.order')).toBe(true);
      expect(JSON.stringify(listed)).not.toContain(TOKEN);
    });
  });
});

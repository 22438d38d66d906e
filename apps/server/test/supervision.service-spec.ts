import { Anonymity, CaseAction, CaseKind, CaseStatus, ContactPreference, ErrorCode, EscalationLevel, SupervisedCase } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { CaseDeadlinesWorker } from '../src/cases/case-deadlines.worker';
import { callerFor } from '../src/identity/caller';
import { UserEntity } from '../src/identity/data/user.entity';
import { OrgUnitEntity } from '../src/org/data/org-unit.entity';
import { SupervisionService } from '../src/supervision/supervision.service';
import { factories } from './factories';
import { startTestApp, TestApp } from './test-app';

const MINUTE = 60_000;
const instruction = '请今天下班前上门核实，并回复群众';

describe('督办 and 催办: leaders chase escalated cases (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, userId, communityId, signIn } = factories(() => t, tokens);

  /** resident1 reports in 胜利社区 (天桥派出所, 蚌山分局; officer1 王建国); answers the case id. */
  const report = async (kind: CaseKind, subcategory: string, title: string): Promise<number> => {
    const body = { kind, subcategory, title, description: `${title}，请民警尽快处理`, contactPreference: ContactPreference.InApp, anonymity: Anonymity.None };
    return (await t.http.post('/api/cases').set(as('resident1')).set('Idempotency-Key', randomUUID()).send(body).expect(201)).body.id as number;
  };
  const act = (username: string, id: number, action: CaseAction, extra: Record<string, unknown> = {}) =>
    t.http.post(`/api/cases/${id}/actions`).set(as(username)).send({ action, ...extra });
  const urge = (username: string, id: number, instruction: unknown) => t.http.post(`/api/cases/${id}/urge`).set(as(username)).send({ instruction });
  const supervision = async (username: string, query = 'pageSize=100'): Promise<{ items: SupervisedCase[]; total: number; page: number; pageSize: number }> =>
    (await t.http.get(`/api/supervision/cases?${query}`).set(as(username)).expect(200)).body;
  const listed = async (username: string) => (await supervision(username)).items.map((c) => c.caseId);
  const caseView = async (username: string, id: number) => (await t.http.get(`/api/cases/${id}`).set(as(username)).expect(200)).body;
  const callerOf = async (username: string) => {
    const user = await t.dataSource.getRepository(UserEntity).findOneOrFail({ where: { username } });
    const unit = await t.dataSource.getRepository(OrgUnitEntity).findOneOrFail({ where: { id: user.orgUnitId as number } });
    return callerFor(user, unit.path);
  };

  /**
   * The scheduler's own clock: each tick escalates what is due at that moment, 30 minutes a step
   * (ESCALATION_STEP_MINUTES), as the scheduler tests in cases.service-spec.ts drive it.
   */
  const runClock = async (from: number, minutes: number[]) => {
    for (const m of minutes) await t.app.get(CaseDeadlinesWorker).tick(new Date(from + m * MINUTE));
  };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    await signIn('resident1', 'officer1', 'station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1');
  });
  afterAll(() => t.close());

  describe('the 督办 list', () => {
    /** First response 30 minutes, not answered: 提醒 at +31, 派出所督办 at +62, 分局催办 at +93. */
    let branchUrged: number;
    /** First response 60 minutes, not answered: 提醒 at +62, 派出所督办 at +93. */
    let stationSupervised: number;
    /** Transferred to 禹王社区 (城关派出所, 怀远县公安局) and not answered there either: 分局催办 at +93. */
    let otherStation: number;
    /** Accepted at once: its first response was met, its resolution is days away. */
    let onTime: number;

    beforeAll(async () => {
      branchUrged = await report(CaseKind.Dispute, 'neighbour', '楼道堆物多次反映无人处理');
      stationSupervised = await report(CaseKind.Anomaly, 'person', '小区里有陌生人挨家敲门');
      otherStation = await report(CaseKind.Dispute, 'property', '物业停水三天没有说法');
      await act('officer1', otherStation, CaseAction.Transfer, { note: '事发地在禹王社区', transferToCommunityId: await communityId('禹王社区') }).expect(200);
      onTime = await report(CaseKind.Dispute, 'neighbour', '邻居家狗夜里一直叫');
      await act('officer1', onTime, CaseAction.Accept).expect(200);
      await runClock(Date.now(), [31, 62, 93]);
    });

    it("shows a station leader their own station's cases escalated to 督办 or 催办, most overdue first, with officer, deadline and level", async () => {
      const list = await supervision('station_leader1');
      const ids = list.items.map((c) => c.caseId);
      expect(ids).toEqual(expect.arrayContaining([branchUrged, stationSupervised]));
      expect(ids).not.toContain(otherStation);
      expect(ids).not.toContain(onTime);
      expect(ids.indexOf(branchUrged)).toBeLessThan(ids.indexOf(stationSupervised));
      const dueTimes = list.items.map((c) => Date.parse(c.dueAt));
      expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));
      expect(list.total).toBe(list.items.length);

      const urged = list.items.find((c) => c.caseId === branchUrged);
      expect(urged).toMatchObject({
        title: '楼道堆物多次反映无人处理', communityName: '胜利社区', officerName: '王建国', deadlineKind: 'first_response',
        escalation: EscalationLevel.BranchUrging, status: CaseStatus.Submitted, lastUrgedAt: null,
      });
      expect(urged?.number).toMatch(/^\d{8}-\d{6}$/);
      expect(list.items.find((c) => c.caseId === stationSupervised)).toMatchObject({ escalation: EscalationLevel.StationSupervising, deadlineKind: 'first_response' });

      // 城关派出所's leader sees the transferred case with its new officer, and nothing of 天桥's.
      const other = await supervision('station_leader2');
      expect(other.items.map((c) => c.caseId)).toEqual([otherStation]);
      expect(other.items[0]).toMatchObject({ communityName: '禹王社区', officerName: '陈志强', status: CaseStatus.Transferred, escalation: EscalationLevel.BranchUrging });
    });

    it('shows a branch leader only what reached 分局催办 in their branch, and a city leader that of the whole city', async () => {
      const branch = await listed('branch_leader1');
      expect(branch).toContain(branchUrged);
      // Still the station's to chase at 派出所督办; and 城关 is another branch's.
      expect(branch).not.toContain(stationSupervised);
      expect(branch).not.toContain(otherStation);
      const city = await listed('city_leader1');
      expect(city).toEqual(expect.arrayContaining([branchUrged, otherStation]));
      expect(city).not.toContain(stationSupervised);
    });

    it('pages like the queue: the same total on every page, and an empty page past the last', async () => {
      const all = await supervision('station_leader1');
      expect(all.total).toBeGreaterThanOrEqual(2);
      const first = await supervision('station_leader1', 'page=1&pageSize=1');
      const second = await supervision('station_leader1', 'page=2&pageSize=1');
      expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 1, items: [all.items[0]] });
      expect(second).toMatchObject({ total: all.total, page: 2, pageSize: 1, items: [all.items[1]] });
      expect(await supervision('station_leader1', `page=${all.total + 1}&pageSize=1`)).toMatchObject({ total: all.total, items: [] });
      expect((await t.http.get('/api/supervision/cases?pageSize=500').set(as('station_leader1')).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    });

    it('is for leaders: officers and residents are refused', async () => {
      for (const who of ['officer1', 'resident1']) {
        expect((await t.http.get('/api/supervision/cases').set(as(who)).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      }
    });

    it('drops a case once the officer answers it and it is resolved', async () => {
      await act('officer1', branchUrged, CaseAction.Accept).expect(200);
      await act('officer1', branchUrged, CaseAction.Resolve, { note: '已清理楼道' }).expect(200);
      expect(await listed('station_leader1')).not.toContain(branchUrged);
      expect(await listed('branch_leader1')).not.toContain(branchUrged);
      expect(await listed('station_leader1')).toContain(stationSupervised);
    });
  });

  describe('催办', () => {
    it('tells the officer in-app, adds an internal event the resident does not see, is audited, and allows one per case every 10 minutes', async () => {
      const id = await report(CaseKind.Dispute, 'neighbour', '楼下烧烤油烟熏人');
      await runClock(Date.now(), [31, 62]);
      const officerNotices = async () =>
        (await t.dataSource.query('SELECT title, body FROM notifications WHERE user_id = ? AND case_id = ? AND title LIKE ?', [await userId('officer1'), id, '%催办%'])) as {
          title: string; body: string;
        }[];

      const res = await urge('station_leader1', id, `  ${instruction} `).expect(200);
      const event = res.body.timeline.find((e: { type: string }) => e.type === 'urged');
      expect(event).toMatchObject({ public: false, actorLabel: '派出所领导', note: `天桥所 郑副所长催办：${instruction}` });
      expect(res.body.canUrge).toBe(true);

      expect(await officerNotices()).toEqual([{ title: '派出所领导催办：楼下烧烤油烟熏人', body: `天桥所 郑副所长：${instruction}` }]);
      const officerView = await caseView('officer1', id);
      expect(officerView.timeline.filter((e: { type: string }) => e.type === 'urged')).toHaveLength(1);
      expect(officerView.canUrge).toBe(false);
      const residentView = await caseView('resident1', id);
      expect(residentView.timeline.some((e: { type: string; note: string | null }) => e.type === 'urged' || e.note?.includes(instruction))).toBe(false);
      const [residentNotice] = await t.dataSource.query('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND case_id = ? AND body LIKE ?', [
        await userId('resident1'), id, `%${instruction}%`,
      ]);
      expect(Number(residentNotice.n)).toBe(0);
      const audit = await t.dataSource.query("SELECT actor_id, detail FROM audit_entries WHERE action = 'case.urged' AND target_type = 'case' AND target_id = ?", [String(id)]);
      expect(audit).toEqual([{ actor_id: await userId('station_leader1'), detail: instruction }]);
      expect((await supervision('station_leader1')).items.find((c) => c.caseId === id)?.lastUrgedAt).not.toBeNull();

      // Again within 10 minutes, by the same leader or another: refused, and nothing more is sent.
      for (const who of ['station_leader1', 'branch_leader1']) {
        const again = (await urge(who, id, '再催一次').expect(429)).body;
        expect(again.code).toBe(ErrorCode.UrgeTooFrequent);
        expect(again.message).toMatch(/^该上报10分钟内已催办过，请\d+分钟后再催办$/);
      }
      expect(await officerNotices()).toHaveLength(1);

      // Ten minutes on, it may be urged again.
      const later = new Date(Date.now() + 11 * MINUTE);
      const detail = await t.app.get(SupervisionService).urge(await callerOf('branch_leader1'), id, '分局再次催办：务必今日办结', later);
      expect(detail.timeline.filter((e) => e.type === 'urged').map((e) => e.actorLabel)).toEqual(['派出所领导', '分县局领导']);
      expect(await officerNotices()).toHaveLength(2);
    });

    it('is refused to officers (403), to leaders outside the jurisdiction (404, audited), on finished cases and without an instruction', async () => {
      const id = await report(CaseKind.ServiceNeed, 'help', '独居老人家中无人应门');
      expect((await urge('officer1', id, instruction).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await urge('resident1', id, instruction).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await caseView('officer1', id)).canUrge).toBe(false);
      expect((await caseView('station_leader1', id)).canUrge).toBe(true);

      expect((await urge('station_leader2', id, instruction).expect(404)).body.code).toBe(ErrorCode.NotFound);
      const [denied] = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND actor_id = ? AND target_id = ?", [
        await userId('station_leader2'), String(id),
      ]);
      expect(Number(denied.n)).toBe(1);
      expect((await urge('station_leader1', 999_999, instruction).expect(404)).body.code).toBe(ErrorCode.NotFound);

      expect((await urge('station_leader1', id, '   ').expect(400)).body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '请填写催办要求' });
      expect((await urge('station_leader1', id, '催'.repeat(201)).expect(400)).body).toMatchObject({ code: ErrorCode.ValidationFailed, message: '催办要求不能超过200个字' });

      await act('officer1', id, CaseAction.Reject, { note: '已联系上老人家属，不需民警处理' }).expect(200);
      expect((await caseView('station_leader1', id)).canUrge).toBe(false);
      expect((await urge('station_leader1', id, instruction).expect(409)).body.code).toBe(ErrorCode.CaseTransitionNotAllowed);
      const [events] = await t.dataSource.query("SELECT COUNT(*) AS n FROM case_events WHERE case_id = ? AND type = 'urged'", [id]);
      expect(Number(events.n)).toBe(0);
    });

    it('tells the station leaders when the community has no 责任民警 to urge', async () => {
      const id = await report(CaseKind.Dispute, 'neighbour', '楼上漏水淹了我家');
      await t.dataSource.query('UPDATE cases SET officer_id = NULL WHERE id = ?', [id]);
      await urge('branch_leader1', id, '请所里尽快安排民警接手').expect(200);
      const [notice] = await t.dataSource.query('SELECT title FROM notifications WHERE user_id = ? AND case_id = ? AND title LIKE ?', [
        await userId('station_leader1'), id, '%催办%',
      ]);
      expect(notice.title).toBe('分县局领导催办：楼上漏水淹了我家');
    });
  });

  describe('the demo clock', () => {
    it("lets a case's time run on so it is overdue and escalated now, one scheduler step at a time", async () => {
      const id = await report(CaseKind.Dispute, 'neighbour', '演示：楼上跳绳声音太大');
      expect((await t.http.post(`/api/demo/cases/${id}/elapse`).set(as('resident1')).send({ minutes: 75 }).expect(403)).body.code).toBe(ErrorCode.Forbidden);
      expect((await t.http.post(`/api/demo/cases/${id}/elapse`).set(as('station_leader2')).send({ minutes: 75 }).expect(404)).body.code).toBe(ErrorCode.NotFound);
      expect((await t.http.post(`/api/demo/cases/${id}/elapse`).set(as('officer1')).send({ minutes: 0 }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);

      // Due 30 minutes after the report, 75 minutes on it is 45 minutes late: 提醒 then 派出所督办, the next step still 15 minutes off.
      const view = (await t.http.post(`/api/demo/cases/${id}/elapse`).set(as('officer1')).send({ minutes: 75 }).expect(200)).body;
      expect(view).toMatchObject({ overdue: true, escalation: EscalationLevel.StationSupervising });
      expect(view.timeline.filter((e: { type: string }) => e.type === 'escalated')).toHaveLength(2);
      const item = (await supervision('station_leader1')).items.find((c) => c.caseId === id);
      expect(item).toMatchObject({ escalation: EscalationLevel.StationSupervising, deadlineKind: 'first_response' });
      expect(Date.parse(item?.dueAt ?? '')).toBe(Date.parse(view.createdAt) - 45 * MINUTE);
    });
  });
});

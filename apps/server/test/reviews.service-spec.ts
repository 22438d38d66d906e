import {
  Anonymity, blocksFromText, BulletinKind, CaseKind, ContactPreference, ErrorCode, FiguresView, FollowUpView, MajorIssueView, ReviewPacket, ReviewSchedule,
} from '@jws/contracts';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { chinaDate } from '../src/common/china-time';
import { FollowUpEscalationWorker, ReviewCadenceWorker } from '../src/reviews';
import { factories } from './factories';
import { startTestApp, TestApp } from './test-app';

const DAY = 86_400_000;

/**
 * 会商调度 (issue #22, docs/reviews.md) on MariaDB: the cadence of each level, the packet from known
 * records, a decision's follow-up on the owner's and the 督办 lists and its escalation, a missed
 * review reported once with two instances, 重大问题 to the 挂点 leader, refusals and scope.
 */
describe('reviews: 会商调度 (MariaDB)', () => {
  let t: TestApp;
  const { as, signIn, userId, communityId, report, wechatResident } = factories(() => t);
  const today = chinaDate(new Date());
  const shift = (day: string, days: number) => chinaDate(Date.parse(`${day}T00:00:00+08:00`) + days * DAY);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
  const monday = shift(today, -((weekday + 6) % 7));
  const schedule = async (who: string, query = ''): Promise<ReviewSchedule> => (await t.http.get(`/api/reviews${query}`).set(as(who)).expect(200)).body;
  const packet = async (who: string, query: string): Promise<ReviewPacket> => (await t.http.get(`/api/reviews/packet?${query}`).set(as(who)).expect(200)).body;
  const record = (who: string, body: Record<string, unknown>) => t.http.post('/api/reviews').set(as(who)).send(body);
  const count = async (sql: string, args: unknown[] = []): Promise<number> => Number((await t.dataSource.query(sql, args))[0].n);
  const denied = (type: string, id: number | string) =>
    count("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = ? AND target_id = ?", [type, String(id)]);
  const file = async (who: string, path: string): Promise<Buffer> =>
    (await t.http.get(path).set(as(who)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200)).body as Buffer;
  const dispute = async (title: string): Promise<number> => (await report('resident1', {
    kind: CaseKind.Dispute, subcategory: 'neighbour', title, description: `${title}，请民警处理`, contactPreference: ContactPreference.InApp,
    anonymity: Anonymity.None, addressText: '5栋2单元',
  }).expect(201)).body.id as number;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    await signIn('resident1', 'officer1', 'officer3', 'station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1', 'legal_reviewer1');
  });
  afterAll(() => t.close());

  it('holds stations weekly, branches every 旬 and the city monthly, the current period due', async () => {
    const station = await schedule('station_leader1');
    expect(station).toMatchObject({ node: { name: '天桥派出所', level: 'station' }, unit: 'week', canRecord: true });
    expect(station.periods[0]).toMatchObject({ period: { from: monday, to: shift(monday, 6) }, state: 'due', reviewId: null });
    expect(station.periods[1].period.to).toBe(shift(monday, -1));
    const date = Number(today.slice(8));
    const xunFrom = `${today.slice(0, 8)}${date <= 10 ? '01' : date <= 20 ? '11' : '21'}`;
    expect((await schedule('branch_leader1')).periods[0]).toMatchObject({ unit: 'xun', period: { from: xunFrom }, state: 'due' });
    expect((await schedule('city_leader1')).periods[0]).toMatchObject({ unit: 'month', period: { from: `${today.slice(0, 8)}01` }, state: 'due' });
    // A leader above reads a station's schedule, but does not record it.
    const tianqiao = await communityId('天桥派出所');
    expect(await schedule('branch_leader1', `?orgId=${tianqiao}`)).toMatchObject({ node: { id: tianqiao }, unit: 'week', canRecord: false });
  });

  it('answers 404 and leaves an audit entry for a node outside the jurisdiction', async () => {
    const chengguan = await communityId('城关派出所');
    const before = await denied('org_unit', chengguan);
    const res = await t.http.get(`/api/reviews?orgId=${chengguan}`).set(as('station_leader1')).expect(404);
    expect(res.body.code).toBe(ErrorCode.NotFound);
    await t.http.get(`/api/reviews/packet?orgId=${chengguan}&from=${monday}`).set(as('branch_leader1')).expect(404);
    expect(await denied('org_unit', chengguan)).toBe(before + 2);
    expect((await t.http.get('/api/reviews').set(as('officer1'))).status).toBe(403);
  });

  it('refuses a period not yet due, a decision without an owner or a deadline, and writes nothing', async () => {
    const reviews = () => count('SELECT COUNT(*) AS n FROM reviews');
    const before = await reviews();
    const base = { periodFrom: monday, heldOn: today, attendees: '郑副所长、王建国', summary: '本周情况', decisions: [] };
    const next = await record('station_leader1', { ...base, periodFrom: shift(monday, 7), heldOn: shift(monday, 7) }).expect(400);
    expect(next.body).toMatchObject({ code: ErrorCode.ReviewNotDue, message: '该时段的会商还未到期，不能提前记录' });
    expect((await t.http.get(`/api/reviews/packet?from=${shift(monday, 7)}`).set(as('station_leader1')).expect(400)).body.code).toBe(ErrorCode.ReviewNotDue);
    const officer1 = await userId('officer1');
    for (const decision of [{ content: '逐户提示', deadline: today }, { content: '逐户提示', ownerId: officer1 }, { content: '逐户提示', ownerId: await userId('officer3'), deadline: today }]) {
      const res = await record('station_leader1', { ...base, decisions: [decision] }).expect(400);
      expect(res.body.code).toBe(ErrorCode.DecisionIncomplete);
    }
    expect((await record('station_leader1', { ...base, periodFrom: shift(monday, 1) }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    expect((await record('station_leader1', { ...base, heldOn: shift(monday, -1) }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    expect(await reviews()).toBe(before);
  });

  it('prepares the packet from the records: overdue items, open disputes, serious risks, rumours and read rates, join requests', async () => {
    const tianqiao = await communityId('天桥派出所');
    const before = await packet('station_leader1', `from=${monday}`);
    expect(before).toMatchObject({ node: { id: tianqiao }, unit: 'week', period: { from: monday, to: shift(monday, 6) } });

    const overdue = await dispute('楼道堆物引发邻里争吵');
    await t.http.post(`/api/demo/cases/${overdue}/elapse`).set(as('officer1')).send({ minutes: 75 }).expect(200);
    const risky = await dispute('两户因宅基地多次冲突');
    await t.http.post(`/api/cases/${risky}/actions`).set(as('officer1')).send({ action: 'accept', note: '已受理' }).expect(200);
    await t.http.post(`/api/cases/${risky}/serious-risk`).set(as('officer1')).send({ note: '一方扬言报复' }).expect(200);
    const applicant = await wechatResident(`openid-review-applicant-${randomUUID()}`);
    await t.http.post(`/api/communities/${await communityId('胜利社区')}/join-requests`).set({ Authorization: `Bearer ${applicant}` }).send({ note: '新搬来' }).expect(201);
    const rumour = (await t.http.post('/api/bulletins').set(as('officer1')).send({
      kind: BulletinKind.Rumour, title: '网传小区停水消息不实', body: blocksFromText('经核实，本周没有停水计划。'),
    }).expect(201)).body.id as number;
    await t.http.post(`/api/bulletins/${rumour}/submit`).set(as('officer1')).expect(200);
    await t.http.post(`/api/bulletins/${rumour}/review`).set(as('legal_reviewer1')).send({ decision: 'approve' }).expect(200);
    const group = Number((await t.dataSource.query("SELECT id FROM police_groups WHERE name = '胜利社区警民议事群'"))[0].id);
    await t.http.post(`/api/bulletins/${rumour}/pushes`).set(as('officer1')).send({ groupIds: [group] }).expect(200);
    await t.http.post(`/api/bulletins/${rumour}/read`).set(as('resident1')).expect(200);

    const after = await packet('station_leader1', `from=${monday}`);
    expect(after.overdue.map((c) => c.caseId)).toContain(overdue);
    expect(after.overdue.find((c) => c.caseId === overdue)?.officerName).toBe('王建国');
    expect(after.openDisputes.map((c) => c.caseId)).toEqual(expect.arrayContaining([overdue, risky]));
    expect(after.seriousRisks.map((c) => c.caseId)).toContain(risky);
    expect(after.seriousRisks.length).toBe(before.seriousRisks.length + 1);
    expect(after.pendingJoinRequests).toBe(before.pendingJoinRequests + 1);
    const read = after.rumours.find((b) => b.bulletinId === rumour);
    const members = await count("SELECT COUNT(*) AS n FROM memberships WHERE community_id = ? AND status = 'active'", [await communityId('胜利社区')]);
    expect(read).toMatchObject({ title: '网传小区停水消息不实', groups: 1, members, readers: 1 });
    expect(after.bulletinReads.length).toBe(before.bulletinReads.length + 1);
    expect(after.figures.counters.notices).toBe(before.figures.counters.notices + 1);
    expect(after.figures.rates.response.denominator).toBeGreaterThanOrEqual(before.figures.rates.response.denominator + 1);
    // The station's leader sees nothing of the other station in it.
    const other = await packet('station_leader2', `from=${monday}`);
    expect(other.overdue.map((c) => c.caseId)).not.toContain(overdue);
    expect(other.rumours.map((b) => b.bulletinId)).not.toContain(rumour);

    // The workbook: the node and the period in the title, a sheet per list.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await file('station_leader1', `/api/reviews/packet.xlsx?from=${monday}`) as never);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['研判材料', '逾期督办', '转办积压', '在办矛盾纠纷', '化解结果', '重大风险', '公告阅读', '督办事项']);
    expect(String(workbook.getWorksheet('研判材料')?.getCell('A1').value)).toBe(`天桥派出所 每周会商研判材料 ${monday} 至 ${shift(monday, 6)}`);
    const risks = workbook.getWorksheet('重大风险');
    expect(risks?.getColumn(2).values).toContain('两户因宅基地多次冲突');
  });

  describe('a recorded review and its decision', () => {
    let followUp: FollowUpView;

    it('becomes a follow-up on the owner’s list and the 督办 list, the owner told; the period is then recorded, once', async () => {
      const officer1 = await userId('officer1');
      const res = await record('station_leader1', {
        periodFrom: monday, heldOn: today, attendees: '郑副所长、王建国、赵立新', summary: '本周电动车进楼充电隐患较多',
        decisions: [{ content: '胜利社区电动车进楼充电逐户提示', ownerId: officer1, deadline: shift(today, 3) }],
      }).expect(201);
      expect(res.body).toMatchObject({ orgName: '天桥派出所', unit: 'week', period: { from: monday }, heldOn: today, recordedBy: '天桥所 郑副所长' });
      followUp = res.body.followUps[0];
      expect(followUp).toMatchObject({ ownerName: '王建国', deadline: shift(today, 3), status: 'open', overdue: false, escalatedAt: null });

      const mine: FollowUpView[] = (await t.http.get('/api/follow-ups/mine').set(as('officer1')).expect(200)).body;
      expect(mine.map((f) => f.id)).toContain(followUp.id);
      for (const leader of ['station_leader1', 'branch_leader1', 'city_leader1']) {
        const list: FollowUpView[] = (await t.http.get('/api/supervision/follow-ups').set(as(leader)).expect(200)).body;
        expect(list.map((f) => f.id)).toContain(followUp.id);
      }
      expect(((await t.http.get('/api/supervision/follow-ups').set(as('station_leader2')).expect(200)).body as FollowUpView[]).map((f) => f.id)).not.toContain(followUp.id);
      expect(await count("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND title = '会商督办：天桥派出所'", [officer1])).toBe(1);
      expect(await count("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'review.recorded' AND target_id = ?", [String(res.body.id)])).toBe(1);

      const schedule1 = await schedule('station_leader1');
      expect(schedule1.periods[0]).toMatchObject({ state: 'recorded', reviewId: res.body.id, heldOn: today });
      const again = await record('station_leader1', { periodFrom: monday, heldOn: today, attendees: '郑副所长', summary: '再记一次', decisions: [] }).expect(409);
      expect(again.body.code).toBe(ErrorCode.ReviewAlreadyRecorded);
      // Read back by a leader over it; the other station's leader gets 404 and an audit entry.
      await t.http.get(`/api/reviews/${res.body.id}`).set(as('city_leader1')).expect(200);
      const before = await denied('review', res.body.id);
      await t.http.get(`/api/reviews/${res.body.id}`).set(as('station_leader2')).expect(404);
      expect(await denied('review', res.body.id)).toBe(before + 1);
    });

    it('escalates once when overdue, with two instances on the lease scheduler', async () => {
      await t.dataSource.query('UPDATE review_follow_ups SET due_at = DATE_SUB(NOW(3), INTERVAL 1 MINUTE) WHERE id = ?', [followUp.id]);
      const peer = await t.startPeer();
      try {
        const done = await Promise.all([t.app.get(FollowUpEscalationWorker).tick(), peer.app.get(FollowUpEscalationWorker).tick()]);
        expect(done[0] + done[1]).toBe(1);
        expect(await peer.app.get(FollowUpEscalationWorker).tick()).toBe(0);
      } finally {
        await peer.close();
      }
      const officer1 = await userId('officer1');
      for (const who of [officer1, await userId('station_leader1'), await userId('branch_leader1')]) {
        expect(await count("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND title = '督办事项逾期：天桥派出所'", [who])).toBe(1);
      }
      const mine: FollowUpView[] = (await t.http.get('/api/follow-ups/mine').set(as('officer1')).expect(200)).body;
      expect(mine.find((f) => f.id === followUp.id)).toMatchObject({ overdue: true, status: 'open', escalatedAt: expect.any(String) });
    });

    it('is done by its owner alone', async () => {
      const before = await denied('follow_up', followUp.id);
      await t.http.post(`/api/follow-ups/${followUp.id}/done`).set(as('officer3')).send({ note: '已办' }).expect(404);
      expect(await denied('follow_up', followUp.id)).toBe(before + 1);
      const done = (await t.http.post(`/api/follow-ups/${followUp.id}/done`).set(as('officer1')).send({ note: '已逐户提示，楼道已清理' }).expect(200)).body;
      expect(done).toMatchObject({ status: 'done', doneNote: '已逐户提示，楼道已清理', overdue: false });
      expect((await t.http.post(`/api/follow-ups/${followUp.id}/done`).set(as('officer1')).send({ note: '再办一次' })).status).toBe(409);
    });
  });

  it('reports a period that ended without a review once to the level above, even with two instances, and shows it there', async () => {
    const branchLeader = await userId('branch_leader1');
    const cityLeader = await userId('city_leader1');
    const nodes = await count("SELECT COUNT(*) AS n FROM org_units WHERE level IN ('station', 'branch', 'city')");
    const peer = await t.startPeer();
    try {
      const reported = await Promise.all([t.app.get(ReviewCadenceWorker).tick(), peer.app.get(ReviewCadenceWorker).tick()]);
      expect(reported[0] + reported[1]).toBe(nodes);
      expect(await t.app.get(ReviewCadenceWorker).tick()).toBe(0);
      expect(await peer.app.get(ReviewCadenceWorker).tick()).toBe(0);
    } finally {
      await peer.close();
    }
    const lastWeek = shift(monday, -7);
    expect(await count("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND title = '未按期会商：天桥派出所'", [branchLeader])).toBe(1);
    expect(await count("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND title = '未按期会商：蚌山分局'", [cityLeader])).toBe(1);
    // On the level above's list, and on the station's own, as missed.
    const branch = await schedule('branch_leader1');
    expect(branch.missedBelow).toEqual(expect.arrayContaining([expect.objectContaining({ orgName: '天桥派出所', period: { from: lastWeek, to: shift(monday, -1) }, state: 'missed' })]));
    expect(branch.missedBelow.map((m) => m.orgName)).not.toContain('城关派出所');
    const station = await schedule('station_leader1');
    expect(station.periods[1]).toMatchObject({ state: 'missed', reportedAt: expect.any(String) });
    // On the figures of the level above for that week, and not on the other branch's.
    const figures = (await t.http.get(`/api/figures?from=${lastWeek}&to=${shift(monday, -1)}`).set(as('branch_leader1')).expect(200)).body as FiguresView;
    expect(figures.missedReviews).toEqual(expect.arrayContaining([{ orgId: await communityId('天桥派出所'), orgName: '天桥派出所', unit: 'week', period: { from: lastWeek, to: shift(monday, -1) } }]));
    expect(figures.missedReviews.map((m) => m.orgName)).not.toContain('城关派出所');
  });

  it('raises a 重大问题 to the station’s 挂点 city leader, who alone feeds back', async () => {
    const res = await t.http.post('/api/major-issues').set(as('station_leader1')).send({ title: '工地欠薪可能引发聚集', detail: '涉及农民工40余人', deadline: shift(today, 2) }).expect(201);
    const issue: MajorIssueView = res.body;
    expect(issue).toMatchObject({ stationName: '天桥派出所', leaderName: '市局 周局长', status: 'open', deadline: shift(today, 2) });
    expect(await count("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND title = '重大问题待会商：天桥派出所'", [await userId('city_leader1')])).toBe(1);
    expect(((await t.http.get('/api/major-issues').set(as('city_leader1')).expect(200)).body as MajorIssueView[]).map((i) => i.id)).toContain(issue.id);
    expect(((await t.http.get('/api/major-issues').set(as('station_leader2')).expect(200)).body as MajorIssueView[]).map((i) => i.id)).not.toContain(issue.id);
    expect((await t.http.post('/api/major-issues').set(as('branch_leader1')).send({ title: '问题', detail: '情况', deadline: today })).status).toBe(403);
    expect((await t.http.post('/api/major-issues').set(as('station_leader1')).send({ title: '问题', detail: '情况', deadline: shift(today, -1) })).status).toBe(400);

    await t.http.post(`/api/major-issues/${issue.id}/feedback`).set(as('branch_leader1')).send({ feedback: '已会商' }).expect(404);
    const answered = (await t.http.post(`/api/major-issues/${issue.id}/feedback`).set(as('city_leader1')).send({ feedback: '已召集劳动监察会商，明日约谈施工方' }).expect(200)).body;
    expect(answered).toMatchObject({ status: 'answered', feedback: '已召集劳动监察会商，明日约谈施工方' });
    expect(await count("SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND title = '重大问题已反馈：工地欠薪可能引发聚集'", [await userId('station_leader1')])).toBe(1);
  });
});

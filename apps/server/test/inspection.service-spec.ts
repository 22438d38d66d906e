import {
  Anonymity, CaseAction, CaseKind, ContactPreference, ErrorCode, InquiryOutcome, InquiryView, InspectionCaseView, InspectionItem, TimelineEventType,
} from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { CaseDeadlinesWorker } from '../src/cases/case-deadlines.worker';
import { factories } from './factories';
import { startTestApp, TestApp } from './test-app';

const MINUTE = 60_000;

describe('责任追究: the inspector (信访/督察) reads response-time trails and writes 核查 (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as, userId, communityId, signIn } = factories(() => t, tokens);

  const report = async (title: string): Promise<number> => {
    const body = { kind: CaseKind.Dispute, subcategory: 'neighbour', title, description: `${title}，请民警尽快处理`, contactPreference: ContactPreference.InApp, anonymity: Anonymity.None };
    return (await t.http.post('/api/cases').set(as('resident1')).set('Idempotency-Key', randomUUID()).send(body).expect(201)).body.id as number;
  };
  const list = async (username: string): Promise<InspectionItem[]> =>
    (await t.http.get('/api/inspection/cases?pageSize=100').set(as(username)).expect(200)).body.items;
  const inquire = (username: string, id: number, body: Record<string, unknown>) => t.http.post(`/api/cases/${id}/inquiries`).set(as(username)).send(body);
  const audits = async (action: string, actor: string): Promise<number> =>
    Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_entries WHERE action = ? AND actor_id = ?', [action, await userId(actor)]))[0].n);
  const inquiryCount = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM inspection_inquiries'))[0].n);
  const notices = async (username: string) =>
    (await t.http.get('/api/notifications?pageSize=100').set(as(username)).expect(200)).body.items as { title: string; body: string; caseId: number | null }[];

  /** Not answered: 提醒 at +31, 派出所督办 at +62, 分局催办 at +93 (the scheduler's clock, as supervision's tests drive it). */
  let late: number;
  /** Accepted at once: on time, on nobody's list. */
  let onTime: number;
  /** Transferred to 禹王社区 (城关派出所, 怀远县公安局), escalated there. */
  let away: number;

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    await signIn('resident1', 'officer1', 'officer3', 'officer4', 'station_leader1', 'station_leader2', 'city_leader1', 'inspector1', 'admin1');
    late = await report('楼道堆物多次反映无人处理');
    onTime = await report('邻居家狗夜里一直叫');
    away = await report('物业停水三天没有说法');
    await t.http.post(`/api/cases/${away}/actions`).set(as('officer1')).send({ action: CaseAction.Transfer, note: '事发地在禹王社区', transferToCommunityId: await communityId('禹王社区') }).expect(200);
    await t.http.post(`/api/cases/${onTime}/actions`).set(as('officer1')).send({ action: CaseAction.Accept }).expect(200);
    const from = Date.now();
    for (const m of [31, 62, 93]) await t.app.get(CaseDeadlinesWorker).tick(new Date(from + m * MINUTE));
    await t.http.post(`/api/cases/${late}/urge`).set(as('station_leader1')).send({ instruction: '请今天下班前上门核实' }).expect(200);
    await t.http.post(`/api/cases/${late}/notes`).set(as('officer1')).send({ note: '已电话联系物业，明早上门', internal: true }).expect(200);
  });
  afterAll(() => t.close());

  it('lists the city’s overdue and escalated cases for the city’s inspector, each with deadlines, who was told, 催办 and replies', async () => {
    const items = await list('inspector1');
    const ids = items.map((i) => i.caseId);
    expect(ids).toEqual(expect.arrayContaining([late, away]));
    expect(ids).not.toContain(onTime);
    const item = items.find((i) => i.caseId === late) as InspectionItem;
    expect(item).toMatchObject({ officerName: '王建国', communityName: '胜利社区', escalation: 3 });
    const first = item.trail.deadlines.find((d) => d.kind === 'first_response');
    expect(first).toMatchObject({ metAt: null, escalation: 3 });
    const steps = item.trail.steps;
    expect(steps.filter((s) => s.kind === 'escalated').length).toBeGreaterThanOrEqual(3);
    expect(steps).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'notice', who: '王建国' }),
      expect.objectContaining({ kind: 'notice', who: '天桥所 郑副所长' }),
      expect.objectContaining({ kind: 'urge', who: '天桥所 郑副所长', text: expect.stringContaining('请今天下班前上门核实') }),
      expect.objectContaining({ kind: 'reply', who: '王建国', text: expect.stringContaining('明早上门') }),
    ]));
    // The reporter is never named to the inspector (a report may be anonymous to others).
    expect(steps.some((s) => s.who === '张阿姨')).toBe(false);
    // Oldest first: the 催办 came before the officer's reply.
    expect(steps.findIndex((s) => s.kind === 'urge')).toBeLessThan(steps.findIndex((s) => s.kind === 'reply'));
    expect(steps.map((s) => s.at)).toEqual([...steps.map((s) => s.at)].sort());
  });

  it('keeps the list and the trail to inspectors, in their jurisdiction: a branch inspector sees only the branch', async () => {
    for (const who of ['officer1', 'station_leader1', 'city_leader1', 'resident1', 'admin1']) {
      await t.http.get('/api/inspection/cases').set(as(who)).expect(403);
      await t.http.get(`/api/inspection/cases/${late}`).set(as(who)).expect(403);
    }
    const [huaiyuan] = (await t.dataSource.query("SELECT id FROM org_units WHERE name = '怀远县公安局'")) as { id: number }[];
    await t.dataSource.query(
      "INSERT INTO users (nickname, role, username, org_unit_id, is_informant, disabled, created_at) VALUES ('怀远督察 韩督察', 'inspector', 'inspector_hy', ?, 0, 0, NOW(3))",
      [huaiyuan.id],
    );
    tokens.inspector_hy = await t.login('inspector_hy');
    const ids = (await list('inspector_hy')).map((i) => i.caseId);
    expect(ids).toContain(away);
    expect(ids).not.toContain(late);
    const denied = await t.http.get(`/api/inspection/cases/${late}`).set(as('inspector_hy')).expect(404);
    expect(denied.body.code).toBe(ErrorCode.NotFound);
    await inquire('inspector_hy', late, { findings: '越权核查', outcome: InquiryOutcome.Reminder }).expect(404);
    expect(await audits('access.denied', 'inspector_hy')).toBeGreaterThanOrEqual(2);
  });

  it('lets only inspectors write a 核查; everyone else is refused with a code, and bad input writes nothing', async () => {
    const before = await inquiryCount();
    for (const who of ['officer1', 'station_leader1', 'city_leader1', 'resident1', 'admin1']) {
      const res = await inquire(who, late, { findings: '越权', outcome: InquiryOutcome.Criticism }).expect(403);
      expect(res.body.code).toBe(ErrorCode.Forbidden);
    }
    expect((await inquire('inspector1', late, { findings: '超时', outcome: 'fired' }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    expect((await inquire('inspector1', late, { findings: '   ', outcome: InquiryOutcome.Reminder }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    await inquire('inspector1', 99_999_999, { findings: '不存在', outcome: InquiryOutcome.Reminder }).expect(404);
    expect(await inquiryCount()).toBe(before);
  });

  it('records a 核查 with findings and outcome, tells the officer and the station leader, and shows it on the case to them', async () => {
    const findings = '首次响应超时93分钟，民警称外出培训未交接，已电话说明';
    const res = await inquire('inspector1', late, { findings, outcome: InquiryOutcome.Criticism }).expect(201);
    const view = res.body as InquiryView;
    expect(view).toMatchObject({ caseId: late, findings, outcome: InquiryOutcome.Criticism, inspectorName: '市局督察 黄督察', officerName: '王建国' });
    // Encrypted at rest: the findings are not in the table as text.
    const [row] = await t.dataSource.query('SELECT findings_enc AS f FROM inspection_inquiries WHERE id = ?', [view.id]);
    expect(String(row.f)).not.toContain('培训');

    for (const who of ['officer1', 'station_leader1']) {
      const told = (await notices(who)).filter((n) => n.caseId === late && n.title.includes('核查'));
      expect(told).toHaveLength(1);
      expect(told[0].body).toContain('批评教育');
    }
    expect((await notices('station_leader2')).some((n) => n.title.includes('核查'))).toBe(false);

    for (const who of ['officer1', 'station_leader1', 'city_leader1']) {
      const seen = (await t.http.get(`/api/cases/${late}/inquiries`).set(as(who)).expect(200)).body as InquiryView[];
      expect(seen.map((i) => i.findings)).toEqual([findings]);
    }
    await t.http.get(`/api/cases/${late}/inquiries`).set(as('officer4')).expect(404);
    await t.http.get(`/api/cases/${late}/inquiries`).set(as('station_leader2')).expect(404);
    await t.http.get(`/api/cases/${late}/inquiries`).set(as('resident1')).expect(403);

    // The inspector's view of the case: the 核查 and the trail's own entries (the notices it sent, the 核查 step).
    const page = (await t.http.get(`/api/inspection/cases/${late}`).set(as('inspector1')).expect(200)).body as InspectionCaseView;
    expect(page.inquiries.map((i) => i.id)).toEqual([view.id]);
    expect(page.item.inquiryCount).toBe(1);
    expect(page.item.trail.steps).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'inquiry', who: '市局督察 黄督察' })]));
    const history = (await t.http.get('/api/inspection/inquiries').set(as('inspector1')).expect(200)).body;
    expect(history.items.map((i: InquiryView) => i.id)).toContain(view.id);
    // The officer's case page shows the 核查 as an internal timeline entry.
    const detail = (await t.http.get(`/api/cases/${late}`).set(as('officer1')).expect(200)).body;
    expect(detail.timeline.map((e: { type: string }) => e.type)).toContain(TimelineEventType.InquiryOpened);
  });

  it('audits every read and write of 责任追究', async () => {
    expect(await audits('inspection.list_read', 'inspector1')).toBeGreaterThanOrEqual(1);
    expect(await audits('inspection.case_read', 'inspector1')).toBeGreaterThanOrEqual(1);
    expect(await audits('inspection.inquiry_opened', 'inspector1')).toBe(1);
    expect(await audits('inspection.inquiry_read', 'inspector1')).toBeGreaterThanOrEqual(1);
    expect(await audits('inspection.inquiry_read', 'officer1')).toBeGreaterThanOrEqual(1);
    expect(await audits('inspection.inquiry_read', 'station_leader1')).toBeGreaterThanOrEqual(1);
  });

  it('moves a community’s open cases to the new officer on handover, with a timeline entry and a notice; closed ones stay', async () => {
    const shengli = await communityId('胜利社区');
    const open = await report('电动车楼道充电');
    const closed = await report('路灯不亮已修好');
    await t.http.post(`/api/cases/${closed}/actions`).set(as('officer1')).send({ action: CaseAction.Reject, note: '已由物业修复' }).expect(200);
    const officer4 = await userId('officer4');
    await t.http.post(`/api/communities/${shengli}/handover`).set(as('station_leader1')).send({ newOfficerId: officer4, reason: '王建国调任巡逻大队' }).expect(200);

    const moved = (await t.http.get(`/api/cases/${open}`).set(as('officer4')).expect(200)).body;
    expect(moved.officerName).toBe('赵立新');
    const entry = moved.timeline.find((e: { type: string }) => e.type === TimelineEventType.Reassigned);
    expect(entry.note).toContain('赵立新');
    await t.http.get(`/api/cases/${late}`).set(as('officer4')).expect(200);
    await t.http.get(`/api/cases/${open}`).set(as('officer1')).expect(404);
    const told = (await notices('officer4')).filter((n) => n.title.startsWith('交接移交上报'));
    expect(told.map((n) => n.caseId)).toEqual(expect.arrayContaining([open, late]));
    expect(told.map((n) => n.caseId)).not.toContain(closed);
    // The closed case stays with its officer; the trail of the moved one names the handover.
    const [row] = await t.dataSource.query('SELECT officer_id AS o FROM cases WHERE id = ?', [closed]);
    expect(Number(row.o)).toBe(await userId('officer1'));
    const page = (await t.http.get(`/api/inspection/cases/${late}`).set(as('inspector1')).expect(200)).body as InspectionCaseView;
    expect(page.item.officerName).toBe('赵立新');
    expect(page.item.trail.steps).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'handover' }), expect.objectContaining({ kind: 'notice', who: '赵立新' })]));
  });
});

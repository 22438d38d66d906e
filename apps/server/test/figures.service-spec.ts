import { Anonymity, blocksFromText, BulletinKind, CaseAction, CaseKind, ContactPreference, ErrorCode, FigureRecord, FiguresView, FigureTrend, MembershipStatus, MemberType, WarningType } from '@jws/contracts';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import { chinaDate } from '../src/common/china-time';
import { FigureSnapshotWorker } from '../src/figures/figure-snapshot.worker';
import { bearer, startTestApp, TestApp } from './test-app';

const DAY = 86_400_000;

/**
 * 数据 (issue #22, docs/figures.md) on MariaDB: each counter against records made for it, the three
 * rates with known numerators and denominators, scope (404 and an audit entry), and bad input.
 * The demo's own cases are there too, so counters are read before and after the records are made.
 */
describe('figures: the six counters, the three rates, drill-down and export (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (username: string) => bearer(tokens[username]);
  const today = chinaDate(new Date());
  const unitId = async (name: string): Promise<number> => Number((await t.dataSource.query('SELECT id FROM org_units WHERE name = ?', [name]))[0].id);

  const report = async (who: string, kind: CaseKind, subcategory: string, title: string, communityId?: number): Promise<number> => {
    const body = {
      kind, subcategory, title, description: `${title}，请民警处理`, contactPreference: ContactPreference.InApp, anonymity: Anonymity.None,
      addressText: '5栋2单元', ...(communityId ? { communityId } : {}),
    };
    return (await t.http.post('/api/cases').set(as(who)).set('Idempotency-Key', randomUUID()).send(body).expect(201)).body.id as number;
  };
  const act = (who: string, id: number, action: CaseAction, extra: Record<string, unknown> = {}) =>
    t.http.post(`/api/cases/${id}/actions`).set(as(who)).send({ action, note: '已处理', ...extra }).expect(200);
  const elapse = (id: number, minutes: number) => t.http.post(`/api/demo/cases/${id}/elapse`).set(as('officer1')).send({ minutes }).expect(200);
  const figures = async (who: string, query = ''): Promise<FiguresView> =>
    (await t.http.get(`/api/figures?from=${today}&to=${today}${query}`).set(as(who)).expect(200)).body;
  const records = async (who: string, counter: string, query = ''): Promise<FigureRecord[]> =>
    (await t.http.get(`/api/figures/records?counter=${counter}&from=${today}&to=${today}&pageSize=100${query}`).set(as(who)).expect(200)).body.items;
  const deniedCount = async (id: number): Promise<number> =>
    Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = 'org_unit' AND target_id = ?", [String(id)]))[0].n);
  const settleOnline = (caseId: number) =>
    t.dataSource.query(
      "INSERT INTO mediation_rooms (case_id, parent_id, caucus_member_id, status, org_path, officer_id, title, last_seq, created_by, created_at, closed_at) " +
        "SELECT id, NULL, NULL, 'settled', org_path, officer_id, title, 0, officer_id, NOW(3), NOW(3) FROM cases WHERE id = ?",
      [caseId],
    );

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    for (const u of ['resident1', 'resident2', 'officer1', 'officer2', 'officer3', 'station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1', 'department_staff1', 'legal_reviewer1']) {
      tokens[u] = await t.login(u);
    }
  });
  afterAll(() => t.close());

  describe('the six counters', () => {
    let before: Record<string, FiguresView>;
    const made: Record<string, number> = {};

    beforeAll(async () => {
      before = {
        station: await figures('station_leader1'),
        other: await figures('station_leader2'),
        city: await figures('city_leader1'),
        officer1: await figures('officer1'),
      };
      // 收集异常报告: an anomaly and a crime lead in 胜利社区 (天桥), and an anomaly transferred to 禹王社区 (城关).
      made.anomaly = await report('resident1', CaseKind.Anomaly, 'person', '小区里有陌生人挨家敲门');
      made.lead = await report('resident1', CaseKind.CrimeLead, 'fraud', '有人冒充客服打电话');
      made.transferred = await report('resident1', CaseKind.Anomaly, 'vehicle', '禹王社区门口可疑车辆');
      await act('officer1', made.transferred, CaseAction.Transfer, { note: '事发地在禹王社区', transferToCommunityId: await unitId('禹王社区') });

      // 化解矛盾: A resolved (and its room settled too), B resolved, reopened and resolved again, C settled online while
      // still being handled; D only accepted.
      made.disputeA = await report('resident1', CaseKind.Dispute, 'neighbour', '楼上漏水');
      made.disputeB = await report('resident1', CaseKind.Dispute, 'property', '物业乱收费');
      made.disputeC = await report('resident1', CaseKind.Dispute, 'family', '兄弟分家纠纷');
      made.disputeD = await report('resident1', CaseKind.Dispute, 'wages', '工资拖欠');
      for (const id of [made.disputeA, made.disputeB, made.disputeC, made.disputeD]) await act('officer1', id, CaseAction.Accept);
      await act('officer1', made.disputeA, CaseAction.Resolve);
      await settleOnline(made.disputeA);
      await act('officer1', made.disputeB, CaseAction.Resolve);
      await act('resident1', made.disputeB, CaseAction.Reopen, { note: '物业还在收费' });
      await act('officer1', made.disputeB, CaseAction.Accept);
      await act('officer1', made.disputeB, CaseAction.Resolve);
      await settleOnline(made.disputeC);

      // 便民服务: a service case closed; a question closed that was a 请民警协助; a service case resolved, not yet confirmed;
      // a question closed that was not one.
      made.service = await report('resident1', CaseKind.ServiceNeed, 'certificate', '开具无犯罪记录证明');
      made.assist = await report('resident1', CaseKind.Question, 'procedure', '请民警协助：居住证办理');
      made.unconfirmed = await report('resident1', CaseKind.ServiceNeed, 'household', '户口迁移咨询');
      made.question = await report('resident1', CaseKind.Question, 'policy', '养犬政策咨询');
      await t.dataSource.query(
        "INSERT INTO case_assists (case_id, matter_code, matter_version, route_type, helper_name_enc, mode, planned_by, planned_at) VALUES (?, 'residence_permit', 1, 'station', NULL, NULL, NULL, NULL)",
        [made.assist],
      );
      for (const id of [made.service, made.assist, made.unconfirmed, made.question]) {
        await act('officer1', id, CaseAction.Accept);
        await act('officer1', id, CaseAction.Resolve);
      }
      for (const id of [made.service, made.assist, made.question]) await act('resident1', id, CaseAction.Confirm);

      // 安全防范: a hazard handled, a patrol on it, a visit in 胜利社区 on its own; officer3's patrol in 禹王社区.
      made.hazard = await report('resident1', CaseKind.Hazard, 'fire', '楼道堆放杂物');
      await act('officer1', made.hazard, CaseAction.Accept);
      await act('officer1', made.hazard, CaseAction.Resolve);
      const action = (who: string, body: Record<string, unknown>) =>
        t.http.post('/api/prevention-actions').set(as(who)).send({ actedAt: new Date(Date.now() - 3600_000).toISOString(), ...body });
      made.patrol = (await action('officer1', { kind: 'patrol', place: '胜利社区5栋楼道', caseId: made.hazard }).expect(201)).body.id;
      made.visit = (await action('officer1', { kind: 'visit', place: '胜利社区3栋201', communityId: await unitId('胜利社区'), note: '提醒关好燃气' }).expect(201)).body.id;
      made.away = (await action('officer3', { kind: 'patrol', place: '禹王社区东门', communityId: await unitId('禹王社区') }).expect(201)).body.id;
    });

    const delta = (after: FiguresView, was: FiguresView) =>
      Object.fromEntries(Object.entries(after.counters).map(([k, v]) => [k, v - was.counters[k as keyof FiguresView['counters']]]));

    it('counts each record once in its counter, for the station that holds it today, live', async () => {
      const station = await figures('station_leader1');
      expect(station).toMatchObject({ period: { from: today, to: today }, live: true, node: { name: '天桥派出所', level: 'station' } });
      expect(delta(station, before.station)).toEqual({ publicity: 0, notices: 0, disputesResolved: 3, services: 2, prevention: 3, anomalies: 2 });
      // 城关 gets the transferred report and officer3's patrol, nothing of 天桥's.
      expect(delta(await figures('station_leader2'), before.other)).toEqual({ publicity: 0, notices: 0, disputesResolved: 0, services: 0, prevention: 1, anomalies: 1 });
      // The city covers both.
      expect(delta(await figures('city_leader1'), before.city)).toEqual({ publicity: 0, notices: 0, disputesResolved: 3, services: 2, prevention: 4, anomalies: 3 });
      // An officer's own communities: what is theirs (officer3's patrol and the transferred report are not).
      const officer = await figures('officer1');
      expect(officer.node).toBeNull();
      expect(delta(officer, before.officer1)).toEqual({ publicity: 0, notices: 0, disputesResolved: 3, services: 2, prevention: 3, anomalies: 2 });
    });

    it('counts 法治宣传 and 提醒告知 as pushes × groups of bulletins, in the scope of the groups they went to', async () => {
      const was = { station: await figures('station_leader1'), other: await figures('station_leader2'), city: await figures('city_leader1'), officer1: await figures('officer1') };
      expect(was.station.unavailable).toEqual([]);
      const groupId = async (name: string) => Number((await t.dataSource.query('SELECT id FROM police_groups WHERE name = ?', [name]))[0].id);
      // A 预警 written by 户政科, approved by the 法治部门, pushed by officer1 into 胜利社区's group.
      const title = `预警 ${randomUUID().slice(0, 8)}`;
      const warning = (await t.http.post('/api/bulletins').set(as('department_staff1')).send({
        kind: BulletinKind.Warning, warningType: WarningType.Prevention, title, body: blocksFromText('接到自称客服的电话要求退款，先挂断再核实。'),
      }).expect(201)).body.id as number;
      await t.http.post(`/api/bulletins/${warning}/submit`).set(as('department_staff1')).expect(200);
      await t.http.post(`/api/bulletins/${warning}/review`).set(as('legal_reviewer1')).send({ decision: 'approve' }).expect(200);
      await t.http.post(`/api/bulletins/${warning}/pushes`).set(as('officer1')).send({ groupIds: [await groupId('胜利社区警民议事群')] }).expect(200);
      // The demo's approved 法治宣传, pushed into 纬四路社区's group.
      const approved = (await t.http.get('/api/bulletins?status=approved&pageSize=100').set(as('officer1')).expect(200)).body.items as { id: number; kind: string }[];
      const publicity = approved.find((b) => b.kind === BulletinKind.LegalPublicity);
      expect(publicity).toBeDefined();
      await t.http.post(`/api/bulletins/${publicity?.id}/pushes`).set(as('officer1')).send({ groupIds: [await groupId('纬四路社区警民议事群')] }).expect(200);

      const pushes = (view: FiguresView, before: FiguresView) => ({ publicity: view.counters.publicity - before.counters.publicity, notices: view.counters.notices - before.counters.notices });
      expect(pushes(await figures('station_leader1'), was.station)).toEqual({ publicity: 1, notices: 1 });
      expect(pushes(await figures('city_leader1'), was.city)).toEqual({ publicity: 1, notices: 1 });
      expect(pushes(await figures('officer1'), was.officer1)).toEqual({ publicity: 1, notices: 1 });
      expect(pushes(await figures('station_leader2'), was.other)).toEqual({ publicity: 0, notices: 0 });
      // Each number drills down to its pushes, named by the bulletin and the group's community.
      const notices = await records('station_leader1', 'notices');
      expect(notices.length).toBe((await figures('station_leader1')).counters.notices);
      expect(JSON.stringify(notices)).toContain(title);
    });

    it('drills down to the records behind a number, in scope, newest first', async () => {
      const disputes = await records('station_leader1', 'disputesResolved');
      const ids = disputes.map((r) => r.id);
      expect(ids).toEqual(expect.arrayContaining([made.disputeA, made.disputeB, made.disputeC]));
      expect(ids).not.toContain(made.disputeD);
      expect(ids.filter((id) => id === made.disputeB)).toHaveLength(1);
      expect(disputes.find((r) => r.id === made.disputeA)).toMatchObject({ type: 'case', kindLabel: '矛盾纠纷', title: '楼上漏水', communityName: '胜利社区' });
      expect(disputes.find((r) => r.id === made.disputeA)?.number).toMatch(/^\d{8}-\d{6}$/);
      const times = disputes.map((r) => Date.parse(r.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));

      const placeReads = async () =>
        Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'personal_data.read' AND target_type = 'prevention_actions'"))[0].n);
      const readsBefore = await placeReads();
      const prevention = await records('station_leader1', 'prevention');
      // Places may name a home: reading them is on record.
      expect(await placeReads()).toBe(readsBefore + 1);
      expect(prevention.filter((r) => r.type === 'prevention_action').map((r) => r.id).sort()).toEqual([made.patrol, made.visit].sort());
      expect(prevention.find((r) => r.id === made.visit)).toMatchObject({ kindLabel: '走访', title: '走访：胜利社区3栋201', communityName: '胜利社区' });
      expect(prevention.some((r) => r.type === 'case' && r.id === made.hazard)).toBe(true);
      expect((await records('station_leader2', 'prevention')).map((r) => r.id)).toContain(made.away);

      const services = (await records('station_leader1', 'services')).map((r) => r.id);
      expect(services).toEqual(expect.arrayContaining([made.service, made.assist]));
      expect(services).not.toContain(made.unconfirmed);
      expect(services).not.toContain(made.question);

      const anomalies = (await records('station_leader1', 'anomalies')).map((r) => r.id);
      expect(anomalies).toEqual(expect.arrayContaining([made.anomaly, made.lead]));
      expect(anomalies).not.toContain(made.transferred);

      const page = (await t.http.get(`/api/figures/records?counter=disputesResolved&from=${today}&to=${today}&page=2&pageSize=1`).set(as('station_leader1')).expect(200)).body;
      expect(page).toMatchObject({ total: disputes.length, page: 2, pageSize: 1, items: [disputes[1]] });
    });

    it('exports the figures and each counter’s records as .xlsx with the node and the period in the title', async () => {
      const res = await t.http.get(`/api/figures.xlsx?from=${today}&to=${today}`).set(as('station_leader1'))
        .buffer(true).parse((r, cb) => { const chunks: Buffer[] = []; r.on('data', (c: Buffer) => chunks.push(c)); r.on('end', () => cb(null, Buffer.concat(chunks))); })
        .expect(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(`天桥派出所-数据-${today}-${today}.xlsx`);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.body as unknown as ArrayBuffer);
      const summary = book.getWorksheet('数据');
      expect(summary?.getCell('A1').value).toBe(`天桥派出所 数据 ${today} 至 ${today}`);
      const view = await figures('station_leader1');
      const rowOf = (label: string) => summary?.getColumn(1).values.findIndex((v) => v === label) ?? -1;
      expect(summary?.getRow(rowOf('化解矛盾')).getCell(2).value).toBe(view.counters.disputesResolved);
      expect(summary?.getRow(rowOf('法治宣传')).getCell(2).value).toBe(view.counters.publicity);
      const disputes = book.getWorksheet('化解矛盾');
      expect(disputes?.getCell('A1').value).toBe(`天桥派出所 数据 ${today} 至 ${today} · 化解矛盾`);
      expect(disputes?.rowCount).toBe(2 + view.counters.disputesResolved);
      const titles = disputes?.getColumn(4).values ?? [];
      expect(titles).toEqual(expect.arrayContaining(['楼上漏水', '物业乱收费', '兄弟分家纠纷']));
    });
  });

  describe('the day a record counts on', () => {
    const yesterday = chinaDate(Date.now() - DAY);
    const onDay = async (day: string): Promise<number[]> =>
      (await t.http.get(`/api/figures/records?counter=disputesResolved&from=${day}&to=${day}&pageSize=100`).set(as('station_leader1')).expect(200)).body.items.map((r: FigureRecord) => r.id);

    it('counts a dispute once, on the first of its resolution and its settlement', async () => {
      const before = (await t.http.get(`/api/figures?from=${yesterday}&to=${yesterday}`).set(as('station_leader1')).expect(200)).body as FiguresView;
      expect(before.live).toBe(false);
      // E resolved yesterday, its room settled today; F's room settled yesterday, the case resolved today.
      const e = await report('resident1', CaseKind.Dispute, 'neighbour', '停车位纠纷');
      const f = await report('resident1', CaseKind.Dispute, 'consumer', '装修款纠纷');
      for (const id of [e, f]) await act('officer1', id, CaseAction.Accept);
      await act('officer1', e, CaseAction.Resolve);
      // E as if reported and resolved yesterday.
      await t.dataSource.query("UPDATE case_events SET at = DATE_SUB(at, INTERVAL 1 DAY) WHERE case_id = ? AND to_status = 'resolved'", [e]);
      await t.dataSource.query('UPDATE cases SET created_at = DATE_SUB(created_at, INTERVAL 1 DAY) WHERE id = ?', [e]);
      await settleOnline(e);
      await settleOnline(f);
      await t.dataSource.query('UPDATE mediation_rooms SET closed_at = DATE_SUB(closed_at, INTERVAL 1 DAY) WHERE case_id = ?', [f]);
      await act('officer1', f, CaseAction.Resolve);

      expect(await onDay(yesterday)).toEqual(expect.arrayContaining([e, f]));
      expect(await onDay(today)).not.toContain(e);
      expect(await onDay(today)).not.toContain(f);
      const after = (await t.http.get(`/api/figures?from=${yesterday}&to=${yesterday}`).set(as('station_leader1')).expect(200)).body as FiguresView;
      expect(after.counters.disputesResolved - before.counters.disputesResolved).toBe(2);
      // Over both days, still once each.
      const both = (await t.http.get(`/api/figures/records?counter=disputesResolved&from=${yesterday}&to=${today}&pageSize=100`).set(as('station_leader1')).expect(200)).body.items
        .map((r: FigureRecord) => r.id);
      expect(both.filter((id: number) => id === e || id === f)).toHaveLength(2);
    });
  });

  describe('the three rates', () => {
    let weisi: number;
    let before: FiguresView;
    let after: FiguresView;

    beforeAll(async () => {
      weisi = await unitId('纬四路社区');
      const resident2 = Number((await t.dataSource.query("SELECT id FROM users WHERE username = 'resident2'"))[0].id);
      await t.dataSource.query(
        'INSERT INTO memberships (user_id, community_id, member_type, status, note_enc, joined_at, decided_by, created_at) VALUES (?, ?, ?, ?, NULL, NOW(3), NULL, NOW(3))',
        [resident2, weisi, MemberType.Resident, MembershipStatus.Active],
      );
      before = await figures('station_leader1', `&orgId=${weisi}`);
      const r = (kind: CaseKind, sub: string, title: string) => report('resident2', kind, sub, title, weisi);
      // R1 answered at once, closed, rated 5; R2 the same, rated 3.
      const r1 = await r(CaseKind.Dispute, 'neighbour', '邻居装修噪音');
      const r2 = await r(CaseKind.Hazard, 'electric', '楼道电线裸露');
      for (const [id, rating] of [[r1, 5], [r2, 3]]) {
        await act('officer1', id, CaseAction.Accept);
        await act('officer1', id, CaseAction.Resolve);
        await act('resident2', id, CaseAction.Confirm);
        await t.http.post(`/api/cases/${id}/rating`).set(as('resident2')).send({ rating }).expect(200);
      }
      // R3 answered after its deadline, resolved, not confirmed.
      const r3 = await r(CaseKind.ServiceNeed, 'household', '迁户口');
      await elapse(r3, 200);
      await act('officer1', r3, CaseAction.Accept);
      await act('officer1', r3, CaseAction.Resolve);
      // R4 past its deadline, unanswered.
      const r4 = await r(CaseKind.Question, 'policy', '养犬登记');
      await elapse(r4, 300);
      // R5 refused at once: a response in time, not one to resolve.
      const r5 = await r(CaseKind.Anomaly, 'person', '楼下有人徘徊');
      await act('officer1', r5, CaseAction.Reject, { note: '经核实为快递员' });
      // R6 just in, its first response not yet due.
      await r(CaseKind.Dispute, 'consumer', '网购退款纠纷');
      after = await figures('station_leader1', `&orgId=${weisi}`);
    });

    const rate = (view: FiguresView, name: 'response' | 'resolution' | 'satisfaction') => view.rates[name];
    const gained = (name: 'response' | 'resolution' | 'satisfaction') => ({
      numerator: rate(after, name).numerator - rate(before, name).numerator,
      denominator: rate(after, name).denominator - rate(before, name).denominator,
    });

    it('响应率: responses in time among cases whose first response is met or due', () => {
      expect(gained('response')).toEqual({ numerator: 3, denominator: 5 });
    });

    it('解决率: resolved and confirmed among cases not refused or duplicate', () => {
      expect(gained('resolution')).toEqual({ numerator: 2, denominator: 5 });
    });

    it('满意率: rated 4–5 among rated', () => {
      expect(gained('satisfaction')).toEqual({ numerator: 1, denominator: 2 });
    });

    it('ranks a community among the communities of its station, per rate', async () => {
      expect(after.node).toMatchObject({ id: weisi, name: '纬四路社区', level: 'community' });
      const ranking = after.rankings.response;
      expect(ranking.map((r) => r.name).sort()).toEqual(['纬四路社区', '胜利社区'].sort());
      const self = ranking.find((r) => r.self);
      expect(self).toMatchObject({ orgId: weisi, numerator: after.rates.response.numerator, denominator: after.rates.response.denominator });
      expect(ranking.map((r) => r.rank)).not.toContain(undefined);
      // Branches of the city for a branch; stations of the branch for a station.
      const branch = await figures('branch_leader1');
      expect(branch.rankings.resolution.map((r) => r.name).sort()).toEqual(['怀远县公安局', '蚌山分局'].sort());
      expect(branch.rankings.resolution.find((r) => r.self)?.name).toBe('蚌山分局');
      const station = await figures('station_leader1');
      expect(station.rankings.satisfaction.map((r) => r.name).sort()).toEqual(['天桥派出所', '涂山路派出所'].sort());
    });

    it('shows 一警一群 coverage: groups, members, people and enterprises', async () => {
      // resident2, made a member of 纬四路社区 above, is all it has.
      expect(after.coverage).toEqual({ groups: 1, members: 1, residents: 1, enterprises: 0 });
      const station = await figures('station_leader1');
      expect(station.coverage.groups).toBe(3); // 胜利, 纬四路 and the station's enterprise group
      expect(station.coverage.enterprises).toBe(64);
    });
  });

  describe('scope and bad input', () => {
    it('answers 404 with an audit entry for a node outside the caller’s jurisdiction', async () => {
      const tianqiao = await unitId('天桥派出所');
      const shengli = await unitId('胜利社区');
      const chengguan = await unitId('城关派出所');
      const cases: [string, number][] = [['station_leader2', tianqiao], ['officer2', shengli], ['officer1', tianqiao], ['branch_leader1', chengguan]];
      for (const [who, node] of cases) {
        const denied = await deniedCount(node);
        const res = await t.http.get(`/api/figures?from=${today}&to=${today}&orgId=${node}`).set(as(who)).expect(404);
        expect(res.body.code).toBe(ErrorCode.NotFound);
        expect(await deniedCount(node)).toBe(denied + 1);
      }
      await t.http.get(`/api/figures/records?counter=anomalies&from=${today}&to=${today}&orgId=${tianqiao}`).set(as('station_leader2')).expect(404);
      await t.http.get(`/api/figures.xlsx?from=${today}&to=${today}&orgId=${tianqiao}`).set(as('officer2')).expect(404);
      await t.http.get(`/api/figures?from=${today}&to=${today}&orgId=999999`).set(as('city_leader1')).expect(404);
      // Their own: an officer's community, a leader's subtree.
      await t.http.get(`/api/figures?from=${today}&to=${today}&orgId=${shengli}`).set(as('officer1')).expect(200);
      await t.http.get(`/api/figures?from=${today}&to=${today}&orgId=${chengguan}`).set(as('city_leader1')).expect(200);
      // Residents have no figures.
      await t.http.get(`/api/figures?from=${today}&to=${today}`).set(as('resident1')).expect(403);
    });

    it('refuses reversed, future, over-a-year and malformed periods with coded 400s in Chinese', async () => {
      const day = (offset: number) => chinaDate(Date.now() + offset * DAY);
      const ask = (path: string, from: string, to: string) =>
        t.http.get(`${path}?from=${from}&to=${to}${path.endsWith('records') ? '&counter=anomalies' : ''}`).set(as('city_leader1')).expect(400);
      for (const path of ['/api/figures', '/api/figures/records', '/api/figures.xlsx']) {
        expect((await ask(path, today, day(-3))).body).toMatchObject({ code: ErrorCode.PeriodReversed, message: '结束日期不能早于开始日期' });
        expect((await ask(path, day(1), day(2))).body).toMatchObject({ code: ErrorCode.PeriodInFuture, message: '统计时段不能在今天之后' });
        expect((await ask(path, day(-400), today)).body).toMatchObject({ code: ErrorCode.PeriodTooLong, message: '统计时段最长一年，请缩短后再查' });
        expect((await ask(path, '2026-02-30', today)).body.code).toBe(ErrorCode.ValidationFailed);
        expect((await ask(path, '20261201', today)).body.code).toBe(ErrorCode.ValidationFailed);
      }
      expect((await t.http.get(`/api/figures/records?counter=everything&from=${today}&to=${today}`).set(as('city_leader1')).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
      expect((await t.http.get(`/api/figures?from=${today}&to=${today}&orgId=abc`).set(as('city_leader1')).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    });

    it('records prevention actions only in time, on hazards, and in the recorder’s own communities', async () => {
      const shengli = await unitId('胜利社区');
      const post = (who: string, body: Record<string, unknown>) => t.http.post('/api/prevention-actions').set(as(who)).send({ kind: 'reminder', place: '菜市场东门', ...body });
      const hourAgo = new Date(Date.now() - 3600_000).toISOString();
      expect((await post('officer1', { actedAt: new Date(Date.now() + 3600_000).toISOString(), communityId: shengli }).expect(400)).body.code).toBe(ErrorCode.PreventionTimeInvalid);
      expect((await post('officer1', { actedAt: new Date(Date.now() - 3 * DAY).toISOString(), communityId: shengli }).expect(400)).body.code).toBe(ErrorCode.PreventionTimeInvalid);
      const dispute = await report('resident1', CaseKind.Dispute, 'neighbour', '噪音扰民');
      expect((await post('officer1', { actedAt: hourAgo, caseId: dispute }).expect(400)).body.code).toBe(ErrorCode.NotAHazard);
      expect((await post('officer1', { actedAt: hourAgo }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
      expect((await post('officer1', { actedAt: hourAgo, communityId: shengli, place: '' }).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
      const denied = Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = 'community' AND target_id = ?", [String(shengli)]))[0].n);
      await post('officer2', { actedAt: hourAgo, communityId: shengli }).expect(404);
      await post('officer3', { actedAt: hourAgo, communityId: await unitId('天桥派出所') }).expect(404);
      expect(Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = 'community' AND target_id = ?", [String(shengli)]))[0].n)).toBe(denied + 1);
      await post('branch_leader1', { actedAt: hourAgo, communityId: shengli }).expect(403);

      // The list: the station's own, places readable to staff in scope, encrypted at rest.
      const list = (await t.http.get(`/api/prevention-actions?orgId=${shengli}`).set(as('station_leader1')).expect(200)).body;
      expect(list.items.map((a: { place: string }) => a.place)).toEqual(expect.arrayContaining(['胜利社区3栋201', '胜利社区5栋楼道']));
      const stored = await t.dataSource.query("SELECT place_enc FROM prevention_actions WHERE place_enc LIKE '%栋%'");
      expect(stored).toHaveLength(0);
      expect((await t.http.get('/api/prevention-actions').set(as('station_leader2')).expect(200)).body.items.map((a: { place: string }) => a.place)).toEqual(['禹王社区东门']);
    });
  });

  describe('the daily snapshot', () => {
    const yesterday = chinaDate(Date.now() - DAY);
    const onYesterday = async (who: string): Promise<FiguresView> =>
      (await t.http.get(`/api/figures?from=${yesterday}&to=${yesterday}`).set(as(who)).expect(200)).body;

    it('is made once with two instances, and a closed day keeps its figures when a case moves later', async () => {
      // A report received yesterday in 胜利社区 (天桥).
      const moved = await report('resident1', CaseKind.Anomaly, 'rental', '出租屋夜里人员进出频繁');
      await t.dataSource.query('UPDATE cases SET created_at = DATE_SUB(created_at, INTERVAL 1 DAY) WHERE id = ?', [moved]);
      const live = { station: await onYesterday('station_leader1'), other: await onYesterday('station_leader2'), city: await onYesterday('city_leader1') };

      const peer = await t.startPeer();
      try {
        const made = await Promise.all([t.app.get(FigureSnapshotWorker).tick(), peer.app.get(FigureSnapshotWorker).tick()]);
        expect(made.filter(Boolean)).toHaveLength(1);
        expect(await peer.app.get(FigureSnapshotWorker).tick()).toBe(false);
      } finally {
        await peer.close();
      }
      expect(await t.dataSource.query('SELECT day FROM figure_snapshot_days')).toEqual([{ day: yesterday }]);
      // One row per community, and one per station for the pushes into its enterprise groups.
      const places = Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM org_units WHERE level IN ('community', 'station')"))[0].n);
      expect(Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM figure_snapshots WHERE day = ?', [yesterday]))[0].n)).toBe(places);
      // Served from the snapshot: the same as counted from the records before.
      const kept = await onYesterday('station_leader1');
      expect(kept.counters).toEqual(live.station.counters);
      expect(kept.rates).toEqual(live.station.rates);
      expect(kept.rankings).toEqual(live.station.rankings);
      expect(kept.unavailable).toEqual([]);

      // The report moves to 禹王社区 (城关) today: yesterday stays as it was, for both stations and the city.
      await act('officer1', moved, CaseAction.Transfer, { note: '事发地在禹王社区', transferToCommunityId: await unitId('禹王社区') });
      expect((await onYesterday('station_leader1')).counters).toEqual(live.station.counters);
      expect((await onYesterday('station_leader2')).counters).toEqual(live.other.counters);
      expect((await onYesterday('city_leader1')).counters).toEqual(live.city.counters);
      // The drill-down lists what was counted where it was counted: under 天桥, not 城关, as many as the number.
      const recordsOf = async (who: string): Promise<number[]> =>
        (await t.http.get(`/api/figures/records?counter=anomalies&from=${yesterday}&to=${yesterday}&pageSize=100`).set(as(who)).expect(200)).body.items.map((r: FigureRecord) => r.id);
      const station = await recordsOf('station_leader1');
      expect(station).toContain(moved);
      expect(station).toHaveLength(live.station.counters.anomalies);
      expect(await recordsOf('station_leader2')).not.toContain(moved);
      // A period of yesterday and today: yesterday kept, today live.
      const both = (await t.http.get(`/api/figures?from=${yesterday}&to=${today}`).set(as('station_leader1')).expect(200)).body as FiguresView;
      const todayOnly = await figures('station_leader1');
      expect(both.counters.anomalies).toBe(live.station.counters.anomalies + todayOnly.counters.anomalies);
    });
  });

  describe('the trend', () => {
    it('answers the last periods, the current one last, each as the figures count it', async () => {
      const trend = (await t.http.get('/api/figures/trend?unit=day&count=3').set(as('station_leader1')).expect(200)).body as FigureTrend;
      const days = [chinaDate(Date.now() - 2 * DAY), chinaDate(Date.now() - DAY), today];
      expect(trend).toMatchObject({ unit: 'day', node: { name: '天桥派出所' } });
      expect(trend.points.map((p) => p.period)).toEqual(days.map((d) => ({ from: d, to: d })));
      for (const [i, day] of days.entries()) {
        const view = (await t.http.get(`/api/figures?from=${day}&to=${day}`).set(as('station_leader1')).expect(200)).body as FiguresView;
        expect(trend.points[i]).toEqual({ period: view.period, counters: view.counters, unavailable: view.unavailable, rates: view.rates });
      }
      const months = (await t.http.get('/api/figures/trend?unit=month&count=2').set(as('station_leader1')).expect(200)).body as FigureTrend;
      expect(months.points).toHaveLength(2);
      expect(months.points[1].period.from <= today && today <= months.points[1].period.to).toBe(true);
      expect(months.points[0].period.to < months.points[1].period.from).toBe(true);

      expect((await t.http.get('/api/figures/trend?unit=week&count=13').set(as('station_leader1')).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
      expect((await t.http.get('/api/figures/trend?unit=year&count=2').set(as('station_leader1')).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
      await t.http.get(`/api/figures/trend?unit=week&count=2&orgId=${await unitId('胜利社区')}`).set(as('officer2')).expect(404);
    });
  });
});

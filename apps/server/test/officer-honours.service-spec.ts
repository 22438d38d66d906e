import { Anonymity, CaseAction, CaseKind, ContactPreference, ErrorCode, honourTitle, MembershipView, OfficerRanking, OfficerRankingRow, previousMonth } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { chinaDate } from '../src/common/china-time';
import { bearer, startTestApp, TestApp } from './test-app';

/**
 * 成绩突出社区民警 (docs/rewards.md, docs/figures.md) on MariaDB: the month's ranking of officers
 * from records made for it (the demo's own records are there too, so officer1's measures are read
 * before and after), its scope, and naming by a branch leader of their own branch only, shown on
 * the officer card residents see.
 */
describe('officer ranking and 成绩突出社区民警 (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (username: string) => bearer(tokens[username]);
  const month = chinaDate(new Date()).slice(0, 7);
  const lastMonth = previousMonth(month);
  const unitId = async (name: string): Promise<number> => Number((await t.dataSource.query('SELECT id FROM org_units WHERE name = ?', [name]))[0].id);
  const userId = async (username: string): Promise<number> => Number((await t.dataSource.query('SELECT id FROM users WHERE username = ?', [username]))[0].id);
  const ranking = async (who: string, query: string): Promise<OfficerRanking> => (await t.http.get(`/api/officer-ranking?${query}`).set(as(who)).expect(200)).body;
  const rowOf = (r: OfficerRanking, officerId: number): OfficerRankingRow => r.rows.find((row) => row.officerId === officerId) as OfficerRankingRow;
  const report = async (title: string): Promise<number> =>
    (await t.http.post('/api/cases').set(as('resident1')).set('Idempotency-Key', randomUUID()).send({
      kind: CaseKind.Hazard, subcategory: 'fire', title, description: `${title}，请民警处理`, contactPreference: ContactPreference.InApp, anonymity: Anonymity.None, addressText: '5栋',
    }).expect(201)).body.id as number;
  const act = (who: string, id: number, action: CaseAction) => t.http.post(`/api/cases/${id}/actions`).set(as(who)).send({ action, note: '已处理' }).expect(200);

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    for (const u of ['resident1', 'officer1', 'officer3', 'station_leader1', 'station_leader2', 'branch_leader1', 'city_leader1']) tokens[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it('ranks a month’s officers from their records: 解决率, 满意率, pushes and rewards move by what was made', async () => {
    const officer1 = await userId('officer1');
    const station = await unitId('天桥派出所');
    const before = rowOf(await ranking('station_leader1', `month=${month}`), officer1);

    // Three reports to officer1: two resolved, confirmed and rated (5 and 2), one left open.
    const [a, b] = [await report('楼道灯坏了'), await report('消防栓漏水')];
    await report('小区门禁损坏');
    for (const id of [a, b]) {
      await act('officer1', id, CaseAction.Accept);
      await act('officer1', id, CaseAction.Resolve);
      await act('resident1', id, CaseAction.Confirm);
    }
    await t.http.post(`/api/cases/${a}/rating`).set(as('resident1')).send({ rating: 5 }).expect(200);
    await t.http.post(`/api/cases/${b}/rating`).set(as('resident1')).send({ rating: 2 }).expect(200);
    // A reward proposed (counted) and one refused (not counted).
    const letter = { kind: 'spiritual', form: '表扬信', deed: '及时上报隐患' };
    await t.http.post('/api/rewards').set(as('officer1')).send({ ...letter, caseId: a }).expect(201);
    const refused = (await t.http.post('/api/rewards').set(as('officer1')).send({ ...letter, caseId: b }).expect(201)).body.id;
    await t.http.post(`/api/rewards/${refused}/decision`).set(as('station_leader1')).send({ decision: 'refuse', reason: '材料不足' }).expect(200);
    // One push into one group (the day's last slot of 胜利社区's group).
    const groupId = Number((await t.dataSource.query("SELECT g.id FROM police_groups g JOIN org_units c ON c.id = g.community_id WHERE c.name = '胜利社区'"))[0].id);
    const bulletin = Number((await t.dataSource.query("SELECT b.id FROM bulletins b JOIN bulletin_versions v ON v.id = b.version_id WHERE v.title = '网吧不得接纳未成年人'"))[0].id);
    await t.http.post(`/api/bulletins/${bulletin}/pushes`).set(as('officer1')).send({ groupIds: [groupId] }).expect(200);

    const after = await ranking('station_leader1', `month=${month}`);
    expect(after.node).toMatchObject({ id: station, name: '天桥派出所' });
    const row = rowOf(after, officer1);
    expect(row.resolution).toEqual({ numerator: before.resolution.numerator + 2, denominator: before.resolution.denominator + 3 });
    expect(row.satisfaction).toEqual({ numerator: before.satisfaction.numerator + 1, denominator: before.satisfaction.denominator + 2 });
    expect(row.rewards).toBe(before.rewards + 1);
    expect(row.pushes).toBe(before.pushes + 1);
    expect(row.responseMinutes).not.toBeNull();
    // Ranked: ranks are 1..n, the score is their sum, and the rows come best score first.
    expect(row.score).toBe(Object.values(row.ranks).reduce((s, r) => s + r, 0));
    expect(after.rows.map((r) => r.score)).toEqual([...after.rows.map((r) => r.score)].sort((x, y) => x - y));
    expect(after.rows.map((r) => r.stationName)).toEqual(after.rows.map(() => '天桥派出所'));
    expect(after.canName).toBe(false);
  });

  it('is for leaders in scope: a branch sees its stations’ officers; another station’s leader and officers get 404', async () => {
    const branch = await ranking('branch_leader1', `month=${month}`);
    const ids = branch.rows.map((r) => r.officerId);
    expect(ids).toEqual(expect.arrayContaining([await userId('officer1'), await userId('officer2'), await userId('officer4')]));
    expect(ids).not.toContain(await userId('officer3'));
    const station = await unitId('天桥派出所');
    await t.http.get(`/api/officer-ranking?month=${month}&orgId=${station}`).set(as('station_leader2')).expect(404);
    await t.http.get(`/api/officer-ranking?month=${month}`).set(as('officer1')).expect(404);
    expect((await t.http.get(`/api/officer-ranking?month=${month}&orgId=${await unitId('胜利社区')}`).set(as('station_leader1')).expect(400)).body.code).toBe(ErrorCode.ValidationFailed);
    const future = month.endsWith('12') ? `${Number(month.slice(0, 4)) + 1}-01` : `${month.slice(0, 5)}${String(Number(month.slice(5)) + 1).padStart(2, '0')}`;
    expect((await t.http.get(`/api/officer-ranking?month=${future}`).set(as('branch_leader1')).expect(400)).body.code).toBe(ErrorCode.PeriodInFuture);
    await t.http.get('/api/officer-ranking?month=2026-13').set(as('branch_leader1')).expect(400);
    expect((await ranking('city_leader1', `month=${month}`)).rows.map((r) => r.officerId)).toContain(await userId('officer3'));
  });

  it('a branch leader names an officer of their branch for a month that is over; the title shows on the officer card', async () => {
    const officer1 = await userId('officer1');
    const ranked = await ranking('branch_leader1', `month=${lastMonth}`);
    expect(ranked.canName).toBe(true);
    expect(rowOf(ranked, officer1).honoured).toBe(false);

    const named = await t.http.post('/api/officer-honours').set(as('branch_leader1')).send({ month: lastMonth, officerId: officer1 }).expect(201);
    expect(named.body).toMatchObject({ month: lastMonth, officerId: officer1, officerName: '王建国', title: honourTitle(lastMonth) });
    expect(rowOf(await ranking('branch_leader1', `month=${lastMonth}`), officer1).honoured).toBe(true);
    expect((await t.http.post('/api/officer-honours').set(as('branch_leader1')).send({ month: lastMonth, officerId: officer1 }).expect(409)).body.code).toBe(ErrorCode.HonourExists);
    // Not over yet, or more than a year back.
    expect((await t.http.post('/api/officer-honours').set(as('branch_leader1')).send({ month, officerId: officer1 }).expect(400)).body.code).toBe(ErrorCode.HonourMonthInvalid);
    const longAgo = `${Number(month.slice(0, 4)) - 2}${month.slice(4)}`;
    expect((await t.http.post('/api/officer-honours').set(as('branch_leader1')).send({ month: longAgo, officerId: officer1 }).expect(400)).body.code).toBe(ErrorCode.HonourMonthInvalid);
    // Another branch's officer: 404 on record; a station leader may not name (403); a leader is no officer to name (404).
    const officer3 = await userId('officer3');
    await t.http.post('/api/officer-honours').set(as('branch_leader1')).send({ month: lastMonth, officerId: officer3 }).expect(404);
    expect(Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = 'user' AND target_id = ?", [String(officer3)]))[0].n)).toBe(1);
    await t.http.post('/api/officer-honours').set(as('station_leader1')).send({ month: lastMonth, officerId: officer1 }).expect(403);
    await t.http.post('/api/officer-honours').set(as('branch_leader1')).send({ month: lastMonth, officerId: await userId('station_leader1') }).expect(404);

    const notices = (await t.http.get('/api/notifications').set(as('officer1')).expect(200)).body.items as { title: string }[];
    expect(notices.map((n) => n.title)).toContain(`您被评为${honourTitle(lastMonth)}`);
    const memberships = (await t.http.get('/api/me/memberships').set(as('resident1')).expect(200)).body as MembershipView[];
    expect(memberships.find((m) => m.communityName === '胜利社区')?.officer?.honour).toBe(honourTitle(lastMonth));
    const audited = await t.dataSource.query("SELECT detail FROM audit_entries WHERE action = 'officer.honoured'");
    expect(audited).toEqual([{ detail: `${lastMonth} user#${officer1}` }]);
  });
});

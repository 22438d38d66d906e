import { Anonymity, CaseAction, CaseKind, ContactPreference, FiguresView, GovernanceDigest } from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { chinaDate } from '../src/common/china-time';
import { FigureSnapshotWorker } from '../src/figures/figure-snapshot.worker';
import { bearer, startTestApp, TestApp } from './test-app';

const DAY = 86_400_000;

/**
 * The daily snapshot as the 政法委/综治 digest reads it (docs/figures.md, "Snapshots"): a closed
 * day's figures and its digest do not change when a case is transferred later; the digest of a
 * day that has no snapshot is read from the records, and today's is live.
 */
describe('figures: snapshots are immutable, the past digest reads them (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (username: string) => bearer(tokens[username]);
  const today = chinaDate(new Date());
  const yesterday = chinaDate(Date.now() - DAY);
  const unitId = async (name: string): Promise<number> => Number((await t.dataSource.query('SELECT id FROM org_units WHERE name = ?', [name]))[0].id);
  const digest = async (who: string, date?: string): Promise<GovernanceDigest> =>
    (await t.http.get(`/api/governance/digest${date ? `?date=${date}` : ''}`).set(as(who)).expect(200)).body;
  const figuresOf = async (who: string, day: string): Promise<FiguresView> =>
    (await t.http.get(`/api/figures?from=${day}&to=${day}`).set(as(who)).expect(200)).body;
  const listed = (d: GovernanceDigest, caseId: number) => d.cases.find((c) => c.caseId === caseId);

  /** A report made yesterday (its time stamps moved a day back) in 胜利社区 of 天桥派出所, still in handling. */
  const reportYesterday = async (title: string): Promise<number> => {
    const body = { kind: CaseKind.Anomaly, subcategory: 'rental', title, description: `${title}，请民警处理`, contactPreference: ContactPreference.InApp, anonymity: Anonymity.None };
    const id = (await t.http.post('/api/cases').set(as('resident1')).set('Idempotency-Key', randomUUID()).send(body).expect(201)).body.id as number;
    await t.http.post(`/api/cases/${id}/actions`).set(as('officer1')).send({ action: CaseAction.Accept, note: '已受理' }).expect(200);
    await t.dataSource.query('UPDATE cases SET created_at = DATE_SUB(created_at, INTERVAL 1 DAY), updated_at = DATE_SUB(updated_at, INTERVAL 1 DAY) WHERE id = ?', [id]);
    await t.dataSource.query('UPDATE case_events SET at = DATE_SUB(at, INTERVAL 1 DAY) WHERE case_id = ?', [id]);
    await t.dataSource.query('UPDATE case_deadlines SET due_at = DATE_SUB(due_at, INTERVAL 1 DAY), met_at = DATE_SUB(met_at, INTERVAL 1 DAY) WHERE case_id = ?', [id]);
    return id;
  };

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_SCALE: '10' });
    for (const u of ['resident1', 'officer1', 'station_leader1', 'station_leader2', 'city_leader1']) tokens[u] = await t.login(u);
  });
  afterAll(() => t.close());

  it('keeps a closed day’s figures and digest where the case was when it is transferred later', async () => {
    const moved = await reportYesterday('出租屋夜里人员进出频繁');
    const stay = await reportYesterday('楼道里堆放可疑包裹');
    const before = { tianqiao: await figuresOf('station_leader1', yesterday), chengguan: await figuresOf('station_leader2', yesterday), city: await figuresOf('city_leader1', yesterday) };
    const pastDigest = await digest('station_leader1', yesterday);
    expect(listed(pastDigest, moved)).toMatchObject({ communityName: '胜利社区', status: 'accepted' });

    expect(await t.app.get(FigureSnapshotWorker).tick()).toBe(true);
    // Kept: the cases in handling at the end of yesterday, where they were.
    const keptRows = await t.dataSource.query('SELECT case_id AS caseId, community_id AS communityId, status FROM figure_snapshot_open_cases WHERE day = ? AND case_id IN (?, ?) ORDER BY case_id', [yesterday, moved, stay]);
    const shengli = await unitId('胜利社区');
    expect(keptRows.map((r: Record<string, unknown>) => ({ caseId: Number(r.caseId), communityId: Number(r.communityId), status: r.status }))).toEqual([
      { caseId: moved, communityId: shengli, status: 'accepted' },
      { caseId: stay, communityId: shengli, status: 'accepted' },
    ]);

    // Today the report moves to 禹王社区 (城关派出所) and the other is resolved.
    await t.http.post(`/api/cases/${moved}/actions`).set(as('officer1')).send({ action: CaseAction.Transfer, note: '事发地在禹王社区', transferToCommunityId: await unitId('禹王社区') }).expect(200);
    await t.http.post(`/api/cases/${stay}/actions`).set(as('officer1')).send({ action: CaseAction.Resolve, note: '已处理' }).expect(200);

    // Yesterday's figures: unchanged for both stations and the city.
    expect((await figuresOf('station_leader1', yesterday)).counters).toEqual(before.tianqiao.counters);
    expect((await figuresOf('station_leader1', yesterday)).rates).toEqual(before.tianqiao.rates);
    expect((await figuresOf('station_leader2', yesterday)).counters).toEqual(before.chengguan.counters);
    expect((await figuresOf('city_leader1', yesterday)).counters).toEqual(before.city.counters);

    // Yesterday's digest: the same cases, counts and places — the moved report under 胜利社区 of 天桥, not 城关.
    const again = await digest('station_leader1', yesterday);
    expect(again.total).toBe(pastDigest.total);
    expect(again.counts).toEqual(pastDigest.counts);
    expect(again.cases.map((c) => [c.caseId, c.communityName, c.status])).toEqual(pastDigest.cases.map((c) => [c.caseId, c.communityName, c.status]));
    expect(listed(again, moved)).toMatchObject({ communityName: '胜利社区', status: 'accepted' });
    expect(listed(again, stay)).toMatchObject({ communityName: '胜利社区', status: 'accepted' });
    expect(listed(await digest('station_leader2', yesterday), moved)).toBeUndefined();
    expect(listed(await digest('city_leader1', yesterday), moved)).toMatchObject({ communityName: '胜利社区' });

    // Today's digest is live: the report is 城关's now, in 禹王社区; the resolved one is still in handling (awaiting confirmation).
    expect(listed(await digest('station_leader2'), moved)).toMatchObject({ communityName: '禹王社区', status: 'transferred' });
    expect(listed(await digest('station_leader1'), moved)).toBeUndefined();
  });

  it('reads a past day without a snapshot from the records as they are now', async () => {
    const dayBefore = chinaDate(Date.now() - 2 * DAY);
    const kept = await t.dataSource.query('SELECT day FROM figure_snapshot_days WHERE day = ?', [dayBefore]);
    expect(kept).toHaveLength(0);
    const d = await digest('city_leader1', dayBefore);
    expect(d.date).toBe(dayBefore);
    expect(d.total).toBe(Object.values(d.counts).reduce((a, b) => a + b, 0));
  });

  it('refuses an export of more than a year, of the future, reversed, or of a node outside scope (404, audited)', async () => {
    const day = (offset: number) => chinaDate(Date.now() + offset * DAY);
    const xlsx = (who: string, from: string, to: string, orgId?: number) =>
      t.http.get(`/api/figures.xlsx?from=${from}&to=${to}${orgId ? `&orgId=${orgId}` : ''}`).set(as(who));
    expect((await xlsx('city_leader1', day(-366), today).expect(400)).body.code).toBe('PERIOD_TOO_LONG');
    expect((await xlsx('city_leader1', day(1), day(1)).expect(400)).body.code).toBe('PERIOD_IN_FUTURE');
    expect((await xlsx('city_leader1', today, day(-1)).expect(400)).body.code).toBe('PERIOD_REVERSED');
    const tianqiao = await unitId('天桥派出所');
    const denied = async () =>
      Number((await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_entries WHERE action = 'access.denied' AND target_type = 'org_unit' AND target_id = ?", [String(tianqiao)]))[0].n);
    const before = await denied();
    expect((await xlsx('station_leader2', today, today, tianqiao).expect(404)).body.code).toBe('NOT_FOUND');
    expect(await denied()).toBe(before + 1);
    // A year to the day is allowed, streamed as a workbook.
    const ok = await xlsx('station_leader1', day(-365), today).expect(200);
    expect(ok.headers['content-type']).toContain('spreadsheetml');
  });

  it('answers the day after today with a coded 400', async () => {
    const res = await t.http.get(`/api/governance/digest?date=${chinaDate(Date.now() + DAY)}`).set(as('station_leader1')).expect(400);
    expect(res.body.message).toContain('未来');
    expect(today < chinaDate(Date.now() + DAY)).toBe(true);
  });
});

import { FiguresView, FigureTrend } from '@jws/contracts';
import { chinaDate } from '../src/common/china-time';
import { bearer, startTestApp, TestApp } from './test-app';

const DAY = 86_400_000;

/**
 * The demo's three months of history (DEMO_HISTORY_DAYS, demo/demo-history.ts) on MariaDB: past
 * reports, settlements, pushes and prevention actions in every station, and the daily snapshots
 * of those days, so 数据's trend charts and rankings have something to show.
 */
describe('demo: three months of history behind 数据 (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const as = (username: string) => bearer(tokens[username]);
  const DAYS = 91;

  beforeAll(async () => {
    t = await startTestApp({ DEMO_HISTORY_DAYS: String(DAYS) });
    for (const u of ['city_leader1', 'station_leader1', 'resident1']) tokens[u] = await t.login(u);
    // The snapshots of the past days are made in the background once the demo has started.
    for (let i = 0; i < 600; i++) {
      if (Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM figure_snapshot_days'))[0].n) >= DAYS) break;
      await new Promise((r) => setTimeout(r, 200));
    }
  }, 180_000);
  afterAll(() => t.close());

  it('keeps a snapshot of each of the past days, made once', async () => {
    const days = (await t.dataSource.query('SELECT day FROM figure_snapshot_days ORDER BY day')).map((r: { day: string }) => r.day);
    expect(days).toHaveLength(DAYS);
    expect(days[0]).toBe(chinaDate(Date.now() - DAYS * DAY));
    expect(days[DAYS - 1]).toBe(chinaDate(Date.now() - DAY));
  });

  it('shows every counter moving in the weeks and months of the trend', async () => {
    const weeks = (await t.http.get('/api/figures/trend?unit=week&count=12').set(as('station_leader1')).expect(200)).body as FigureTrend;
    // The eleven past weeks (this one may have just begun) each have records of every kind.
    for (const p of weeks.points.slice(0, 11)) {
      for (const c of ['publicity', 'disputesResolved', 'services', 'prevention', 'anomalies'] as const) expect(p.counters[c]).toBeGreaterThan(0);
      expect(p.rates.resolution.denominator).toBeGreaterThan(0);
    }
    const months = (await t.http.get('/api/figures/trend?unit=month&count=3').set(as('city_leader1')).expect(200)).body as FigureTrend;
    expect(months.points[1].counters.disputesResolved).toBeGreaterThan(10);
    expect(months.points[1].counters.notices).toBeGreaterThan(0);
  });

  it('ranks the branches of the city and the stations of a branch on real denominators', async () => {
    const from = chinaDate(Date.now() - 60 * DAY);
    const to = chinaDate(Date.now() - DAY);
    const city = (await t.http.get(`/api/figures?from=${from}&to=${to}`).set(as('city_leader1')).expect(200)).body as FiguresView;
    for (const rate of ['response', 'resolution', 'satisfaction'] as const) {
      expect(city.rankings[rate]).toHaveLength(2);
      for (const row of city.rankings[rate]) expect(row.denominator).toBeGreaterThan(0);
    }
    const station = (await t.http.get(`/api/figures?from=${from}&to=${to}`).set(as('station_leader1')).expect(200)).body as FiguresView;
    const response = station.rankings.response;
    expect(response.map((r) => r.name).sort()).toEqual(['天桥派出所', '涂山路派出所'].sort());
    // The stations work at different paces: their 响应率 differ.
    expect(response[0].numerator / response[0].denominator).toBeGreaterThan(response[1].numerator / response[1].denominator);
  });

  it('leaves the demo accounts’ own lists as they were: the history has its own reporters, nothing open', async () => {
    const mine = (await t.http.get('/api/cases/mine').set(as('resident1')).expect(200)).body;
    expect(mine.total).toBeLessThan(10);
    const open = await t.dataSource.query(
      "SELECT COUNT(*) AS n FROM cases c JOIN users u ON u.id = c.reporter_id WHERE u.username LIKE 'history_resident_%' AND c.status NOT IN ('closed', 'rejected')",
    );
    expect(Number(open[0].n)).toBe(0);
  });
});

import {
  Anonymity, CaseAction, CaseKind, ContactPreference, ErrorCode, OrgLevel, RouteType, SERVICE_CATALOGUE,
} from '@jws/contracts';
import { randomUUID } from 'node:crypto';
import { contentOf, reviseSeededMatters } from '../src/service-guide/data/catalogue-revision';
import { factories } from './factories';
import { ServiceGuideService } from '../src/service-guide';
import { startTestApp, TestApp } from './test-app';

/**
 * 办事指引 routes (issue #23): the product's own 上报 first for disputes and hazards, the resident's
 * own station, the catalogue revised as new versions; and what waits for staff on 工作台.
 */
describe('办事指引 routes and 工作台 alerts (MariaDB)', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const { as } = factories(() => t, tokens);

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['resident1', 'resident2', 'officer1', 'officer2', 'station_leader1', 'branch_leader1', 'city_leader1', 'department_staff1', 'admin1']) {
      tokens[u] = await t.login(u);
    }
  });
  afterAll(() => t.close());

  const report = async (title: string, kind = CaseKind.Dispute, subcategory = 'neighbour'): Promise<number> =>
    (await t.http.post('/api/cases').set(as('resident1')).set('Idempotency-Key', randomUUID()).send({
      kind, subcategory, title, description: `${title}，请民警处理`, contactPreference: ContactPreference.InApp, anonymity: Anonymity.None,
      ...(kind === CaseKind.Hazard ? { addressText: '胜利社区3栋' } : {}),
    }).expect(201)).body.id;

  describe('办事指引', () => {
    it('seeds a missing matter once when several instances start at the same moment', async () => {
      const [{ code }] = (await t.dataSource.query('SELECT code FROM service_matters WHERE version = 1 AND code NOT IN (SELECT code FROM service_matters WHERE version > 1) ORDER BY code LIMIT 1')) as { code: string }[];
      await t.dataSource.query('DELETE FROM service_matters WHERE code = ?', [code]);
      const guide = t.app.get(ServiceGuideService);
      // Three instances' start-up seeding at once: none fails, one row comes back. An instance that
      // reads the catalogue after another has seeded it has nothing to add (0), so at least one adds it.
      const added = await Promise.all([guide.seedCatalogue(), guide.seedCatalogue(), guide.seedCatalogue()]);
      expect(added.every((n) => n === 0 || n === 1)).toBe(true);
      expect(added).toContain(1);
      const [{ n }] = (await t.dataSource.query('SELECT COUNT(*) AS n FROM service_matters WHERE code = ?', [code])) as { n: number | string }[];
      expect(Number(n)).toBe(1);
    });

    it('routes 楼上太吵 first to 上报矛盾纠纷 (邻里纠纷, with 申请调解) and says when to call 110', async () => {
      const noise = (await t.http.get('/api/service-guide').query({ q: '楼上太吵' }).expect(200)).body.matters[0];
      expect(noise.code).toBe('public_security.noise');
      expect(noise.routes[0]).toMatchObject({ type: RouteType.Report, report: { kind: CaseKind.Dispute, subcategory: 'neighbour', mediation: true } });
      expect(noise.emergency).toMatchObject({ phone: '110' });
      expect(JSON.stringify(noise.routes)).not.toContain('户籍窗口');
    });

    it("answers the resident's own station with its address and phone, and nothing for someone in no community", async () => {
      const mine = (await t.http.get('/api/me/station').set(as('resident1')).expect(200)).body.station;
      expect(mine).toMatchObject({ name: '天桥派出所', address: expect.stringContaining('天桥路'), phone: '0552-2010110' });
      const officer2 = (await t.http.get('/api/me/station').set(as('officer2')).expect(200)).body.station;
      expect(officer2.name).toBe('涂山路派出所');
      const none = await t.http.get('/api/me/station').set(as('resident2')).expect(200);
      expect(none.body).toEqual({ station: null });
      await t.http.get('/api/me/station').expect(401);
    });

    it('refuses an edit whose 上报 route names a subcategory the report form does not have, keeping the matter', async () => {
      const current = (await t.http.get('/api/service-guide/dispute.neighbour').expect(200)).body;
      const { code: _code, version: _version, ...content } = current;
      const routes = current.routes.map(({ miniProgram: _mp, ...r }: Record<string, unknown>) => r);
      routes[0] = { ...routes[0], report: { kind: CaseKind.Dispute, subcategory: 'fire' } };
      const res = await t.http.put('/api/service-guide/dispute.neighbour').set(as('admin1')).send({ ...content, routes }).expect(400);
      expect(res.body.code).toBe(ErrorCode.SubcategoryInvalid);
      expect((await t.http.get('/api/service-guide/dispute.neighbour').expect(200)).body.version).toBe(current.version);
    });

    it('brings seeded matters up to the catalogue as a new version, and leaves a matter an admin reworded alone', async () => {
      const noise = SERVICE_CATALOGUE.find((m) => m.code === 'public_security.noise')!;
      const old = JSON.stringify({ ...contentOf(noise), routes: [{ type: RouteType.Station, title: '派出所户籍窗口：噪音扰民调解', steps: ['现场核验后办理'] }] });
      await t.dataSource.query("UPDATE service_matters SET content = ? WHERE code = 'public_security.noise' AND is_current = 1", [old]);
      await t.dataSource.query("UPDATE service_matters SET content = ?, edited_by = 1 WHERE code = 'dispute.family' AND is_current = 1", [old]);

      const revised = await reviseSeededMatters(t.dataSource.manager);

      expect(revised).toEqual(['public_security.noise']);
      const versions = (await t.http.get('/api/service-guide/public_security.noise/versions').set(as('admin1')).expect(200)).body;
      expect(versions.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[2, true], [1, false]]);
      expect(versions[0].routes[0].type).toBe(RouteType.Report);
      expect(versions[1].routes[0].title).toBe('派出所户籍窗口：噪音扰民调解');
      expect((await t.http.get('/api/service-guide/dispute.family').expect(200)).body.routes[0].steps).toEqual(['现场核验后办理']);
      expect(await reviseSeededMatters(t.dataSource.manager)).toEqual([]);
    });
  });

  describe('工作台', () => {
    it("counts what waits for each caller in their own jurisdiction: new reports, join requests, referrals, 督办", async () => {
      const before = (await t.http.get('/api/workbench/alerts').set(as('officer1')).expect(200)).body;
      await report('楼上每晚十二点后还在拖桌椅');
      const after = (await t.http.get('/api/workbench/alerts').set(as('officer1')).expect(200)).body;
      expect(after.newReports).toBe(before.newReports + 1);
      expect(after.total).toBe(before.total + 1);
      // officer2 (涂山路派出所) does not see 天桥's report.
      const other = (await t.http.get('/api/workbench/alerts').set(as('officer2')).expect(200)).body;
      expect(other.newReports).toBe(0);
      expect(other.referralsToSign).toBeNull();

      // A join request waits on 胜利社区's officer and its station leader, not on other officers.
      const [shengli] = await t.dataSource.query("SELECT id FROM org_units WHERE name = '胜利社区'");
      await t.http.post(`/api/communities/${shengli.id}/join-requests`).set(as('resident2')).send({ note: '住3栋' }).expect(201);
      expect((await t.http.get('/api/workbench/alerts').set(as('officer1')).expect(200)).body.pendingJoins).toBe(after.pendingJoins + 1);
      expect((await t.http.get('/api/workbench/alerts').set(as('station_leader1')).expect(200)).body.pendingJoins).toBeGreaterThanOrEqual(1);
      expect((await t.http.get('/api/workbench/alerts').set(as('officer2')).expect(200)).body.pendingJoins).toBe(0);

      const staff = (await t.http.get('/api/workbench/alerts').set(as('department_staff1')).expect(200)).body;
      expect(staff).toMatchObject({ newReports: null, supervision: null, pendingJoins: null });
      expect(typeof staff.referralsToSign).toBe('number');
      const city = (await t.http.get('/api/workbench/alerts').set(as('city_leader1')).expect(200)).body;
      expect(city).toMatchObject({ newReports: null, pendingJoins: null, referralsToSign: null });
      expect(typeof city.supervision).toBe('number');
      await t.http.get('/api/workbench/alerts').set(as('resident1')).expect(403);
    });

    it('counts an accepted report no longer as new', async () => {
      const id = await report('门口消防通道被电动车堵住', CaseKind.Hazard, 'fire');
      const before = (await t.http.get('/api/workbench/alerts').set(as('officer1')).expect(200)).body;
      await t.http.post(`/api/cases/${id}/actions`).set(as('officer1')).send({ action: CaseAction.Accept }).expect(200);
      expect((await t.http.get('/api/workbench/alerts').set(as('officer1')).expect(200)).body.newReports).toBe(before.newReports - 1);
    });

    it('drills down from the city to branches, stations and their communities, inside the jurisdiction only', async () => {
      const branches = (await t.http.get('/api/workbench/units').set(as('city_leader1')).expect(200)).body;
      expect(branches.map((u: { name: string }) => u.name).sort()).toEqual(['怀远县公安局', '蚌山分局']);
      const bengshan = branches.find((u: { name: string }) => u.name === '蚌山分局');
      expect(bengshan).toMatchObject({ level: OrgLevel.Branch, communityCount: 4 });
      const stations = (await t.http.get('/api/workbench/units').query({ parentId: bengshan.id }).set(as('city_leader1')).expect(200)).body;
      expect(stations.map((u: { name: string }) => u.name).sort()).toEqual(['天桥派出所', '涂山路派出所']);
      const tianqiao = stations.find((u: { name: string }) => u.name === '天桥派出所');
      const communities = (await t.http.get('/api/workbench/communities').query({ under: tianqiao.id }).set(as('city_leader1')).expect(200)).body;
      expect(communities.items.map((c: { name: string }) => c.name)).toEqual(['胜利社区', '纬四路社区']);

      const huaiyuan = branches.find((u: { name: string }) => u.name === '怀远县公安局');
      expect((await t.http.get('/api/workbench/units').query({ parentId: huaiyuan.id }).set(as('branch_leader1')).expect(404)).body.code).toBe(ErrorCode.NotFound);
      await t.http.get('/api/workbench/communities').query({ under: huaiyuan.id }).set(as('branch_leader1')).expect(404);
      expect((await t.http.get('/api/workbench/units').set(as('officer1')).expect(200)).body).toEqual([]);
    });
  });

  describe('消息', () => {
    it('全部已读 marks every unread notification of the caller, and no one else’s', async () => {
      await report('楼道里堆满纸箱');
      const unread = async (u: string) => (await t.http.get('/api/notifications/unread-count').set(as(u)).expect(200)).body.count as number;
      const otherBefore = await unread('station_leader1');
      expect(await unread('officer1')).toBeGreaterThan(0);
      await t.http.post('/api/notifications/read-all').set(as('officer1')).expect(200);
      expect(await unread('officer1')).toBe(0);
      expect(await unread('station_leader1')).toBe(otherBefore);
    });
  });
});

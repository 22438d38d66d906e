import { CASE_SUBCATEGORIES, CaseKind } from './cases';
import { RouteType, searchMatters, SERVICE_CATALOGUE } from './service-guide';

const firstFor = (q: string) => searchMatters(SERVICE_CATALOGUE, q)[0]?.code;

describe('办事指引 catalogue and search', () => {
  it('holds at least 40 matters, each with a route, unique codes and a valid 请民警协助 subcategory', () => {
    expect(SERVICE_CATALOGUE.length).toBeGreaterThanOrEqual(40);
    expect(new Set(SERVICE_CATALOGUE.map((m) => m.code)).size).toBe(SERVICE_CATALOGUE.length);
    for (const m of SERVICE_CATALOGUE) {
      expect(m.routes.length).toBeGreaterThan(0);
      expect(CASE_SUBCATEGORIES[m.assist.kind].map((s) => s.code)).toContain(m.assist.subcategory);
    }
  });

  it.each([
    ['孩子上户口', 'household.birth'],
    ['楼上太吵', 'public_security.noise'],
    ['居住证', 'residence.permit'],
    ['身份证丢了', 'id_card.lost'],
    ['老板不给工资', 'dispute.wages'],
    ['路灯坏了', 'livelihood.municipal'],
    ['良民证', 'certificate.no_crime'],
    ['门口有人摆摊', 'livelihood.street_vendor'],
    ['驾照快到期了', 'traffic.license'],
    ['养狗要办证吗', 'public_security.dog'],
  ])('finds the right matter first for “%s”', (query, code) => {
    expect(firstFor(query)).toBe(code);
  });

  it('finds a matter from a phrasing that is not in the catalogue word for word', () => {
    expect(searchMatters(SERVICE_CATALOGUE, '我家孩子刚出生要上户口').map((m) => m.code)).toContain('household.birth');
    expect(firstFor('  居住证！ ')).toBe('residence.permit');
  });

  it('routes 居住证 online through 皖事通 first', () => {
    const permit = SERVICE_CATALOGUE.find((m) => m.code === 'residence.permit');
    expect(permit?.routes[0].type).toBe(RouteType.WanShiTong);
  });

  it('returns nothing for an unknown query, and the common matters for an empty one', () => {
    expect(searchMatters(SERVICE_CATALOGUE, '火星移民签证')).toEqual([]);
    const common = searchMatters(SERVICE_CATALOGUE, '');
    expect(common.length).toBeGreaterThan(5);
    expect(common.every((m) => m.common)).toBe(true);
  });

  it('routes a dispute or a hazard the product handles to its own 上报 first, prefilled, with when to call 110/119 instead', () => {
    const expected: [string, CaseKind, string, boolean][] = [
      ['楼上太吵', CaseKind.Dispute, 'neighbour', true],
      ['和邻居吵架了', CaseKind.Dispute, 'neighbour', true],
      ['家暴', CaseKind.Dispute, 'family', true],
      ['楼道里给电瓶车充电', CaseKind.Hazard, 'fire', false],
      ['小区消防通道被车堵了', CaseKind.Hazard, 'fire', false],
    ];
    for (const [query, kind, subcategory, mediation] of expected) {
      const matter = searchMatters(SERVICE_CATALOGUE, query)[0];
      expect([query, matter.routes[0].type, matter.routes[0].report]).toEqual([query, RouteType.Report, { kind, subcategory, ...(mediation ? { mediation } : {}) }]);
    }
    for (const code of ['public_security.noise', 'dispute.neighbour', 'dispute.family']) {
      expect(SERVICE_CATALOGUE.find((m) => m.code === code)?.emergency?.phone).toBe('110');
    }
    expect(SERVICE_CATALOGUE.find((m) => m.code === 'public_security.fire')?.emergency?.phone).toBe('119');
  });

  it('has no templated steps: no 派出所 route for mediation at the household window, every 上报 route a real kind and subcategory', () => {
    const routes = SERVICE_CATALOGUE.flatMap((m) => m.routes.map((r) => ({ code: m.code, ...r })));
    expect(routes.filter((r) => /现场核验后办理|户籍窗口：.*(调解|隐患|招领|求助)/.test([r.title, ...r.steps].join(' '))).map((r) => r.code)).toEqual([]);
    for (const r of routes.filter((x) => x.type === RouteType.Report)) {
      expect(CASE_SUBCATEGORIES[r.report?.kind ?? CaseKind.Question].map((s) => s.code)).toContain(r.report?.subcategory);
    }
    // Steps are written per matter: no two matters share the whole list of steps of a route.
    const stationSteps = routes.filter((r) => r.type === RouteType.Station).map((r) => r.steps.join('|'));
    expect(stationSteps.length - new Set(stationSteps).size).toBe(0);
  });
});

import { CASE_SUBCATEGORIES } from './cases';
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
});

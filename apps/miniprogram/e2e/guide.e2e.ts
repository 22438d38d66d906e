/**
 * 办事指引 as a resident meets it (issue #23): a visitor browses 首页 and the guide, 楼上太吵 is
 * routed to the product's own 上报矛盾纠纷 (prefilled) with when to call 110, the address bar keeps
 * the latest search, route tags are readable (axe colour contrast), and a 派出所 route names the
 * resident's own station.
 */
import AxeBuilder from '@axe-core/playwright';
import { useBrowser } from './support/browser';
import { expectPath, expectVisibleText, openPath, ROUTES, visible } from './support/app';

const browser = useBrowser();

describe('办事指引', () => {
  it('lets a visitor search 楼上太吵 from 首页 and routes it first to 上报矛盾纠纷, prefilled, after signing in', async () => {
    const { page } = await browser.open('visitor');
    await openPath(page, '/');
    await expectPath(page, ROUTES.home);
    // A visitor browses 首页: the guide and the way to sign in, no trip to the login page.
    await expectVisibleText(page, '#visitor-card', '登录');
    await visible(page, '#home-guide #guide-search input').fill('楼上太吵');
    await visible(page, '#home-guide #guide-search-submit').click();
    await expectPath(page, ROUTES.guide);
    const first = visible(page, '#guide-results .list-item').first();
    await first.waitFor();
    await expectVisibleText(page, '#guide-results .list-item', '噪音扰民');
    expect((await first.textContent()) ?? '').toContain('警务室上报');

    await first.click();
    await expectPath(page, ROUTES.matter);
    await expectVisibleText(page, '#matter-emergency', '110');
    const firstRoute = visible(page, '#matter-routes .matter__route').first();
    await expect(firstRoute.getAttribute('id')).resolves.toBe('route-report');
    await expectVisibleText(page, '#route-report', '申请调解');
    await expectVisibleText(page, '#route-hotline_12345', '12345');

    // Acting needs a session: 上报矛盾纠纷 → sign in → back on 上报 with 矛盾纠纷 / 邻里纠纷 chosen.
    await visible(page, '#route-report-open').click();
    await page.waitForURL((url) => url.pathname === ROUTES.login && url.searchParams.get('redirect') === ROUTES.report);
    await visible(page, '#demo-user-resident1').click();
    await expectPath(page, ROUTES.report);
    await visible(page, '#report-kind-dispute.chip--active').waitFor();
    await visible(page, '#report-subcategory-neighbour.chip--active').waitFor();
  });

  it('keeps the latest search in the address bar, so a refresh shows the same results; its route tags pass colour contrast', async () => {
    const { page } = await browser.open('visitor');
    await openPath(page, `${ROUTES.guide}?q=${encodeURIComponent('孩子上户口')}`);
    await expectVisibleText(page, '#guide-results .card__title', '孩子上户口');
    const box = visible(page, '#guide-search input');
    await box.fill('居住证');
    await visible(page, '#guide-search-submit').click();
    await expectVisibleText(page, '#guide-results .card__title', '居住证');
    expect(new URL(page.url()).searchParams.get('q')).toBe('居住证');
    await box.fill('身份证丢了');
    await visible(page, '#guide-search-submit').click();
    await expectVisibleText(page, '#guide-results .card__title', '身份证丢了');
    expect(new URL(page.url()).searchParams.get('q')).toBe('身份证丢了');

    await page.reload();
    await expectVisibleText(page, '#guide-results .card__title', '身份证丢了');
    // The route tags (皖事通在线办, 派出所…) were near-black on navy: axe's colour contrast says so.
    const scan = await new AxeBuilder({ page }).include('#guide-results').withRules(['color-contrast']).analyze();
    expect(scan.violations.flatMap((v) => v.nodes.map((n) => n.target.join(' ')))).toEqual([]);
    expect(scan.passes.some((r) => r.id === 'color-contrast')).toBe(true);
  });

  it("names the resident's own 派出所 with its address and phone under a 派出所 route", async () => {
    const { page } = await browser.open('resident1');
    await openPath(page, ROUTES.login);
    await visible(page, '#demo-user-resident1').click();
    await expectPath(page, ROUTES.home);
    await openPath(page, `${ROUTES.matter}?code=household.birth`);
    await expectVisibleText(page, '#matter-title', '出生登记');
    await expectVisibleText(page, '#route-own-station', '天桥派出所');
    await expectVisibleText(page, '#route-own-station', '天桥路');
    await expectVisibleText(page, '#route-call-own-station', '0552-2010110');
  });
});

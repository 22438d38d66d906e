/**
 * Staff see what is urgent (issue #23): the count on the 工作台 tab and on its entries, 全部已读 in
 * 消息, and a city leader's 工作台 as a drill-down (分局 → 派出所 → 社区) with a search.
 */
import { useBrowser } from './support/browser';
import { apiAs, expectPath, expectVisibleText, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';

const browser = useBrowser();

interface Alerts { newReports: number | null; total: number }

async function newReport(title: string): Promise<number> {
  const created = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
    kind: 'dispute', subcategory: 'neighbour', title: `${title}${Date.now().toString(36)}`, description: `${title}，请民警来看看`, contactPreference: 'in_app', anonymity: 'none',
  });
  return created.id;
}

const badgeNumber = async (text: string | null): Promise<number> => Number((text ?? '').replace('99+', '100'));

describe('工作台 alerts', () => {
  it('shows the officer a badge on 工作台 and 新上报 on 案件队列, and counts a report no longer once it is accepted', async () => {
    const id = await newReport('楼下烧烤摊吵到半夜');
    const { page } = await browser.open('officer1');
    await signInWithDemoSwitcher(page, 'officer1');
    const expected = await apiAs<Alerts>('officer1', 'GET', '/api/workbench/alerts');
    expect(expected.total).toBeGreaterThan(0);
    const badge = visible(page, '#tab-workbench-badge');
    await badge.waitFor();
    expect(await badgeNumber(await badge.textContent())).toBe(Math.min(expected.total, 100));
    expect(await visible(page, '#tab-workbench').getAttribute('aria-label')).toContain(`${expected.total}项待处理`);

    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    await expectVisibleText(page, '#workbench-queue-new', `新上报 ${expected.newReports}`);

    await apiAs('officer1', 'POST', `/api/cases/${id}/actions`, { action: 'accept' });
    await visible(page, '#tab-home').click();
    await expectPath(page, ROUTES.home);
    await visible(page, '#tab-workbench').click();
    await expectVisibleText(page, '#workbench-queue-new, #workbench-queue', expected.newReports === 1 ? '没有待受理的新上报' : `新上报 ${(expected.newReports ?? 0) - 1}`);
    await expect(badgeNumber(await visible(page, '#tab-workbench-badge').textContent())).resolves.toBe(Math.min(expected.total - 1, 100));
  });

  it('shows department staff the referrals waiting to be signed, and residents no 工作台 badge', async () => {
    const { page } = await browser.open('department_staff1');
    await signInWithDemoSwitcher(page, 'department_staff1');
    const alerts = await apiAs<Alerts & { referralsToSign: number }>('department_staff1', 'GET', '/api/workbench/alerts');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    if (alerts.referralsToSign > 0) await expectVisibleText(page, '#workbench-referrals-count', `待签收 ${alerts.referralsToSign}`);
    else await expect(visible(page, '#workbench-referrals-count').count()).resolves.toBe(0);

    const resident = await browser.open('resident1');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await expect(visible(resident.page, '#tab-workbench').count()).resolves.toBe(0);
    await expect(visible(resident.page, '#tab-workbench-badge').count()).resolves.toBe(0);
  });

  it('marks every message read with 全部已读', async () => {
    await newReport('楼道堆放杂物挡住出口');
    const before = await apiAs<{ count: number }>('officer1', 'GET', '/api/notifications/unread-count');
    expect(before.count).toBeGreaterThan(0);
    const { page } = await browser.open('officer1');
    await signInWithDemoSwitcher(page, 'officer1');
    await openPath(page, ROUTES.notifications);
    await visible(page, '.notification__dot').first().waitFor();
    await visible(page, '#notifications-read-all').click();
    await expectVisibleText(page, '.notifications__actions', '消息都已读');
    await expect(apiAs<{ count: number }>('officer1', 'GET', '/api/notifications/unread-count')).resolves.toEqual({ count: 0 });
    await expect(visible(page, '.notification__dot').count()).resolves.toBe(0);
  });

  it("drills a city leader's 工作台 down from 分局 to 派出所 to 社区, and finds a community by name", async () => {
    const { page } = await browser.open('city_leader1');
    await signInWithDemoSwitcher(page, 'city_leader1');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    await expectVisibleText(page, '#unit-list', '蚌山分局');
    await expectVisibleText(page, '#unit-list', '怀远县公安局');
    await visible(page, '#unit-list [id^="unit-"]', '蚌山分局').click();
    await expectVisibleText(page, '#unit-list', '天桥派出所');
    await expectVisibleText(page, '#unit-crumbs', '蚌山分局');
    await visible(page, '#unit-list [id^="unit-"]', '天桥派出所').click();
    await expectVisibleText(page, '#community-list', '胜利社区');
    await expectVisibleText(page, '#community-list', '纬四路社区');
    await expect(visible(page, '#community-list [id^="community-"]', '延安社区').count()).resolves.toBe(0);

    // Back up through the trail, then a search over the whole city.
    await visible(page, '#crumb-root').click();
    await expectVisibleText(page, '#unit-list', '怀远县公安局');
    await visible(page, '#search-communities input').fill('禹王');
    await visible(page, '#search-communities-submit').click();
    await expectVisibleText(page, '#list-communities', '禹王社区');
  });
});

describe('navigation', () => {
  it('brings a visitor who opens a deep link back to that page after signing in', async () => {
    const { page } = await browser.open('visitor');
    await openPath(page, ROUTES.notifications);
    await page.waitForURL((url) => url.pathname === ROUTES.login && url.searchParams.get('redirect') === ROUTES.notifications);
    await visible(page, '#demo-user-resident1').click();
    await expectPath(page, ROUTES.notifications);
    await visible(page, '#notifications-list').waitFor();
  });

  it('gives sub-pages a title bar with a back button in the browser build', async () => {
    const { page } = await browser.open('visitor');
    await openPath(page, '/');
    await expectPath(page, ROUTES.home);
    await expectVisibleText(page, '.taro-navigation-bar-title', '指尖上的警务室');
    await expect(visible(page, '.taro-navigation-bar-back').count()).resolves.toBe(0);
    await visible(page, '#common-matters [id^="common-matter-"]').first().click();
    await expectPath(page, ROUTES.matter);
    await expectVisibleText(page, '.taro-navigation-bar-title', '办事指引');
    const back = visible(page, '[role="button"][aria-label="返回"]');
    await back.click();
    await expectPath(page, ROUTES.home);
  });
});

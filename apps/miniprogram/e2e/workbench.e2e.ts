import { expectPath, expectVisibleText, idNumber, openPath, openWorkbenchCommunity, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

describe('workbench', () => {
  it('officer1 opens 工作台, sees 胜利社区’s members with numbers hidden, and reveals one to call', async () => {
    const { page } = await browser.open('officer1');
    await signInWithDemoSwitcher(page, 'officer1');

    await expectVisibleText(page, '#tab-workbench', '工作台');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    await expectVisibleText(page, '#community-list', '胜利社区');
    await expectVisibleText(page, '#community-list', '纬四路社区');

    await openWorkbenchCommunity(page, '胜利社区');
    // 张阿姨 (resident1) is a demo member; the list shows her number masked.
    const zhang = visible(page, '#member-list [id^="member-"]', '张阿姨').first();
    await zhang.waitFor();
    await expectVisibleText(page, '#member-list', '楼栋长');
    expect(await zhang.innerText()).toContain('138****0001');
    expect(await page.locator('body').innerText()).not.toContain('13800000001');

    // officer1 is responsible and needs the full number to call her: 查看号码 shows it, with 拨打.
    const membershipId = await idNumber(zhang, 'member-');
    await visible(page, `#reveal-phone-${membershipId}`).click();
    await expectVisibleText(page, `#phone-of-${membershipId}`, '13800000001');
    await expectVisibleText(page, `#call-${membershipId}`, '拨打');
  });

  it('a station leader sees the same members with phone numbers masked and no 查看号码', async () => {
    const { page } = await browser.open('station_leader1');
    await signInWithDemoSwitcher(page, 'station_leader1');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    await openWorkbenchCommunity(page, '胜利社区');
    const zhang = visible(page, '#member-list [id^="member-"]', '张阿姨');
    await zhang.first().waitFor();
    const text = await zhang.first().innerText();
    expect(text).toContain('138****0001');
    expect(text).not.toContain('13800000001');
    expect(await visible(page, '[id^="reveal-phone-"]').count()).toBe(0);
  });

  it('city_leader1 finds any community of the city in 工作台 (分局 → 派出所 → 社区, or by name) and opens one', async () => {
    const { page } = await browser.open('city_leader1');
    await signInWithDemoSwitcher(page, 'city_leader1');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    // Not a flat list of the city's communities (453 in a real city): its branches first.
    await expectVisibleText(page, '#unit-list', '怀远县公安局');
    expect(await visible(page, '#unit-list [id^="unit-"]').count()).toBe(2);
    await visible(page, '#search-communities input').fill('社区');
    await visible(page, '#search-communities-submit').click();
    await expectVisibleText(page, '#list-communities', '城关派出所');
    await expectVisibleText(page, '#list-communities', '禹王社区');
    await openWorkbenchCommunity(page, '胜利社区', { listSelector: '#list-communities' });
    await expectVisibleText(page, '#member-list', '张阿姨');
  });

  it('a resident has no 工作台 tab and the 工作台 URL shows no community data', async () => {
    const { page } = await browser.open('resident1');
    await signInWithDemoSwitcher(page, 'resident1');

    await expectVisibleText(page, '#officer-name', '王建国');
    await expectVisibleText(page, '#tab-bar', '首页');
    await expectVisibleText(page, '#tab-bar', '我的');
    expect(await page.locator('#tab-workbench').count()).toBe(0);
    expect(await visible(page, '#tab-bar').innerText()).not.toContain('工作台');

    await openPath(page, ROUTES.workbench);
    await expectVisibleText(page, '#workbench-denied', '工作台仅对民警和工作人员开放');
    expect(await page.locator('#community-list').count()).toBe(0);
    expect(await page.locator('body').innerText()).not.toContain('纬四路社区');
    expect(await page.locator('#tab-workbench').count()).toBe(0);
  });
});

import { expectPath, expectVisibleText, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

const PAGES = {
  wechatGroups: '/packageBulletin/wechat-groups/index',
  list: '/packageBulletin/list/index',
  manage: '/packageBulletin/manage/index',
};
const SHARED = '高空抛物不是小事，伤人要担刑责';

describe('绑定微信群: the WeChat groups officer1’s share cards were opened from', () => {
  it('officer1 says which group the pending WeChat group is, and the bulletin’s 阅读情况 shows its shares and card opens', async () => {
    const { page } = await browser.open('officer1');
    await signInWithDemoSwitcher(page, 'officer1');
    await visible(page, '#tab-workbench').click();
    await visible(page, '#workbench-bulletins-wechat-groups').click();
    await expectPath(page, PAGES.wechatGroups);

    // The demo's card opened in 胜利's WeChat group by two residents waits; 纬四路's is bound already.
    const pending = visible(page, '#wechat-groups-pending [id^="wechat-group-"][class*="list-item"]', SHARED).first();
    await expectVisibleText(page, '#wechat-groups-pending', '2 人从该群打开');
    await expectVisibleText(page, '#wechat-groups-bound', '纬四路社区警民议事群');
    await pending.locator('[id$="-bind"]').click();
    await expectVisibleText(page, '#wechat-groups-pending', '请选择要绑定的群');
    await pending.locator('[id*="-choice-"]', { hasText: '胜利社区警民议事群' }).click();
    await pending.locator('[id$="-bind"]').click();
    await expectVisibleText(page, '#wechat-groups-bound', '胜利社区警民议事群');
    await expectVisibleText(page, '#wechat-groups-none', '暂无待绑定的微信群');

    // 阅读情况 of the shared bulletin: its shares, the card opens, and per bound group the opens from its WeChat group.
    await openPath(page, ROUTES.workbench);
    await visible(page, '#workbench-bulletins-push').click();
    await expectPath(page, PAGES.list);
    await visible(page, '#bulletin-list [id^="bulletin-row-"]', SHARED).first().click();
    await expectPath(page, PAGES.manage);
    await expectVisibleText(page, '#manage-figures-total', '分享 2 次，从微信群卡片打开 3 人');
    await expectVisibleText(page, '#manage-figures', '纬四路社区警民议事群：成员');
    await expectVisibleText(page, '#manage-figures', '其中从绑定的微信群打开 1 人');
  });
});

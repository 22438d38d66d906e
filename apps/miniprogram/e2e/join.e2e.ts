import { expectPath, expectVisibleText, openPath, ROUTES, signInAsNewWechatUser, signInWithDemoSwitcher, submitInviteCode, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

describe('join', () => {
  it('resident2 joins with invite code SHENGLI2026 and sees 我的社区民警 王建国 on 首页', async () => {
    const { page } = await browser.open('resident2');
    await signInWithDemoSwitcher(page, 'resident2');

    await expectVisibleText(page, '#join-prompt', '您还未加入社区');
    await visible(page, '#home-join').click();
    await submitInviteCode(page, 'SHENGLI2026');

    await expectPath(page, ROUTES.home);
    await expectVisibleText(page, '#officer-card', '我的社区民警');
    await expectVisibleText(page, '#officer-name', '王建国');
    await expectVisibleText(page, '#officer-station', '天桥派出所');
    await expectVisibleText(page, '#officer-community', '胜利社区');
    expect(await visible(page, '#join-prompt').count()).toBe(0);
  });

  it('a wrong invite code shows 邀请码无效 and the resident stays un-joined', async () => {
    const { context, page } = await browser.open('new-resident');
    await signInAsNewWechatUser(context);
    await openPath(page, ROUTES.home);
    await expectVisibleText(page, '#join-prompt', '您还未加入社区');
    await visible(page, '#home-join').click();

    await submitInviteCode(page, 'WRONG123');
    await expectVisibleText(page, '#join-error', '邀请码无效');
    expect(new URL(page.url()).pathname).toBe(ROUTES.join);

    // Opened afresh, the app still offers to join, and 我的 lists no community.
    await openPath(page, ROUTES.home);
    await expectVisibleText(page, '#join-prompt', '您还未加入社区');
    expect(await visible(page, '#officer-card').count()).toBe(0);
    await visible(page, '#tab-mine').click();
    await expectPath(page, ROUTES.mine);
    await expectVisibleText(page, '#membership-list', '您还未加入社区');
  });
});

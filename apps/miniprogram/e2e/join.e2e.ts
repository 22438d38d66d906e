import {
  apiAs,
  expectPath,
  expectVisibleText,
  idNumber,
  openPath,
  ROUTES,
  signInAsNewWechatUser,
  signInWithDemoSwitcher,
  submitInviteCode,
  visible,
} from './support/app';
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

  it('officer2 opens 新的加入申请 from 消息 at the community’s 待审核, reads the 申请说明, refuses with a reason; the resident adds to their note, asks again and is approved', async () => {
    const resident = await browser.open('new-resident');
    const { nickname } = await signInAsNewWechatUser(resident.context);
    await openPath(resident.page, ROUTES.home);
    await visible(resident.page, '#home-join').click();
    await expectPath(resident.page, ROUTES.join);
    await visible(resident.page, '#join-directory-open').click();
    await visible(resident.page, '#search-directory input').fill('涂山社区');
    await visible(resident.page, '#search-directory-submit').click();
    const row = visible(resident.page, '#directory-list [id^="directory-"]', '涂山社区').first();
    await row.waitFor();
    const communityId = await idNumber(row, 'directory-');
    // The resident says who they are (申请说明), for the officer only.
    const noteBox = visible(resident.page, '#join-note textarea');
    expect(await noteBox.getAttribute('placeholder')).toBe('如：胜利小区3栋2单元住户 张三');
    const note = '涂山小区5栋1单元住户 陈明';
    await noteBox.fill(note);
    await visible(resident.page, `#directory-join-${communityId}`).click();
    await expectVisibleText(resident.page, `#directory-status-${communityId}`, '待审核');
    await expectVisibleText(resident.page, '#join-requests', '涂山社区');
    await expectVisibleText(resident.page, '#join-requests-hint', '民警审核后会在“消息”中通知您。');

    // The officer's 新的加入申请 in 消息 opens 涂山社区 at its 待审核, where the note is on the request.
    const officer = await browser.open('officer2');
    await signInWithDemoSwitcher(officer.page, 'officer2');
    await openPath(officer.page, ROUTES.notifications);
    const notice = visible(officer.page, '#notifications-list [id^="notification-"]', '新的加入申请：涂山社区').first();
    await notice.waitFor();
    await notice.click();
    await expectPath(officer.page, ROUTES.officerCommunity);
    await expectVisibleText(officer.page, '#community-title', '涂山社区');
    const request = visible(officer.page, '#pending-list [id^="pending-"]', nickname).first();
    await request.waitFor();
    const membershipId = await idNumber(request, 'pending-');
    await expectVisibleText(officer.page, `#note-of-${membershipId}`, `申请说明：${note}`);

    // The officer taps 拒绝: nothing is refused yet, the panel asks why.
    await visible(officer.page, `#refuse-${membershipId}`).click();
    await expectVisibleText(officer.page, `#refuse-panel-${membershipId}`, `拒绝${nickname}的加入申请`);
    await visible(officer.page, `#refuse-confirm-${membershipId}`).click();
    await expectVisibleText(officer.page, `#refuse-error-${membershipId}`, '请填写拒绝理由');
    // An emoji alone is no reason.
    await visible(officer.page, `#refuse-reason-${membershipId} textarea`).fill('👎');
    await visible(officer.page, `#refuse-confirm-${membershipId}`).click();
    await expectVisibleText(officer.page, `#refuse-error-${membershipId}`, '请写明拒绝理由');
    // A quick choice fills the reason; the officer writes their own instead.
    await visible(officer.page, `#refuse-quick-${membershipId}-0`).click();
    const reasonBox = visible(officer.page, `#refuse-reason-${membershipId} textarea`);
    expect(await reasonBox.inputValue()).toBe('非本社区居民');
    const reason = '您填写的住址不在本社区，请向居住地社区申请';
    await reasonBox.fill(reason);
    // The service is busy once: the message is shown and what was typed stays for the next try.
    await officer.page.route('**/api/memberships/*/refuse', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ code: 'INTERNAL', message: '系统繁忙，请稍后再试' }) }),
    );
    await visible(officer.page, `#refuse-confirm-${membershipId}`).click();
    await expectVisibleText(officer.page, `#refuse-error-${membershipId}`, '系统繁忙，请稍后再试');
    expect(await reasonBox.inputValue()).toBe(reason);
    await expectVisibleText(officer.page, `#pending-${membershipId}`, nickname);
    await officer.page.unroute('**/api/memberships/*/refuse');
    await visible(officer.page, `#refuse-confirm-${membershipId}`).click();
    await expectVisibleText(officer.page, '#pending-list', '暂无待审核的入群申请');

    // The resident: 首页 says why, 消息 tells them and opens the join page, where they ask again.
    await openPath(resident.page, ROUTES.home);
    await expectVisibleText(resident.page, `#join-refused-${membershipId}`, `加入涂山社区的申请未通过：${reason}`);
    await visible(resident.page, '#tab-mine').click();
    await expectVisibleText(resident.page, `#membership-reason-${membershipId}`, reason);
    await visible(resident.page, '#mine-notifications').click();
    await expectPath(resident.page, ROUTES.notifications);
    const refusal = visible(resident.page, '#notifications-list [id^="notification-"]', '加入社区申请未通过').first();
    await expectVisibleText(resident.page, '#notifications-list', `加入涂山社区的申请未通过：${reason}`);
    await refusal.click();
    await expectPath(resident.page, ROUTES.join);
    await expectVisibleText(resident.page, `#join-refusal-${membershipId}`, reason);
    // Only refused: nothing waits for the officer, so no 审核后通知 line.
    expect(await visible(resident.page, '#join-requests-hint').count()).toBe(0);
    // 重新申请 opens the previous note to add to.
    await visible(resident.page, `#join-again-${membershipId}`).click();
    const againBox = visible(resident.page, `#join-again-note-${membershipId} textarea`);
    expect(await againBox.inputValue()).toBe(note);
    const fuller = `${note}，租住，房东王芳`;
    await againBox.fill(fuller);
    await visible(resident.page, `#join-again-submit-${membershipId}`).click();
    await expectVisibleText(resident.page, `#join-request-status-${membershipId}`, '待审核');
    await expectVisibleText(resident.page, '#join-requests-hint', '民警审核后会在“消息”中通知您。');

    // The request is back in the officer's list with the fuller note; 通过 is one tap.
    await officer.page.reload();
    await expectVisibleText(officer.page, `#pending-${membershipId}`, nickname);
    await expectVisibleText(officer.page, `#note-of-${membershipId}`, `申请说明：${fuller}`);
    await visible(officer.page, `#approve-${membershipId}`).click();
    await expectVisibleText(officer.page, `#member-${membershipId}`, nickname);
    await expectVisibleText(officer.page, '#pending-list', '暂无待审核的入群申请');

    // 已加入涂山社区 opens 首页, which now shows the community officer.
    await openPath(resident.page, ROUTES.notifications);
    const joined = visible(resident.page, '#notifications-list [id^="notification-"]', '已加入涂山社区').first();
    await joined.waitFor();
    await joined.click();
    await expectPath(resident.page, ROUTES.home);
    await expectVisibleText(resident.page, '#officer-community', '涂山社区');
    await expectVisibleText(resident.page, '#officer-name', '李卫东');
  });

  it('a community outside the officer’s jurisdiction, even with a made-up name in the link, is one 未找到 with 返回', async () => {
    const shengli = (await apiAs<{ items: { id: number; name: string }[] }>('officer1', 'GET', `/api/workbench/communities?q=${encodeURIComponent('胜利社区')}`)).items
      .find((c) => c.name === '胜利社区')!;
    const { page } = await browser.open('officer2');
    await signInWithDemoSwitcher(page, 'officer2');
    await openPath(page, `${ROUTES.officerCommunity}?id=${shengli.id}&name=${encodeURIComponent('胜利社区')}`);
    await expectVisibleText(page, '#community-load-error', '未找到该记录');
    await visible(page, '#community-load-error-back').waitFor();
    expect(await page.getByText('未找到该记录').count()).toBe(1);
    expect(await page.getByText('胜利社区').count()).toBe(0);
    expect(await visible(page, '#invite-create').count()).toBe(0);
    expect(await visible(page, '#pending-list').count()).toBe(0);
  });
});

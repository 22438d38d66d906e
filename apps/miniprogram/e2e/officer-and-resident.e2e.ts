import {
  confirmModal,
  expectPath,
  expectVisibleText,
  idNumber,
  openPath,
  openWorkbenchCommunity,
  ROUTES,
  signInAsNewWechatUser,
  signInWithDemoSwitcher,
  submitInviteCode,
  visible,
} from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

describe('officer and resident', () => {
  it('officer1 creates an invite code for 纬四路社区 and a new resident joins with it', async () => {
    const officer = await browser.open('officer1');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    await openWorkbenchCommunity(officer.page, '纬四路社区');
    await expectVisibleText(officer.page, '#invite-card', '邀请居民加入');
    await visible(officer.page, '#invite-create').click();
    const codeText = visible(officer.page, '#invite-code');
    await codeText.waitFor();
    const code = (await codeText.innerText()).trim();
    expect(code).toMatch(/^[0-9A-Za-z]{4,32}$/);
    expect(code).not.toBe('SHENGLI2026');
    // The live code is still there when the officer comes back; a second one is listed first and can be voided.
    await officer.page.reload();
    await expectVisibleText(officer.page, '#invite-code', code);
    await visible(officer.page, '#invite-create').click();
    await officer.page.waitForFunction(
      (c) => Array.from(document.querySelectorAll('#invite-code')).some((el) => (el.textContent ?? '').trim() !== '' && (el.textContent ?? '').trim() !== c),
      code,
    );
    const second = (await visible(officer.page, '#invite-code').innerText()).trim();
    expect(second).not.toBe(code);
    await visible(officer.page, `#invite-${code}`).waitFor();
    await visible(officer.page, `#invite-revoke-${second}`).click();
    await confirmModal(officer.page, '作废邀请码', '作废');
    await expectVisibleText(officer.page, '#invite-code', code);
    expect(await visible(officer.page, `#invite-${second}`).count()).toBe(0);

    const resident = await browser.open('new-resident');
    const { nickname } = await signInAsNewWechatUser(resident.context);
    await openPath(resident.page, ROUTES.home);
    await expectVisibleText(resident.page, '#join-prompt', '您还未加入社区');
    await visible(resident.page, '#home-join').click();
    await submitInviteCode(resident.page, code);
    await expectPath(resident.page, ROUTES.home);
    await expectVisibleText(resident.page, '#officer-name', '王建国');
    await expectVisibleText(resident.page, '#officer-station', '天桥派出所');
    await expectVisibleText(resident.page, '#officer-community', '纬四路社区');

    // The officer, reopening the community page, finds the new member.
    await officer.page.reload();
    await expectVisibleText(officer.page, '#community-title', '纬四路社区');
    await expectVisibleText(officer.page, '#member-list', nickname);
  });

  it('a resident asks to join 延安社区, officer2 approves, the resident sees 李卫东', async () => {
    const resident = await browser.open('new-resident');
    const { nickname } = await signInAsNewWechatUser(resident.context);
    await openPath(resident.page, ROUTES.home);
    await expectVisibleText(resident.page, '#join-prompt', '您还未加入社区');
    await visible(resident.page, '#home-join').click();
    await expectPath(resident.page, ROUTES.join);
    await visible(resident.page, '#join-directory-open').click();
    // The city has hundreds of communities: the resident finds theirs by its station's name.
    await visible(resident.page, '#search-directory input').fill('涂山路');
    await visible(resident.page, '#search-directory-submit').click();
    await expectVisibleText(resident.page, '#directory-list', '延安社区');
    expect(await visible(resident.page, '#directory-list').innerText()).not.toContain('胜利社区');
    const row = visible(resident.page, '#directory-list [id^="directory-"]', '延安社区').first();
    await row.waitFor();
    const communityId = await idNumber(row, 'directory-');
    await expectVisibleText(resident.page, `#directory-${communityId}`, '李卫东');
    await visible(resident.page, `#directory-join-${communityId}`).click();
    await expectVisibleText(resident.page, `#directory-status-${communityId}`, '待审核');

    // 首页 now says the request waits for the officer.
    await openPath(resident.page, ROUTES.home);
    await expectVisibleText(resident.page, '#join-pending', '加入申请待民警审核');
    await expectVisibleText(resident.page, '#join-pending', '延安社区');

    const officer = await browser.open('officer2');
    await signInWithDemoSwitcher(officer.page, 'officer2');
    await visible(officer.page, '#tab-workbench').click();
    await expectVisibleText(officer.page, `#community-${communityId}`, '待审核 1');
    await openWorkbenchCommunity(officer.page, '延安社区');
    const request = visible(officer.page, '#pending-list [id^="pending-"]', nickname).first();
    await request.waitFor();
    const membershipId = await idNumber(request, 'pending-');
    await visible(officer.page, `#approve-${membershipId}`).click();
    await expectVisibleText(officer.page, `#member-${membershipId}`, nickname);
    await expectVisibleText(officer.page, '#pending-list', '暂无待审核的入群申请');

    // The resident switches tabs (首页 reloads when shown) and now has a community officer.
    await visible(resident.page, '#tab-mine').click();
    await expectPath(resident.page, ROUTES.mine);
    await visible(resident.page, '#tab-home').click();
    await expectPath(resident.page, ROUTES.home);
    await expectVisibleText(resident.page, '#officer-name', '李卫东');
    await expectVisibleText(resident.page, '#officer-station', '涂山路派出所');
    await expectVisibleText(resident.page, '#officer-community', '延安社区');
  });
});

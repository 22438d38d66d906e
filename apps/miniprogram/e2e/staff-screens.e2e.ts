/**
 * Every action on a screen (issue #23), as the role that does it: an officer names a 信息员 from the
 * member list and removes it again; a station leader invites a mediator, revokes another invitation,
 * and the invited person claims theirs; an admin reads the audit log by person and by object; a
 * resident opens the signed 调解协议书 and prints it. Destructive actions are quiet and say what ends.
 */
import type { Page } from 'playwright-core';
import {
  apiAs, confirmModal, expectPath, expectVisibleText, openPath, openWorkbenchCommunity, ROUTES, signInAsNewWechatUser, signInWithDemoSwitcher, visible,
} from './support/app';
import { baseUrl } from './support/paths';
import { useBrowser } from './support/browser';

const browser = useBrowser();
const suffix = Date.now().toString(36).slice(-4);
const STAFF_INVITES = '/packageAdmin/staff-invites/index';
const STAFF_CLAIM = '/packageAdmin/staff-claim/index';
const AUDIT = '/packageAdmin/audit/index';
const AGREEMENT = '/packageMediation/agreement/index';

/** The text of the dialog showing, then presses its button. */
async function modalText(page: Page, title: string): Promise<string> {
  const modal = visible(page, '.taro-modal__content', title);
  await modal.waitFor();
  return modal.innerText();
}

/** A new WeChat user who joins 纬四路社区 with officer1's invite code (API set-up); answers their nickname. */
async function newMemberOfWeisilu(): Promise<string> {
  const [community] = (await apiAs<{ items: { id: number }[] }>('officer1', 'GET', `/api/workbench/communities?q=${encodeURIComponent('纬四路社区')}`)).items;
  const { code } = await apiAs<{ code: string }>('officer1', 'POST', `/api/communities/${community.id}/invites`);
  const login = await fetch(`${baseUrl()}/api/auth/wechat`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: `demo:e2e-informant-${process.pid}-${suffix}` }),
  });
  const { accessToken, user } = (await login.json()) as { accessToken: string; user: { nickname: string } };
  const joined = await fetch(`${baseUrl()}/api/communities/join-by-code`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` }, body: JSON.stringify({ code }),
  });
  if (joined.status !== 201 && joined.status !== 200) throw new Error(`join failed: ${joined.status} ${await joined.text()}`);
  // Leave 纬四路社区 with no live code of ours (other tests read its newest code).
  await apiAs('officer1', 'POST', `/api/communities/${community.id}/invites/${code}/revoke`);
  return user.nickname;
}

/** The member's row, paging the list (加载更多) until it shows. */
async function memberRow(page: Page, nickname: string) {
  const row = visible(page, '#member-list [id^="member-"]', nickname).first();
  // The first page has arrived once the list shows; then page on while the member is not there yet.
  await visible(page, '#list-members').waitFor();
  for (let i = 0; i < 20 && (await row.count()) === 0 && (await visible(page, '#more-members').count()) > 0; i += 1) {
    await visible(page, '#more-members').click();
    await page.waitForTimeout(300);
  }
  await row.waitFor();
  return row;
}

describe('staff screens', () => {
  it('officer1 names a member 信息员 from the member list, told what it means, and removes it again', async () => {
    const nickname = await newMemberOfWeisilu();
    const { page } = await browser.open('officer1');
    await signInWithDemoSwitcher(page, 'officer1');
    await openWorkbenchCommunity(page, '纬四路社区');
    const row = await memberRow(page, nickname);
    expect(await row.locator('.nut-tag', { hasText: '信息员' }).count()).toBe(0);

    await row.locator('[id^="informant-grant-"]').click();
    expect(await modalText(page, '设为信息员')).toContain('信息员保密模式');
    await confirmModal(page, '设为信息员', '确认设置');
    await row.locator('.nut-tag', { hasText: '信息员' }).waitFor();
    const revoke = row.locator('[id^="informant-revoke-"]');
    await expectVisibleText(page, `#${await revoke.getAttribute('id')}`, '取消信息员');
    // The server holds it too: a reload shows the flag.
    await page.reload();
    await (await memberRow(page, nickname)).locator('.nut-tag', { hasText: '信息员' }).waitFor();

    const again = await memberRow(page, nickname);
    await again.locator('[id^="informant-revoke-"]').click();
    expect(await modalText(page, '取消信息员')).toContain('不能再用信息员保密模式上报');
    await confirmModal(page, '取消信息员', '确认取消');
    await again.locator('[id^="informant-grant-"]').waitFor();
    expect(await again.locator('.nut-tag', { hasText: '信息员' }).count()).toBe(0);
  });

  it('station_leader1 invites a mediator, revokes a second invitation, and the invited person claims the first and opens 工作台', async () => {
    const leader = await browser.open('station_leader1');
    await signInWithDemoSwitcher(leader.page, 'station_leader1');
    await visible(leader.page, '#tab-workbench').click();
    await visible(leader.page, '#workbench-staff-invites-open').click();
    await expectPath(leader.page, STAFF_INVITES);

    const invite = async (name: string): Promise<string> => {
      await visible(leader.page, '#staff-invite-name input').fill(name);
      await visible(leader.page, '#staff-invite-role-mediator').click();
      await expectVisibleText(leader.page, '#staff-invite-unit', '天桥派出所');
      await visible(leader.page, '#staff-invite-submit').click();
      await expectVisibleText(leader.page, '#staff-invite-created', name);
      await expectVisibleText(leader.page, '#staff-invitation-list', name);
      return (await visible(leader.page, '#staff-invite-link').innerText()).trim();
    };
    // Submitting with nothing filled says everything that is missing at once.
    await visible(leader.page, '#staff-invite-submit').click();
    await expectVisibleText(leader.page, '#staff-invite-error', '请填写姓名、角色、单位');

    const keep = `调解员 周${suffix}`;
    const link = await invite(keep);
    expect(link).toContain(`${STAFF_CLAIM}?token=`);
    const dropped = `调解员 吴${suffix}`;
    await invite(dropped);
    const droppedRow = visible(leader.page, '#staff-invitation-list [id^="staff-invitation-"]', dropped).first();
    await expectVisibleText(leader.page, '#staff-invitation-list', '待使用');
    await droppedRow.locator('[id^="staff-invitation-revoke-"]').click();
    expect(await modalText(leader.page, '撤销邀请')).toContain('立即失效');
    await confirmModal(leader.page, '撤销邀请', '撤销邀请');
    await droppedRow.locator('.nut-tag', { hasText: '已撤销' }).waitFor();
    expect(await droppedRow.locator('[id^="staff-invitation-revoke-"]').count()).toBe(0);

    const invitee = await browser.open('invitee');
    await signInAsNewWechatUser(invitee.context);
    await invitee.page.goto(link);
    await expectPath(invitee.page, STAFF_CLAIM);
    expect(await visible(invitee.page, '#staff-claim-token input').inputValue()).toBe(new URL(link).searchParams.get('token'));
    await visible(invitee.page, '#staff-claim-submit').click();
    await expectVisibleText(invitee.page, '#staff-claim-role', `${keep}，您已登记为警民联调员（天桥派出所）`);
    await visible(invitee.page, '#staff-claim-workbench').click();
    await expectPath(invitee.page, ROUTES.workbench);
    await expectVisibleText(invitee.page, '#workbench-rooms', '我的调解');
    // The same link again: used.
    await invitee.page.goto(link);
    await visible(invitee.page, '#staff-claim-submit').click();
    await expectVisibleText(invitee.page, '#staff-claim-error', '该邀请已被使用');

    await leader.page.reload();
    const keptRow = visible(leader.page, '#staff-invitation-list [id^="staff-invitation-"]', keep).first();
    await keptRow.locator('.nut-tag', { hasText: '已使用' }).waitFor();
  });

  it('admin1 reads the audit log in Chinese, narrowed to one person and then to one object', async () => {
    const leader = await apiAs<{ id: number; orgUnitId: number; nickname: string }>('station_leader1', 'GET', '/api/me');
    const made = await apiAs<{ id: number }>('station_leader1', 'POST', '/api/staff-invitations', { role: 'mediator', orgUnitId: leader.orgUnitId, name: `审计 ${suffix}` });
    const { page } = await browser.open('admin1');
    await signInWithDemoSwitcher(page, 'admin1');
    await visible(page, '#tab-workbench').click();
    await visible(page, '#workbench-audit-open').click();
    await expectPath(page, AUDIT);
    await expectVisibleText(page, '#audit-filter-text', '全部记录');
    await expectVisibleText(page, '#audit-list', '登录');

    await visible(page, '#audit-actor input').fill(String(leader.id));
    await visible(page, '#audit-apply').click();
    await expectVisibleText(page, '#audit-filter-text', `操作人 #${leader.id}`);
    const entry = visible(page, '#audit-list [id^="audit-entry-"]', '邀请工作人员').first();
    await entry.waitFor();
    const actors = await visible(page, '#audit-list [id^="audit-actor-"]').allInnerTexts();
    expect(actors.length).toBeGreaterThan(0);
    // Staff are named with their role: 姓名（派出所领导） #id.
    expect(new Set(actors.map((a) => a.trim()))).toEqual(new Set([`${leader.nickname}（派出所领导） #${leader.id}`]));

    await entry.locator('[id^="audit-about-"]').click();
    await expectVisibleText(page, '#audit-filter-text', `人员邀请 #${made.id}`);
    await expectVisibleText(page, '#audit-list', '邀请工作人员');
    expect(await visible(page, '#audit-list [id^="audit-entry-"]').count()).toBe(1);
  });

  it('resident1 opens the signed 调解协议书 from the room, laid out as a document, and prints only the paper', async () => {
    const kase = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
      kind: 'dispute', subcategory: 'neighbour', title: `楼上漏水 ${suffix}`, description: '楼上卫生间漏水到我家天花板，沟通未果',
      otherParty: '楼上住户', contactPreference: 'in_app', anonymity: 'none',
    });
    const [mediator] = await apiAs<{ id: number }[]>('officer1', 'GET', `/api/mediation/mediators?caseId=${kase.id}`);
    const informant = await apiAs<{ id: number }>('informant1', 'GET', '/api/me');
    const room = await apiAs<{ id: number }>('officer1', 'POST', '/api/mediation/rooms', { caseId: kase.id, respondentUserId: informant.id, mediatorUserId: mediator.id });
    const due = new Date(Date.now() + 10 * 86_400_000);
    const drafted = await apiAs<{ agreement: { id: number } }>('mediator1', 'POST', `/api/mediation/rooms/${room.id}/agreement`, {
      parties: '申请人 张阿姨；被申请人 楼上住户', facts: '楼上卫生间漏水到楼下天花板', terms: '被申请人十日内修好防水并赔偿粉刷费用八百元', performanceDueAt: due.toISOString(),
    });
    for (const who of ['resident1', 'informant1']) await apiAs(who, 'POST', `/api/mediation/rooms/${room.id}/agreement/confirm`, { agreementId: drafted.agreement.id });

    const { page } = await browser.open('resident1');
    await signInWithDemoSwitcher(page, 'resident1');
    await openPath(page, `/packageMediation/room/index?id=${room.id}`);
    await visible(page, '#agreement-document-open').click();
    await expectPath(page, AGREEMENT);
    await expectVisibleText(page, '#agreement-document', '人民调解协议书');
    await expectVisibleText(page, '#agreement-doc-terms', '十日内修好防水');
    await expectVisibleText(page, '#agreement-doc-due', new Date(due.getTime() + 8 * 3600_000).toISOString().slice(0, 10));
    await expectVisibleText(page, '#agreement-doc-station', '天桥派出所');
    await expectVisibleText(page, '#agreement-doc-mediator', '调解员：');
    await expectVisibleText(page, '#agreement-doc-status', '本协议生效');
    expect((await visible(page, '#agreement-doc-confirmations').innerText()).match(/已确认/g)).toHaveLength(2);
    await visible(page, '#agreement-print').waitFor();

    // Printed, only the paper: no title bar, no button.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#agreement-print').filter({ visible: true }).count()).toBe(0);
    expect(await page.locator('.taro-navigation-bar').filter({ visible: true }).count()).toBe(0);
    await visible(page, '#agreement-doc-terms').waitFor();
    await page.emulateMedia({ media: 'screen' });
  });

  it('offline-room and invite-code destructive actions are quiet buttons away from the frequent ones, and say what they end', async () => {
    const { page } = await browser.open('officer1');
    await signInWithDemoSwitcher(page, 'officer1');
    await openWorkbenchCommunity(page, '纬四路社区');
    await visible(page, '#invite-create').click();
    const code = (await visible(page, '#invite-code').innerText()).trim();
    const revoke = visible(page, `#invite-revoke-${code}`);
    // Not a red button, and not on 复制's line.
    expect(await revoke.getAttribute('class')).not.toMatch(/nut-button-danger|nut-button--danger/);
    const copyBox = await visible(page, '#invite-copy').boundingBox();
    const revokeBox = await revoke.boundingBox();
    expect(revokeBox && copyBox && revokeBox.y > copyBox.y + copyBox.height - 1).toBe(true);
    await revoke.click();
    expect(await modalText(page, '作废邀请码')).toContain('不能恢复');
    await confirmModal(page, '作废邀请码', '作废');
    await visible(page, `#invite-${code}`).waitFor({ state: 'detached' }).catch(() => undefined);
    expect(await visible(page, `#invite-${code}`).count()).toBe(0);

    await openPath(page, ROUTES.offlineRooms);
    const room = visible(page, '#offline-rooms-list [id^="offline-room-"]', '天桥派出所警民联调室').first();
    await room.waitFor();
    const retire = room.locator('[id^="offline-room-retire-"]');
    expect(await retire.getAttribute('class')).not.toMatch(/danger/);
    // 停用 sits in the room's header, above the slots, far from 新增时段 at the bottom.
    const retireBox = await retire.boundingBox();
    const addBox = await room.locator('[id^="offline-slot-submit-"]').boundingBox();
    expect(retireBox && addBox && retireBox.y < addBox.y - 100).toBe(true);
    await retire.click();
    expect(await modalText(page, '停用联调室')).toContain('不能恢复');
    await visible(page, '.taro-modal__content', '停用联调室').locator('.taro-model__cancel', { hasText: '保留' }).click();
    await expectVisibleText(page, '#offline-rooms-list', '天桥派出所警民联调室');
    expect(await room.innerText()).not.toContain('已停用');
  });
});

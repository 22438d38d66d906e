/**
 * 输入调解邀请码 (issue #23): the mini program has no link to tap, so the code staff show under 邀请
 * is typed on 我的 (or on 首页 by a visitor, who signs in first and comes back to it) and opens the
 * room; a wrong or used code says why on the room page, with a way back.
 */
import type { Page } from 'playwright-core';
import { apiAs, expectPath, expectVisibleText, openPath, signInAsNewWechatUser, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();
const ROOM = '/packageMediation/room/index';
const ROOM_CODE = '/packageMediation/room-code/index';
const suffix = Date.now().toString(36);

/** A dispute of resident1 with a room whose respondent has no account yet; answers the room and that member. */
async function roomAwaitingRespondent(title: string): Promise<{ roomId: number; memberId: number }> {
  const kase = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
    kind: 'dispute', subcategory: 'neighbour', title, description: '门口堆放杂物，多次沟通无果', otherParty: '对门邻居', contactPreference: 'in_app', anonymity: 'none',
  });
  const [mediator] = await apiAs<{ id: number }[]>('officer1', 'GET', `/api/mediation/mediators?caseId=${kase.id}`);
  const room = await apiAs<{ id: number; members: { id: number; joined: boolean }[] }>('officer1', 'POST', '/api/mediation/rooms', {
    caseId: kase.id, respondentName: '对门邻居', mediatorUserId: mediator.id,
  });
  return { roomId: room.id, memberId: (room.members.find((x) => !x.joined) as { id: number }).id };
}

/** 我的 → 输入调解邀请码 → the code as typed (spaces around it, as pasted from a message). */
async function enterCodeFromMine(page: Page, code: string): Promise<void> {
  await openPath(page, '/pages/mine/index');
  await visible(page, '#mine-room-code').click();
  await expectPath(page, ROOM_CODE);
  await visible(page, '#room-code-input input').fill(code);
  await visible(page, '#room-code-submit').click();
}

describe('输入调解邀请码 (h5)', () => {
  it('the code staff see under 邀请, typed on 我的, lets a new WeChat user into the room; used or wrong codes say why', async () => {
    const title = `门口堆放杂物 ${suffix}`;
    const { roomId, memberId } = await roomAwaitingRespondent(title);

    const o = (await browser.open('officer')).page;
    await signInWithDemoSwitcher(o, 'officer1');
    await openPath(o, `${ROOM}?id=${roomId}`);
    await visible(o, `#room-invite-${memberId}`).click();
    const code = (await visible(o, '#room-invite-code').innerText()).replace('邀请码：', '').trim();
    expect(code).toMatch(/^[\w-]{8,64}$/);

    const invited = await browser.open('invited');
    await signInAsNewWechatUser(invited.context);
    const p = invited.page;
    // Nothing typed: told so on the same page.
    await openPath(p, '/pages/mine/index');
    await visible(p, '#mine-room-code').click();
    await visible(p, '#room-code-input input').fill('   ');
    await visible(p, '#room-code-submit').click();
    await expectVisibleText(p, '#room-code-error', '请输入调解邀请码');
    await expectPath(p, ROOM_CODE);

    await enterCodeFromMine(p, `  ${code} `);
    await expectPath(p, ROOM);
    await expectVisibleText(p, '#room-title', title);
    await expectVisibleText(p, '#room-connection', '已连接');
    await visible(p, '#room-input input').waitFor();

    // The same code again, by someone else: already used.
    const other = await browser.open('other');
    await signInAsNewWechatUser(other.context);
    await enterCodeFromMine(other.page, code);
    await expectPath(other.page, ROOM);
    await expectVisibleText(other.page, '#room-invite-error-message', '该邀请已被使用');
    expect(await other.page.locator('#room-title').count()).toBe(0);

    // A wrong code: the server's message, then back to the code to correct it.
    await enterCodeFromMine(other.page, `wrong-${suffix}`);
    await expectVisibleText(other.page, '#room-invite-error', '无法进入调解室');
    await expectVisibleText(other.page, '#room-invite-error-message', '邀请码无效，请核对后重新输入');
    await visible(other.page, '#room-invite-recode').click();
    await expectPath(other.page, ROOM_CODE);
    expect(await visible(other.page, '#room-code-input input').inputValue()).toBe(`wrong-${suffix}`);
    // 返回 from the room page leads back out of it.
    await visible(other.page, '#room-code-submit').click();
    await expectVisibleText(other.page, '#room-invite-error-message', '邀请码无效');
    await visible(other.page, '#room-invite-back').click();
    await other.page.waitForURL((url) => url.pathname !== ROOM);
  });

  it('a visitor types the code on 首页, signs in, and comes back to the room', async () => {
    const title = `楼道堆物 ${suffix}`;
    const { roomId, memberId } = await roomAwaitingRespondent(title);
    const invitation = await apiAs<{ token: string }>('officer1', 'POST', `/api/mediation/rooms/${roomId}/invitations`, { memberId });

    const { page } = await browser.open('visitor');
    await openPath(page, '/pages/home/index');
    await visible(page, '#home-room-code').click();
    await expectPath(page, ROOM_CODE);
    await visible(page, '#room-code-input input').fill(invitation.token);
    await visible(page, '#room-code-submit').click();
    await expectPath(page, '/pages/login/index');
    // informant1: already a respondent in other rooms (chat-room); resident2 is kept for join.e2e.
    await visible(page, '#demo-user-informant1').click();
    await expectPath(page, ROOM);
    await expectVisibleText(page, '#room-title', title);
    expect(new URL(page.url()).searchParams.get('invite')).toBe(invitation.token);
  });
});

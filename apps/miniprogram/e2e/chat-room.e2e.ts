/**
 * The mediation room as a chat (issue #23): it opens at the newest message with the input in view
 * and most of a 375 × 812 screen for the messages; a person reading back stays put and is told
 * 有新消息; an invitation made in the browser shows its link and code, and the link lets the
 * invited person in.
 */
import type { Locator, Page } from 'playwright-core';
import { apiAs, expectPath, expectVisibleText, openPath, pickDate, signInAsNewWechatUser, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();
const ROOM = '/packageMediation/room/index';
const suffix = Date.now().toString(36);

async function newDispute(title: string): Promise<number> {
  const kase = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
    kind: 'dispute', subcategory: 'neighbour', title, description: '楼上孩子每晚跑跳，沟通多次无果', otherParty: '楼上住户', contactPreference: 'in_app', anonymity: 'none',
  });
  return kase.id;
}

async function say(page: Page, text: string): Promise<void> {
  await visible(page, '#room-input input').fill(text);
  await visible(page, '#room-send').click();
  await expectVisibleText(page, '#room-messages', text);
}

/** Whether the element is wholly inside the chat's scrolling part as it is scrolled now. */
async function inChatView(page: Page, target: Locator): Promise<boolean> {
  const [box, pane] = await Promise.all([target.boundingBox(), visible(page, '#room-scroll').boundingBox()]);
  if (!box || !pane) return false;
  return box.y >= pane.y - 1 && box.y + box.height <= pane.y + pane.height + 1;
}

const lastMessage = (page: Page) => page.locator('#room-messages .msg').last();

describe('网上调解室 as a chat (h5, 375 × 812)', () => {
  it('opens at the newest message with the input in view; reading back it stays put and 有新消息 brings it to the end', async () => {
    const caseId = await newDispute(`楼上跑跳噪音 ${suffix}`);
    const [mediator] = await apiAs<{ id: number }[]>('officer1', 'GET', `/api/mediation/mediators?caseId=${caseId}`);
    const respondent = await apiAs<{ id: number }>('informant1', 'GET', '/api/me');
    const room = await apiAs<{ id: number }>('officer1', 'POST', '/api/mediation/rooms', { caseId, respondentUserId: respondent.id, mediatorUserId: mediator.id });

    const m = (await browser.open('mediator')).page;
    await signInWithDemoSwitcher(m, 'mediator1');
    await openPath(m, `${ROOM}?id=${room.id}`);
    await expectVisibleText(m, '#room-connection', '已连接');
    for (let i = 1; i <= 14; i += 1) await say(m, `第${i}条：请双方先说说各自的情况，我们一起想办法解决，好吗？`);

    const r = (await browser.open('resident')).page;
    await signInWithDemoSwitcher(r, 'resident1');
    await openPath(r, `${ROOM}?id=${room.id}`);
    await expectVisibleText(r, '#room-messages', '第14条');
    // The newest message and the input are on screen; the chat has most of the height.
    await r.waitForFunction(() => {
      const pane = document.querySelector('#room-scroll');
      return pane !== null && pane.scrollHeight > pane.clientHeight && pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 2;
    });
    expect(await inChatView(r, lastMessage(r))).toBe(true);
    const input = await visible(r, '#room-input input').boundingBox();
    const pane = await visible(r, '#room-scroll').boundingBox();
    if (!input || !pane) throw new Error('room not laid out');
    expect(input.y + input.height).toBeLessThanOrEqual(812);
    expect(pane.height).toBeGreaterThan(812 * 0.6);
    // Details (case number, all members) fold away until asked for.
    expect(await r.locator('#room-details').count()).toBe(0);
    await visible(r, '#room-details-toggle').click();
    await visible(r, '#room-details').waitFor();
    await visible(r, '#room-details-toggle').click();

    // Reading back: a new message does not pull the chat down; the pill says there is one.
    await visible(r, '#room-scroll').evaluate((el) => { el.scrollTop = 0; });
    await say(m, '第15条：我先整理一下双方的诉求');
    await expectVisibleText(r, '#room-messages', '第15条');
    await visible(r, '#room-new-messages').waitFor();
    expect(await inChatView(r, lastMessage(r))).toBe(false);
    await visible(r, '#room-new-messages').click();
    await r.waitForFunction(() => document.querySelector('#room-new-messages') === null);
    await r.waitForFunction(() => {
      const el = document.querySelector('#room-scroll');
      return el !== null && el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
    });
    expect(await inChatView(r, lastMessage(r))).toBe(true);

    // At the end, what arrives is shown at once; what the person sends too.
    await say(m, '第16条：请申请人先说');
    await expectVisibleText(r, '#room-messages', '第16条');
    await r.waitForFunction(() => {
      const el = document.querySelector('#room-scroll');
      return el !== null && el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
    });
    expect(await r.locator('#room-new-messages').count()).toBe(0);
    await say(r, '好的，我先说说情况');
    await r.waitForFunction(() => {
      const el = document.querySelector('#room-scroll');
      return el !== null && el.scrollTop + el.clientHeight >= el.scrollHeight - 2;
    });
    expect(await inChatView(r, lastMessage(r))).toBe(true);

    // 履行期限 is picked from a calendar, like every date.
    await visible(m, '#agreement-draft-open').click();
    await visible(m, '#agreement-facts textarea').fill('楼上孩子夜间跑跳');
    await visible(m, '#agreement-terms textarea').fill('晚九点后不在室内跑跳');
    const due = new Date(Date.now() + 10 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await pickDate(m, '#agreement-due', due);
    await expectVisibleText(m, '#agreement-due', due);
    await visible(m, '#agreement-submit').click();
    await expectVisibleText(r, '#agreement-card', `履行期限：${due}`);
  });

  it('inviting a respondent in the browser shows the link and code to copy; the link lets them in', async () => {
    const title = `楼道停车纠纷 ${suffix}`;
    const caseId = await newDispute(title);
    const [mediator] = await apiAs<{ id: number }[]>('officer1', 'GET', `/api/mediation/mediators?caseId=${caseId}`);
    const room = await apiAs<{ id: number; members: { id: number; joined: boolean }[] }>('officer1', 'POST', '/api/mediation/rooms', {
      caseId, respondentName: '对门邻居', mediatorUserId: mediator.id,
    });
    const waiting = room.members.find((x) => !x.joined) as { id: number };

    const o = (await browser.open('officer')).page;
    await signInWithDemoSwitcher(o, 'officer1');
    await openPath(o, `${ROOM}?id=${room.id}`);
    await visible(o, `#room-invite-${waiting.id}`).click();
    await visible(o, '#room-invite-ready').waitFor();
    // No “…” menu in a browser: nothing tells to use one.
    expect(await visible(o, '#room-invite-ready').innerText()).not.toContain('…');
    const link = (await visible(o, '#room-invite-link').innerText()).trim();
    expect(link).toMatch(new RegExp(`^${new URL(o.url()).origin}${ROOM}\\?invite=[\\w-]+$`));
    const token = new URL(link).searchParams.get('invite') as string;
    await expectVisibleText(o, '#room-invite-code', token);
    await visible(o, '#room-invite-copy-link').waitFor();
    await visible(o, '#room-invite-copy-code').waitFor();

    const invited = await browser.open('invited');
    await signInAsNewWechatUser(invited.context);
    await invited.page.goto(link);
    await expectPath(invited.page, ROOM);
    await expectVisibleText(invited.page, '#room-title', title);
    await expectVisibleText(invited.page, '#room-connection', '已连接');
    await visible(invited.page, '#room-input input').waitFor();
  });
});

/**
 * 网上调解室 end to end: resident1 reported a dispute and officer1 opened a room for it (set up
 * over the API, as the case page's 开启调解 does), with informant1 as the respondent and mediator1
 * mediating. In two browsers the resident and the mediator chat live over the socket; the
 * mediator drafts the agreement, the respondent has confirmed it on their phone (API), the
 * resident confirms in the page, and both pages show 已达成协议.
 */
import type { Page } from 'playwright-core';
import { apiAs, confirmModal, expectPath, expectVisibleText, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();
const ROOM = '/packageMediation/room/index';
const suffix = Date.now().toString(36);

async function openRoomForNewDispute(title: string): Promise<number> {
  const kase = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
    kind: 'dispute', subcategory: 'neighbour', title, description: '楼上空调外机滴水到我家窗台，沟通未果',
    otherParty: '楼上住户', contactPreference: 'in_app', anonymity: 'none',
  });
  const [mediator] = await apiAs<{ id: number }[]>('officer1', 'GET', `/api/mediation/mediators?caseId=${kase.id}`);
  const me = await apiAs<{ id: number }>('informant1', 'GET', '/api/me');
  const room = await apiAs<{ id: number }>('officer1', 'POST', '/api/mediation/rooms', { caseId: kase.id, respondentUserId: me.id, mediatorUserId: mediator.id });
  return room.id;
}

async function say(page: Page, text: string): Promise<void> {
  await visible(page, '#room-input input').fill(text);
  await visible(page, '#room-send').click();
  await expectVisibleText(page, '#room-messages', text);
}

describe('网上调解室 (h5, two browsers)', () => {
  it('a resident and the mediator chat live; the mediator drafts the agreement; after the resident confirms both see 已达成协议', async () => {
    const title = `空调滴水纠纷 ${suffix}`;
    const roomId = await openRoomForNewDispute(title);

    const resident = await browser.open('resident');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await visible(resident.page, '#tab-mine').click();
    await expectPath(resident.page, ROUTES.mine);
    await visible(resident.page, `#mine-rooms #room-item-${roomId}`).click();
    await expectPath(resident.page, ROOM);
    await expectVisibleText(resident.page, '#room-title', title);
    await expectVisibleText(resident.page, '#room-connection', '已连接');

    const mediator = await browser.open('mediator');
    await signInWithDemoSwitcher(mediator.page, 'mediator1');
    // 首页 tells a mediator where the rooms are, not about community members and invite codes.
    await expectVisibleText(mediator.page, '#staff-card-hint', '我的调解');
    expect(await visible(mediator.page, '#staff-card-hint', '邀请码').count()).toBe(0);
    await visible(mediator.page, '#tab-workbench').click();
    await expectPath(mediator.page, ROUTES.workbench);
    await visible(mediator.page, `#workbench-rooms #room-item-${roomId}`).click();
    await expectVisibleText(mediator.page, '#room-connection', '已连接');

    await say(resident.page, '楼上的空调水天天滴到我家窗台上');
    await expectVisibleText(mediator.page, '#room-messages', '楼上的空调水天天滴到我家窗台上');
    await say(mediator.page, '张阿姨您好，我们一起商量个解决办法');
    await expectVisibleText(resident.page, '#room-messages', '张阿姨您好，我们一起商量个解决办法');

    await visible(mediator.page, '#agreement-draft-open').click();
    await visible(mediator.page, '#agreement-facts textarea').fill('楼上空调外机冷凝水滴落到申请人窗台');
    await visible(mediator.page, '#agreement-terms textarea').fill('被申请人一周内加装冷凝水导管，不再滴水');
    await visible(mediator.page, '#agreement-submit').click();
    await expectVisibleText(mediator.page, '#agreement-terms-text', '被申请人一周内加装冷凝水导管');
    // The resident's page learns of the draft from the room's system message, without reloading.
    await expectVisibleText(resident.page, '#agreement-terms-text', '被申请人一周内加装冷凝水导管');
    await expectVisibleText(resident.page, '#agreement-status', '待各方确认');

    const room = await apiAs<{ agreement: { id: number } }>('informant1', 'GET', `/api/mediation/rooms/${roomId}`);
    await apiAs('informant1', 'POST', `/api/mediation/rooms/${roomId}/agreement/confirm`, { agreementId: room.agreement.id });

    // Confirming is binding: the tap asks first and says so; 再看看 confirms nothing.
    await visible(resident.page, '#agreement-confirm').click();
    const ask = visible(resident.page, '.taro-modal__content', '确认调解协议');
    await expectVisibleText(resident.page, '.taro-modal__content', '全部当事人确认后调解结束，不能撤回');
    await ask.locator('.taro-model__cancel', { hasText: '再看看' }).click();
    await ask.waitFor({ state: 'hidden' });
    await expectVisibleText(resident.page, '#agreement-status', '待各方确认');
    await expectVisibleText(resident.page, '#room-status', '调解中');
    const unconfirmed = (await apiAs<{ agreement: { confirmations: { displayName: string; confirmedAt: string | null }[] } }>('resident1', 'GET', `/api/mediation/rooms/${roomId}`))
      .agreement.confirmations.filter((c) => c.confirmedAt === null);
    expect(unconfirmed).toHaveLength(1);
    await visible(resident.page, '#agreement-confirm').click();
    await confirmModal(resident.page, '确认调解协议', '确认');
    for (const person of [resident, mediator]) {
      await expectVisibleText(person.page, '#agreement-status', '已达成协议');
      await expectVisibleText(person.page, '#room-status', '已达成协议');
      await visible(person.page, '#room-readonly').waitFor();
    }
    const kase = await apiAs<{ status: string }>('resident1', 'GET', `/api/cases/${(await apiAs<{ caseId: number }>('resident1', 'GET', `/api/mediation/rooms/${roomId}`)).caseId}`);
    expect(kase.status).toBe('resolved');
  });

  it('a party with the room open sees a 背靠背 channel the mediator opens at once, marked unread until they look at it', async () => {
    const roomId = await openRoomForNewDispute(`窗台花盆纠纷 ${suffix}`);
    const resident = await browser.open('resident');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await openPath(resident.page, `${ROOM}?id=${roomId}`);
    await expectVisibleText(resident.page, '#room-connection', '已连接');
    expect(await resident.page.locator('#room-channels').count()).toBe(0);

    const room = await apiAs<{ members: { id: number; role: string }[] }>('mediator1', 'GET', `/api/mediation/rooms/${roomId}`);
    const applicant = room.members.find((m) => m.role === 'applicant') as { id: number };
    const caucus = await apiAs<{ id: number }>('mediator1', 'POST', `/api/mediation/rooms/${roomId}/caucus`, { memberId: applicant.id });
    await apiAs('mediator1', 'POST', `/api/mediation/rooms/${caucus.id}/messages`, { clientMsgId: `e2e-c-${Date.now().toString(36)}`, kind: 'text', text: '您觉得怎样处理比较合适？' });

    // No reload: the chip appears with its unread dot and a line saying what it is.
    await expectVisibleText(resident.page, `#room-channel-${caucus.id}`, '背靠背');
    await visible(resident.page, `#room-channel-${caucus.id}-unread`).waitFor();
    await expectVisibleText(resident.page, '#room-caucus-new', '调解员邀请您单独沟通');
    await visible(resident.page, `#room-channel-${caucus.id}`).click();
    await expectVisibleText(resident.page, '#room-messages', '您觉得怎样处理比较合适？');
    expect(await resident.page.locator(`#room-channel-${caucus.id}-unread`).count()).toBe(0);
    expect(await resident.page.locator('#room-caucus-new').count()).toBe(0);
  });

  it('a party viewing 全体成员 sees a count on their 背靠背 tab when the mediator writes there, and the other way round; opening the channel shows the messages and clears it', async () => {
    const title = `楼顶漏水纠纷 ${suffix}`;
    const roomId = await openRoomForNewDispute(title);
    const room = await apiAs<{ members: { id: number; role: string }[] }>('mediator1', 'GET', `/api/mediation/rooms/${roomId}`);
    const applicant = room.members.find((m) => m.role === 'applicant') as { id: number };
    // Opened before the resident comes in: the channel is there, with nothing new in it yet.
    const caucus = await apiAs<{ id: number }>('mediator1', 'POST', `/api/mediation/rooms/${roomId}/caucus`, { memberId: applicant.id });
    const caucusTab = `#room-channel-${caucus.id}`;
    const jointTab = `#room-channel-${roomId}`;

    const resident = await browser.open('resident');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await openPath(resident.page, `${ROOM}?id=${roomId}`);
    await expectVisibleText(resident.page, '#room-connection', '已连接');
    await expectVisibleText(resident.page, caucusTab, '背靠背');
    expect(await resident.page.locator(`${caucusTab}-unread`).count()).toBe(0);
    expect(await resident.page.locator('#room-caucus-new').count()).toBe(0);

    const mediator = await browser.open('mediator');
    await signInWithDemoSwitcher(mediator.page, 'mediator1');
    await openPath(mediator.page, `${ROOM}?id=${roomId}`);
    await visible(mediator.page, caucusTab).click();
    await expectVisibleText(mediator.page, '#room-messages', '单独沟通');
    await say(mediator.page, '您能接受对方承担一半维修费吗？');

    // The resident stays on 全体成员: the 背靠背 tab counts the message, and a line says where it is.
    await expectVisibleText(resident.page, `${caucusTab}-unread`, '1');
    expect(await visible(resident.page, caucusTab).getAttribute('aria-label')).toContain('有1条新消息');
    await expectVisibleText(resident.page, '#room-caucus-new', '调解员在背靠背中给您发来新消息');
    expect(await visible(resident.page, '#room-messages').innerText()).not.toContain('一半维修费');
    await say(mediator.page, '考虑好了再告诉我');
    await expectVisibleText(resident.page, `${caucusTab}-unread`, '2');

    // Opening the channel shows both messages and clears its mark.
    await visible(resident.page, caucusTab).click();
    await expectVisibleText(resident.page, '#room-messages', '您能接受对方承担一半维修费吗？');
    await expectVisibleText(resident.page, '#room-messages', '考虑好了再告诉我');
    await visible(resident.page, `${caucusTab}-unread`).waitFor({ state: 'detached' });
    expect(await resident.page.locator('#room-caucus-new').count()).toBe(0);
    expect(await visible(resident.page, caucusTab).getAttribute('aria-label')).not.toContain('新消息');

    // Now in 背靠背, a message in the joint channel marks 全体成员; the resident's own reply here marks nothing.
    await apiAs('informant1', 'POST', `/api/mediation/rooms/${roomId}/messages`, { clientMsgId: `e2e-j-${Date.now().toString(36)}`, kind: 'text', text: '维修费我可以出一半' });
    await expectVisibleText(resident.page, `${jointTab}-unread`, '1');
    await say(resident.page, '可以，按一半来');
    await expectVisibleText(mediator.page, '#room-messages', '可以，按一半来');
    await visible(resident.page, jointTab).click();
    await expectVisibleText(resident.page, '#room-messages', '维修费我可以出一半');
    await visible(resident.page, `${jointTab}-unread`).waitFor({ state: 'detached' });
    expect(await resident.page.locator(`${caucusTab}-unread`).count()).toBe(0);

    // A 背靠背 channel opened by its own id (its 调解室有新消息 notice) shows inside the room, on that channel.
    await openPath(resident.page, `${ROOM}?id=${caucus.id}`);
    await expectVisibleText(resident.page, '#room-title', title);
    await visible(resident.page, `${caucusTab}[aria-label*="已选中"]`).waitFor();
    await expectVisibleText(resident.page, '#room-messages', '可以，按一半来');
  });

  it('a party who was away finds the count of what the mediator wrote in their 背靠背 on its tab; opening it clears the count, also after coming back', async () => {
    const roomId = await openRoomForNewDispute(`楼道堆物纠纷 ${suffix}`);
    const room = await apiAs<{ members: { id: number; role: string }[] }>('mediator1', 'GET', `/api/mediation/rooms/${roomId}`);
    const applicant = room.members.find((m) => m.role === 'applicant') as { id: number };
    const caucus = await apiAs<{ id: number }>('mediator1', 'POST', `/api/mediation/rooms/${roomId}/caucus`, { memberId: applicant.id });
    const caucusTab = `#room-channel-${caucus.id}`;
    // Written while the resident is not in the room.
    for (const text of ['您那边的杂物什么时候能清走？', '对方同意帮忙一起搬']) {
      await apiAs('mediator1', 'POST', `/api/mediation/rooms/${caucus.id}/messages`, { clientMsgId: `e2e-a-${Math.random().toString(36).slice(2)}`, kind: 'text', text });
    }

    const { page } = await browser.open('resident');
    await signInWithDemoSwitcher(page, 'resident1');
    await openPath(page, `${ROOM}?id=${roomId}`);
    await expectVisibleText(page, `${caucusTab}-unread`, '2');
    expect(await visible(page, caucusTab).getAttribute('aria-label')).toContain('有2条新消息');
    await expectVisibleText(page, '#room-caucus-new', '调解员在背靠背中给您发来新消息');

    const reported = page.waitForResponse((r) => r.url().endsWith(`/api/mediation/rooms/${caucus.id}/read`) && r.status() === 204);
    await visible(page, caucusTab).click();
    await expectVisibleText(page, '#room-messages', '对方同意帮忙一起搬');
    await visible(page, `${caucusTab}-unread`).waitFor({ state: 'detached' });
    expect(await page.locator('#room-caucus-new').count()).toBe(0);
    await reported;

    // Back in the room later: the channel stays read.
    await page.reload();
    await expectVisibleText(page, caucusTab, '背靠背');
    await expectVisibleText(page, '#room-connection', '已连接');
    expect(await page.locator(`${caucusTab}-unread`).count()).toBe(0);
    expect(await visible(page, caucusTab).getAttribute('aria-label')).not.toContain('新消息');
  });

  it('a party in 背靠背 gets a revised agreement at once; one revised the moment before they confirm is refused with 调解协议已更新 and the card refreshes', async () => {
    const roomId = await openRoomForNewDispute(`楼道自行车纠纷 ${suffix}`);
    const draftAgreement = (terms: string) => apiAs('mediator1', 'POST', `/api/mediation/rooms/${roomId}/agreement`, {
      parties: '申请人；被申请人', facts: '自行车长期停放在楼道', terms, performanceDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await draftAgreement('三日内将自行车移到车棚');
    const resident = await browser.open('resident');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await openPath(resident.page, `${ROOM}?id=${roomId}`);
    await expectVisibleText(resident.page, '#agreement-card', '第1版');

    const room = await apiAs<{ members: { id: number; role: string }[] }>('mediator1', 'GET', `/api/mediation/rooms/${roomId}`);
    const applicant = room.members.find((m) => m.role === 'applicant') as { id: number };
    const caucus = await apiAs<{ id: number }>('mediator1', 'POST', `/api/mediation/rooms/${roomId}/caucus`, { memberId: applicant.id });
    await visible(resident.page, `#room-channel-${caucus.id}`).click();
    await expectVisibleText(resident.page, '#room-messages', '单独沟通');

    // Revised while the resident is in 背靠背: the joint channel's notice brings the new version to the card.
    await draftAgreement('两日内将自行车移到车棚');
    await expectVisibleText(resident.page, '#agreement-card', '第2版');
    await expectVisibleText(resident.page, '#agreement-terms-text', '两日内将自行车移到车棚');
    await expectVisibleText(resident.page, '#agreement-updated', '现为第2版');
    await visible(resident.page, '#agreement-updated-seen').click();
    expect(await resident.page.locator('#agreement-updated').count()).toBe(0);

    // Revised again just before the tap, while the page's reading of the room is held up: still 第2版
    // on screen, so confirming it is refused, and the card refreshes once the room is read.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const roomRead = new RegExp(`/api/mediation/rooms/${roomId}$`);
    await resident.page.route(roomRead, async (route) => {
      await held;
      await route.continue();
    });
    await draftAgreement('今日内将自行车移到车棚');
    await expectVisibleText(resident.page, '#agreement-card', '第2版');
    await visible(resident.page, '#agreement-confirm').click();
    await confirmModal(resident.page, '确认调解协议', '确认');
    await expectVisibleText(resident.page, '#agreement-error', '调解协议已更新');
    release();
    await expectVisibleText(resident.page, '#agreement-card', '第3版');
    await expectVisibleText(resident.page, '#agreement-terms-text', '今日内将自行车移到车棚');
    await expectVisibleText(resident.page, '#agreement-updated', '现为第3版');
    await resident.page.unrouteAll({ behavior: 'wait' });

    // Back in 全体成员 the resident confirms the version they read.
    await visible(resident.page, `#room-channel-${roomId}`).click();
    await expectVisibleText(resident.page, '#agreement-card', '第3版');
    await visible(resident.page, '#agreement-confirm').click();
    await confirmModal(resident.page, '确认调解协议', '确认');
    await expectVisibleText(resident.page, '#agreement-confirmations', '已确认');
    expect(await resident.page.locator('#agreement-error').count()).toBe(0);
  });

  it('a party who is away finds 调解室有新消息 in 消息 and opens the room from it; the notice is then read', async () => {
    const title = `晾衣杆滴水纠纷 ${suffix}`;
    const roomId = await openRoomForNewDispute(title);
    await apiAs('mediator1', 'POST', `/api/mediation/rooms/${roomId}/messages`, { clientMsgId: `e2e-${Date.now().toString(36)}`, kind: 'text', text: '明天上午十点方便上门看看吗' });
    // The room's lines are gathered for ROOM_NOTICE_WINDOW_MS (2 s) before the members away are told:
    // the resident looks at 消息 once the notice is there, as someone away would.
    for (let waited = 0; waited < 15_000; waited += 250) {
      const mine = await apiAs<{ items: { body: string }[] }>('resident1', 'GET', '/api/notifications?page=1&pageSize=20');
      if (mine.items.some((n) => n.body.includes(`在“${title}”调解室发来新消息`))) break;
      await new Promise((r) => setTimeout(r, 250));
    }

    const { page } = await browser.open('resident');
    await signInWithDemoSwitcher(page, 'resident1');
    await openPath(page, ROUTES.notifications);
    const notice = visible(page, '#notifications-list [id^="notification-"]', `在“${title}”调解室发来新消息`).first();
    await notice.waitFor();
    expect(await notice.innerText()).toContain('调解室有新消息');
    expect(await notice.getAttribute('class')).toContain('notification--unread');
    await notice.click();
    await expectPath(page, ROOM);
    expect(new URL(page.url()).searchParams.get('id')).toBe(String(roomId));
    await expectVisibleText(page, '#room-messages', '明天上午十点方便上门看看吗');

    // Opening the room read its notices: the new message's and 您有一个调解室, which opens the room too.
    const after = await apiAs<{ items: { title: string; roomId: number | null; readAt: string | null }[] }>('resident1', 'GET', '/api/notifications?pageSize=50');
    expect(after.items.filter((n) => n.roomId === roomId).map((n) => [n.title, n.readAt !== null]).sort()).toEqual([['您有一个调解室', true], ['调解室有新消息', true]]);
  });

  it('the mediator taps 您有一个调解室 in 消息 and lands in the room, not on a case they may not read', async () => {
    const title = `门口鞋柜纠纷 ${suffix}`;
    const roomId = await openRoomForNewDispute(title);
    const { page } = await browser.open('mediator');
    await signInWithDemoSwitcher(page, 'mediator1');
    await openPath(page, ROUTES.notifications);
    const notice = visible(page, '#notifications-list [id^="notification-"]', `“${title}”网上调解已开始`).first();
    await notice.waitFor();
    expect(await notice.innerText()).toContain('您有一个调解室');
    await notice.click();
    await expectPath(page, ROOM);
    expect(new URL(page.url()).searchParams.get('id')).toBe(String(roomId));
    await expectVisibleText(page, '#room-title', title);
    expect(await page.locator('#room-load-error').count()).toBe(0);
  });

  it('an officer opens a room from a dispute case page with 开启调解', async () => {
    const kase = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
      kind: 'dispute', subcategory: 'neighbour', title: `楼道堆物纠纷 ${suffix}`, description: '邻居在楼道堆放杂物',
      otherParty: '对门住户 刘先生 13912345678', contactPreference: 'in_app', anonymity: 'none',
    });
    const officer = await browser.open('officer');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    await openPath(officer.page, `${ROUTES.case}?id=${kase.id}`);
    await visible(officer.page, '#case-mediate').click();
    await visible(officer.page, '#case-mediate-form').waitFor();
    // The report's 对方 is shown to the officer as a hint, not copied into the name every party sees.
    await expectVisibleText(officer.page, '#case-mediate-other-party', '上报人所述对方：对门住户 刘先生 13912345678');
    expect(await visible(officer.page, '#case-mediate-respondent input').inputValue()).toBe('');
    await visible(officer.page, '#case-mediate-submit').click();
    await expectVisibleText(officer.page, '#case-mediation-error', '请填写被申请人的称呼');
    await visible(officer.page, '#case-mediate-respondent input').fill('刘先生13912345678');
    await visible(officer.page, '#case-mediate-submit').click();
    await expectVisibleText(officer.page, '#case-mediation-error', '被申请人只填称呼，不要填写电话号码');
    await visible(officer.page, '#case-mediate-respondent input').fill('对门住户');
    await visible(officer.page, '#case-mediate-submit').click();
    await expectPath(officer.page, ROOM);
    await expectVisibleText(officer.page, '#room-status', '调解中');
    await expectVisibleText(officer.page, '#room-members', '被申请人 对门住户（待加入）');
    await expectVisibleText(officer.page, '#room-messages', '调解室已开启');
  });

  it('a resident asks for mediation (申请调解) once: the page says it was asked and offers no second tap', async () => {
    const kase = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
      kind: 'dispute', subcategory: 'neighbour', title: `装修噪音想调解 ${suffix}`, description: '楼上装修每天很早开始',
      contactPreference: 'in_app', anonymity: 'none',
    });
    const { page } = await browser.open('resident');
    await signInWithDemoSwitcher(page, 'resident1');
    await openPath(page, `${ROUTES.case}?id=${kase.id}`);
    await visible(page, '#case-mediation-request').click();
    await expectVisibleText(page, '#case-mediation-requested', '已申请调解，等待民警安排调解员');
    expect(await visible(page, '#case-mediation-request').count()).toBe(0);
    await expectVisibleText(page, '#case-timeline', '上报人申请调解');
    await page.reload();
    await expectVisibleText(page, '#case-mediation-requested', '已申请调解');
    expect(await visible(page, '#case-mediation-request').count()).toBe(0);
  });

  it('for a report made 对他人匿名 the officer’s 开启调解 form says the applicant will be 申请人（匿名）, and the mediator sees only that', async () => {
    const title = `楼下油烟纠纷 ${suffix}`;
    const kase = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
      kind: 'dispute', subcategory: 'neighbour', title, description: '楼下饭店油烟直排', otherParty: '楼下饭店', contactPreference: 'in_app', anonymity: 'others',
    });
    const officer = await browser.open('officer');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    await openPath(officer.page, `${ROUTES.case}?id=${kase.id}`);
    await visible(officer.page, '#case-mediate').click();
    await expectVisibleText(officer.page, '#case-mediate-anonymous', '申请人（匿名）');
    await visible(officer.page, '#case-mediate-respondent input').fill('楼下饭店');
    await visible(officer.page, '#case-mediate-submit').click();
    await expectPath(officer.page, ROOM);
    await expectVisibleText(officer.page, '#room-members', '（对他人匿名）');
    const roomId = Number(new URL(officer.page.url()).searchParams.get('id'));

    const mediator = await browser.open('mediator');
    await signInWithDemoSwitcher(mediator.page, 'mediator1');
    await openPath(mediator.page, `${ROOM}?id=${roomId}`);
    await expectVisibleText(mediator.page, '#room-members', '申请人（匿名）');
    expect(await mediator.page.locator('#room-members').innerText()).not.toContain('张阿姨');
  });

  it('after 转线下 the read-only room shows the unconfirmed agreement as 未达成，已转线下调解 with no confirm button; a long party name wraps beside an unclipped badge', async () => {
    const kase = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
      kind: 'dispute', subcategory: 'neighbour', title: `阳台积水纠纷 ${suffix}`, description: '楼上阳台积水渗到楼下',
      otherParty: '楼上住户', contactPreference: 'in_app', anonymity: 'none',
    });
    const [mediator] = await apiAs<{ id: number }[]>('officer1', 'GET', `/api/mediation/mediators?caseId=${kase.id}`);
    const longName = '六号楼二单元六零二室住户及其租客家人';
    const opened = await apiAs<{ id: number }>('officer1', 'POST', '/api/mediation/rooms', { caseId: kase.id, respondentName: longName, mediatorUserId: mediator.id });
    const drafted = await apiAs<{ agreement: { id: number; confirmations: { memberId: number; displayName: string }[] } }>('mediator1', 'POST', `/api/mediation/rooms/${opened.id}/agreement`, {
      parties: '申请人；被申请人', facts: '阳台积水渗漏', terms: '被申请人三日内修补阳台防水', performanceDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    });
    await apiAs('resident1', 'POST', `/api/mediation/rooms/${opened.id}/agreement/confirm`, { agreementId: drafted.agreement.id });
    const [slot] = await apiAs<{ id: number }[]>('officer1', 'GET', `/api/mediation/rooms/${opened.id}/offline-slots`);
    await apiAs('officer1', 'POST', `/api/mediation/rooms/${opened.id}/transfer`, { slotId: slot.id });

    const { page } = await browser.open('resident');
    await signInWithDemoSwitcher(page, 'resident1');
    await openPath(page, `${ROOM}?id=${opened.id}`);
    await expectVisibleText(page, '#room-status', '已转线下调解');
    await expectVisibleText(page, '#agreement-status', '未达成，已转线下调解');
    expect(await page.locator('#agreement-confirm').count()).toBe(0);
    const respondent = drafted.agreement.confirmations.find((c) => c.displayName.includes(longName)) as { memberId: number };
    const row = `#agreement-confirmation-${respondent.memberId}`;
    await expectVisibleText(page, row, '未确认');
    const name = await visible(page, `${row} .room__confirmation-name`).boundingBox();
    const badge = await visible(page, `${row} .room__confirmation-tag`).boundingBox();
    const card = await visible(page, '#agreement-card').boundingBox();
    if (!name || !badge || !card) throw new Error('agreement rows not laid out');
    // At 375px the name wraps onto a second line, and the badge keeps its one line, whole, inside the card.
    expect(name.height).toBeGreaterThan(badge.height);
    expect(badge.height).toBeLessThan(32);
    expect(badge.x + badge.width).toBeLessThanOrEqual(card.x + card.width);
    const clipped = await page.locator(`${row} .room__confirmation-tag`).evaluate((el) => el.scrollWidth > el.clientWidth);
    expect(clipped).toBe(false);
  });

  it('an officer transfers a room to the station’s 警民联调室 and records the outcome; the case timeline shows both', async () => {
    const roomId = await openRoomForNewDispute(`停车位纠纷 ${suffix}`);
    const officer = await browser.open('officer');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    await openPath(officer.page, `${ROOM}?id=${roomId}`);
    await visible(officer.page, '#room-transfer-open').click();
    const slot = visible(officer.page, '[id^="slot-"]').first();
    await slot.waitFor();
    const slotId = ((await slot.getAttribute('id')) ?? '').replace('slot-', '');
    // One tap asks first (booking closes the online room); 取消 books nothing.
    await slot.click();
    const ask = visible(officer.page, '.taro-modal__content', '转线下调解');
    await expectVisibleText(officer.page, '.taro-modal__content', '预约后网上调解室将关闭');
    await ask.locator('.taro-model__cancel').click();
    await ask.waitFor({ state: 'hidden' });
    await expectVisibleText(officer.page, '#room-status', '调解中');
    await slot.click();
    await confirmModal(officer.page, '转线下调解', '预约');
    await expectVisibleText(officer.page, '#room-status', '已转线下调解');
    // On the station's 警民联调室 page the slot is now 已预约 and can no longer be cancelled there.
    const leader = (await browser.open('leader')).page;
    await signInWithDemoSwitcher(leader, 'station_leader1');
    await openPath(leader, ROUTES.offlineRooms);
    await expectVisibleText(leader, `#offline-slot-${slotId}`, '已预约');
    expect(await leader.locator(`#offline-slot-cancel-${slotId}`).count()).toBe(0);
    await expectVisibleText(officer.page, '#room-booking', '天桥派出所警民联调室');
    await visible(officer.page, '#room-readonly').waitFor();
    await visible(officer.page, '#room-outcome-note textarea').fill('双方到联调室当面协商，达成一致');
    await visible(officer.page, '#room-outcome-settled').click();
    await visible(officer.page, '#room-outcome').waitFor({ state: 'detached' });
    const room = await apiAs<{ caseId: number }>('officer1', 'GET', `/api/mediation/rooms/${roomId}`);
    await openPath(officer.page, `${ROUTES.case}?id=${room.caseId}`);
    await expectVisibleText(officer.page, '#case-status', '已办结待确认');
    await expectVisibleText(officer.page, '#case-timeline', '已转线下调解');
    await expectVisibleText(officer.page, '#case-timeline', '线下调解达成协议');
  });
});

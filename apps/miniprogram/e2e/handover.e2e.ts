/**
 * 民警交接 end to end: station_leader1 hands 纬四路社区 from officer1 (王建国) to officer4 (赵立新)
 * with a reason; the community page shows the history; a member sees 赵立新 as their officer and is
 * told. Other files need officer1 to own 纬四路社区, so it is handed back at the end.
 */
import {
  apiAs, expectPath, expectVisibleText, openPath, openWorkbenchCommunity, ROUTES, signInAsNewWechatUser, signInWithDemoSwitcher,
  submitInviteCode, visible,
} from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();
const COMMUNITY = '纬四路社区';
const REASON = '王建国调任巡逻大队，纬四路社区交赵立新负责';

let communityId = 0;
let stationId = 0;

async function officersOfStation(): Promise<{ id: number; name: string }[]> {
  return apiAs('station_leader1', 'GET', `/api/org/stations/${stationId}/officers`);
}

describe('officer handover', () => {
  beforeAll(async () => {
    const found = await apiAs<{ items: { id: number; name: string; stationId: number }[] }>(
      'officer1', 'GET', `/api/workbench/communities?q=${encodeURIComponent(COMMUNITY)}`,
    );
    const community = found.items.find((c) => c.name === COMMUNITY)!;
    communityId = community.id;
    stationId = community.stationId;
  });

  afterAll(async () => {
    // Hand 纬四路社区 back to officer1 so later files see the demo layout.
    const officer1 = (await officersOfStation()).find((o) => o.name === '王建国')!;
    await apiAs('station_leader1', 'POST', `/api/communities/${communityId}/handover`, { newOfficerId: officer1.id, reason: '测试结束，交回王建国' });
    const mine = await apiAs<{ items: { name: string }[] }>('officer1', 'GET', `/api/workbench/communities?q=${encodeURIComponent(COMMUNITY)}`);
    expect(mine.items.map((c) => c.name)).toContain(COMMUNITY);
  });

  it('station_leader1 hands 纬四路社区 to 赵立新 with a reason; the history shows it and the member sees and is told', async () => {
    // A resident joins 纬四路社区 with a fresh invite code and sees 王建国 as their officer.
    const invite = await apiAs<{ code: string }>('officer1', 'POST', `/api/communities/${communityId}/invites`);
    const resident = await browser.open('new-resident');
    await signInAsNewWechatUser(resident.context);
    await openPath(resident.page, ROUTES.join);
    await submitInviteCode(resident.page, invite.code);
    await expectPath(resident.page, ROUTES.home);
    await expectVisibleText(resident.page, '#officer-name', '王建国');

    // officer1 is responsible but may not hand the community over: no 移交.
    const officer = await browser.open('officer1');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    await openWorkbenchCommunity(officer.page, COMMUNITY);
    await expectVisibleText(officer.page, '#community-officer', '王建国');
    await expectVisibleText(officer.page, '#handover-history-empty', '暂无交接记录');
    expect(await visible(officer.page, '#handover-open').count()).toBe(0);

    // The station leader opens the community, picks 赵立新 (王建国, the current officer, is not offered), writes why.
    const { page } = await browser.open('station_leader1');
    await signInWithDemoSwitcher(page, 'station_leader1');
    await openWorkbenchCommunity(page, COMMUNITY);
    await visible(page, '#handover-open').click();
    const zhao = visible(page, '#handover-officers [id^="handover-officer-"]', '赵立新');
    await zhao.waitFor();
    expect(await visible(page, '#handover-officers').innerText()).not.toContain('王建国');
    // Without a reason it does not go on.
    await zhao.click();
    await visible(page, '#handover-next').click();
    await expectVisibleText(page, '#handover-error', '请填写移交原因');
    await visible(page, '#handover-reason textarea').fill(REASON);
    await visible(page, '#handover-next').click();

    // The dialog says what happens before anything changes.
    const dialog = visible(page, '#handover-dialog');
    await dialog.waitFor();
    const said = await dialog.innerText();
    expect(said).toContain('纬四路社区将由赵立新负责');
    expect(said).toContain('名成员');
    expect(said).toContain('并会收到通知');
    expect(said).toContain(REASON);
    await visible(page, '#handover-confirm').click();

    await expectVisibleText(page, '#community-officer', '赵立新');
    const row = visible(page, '#handover-history [id^="handover-"]').first();
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('王建国 → 赵立新');
    expect(text).toContain('天桥所 郑副所长移交');
    expect(text).toContain(`原因：${REASON}`);
    expect(text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);

    // The member's 我的社区民警 is 赵立新 now, and a message says so.
    await openPath(resident.page, ROUTES.home);
    await expectVisibleText(resident.page, '#officer-name', '赵立新');
    await openPath(resident.page, ROUTES.notifications);
    await expectVisibleText(resident.page, '#notifications-list', '社区民警已更换');
    await expectVisibleText(resident.page, '#notifications-list', '纬四路社区的社区民警现为赵立新');

    // officer1 no longer finds 纬四路社区 in 工作台; 胜利社区 stays theirs.
    await openPath(officer.page, ROUTES.workbench);
    await expectVisibleText(officer.page, '#community-list', '胜利社区');
    expect(await visible(officer.page, '#community-list [id^="community-"]', COMMUNITY).count()).toBe(0);
  });
});

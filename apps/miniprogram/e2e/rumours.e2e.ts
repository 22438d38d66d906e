import { apiAs, expectPath, expectVisibleText, idNumber, openPath, pickDate, pickTime, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

const PAGES = {
  rumourReport: '/packageRumour/report/index',
  rumoursMine: '/packageRumour/mine/index',
  rumourList: '/packageBulletin/rumours/index',
  write: '/packageBulletin/write/index',
  list: '/packageBulletin/list/index',
  manage: '/packageBulletin/manage/index',
  bulletin: '/pages/bulletin/index',
};

/** The China date `days` from today. */
const chinaDay = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('传言 and 辟谣', () => {
  it('resident1 reports a rumour, officer1 writes a 辟谣 linking it, legal_reviewer1 approves it, and resident1 sees 已辟谣 with the 辟谣; officer1 schedules a push and cancels it', async () => {
    const stamp = Date.now().toString(36);
    const rumour = `网传本周胜利社区停水三天${stamp}`;
    const title = `停水传言不实${stamp}`;

    // 1. resident1 reports it from 首页: what it says, where else it was seen.
    const resident = (await browser.open('resident1')).page;
    await signInWithDemoSwitcher(resident, 'resident1');
    await visible(resident, '#home-rumour-report').click();
    await expectPath(resident, PAGES.rumourReport);
    await visible(resident, '#rumour-submit').click();
    await expectVisibleText(resident, '#rumour-error', '请填写传言内容');
    await visible(resident, '#rumour-text textarea').fill(rumour);
    await visible(resident, '#rumour-place input').fill('业主群');
    await visible(resident, '#rumour-submit').click();
    await expectPath(resident, PAGES.rumoursMine);
    const row = visible(resident, '#rumours-mine-list .rumour-item', rumour).first();
    await row.waitFor();
    const reportId = await idNumber(row, 'rumour-mine-');
    await expectVisibleText(resident, `#rumour-mine-${reportId}`, '待核实');

    // 2. officer1 finds it in 传言报告 (the reporter named to the group's officer) and writes a 辟谣 linking it.
    const officer = (await browser.open('officer1')).page;
    await signInWithDemoSwitcher(officer, 'officer1');
    await visible(officer, '#tab-workbench').click();
    await visible(officer, '#workbench-bulletins-rumours').click();
    await expectPath(officer, PAGES.rumourList);
    await visible(officer, `#rumour-row-${reportId} .rumour-item__text`).click();
    await expectVisibleText(officer, `#rumour-reporter-${reportId}`, '报告人：张阿姨 138****0001');
    await visible(officer, `#rumour-write-${reportId}`).click();
    await expectPath(officer, PAGES.write);
    await expectVisibleText(officer, `#bulletin-rumour-${reportId}`, rumour);
    expect(await visible(officer, `#bulletin-rumour-${reportId}`).getAttribute('aria-checked')).toBe('true');
    await visible(officer, '#bulletin-title-input input').fill(title);
    await visible(officer, '#bulletin-body-input textarea').fill('经向自来水公司核实，本周没有停水计划。\n\n请勿转发不实消息。');
    await visible(officer, '#bulletin-save').click();
    await expectPath(officer, PAGES.manage);
    await expectVisibleText(officer, `#manage-rumour-${reportId}`, `待核实 · ${rumour}`);
    await visible(officer, '#manage-submit').click();
    await expectVisibleText(officer, '#manage-status', '待审核');

    // 3. legal_reviewer1 approves it.
    const reviewer = (await browser.open('legal_reviewer1')).page;
    await signInWithDemoSwitcher(reviewer, 'legal_reviewer1');
    await visible(reviewer, '#tab-workbench').click();
    await visible(reviewer, '#workbench-bulletins-review').click();
    await expectPath(reviewer, PAGES.list);
    await visible(reviewer, '#bulletin-list [id^="bulletin-row-"]', title).first().click();
    await expectPath(reviewer, PAGES.manage);
    await visible(reviewer, '#manage-approve').click();
    await expectVisibleText(reviewer, '#manage-status', '已通过');

    // 4. resident1 is told, sees 已辟谣 on the report, and opens the 辟谣 from it.
    await openPath(resident, ROUTES.notifications);
    await visible(resident, '#notifications-list [id^="notification-"]', '您报告的传言已辟谣').first().click();
    await expectPath(resident, PAGES.rumoursMine);
    await expectVisibleText(resident, `#rumour-mine-${reportId}`, '已辟谣');
    await expectVisibleText(resident, `#rumour-mine-bulletin-${reportId}`, `已辟谣：${title}`);
    await visible(resident, `#rumour-mine-bulletin-${reportId}`).click();
    await expectPath(resident, PAGES.bulletin);
    await expectVisibleText(resident, '#bulletin-title', title);

    // 5. The 辟谣 went into 胜利社区's group; officer1 schedules it for 纬四路社区 tomorrow (定时推送), then cancels.
    const groups = await apiAs<{ id: number; name: string }[]>('officer1', 'GET', '/api/bulletins/push-groups');
    const weisilu = groups.find((g) => g.name === '纬四路社区警民议事群')!.id;
    await openPath(officer, ROUTES.workbench);
    await visible(officer, '#workbench-bulletins-rumours').click();
    await visible(officer, '#rumours-filter-debunked').click();
    await expectVisibleText(officer, `#rumour-bulletin-${reportId}`, `已辟谣：${title}`);
    await visible(officer, `#rumour-bulletin-${reportId}`).click();
    await expectPath(officer, PAGES.manage);
    await expectVisibleText(officer, '#manage-pushes', '胜利社区警民议事群');
    await visible(officer, `#manage-push-group-${weisilu}`).click();
    await visible(officer, '#manage-push-later').click();
    await visible(officer, '#manage-push-submit').click();
    await expectVisibleText(officer, '#manage-push-error', '请选择定时推送的日期和时间');
    await pickDate(officer, '#manage-push-date', chinaDay(1));
    await pickTime(officer, '#manage-push-time', '09:00');
    await visible(officer, '#manage-push-submit').click();
    await expectVisibleText(officer, `#manage-push-result-${weisilu}`, '纬四路社区警民议事群：已定时');
    await expectVisibleText(officer, `#manage-scheduled-${weisilu}`, '纬四路社区警民议事群 · ');
    await visible(officer, `#manage-scheduled-cancel-${weisilu}`).click();
    await officer.locator(`#manage-scheduled-${weisilu}`).waitFor({ state: 'detached', timeout: 15_000 });
  }, 240_000);
});

import type { Page } from 'playwright-core';
import { apiAs, expectPath, expectVisibleText, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

const PAGES = {
  list: '/packageBulletin/list/index',
  write: '/packageBulletin/write/index',
  manage: '/packageBulletin/manage/index',
  bulletin: '/pages/bulletin/index',
};

/** 工作台 (opened afresh, as from the tab bar) → the 公告 card's button → the list, then the row with `title` → its manage page. */
async function openFromWorkbench(page: Page, button: 'review' | 'push' | 'mine', title: string): Promise<void> {
  await openPath(page, ROUTES.workbench);
  await expectPath(page, ROUTES.workbench);
  await visible(page, `#workbench-bulletins-${button}`).click();
  await expectPath(page, PAGES.list);
  await visible(page, '#bulletin-list [id^="bulletin-row-"]', title).first().click();
  await expectPath(page, PAGES.manage);
  await expectVisibleText(page, '#manage-title', title);
}

describe('公告: written, reviewed by the 法治部门, pushed into groups, read by residents', () => {
  it('department_staff1 writes a 预警, legal_reviewer1 returns it, it is revised and approved, officer1 pushes it to two groups, resident1 reads it first on 首页 and finds it 有用, and a third push that day is refused', async () => {
    const stamp = Date.now().toString(36);
    const title = `警惕冒充客服退款诈骗${stamp}`;
    const revised = `警惕冒充快递客服退款诈骗${stamp}`;

    // 1. department_staff1 writes a 预警 and submits it.
    const staff = (await browser.open('department_staff1')).page;
    await signInWithDemoSwitcher(staff, 'department_staff1');
    await visible(staff, '#tab-workbench').click();
    await visible(staff, '#workbench-bulletins-mine').click();
    await expectPath(staff, PAGES.list);
    await visible(staff, '#bulletin-new').click();
    await expectPath(staff, PAGES.write);
    await visible(staff, '#bulletin-kind-warning').click();
    await visible(staff, '#bulletin-save').click();
    await expectVisibleText(staff, '#bulletin-form-error', '请填写标题');
    await visible(staff, '#bulletin-title-input input').fill(title);
    await visible(staff, '#bulletin-save').click();
    await expectVisibleText(staff, '#bulletin-form-error', '请选择预警类型');
    await visible(staff, '#bulletin-warning-prevention').click();
    await visible(staff, '#bulletin-body-input textarea').fill('有人自称网购客服，说商品有问题要退款，让您下载软件、共享屏幕。\n\n**这是诈骗！**\n\n- 不下载陌生软件\n- 不共享屏幕');
    await visible(staff, '#bulletin-basis-input input').fill('《中华人民共和国反电信网络诈骗法》第二十五条');
    await visible(staff, '#bulletin-save').click();
    await expectPath(staff, PAGES.manage);
    await expectVisibleText(staff, '#manage-status', '草稿 · 第1版');
    await expectVisibleText(staff, '#manage-body', '这是诈骗！');
    await visible(staff, '#manage-submit').click();
    await expectVisibleText(staff, '#manage-status', '待审核');

    // 2. legal_reviewer1 finds it in the queue with its age and returns it with a comment.
    const reviewer = (await browser.open('legal_reviewer1')).page;
    await signInWithDemoSwitcher(reviewer, 'legal_reviewer1');
    await visible(reviewer, '#tab-workbench').click();
    await visible(reviewer, '#workbench-bulletins-review').click();
    await expectPath(reviewer, PAGES.list);
    await expectVisibleText(reviewer, '#bulletin-list [id^="bulletin-row-"]', '已等待');
    await visible(reviewer, '#bulletin-list [id^="bulletin-row-"]', title).first().click();
    await expectPath(reviewer, PAGES.manage);
    await visible(reviewer, '#manage-return').click();
    await expectVisibleText(reviewer, '#manage-review-error', '请填写退回意见');
    await visible(reviewer, '#manage-review-comment textarea').fill('请写明是哪类客服，便于群众识别');
    await visible(reviewer, '#manage-return').click();
    await expectVisibleText(reviewer, '#manage-status', '已退回');

    // 3. The author reads the comment, revises (a new version) and submits again.
    await openFromWorkbench(staff, 'mine', title);
    await expectVisibleText(staff, '#manage-review-comment-shown', '请写明是哪类客服');
    await visible(staff, '#manage-edit').click();
    await expectPath(staff, PAGES.write);
    await visible(staff, '#bulletin-title-input input').fill(revised);
    await visible(staff, '#bulletin-save').click();
    await expectPath(staff, PAGES.manage);
    await expectVisibleText(staff, '#manage-status', '第2版');
    await visible(staff, '#manage-submit').click();
    await expectVisibleText(staff, '#manage-status', '待审核');

    // ... and the reviewer approves it.
    await openFromWorkbench(reviewer, 'review', revised);
    await visible(reviewer, '#manage-approve').click();
    await expectVisibleText(reviewer, '#manage-status', '已通过');

    // 4. officer1 pushes it to 胜利社区 and 纬四路社区.
    const groups = await apiAs<{ id: number; name: string }[]>('officer1', 'GET', '/api/bulletins/push-groups');
    const shengli = groups.find((g) => g.name === '胜利社区警民议事群')!.id;
    const weisilu = groups.find((g) => g.name === '纬四路社区警民议事群')!.id;
    const officer = (await browser.open('officer1')).page;
    await signInWithDemoSwitcher(officer, 'officer1');
    await openFromWorkbench(officer, 'push', revised);
    await expectVisibleText(officer, `#manage-push-group-${shengli}-used`, '今日 1/2');
    await visible(officer, `#manage-push-group-${shengli}`).click();
    await visible(officer, `#manage-push-group-${weisilu}`).click();
    await visible(officer, '#manage-push-submit').click();
    await expectVisibleText(officer, `#manage-push-result-${shengli}`, '胜利社区警民议事群：已推送');
    await expectVisibleText(officer, `#manage-push-result-${weisilu}`, '纬四路社区警民议事群：已推送');
    await expectVisibleText(officer, `#manage-push-group-${shengli}-used`, '今日 2/2');

    // 5. resident1 sees it first on 首页, unread; reads it and taps 有用 (once).
    const resident = (await browser.open('resident1')).page;
    await signInWithDemoSwitcher(resident, 'resident1');
    const first = visible(resident, '#home-bulletins [id^="bulletin-item-"]').first();
    await first.waitFor();
    expect(await first.innerText()).toContain(revised);
    const itemId = Number((await first.getAttribute('id'))?.replace('bulletin-item-', ''));
    await expectVisibleText(resident, `#bulletin-unread-${itemId}`, '未读');
    await first.click();
    await expectPath(resident, PAGES.bulletin);
    await expectVisibleText(resident, '#bulletin-title', revised);
    await expectVisibleText(resident, '#bulletin-legal-basis', '《中华人民共和国反电信网络诈骗法》第二十五条');
    await expectVisibleText(resident, '#bulletin-share', '分享到群');
    await visible(resident, '#bulletin-useful').click();
    await expectVisibleText(resident, '#bulletin-useful', '已觉得有用 · 1');
    await resident.goBack();
    await expectPath(resident, ROUTES.home);
    await expectVisibleText(resident, '#home-bulletins [id^="bulletin-item-"]', revised);
    await resident.locator(`#bulletin-unread-${itemId}`).waitFor({ state: 'detached', timeout: 15_000 });

    // The officer sees who read it: one of 胜利社区's members (other test files may add members), who found it 有用.
    await openFromWorkbench(officer, 'push', revised);
    await expectVisibleText(officer, `#manage-figures-${shengli}`, '已读 1 人（');
    expect(await visible(officer, `#manage-figures-${shengli}`).innerText()).toMatch(/^胜利社区警民议事群：成员 \d+ 人，已读 1 人（\d+%），有用 1$/);
    await openPath(officer, ROUTES.workbench);
    await visible(officer, '#workbench-bulletins-stats').click();
    await expectPath(officer, '/packageBulletin/stats/index');
    await expectVisibleText(officer, '#bulletin-stats-total', '提醒告知');

    // 6. A third push into 胜利社区 that day is refused with the group and when its next slot opens.
    await openFromWorkbench(officer, 'push', '网吧不得接纳未成年人');
    await visible(officer, `#manage-push-group-${shengli}`).click();
    await visible(officer, '#manage-push-submit').click();
    await expectVisibleText(officer, '#manage-push-error', '「胜利社区警民议事群」今天的2次推送已用完');
    await expectVisibleText(officer, '#manage-push-error', '00:00后可再推送');
  }, 240_000);
});

describe('公告 pages', () => {
  /** Stays on the page long enough for its screenshot and accessibility scan (support/browser.ts). */
  const settle = (page: Page) => page.waitForTimeout(1600);

  it('lists a resident’s bulletins by kind and opens one; staff see their lists, the editor and 推送统计', async () => {
    const resident = (await browser.open('resident1')).page;
    await signInWithDemoSwitcher(resident, 'resident1');
    await visible(resident, '#home-bulletins-more').click();
    await expectPath(resident, '/pages/bulletins/index');
    await visible(resident, '#bulletins-filter-rumour').click();
    await expectVisibleText(resident, '#bulletins-list', '网传“全城停水一周”不实');
    await settle(resident);
    await visible(resident, '#bulletins-list [id^="bulletin-item-"]', '网传“全城停水一周”不实').first().click();
    await expectPath(resident, PAGES.bulletin);
    await expectVisibleText(resident, '#bulletin-body', '本周没有任何停水计划');
    await settle(resident);

    const staff = (await browser.open('department_staff1')).page;
    await signInWithDemoSwitcher(staff, 'department_staff1');
    await openPath(staff, `${PAGES.list}?view=mine`);
    await expectVisibleText(staff, '#bulletin-list', '冒充快递理赔的诈骗又出现了');
    await settle(staff);
    await visible(staff, '#bulletin-new').click();
    await expectPath(staff, PAGES.write);
    await visible(staff, '#bulletin-kind-legal_publicity').click();
    await settle(staff);

    const officer = (await browser.open('officer1')).page;
    await signInWithDemoSwitcher(officer, 'officer1');
    await openPath(officer, '/packageBulletin/stats/index');
    await expectVisibleText(officer, '#bulletin-stats-total', '法治宣传');
    await expectVisibleText(officer, '#bulletin-stats', '王建国');
    await settle(officer);
  });
});

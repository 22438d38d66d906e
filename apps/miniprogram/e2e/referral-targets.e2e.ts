/**
 * 转办对象 end to end: an admin opens the targets from 工作台, sees 12345 as fixed and the demo's
 * 户政科 with its staff, is told what is missing or taken when adding a department (and keeps what
 * was typed), adds one with a staff member, edits it to have none, retires it (the officer's 转办
 * form no longer offers it) and restores it (offered again).
 * A community officer is refused the page.
 */
import { acceptedReport, confirmModal, expectPath, expectVisibleText, idNumber, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

/** The card of the target named `name` (cards are the list's direct children). */
const cardOf = (page: Parameters<typeof visible>[0], name: string) => visible(page, '#targets-list > [id^="target-"]', name).first();

describe('转办对象', () => {
  it('an admin adds a department with its staff, edits it, retires and restores it; 12345 stays fixed', async () => {
    const { page } = await browser.open('admin1');
    await signInWithDemoSwitcher(page, 'admin1');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    await visible(page, '#workbench-referral-targets-open').click();
    await expectPath(page, ROUTES.referralTargets);

    const hotline = cardOf(page, '12345政务服务便民热线');
    await hotline.waitFor();
    expect(await hotline.innerText()).toContain('不能修改或停用');
    expect(await hotline.locator('[id^="target-retire-"], [id^="target-edit-open-"]').count()).toBe(0);
    const household = cardOf(page, '蚌山分局户政科');
    expect(await household.innerText()).toContain('经办人员：户政科 何警官');
    expect(await household.innerText()).toContain('蚌山分局');

    // Nothing chosen: the form says what is missing. A taken name: the server says so, the form keeps it.
    await visible(page, '#target-new-submit').click();
    await expectVisibleText(page, '#target-new-error', '请选择类型');
    await visible(page, '#target-new-kind-police_department').click();
    await visible(page, '#target-new-unit [id^="target-new-unit-"]', '蚌山分局').click();
    await visible(page, '#target-new-name input').fill('蚌山分局户政科');
    await visible(page, '#target-new-phone input').fill('0552-2012133');
    await visible(page, '#target-new-staff [id^="target-new-staff-"]', '户政科 何警官').click();
    await visible(page, '#target-new-submit').click();
    await expectVisibleText(page, '#target-new-error', '已有同名的转办对象');
    expect(await visible(page, '#target-new-name input').inputValue()).toBe('蚌山分局户政科');
    expect(await visible(page, '#target-new-phone input').inputValue()).toBe('0552-2012133');

    await visible(page, '#target-new-name input').fill('蚌山分局治安大队');
    await visible(page, '#target-new-submit').click();
    const card = cardOf(page, '蚌山分局治安大队');
    await card.waitFor();
    const id = await idNumber(card, 'target-');
    await expectVisibleText(page, `#target-${id}`, '公安警种部门');
    await expectVisibleText(page, `#target-${id}`, '蚌山分局 · 0552-2012133');
    await expectVisibleText(page, `#target-staff-${id}`, '经办人员：户政科 何警官');
    await expectVisibleText(page, `#target-open-${id}`, '未办结转办 0 件');
    // A created target empties the form for the next one.
    expect(await visible(page, '#target-new-name input').inputValue()).toBe('');

    // Edit: a blank name is refused in place; then the phone changes and the staff member is taken off.
    await visible(page, `#target-edit-open-${id}`).click();
    await visible(page, `#target-edit-${id}-name input`).fill(' ');
    await visible(page, `#target-edit-${id}-save`).click();
    await expectVisibleText(page, `#target-error-${id}`, '请填写转办对象名称');
    await visible(page, `#target-edit-${id}-name input`).fill('蚌山分局治安管理大队');
    await visible(page, `#target-edit-${id}-phone input`).fill('0552-2012199');
    await visible(page, `#target-edit-${id}-staff [id^="target-edit-${id}-staff-"]`, '户政科 何警官').click();
    await visible(page, `#target-edit-${id}-save`).click();
    await expectVisibleText(page, `#target-${id}`, '蚌山分局治安管理大队');
    await expectVisibleText(page, `#target-${id}`, '0552-2012199');
    await expectVisibleText(page, `#target-staff-${id}`, '经办人员：未指定');
    expect(await page.locator(`#target-edit-${id}:visible`).count()).toBe(0);

    await visible(page, `#target-retire-${id}`).click();
    await confirmModal(page, '停用转办对象', '停用');
    await expectVisibleText(page, `#target-${id}`, '已停用');
    expect(await page.locator(`#target-edit-open-${id}:visible`).count()).toBe(0);
    // Retired targets come after the active ones.
    const order = await visible(page, '#targets-list > [id^="target-"]').evaluateAll((els) => els.map((el) => el.id));
    expect(order[order.length - 1]).toBe(`target-${id}`);

    // The officer's 转办 form no longer offers it; restored, it is offered again.
    const report = await acceptedReport('寄递物流安全检查', 'service_need', 'other', '小区快递驿站无安检，请治安部门看看。');
    const officer = await browser.open('officer1');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    await openPath(officer.page, `${ROUTES.refer}?caseId=${report.id}`);
    await expectVisibleText(officer.page, '#refer-targets', '蚌山分局户政科');
    expect(await officer.page.locator('#refer-targets').innerText()).not.toContain('蚌山分局治安管理大队');

    await visible(page, `#target-restore-${id}`).click();
    await visible(page, `#target-retire-${id}`).waitFor();
    expect(await visible(page, `#target-${id}`).innerText()).not.toContain('已停用');
    await officer.page.reload();
    await expectVisibleText(officer.page, '#refer-targets', '蚌山分局治安管理大队');
  });

  it('a community officer is refused the 转办对象 page', async () => {
    const { page } = await browser.open('officer1');
    await signInWithDemoSwitcher(page, 'officer1');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    await visible(page, '#workbench-offline-rooms-open').waitFor();
    expect(await page.locator('#workbench-referral-targets-open').count()).toBe(0);

    await openPath(page, ROUTES.referralTargets);
    await expectVisibleText(page, '#targets-error', '没有权限');
    expect(await page.locator('#targets-list, #target-new').count()).toBe(0);
  });
});

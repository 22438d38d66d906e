/**
 * 办事指引 and 转办 end to end: a resident finds where 居住证 is done (皖事通 online, in h5 with its
 * steps and a link to copy); an officer refers a report to 12345 and the resident reads 已转12345
 * with the work-order number the fake 12345 gave (delivered through the outbox).
 */
import { acceptedReport, apiAs, confirmModal, expectPath, expectVisibleText, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';
import { baseUrl } from './support/paths';

const browser = useBrowser();
const GUIDE = '/pages/guide/index';
const MATTER = '/pages/matter/index';

describe('办事指引 and 转办', () => {
  it('a resident searches 居住证 on 首页 and sees the 皖事通 route with its steps and a link', async () => {
    const { page } = await browser.open('resident1');
    await signInWithDemoSwitcher(page, 'resident1');
    await visible(page, '#common-matters').waitFor();
    await visible(page, '#guide-search input').fill('居住证');
    await visible(page, '#guide-search-submit').click();

    await expectPath(page, GUIDE);
    await expectVisibleText(page, '#guide-results', '居住证');
    await visible(page, '#guide-result-residence-permit').click();

    await expectPath(page, MATTER);
    await expectVisibleText(page, '#matter-title', '居住证');
    await expectVisibleText(page, '#route-wanshitong', '皖事通“居住证申领”');
    await expectVisibleText(page, '#route-wanshitong', '搜索“居住证申领”');
    // No 皖事通 mini program in a browser: the link to copy instead.
    await expectVisibleText(page, '#route-link', 'https://www.ahzwfw.gov.cn');
    await visible(page, '#route-copy-link').waitFor();
    await expectVisibleText(page, '#assist-card', '请民警协助');
  });

  it('an unknown matter suggests 12345 and 请民警协助', async () => {
    const { page } = await browser.open('resident1');
    await signInWithDemoSwitcher(page, 'resident1');
    await openPath(page, `${GUIDE}?q=${encodeURIComponent('火星移民签证')}`);
    await expectVisibleText(page, '#guide-suggest', '没有找到对应的事项');
    await expectVisibleText(page, '#guide-call-12345', '拨打12345');
    await visible(page, '#guide-police-help').waitFor();
  });

  it('an officer refers a report to 12345 and the resident sees 已转12345 with the work-order number', async () => {
    const created = await acceptedReport('夜间工地施工噪音', 'dispute', 'neighbour', '小区旁工地每晚十一点后还在施工，吵得睡不着。');

    const officer = await browser.open('officer1');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    await openPath(officer.page, `${ROUTES.case}?id=${created.id}`);
    await expectVisibleText(officer.page, '#case-status', '已受理');
    await visible(officer.page, '#case-refer').click();
    await expectPath(officer.page, ROUTES.refer);
    await visible(officer.page, '#refer-targets [id^="refer-target-"]', '12345政务服务便民热线').first().click();
    await visible(officer.page, '#refer-reason textarea').fill('夜间施工噪音属住建部门职责，转12345派单');
    await visible(officer.page, '#refer-submit').click();
    await expectPath(officer.page, ROUTES.officerCase);
    await expectVisibleText(officer.page, '#case-status', '已转办');

    const resident = await browser.open('resident1');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await openPath(resident.page, `${ROUTES.case}?id=${created.id}`);
    await expectVisibleText(resident.page, '#case-status', '已转部门办理');
    // The outbox delivers the order within seconds; the page shows it when opened again.
    let shown = false;
    for (let attempt = 0; attempt < 10 && !shown; attempt += 1) {
      await resident.page.reload();
      shown = await visible(resident.page, '#case-referrals', '工单号 GD').first().waitFor({ timeout: 3000 }).then(() => true, () => false);
    }
    await expectVisibleText(resident.page, '#case-referrals', '已转12345，工单号 GD');
    await expectVisibleText(resident.page, '#case-timeline', '已转12345，工单号 GD');
    // The resident reads the steps but cannot refer.
    expect(await visible(resident.page, '#case-refer').count()).toBe(0);
  });

  it('department staff sign for a referral in 工作台 and reply; the case comes back to the officer', async () => {
    const created = await acceptedReport('出生证明遗失落户', 'service_need', 'household', '孩子的出生医学证明丢了，怎么上户口？');
    const { title } = created;
    const targets = await apiAs<{ id: number; name: string }[]>('officer1', 'GET', '/api/referral-targets');
    const household = targets.find((t) => t.name === '蚌山分局户政科');
    if (!household) throw new Error('demo target 蚌山分局户政科 missing');
    const referral = await apiAs<{ id: number }>('officer1', 'POST', `/api/cases/${created.id}/referrals`, { targetId: household.id, reason: '出生证明遗失后的落户，请户政科核实' });

    const { page } = await browser.open('department_staff1');
    await signInWithDemoSwitcher(page, 'department_staff1');
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
    await expectVisibleText(page, '#workbench-referrals', '转办签收');
    await visible(page, '#workbench-referrals-open').click();
    await visible(page, `#referral-item-${referral.id}`, title).click();
    await expectVisibleText(page, '#referral-facts', '出生证明遗失后的落户，请户政科核实');
    await visible(page, '#referral-sign').click();
    await expectVisibleText(page, '#referral-status', '已签收');
    await visible(page, '#referral-outcome textarea').fill('已核实，请携带父母身份证到天桥派出所户籍窗口补办');
    await visible(page, '#referral-reply-submit').click();
    await expectVisibleText(page, '#referral-status', '已回复');

    const resident = await browser.open('resident1');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await openPath(resident.page, `${ROUTES.case}?id=${created.id}`);
    await expectVisibleText(resident.page, '#case-status', '办理中');
    await expectVisibleText(resident.page, '#case-referrals', '蚌山分局户政科已回复：已核实');
  });

  it('a station leader reads the 政法委/综治 daily digest in 工作台, and the day before as it was', async () => {
    const created = await acceptedReport('小区门口占道经营', 'dispute', 'neighbour', '小区门口每天傍晚有人摆摊，车进不去。');
    const { page } = await browser.open('station_leader1');
    await signInWithDemoSwitcher(page, 'station_leader1');
    await visible(page, '#tab-workbench').click();
    await visible(page, '#workbench-digest-open').click();
    await expectPath(page, ROUTES.governanceDigest);
    await expectVisibleText(page, '#digest-counts', '天桥派出所');
    await expectVisibleText(page, '#digest-total', '在办诉求共');
    await expectVisibleText(page, '#digest-cases', created.title);
    await expectVisibleText(page, '#digest-count-dispute', '件');

    // Yesterday, before this report (and the demo's) existed: nothing was in handling.
    await visible(page, '#digest-prev').click();
    await expectVisibleText(page, '#digest-total', '当日结束时在办诉求共 0 件');
    await visible(page, '#digest-empty').waitFor();
    expect(await visible(page, '#digest-cases', created.title).count()).toBe(0);
    await visible(page, '#digest-next').click();
    await expectVisibleText(page, '#digest-cases', created.title);
    await visible(page, '#digest-cases .list-item', created.title).click();
    await expectPath(page, ROUTES.officerCase);
    await expectVisibleText(page, '#case-status', '已受理');
  });

  it('an admin edits a matter in 工作台 as a new version, and the guide finds the new phrasing', async () => {
    const { page } = await browser.open('admin1');
    await signInWithDemoSwitcher(page, 'admin1');
    await visible(page, '#tab-workbench').click();
    await visible(page, '#workbench-guide-edit-open').click();
    await visible(page, '#guide-search input').fill('犬类登记');
    await visible(page, '#guide-search-submit').click();
    await visible(page, '#guide-edit-public_security-dog').click();
    const phrases = visible(page, '#guide-edit-phrases textarea');
    await phrases.fill(`${await phrases.inputValue()}、狗狗要不要上户口`);
    await visible(page, '#guide-edit-save').click();
    await expectVisibleText(page, '#guide-edit-form', '第2版');

    const found = await fetch(`${baseUrl()}/api/service-guide?q=${encodeURIComponent('狗狗要不要上户口')}`).then((r) => r.json()) as { matters: { code: string; version: number }[] };
    expect(found.matters[0]).toMatchObject({ code: 'public_security.dog', version: 2 });
  });

  it('an admin restores an earlier version of a matter from its 历史版本, as a new version residents see at once', async () => {
    const original = await fetch(`${baseUrl()}/api/service-guide/household.split`).then((r) => r.json()) as { title: string; version: number };
    const { page } = await browser.open('admin1');
    await signInWithDemoSwitcher(page, 'admin1');
    await visible(page, '#tab-workbench').click();
    await visible(page, '#workbench-guide-edit-open').click();
    await visible(page, '#guide-edit-household-split').click();
    await expectVisibleText(page, `#guide-history-${original.version}`, '当前版本');
    expect(await page.locator(`#guide-history-restore-${original.version}`).count()).toBe(0);

    // A mistaken edit goes live…
    await visible(page, '#guide-edit-title input').fill('分户（误改的名称）');
    await visible(page, '#guide-edit-save').click();
    await expectVisibleText(page, '#guide-edit-heading', `分户（误改的名称） · 第${original.version + 1}版`);
    await expectVisibleText(page, `#guide-history-${original.version + 1}`, '当前版本');

    // …and the earlier wording comes back as the next version, after asking; both stay on record.
    await visible(page, `#guide-history-restore-${original.version}`).click();
    await confirmModal(page, '恢复历史版本', '恢复');
    await expectVisibleText(page, '#guide-edit-heading', `${original.title} · 第${original.version + 2}版`);
    await expectVisibleText(page, `#guide-history-${original.version + 2}`, '当前版本');
    await expectVisibleText(page, `#guide-history-${original.version + 1}`, '分户（误改的名称）');
    const now = await fetch(`${baseUrl()}/api/service-guide/household.split`).then((r) => r.json()) as { title: string; version: number };
    expect(now).toMatchObject({ title: original.title, version: original.version + 2 });
  });

  it('an admin sees every matter without searching, reads the matter\'s name and 请填写事项名称, and goes back to the list after saving', async () => {
    const { page } = await browser.open('admin1');
    await signInWithDemoSwitcher(page, 'admin1');
    await visible(page, '#tab-workbench').click();
    await visible(page, '#workbench-guide-edit-open').click();
    // No search yet: the whole catalogue, first to last.
    await expectVisibleText(page, '#guide-edit-list', '全部事项（44项）');
    await visible(page, '#guide-edit-livelihood-housing_provident').waitFor();
    await visible(page, '#guide-edit-residence-permit').click();

    const heading = visible(page, '#guide-edit-heading');
    await expectVisibleText(page, '#guide-edit-heading', '居住证 · 第');
    expect(await heading.textContent()).not.toContain('residence.permit');
    const version = Number((await heading.textContent())?.match(/第(\d+)版/)?.[1]);

    const title = visible(page, '#guide-edit-title input');
    const summary = visible(page, '#guide-edit-summary textarea');
    await title.fill('');
    await summary.fill('外来人员在本市居住半年以上可申领居住证');
    await visible(page, '#guide-edit-save').click();
    await expectVisibleText(page, '#guide-edit-error', '请填写事项名称');
    // What was typed stays, and nothing was saved.
    expect(await summary.inputValue()).toBe('外来人员在本市居住半年以上可申领居住证');
    await expectVisibleText(page, '#guide-edit-heading', `第${version}版`);

    await title.fill('居住证');
    await visible(page, '#guide-edit-save').click();
    await expectVisibleText(page, '#guide-edit-heading', `居住证 · 第${version + 1}版`);
    await visible(page, '#guide-edit-back').click();
    await expectVisibleText(page, '#guide-edit-residence-permit', `第${version + 1}版`);
    await expectVisibleText(page, '#guide-edit-list', '全部事项（44项）');

    // A search narrows the list; an empty search brings every matter back.
    await visible(page, '#guide-search input').fill('犬类登记');
    await visible(page, '#guide-search-submit').click();
    // The dog item is in the full list too: wait for the others to leave, then for it to stay.
    await page.locator('#guide-edit-livelihood-housing_provident').waitFor({ state: 'detached' });
    await visible(page, '#guide-edit-public_security-dog').waitFor();
    await visible(page, '#guide-search input').fill('');
    await visible(page, '#guide-search-submit').click();
    await visible(page, '#guide-edit-livelihood-housing_provident').waitFor();
  });

  it('居住证 and 身份证挂失、补领 saved as new versions stay on the resident\'s 首页 tiles and in their place in the editor list', async () => {
    for (const code of ['residence.permit', 'id_card.lost']) {
      const { code: _code, version: _version, routes, ...content } = await apiAs<Record<string, unknown> & { routes: Record<string, unknown>[] }>('admin1', 'GET', `/api/service-guide/${code}`);
      await apiAs('admin1', 'PUT', `/api/service-guide/${code}`, { ...content, routes: routes.map(({ miniProgram: _mp, ...r }) => r), common: true });
    }
    const { page } = await browser.open('resident1');
    await signInWithDemoSwitcher(page, 'resident1');
    await expectVisibleText(page, '#common-matter-residence-permit', '居住证');
    await expectVisibleText(page, '#common-matter-id_card-lost', '身份证挂失、补领');
    // Twelve matters are common and ten fit: the last two in the catalogue stay off, as before the edits.
    await expect(page.locator('#common-matters .common-matters__item').count()).resolves.toBe(10);
    await expect(page.locator('#common-matter-dispute-wages').count()).resolves.toBe(0);

    const admin = await browser.open('admin1');
    await signInWithDemoSwitcher(admin.page, 'admin1');
    await openPath(admin.page, ROUTES.guideEdit);
    const items = admin.page.locator('#guide-edit-list .list-item');
    await visible(admin.page, '#guide-edit-residence-permit').waitFor();
    const ids = await items.evaluateAll((nodes) => nodes.map((n) => n.id));
    expect(ids.indexOf('guide-edit-id_card-lost')).toBe(9);
    expect(ids.indexOf('guide-edit-residence-permit')).toBe(11);
  });
});


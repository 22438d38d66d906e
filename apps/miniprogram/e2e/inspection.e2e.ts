import { apiAs, expectPath, expectVisibleText, ROUTES, overdueDispute, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

describe('责任追究: 信访/督察', () => {
  it('inspector1 sees an overdue report with its response-time trail and opens a 核查; officer1 is told and sees it on the case', async () => {
    const title = `噪音投诉三天无人回复${Date.now().toString(36)}`;
    const findings = '首次响应超时3小时，民警称外出培训未交接；已当面说明并整改';
    // 3 h 30 min pass: the first response is 3 hours late, escalated to 分局催办; the leader urges, the officer answers.
    const id = await overdueDispute(title, '楼上每晚装修到十一点，多次反映没人管。');
    await apiAs('station_leader1', 'POST', `/api/cases/${id}/urge`, { instruction: '请今天下班前上门核实' });
    await apiAs('officer1', 'POST', `/api/cases/${id}/notes`, { note: '已电话联系楼上住户，明早上门', internal: true });

    const inspector = await browser.open('inspector1');
    const p = inspector.page;
    await signInWithDemoSwitcher(p, 'inspector1');
    await visible(p, '#tab-workbench').click();
    await expectPath(p, ROUTES.workbench);
    await visible(p, '#workbench-inspection-open').click();
    await expectPath(p, ROUTES.inspection);
    const row = `#inspection-item-${id}`;
    await expectVisibleText(p, row, title);
    await expectVisibleText(p, row, '分局催办');
    await expectVisibleText(p, row, '责任民警：王建国');
    // The trail: the deadline and how late it is, who was told, the 催办 and the reply.
    await expectVisibleText(p, `${row}-deadline-first_response`, '尚未完成，超时3小时');
    await expectVisibleText(p, `${row}-trail`, '王建国收到通知');
    await expectVisibleText(p, `${row}-trail`, '天桥所 郑副所长催办：请今天下班前上门核实');
    await expectVisibleText(p, `${row}-trail`, '王建国：已电话联系楼上住户，明早上门');

    await visible(p, `#inspection-open-${id}`).click();
    await expectPath(p, ROUTES.inspectionCase);
    await expectVisibleText(p, '#inspection-inquiries', '尚未核查');
    await visible(p, '#inquiry-submit').click();
    await expectVisibleText(p, '#inquiry-error', '请填写核查情况');
    await visible(p, '#inquiry-findings textarea').fill(findings);
    await visible(p, '#inquiry-outcome-criticism').click();
    await visible(p, '#inquiry-submit').click();
    await expectVisibleText(p, '#inspection-inquiries', findings);
    await expectVisibleText(p, '#inspection-inquiries', '批评教育');
    await expectVisibleText(p, '#inspection-case-trail', '市局督察 黄督察发起核查，结论：批评教育');

    const officer = await browser.open('officer1');
    const o = officer.page;
    await signInWithDemoSwitcher(o, 'officer1');
    await visible(o, '#tab-mine').click();
    await expectPath(o, ROUTES.mine);
    await visible(o, '#mine-notifications').click();
    await expectPath(o, ROUTES.notifications);
    const notice = visible(o, '#notifications-list [id^="notification-"]', `信访督察核查：${title}`).first();
    await notice.waitFor();
    expect(await notice.innerText()).toContain('批评教育');
    await notice.click();
    await expectPath(o, ROUTES.officerCase);
    await expectVisibleText(o, '#case-inquiries', findings);
    await expectVisibleText(o, '#case-inquiries', '结论：批评教育');
  });
});

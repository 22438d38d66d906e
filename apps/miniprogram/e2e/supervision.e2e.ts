import { apiAs, expectPath, expectVisibleText, ROUTES, overdueDispute, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

describe('督办 and 催办', () => {
  it('station_leader1 finds an overdue report in 工作台 → 督办 and urges it; officer1 reads the instruction in 消息 and on the case page', async () => {
    const title = `楼道电动车充电无人管${Date.now().toString(36)}`;
    const instruction = '请今天下班前上门核实，并回复群众';
    // 3 h 30 min of the report's time pass: its first response (30 minutes) is 3 hours late, escalated up to 分局催办.
    const id = await overdueDispute(title, '有住户天天在楼道里给电动车充电，劝说不听。');

    const leader = await browser.open('station_leader1');
    const l = leader.page;
    await signInWithDemoSwitcher(l, 'station_leader1');
    await visible(l, '#tab-workbench').click();
    await expectPath(l, ROUTES.workbench);
    await expectVisibleText(l, '#workbench-supervision-title', '督办（');
    const count = Number(/督办（(\d+)）/.exec((await visible(l, '#workbench-supervision-title').innerText()) ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(1);
    await visible(l, '#workbench-supervision-open').click();
    await expectPath(l, ROUTES.supervision);
    await expectVisibleText(l, '#supervision-total', '超时最久的排在最前');
    const row = `#supervision-item-${id}`;
    await expectVisibleText(l, row, title);
    await expectVisibleText(l, row, '分局催办');
    await expectVisibleText(l, row, '责任民警：王建国');
    await expectVisibleText(l, `#supervision-overdue-${id}`, '首次响应已超时 3 小时');

    // 催办 needs an instruction; then the row says it was urged.
    await visible(l, `#supervision-urge-${id}`).click();
    await visible(l, `#supervision-urge-${id}-submit`).click();
    await expectVisibleText(l, `#supervision-urge-${id}-error`, '请填写催办要求');
    await visible(l, `#supervision-urge-${id}-note textarea`).fill(instruction);
    await visible(l, `#supervision-urge-${id}-submit`).click();
    await expectVisibleText(l, `#supervision-urged-${id}`, '已催办');

    // The case page offers 催办 to the leader too; a second one within 10 minutes is refused with the reason.
    await visible(l, `#supervision-open-${id}`).click();
    await expectPath(l, ROUTES.officerCase);
    await expectVisibleText(l, '#case-timeline', `天桥所 郑副所长催办：${instruction}`);
    await visible(l, '#case-urge').click();
    await visible(l, '#case-urge-note textarea').fill('再催一次');
    await visible(l, '#case-urge-submit').click();
    await expectVisibleText(l, '#case-urge-error', '该上报10分钟内已催办过');

    const officer = await browser.open('officer1');
    const o = officer.page;
    await signInWithDemoSwitcher(o, 'officer1');
    await visible(o, '#tab-mine').click();
    await expectPath(o, ROUTES.mine);
    await visible(o, '#mine-notifications').click();
    await expectPath(o, ROUTES.notifications);
    const notice = visible(o, '#notifications-list [id^="notification-"]', `派出所领导催办：${title}`).first();
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`天桥所 郑副所长：${instruction}`);
    await notice.click();
    await expectPath(o, ROUTES.officerCase);
    await expectVisibleText(o, '#case-timeline', '领导催办');
    await expectVisibleText(o, '#case-timeline', `天桥所 郑副所长催办：${instruction}`);
    expect(await visible(o, '#case-urge').count()).toBe(0);

    // The reporter never sees it: it is internal.
    const resident = await apiAs<{ timeline: { type: string; note: string | null }[] }>('resident1', 'GET', `/api/cases/${id}`);
    expect(resident.timeline.some((e) => e.type === 'urged' || e.note?.includes(instruction))).toBe(false);
  });
});

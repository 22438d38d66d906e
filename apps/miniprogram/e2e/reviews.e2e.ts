import { apiAs, expectPath, expectVisibleText, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

/** This week's Monday in China time: the station's review period. */
function weekStart(): string {
  const d = new Date(Date.now() + 8 * 3600_000);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
}

describe('会商调度', () => {
  it('station_leader1 reads the week’s 研判材料 and records the weekly review with one decision; its owner officer1 sees the follow-up and closes it', async () => {
    const content = `胜利社区电动车进楼充电逐户提示${Date.now().toString(36)}`;
    const monday = weekStart();
    const leader = await browser.open('station_leader1');
    const l = leader.page;
    await signInWithDemoSwitcher(l, 'station_leader1');
    await visible(l, '#tab-workbench').click();
    await expectPath(l, ROUTES.workbench);
    await visible(l, '#workbench-reviews-open').click();
    await expectPath(l, ROUTES.reviews);
    await expectVisibleText(l, '#reviews-header', '天桥派出所 · 每周会商');
    await expectVisibleText(l, '#reviews-period-0', monday);
    await expectVisibleText(l, '#reviews-period-0', '待会商');

    // The packet of the week, printable.
    await visible(l, '#reviews-packet-0').click();
    await expectPath(l, ROUTES.reviewPacket);
    await expectVisibleText(l, '#packet-title', '天桥派出所每周会商研判材料');
    await expectVisibleText(l, '#packet-counters', '化解矛盾');
    await visible(l, '#packet-print').waitFor();
    await openPath(l, ROUTES.reviews);

    // The form asks for each decision's owner before it is sent.
    await visible(l, '#reviews-record-0').click();
    await expectPath(l, ROUTES.reviewRecord);
    await expectVisibleText(l, '#record-title', `天桥派出所 · ${monday}`);
    await visible(l, '#record-attendees input').fill('郑副所长、王建国、赵立新');
    await visible(l, '#record-summary textarea').fill('本周电动车进楼充电隐患较多，需逐户提示。');
    await visible(l, '#record-add-decision').click();
    await visible(l, '#record-decision-0-content textarea').fill(content);
    await visible(l, '#record-submit').click();
    await expectVisibleText(l, '#record-error', '每项决定都须指定责任人和完成期限');
    await visible(l, '#record-decision-0-owner [id^="record-decision-0-owner-"]', '王建国').click();
    await visible(l, '#record-submit').click();
    await expectPath(l, ROUTES.review);
    await expectVisibleText(l, '#review-title', `天桥派出所每周会商 · ${monday}`);
    await expectVisibleText(l, '#review-follow-ups', content);
    await expectVisibleText(l, '#review-follow-ups', '责任人 王建国');
    // On the 督办 list too, with its owner.
    await openPath(l, ROUTES.supervision);
    await expectVisibleText(l, '#supervision-follow-ups', content);

    // officer1: 工作台 → 我的督办事项, and 办结 with what was done.
    const officer = await browser.open('officer1');
    const o = officer.page;
    await signInWithDemoSwitcher(o, 'officer1');
    await visible(o, '#tab-workbench').click();
    await expectPath(o, ROUTES.workbench);
    await visible(o, '#workbench-follow-ups-open').click();
    await expectPath(o, ROUTES.followUps);
    const item = visible(o, '#follow-ups-list [id^="follow-up-"]', content).first();
    await item.waitFor();
    expect(await item.innerText()).toContain('天桥派出所');
    const id = Number((await item.getAttribute('id'))?.replace('follow-up-', ''));
    await visible(o, `#follow-up-${id}-done`).click();
    await visible(o, `#follow-up-${id}-note textarea`).fill('已逐户提示，楼道已清理');
    await visible(o, `#follow-up-${id}-submit`).click();
    await expectVisibleText(o, `#follow-up-${id}`, '已办结');

    // The leader's 督办 list of follow-ups no longer holds it; the period reads 已会商.
    const open = await apiAs<{ id: number }[]>('station_leader1', 'GET', '/api/supervision/follow-ups?status=open');
    expect(open.map((f) => f.id)).not.toContain(id);
    await openPath(l, ROUTES.reviews);
    await expectVisibleText(l, '#reviews-period-0', '已会商');
  });
});

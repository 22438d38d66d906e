/**
 * 激励奖励 end to end (docs/rewards.md): officer1 proposes a 一事一奖 (奖金 200元) for resident1's
 * report from the case page, station_leader1 approves it from 工作台, and resident1 sees it under
 * 我的 → 我的奖励. Then branch_leader1 names officer1 成绩突出社区民警 for last month from the
 * ranking, and resident1's officer card on 首页 shows the title.
 */
import { apiAs, expectPath, expectVisibleText, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();
const REWARDS = '/packageRewards/list/index';
const PROPOSE = '/packageRewards/propose/index';
const MY_REWARDS = '/packageRewards/mine/index';
const RANKING = '/packageRewards/ranking/index';

function previousMonth(): string {
  const now = new Date(Date.now() + 8 * 3600_000);
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() + 1;
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

describe('rewards', () => {
  it('officer1 proposes 一事一奖 for resident1, station_leader1 approves, resident1 sees it', async () => {
    const title = `楼道电线老化冒火花${Date.now().toString(36)}`;
    const report = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
      kind: 'hazard', subcategory: 'fire', title, description: '三楼楼道的电线外皮破了，晚上冒火花。', addressText: '5栋3楼', contactPreference: 'in_app', anonymity: 'none',
    });

    // officer1 opens the report and proposes a material reward for its reporter.
    const officer = await browser.open('officer1');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    await openPath(officer.page, `${ROUTES.officerCase}?id=${report.id}`);
    await visible(officer.page, '#case-reward-open').click();
    await expectPath(officer.page, PROPOSE);
    await visible(officer.page, '#reward-kind-material').click();
    await visible(officer.page, '#reward-form-奖金').click();
    await visible(officer.page, '#reward-amount input').fill('200');
    await visible(officer.page, '#reward-deed textarea').fill('及时上报楼道电线老化冒火花，避免了一起火灾');
    await visible(officer.page, '#reward-submit').click();
    await expectPath(officer.page, REWARDS);
    const proposed = await apiAs<{ items: { id: number; caseId: number | null }[] }>('officer1', 'GET', '/api/rewards?status=proposed');
    const rewardId = proposed.items.find((r) => r.caseId === report.id)!.id;
    await expectVisibleText(officer.page, `#reward-${rewardId}-status`, '待审批');

    // A second proposal for the same deed is refused: one deed, one reward.
    await openPath(officer.page, `${PROPOSE}?caseId=${report.id}`);
    await visible(officer.page, '#reward-deed textarea').fill('同一件事再发起一次');
    await visible(officer.page, '#reward-submit').click();
    await expectVisibleText(officer.page, '#reward-error', '一事一奖');

    // station_leader1 approves from 工作台 → 审批一事一奖.
    const leader = await browser.open('station_leader1');
    await signInWithDemoSwitcher(leader.page, 'station_leader1');
    await visible(leader.page, '#tab-workbench').click();
    await visible(leader.page, '#workbench-rewards-open').click();
    await expectPath(leader.page, REWARDS);
    await expectVisibleText(leader.page, `#reward-${rewardId}-deed`, '及时上报楼道电线老化冒火花');
    await visible(leader.page, `#reward-${rewardId}-approve`).click();
    await expectVisibleText(leader.page, `#reward-${rewardId}-status`, '已通过');

    // resident1 finds it under 我的 → 我的奖励.
    const resident = await browser.open('resident1');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await visible(resident.page, '#tab-mine').click();
    await visible(resident.page, '#mine-rewards').click();
    await expectPath(resident.page, MY_REWARDS);
    await expectVisibleText(resident.page, `#reward-${rewardId}-deed`, '及时上报楼道电线老化冒火花');
    await expectVisibleText(resident.page, `#reward-${rewardId}-status`, '已通过');
  });

  it('branch_leader1 names officer1 成绩突出社区民警 for last month; resident1’s officer card shows it', async () => {
    const month = previousMonth();
    const officer1 = (await apiAs<{ id: number }>('officer1', 'GET', '/api/me')).id;
    const leader = await browser.open('branch_leader1');
    await signInWithDemoSwitcher(leader.page, 'branch_leader1');
    await visible(leader.page, '#tab-workbench').click();
    await visible(leader.page, '#workbench-ranking-open').click();
    await expectPath(leader.page, RANKING);
    await visible(leader.page, `#ranking-month-${month}`).click();
    await visible(leader.page, `#ranking-officer-${officer1}-name`).click();
    await expectVisibleText(leader.page, `#ranking-officer-${officer1}-honoured`, '成绩突出社区民警');

    const resident = await browser.open('resident1');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await expectVisibleText(resident.page, '#officer-honour', `成绩突出社区民警（${month.slice(0, 4)}年${Number(month.slice(5))}月）`);
  });
});

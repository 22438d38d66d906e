/**
 * The case page in words a resident understands, actions that fit the state, the reporter's
 * number behind 查看号码, and the report form's check (issue #23).
 */
import type { Page } from 'playwright-core';
import { apiAs, expectPath, expectVisibleText, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();
const suffix = Date.now().toString(36);

async function report(title: string): Promise<number> {
  const created = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
    kind: 'dispute', subcategory: 'neighbour', title, description: '楼上每晚十点后还在装修', otherParty: '楼上602', contactPreference: 'phone', anonymity: 'none',
  });
  return created.id;
}

async function act(page: Page, action: string, note?: string): Promise<void> {
  await visible(page, `#case-action-${action}`).click();
  if (note !== undefined) await visible(page, '#case-reason textarea').fill(note);
  await visible(page, '#case-action-confirm-submit').click();
}

const backgroundOf = (page: Page, selector: string) =>
  visible(page, selector).evaluate((el) => getComputedStyle(el).backgroundColor);

describe('case page (h5)', () => {
  it('不予受理 only before 受理, 办结 only with a note; the resident reads sentences, the promised response time and a green 已办结', async () => {
    const title = `装修噪音扰民 ${suffix}`;
    const id = await report(title);

    const r = (await browser.open('resident')).page;
    await signInWithDemoSwitcher(r, 'resident1');
    await openPath(r, `${ROUTES.case}?id=${id}`);
    await expectVisibleText(r, '#case-first-response', '民警将在 30 分钟内响应您的上报（矛盾纠纷类）');
    await expectVisibleText(r, '#case-timeline', '您提交了上报');

    const o = (await browser.open('officer')).page;
    await signInWithDemoSwitcher(o, 'officer1');
    await openPath(o, `${ROUTES.officerCase}?id=${id}`);
    await visible(o, '#case-action-reject').waitFor();
    await act(o, 'accept');
    await expectVisibleText(o, '#case-status', '已受理');
    expect(await o.locator('#case-action-reject').count()).toBe(0);
    await visible(o, '#case-action-resolve').waitFor();
    // 办结 asks for the result, which the resident will read.
    await act(o, 'resolve');
    await expectVisibleText(o, '#case-action-panel', '办结说明（必填，上报人可见）');
    await expectVisibleText(o, '#case-error', '请填写办结说明');
    await visible(o, '#case-reason textarea').fill('已约谈楼上住户，承诺晚十点后停工');
    await visible(o, '#case-action-confirm-submit').click();
    await expectVisibleText(o, '#case-status', '已办结待确认');

    await r.reload();
    await expectVisibleText(r, '#case-timeline', '民警已受理您的上报');
    await expectVisibleText(r, '#case-timeline', '民警已办结，请您确认办理结果');
    await expectVisibleText(r, '#case-timeline', '已约谈楼上住户，承诺晚十点后停工');
    expect(await visible(r, '#case-timeline').innerText()).not.toContain('状态变为');
    expect(await r.locator('#case-first-response').count()).toBe(0);
    await act(r, 'confirm');
    await expectVisibleText(r, '#case-status', '已办结');
    expect(await visible(r, '#case-status').innerText()).not.toContain('关闭');
    expect(await backgroundOf(r, '#case-status .nut-tag')).toBe('rgb(30, 125, 70)');
    await expectVisibleText(r, '#case-timeline', '您已确认办结');
    await openPath(r, ROUTES.mine);
    await expectVisibleText(r, `#my-case-${id}`, '已办结');
    expect(await backgroundOf(r, `#my-case-${id} .nut-tag`)).toBe('rgb(30, 125, 70)');
  });

  it('shows the officer the reporter’s number masked until 查看号码, saying the view is recorded; a leader cannot reveal it', async () => {
    const id = await report(`楼道漏水 ${suffix}`);
    const o = (await browser.open('officer')).page;
    await signInWithDemoSwitcher(o, 'officer1');
    await openPath(o, `${ROUTES.officerCase}?id=${id}`);
    await expectVisibleText(o, '#case-reporter', '138****0001');
    expect(await o.content()).not.toContain('13800000001');
    await expectVisibleText(o, '#reveal-notice-reporter', '查看号码将被记录');
    await visible(o, '#reveal-phone-reporter').click();
    await expectVisibleText(o, '#phone-of-reporter', '13800000001');
    await visible(o, '#call-reporter').waitFor();

    const l = (await browser.open('leader')).page;
    await signInWithDemoSwitcher(l, 'station_leader1');
    await openPath(l, `${ROUTES.officerCase}?id=${id}`);
    await expectVisibleText(l, '#case-reporter', '138****0001');
    expect(await l.locator('#reveal-phone-reporter').count()).toBe(0);
  });

  it('a report submitted with gaps marks every missing field at once, red, and clears each as it is filled', async () => {
    const r = (await browser.open('resident')).page;
    await signInWithDemoSwitcher(r, 'resident1');
    await visible(r, '#tab-report').click();
    await expectPath(r, ROUTES.report);
    await visible(r, '#report-kind-hazard').click();
    // Each kind has its own example title.
    // The placeholder follows the kind once the form re-renders: wait for it, then read it.
    await visible(r, '#report-title input[placeholder="如：楼道杂物堵住消防通道"]').waitFor();
    await visible(r, '#report-kind-dispute').click();
    await visible(r, '#report-title input[placeholder="如：楼上装修噪音扰民"]').waitFor();
    expect(await visible(r, '#report-title input').getAttribute('placeholder')).toBe('如：楼上装修噪音扰民');
    await visible(r, '#report-kind-hazard').click();
    const placeholderFits = await visible(r, '#report-title input').evaluate((el) => {
      const input = el as HTMLInputElement;
      const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      ctx.font = getComputedStyle(input).font;
      return ctx.measureText(input.placeholder).width <= input.clientWidth;
    });
    expect(placeholderFits).toBe(true);

    await visible(r, '#report-submit').click();
    await expectVisibleText(r, '#report-error', '还有3项需要填写：标题、详细描述、具体位置');
    await expectVisibleText(r, '#report-title-error', '请填写标题');
    await expectVisibleText(r, '#report-description-error', '请描述具体情况');
    await expectVisibleText(r, '#report-address-error', '请填写隐患的具体位置');
    const red = 'rgb(198, 40, 40)';
    expect(await visible(r, '#report-title .nut-input').evaluate((el) => getComputedStyle(el).borderTopColor)).toBe(red);
    await visible(r, '#report-title input').fill(`电动车楼道充电 ${suffix}`);
    await r.waitForFunction(() => !document.querySelector('#report-title-error'));
    await visible(r, '#report-description-error').waitFor();
    await visible(r, '#report-address-error').waitFor();
  });

  it('inputs look alike: the queue search and the report title share one bordered style', async () => {
    const o = (await browser.open('officer')).page;
    await signInWithDemoSwitcher(o, 'officer1');
    await openPath(o, ROUTES.officerQueue);
    const style = (page: Page, selector: string) =>
      visible(page, selector).evaluate((el) => {
        const s = getComputedStyle(el);
        return `${s.borderTopWidth} ${s.borderTopStyle} ${s.borderTopColor} ${s.borderTopLeftRadius}`;
      });
    const search = await style(o, '#queue-search .nut-input');
    expect(search).toBe('1px solid rgb(207, 214, 228) 8px');
    const r = (await browser.open('resident')).page;
    await signInWithDemoSwitcher(r, 'resident1');
    await visible(r, '#tab-report').click();
    await expectPath(r, ROUTES.report);
    expect(await style(r, '#report-title .nut-input')).toBe(search);
  });
});

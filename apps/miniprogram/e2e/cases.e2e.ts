import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import {
  apiAs,
  expectPath,
  expectVisibleText,
  openedCaseId,
  openPath,
  ROUTES,
  signInAsNewWechatUser,
  signInWithDemoSwitcher,
  submitInviteCode,
  visible,
} from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

/** A small solid-colour PNG (the service re-encodes uploads, so it must be a real image). */
function png(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A new WeChat resident who joined 胜利社区 (officer 王建国) with the demo invite code. */
async function newResidentOfShengli(label: string) {
  const person = await browser.open(label);
  await signInAsNewWechatUser(person.context);
  await openPath(person.page, `${ROUTES.join}?code=SHENGLI2026`);
  await submitInviteCode(person.page, 'SHENGLI2026');
  await expectVisibleText(person.page, '#officer-name', '王建国');
  return person;
}

async function openReportTab(page: Page): Promise<void> {
  await visible(page, '#tab-report').click();
  await expectPath(page, ROUTES.report);
  await visible(page, '#report-kind-hazard').waitFor();
}

/** Waits until no visible element matching `selector` shows `text` (e.g. a note hidden from residents). */
async function expectNotShown(page: Page, selector: string, text: string): Promise<void> {
  const shown = await visible(page, selector).first().innerText();
  expect(shown).not.toContain(text);
}

describe('reports (上报)', () => {
  it('a resident reports a hazard with a photo; officer1 accepts, notes and resolves it; the resident confirms and rates', async () => {
    const resident = await newResidentOfShengli('resident');
    const r = resident.page;
    await openReportTab(r);
    await expectVisibleText(r, '#report-emergency', '110');

    await visible(r, '#report-kind-hazard').click();
    await visible(r, '#report-subcategory-fire').click();
    await visible(r, '#report-title input').fill('楼道堆放纸箱堵住消防通道');
    await visible(r, '#report-description textarea').fill('6号楼1单元楼道堆满纸箱，已经一周了，晚上很黑容易绊倒。');
    // 安全隐患 needs 具体位置.
    await visible(r, '#report-submit').click();
    await expectVisibleText(r, '#report-error', '请填写隐患的具体位置');
    await visible(r, '#report-address input').fill('6号楼1单元楼道');
    const [chooser] = await Promise.all([r.waitForEvent('filechooser'), visible(r, '#report-photo-add').click()]);
    await chooser.setFiles({ name: 'hazard.png', mimeType: 'image/png', buffer: png(40, 30, [200, 40, 40]) });
    await expectVisibleText(r, '#report-photos', '1/9');
    await visible(r, '#report-submit').click();

    const caseId = await openedCaseId(r);
    await expectVisibleText(r, '#case-status', '已提交');
    await expectVisibleText(r, '#case-kind', '安全隐患 · 消防隐患');
    await expectVisibleText(r, '#case-timeline', '您提交了上报');

    const officer = await browser.open('officer1');
    const o = officer.page;
    await signInWithDemoSwitcher(o, 'officer1');
    await visible(o, '#tab-workbench').click();
    await expectVisibleText(o, '#workbench-queue', '案件队列');
    await visible(o, '#workbench-queue-open').click();
    await expectPath(o, ROUTES.officerQueue);
    await expectVisibleText(o, `#queue-item-${caseId}`, '楼道堆放纸箱堵住消防通道');
    await visible(o, `#queue-item-${caseId}`).click();
    expect(await openedCaseId(o, ROUTES.officerCase)).toBe(caseId);
    // The photo is served only with the bearer token; the page loads it itself.
    await o.waitForFunction(
      () => Array.from(document.querySelectorAll('#case-photos img')).some((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0),
      null,
      { timeout: 15_000 },
    );

    await visible(o, '#case-action-accept').click();
    await visible(o, '#case-action-confirm-submit').click();
    await expectVisibleText(o, '#case-status', '已受理');

    await visible(o, '#case-note textarea').fill('已通知物业明早清理（内部）');
    await visible(o, '#case-note-submit').click();
    await expectVisibleText(o, '#case-timeline', '已通知物业明早清理（内部）');

    await visible(o, '#case-action-resolve').click();
    await visible(o, '#case-reason textarea').fill('纸箱已清走，通道畅通');
    await visible(o, '#case-action-confirm-submit').click();
    await expectVisibleText(o, '#case-status', '已办结待确认');

    // The resident sees the public result but not the internal note.
    await r.reload();
    await expectVisibleText(r, '#case-status', '已办结待确认');
    await expectVisibleText(r, '#case-timeline', '纸箱已清走，通道畅通');
    await expectNotShown(r, '#case-timeline', '已通知物业明早清理');
    await visible(r, '#case-action-confirm').click();
    // Worded for the resident: one 确认, and the note is for the officer.
    await expectVisibleText(r, '#case-action-panel', '说明（选填，民警可见）');
    expect(await visible(r, '#case-action-panel', '确认确认').count()).toBe(0);
    await expectVisibleText(r, '#case-action-confirm-submit', '确认办结');
    await visible(r, '#case-action-confirm-submit').click();
    await expectVisibleText(r, '#case-status', '已办结');
    await visible(r, '#case-rate-submit').click();
    await expectVisibleText(r, '#case-rate-error', '请先点击星星评分');
    await visible(r, '#case-rate .nut-rate-item').nth(3).click();
    await visible(r, '#case-rate-comment textarea').fill('处理及时');
    await visible(r, '#case-rate-submit').click();
    await expectVisibleText(r, '#case-rating', '★★★★☆');

    // 我的: the report with its status, and the unread messages about it.
    await openPath(r, ROUTES.mine);
    await expectVisibleText(r, `#my-case-${caseId}`, '已办结');
    await visible(r, '#notifications-badge').waitFor();
    await visible(r, '#mine-notifications').click();
    await expectPath(r, ROUTES.notifications);
    await expectVisibleText(r, '#notifications-list', '楼道堆放纸箱堵住消防通道');
    await r.goBack();
    await expectPath(r, ROUTES.mine);
    await expectVisibleText(r, '#my-cases', '楼道堆放纸箱堵住消防通道');
    await r.waitForFunction(() => !Array.from(document.querySelectorAll('#notifications-badge')).some((e) => (e as HTMLElement).offsetParent !== null), null, {
      timeout: 15_000,
    });
  });

  it('a report made offline is kept as a draft and sent once when the network is back', async () => {
    const resident = await newResidentOfShengli('offline-resident');
    const r = resident.page;
    await openReportTab(r);
    await visible(r, '#report-kind-service_need').click();
    await visible(r, '#report-title input').fill('想咨询居住证办理');
    await visible(r, '#report-description textarea').fill('刚搬来，想问问居住证要带什么材料。');

    await resident.context.setOffline(true);
    await visible(r, '#report-submit').click();
    await expectVisibleText(r, '#report-error', '网络不可用，已保存草稿，恢复网络后自动提交');
    await resident.context.setOffline(false);

    const caseId = await openedCaseId(r);
    await expectVisibleText(r, '#case-status', '已提交');
    await openPath(r, ROUTES.mine);
    await expectVisibleText(r, `#my-case-${caseId}`, '想咨询居住证办理');
    const rows = await visible(r, '#my-cases [id^="my-case-"]', '想咨询居住证办理').count();
    expect(rows).toBe(1);
    // The draft is gone: the form is empty again.
    await openPath(r, ROUTES.report);
    await visible(r, '#report-title input').waitFor();
    expect(await visible(r, '#report-title input').inputValue()).toBe('');
  });

  it("a queue left open keeps its countdown true: a hazard's 30 minutes run out on screen", async () => {
    const title = `楼道灭火器过期${Date.now().toString(36)}`;
    const created = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
      kind: 'hazard', subcategory: 'fire', title, description: '5栋楼道的灭火器压力表指针在红区。', addressText: '5栋一楼', contactPreference: 'in_app', anonymity: 'none',
    });
    const officer = await browser.open('officer1');
    // The page's clock, so the test can let 45 minutes pass without waiting for them.
    await officer.context.clock.install();
    const o = officer.page;
    await signInWithDemoSwitcher(o, 'officer1');
    await openPath(o, ROUTES.officerQueue);
    const countdown = visible(o, `#queue-countdown-${created.id}`).first();
    await countdown.waitFor();
    expect(await countdown.textContent()).toMatch(/还剩 (2\d|30) 分钟$/);
    expect(await countdown.getAttribute('class')).not.toContain('queue__countdown--overdue');
    await o.clock.fastForward('45:00');
    await o.waitForFunction(
      (id) => /已超时 1[45] 分钟$/.test(Array.from(document.querySelectorAll(`#queue-countdown-${id}`)).map((el) => el.textContent ?? '').join('|')),
      created.id,
      { timeout: 5_000 },
    );
    expect(await countdown.getAttribute('class')).toContain('queue__countdown--overdue');
  });

  it('an officer finds a closed report in 案件队列 by its 案件编号 once 全部状态 is chosen', async () => {
    const title = `楼顶违建查找${Date.now().toString(36)}`;
    const created = await apiAs<{ id: number; number: string }>('resident1', 'POST', '/api/cases', {
      kind: 'hazard', subcategory: 'fire', title, description: '楼顶有人搭建彩钢房。', addressText: '3栋楼顶', contactPreference: 'in_app', anonymity: 'none',
    });
    await apiAs('officer1', 'POST', `/api/cases/${created.id}/actions`, { action: 'reject', note: '属城管职责，已告知12345' });
    const { page } = await browser.open('officer1');
    await signInWithDemoSwitcher(page, 'officer1');
    await openPath(page, ROUTES.officerQueue);
    await visible(page, '#queue-search input').fill(created.number);
    await visible(page, '#queue-search-submit').click();
    await expectVisibleText(page, '#queue-list', `没有找到“${created.number}”`);
    await expectVisibleText(page, '#queue-list', '已办结的上报请选“全部状态”再查');
    await visible(page, '#queue-filter-status-all').click();
    await expectVisibleText(page, `#queue-item-${created.id}`, title);
    await expectVisibleText(page, '#queue-total', '共 1 件');
    await visible(page, `#queue-item-${created.id}`).click();
    await expectPath(page, ROUTES.officerCase);
    await expectVisibleText(page, '#case-status', '不予受理');
  });

  it('a case the person may not read offers 返回, not a 重试 that cannot help', async () => {
    const { page } = await browser.open('mediator1');
    await signInWithDemoSwitcher(page, 'mediator1');
    await openPath(page, `${ROUTES.case}?id=1`);
    await visible(page, '#case-load-error').waitFor();
    await visible(page, '#case-load-error-back', '返回').waitFor();
    expect(await visible(page, '#case-load-error', '重试').count()).toBe(0);
    await visible(page, '#case-load-error-back').click();
    await expectPath(page, ROUTES.home);
  });

  it('an informant reports in sealed mode; officer1 sees 匿名信息员, station_leader1 unseals with a reason', async () => {
    const informant = await browser.open('informant1');
    const i = informant.page;
    await signInWithDemoSwitcher(i, 'informant1');
    await openReportTab(i);
    await visible(i, '#report-kind-dispute').click();
    await visible(i, '#report-other-party').waitFor();
    expect(await i.locator('#report-sealed').count()).toBe(0);
    await visible(i, '#report-kind-crime_lead').click();
    await visible(i, '#report-subcategory-gambling').click();
    await visible(i, '#report-title input').fill('车库里夜间有人聚众打牌');
    await visible(i, '#report-description textarea').fill('地下车库B区每晚十点后有十来个人打牌，有现金往来。');
    await visible(i, '#report-address input').fill('地下车库B区');
    await visible(i, '#report-contact-phone').click();
    await visible(i, '#report-sealed').click();
    // Sealed: no 电话联系我 (nobody handling it may know who to call), and the form says how contact works.
    await expectVisibleText(i, '#report-contact-sealed', '不会打电话');
    expect(await visible(i, '#report-contact-phone').count()).toBe(0);
    await visible(i, '#report-submit').click();
    const caseId = await openedCaseId(i);

    const officer = await browser.open('officer1');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    await openPath(officer.page, `${ROUTES.case}?id=${caseId}`);
    await expectVisibleText(officer.page, '#case-reporter', '匿名信息员');
    expect(await officer.page.locator('#case-unseal').count()).toBe(0);

    const leader = await browser.open('station_leader1');
    const l = leader.page;
    await signInWithDemoSwitcher(l, 'station_leader1');
    await openPath(l, `${ROUTES.case}?id=${caseId}`);
    await visible(l, '#case-unseal').click();
    await visible(l, '#case-unseal-submit').click();
    await expectVisibleText(l, '#case-unseal-error', '请填写查看理由');
    await visible(l, '#case-unseal-note textarea').fill('核查线索需要当面联系信息员');
    await visible(l, '#case-unseal-submit').click();
    await expectVisibleText(l, '#case-unseal-result', '老马');
    await visible(l, '#case-unseal-close').click();
    expect(await l.locator('#case-unseal-result').count()).toBe(0);

    // The station leader's 工作台 has no unseal log; the city leader's lists this unseal, without the informant.
    await openPath(l, ROUTES.workbench);
    await visible(l, '#workbench-queue').waitFor();
    expect(await l.locator('#workbench-unseal-log').count()).toBe(0);
    const city = (await browser.open('city_leader1')).page;
    await signInWithDemoSwitcher(city, 'city_leader1');
    await visible(city, '#tab-workbench').click();
    await visible(city, '#workbench-unseal-log-open').click();
    await expectPath(city, ROUTES.unsealLog);
    await expectVisibleText(city, '#unseal-log-item-0', '理由：核查线索需要当面联系信息员');
    await expectVisibleText(city, '#unseal-log-item-0', '郑副所长');
    expect(await visible(city, '#unseal-log-list').textContent()).not.toContain('老马');
    await visible(city, '#unseal-log-item-0').click();
    await expectPath(city, ROUTES.officerCase);
    expect(new URL(city.url()).searchParams.get('id')).toBe(String(caseId));
    await expectVisibleText(city, '#case-reporter', '匿名信息员');
  });
});

/**
 * Cases (上报) end to end: resident1 (a member of 胜利社区) reports, officer1 (its officer) handles
 * it in 工作台 → 案件队列, the resident confirms and rates. Reports are picked by their title (which
 * carries a per-run suffix): the demo data already holds a few of resident1's reports.
 */
import { deflateSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';
import { expectPath, expectVisibleText, idNumber, openPath, ROUTES, signInWithDemoSwitcher, visible } from './support/app';
import { useBrowser } from './support/browser';

const browser = useBrowser();

const REPORT = '/pages/report/index';
const CASE = '/pages/case/index';
const OFFICER_CASE = '/packageOfficer/case/index';
const QUEUE = '/packageOfficer/queue/index';
/** MAX_PHOTO_BYTES of @jws/contracts. */
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

// ---------------------------------------------------------------------------------------------
// Images made in the test: a PNG encoder small enough to read.

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid RGB PNG of one colour with a stripe. `padding` bytes go into a private ancillary chunk
 * (`jwSp`), which decoders skip: the file gets large while staying an image the browser can show.
 */
function png(width: number, height: number, padding = 0): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type RGB
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 3); // filter byte 0, then pixels
    for (let x = 0; x < width; x += 1) {
      const stripe = Math.abs(x - y) < 4;
      row.set(stripe ? [250, 200, 30] : [30, 90, 200], 1 + x * 3);
    }
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    ...(padding > 0 ? [chunk('jwSp', Buffer.alloc(padding, 0x5a))] : []),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Steps in the words of the app's test hooks (apps/miniprogram/README.md, "Test hooks").

/** Waits until the (visible) element's aria-label contains `text`, e.g. 已选中 or 已开启. */
async function expectAriaLabel(page: Page, selector: string, text: string): Promise<void> {
  await visible(page, `${selector}[aria-label*="${text}"]`).first().waitFor();
}

/** Waits until no visible element matches (React may render a moment after the event). */
async function expectGone(page: Page, selector: string): Promise<void> {
  await visible(page, selector).first().waitFor({ state: 'detached' });
}

/** A title no earlier run or demo report has. */
let titles = 0;
function uniqueTitle(text: string): string {
  titles += 1;
  return `${text} ${Date.now().toString(36).slice(-4)}${titles}`;
}

function isUpload(res: Response): boolean {
  return res.request().method() === 'POST' && new URL(res.url()).pathname === '/api/uploads';
}

async function openReportForm(page: Page): Promise<void> {
  await visible(page, '#tab-report').click();
  await expectPath(page, REPORT);
  await expectVisibleText(page, '#report-emergency', '紧急情况请拨打 110');
  await visible(page, '#report-kind-hazard').waitFor();
}

/** 安全隐患 · 消防隐患 in 胜利社区 (picked when resident1 is in more than one community). */
async function chooseHazard(page: Page): Promise<void> {
  await visible(page, '#report-kind-hazard').click();
  await visible(page, '#report-subcategory-fire').click();
  await expectAriaLabel(page, '#report-subcategory-fire', '已选中');
  const community = visible(page, '#report-community');
  await community.waitFor();
  const shengli = visible(page, '#report-community [id^="report-community-"]', '胜利社区');
  if ((await shengli.count()) > 0) await shengli.first().click();
  else await expectVisibleText(page, '#report-community', '胜利社区');
}

const titleInput = (page: Page) => visible(page, '#report-title input');
const descriptionInput = (page: Page) => visible(page, '#report-description textarea');
const addressInput = (page: Page) => visible(page, '#report-address input');

async function fillReport(page: Page, fields: { title: string; description: string; address: string }): Promise<void> {
  await titleInput(page).fill(fields.title);
  await descriptionInput(page).fill(fields.description);
  await addressInput(page).fill(fields.address);
}

/** A PDF's first bytes and a little more: what a person might pick by mistake. */
const PDF = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

interface PickedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The add tile opens the browser's file chooser (the h5 platform's file input). */
async function attachFiles(page: Page, files: PickedFile[]): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), visible(page, '#report-photo-add').click()]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(files);
}

async function attachPhoto(page: Page, name: string, buffer: Buffer): Promise<void> {
  await attachFiles(page, [{ name, mimeType: 'image/png', buffer }]);
}

/** Every photo of the form has finished uploading (no 上传中 left). */
async function expectUploadsDone(page: Page): Promise<void> {
  await visible(page, '#report-photos .photo-picker__state', '上传中').first().waitFor({ state: 'detached', timeout: 60_000 });
}

/** Submits the form and waits for the case page it opens; returns the new case's id. */
async function submitAndOpenCase(page: Page): Promise<number> {
  await visible(page, '#report-submit').click();
  await expectPath(page, CASE);
  const id = Number(new URL(page.url()).searchParams.get('id'));
  expect(Number.isInteger(id) && id > 0).toBe(true);
  return id;
}

/** Status label of the case page (e.g. 已提交), waiting until it shows `label`. */
async function expectCaseStatus(page: Page, label: string): Promise<void> {
  await expectVisibleText(page, '#case-status', label);
}

/** A button of `#case-actions`, its confirm step with an optional note, and the status it leads to. */
async function act(page: Page, action: string, label: string, then: string, note?: string): Promise<void> {
  await expectVisibleText(page, `#case-action-${action}`, label);
  await visible(page, `#case-action-${action}`).click();
  await expectVisibleText(page, '#case-action-panel', label.startsWith('确认') ? label : `确认${label}`);
  if (note !== undefined) await visible(page, '#case-reason textarea').fill(note);
  await visible(page, '#case-action-confirm-submit').click();
  await expectCaseStatus(page, then);
  await expectGone(page, '#case-action-panel');
}

/** 工作台 → 案件队列 → the report with this title; returns its row's case id. */
async function openFromQueue(page: Page, title: string): Promise<number> {
  await visible(page, '#tab-workbench').click();
  await expectPath(page, ROUTES.workbench);
  await expectVisibleText(page, '#workbench-queue', '案件队列');
  await visible(page, '#workbench-queue-open').click();
  await expectPath(page, QUEUE);
  const row = visible(page, '#queue-list [id^="queue-item-"]', title).first();
  await row.waitFor();
  const id = await idNumber(row, 'queue-item-');
  await expectVisibleText(page, `#queue-item-${id}`, '已提交');
  await expectVisibleText(page, `#queue-item-${id}`, '安全隐患 · 消防隐患');
  await expectVisibleText(page, `#queue-item-${id}`, '胜利社区');
  // A hazard is answered within 30 minutes: the row says how long is left of them.
  expect(await visible(page, `#queue-countdown-${id}`).first().textContent()).toMatch(/^时限 \d{4}-\d\d-\d\d \d\d:\d\d · 还剩 (2\d|30) 分钟$/);
  await row.click();
  await expectPath(page, OFFICER_CASE);
  expect(new URL(page.url()).searchParams.get('id')).toBe(String(id));
  return id;
}

/** 我的 → 我的上报: the row of one report, showing its status. */
async function expectInMyCases(page: Page, caseId: number, title: string, status: string): Promise<void> {
  await openPath(page, ROUTES.mine);
  await expectPath(page, ROUTES.mine);
  await visible(page, '#my-cases').waitFor();
  await expectVisibleText(page, `#my-case-${caseId}`, title);
  await expectVisibleText(page, `#my-case-${caseId}`, status);
}

/** The case page's photo grid shows a decoded image (fetched with the bearer token). */
async function expectPhotoShown(page: Page): Promise<void> {
  await expectVisibleText(page, '.card', '图片（1）');
  await visible(page, '#case-photos [id^="case-photo-"]').first().waitFor();
  await page.waitForFunction(
    () =>
      Array.from(document.querySelectorAll<HTMLImageElement>('#case-photos img')).some(
        (img) => img.offsetParent !== null && img.complete && img.naturalWidth > 0,
      ),
    null,
    { timeout: 15_000 },
  );
}

describe('cases', () => {
  it('a resident reports a hazard with a photo; the officer accepts and resolves it; the resident confirms and rates', async () => {
    const title = uniqueTitle('消防通道被杂物堵住');
    const description = '3号楼楼道里堆了很多纸箱和旧家具，把消防通道堵住了，希望尽快清理。';
    const address = '胜利社区3号楼2单元一楼楼道';

    // resident1 reports with a photo.
    const resident = await browser.open('resident1');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await openReportForm(resident.page);
    await chooseHazard(resident.page);
    await fillReport(resident.page, { title, description, address });

    const uploaded = resident.page.waitForResponse(isUpload);
    await attachPhoto(resident.page, 'hazard.png', png(96, 64));
    expect((await uploaded).status()).toBe(201);
    await visible(resident.page, '#report-photo-0').waitFor();
    await visible(resident.page, '#report-photos .photo-picker__state').first().waitFor({ state: 'detached' });
    await expect(visible(resident.page, '#report-photo-0 img').count()).resolves.toBe(1);

    const caseId = await submitAndOpenCase(resident.page);
    await expectCaseStatus(resident.page, '已提交');
    await expectVisibleText(resident.page, '.case__title', title);
    await expectVisibleText(resident.page, '#case-kind', '安全隐患 · 消防隐患');
    await expectVisibleText(resident.page, '#case-description', description);
    await expectVisibleText(resident.page, '#case-address', address);
    await expectPhotoShown(resident.page);
    // Residents never see the staff-only parts.
    expect(await visible(resident.page, '#case-reporter').count()).toBe(0);
    expect(await visible(resident.page, '#case-note-card').count()).toBe(0);

    // officer1 finds it in 工作台 → 案件队列, accepts and resolves it.
    const officer = await browser.open('officer1');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    expect(await openFromQueue(officer.page, title)).toBe(caseId);
    await expectCaseStatus(officer.page, '已提交');
    await expectVisibleText(officer.page, '#case-reporter', '张阿姨');
    await expectPhotoShown(officer.page);
    await act(officer.page, 'accept', '受理', '已受理');
    const resolution = '已联系物业清理楼道杂物，消防通道已畅通。';
    await act(officer.page, 'resolve', '办结', '已办结待确认', resolution);
    await expectVisibleText(officer.page, '#case-timeline', resolution);

    // The resident sees it in 我的上报, opens it, confirms and rates.
    await expectInMyCases(resident.page, caseId, title, '已办结待确认');
    await visible(resident.page, `#my-case-${caseId}`).click();
    await expectPath(resident.page, CASE);
    await expectCaseStatus(resident.page, '已办结待确认');
    await expectVisibleText(resident.page, '#case-actions', '民警已办结，请确认办理结果');
    await expectVisibleText(resident.page, '#case-timeline', resolution);
    await act(resident.page, 'confirm', '确认办结', '已办结');

    const comment = '民警处理很及时，谢谢！';
    await expectVisibleText(resident.page, '#case-rate-card', '评价本次办理');
    const stars = visible(resident.page, '#case-rate .nut-rate-item');
    await expect(stars.count()).resolves.toBe(5);
    await stars.nth(4).click();
    await expectVisibleText(resident.page, '#case-rate-card', '非常满意');
    await visible(resident.page, '#case-rate-comment textarea').fill(comment);
    await visible(resident.page, '#case-rate-submit').click();
    await expectVisibleText(resident.page, '#case-rating', `★★★★★ ${comment}`);
    await expectGone(resident.page, '#case-rate-card');
    expect(await visible(resident.page, '#case-actions').count()).toBe(0);

    // The officer, reloading, sees the closed and rated report.
    await officer.page.reload();
    await expectCaseStatus(officer.page, '已关闭');
    await expectVisibleText(officer.page, '#case-rating', `★★★★★ ${comment}`);
  });

  it('bad input shows a clear message and keeps what was typed', async () => {
    const title = uniqueTitle('小区路灯坏了');
    const description = '北门到5号楼的路灯坏了一周，晚上很黑，老人走路容易摔倒。';
    const address = '胜利社区北门到5号楼的小路';

    const { page } = await browser.open('resident1');
    await signInWithDemoSwitcher(page, 'resident1');
    await openReportForm(page);
    await chooseHazard(page);

    // No description: the form says what is missing and keeps the rest.
    await titleInput(page).fill(title);
    await addressInput(page).fill(address);
    await visible(page, '#report-submit').click();
    await expectVisibleText(page, '#report-error', '请描述具体情况');
    expect(new URL(page.url()).pathname).toBe(REPORT);
    await expect(titleInput(page).inputValue()).resolves.toBe(title);
    await expect(addressInput(page).inputValue()).resolves.toBe(address);

    // A photo over 5 MB is left out before uploading, with the limit in the message.
    await descriptionInput(page).fill(description);
    await expectGone(page, '#report-error');
    const tooLarge = png(32, 32, MAX_PHOTO_BYTES + 1024);
    expect(tooLarge.length).toBeGreaterThan(MAX_PHOTO_BYTES);
    const uploads: string[] = [];
    page.on('request', (req) => {
      if (req.method() === 'POST' && new URL(req.url()).pathname === '/api/uploads') uploads.push(req.url());
    });
    await attachPhoto(page, 'too-large.png', tooLarge);
    await expectVisibleText(page, '#report-photo-notice', '已忽略1张超过5MB的照片');
    await expectVisibleText(page, '#report-photos', '0/9');
    expect(await visible(page, '#report-photo-0').count()).toBe(0);
    expect(uploads).toEqual([]);

    // A file that starts like a PNG but is none passes the picker; the service refuses it. No retry
    // is offered for it (it could never succeed), and tapping it sends nothing more.
    const broken = Buffer.concat([png(8, 8).subarray(0, 16), Buffer.from('this is not really a picture')]);
    await attachPhoto(page, 'broken.png', broken);
    await expectVisibleText(page, '#report-photo-0', '无法上传，请删除');
    await expectVisibleText(page, '#report-photos', '只能上传 JPG、PNG 或 WebP 图片');
    await expectGone(page, '#report-photo-notice');
    expect(uploads).toHaveLength(1);
    await visible(page, '#report-photo-0 .photo-picker__state').click();
    await expectVisibleText(page, '#report-photos', '只能上传 JPG、PNG 或 WebP 图片');
    expect(uploads).toHaveLength(1);

    // Submitting now names the photo, and nothing typed is lost.
    await visible(page, '#report-submit').click();
    await expectVisibleText(page, '#report-error', '有图片上传失败，请点击图片重试或删除后再提交');
    expect(new URL(page.url()).pathname).toBe(REPORT);
    await expect(titleInput(page).inputValue()).resolves.toBe(title);
    await expect(descriptionInput(page).inputValue()).resolves.toBe(description);
    await expect(addressInput(page).inputValue()).resolves.toBe(address);
    await expectAriaLabel(page, '#report-subcategory-fire', '已选中');

    // Without the photo the same form goes through.
    await visible(page, '#report-photo-remove-0').click();
    await expectGone(page, '#report-photo-0');
    expect(await visible(page, '#report-photos').innerText()).not.toContain('只能上传');
    const caseId = await submitAndOpenCase(page);
    await expectCaseStatus(page, '已提交');
    await expectVisibleText(page, '.case__title', title);
    await expectVisibleText(page, '#case-description', description);
    await expectVisibleText(page, '#case-address', address);
    expect(caseId).toBeGreaterThan(0);
    await expect(visible(page, '#case-photos').count()).resolves.toBe(0);
    expect(uploads).toHaveLength(1);
  });

  it('the photo picker names the files it ignored and keeps what was already picked and typed', async () => {
    const title = uniqueTitle('楼道感应灯不亮');
    const description = '1号楼3单元楼道感应灯坏了，晚上上下楼看不见台阶。';
    const address = '胜利社区1号楼3单元';

    const { page } = await browser.open('resident1');
    await signInWithDemoSwitcher(page, 'resident1');
    await openReportForm(page);
    await chooseHazard(page);
    await fillReport(page, { title, description, address });

    // A PDF picked together with a photo: the photo is added, the PDF is named as ignored.
    await attachFiles(page, [
      { name: '物业通知.pdf', mimeType: 'application/pdf', buffer: PDF },
      { name: 'stairs.png', mimeType: 'image/png', buffer: png(48, 32) },
    ]);
    await expectVisibleText(page, '#report-photo-notice', '已忽略1个非图片文件（仅支持 JPG、PNG、WebP）');
    await expectVisibleText(page, '#report-photos', '1/9');
    await expectUploadsDone(page);
    await expect(visible(page, '#report-photo-0 img').count()).resolves.toBe(1);

    // Ten more photos where eight fit: eight are added, the limit and the two left out are named.
    const more = Array.from({ length: 10 }, (_, i) => ({ name: `photo-${i + 1}.png`, mimeType: 'image/png', buffer: png(24 + i, 24) }));
    await attachFiles(page, more);
    await expectVisibleText(page, '#report-photo-notice', '最多9张照片，已忽略2张');
    await visible(page, '#report-photo-8').waitFor();
    expect(await visible(page, '#report-photos [id^="report-photo-"] img').count()).toBe(9);
    expect(await visible(page, '#report-photo-9').count()).toBe(0);
    expect(await visible(page, '#report-photo-add').count()).toBe(0);
    await expectUploadsDone(page);
    expect(await visible(page, '#report-photos .photo-picker__state').count()).toBe(0);

    // Nothing typed was lost, and the report goes out with its nine photos.
    await expect(titleInput(page).inputValue()).resolves.toBe(title);
    await expect(descriptionInput(page).inputValue()).resolves.toBe(description);
    await expect(addressInput(page).inputValue()).resolves.toBe(address);
    await submitAndOpenCase(page);
    await expectCaseStatus(page, '已提交');
    await expectVisibleText(page, '.card', '图片（9）');
    expect(await visible(page, '#case-photos [id^="case-photo-"]').count()).toBe(9);
  });

  it("a report is listed in 我的上报 with its status, and the officer's internal note stays internal", async () => {
    const title = uniqueTitle('单元门禁坏了');
    const description = '2号楼1单元门禁坏了好几天，陌生人可以随意进出。';
    const address = '胜利社区2号楼1单元';

    const resident = await browser.open('resident1');
    await signInWithDemoSwitcher(resident.page, 'resident1');
    await openReportForm(resident.page);
    await chooseHazard(resident.page);
    await fillReport(resident.page, { title, description, address });
    const caseId = await submitAndOpenCase(resident.page);
    await expectCaseStatus(resident.page, '已提交');
    await expectInMyCases(resident.page, caseId, title, '已提交');
    await expectVisibleText(resident.page, `#my-case-${caseId}`, '安全隐患');

    const officer = await browser.open('officer1');
    await signInWithDemoSwitcher(officer.page, 'officer1');
    expect(await openFromQueue(officer.page, title)).toBe(caseId);
    await act(officer.page, 'accept', '受理', '已受理');

    const internal = '内部：该单元有两户租户登记信息不全，需核查。';
    const reply = '已通知物业今天维修门禁。';
    await visible(officer.page, '#case-note textarea').fill(internal);
    // Notes are internal unless the officer says otherwise.
    await expectAriaLabel(officer.page, '#case-note-internal', '已开启');
    await expectVisibleText(officer.page, '#case-note-card', '上报人看不到这条记录');
    await visible(officer.page, '#case-note-submit').click();
    const internalEvent = visible(officer.page, '#case-timeline [id^="timeline-"]', internal);
    await internalEvent.first().waitFor();
    await expectVisibleText(officer.page, `#${(await internalEvent.first().getAttribute('id')) ?? ''}`, '仅内部');

    await officer.page.waitForFunction(
      () => Array.from(document.querySelectorAll<HTMLTextAreaElement>('#case-note textarea')).every((el) => el.value === ''),
      null,
      { timeout: 15_000 },
    );
    await visible(officer.page, '#case-note textarea').fill(reply);
    await visible(officer.page, '#case-note-internal').click();
    await expectAriaLabel(officer.page, '#case-note-internal', '已关闭');
    await expectVisibleText(officer.page, '#case-note-card', '上报人可以看到这条记录');
    await visible(officer.page, '#case-note-submit').click();
    await expectVisibleText(officer.page, '#case-timeline', reply);

    // The resident's list shows the new status; the case page has the reply but not the internal note.
    await expectInMyCases(resident.page, caseId, title, '已受理');
    await visible(resident.page, `#my-case-${caseId}`).click();
    await expectPath(resident.page, CASE);
    await expectCaseStatus(resident.page, '已受理');
    await expectVisibleText(resident.page, '#case-timeline', reply);
    const shown = await visible(resident.page, '#case-timeline').innerText();
    expect(shown).not.toContain(internal);
    expect(shown).not.toContain('内部备注');
    expect(shown).not.toContain('仅内部');
    expect(await resident.page.locator('body').innerText()).not.toContain('租户登记');
  });
});

/**
 * What a person does in the h5 build, in the words of the app's test hooks
 * (ids from apps/miniprogram/README.md, "Test hooks") and its visible Chinese text.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { baseUrl } from './paths';

export const ROUTES = {
  home: '/pages/home/index',
  mine: '/pages/mine/index',
  workbench: '/pages/workbench/index',
  join: '/pages/join/index',
  login: '/pages/login/index',
  officerCommunity: '/packageOfficer/community/index',
  report: '/pages/report/index',
  case: '/pages/case/index',
  /** Staff (who may read cases) see a report here, with the handling tools; pages/case sends them on. */
  officerCase: '/packageOfficer/case/index',
  notifications: '/pages/notifications/index',
  officerQueue: '/packageOfficer/queue/index',
  unsealLog: '/packageOfficer/unseal-log/index',
  supervision: '/packageOfficer/supervision/index',
  offlineRooms: '/packageMediation/offline-rooms/index',
  refer: '/packageReferral/refer/index',
  referralTargets: '/packageReferral/targets/index',
  deadLetters: '/packageReferral/dead-letters/index',
  governanceDigest: '/packageReferral/digest/index',
  guideEdit: '/packageReferral/guide-edit/index',
  guide: '/pages/guide/index',
  matter: '/pages/matter/index',
  referralInbox: '/packageReferral/inbox/index',
  figures: '/packageFigures/figures/index',
  figureRecords: '/packageFigures/records/index',
  inspection: '/packageInspection/list/index',
  inspectionCase: '/packageInspection/case/index',
  inquiries: '/packageInspection/inquiries/index',
  reviews: '/packageReview/reviews/index',
  reviewPacket: '/packageReview/packet/index',
  reviewRecord: '/packageReview/record/index',
  review: '/packageReview/review/index',
  followUps: '/packageReview/follow-ups/index',
} as const;

const WAIT_MS = 15_000;

/** Taro h5 keeps visited pages in the DOM (hidden), so ids may repeat: only the visible one counts. */
export function visible(page: Page, selector: string, text?: string): Locator {
  const all = page.locator(selector);
  return (text === undefined ? all : all.filter({ hasText: text })).filter({ visible: true });
}

/** Waits until an element matching `selector` is visible and shows `text`; says what it showed instead. */
export async function expectVisibleText(page: Page, selector: string, text: string, timeout = WAIT_MS): Promise<void> {
  try {
    await visible(page, selector, text).first().waitFor({ state: 'visible', timeout });
  } catch {
    const shown = await page
      .locator(selector)
      .evaluateAll((els) => els.map((el) => `${(el as HTMLElement).offsetParent === null ? '(hidden) ' : ''}${(el.textContent ?? '').trim()}`))
      .catch(() => [] as string[]);
    throw new Error(`expected ${selector} to show “${text}” within ${timeout} ms on ${page.url()}; found: ${JSON.stringify(shown)}`);
  }
}

export async function expectPath(page: Page, path: string): Promise<void> {
  await page.waitForURL((url) => url.pathname === path, { timeout: WAIT_MS });
}

/** Opens a page of the app by URL (a deep link; the server falls back to index.html). */
export async function openPath(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl()}${path}`);
}

/** The first screen of 首页, whatever the person's state. */
export async function waitForHome(page: Page): Promise<void> {
  await expectPath(page, ROUTES.home);
  await visible(page, '#officer-card, #join-prompt, #join-pending, #staff-card').first().waitFor();
}

/** h5 role switcher: open the login page, pick a demo account, land on 首页. */
export async function signInWithDemoSwitcher(page: Page, username: string): Promise<void> {
  await openPath(page, ROUTES.login);
  await expectVisibleText(page, '#demo-login', '选择演示账号');
  await visible(page, `#demo-user-${username}`).click();
  await waitForHome(page);
}

export interface WechatUser {
  openid: string;
  nickname: string;
}

let wechatUsers = 0;

/**
 * A first-time WeChat user (a resident in no community). The h5 build has no wx.login, so this
 * does what the mini program does silently at launch — `POST /api/auth/wechat` with a code the
 * fake WeChat server accepts (`demo:<openid>`) — and stores the session where the app keeps it
 * (Taro storage key `jws.auth` = localStorage `{"data": …}`) before the app loads.
 */
export async function signInAsNewWechatUser(context: BrowserContext): Promise<WechatUser> {
  wechatUsers += 1;
  const openid = `e2e-${process.pid}-${Date.now().toString(36)}-${wechatUsers}`;
  const res = await fetch(`${baseUrl()}/api/auth/wechat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: `demo:${openid}` }),
  });
  if (res.status !== 200) throw new Error(`WeChat sign-in for ${openid} failed: HTTP ${res.status} ${await res.text()}`);
  const login = (await res.json()) as { accessToken: string; refreshToken: string; user: { nickname: string } };
  const stored = JSON.stringify({ data: { accessToken: login.accessToken, refreshToken: login.refreshToken, user: login.user } });
  await context.addInitScript(
    ({ key, value }) => {
      if (window.localStorage.getItem(key) === null) window.localStorage.setItem(key, value);
    },
    { key: 'jws.auth', value: stored },
  );
  return { openid, nickname: login.user.nickname };
}

/** The numeric suffix of an element id like `pending-42` (ids carry database ids). */
export async function idNumber(locator: Locator, prefix: string): Promise<number> {
  const id = (await locator.getAttribute('id')) ?? '';
  const match = new RegExp(`^${prefix}(\\d+)$`).exec(id);
  if (!match) throw new Error(`expected an id like ${prefix}<number>, got “${id}”`);
  return Number(match[1]);
}

/** 工作台 → the row of one community → its officer page. */
export async function openWorkbenchCommunity(page: Page, communityName: string, opts: { listSelector?: string } = {}): Promise<number> {
  // Leaders above a station search their drill-down instead (the list is already showing).
  if (!opts.listSelector) {
    await visible(page, '#tab-workbench').click();
    await expectPath(page, ROUTES.workbench);
  }
  const row = visible(page, `${opts.listSelector ?? '#community-list'} [id^="community-"]`, communityName).first();
  await row.waitFor();
  const communityId = await idNumber(row, 'community-');
  await row.click();
  await expectPath(page, ROUTES.officerCommunity);
  await expectVisibleText(page, '#community-title', communityName);
  await visible(page, '#member-list').waitFor();
  return communityId;
}

/** Types an invite code on the join page and submits it. */
export async function submitInviteCode(page: Page, code: string): Promise<void> {
  await expectPath(page, ROUTES.join);
  const input = visible(page, '#join-code-input input');
  await input.fill(code);
  await visible(page, '#join-submit').click();
}

/** The report id of the case page showing (`/pages/case/index?id=<id>`, or staff's `casePath`). */
export async function openedCaseId(page: Page, casePath: string = ROUTES.case): Promise<number> {
  await expectPath(page, casePath);
  const id = Number(new URL(page.url()).searchParams.get('id'));
  if (!Number.isInteger(id) || id <= 0) throw new Error(`expected a case page with ?id=<number>, got ${page.url()}`);
  await visible(page, '#case-number').waitFor();
  return id;
}

/*
 * Taro's h5 Picker: tapping the field opens a popup (one overlay per Picker, appended to <body>,
 * hidden while closed) with a column per part (年/月/日, or hour/minute) and 取消 / 确定. A column is a
 * list of 34px rows moved by translate3d; the selected row sits 102px below the column's top. The
 * column follows mouse drags, so a test drags each column to the row it wants and presses 确定.
 */
const PICKER_ROW_PX = 34;
const PICKER_SELECTED_TOP_PX = 102;
/** Rows per drag: the column is 7 rows high, so a 3-row drag from its middle stays inside it. */
const PICKER_ROWS_PER_DRAG = 3;

/** The sliding panel of the open popup (the overlay element itself has no size, so it never counts as visible). */
function openPicker(page: Page): Locator {
  return page.locator('.weui-picker').filter({ visible: true });
}

async function selectedRow(column: Locator): Promise<number> {
  const transform = await column.locator('.weui-picker__content').evaluate((el) => (el as HTMLElement).style.transform);
  const y = Number(/translate3d\([^,]+,\s*(-?[\d.]+)px/.exec(transform)?.[1]);
  if (Number.isNaN(y)) throw new Error(`picker column without a position: “${transform}”`);
  return Math.round((PICKER_SELECTED_TOP_PX - y) / PICKER_ROW_PX);
}

/** Drags one column until the row showing `text` is selected (time columns repeat rows at both ends: the nearest one). */
async function dragColumnTo(page: Page, column: Locator, text: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const rows = await column.locator('.weui-picker__item').allTextContents();
    const current = await selectedRow(column);
    const matches = rows.flatMap((row, i) => (row.trim() === text ? [i] : []));
    if (matches.length === 0) throw new Error(`picker column has no row “${text}”; rows: ${JSON.stringify(rows)}`);
    const target = matches.reduce((best, i) => (Math.abs(i - current) < Math.abs(best - current) ? i : best));
    if (target === current) return;
    const step = Math.max(-PICKER_ROWS_PER_DRAG, Math.min(PICKER_ROWS_PER_DRAG, target - current));
    const box = await column.boundingBox();
    if (!box) throw new Error('picker column is not on screen');
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - step * PICKER_ROW_PX, { steps: 6 });
    await page.mouse.up();
    // The column redraws on the next frame: wait until it has moved before looking again.
    const deadline = Date.now() + 2000;
    while ((await selectedRow(column)) === current && Date.now() < deadline) await page.waitForTimeout(50);
  }
  throw new Error(`picker column did not reach “${text}”`);
}

async function choosePicker(page: Page, fieldSelector: string, columns: string[]): Promise<void> {
  await visible(page, fieldSelector).click();
  const popup = openPicker(page);
  await popup.waitFor();
  const groups = popup.locator('.weui-picker__group');
  for (const [index, text] of columns.entries()) await dragColumnTo(page, groups.nth(index), text);
  await popup.locator('.weui-picker__action', { hasText: '确定' }).click();
  await popup.waitFor({ state: 'hidden' });
}

/** Picks `2026-12-04` in a Taro date Picker opened by tapping `fieldSelector`. */
export async function pickDate(page: Page, fieldSelector: string, date: string): Promise<void> {
  const [year, month, day] = date.split('-');
  await choosePicker(page, fieldSelector, [`${year}年`, `${month}月`, `${day}日`]);
}

/** Picks `10:00` in a Taro time Picker opened by tapping `fieldSelector`. */
export async function pickTime(page: Page, fieldSelector: string, clock: string): Promise<void> {
  await choosePicker(page, fieldSelector, clock.split(':'));
}

/** Presses the confirm button of the Taro h5 modal (Taro.showModal) showing `title` (its box is `.taro-modal__content`). */
export async function confirmModal(page: Page, title: string, confirmText: string): Promise<void> {
  const modal = visible(page, '.taro-modal__content', title);
  await modal.waitFor();
  await modal.locator('.taro-model__confirm', { hasText: confirmText }).click();
  await modal.waitFor({ state: 'hidden' });
}

/**
 * A signed-in API call as a demo account (test set-up that is not what the test is about). Writes
 * carry a fresh Idempotency-Key unless `headers` give one.
 */
export async function apiAs<T>(username: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const login = await fetch(`${baseUrl()}/api/auth/dev-login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}`, 'idempotency-key': `e2e-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} as ${username}: HTTP ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/**
 * Lets `minutes` of a case's time pass through the demo clock (`POST /api/demo/cases/:id/elapse`,
 * demo mode only): its open deadlines move earlier and the service's deadline scheduler escalates
 * it step by step, so it is overdue (and 督办/催办) now.
 */
export async function elapseCaseTime(caseId: number, minutes: number): Promise<void> {
  await apiAs('officer1', 'POST', `/api/demo/cases/${caseId}/elapse`, { minutes });
}

/**
 * A neighbour dispute resident1 reports, after which 3 h 30 min of its time pass: the first response
 * (30 minutes) is 3 hours late and escalated up to 分局催办. Answers the case id.
 */
export async function overdueDispute(title: string, description: string): Promise<number> {
  const created = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', {
    kind: 'dispute', subcategory: 'neighbour', title, description, contactPreference: 'in_app', anonymity: 'none',
  });
  await elapseCaseTime(created.id, 210);
  return created.id;
}

/** resident1 reports (title with a per-run suffix) and officer1 accepts: a report ready to be referred. */
export async function acceptedReport(titleStart: string, kind: string, subcategory: string, description: string): Promise<{ id: number; title: string }> {
  const title = `${titleStart}${Date.now().toString(36)}`;
  const created = await apiAs<{ id: number }>('resident1', 'POST', '/api/cases', { kind, subcategory, title, description, contactPreference: 'in_app', anonymity: 'none' });
  await apiAs('officer1', 'POST', `/api/cases/${created.id}/actions`, { action: 'accept' });
  return { id: created.id, title };
}

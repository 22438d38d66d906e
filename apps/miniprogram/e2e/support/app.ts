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
  notifications: '/pages/notifications/index',
  officerQueue: '/packageOfficer/queue/index',
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

/** h5 role switcher: open the app without a session, get sent to the login page, pick a demo account. */
export async function signInWithDemoSwitcher(page: Page, username: string): Promise<void> {
  await openPath(page, '/');
  await expectPath(page, ROUTES.login);
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
export async function openWorkbenchCommunity(page: Page, communityName: string): Promise<number> {
  await visible(page, '#tab-workbench').click();
  await expectPath(page, ROUTES.workbench);
  const row = visible(page, '#community-list [id^="community-"]', communityName).first();
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

/** The report id of the case page showing (`/pages/case/index?id=<id>`). */
export async function openedCaseId(page: Page): Promise<number> {
  await expectPath(page, ROUTES.case);
  const id = Number(new URL(page.url()).searchParams.get('id'));
  if (!Number.isInteger(id) || id <= 0) throw new Error(`expected a case page with ?id=<number>, got ${page.url()}`);
  await visible(page, '#case-number').waitFor();
  return id;
}

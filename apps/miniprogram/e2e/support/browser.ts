/**
 * Headless Chromium for a test file: one browser per file, a new context (a new phone) per person
 * in a test. After each test every page is saved as a screenshot (also when the test failed) and
 * the test fails if a page threw an uncaught error or logged an unexpected console error. Every
 * page a person opens is also screenshotted and scanned with axe-core once per role in the file
 * (support/page-checks.ts): a serious or critical accessibility violation fails the test.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './paths';
import { checkPage, pagePathOf, roleOf } from './page-checks';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Console errors that are expected: Chromium logs every HTTP error answer, e.g. the 400 of a
 * deliberately wrong invite code. The page itself shows the server's message; tests assert that.
 */
const EXPECTED_CONSOLE_ERRORS = [/Failed to load resource/];

export interface Person {
  label: string;
  context: BrowserContext;
  page: Page;
}

interface Tracked extends Person {
  problems: string[];
  /** The page checks running or waiting for this person (awaited after the test). */
  checks: Promise<void>;
  settleTimer?: ReturnType<typeof setTimeout>;
}

/** How long a page must stay put after a navigation before it is checked (its data loads meanwhile). */
const SETTLE_MS = 1200;

/** jest's currentTestName ("<describe> <test>") → a file name: lower-case words joined by '-'. */
function fileName(testName: string): string {
  return (
    testName
      .toLowerCase()
      .replace(/[^a-z0-9\u4e00-\u9fff]+/g, '-')
      .slice(0, 120)
      .replace(/^-+|-+$/g, '') || 'unnamed-test'
  );
}

export interface BrowserHandle {
  /** A new browser context (a separate phone, with its own storage) and its page. */
  open(label?: string): Promise<Person>;
}

/** Registers the browser hooks of a test file (call at the top level of the file). */
export function useBrowser(): BrowserHandle {
  let browser: Browser | undefined;
  let people: Tracked[] = [];
  /** `<page>|<role>` already checked in this file. */
  const checked = new Set<string>();

  /** Screenshot and axe scan of the person's page, if this page was not checked for this role yet. */
  function queueCheck(person: Tracked): Promise<void> {
    person.checks = person.checks.then(async () => {
      if (person.page.isClosed()) return;
      const role = await roleOf(person.page);
      const key = `${pagePathOf(person.page)}|${role}`;
      if (checked.has(key)) return;
      checked.add(key);
      const found = await checkPage(person.page, role).catch((e: unknown) => [`page check of ${key} could not run: ${String(e)}`]);
      if (found === null) {
        checked.delete(key);
        return;
      }
      // A scan cut short by the test closing the page or moving on is not the page's fault. Every
      // violation is recorded (artifacts/e2e/axe-pages.jsonl, summed up after the run) and fails
      // the test that opened the page (docs/accessibility.md).
      person.problems.push(...found.filter((p) => !/could not run: .*(closed|destroyed|navigat)/i.test(p)));
    });
    return person.checks;
  }

  beforeAll(async () => {
    const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS }).catch((e: unknown) => {
      throw new Error(`e2e: cannot launch Chromium at ${executablePath} (set CHROMIUM_PATH): ${String(e)}`);
    });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  }, 60_000);

  afterEach(async () => {
    const name = fileName(expect.getState().currentTestName ?? '');
    const problems: string[] = [];
    for (const person of people) {
      clearTimeout(person.settleTimer);
      await person.checks;
      await queueCheck(person);
    }
    for (const [index, person] of people.entries()) {
      const file = index === 0 ? `${name}.png` : `${name}--${person.label}.png`;
      await person.page.screenshot({ path: join(ARTIFACTS_DIR, file), fullPage: true, timeout: 10_000 }).catch(() => undefined);
      problems.push(...person.problems.map((p) => `[${person.label}] ${p}`));
      await person.context.close().catch(() => undefined);
    }
    people = [];
    if (problems.length) throw new Error(`unexpected errors in the page:\n${problems.join('\n')}`);
    // Page checks still running are awaited here: an axe scan takes a few seconds on a busy machine.
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open(label = 'main') {
      if (!browser) throw new Error('useBrowser: the browser is not running (call open() inside a test)');
      const context = await browser.newContext({
        viewport: { width: 375, height: 812 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        locale: 'zh-CN',
      });
      context.setDefaultTimeout(15_000);
      context.setDefaultNavigationTimeout(20_000);
      const page = await context.newPage();
      const person: Tracked = { label, context, page, problems: [], checks: Promise.resolve() };
      page.on('framenavigated', (frame) => {
        if (frame !== page.mainFrame()) return;
        clearTimeout(person.settleTimer);
        person.settleTimer = setTimeout(() => void queueCheck(person), SETTLE_MS);
      });
      page.on('pageerror', (err) => person.problems.push(`page error: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error' && !EXPECTED_CONSOLE_ERRORS.some((re) => re.test(msg.text()))) {
          person.problems.push(`console error: ${msg.text()}`);
        }
      });
      people.push(person);
      return person;
    },
  };
}

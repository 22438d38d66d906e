/**
 * What every page a browser test visits goes through, once per page and role in a test file: a
 * 375 × 812 screenshot (`artifacts/e2e/pages/<page>--<role>.png`) and an axe-core scan. A serious
 * or critical axe violation (colour contrast included) fails the test that visited the page; every
 * scan is recorded in `artifacts/e2e/axe-pages.jsonl`, which the global teardown sums up as the
 * page × role count the suite covers.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './paths';

export const PAGES_DIR = join(ARTIFACTS_DIR, 'pages');
export const AXE_RECORD = join(ARTIFACTS_DIR, 'axe-pages.jsonl');

/** Impacts that fail a test. */
const FAILING_IMPACTS = new Set(['serious', 'critical']);

export interface PageCheckRecord {
  page: string;
  role: string;
  violations: number;
  rules: string[];
}

/** Who is using the page: the role of the session the app keeps (Taro storage `jws.auth`), or 访客. */
export async function roleOf(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      try {
        const raw = window.localStorage.getItem('jws.auth');
        const role = raw ? (JSON.parse(raw) as { data?: { user?: { role?: string } } }).data?.user?.role : undefined;
        return role ?? 'visitor';
      } catch {
        return 'visitor';
      }
    })
    .catch(() => 'visitor');
}

/** The app page showing (its path, without the query: one page whatever record it shows). */
export function pagePathOf(page: Page): string {
  try {
    return new URL(page.url()).pathname;
  } catch {
    return page.url();
  }
}

const slug = (path: string): string => path.replace(/^\/+/, '').replace(/\/index$/, '').replace(/[^a-z0-9-]+/gi, '-') || 'root';

/**
 * Screenshot and axe scan of the page showing now. Returns the serious and critical violations as
 * readable lines (empty when the page passes), or null when the test moved to another page during
 * the scan (what was scanned is then not one page: the caller checks again later).
 */
export async function checkPage(page: Page, role: string): Promise<string[] | null> {
  const path = pagePathOf(page);
  mkdirSync(PAGES_DIR, { recursive: true });
  await page.screenshot({ path: join(PAGES_DIR, `${slug(path)}--${role}.png`), timeout: 10_000 }).catch(() => undefined);
  // Taro's own h5 toast and modal (`.taro__toast`, `.taro__modal`, made by @tarojs/taro-h5, not by our
  // pages) fade in and out through opacity, and a scan taken mid-fade reads their text on a
  // half-transparent box; they are left out of the scan (docs/accessibility.md).
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).exclude('.taro__toast').exclude('.taro__modal').analyze();
  if (pagePathOf(page) !== path || (await roleOf(page)) !== role) return null;
  const failing = result.violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  const record: PageCheckRecord = { page: path, role, violations: failing.length, rules: failing.map((v) => v.id) };
  appendFileSync(AXE_RECORD, `${JSON.stringify(record)}\n`);
  return failing.map((v) => {
    const where = v.nodes
      .slice(0, 3)
      .map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ').slice(0, 160)})` : ''}`)
      .join('; ');
    return `axe ${v.impact} ${v.id} on ${path} as ${role}: ${v.help} — ${where}${v.nodes.length > 3 ? ` … and ${v.nodes.length - 3} more` : ''}`;
  });
}

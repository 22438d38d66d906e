import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentEnvironment, stopAll } from './global-setup';
import { AXE_RECORD, type PageCheckRecord } from './page-checks';
import { ARTIFACTS_DIR } from './paths';

/** The page × role pairs the run scanned with axe-core, written to artifacts/e2e/axe-summary.json and printed. */
function summariseAxe(): void {
  if (!existsSync(AXE_RECORD)) return;
  const records = readFileSync(AXE_RECORD, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as PageCheckRecord);
  const pairs = new Map<string, PageCheckRecord>();
  for (const r of records) {
    const key = `${r.page} × ${r.role}`;
    const seen = pairs.get(key);
    if (!seen || r.violations > seen.violations) pairs.set(key, r);
  }
  const pages = new Set(records.map((r) => r.page));
  const roles = new Set(records.map((r) => r.role));
  const failing = [...pairs.entries()].filter(([, r]) => r.violations > 0).map(([key, r]) => `${key}: ${r.rules.join(', ')}`);
  const summary = { pageRolePairs: pairs.size, pages: pages.size, roles: [...roles].sort(), scans: records.length, failing, covered: [...pairs.keys()].sort() };
  writeFileSync(join(ARTIFACTS_DIR, 'axe-summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  process.stdout.write(`\naxe-core: ${pairs.size} page × role pairs (${pages.size} pages, ${roles.size} roles), ${failing.length} with serious/critical violations\n`);
}

/** Stops the service and the fake WeChat server and drops the test database. */
export default async function globalTeardown(): Promise<void> {
  summariseAxe();
  await stopAll(currentEnvironment());
}

// `pnpm test`: every test tier, in order, stopping at the first red one.
//   lint     ESLint and tsc --noEmit on every package
//   unit     contracts, wechat client (against the fake WeChat server), server units, mini program units
//   service  the service on real MariaDB/MySQL, one fresh database per test file
//   weapp    the WeChat build, failing if a package is over budget
//   e2e      the h5 build in headless Chromium against the real service on MariaDB
// Needs MariaDB/MySQL at TEST_DATABASE_URL (default mysql://root@127.0.0.1:3306) and
// Chromium at CHROMIUM_PATH (default /usr/bin/chromium).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mustRun, ROOT } from './lib.mjs';

const out = join(ROOT, 'artifacts/test-results');
mkdirSync(out, { recursive: true });
const jest = (file) => ['--ci', '--json', `--outputFile=${join(out, file)}`];
const timings = {};

timings.build = await mustRun('build shared packages and the service', 'pnpm', [
  '--filter', '@jws/contracts', '--filter', '@jws/wechat', '--filter', '@jws/server', 'run', 'build',
]);
timings.lint = await mustRun('lint: ESLint and TypeScript (strict) everywhere', 'pnpm', ['lint']);
timings.unit = await mustRun('unit: contracts', 'pnpm', ['--filter', '@jws/contracts', 'exec', 'jest', ...jest('unit-contracts.json')]);
timings.unit += await mustRun('unit: wechat client and fake', 'pnpm', ['--filter', '@jws/wechat', 'exec', 'jest', ...jest('unit-wechat.json')]);
timings.unit += await mustRun('unit: server', 'pnpm', ['--filter', '@jws/server', 'exec', 'jest', '--selectProjects', 'server:unit', ...jest('unit-server.json')]);
if (existsSync(join(ROOT, 'apps/miniprogram/jest.config.js'))) {
  timings.unit += await mustRun('unit: mini program', 'pnpm', ['--filter', '@jws/miniprogram', 'exec', 'jest', ...jest('unit-miniprogram.json')]);
}
timings.service = await mustRun('service: server on MariaDB', 'pnpm', [
  '--filter', '@jws/server', 'exec', 'jest', '--selectProjects', 'server:service', ...jest('service-server.json'),
]);
timings.weapp = await mustRun('weapp: build', 'pnpm', ['--filter', '@jws/miniprogram', 'run', 'build:weapp']);
timings.weapp += await mustRun('weapp: package size budget', 'pnpm', ['--filter', '@jws/miniprogram', 'run', 'check:size']);
timings.e2e = await mustRun('e2e: h5 build', 'pnpm', ['--filter', '@jws/miniprogram', 'run', 'build:h5']);
timings.e2e += await mustRun('e2e: browser (chromium) against the service on MariaDB', 'pnpm', [
  '--filter', '@jws/miniprogram', 'run', 'e2e', ...jest('e2e.json'),
]);

const tiers = { unit: 0, service: 0, e2e: 0 };
for (const file of ['unit-contracts', 'unit-wechat', 'unit-server', 'unit-miniprogram', 'service-server', 'e2e']) {
  const path = join(out, `${file}.json`);
  if (!existsSync(path)) continue;
  const result = JSON.parse(readFileSync(path, 'utf8'));
  tiers[file.split('-')[0]] += result.numPassedTests;
}
console.log('\n== all tests passed ==');
console.log(`unit:    ${tiers.unit} tests (${timings.unit.toFixed(0)}s)`);
console.log(`service: ${tiers.service} tests on MariaDB (${timings.service.toFixed(0)}s)`);
console.log(`weapp:   built and within budget (${timings.weapp.toFixed(0)}s)`);
console.log(`e2e:     ${tiers.e2e} browser tests (${timings.e2e.toFixed(0)}s)`);
console.log(`results: ${out}`);

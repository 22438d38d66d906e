import { resolve } from 'node:path';

/** Repository root (this file is apps/miniprogram/e2e/support/paths.ts). */
export const REPO_ROOT = resolve(__dirname, '../../../..');
export const SERVER_MAIN = resolve(REPO_ROOT, 'apps/server/dist/main.js');
export const H5_DIR = resolve(REPO_ROOT, 'apps/miniprogram/dist/h5');
/** Screenshots (<test name>.png) and the service log of the last run. */
export const ARTIFACTS_DIR = resolve(REPO_ROOT, 'artifacts/e2e');

/** Set by global-setup for the test files: origin of the service (API at /api, h5 at /). */
export const BASE_URL_ENV = 'JWS_E2E_BASE_URL';

/** Set by global-setup: the fake WeChat server the service talks to (its /__fake control API injects failures). */
export const FAKE_WECHAT_URL_ENV = 'JWS_E2E_FAKE_WECHAT_URL';

export function fakeWechatUrl(): string {
  const url = process.env[FAKE_WECHAT_URL_ENV];
  if (!url) throw new Error(`${FAKE_WECHAT_URL_ENV} is not set: run the e2e tests with \`pnpm --filter @jws/miniprogram run e2e\``);
  return url;
}

export function baseUrl(): string {
  const url = process.env[BASE_URL_ENV];
  if (!url) throw new Error(`${BASE_URL_ENV} is not set: run the e2e tests with \`pnpm --filter @jws/miniprogram run e2e\` (jest -c e2e/jest.config.js)`);
  return url;
}

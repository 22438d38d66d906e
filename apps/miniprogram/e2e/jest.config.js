// Browser end-to-end tier: the h5 build in headless Chromium against the real service
// (node apps/server/dist/main.js) on a fresh MariaDB database and the fake WeChat server.
// Builds nothing: run `pnpm --filter @jws/server build` and `pnpm --filter @jws/miniprogram build:h5` first.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'miniprogram:e2e',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['<rootDir>/**/*.e2e.ts'],
  globalSetup: '<rootDir>/support/global-setup.ts',
  globalTeardown: '<rootDir>/support/global-teardown.ts',
  // One service, one database: test files run one after another in this process.
  maxWorkers: 1,
  testTimeout: 60_000,
};

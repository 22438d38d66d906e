// Unit tier of the mini program: pure functions beside the code (src/**/*.spec.ts), in node.
// Pages and components are covered by the browser tier (e2e/).
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'miniprogram:unit',
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The app compiles contracts from source (see tsconfig.json paths); so do its tests.
  moduleNameMapper: { '^@jws/contracts$': '<rootDir>/../../packages/contracts/src/index.ts' },
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
};

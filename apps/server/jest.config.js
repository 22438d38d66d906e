const preset = require('../../config/jest.preset.js');

/** Two tiers: fast unit tests beside the code, and service tests against a real MariaDB/MySQL. */
module.exports = {
  // Global on purpose: jest ignores testTimeout inside a project entry.
  testTimeout: 60_000,
  projects: [
    { ...preset, displayName: 'server:unit', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...preset,
      displayName: 'server:service',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.service-spec.ts'],
    },
  ],
};

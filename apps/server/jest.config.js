const preset = require('../../config/jest.preset.js');

/** Two tiers: fast unit tests beside the code, and service tests against a real MariaDB/MySQL. */
module.exports = {
  projects: [
    { ...preset, displayName: 'server:unit', rootDir: __dirname, testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...preset,
      displayName: 'server:service',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.service-spec.ts'],
      testTimeout: 60_000,
    },
  ],
};

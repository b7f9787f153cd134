/** Shared by both projects. */
const base = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest'] },
  // Dots escaped: an unescaped `.tmp` would also match `/tmp/` and hide every test.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/\\.tmp/', '/dist/'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/\\.tmp/'],
};

/** @type {import('jest').Config} */
module.exports = {
  maxWorkers: 2,
  // Integration files boot a real Strapi (~3 s on SQLite, longer on PostgreSQL).
  testTimeout: 120000,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/src/**/__tests__/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      // Compiles the app into dist/ once; each test file then boots its own Strapi on its own database.
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
    },
    {
      ...base,
      displayName: 'security',
      // Probes a production server (`strapi start`) from outside; `npm run test:security` runs it on both databases.
      testMatch: ['<rootDir>/tests/security/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
    },
    {
      ...base,
      displayName: 'cluster',
      // Three production processes on one PostgreSQL database behind Varnish: `npm run test:cluster`.
      testMatch: ['<rootDir>/tests/cluster/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
    },
  ],
};

#!/usr/bin/env node
'use strict';
/**
 * `npm run test:security`: the adversarial suite (tests/security) against a production server
 * (`strapi start`) on SQLite, then on PostgreSQL (TEST_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres). Every probe goes to loopback. Each probe family prints
 * `tried / held`; the last line sums both runs: `N passed, N failed`.
 *
 *   npm run test:security                     both databases
 *   npm run test:security -- --db sqlite      one of them
 */
const { spawnSync } = require('node:child_process');

const args = process.argv.slice(2);
const dbIndex = args.indexOf('--db');
const databases = dbIndex >= 0 ? [args[dbIndex + 1]] : ['sqlite', 'postgres'];
const jestArgs = dbIndex >= 0 ? args.filter((_, i) => i !== dbIndex && i !== dbIndex + 1) : args;

let passed = 0;
let failed = 0;
for (const database of databases) {
  console.log(`\n=== security suite on ${database}`);
  const result = spawnSync('npx', ['jest', ...jestArgs, '--selectProjects', 'security'], {
    env: { ...process.env, SECURITY_DATABASE: database },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(result.stdout ?? '');
  const line = (result.stdout ?? '').match(/^(\d+) passed, (\d+) failed$/m);
  if (!line) {
    console.error(`test:security: the ${database} run printed no result line (exit ${result.status})`);
    failed += 1;
    continue;
  }
  passed += Number(line[1]);
  failed += Number(line[2]) + (result.status !== 0 && Number(line[2]) === 0 ? 1 : 0);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

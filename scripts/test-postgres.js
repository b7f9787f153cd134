#!/usr/bin/env node
'use strict';
/**
 * Runs the integration suite on PostgreSQL. Each test file creates its own throw-away database
 * (and drops it afterwards) through TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres.
 * Fails loudly when PostgreSQL cannot be reached: it never skips.
 */
const { spawnSync } = require('node:child_process');
const { Client } = require('pg');

const url = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function main() {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    const { rows } = await client.query('select version()');
    console.log(`PostgreSQL reachable at ${new URL(url).host}: ${rows[0].version.split(',')[0]}`);
  } catch (error) {
    console.error(`test:postgres: cannot reach PostgreSQL at ${url}: ${error.message}`);
    console.error('Start it (e.g. `pg_ctlcluster 15 main start`) or set TEST_DATABASE_URL, then run again.');
    process.exit(1);
  } finally {
    await client.end().catch(() => {});
  }

  // The test paths before --selectProjects: it takes every word after it as a project name.
  const args = ['jest', ...process.argv.slice(2), '--selectProjects', 'integration'];
  const result = spawnSync('npx', args, {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_CLIENT: 'postgres', TEST_DATABASE_URL: url },
  });
  process.exit(result.status ?? 1);
}

main();

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createStrapi, type Core } from '@strapi/strapi';
import { onPostgres, postgresUrl } from './postgres';
import { freshSecrets } from './secrets';

const APP_DIR = path.resolve(__dirname, '..', '..');

/** Which database the integration suite runs on: SQLite unless `npm run test:postgres` says otherwise. */
export const DATABASE_CLIENT = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';


export interface TestApp {
  strapi: Core.Strapi;
  /** The Node HTTP server to hand to supertest (mounted, not listening). */
  server: import('node:http').Server;
  stop(): Promise<void>;
}

/** Points the environment at a new, empty database and returns how to remove it afterwards. */
async function freshDatabase(): Promise<() => Promise<void>> {
  const name = `kabar_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (DATABASE_CLIENT === 'postgres') {
    await onPostgres('postgres', (client) => client.query(`CREATE DATABASE "${name}"`));
    process.env.DATABASE_CLIENT = 'postgres';
    process.env.DATABASE_URL = postgresUrl(name);
    return () => onPostgres('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined);
  }
  const relative = path.join('.tmp', `${name}.db`);
  fs.mkdirSync(path.join(APP_DIR, '.tmp'), { recursive: true });
  process.env.DATABASE_CLIENT = 'sqlite';
  process.env.DATABASE_FILENAME = relative;
  return async () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      fs.rmSync(path.join(APP_DIR, relative + suffix), { force: true });
    }
  };
}

/**
 * Boots a real Strapi (register + bootstrap, HTTP mounted but not listening) on a fresh database.
 * Call once per test file, in `beforeAll`, and `stop()` in `afterAll`.
 */
export async function startStrapi(env: Record<string, string> = {}): Promise<TestApp> {
  Object.assign(process.env, {
    ...freshSecrets(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    // Each test file says what content it needs; the seed test turns this on.
    NEWS_IMPORTER_AUTO_SEED: 'false',
    // No background schedule runs: they would add queries to tests that count them; tests call runDue.
    NEWSROOM_SCHEDULE_INTERVAL: '0',
    BROWSER: 'none',
    ...env,
  });
  const dropDatabase = await freshDatabase();
  const strapi = await createStrapi({
    appDir: APP_DIR,
    distDir: path.join(APP_DIR, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  strapi.server.mount();
  return {
    strapi,
    server: strapi.server.httpServer,
    async stop() {
      await strapi.destroy();
      await dropDatabase();
    },
  };
}

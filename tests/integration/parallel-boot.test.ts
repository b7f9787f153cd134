/**
 * Three Strapi processes (real `node` child processes) booting at once on one fresh database, as two
 * or three replicas of a new deployment do: all must come up, with one schema, one seed, and one
 * of everything boot creates. On PostgreSQL this is the boot lock (src/bootstrap/boot-lock.ts); on
 * SQLite, SQLite's own write lock. Runs on this file's database (SQLite, or PostgreSQL under
 * `npm run test:postgres`).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { onPostgres, postgresUrl } from '../helpers/postgres';
import { runProcess } from '../helpers/processes';
import { freshSecrets } from '../helpers/secrets';
import { SEED_SLUG } from '../helpers/seed';

const ROOT = path.resolve(__dirname, '..', '..');
const ON_POSTGRES = process.env.DATABASE_CLIENT === 'postgres';
const PROCESSES = 3;

/** Boots the compiled app once (register + bootstrap, no HTTP), shuts it down, says so. */
const BOOT_ONCE = `
const path = require('node:path');
const { createStrapi } = require('@strapi/strapi');
const appDir = ${JSON.stringify(ROOT)};
createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false })
  .load()
  .then((strapi) => strapi.destroy())
  .then(() => process.stdout.write('booted\\n'))
  .catch((error) => { process.stderr.write('boot failed: ' + (error && error.message) + '\\n'); process.exit(1); });
`;


/** A fresh database, how to run one query on it, and how to remove it. */
interface TestDatabase {
  env: Record<string, string>;
  rows<T>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

async function freshDatabase(): Promise<TestDatabase> {
  const name = `kabar_boot_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (ON_POSTGRES) {
    await onPostgres('postgres', (client) => client.query(`CREATE DATABASE "${name}"`));
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgresUrl(name) },
      rows: (sql) => onPostgres(name, async (client) => (await client.query(sql)).rows),
      drop: () => onPostgres('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  }
  const relative = path.join('.tmp', `${name}.db`);
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  // better-sqlite3 ships no typings; this is the little of it the test uses.
  type Sqlite = new (file: string, options: { readonly: boolean }) => { prepare(sql: string): { all(): unknown[] }; close(): void };
  const Database = require('better-sqlite3') as Sqlite;
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: relative },
    async rows<T>(sql: string) {
      const db = new Database(path.join(ROOT, relative), { readonly: true });
      try {
        return db.prepare(sql).all() as T[];
      } finally {
        db.close();
      }
    },
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(ROOT, relative + suffix), { force: true });
    },
  };
}

let database: TestDatabase;

beforeAll(async () => {
  database = await freshDatabase();
});

afterAll(async () => {
  await database?.drop();
});

it(`${PROCESSES} processes booting at once on a fresh database all come up, with one schema and one seed`, async () => {
  const env = {
    ...process.env,
    ...freshSecrets(),
    ...database.env,
    STRAPI_TELEMETRY_DISABLED: 'true',
    LOG_LEVEL: 'error',
    NEWS_IMPORTER_AUTO_SEED: 'true',
    BROWSER: 'none',
  };
  const boot = (): Promise<{ status: number | null; stdout: string; stderr: string }> =>
    runProcess(process.execPath, ['-e', BOOT_ONCE], { cwd: ROOT, env });

  const runs = await Promise.all(Array.from({ length: PROCESSES }, boot));
  expect(runs.map((run) => ({ status: run.status, stdout: run.stdout, stderr: run.stderr }))).toEqual(
    Array.from({ length: PROCESSES }, () => ({ status: 0, stdout: 'booted\n', stderr: '' }))
  );

  const count = async (sql: string): Promise<number> => Number((await database.rows<{ n: number | string }>(sql))[0]!.n);
  // One stored schema, and each of Strapi's settings once.
  expect(await count('select count(*) as n from strapi_database_schema')).toBe(1);
  expect(await database.rows('select key from strapi_core_store_settings group by key having count(*) > 1')).toEqual([]);
  // One seed: the supplied article once (its draft and published rows), its desk byline once.
  expect(await database.rows(`select locale, published_at is not null as published from articles order by published`)).toEqual(
    [{ locale: 'id', published: ON_POSTGRES ? false : 0 }, { locale: 'id', published: ON_POSTGRES ? true : 1 }]
  );
  expect(await database.rows(`select slug from articles group by slug`)).toEqual([{ slug: SEED_SLUG }]);
  expect(await count('select count(*) as n from reporters')).toBe(1);
  // What boot creates, once each.
  expect((await database.rows<{ code: string }>('select code from i18n_locale order by code')).map((r) => r.code)).toEqual(['en', 'id']);
  expect((await database.rows<{ type: string }>('select type from up_roles order by type')).map((r) => r.type)).toEqual(['authenticated', 'public']);
  expect((await database.rows<{ code: string }>('select code from admin_roles order by code')).map((r) => r.code)).toEqual([
    'strapi-author',
    'strapi-editor',
    'strapi-super-admin',
  ]);
  expect(
    await database.rows(
      'select p.action, l.role_id from up_permissions p join up_permissions_role_lnk l on l.permission_id = p.id group by p.action, l.role_id having count(*) > 1'
    )
  ).toEqual([]);
});

/**
 * `npm run import` / `npm run seed` as a user runs them: each case spawns the real command, which boots
 * its own Strapi against this file's fresh database (SQLite, or PostgreSQL under `npm run test:postgres`).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onPostgres, postgresUrl } from '../helpers/postgres';
import { runProcess } from '../helpers/processes';
import { freshSecrets } from '../helpers/secrets';
import { SEED_FILE, SEED_SLUG } from '../helpers/seed';
import { spawn } from 'node:child_process';
import { makeTempoPage } from '../../scripts/lib/tempo-pages';

const ROOT = path.resolve(__dirname, '..', '..');
const ENGLISH_FILE = path.join(ROOT, 'tests/fixtures/tempo/en-tempo-2020-01-20-south-korea-confirms-first-coronavirus-case.txt');
const ENGLISH_SLUG = 'south-korea-confirms-first-case-of-new-coronavirus';
const FRAGMENT = 'hanya sepotong paragraf tanpa judul yang jelas, dan tanpa apa pun yang lain di halaman ini.';

const ON_POSTGRES = process.env.DATABASE_CLIENT === 'postgres';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface ArticleRow {
  locale: string;
  published: boolean;
}

/** The database this file's commands write to, and how to read and remove it. */
interface TestDatabase {
  env: Record<string, string>;
  articleRows(slug: string): Promise<ArticleRow[]>;
  /** How many article rows (drafts and published versions) are committed. */
  articleCount(): Promise<number>;
  drop(): Promise<void>;
}


const ARTICLE_ROWS_SQL = 'SELECT locale, published_at FROM articles WHERE slug = $1 ORDER BY locale, published_at IS NOT NULL';

async function freshDatabase(): Promise<TestDatabase> {
  const name = `kabar_import_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (ON_POSTGRES) {
    await onPostgres('postgres', (client) => client.query(`CREATE DATABASE "${name}"`));
    return {
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgresUrl(name) },
      articleRows: (slug) =>
        onPostgres(name, async (client) => {
          const { rows } = await client.query<{ locale: string; published_at: Date | null }>(ARTICLE_ROWS_SQL, [slug]);
          return rows.map((row) => ({ locale: row.locale, published: row.published_at !== null }));
        }),
      articleCount: () => onPostgres(name, async (client) => Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM articles')).rows[0]!.n)),
      drop: () => onPostgres('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  }
  const relative = path.join('.tmp', `${name}.db`);
  fs.mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  // better-sqlite3 ships no typings; this is the little of it the test uses.
  type Sqlite = new (file: string, options: { readonly: boolean }) => {
    prepare(sql: string): { all(...params: unknown[]): Array<{ locale: string; published_at: number | null }>; get(): { n: number } };
    close(): void;
  };
  const Database = require('better-sqlite3') as Sqlite;
  return {
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: relative },
    async articleRows(slug) {
      const db = new Database(path.join(ROOT, relative), { readonly: true });
      try {
        return db
          .prepare(ARTICLE_ROWS_SQL.replace('$1', '?'))
          .all(slug)
          .map((row) => ({ locale: row.locale, published: row.published_at !== null }));
      } finally {
        db.close();
      }
    },
    async articleCount() {
      const db = new Database(path.join(ROOT, relative), { readonly: true });
      try {
        return db.prepare('SELECT count(*) AS n FROM articles').get().n;
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
let childEnv: NodeJS.ProcessEnv;
let pagesDir: string;

/** Runs `npm run --silent import -- ...args` (or another script) the way a user does, on this file's database. */
function run(args: readonly string[], script = 'import'): Promise<Run> {
  return runProcess('npm', ['run', '--silent', script, ...(args.length ? ['--', ...args] : [])], { cwd: ROOT, env: childEnv });
}

/** The totals table at the end of the summary, as numbers. */
function totals(stdout: string): Record<string, number> {
  const match = /^\s*created\s+updated\s+unchanged\s+failed\s*\n\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*$/m.exec(stdout);
  if (!match) throw new Error(`no totals table in:\n${stdout}`);
  const [, created, updated, unchanged, failed] = match.map(Number);
  return { created: created!, updated: updated!, unchanged: unchanged!, failed: failed! };
}

const STACK_FRAME = /^\s+at .+[:(]\d+/m;

beforeAll(async () => {
  database = await freshDatabase();
  childEnv = {
    ...process.env,
    ...freshSecrets(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    BROWSER: 'none',
    ...database.env,
  };
  pagesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-import-cli-'));
  fs.copyFileSync(ENGLISH_FILE, path.join(pagesDir, path.basename(ENGLISH_FILE)));
  fs.writeFileSync(path.join(pagesDir, 'fragment.txt'), FRAGMENT);
  fs.writeFileSync(path.join(pagesDir, 'empty.txt'), '');
  fs.writeFileSync(path.join(pagesDir, 'notes.md'), 'not a page');
});

afterAll(async () => {
  fs.rmSync(pagesDir, { recursive: true, force: true });
  await database?.drop();
});

// The cases share the database and build on each other, in order.
describe('npm run import / npm run seed', () => {
  it('seeds the seed folder (created), and a second seed changes nothing (unchanged)', async () => {
    const first = await run([], 'seed');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(SEED_FILE);
    expect(first.stdout).toMatch(new RegExp(`created\\s+${SEED_FILE}\\s+id/${SEED_SLUG} \\(published\\)`));
    expect(totals(first.stdout)).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 0 });
    expect(first.stdout).toMatch(/^Import of 1 page, batch [a-z0-9]{20}\.$/m);

    const second = await run(['--seed']);
    expect(second.status).toBe(0);
    expect(totals(second.stdout)).toEqual({ created: 0, updated: 0, unchanged: 1, failed: 0 });
    expect(await database.articleRows(SEED_SLUG)).toEqual([
      { locale: 'id', published: false },
      { locale: 'id', published: true },
    ]);
  });

  it('--json --dry-run prints only the JSON reports, writes nothing, and exits 1 for a bad page', async () => {
    const fragment = path.join(pagesDir, 'fragment.txt');
    const { status, stdout, stderr } = await run(['--json', '--dry-run', ENGLISH_FILE, fragment]);
    expect(status).toBe(1);
    const results = JSON.parse(stdout);
    expect(results).toEqual([
      {
        file: ENGLISH_FILE,
        batchId: null, // a dry run is no batch: nothing to undo
        ok: true,
        report: expect.objectContaining({ action: 'created', documentId: null, slug: ENGLISH_SLUG, locale: 'en', status: 'published', dryRun: true, batchId: null }),
      },
      { file: fragment, batchId: null, ok: false, error: { code: 'NO_TITLE', message: expect.any(String), line: 1 } },
    ]);
    expect(results[0].report.counts).toEqual(expect.objectContaining({ reporters: expect.any(Number), photos: expect.any(Number) }));
    expect(stderr).not.toMatch(STACK_FRAME);
    expect(await database.articleRows(ENGLISH_SLUG)).toEqual([]);
  });

  it('imports a folder: good pages go in, bad ones are reported with their reason and line, exit 1', async () => {
    const { status, stdout, stderr } = await run([pagesDir]);
    expect(status).toBe(1);
    // The dry run wrote nothing: the English page is created now.
    expect(stdout).toMatch(new RegExp(`created\\s+\\S+${path.basename(ENGLISH_FILE)}\\s+en/${ENGLISH_SLUG}`));
    expect(stdout).toMatch(/failed\s+\S+fragment\.txt\s+NO_TITLE \(line 1\): \S/);
    expect(stdout).toMatch(/failed\s+\S+empty\.txt\s+EMPTY_INPUT: \S/);
    expect(stdout).not.toContain('notes.md');
    expect(totals(stdout)).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 2 });
    expect(`${stdout}\n${stderr}`).not.toMatch(STACK_FRAME);
    expect(await database.articleRows(ENGLISH_SLUG)).toEqual([
      { locale: 'en', published: false },
      { locale: 'en', published: true },
    ]);
  });

  it('honours --locale en and --draft', async () => {
    const { status, stdout } = await run(['--locale', 'en', '--draft', SEED_FILE]);
    expect(status).toBe(0);
    expect(stdout).toMatch(new RegExp(`created\\s+${SEED_FILE}\\s+en/${SEED_SLUG} \\(draft\\)`));
    expect(totals(stdout)).toEqual({ created: 1, updated: 0, unchanged: 0, failed: 0 });
    // An English draft beside the published Indonesian version, which is untouched.
    expect(await database.articleRows(SEED_SLUG)).toEqual([
      { locale: 'en', published: false },
      { locale: 'id', published: false },
      { locale: 'id', published: true },
    ]);
  });

  // Two Strapi processes on one database is how Kabar scales, on PostgreSQL (SQLite is one process).
  (ON_POSTGRES ? it : it.skip)('makes one article when two processes import the same pages at once', async () => {
    const page = path.join(pagesDir, 'twice.txt');
    const title = 'Dua Proses Satu Artikel';
    fs.writeFileSync(page, fs.readFileSync(path.join(ROOT, SEED_FILE), 'utf8').replace('Cina dan Rusia Janji Akan Saling Dukung', title));
    const runs = await Promise.all([run(['--json', page]), run(['--json', page])]);
    const actions = runs.map(({ status, stdout }) => {
      expect(status).toBe(0);
      return JSON.parse(stdout)[0].report.action as string;
    });
    expect(actions.sort()).toEqual(['created', 'unchanged']);
    expect(await database.articleRows('dua-proses-satu-artikel')).toEqual([
      { locale: 'id', published: false },
      { locale: 'id', published: true },
    ]);
  });

  it('answers the adversarial pages as the HTTP routes do (issue 9): the code, the line, no SQL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-import-cli-adversarial-'));
    const body = 'TEMPO.CO, Jakarta - Paragraf pertama berita ini cukup panjang untuk menjadi badan berita.';
    const longTitle = `Judul ${'panjang '.repeat(38)}penutupnya`;
    fs.writeFileSync(path.join(dir, 'a-bad-date.txt'), ['Judul Tanggal Rusak', '', 'Reporter', '', 'Tempo.co', '', 'Kamis, 31 Februari 2022', '', body].join('\n'));
    fs.writeFileSync(path.join(dir, 'b-long-read-also.txt'), ['Berita Baca Juga Panjang', 'Jumat, 28 Oktober 2022 12:00 WIB', body, `Baca juga: ${longTitle}`].join('\n'));
    fs.writeFileSync(path.join(dir, 'c-not-utf8.txt'), Buffer.concat([Buffer.from(`Judul Bukan UTF8\n\nJumat, 28 Oktober 2022 12:00 WIB\n\n${body} `), Buffer.from([0xff, 0xfe]), Buffer.from('\n')]));
    try {
      const { status, stdout } = await run(['--json', dir]);
      expect(status).toBe(1);
      const results = JSON.parse(stdout) as Array<{ ok: boolean; error?: { code: string; line: number | null }; report?: { action: string } }>;
      expect(results.map((result) => (result.ok ? result.report!.action : [result.error!.code, result.error!.line]))).toEqual([
        ['INVALID_DATE', 7],
        'created',
        ['NOT_TEXT', 5],
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a capture time outside the accepted range with one line, exit 2', async () => {
    const { status, stderr } = await run(['--captured-at', '+275760-09-13T00:00:00Z', SEED_FILE]);
    expect(status).toBe(2);
    expect(stderr.split('\n')[0]).toMatch(/^import: --captured-at: "\+275760-09-13T00:00:00Z" is outside the accepted range \(1900-01-01 to \d{4}-\d{2}-\d{2} \(one day after now\)\)\.$/);
  });

  it('exits 2 with the usage on stderr for usage errors, without booting Strapi', async () => {
    for (const args of [[], ['--locale', 'fr', SEED_FILE], ['--verbose', SEED_FILE], ['--seed', SEED_FILE], ['--captured-at', 'kemarin', SEED_FILE]]) {
      const { status, stdout, stderr } = await run(args);
      expect({ args, status, stdout }).toEqual({ args, status: 2, stdout: '' });
      expect(stderr).toMatch(/^import: .+\n\nUsage: npm run import -- FILE\|DIR\.\.\./m);
    }
    const help = await run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run import/);
  });

  it('goes on where a run killed midway (kill -9) stopped: the same command again finds the committed pages unchanged and imports the rest', async () => {
    const archive = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-archive-'));
    const pages = 1000;
    try {
      for (let n = 0; n < pages; n += 1) fs.writeFileSync(path.join(archive, `${String(n).padStart(4, '0')}.txt`), makeTempoPage(10_000 + n));
      const before = await database.articleCount();
      // Node itself (not npm, not a tsx wrapper): the kill must reach the process that writes.
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', archive], { cwd: ROOT, env: childEnv, stdio: 'ignore' });
      const exited = new Promise<string | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
      // Killed once its first transaction has committed (a page is two article rows: draft and published).
      let killed = false;
      while (!killed) {
        if ((await database.articleCount()) > before) {
          child.kill('SIGKILL');
          killed = true;
        } else if (child.exitCode !== null) {
          break;
        } else {
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      }
      expect(await exited).toBe('SIGKILL');
      const committed = ((await database.articleCount()) - before) / 2;
      expect(Number.isInteger(committed)).toBe(true); // whole pages, never half of one
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(pages);

      const again = await run([archive]);
      expect(again.status).toBe(0);
      expect(totals(again.stdout)).toEqual({ created: pages - committed, updated: 0, unchanged: committed, failed: 0 });
      expect(await database.articleCount()).toBe(before + 2 * pages);
    } finally {
      fs.rmSync(archive, { recursive: true, force: true });
    }
  }, 180_000);
});

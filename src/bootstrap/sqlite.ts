import type { Core } from '@strapi/strapi';

/**
 * How long a statement waits for SQLite's write lock before failing with "database is locked".
 * Another process on the same file (a second `npm run import`, `npm run develop` beside an import)
 * holds it for one transaction at a time, a few milliseconds each; better-sqlite3's default of 5 s
 * is short when several importers queue for it.
 */
export const SQLITE_BUSY_TIMEOUT_MS = 30_000;

/**
 * On SQLite, switches the database file to write-ahead logging: a commit no longer waits for a
 * rollback journal to reach the disk (≈6 ms → ≈0.1 ms per import transaction here), and readers
 * (the API) no longer block the writer (an import running beside `npm run develop`). The mode is
 * stored in the file, so this is a no-op after the first boot. Also raises the busy timeout (per
 * connection; Strapi's SQLite pool keeps its one connection). PostgreSQL needs nothing.
 */
export async function useWriteAheadLog(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'sqlite') return;
  await strapi.db.connection.raw(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  await strapi.db.connection.raw('PRAGMA journal_mode = WAL');
}

/** How often a running process lets SQLite refresh its table statistics. */
const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps SQLite's query planner informed. Without statistics it guesses: at 100,000 articles it read
 * the whole table through the section index to count one locale's articles (200 ms) and sorted
 * 100,000 rows for a listing ordered by id (450 ms); with statistics both take a few milliseconds.
 * `PRAGMA optimize=0x10002` at start (analyse every table that needs it, within a bounded effort),
 * then `PRAGMA optimize` every hour, as SQLite's documentation advises for long-lived connections.
 * PostgreSQL's autovacuum keeps its own statistics.
 */
export async function keepPlannerStatistics(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'sqlite') return;
  await strapi.db.connection.raw('PRAGMA optimize=0x10002');
  const timer = setInterval(() => {
    strapi.db.connection.raw('PRAGMA optimize').catch((error: Error) => strapi.log.warn(`[kabar] PRAGMA optimize failed: ${error.message}`));
  }, OPTIMIZE_EVERY_MS);
  timer.unref();
}

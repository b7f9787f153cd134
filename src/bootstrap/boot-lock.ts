import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import lockfile from 'proper-lockfile';

/** A stable 32-bit key per name, so every process asks PostgreSQL for the same advisory lock. */
const lockKey = (name: string): number =>
  createHash('sha256').update(`kabar:${name}`).digest().readInt32BE(0);

/**
 * Runs `work` in one transaction that, on PostgreSQL, holds a transaction-level advisory lock:
 * several Strapi processes booting at once on one database do their check-then-create steps one
 * after another instead of creating duplicates. On SQLite the transaction takes the database's
 * write lock first (a write that changes nothing): knex's transactions are deferred, and one that
 * reads, then writes after another process committed, fails at once with "database is locked".
 */
export async function withBootLock<T>(
  strapi: Core.Strapi,
  name: string,
  work: (trx: Knex.Transaction) => Promise<T>
): Promise<T> {
  return strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client === 'postgres') {
      await trx.raw('select pg_advisory_xact_lock(?)', [lockKey(name)]);
    } else if (strapi.db.dialect.client === 'sqlite') {
      await trx.raw('update strapi_core_store_settings set id = id where 0');
    }
    return work(trx);
  });
}

/** A PostgreSQL connection taken from Strapi's pool (node-postgres' client). */
interface PgConnection {
  query(sql: string, values: unknown[]): Promise<unknown>;
}

/** What this module needs of knex's client: its pool. */
interface PoolClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<unknown>;
}

/** The boot lock held by this process, released by `releaseBootLock`. */
const heldBootLocks = new WeakMap<Core.Strapi, () => Promise<void>>();

/** How long a booting process waits for the others' boots before giving up (SQLite; PostgreSQL waits as long as it takes). */
const SQLITE_BOOT_WAIT_MS = 120_000;

/** Takes a session-level advisory lock on a connection of its own from Strapi's pool; returns its release. */
async function lockPostgres(strapi: Core.Strapi): Promise<() => Promise<void>> {
  const client = strapi.db.connection.client as unknown as PoolClient;
  const key = lockKey('boot');
  const connection = await client.acquireConnection();
  try {
    await connection.query('select pg_advisory_lock($1)', [key]);
  } catch (error: unknown) {
    await client.releaseConnection(connection);
    throw error;
  }
  return async () => {
    try {
      await connection.query('select pg_advisory_unlock($1)', [key]);
    } finally {
      await client.releaseConnection(connection);
    }
  };
}

/**
 * Takes a lock file beside the SQLite database (`<file>.lock`, a directory, removed on release;
 * proper-lockfile). SQLite's own lock cannot serve: the boot runs on Strapi's single connection, and
 * a second connection holding the write lock would block it. A lock left by a process that died is
 * taken over once it has not been refreshed for 20 s.
 */
async function lockSqliteFile(strapi: Core.Strapi): Promise<() => Promise<void>> {
  const settings = (strapi.db.config.connection as { connection?: { filename?: unknown } }).connection;
  const filename = typeof settings?.filename === 'string' ? settings.filename : null;
  if (!filename || filename === ':memory:') return async () => undefined;
  const release = await lockfile.lock(filename, {
    realpath: false, // the database file may not exist yet
    stale: 20_000,
    retries: { retries: SQLITE_BOOT_WAIT_MS / 100, factor: 1, minTimeout: 100, maxTimeout: 100, randomize: true },
    onCompromised: (error: Error) => {
      strapi.log.warn(`[kabar] the boot lock ${filename}.lock was lost (${error.message}); boot goes on`);
    },
  });
  return async () => {
    await release();
  };
}

/**
 * Makes whole boots take turns when several Strapi processes start at once on one database (a fresh
 * deployment with two replicas, two `npm run import` at once on a new database). Otherwise each runs
 * Strapi's schema sync and they race to create the same tables (PostgreSQL: `duplicate key value
 * violates unique constraint "pg_type_typname_nsp_index"`; SQLite: `table … already exists`), and
 * then the plugins' and the app's check-then-create steps (roles, locales, permissions, the seed).
 *
 * Strapi 5.54 runs its schema sync inside `strapi.bootstrap()`, right after `strapi.db.init()`, with
 * no hook in between; the app's `register` runs before both. So `db.init` is wrapped here: once the
 * connection is configured, this process takes the boot lock and keeps it through the schema sync,
 * the plugins' bootstraps and the app's own, whose end calls `releaseBootLock`. The next process then
 * finds the schema in place (Strapi's stored schema hash matches: nothing to do) and the rows
 * created. PostgreSQL: a session-level advisory lock on a pooled connection of its own, gone with
 * the connection if the process dies. SQLite: a lock file beside the database. `db.destroy` releases
 * the lock too (a boot that failed half-way).
 */
export function holdBootLockThroughBootstrap(strapi: Core.Strapi): void {
  const db = strapi.db;
  const take = db.dialect.client === 'postgres' ? lockPostgres : db.dialect.client === 'sqlite' ? lockSqliteFile : null;
  if (!take) return;
  const init = db.init.bind(db);
  db.init = async (...args: Parameters<typeof db.init>) => {
    const result = await init(...args);
    const release = await take(strapi);
    let released = false;
    heldBootLocks.set(strapi, async () => {
      if (released) return;
      released = true;
      await release();
    });
    return result;
  };
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    await releaseBootLock(strapi).catch(() => undefined); // a dead process loses its lock anyway
    return destroy();
  };
}

/** Lets the next booting process go ahead (see holdBootLockThroughBootstrap); a no-op when none is held. */
export async function releaseBootLock(strapi: Core.Strapi): Promise<void> {
  const release = heldBootLocks.get(strapi);
  heldBootLocks.delete(strapi);
  if (release) await release();
}

import type { Core } from '@strapi/strapi';

type Transaction = { raw(sql: string, bindings?: unknown[]): PromiseLike<unknown> };

/**
 * Serialises work on one key across every Strapi process sharing the database, until the given
 * transaction commits or rolls back.
 *
 * PostgreSQL: a transaction-level advisory lock on the key.
 *
 * SQLite: the database's write lock. SQLite has one writer at a time, but knex opens a *deferred*
 * transaction: it reads under a snapshot and asks for the write lock only at its first write. When
 * another process (a second `npm run import`) committed in between, that upgrade fails at once with
 * "database is locked" (SQLITE_BUSY, the busy timeout does not apply) and the work read a stale
 * snapshot anyway. A write that changes nothing, as the first statement, takes the write lock
 * before anything is read (waiting up to the busy timeout), so the whole transaction runs alone.
 */
export async function lockKey(strapi: Core.Strapi, trx: Transaction, key: string): Promise<void> {
  const client = strapi.db.dialect.client;
  if (client === 'postgres') {
    await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`news-importer:${key}`]);
  } else if (client === 'sqlite') {
    await takeSqliteWriteLock(trx);
  }
}

/**
 * Locks several keys one after the other in sorted order, so two transactions never wait on each
 * other in a cycle. On PostgreSQL one statement takes them all, in that order (a batch of imports
 * locks hundreds of keys: one round trip, not hundreds).
 */
export async function lockKeys(strapi: Core.Strapi, trx: Transaction, keys: string[]): Promise<void> {
  const sorted = [...new Set(keys)].sort();
  if (sorted.length === 0) return;
  if (strapi.db.dialect.client === 'postgres' && sorted.length > 1) {
    await trx.raw(
      'select pg_advisory_xact_lock(hashtextextended(k.key, 0)) from unnest(?::text[]) with ordinality as k(key, n) order by k.n',
      [sorted.map((key) => `news-importer:${key}`)]
    );
    return;
  }
  for (const key of sorted) await lockKey(strapi, trx, key);
}

/** The statement that takes SQLite's write lock: a write that changes no row, on a table every Strapi database has. */
export const SQLITE_WRITE_LOCK_SQL = 'update strapi_core_store_settings set id = id where 0';

/** Transactions that hold SQLite's write lock already (it lasts until commit or rollback). */
const holdingWriteLock = new WeakSet<object>();

/** Takes SQLite's write lock for this transaction, once. */
export async function takeSqliteWriteLock(trx: Transaction): Promise<void> {
  if (holdingWriteLock.has(trx)) return;
  await trx.raw(SQLITE_WRITE_LOCK_SQL);
  holdingWriteLock.add(trx);
}

import type { Core } from '@strapi/strapi';

type Transaction = { raw(sql: string, bindings: unknown[]): PromiseLike<unknown> };

/**
 * Serialises work on one key across every Strapi process sharing the database: on PostgreSQL a
 * transaction-level advisory lock on the given transaction (released at commit or rollback). SQLite
 * runs one write transaction at a time by itself, so there is nothing to add there.
 */
export async function lockKey(strapi: Core.Strapi, trx: Transaction, key: string): Promise<void> {
  if (strapi.db.dialect.client !== 'postgres') return;
  await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`news-importer:${key}`]);
}

/** Locks several keys one after the other in sorted order, so two transactions never wait on each other in a cycle. */
export async function lockKeys(strapi: Core.Strapi, trx: Transaction, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await lockKey(strapi, trx, key);
}

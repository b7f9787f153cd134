import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

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

import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** A stable 32-bit key per name, so every process asks PostgreSQL for the same advisory lock. */
const lockKey = (name: string): number =>
  createHash('sha256').update(`kabar:${name}`).digest().readInt32BE(0);

/**
 * Runs `work` in one transaction that, on PostgreSQL, holds a transaction-level advisory lock:
 * several Strapi processes booting at once on one database do their check-then-create steps one
 * after another instead of creating duplicates. SQLite serialises writers by itself.
 */
export async function withBootLock<T>(
  strapi: Core.Strapi,
  name: string,
  work: () => Promise<T>
): Promise<T> {
  return strapi.db.transaction(async ({ trx }) => {
    if (strapi.db.dialect.client === 'postgres') {
      await trx.raw('select pg_advisory_xact_lock(?)', [lockKey(name)]);
    }
    return work();
  });
}

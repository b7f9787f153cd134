import type { Core } from '@strapi/strapi';

/**
 * On SQLite, switches the database file to write-ahead logging: a commit no longer waits for a
 * rollback journal to reach the disk (≈6 ms → ≈0.1 ms per import transaction here), and readers
 * (the API) no longer block the writer (an import running beside `npm run develop`). The mode is
 * stored in the file, so this is a no-op after the first boot. PostgreSQL needs nothing.
 */
export async function useWriteAheadLog(strapi: Core.Strapi): Promise<void> {
  if (strapi.db.dialect.client !== 'sqlite') return;
  await strapi.db.connection.raw('PRAGMA journal_mode = WAL');
}

import type { Core } from '@strapi/strapi';
// Strapi's own record of the transaction the current async context runs in (the query engine joins
// it the same way). Not re-exported by @strapi/database's entry point; the version is pinned.
import { transactionCtx } from '@strapi/database/dist/transaction-context';

/**
 * The archive's read version: one row, one number, raised after every committed write through
 * Strapi's query engine, in whichever process made it. Responses kept for anonymous readers are
 * filed under the version they were built at, so a write anywhere retires every copy everywhere
 * without any process having to tell the others.
 *
 * Order matters: the number is raised *after* the write commits. A reader that still sees the old
 * number may build from the new rows and file them under the old number, which nobody asks for once
 * the number moved; a reader that sees the new number reads committed rows. Raising it before the
 * commit would let a reader file the old rows under the new number.
 */

const TABLE = 'kabar_read_version';

/**
 * Instances whose version row exists. Strapi's own bootstrap writes (permissions, settings) come
 * before the app's and before any request is served, so nothing kept can be stale for them.
 */
const ready = new WeakSet<object>();

/** Creates the version row if it is missing (bootstrap; processes boot one after another). */
export async function ensureReadVersion(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(TABLE))) {
    await knex.schema.createTable(TABLE, (table) => {
      table.integer('id').primary();
      table.bigInteger('version').notNullable();
    });
  }
  const row = await knex(TABLE).where({ id: 1 }).first();
  if (!row) await knex(TABLE).insert({ id: 1, version: 1 });
  ready.add(strapi);
}

/** The current version, as text (PostgreSQL answers bigint as a string). */
export async function currentReadVersion(strapi: Core.Strapi): Promise<string> {
  const row = (await strapi.db.connection(TABLE).select('version').where({ id: 1 }).first()) as { version: number | string } | undefined;
  return row ? String(row.version) : '0';
}

const WRITE_EVENTS = ['afterCreate', 'afterCreateMany', 'afterUpdate', 'afterUpdateMany', 'afterDelete', 'afterDeleteMany'] as const;

/**
 * Raises the version after every committed write of any model (content, permissions, settings),
 * once per transaction, and tells this process at once through `onWrite` (its own copies can go
 * before the commit: a copy dropped early is only rebuilt).
 */
export function raiseReadVersionOnWrites(strapi: Core.Strapi, onWrite: () => void): void {
  const pending = new WeakSet<object>();
  const raise = (): void => {
    if (!ready.has(strapi)) return;
    strapi.db
      .connection(TABLE)
      .where({ id: 1 })
      .increment('version', 1)
      .then(() => onWrite())
      .catch((error: unknown) => strapi.log.error(`Could not raise the read version: ${error instanceof Error ? error.message : String(error)}`));
  };
  const afterWrite = (): void => {
    onWrite();
    const trx = transactionCtx.get() as object | undefined;
    if (!trx) return raise();
    if (pending.has(trx)) return;
    pending.add(trx);
    transactionCtx.onCommit(raise);
  };
  strapi.db.lifecycles.subscribe(Object.fromEntries(WRITE_EVENTS.map((name) => [name, afterWrite])));
}

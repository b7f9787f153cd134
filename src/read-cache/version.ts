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

const PRIVATE_MODELS = /^(?:admin::|plugin::news-importer\.)/;

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
  const afterWrite = (event: { model?: { uid?: string } }): void => {
    // The admin's own records (users, sessions, tokens) and the importer's history are never read
    // by an anonymous caller; everything else (content, media, roles, settings) may be.
    if (PRIVATE_MODELS.test(event.model?.uid ?? '')) return;
    onWrite();
    const trx = transactionCtx.get() as object | undefined;
    if (!trx) return raise();
    if (pending.has(trx)) return;
    pending.add(trx);
    transactionCtx.onCommit(raise);
  };
  strapi.db.lifecycles.subscribe(Object.fromEntries(WRITE_EVENTS.map((name) => [name, afterWrite])));
}

const ARTICLE = 'api::article.article';

/**
 * The next instant at which an article becomes or stops being public with no write: an embargo
 * passing, a withdrawal taking effect (src/published-only/visibility.ts). Kept answers are filed
 * under the read version *and* this instant, so the first request after it builds afresh.
 * Null when nothing is pending.
 */
export async function nextVisibilityChange(strapi: Core.Strapi, now: Date): Promise<number | null> {
  const query = strapi.db.query(ARTICLE as never);
  const first = async (field: 'embargoedUntil' | 'withdrawnAt'): Promise<number | null> => {
    const row = (await query.findOne({ select: [field], where: { [field]: { $gt: now } }, orderBy: { [field]: 'asc' } } as never)) as Record<string, unknown> | null;
    const value = row?.[field];
    if (value === null || value === undefined) return null;
    const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));
    return Number.isNaN(time) ? null : time;
  };
  // Read for the app itself, outside the reader's request: the published-only guard would hide exactly
  // the embargoed rows this looks for.
  const outsideRequest = <T>(work: () => Promise<T>): Promise<T> =>
    (strapi.requestContext as unknown as { run<R>(store: undefined, cb: () => Promise<R>): Promise<R> }).run(undefined, work);
  const times = [await outsideRequest(() => first('embargoedUntil')), await outsideRequest(() => first('withdrawnAt'))].filter(
    (time): time is number => time !== null
  );
  return times.length ? Math.min(...times) : null;
}

/**
 * The key under which kept answers are filed now: the read version, and the pending visibility
 * change it was computed against. Recomputed when the version moves or that instant has passed;
 * otherwise one read of the version per request.
 */
export function readKeyTracker(strapi: Core.Strapi): (now: Date) => Promise<string> {
  let known: { version: string; until: number | null } | null = null;
  return async (now) => {
    const version = await currentReadVersion(strapi);
    if (!known || known.version !== version || (known.until !== null && now.getTime() >= known.until)) {
      known = { version, until: await nextVisibilityChange(strapi, now) };
    }
    return `${known.version}:${known.until ?? '-'}`;
  };
}

import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { Pool, type PoolConfig } from 'pg';
import { sendPurges, type PurgeTargets } from './varnish';

/**
 * The purge outbox: a change writes the surrogate keys it affects into `kabar_purge_outbox` in its
 * own transaction; after commit, any process takes rows (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so
 * several processes never take the same rows), sends the purges to every Varnish and deletes the rows
 * in the same transaction. A process that dies between the commit and the purge leaves its rows to
 * the others (on PostgreSQL each drains every `PURGE_OUTBOX_POLL_MS`); a purge is sent once per row, or again if
 * the process dies after sending and before its delete committed (purging twice is harmless).
 * A rolled-back change leaves no row: nothing is purged for what never happened.
 */

export const OUTBOX_TABLE = 'kabar_purge_outbox';
/** Rows taken per drain round. */
const BATCH = 200;
const DEFAULT_POLL_MS = 500;

/** A knex transaction or connection to write through: the change's own, so the row commits with it. */
type Writer = Knex | Knex.Transaction;

/** Creates the outbox table when missing (run under the boot lock: one process creates it). */
export async function ensureOutboxTable(strapi: Core.Strapi): Promise<void> {
  const schema = strapi.db.getSchemaName();
  const builder = schema ? strapi.db.connection.schema.withSchema(schema) : strapi.db.connection.schema;
  if (await builder.hasTable(OUTBOX_TABLE)) return;
  await builder.createTable(OUTBOX_TABLE, (table) => {
    table.increments('id').primary();
    // Space-separated surrogate keys (src/cache/surrogate-keys.ts).
    table.text('keys').notNullable();
    table.timestamp('created_at').notNullable().defaultTo(strapi.db.connection.fn.now());
  });
}

function outbox(strapi: Core.Strapi, writer: Writer): Knex.QueryBuilder {
  const schema = strapi.db.getSchemaName();
  const builder = writer(OUTBOX_TABLE);
  return schema ? builder.withSchema(schema) : builder;
}

/**
 * Records a purge of `keys` in the outbox through `writer` (pass the transaction of the change so the
 * purge commits or rolls back with it). Writers that go through `strapi.db.query` or the Document
 * Service need not call this: the lifecycle subscriber (purge-on-change.ts) does. For raw writes.
 */
export async function enqueuePurge(strapi: Core.Strapi, writer: Writer, keys: Iterable<string>): Promise<void> {
  const unique = [...new Set(keys)].filter((key) => key.length > 0);
  if (unique.length === 0) return;
  await outbox(strapi, writer).insert({ keys: unique.join(' ') });
  drainSoon(strapi);
}

/** Records a purge inside the current Strapi transaction (or a new one) and drains after its commit. */
export async function enqueuePurgeInTransaction(strapi: Core.Strapi, keys: Iterable<string>): Promise<void> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return;
  await strapi.db.transaction(async ({ trx, onCommit }) => {
    await outbox(strapi, trx).insert({ keys: unique.join(' ') });
    onCommit(() => drainSoon(strapi));
  });
}

interface Drainer {
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  again: boolean;
  targets: PurgeTargets;
  stopped: boolean;
  lastWarning: number;
  /** PostgreSQL: the drainer's own connection; SQLite: none (Strapi's connection). */
  pool: Pool | null;
}

const drainers = new WeakMap<Core.Strapi, Drainer>();

/** The purge targets from the environment: VARNISH_PURGE_URLS, comma-separated; none → discard. */
export function purgeTargetsFromEnv(env: NodeJS.ProcessEnv = process.env): PurgeTargets {
  const urls = (env.VARNISH_PURGE_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
  for (const url of urls) {
    if (!/^https?:\/\//.test(url)) throw new Error(`VARNISH_PURGE_URLS: "${url}" is not an http(s) URL.`);
  }
  return { urls, timeoutMs: Number(env.VARNISH_PURGE_TIMEOUT_MS ?? 2000) || 2000 };
}

type OutboxRow = { id: number; keys: string };

/** Sends the rows' purges; the caller deletes them once this returned. */
async function purgeRows(drainer: Drainer, rows: OutboxRow[]): Promise<void> {
  await sendPurges(drainer.targets, rows.flatMap((row) => row.keys.split(' ')));
}

/**
 * A connection pool of the drainer's own on PostgreSQL (one connection): its rounds neither take
 * connections from Strapi's pool nor show among the statements of the requests it serves.
 */
function drainerPool(strapi: Core.Strapi): Pool {
  const settings = (strapi.db.config.connection as { connection?: Record<string, unknown> }).connection ?? {};
  const pick = (key: string): unknown => settings[key];
  return new Pool({
    max: 1,
    connectionString: typeof pick('connectionString') === 'string' ? (pick('connectionString') as string) : undefined,
    host: pick('host') as string | undefined,
    port: pick('port') as number | undefined,
    database: pick('database') as string | undefined,
    user: pick('user') as string | undefined,
    password: pick('password') as string | undefined,
    ssl: pick('ssl') as PoolConfig['ssl'],
  });
}

function qualifiedTable(strapi: Core.Strapi): string {
  const schema = strapi.db.getSchemaName();
  return schema ? `"${schema.replace(/"/g, '""')}"."${OUTBOX_TABLE}"` : `"${OUTBOX_TABLE}"`;
}

/**
 * One drain round: takes up to BATCH rows, purges their keys, deletes them. Returns how many rows.
 * PostgreSQL: in one transaction holding the rows (`FOR UPDATE SKIP LOCKED`), so another process
 * draining at the same time takes other rows. SQLite (one process): read, send, delete, with no
 * transaction open while Varnish answers (it would hold SQLite's only connection).
 */
async function drainOnce(strapi: Core.Strapi, drainer: Drainer): Promise<number> {
  if (drainer.pool) {
    const table = qualifiedTable(strapi);
    const client = await drainer.pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<OutboxRow>(`select id, keys from ${table} order by id limit ${BATCH} for update skip locked`);
      if (rows.length > 0) {
        await purgeRows(drainer, rows);
        await client.query(`delete from ${table} where id = any($1)`, [rows.map((row) => row.id)]);
      }
      await client.query('commit');
      return rows.length;
    } catch (error: unknown) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  const rows = (await outbox(strapi, strapi.db.connection).select('id', 'keys').orderBy('id').limit(BATCH)) as OutboxRow[];
  if (rows.length === 0) return 0;
  await purgeRows(drainer, rows);
  await outbox(strapi, strapi.db.connection)
    .whereIn('id', rows.map((row) => row.id))
    .delete();
  return rows.length;
}

async function drainAll(strapi: Core.Strapi, drainer: Drainer): Promise<void> {
  do {
    drainer.again = false;
    try {
      while (!drainer.stopped && (await drainOnce(strapi, drainer)) === BATCH);
    } catch (error: unknown) {
      // Varnish down, or the database: the rows stay for the next round (here or in another process).
      if (Date.now() - drainer.lastWarning > 30_000) {
        drainer.lastWarning = Date.now();
        strapi.log.warn(`[kabar] purge outbox: ${error instanceof Error ? error.message : String(error)}; retrying`);
      }
      return;
    }
  } while (drainer.again && !drainer.stopped);
}

/** Drains now (or right after the round under way): called after a change committed. */
export function drainSoon(strapi: Core.Strapi): void {
  const drainer = drainers.get(strapi);
  if (!drainer || drainer.stopped) return;
  if (drainer.running) {
    drainer.again = true;
    return;
  }
  drainer.running = drainAll(strapi, drainer).finally(() => {
    drainer.running = null;
  });
}

/** Waits for the drain round under way, if any (tests, shutdown). */
export async function drained(strapi: Core.Strapi): Promise<void> {
  await drainers.get(strapi)?.running;
}

/**
 * Starts this process's drainer: after each local commit, and on PostgreSQL every
 * PURGE_OUTBOX_POLL_MS for rows other processes left. SQLite serves one process: it drains after
 * its own commits (and once at boot, for rows a command-line import left).
 */
export function startOutboxDrainer(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): void {
  const pollMs = Number(env.PURGE_OUTBOX_POLL_MS ?? DEFAULT_POLL_MS) || DEFAULT_POLL_MS;
  const postgres = strapi.db.dialect.client === 'postgres';
  const drainer: Drainer = {
    timer: null,
    running: null,
    again: false,
    targets: purgeTargetsFromEnv(env),
    stopped: false,
    lastWarning: 0,
    pool: postgres ? drainerPool(strapi) : null,
  };
  // A dropped idle connection is replaced on the next round; it must not crash the process.
  drainer.pool?.on('error', () => undefined);
  drainers.set(strapi, drainer);
  if (postgres) {
    drainer.timer = setInterval(() => drainSoon(strapi), pollMs);
    drainer.timer.unref();
  }
  drainSoon(strapi);
}

/** Stops the drainer (Strapi's destroy), letting a round under way finish. */
export async function stopOutboxDrainer(strapi: Core.Strapi): Promise<void> {
  const drainer = drainers.get(strapi);
  if (!drainer) return;
  drainer.stopped = true;
  if (drainer.timer) clearInterval(drainer.timer);
  await drainer.running;
  await drainer.pool?.end();
  drainers.delete(strapi);
}

import path from 'node:path';
import type { Core } from '@strapi/strapi';

/**
 * A store for the admin login rate limit (koa2-ratelimit, which Strapi's admin uses) kept in the
 * database, so the limit holds across every process on it: Strapi's default store is a per-process
 * object, and three processes behind a balancer would allow three times the attempts. One row per
 * key (`email:path:ip`), counted with one upsert that also restarts an expired window.
 */

export const RATE_LIMIT_TABLE = 'kabar_rate_limit';

/** Creates the table when missing (under the boot lock). */
export async function ensureRateLimitTable(strapi: Core.Strapi): Promise<void> {
  const schema = strapi.db.getSchemaName();
  const builder = schema ? strapi.db.connection.schema.withSchema(schema) : strapi.db.connection.schema;
  if (await builder.hasTable(RATE_LIMIT_TABLE)) return;
  await builder.createTable(RATE_LIMIT_TABLE, (table) => {
    table.string('key', 512).primary();
    table.integer('counter').notNullable();
    // Milliseconds since the epoch at which the window ends.
    table.bigInteger('date_end').notNullable();
  });
}

/** What koa2-ratelimit passes: the window length in ms (it converts `interval` before calling). */
interface RateLimitOptions {
  interval: number;
}

declare const strapi: Core.Strapi;

function table(): string {
  const schema = strapi.db.getSchemaName();
  return schema ? `${schema}.${RATE_LIMIT_TABLE}` : RATE_LIMIT_TABLE;
}

/**
 * koa2-ratelimit's base class, from the copy Strapi's admin loads: its middleware refuses a store
 * that is not an `instanceof` it (the package is the admin's dependency, not the app's).
 */
const { Store } = require(require.resolve('koa2-ratelimit', { paths: [path.dirname(require.resolve('@strapi/admin/package.json'))] })).Stores as {
  Store: new () => object;
};

/** koa2-ratelimit's store interface (`incr`, `decrement`, `saveAbuse`), on Strapi's database. */
export class DatabaseRateLimitStore extends Store {
  async incr(key: string, options: RateLimitOptions, weight: number): Promise<{ counter: number; dateEnd: number }> {
    const now = Date.now();
    const knex = strapi.db.connection;
    // Expired windows of other keys: removed now and then, so the table stays small.
    if (Math.random() < 0.05) await knex(table()).where('date_end', '<=', now).delete();
    const result: unknown = await knex.raw(
      `insert into ${table()} (key, counter, date_end) values (?, ?, ?)
       on conflict (key) do update set
         counter = case when ${RATE_LIMIT_TABLE}.date_end <= ? then excluded.counter else ${RATE_LIMIT_TABLE}.counter + excluded.counter end,
         date_end = case when ${RATE_LIMIT_TABLE}.date_end <= ? then excluded.date_end else ${RATE_LIMIT_TABLE}.date_end end
       returning counter, date_end`,
      [key, weight, now + options.interval, now, now]
    );
    // PostgreSQL answers { rows }, SQLite (better-sqlite3) the rows themselves.
    const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Array<{ counter: number | string; date_end: number | string }>;
    const row = rows[0]!;
    return { counter: Number(row.counter), dateEnd: Number(row.date_end) };
  }

  async decrement(key: string, _options: RateLimitOptions, weight: number): Promise<void> {
    await strapi.db.connection(table()).where({ key }).decrement('counter', weight);
  }

  saveAbuse(): void {
    // Strapi's admin does not record abuses.
  }
}

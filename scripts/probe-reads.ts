/**
 * `npm run probe:reads [-- --articles N]`: what each public read costs, one request at a time, on a
 * throw-away SQLite archive of N articles (default 1,000; the first 1,000 are imported through the
 * news-importer, the rest copied in SQL by scripts/lib/multiply-articles.ts): the SQL statements per
 * request and the mean time per request over 100 requests to an in-process Strapi, with the page
 * cache and the kept answers off (PUBLIC_PAGE_CACHE_SIZE=0, PUBLIC_RESPONSE_CACHE_MB=0). A probe for finding
 * where time goes (N+1 queries, full scans), not a throughput benchmark (`npm run bench:api`).
 *
 * Options: `--requests N` timed requests per read (default 100); `--statements` prints, for one
 * request of each read, every SQL statement with its own time and SQLite's `EXPLAIN QUERY PLAN`;
 * `--keep` leaves the archive in place (its path is printed) for trying plans with `sqlite3`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { getService } from '../src/plugins/news-importer/server/src/utils';
import { APP_DIR, bootStrapi, stopStrapi } from './lib/boot';
import { multiplyArticles } from './lib/multiply-articles';
import { makeTempoPage } from './lib/tempo-pages';

const IMPORTED = 1000;

function articlesOption(argv: readonly string[]): number {
  const at = argv.indexOf('--articles');
  if (at < 0) return IMPORTED;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < IMPORTED || value % IMPORTED !== 0) throw new Error(`--articles must be a multiple of ${IMPORTED}.`);
  return value;
}

function requestsOption(argv: readonly string[]): number {
  const at = argv.indexOf('--requests');
  if (at < 0) return 100;
  const value = Number(argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error('--requests must be a positive integer.');
  return value;
}

interface Statement {
  sql: string;
  bindings: unknown[];
  ms: number;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const articles = articlesOption(argv);
  const requests = requestsOption(argv);
  const showStatements = argv.includes('--statements');
  const work = path.join(APP_DIR, '.tmp', `probe-reads-${process.pid}`);
  fs.mkdirSync(work, { recursive: true });
  // The page cache and the kept answers off: the probe measures the reads themselves, not a kept copy.
  Object.assign(process.env, {
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.relative(APP_DIR, path.join(work, 'data.db')),
    NEWS_IMPORTER_AUTO_SEED: 'false',
    PUBLIC_PAGE_CACHE_SIZE: '0',
    PUBLIC_RESPONSE_CACHE_MB: '0',
  });
  let strapi: Core.Strapi | null = null;
  try {
    strapi = await bootStrapi();
    const imports = getService(strapi, 'imports');
    process.stderr.write(`importing ${IMPORTED} generated pages…\n`);
    for (let n = 0; n < IMPORTED; n++) await imports.run({ text: makeTempoPage(n), capturedAt: '2025-01-01T10:00:00+07:00' }, { kind: 'cli' });
    if (articles > IMPORTED) {
      process.stderr.write(`copying them to ${articles} articles…\n`);
      await multiplyArticles(strapi.db.connection, articles / IMPORTED - 1);
      await strapi.db.connection.raw(strapi.db.dialect.client === 'sqlite' ? 'PRAGMA optimize=0x10002' : 'ANALYZE');
    }
    strapi.server.mount();
    const server = strapi.server.httpServer;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const sample = (await (await fetch(`${base}/api/articles?locale=id&pagination[pageSize]=1&populate[reporters][fields][0]=slug`)).json()) as {
      data: Array<{ slug: string; reporters: Array<{ slug: string }> }>;
    };
    const slug = sample.data[0]!.slug;
    const reporter = sample.data[0]!.reporters[0]!.slug;
    const graphql = (query: string) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const reads: Array<[string, string, RequestInit?]> = [
      ['list', '/api/articles?locale=id'],
      ['home page', '/api/articles?locale=id&sort=publishedDate:desc&pagination[pageSize]=25&populate[reporters][fields][0]=name&populate[photos][filters][position][$eq]=0&populate[photos][populate][image]=true'],
      ['section page', '/api/articles?locale=id&filters[section][$eq]=Nasional&sort=publishedDate:desc'],
      ['reporter page', `/api/articles?locale=id&filters[reporters][slug][$eq]=${reporter}&sort=publishedDate:desc`],
      ['article page', `/api/articles/slug/${slug}`],
      ['GraphQL articleBySlug', '/graphql', graphql(`{ articleBySlug(slug: "${slug}") { title slug body publishedDate reporters { name slug } editors { name } translators { name } photos { caption credit image { url } } relatedLinks { title url kind target { slug } } } }`)],
      ['GraphQL home page', '/graphql', graphql('{ articles(locale: "id", sort: "publishedDate:desc", pagination: { pageSize: 25 }) { documentId title slug publishedDate reporters { name } photos(pagination: { limit: 1 }) { caption image { url } } } }')],
    ];
    let statements = 0;
    const knex = strapi.db.connection;
    const started = new Map<string, { sql: string; bindings: unknown[]; at: bigint }>();
    let recorded: Statement[] | null = null;
    knex.on('query', (query: { __knexQueryUid: string; sql: string; bindings?: unknown[] }) => {
      statements += 1;
      if (recorded) started.set(query.__knexQueryUid, { sql: query.sql, bindings: query.bindings ?? [], at: process.hrtime.bigint() });
    });
    const finished = (_: unknown, query: { __knexQueryUid: string }) => {
      const start = started.get(query.__knexQueryUid);
      if (!start || !recorded) return;
      started.delete(query.__knexQueryUid);
      recorded.push({ sql: start.sql, bindings: start.bindings, ms: Number(process.hrtime.bigint() - start.at) / 1e6 });
    };
    knex.on('query-response', finished);
    knex.on('query-error', finished);
    const rows: string[] = [];
    for (const [name, url, init] of reads) {
      const read = async (): Promise<number> => (await fetch(base + url, init)).status;
      await read();
      statements = 0;
      if (showStatements) recorded = [];
      const status = await read();
      const perRequest = statements;
      if (recorded) {
        const list = recorded;
        recorded = null;
        process.stdout.write(`\n## ${name}: ${list.length} statements\n`);
        for (const statement of list) {
          process.stdout.write(`\n${statement.ms.toFixed(1)} ms  ${statement.sql}\n  bindings: ${JSON.stringify(statement.bindings).slice(0, 300)}\n`);
          if (strapi.db.dialect.client === 'sqlite' && /^\s*select/i.test(statement.sql)) {
            const plan = (await knex.raw(`explain query plan ${statement.sql}`, statement.bindings as never[])) as Array<{ detail: string }>;
            for (const step of plan) process.stdout.write(`  plan: ${step.detail}\n`);
          }
        }
      }
      const startedAt = process.hrtime.bigint();
      for (let i = 0; i < requests; i++) await read();
      const ms = Number(process.hrtime.bigint() - startedAt) / 1e6 / requests;
      rows.push(`| ${name} | ${status} | ${perRequest} | ${ms.toFixed(1)} ms |`);
    }
    await new Promise((resolve) => server.close(resolve));
    process.stdout.write([``, `${articles} articles, SQLite, one request at a time, mean of ${requests} requests`, '| read | status | SQL statements | mean time |', '|---|---:|---:|---:|', ...rows, ''].join('\n'));
  } finally {
    if (strapi) await stopStrapi(strapi);
    if (argv.includes('--keep')) process.stderr.write(`archive kept: ${path.join(work, 'data.db')}\n`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

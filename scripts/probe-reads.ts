/**
 * `npm run probe:reads [-- --articles N]`: what each public read costs, one request at a time, on a
 * throw-away SQLite archive of N articles (default 1,000; the first 1,000 are imported through the
 * news-importer, the rest copied in SQL by scripts/lib/multiply-articles.ts): the SQL statements per
 * request and the mean time per request over 100 requests to an in-process Strapi. A probe for finding
 * where time goes (N+1 queries, full scans), not a throughput benchmark (`npm run bench:api`).
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

async function main(): Promise<void> {
  const articles = articlesOption(process.argv.slice(2));
  const work = path.join(APP_DIR, '.tmp', `probe-reads-${process.pid}`);
  fs.mkdirSync(work, { recursive: true });
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.relative(APP_DIR, path.join(work, 'data.db')), NEWS_IMPORTER_AUTO_SEED: 'false' });
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
    strapi.db.connection.on('query', () => void (statements += 1));
    const rows: string[] = [];
    for (const [name, url, init] of reads) {
      const read = async (): Promise<number> => (await fetch(base + url, init)).status;
      await read();
      statements = 0;
      const status = await read();
      const perRequest = statements;
      const started = process.hrtime.bigint();
      for (let i = 0; i < 100; i++) await read();
      const ms = Number(process.hrtime.bigint() - started) / 1e6 / 100;
      rows.push(`| ${name} | ${status} | ${perRequest} | ${ms.toFixed(1)} ms |`);
    }
    await new Promise((resolve) => server.close(resolve));
    process.stdout.write([``, `${articles} articles, SQLite, one request at a time`, '| read | status | SQL statements | mean time |', '|---|---:|---:|---:|', ...rows, ''].join('\n'));
  } finally {
    if (strapi) await stopStrapi(strapi);
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

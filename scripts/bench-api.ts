/**
 * `npm run bench:api [-- --articles N] [--duration S] [--connections C] [--skip-build]`
 *
 * Throughput of the frontend API against a production build: builds the app (`strapi build`, unless
 * --skip-build), imports N (default 1,000) generated Tempo-shaped pages into a throw-away SQLite
 * database through the news-importer service, starts `strapi start` (NODE_ENV=production) on it and
 * measures with autocannon, one endpoint after the other: the article list, the article page by slug
 * (a first request, and a conditional one answered 304), its JSON-LD and the GraphQL query. Beside them,
 * the ceiling: a bare `node:http` handler in its own process that runs, on the same database, the very
 * SQL statements the slug endpoint runs for a first request (recorded from Strapi while it answers one)
 * and sends the rows as JSON. Prints req/s, p99 latency and each endpoint's share of the ceiling.
 * Targets: slug ≥ 0.3 of the ceiling, a 304 ≥ 0.6. A benchmark, not a test: it never fails on speed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import type { ImporterService } from '../src/plugins/news-importer/server/src/services/importer';
import type { ArticleService } from '../src/api/article/services/article';
import { APP_DIR, bootStrapi, stopStrapi } from './lib/boot';
import { makeTempoPage } from './lib/tempo-pages';

// ---------------------------------------------------------------- options

interface Options {
  articles: number;
  duration: number;
  connections: number;
  skipBuild: boolean;
}

const USAGE = 'Usage: npm run bench:api [-- --articles N] [--duration SECONDS] [--connections C] [--skip-build]';

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { articles: 1000, duration: 10, connections: 10, skipBuild: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = (): number => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a whole number ≥ 1.\n${USAGE}`);
      return value;
    };
    if (arg === '--articles') options.articles = number();
    else if (arg === '--duration') options.duration = number();
    else if (arg === '--connections') options.connections = number();
    else if (arg === '--skip-build') options.skipBuild = true;
    else throw new Error(`Unknown option ${arg}.\n${USAGE}`);
  }
  return options;
}

// ---------------------------------------------------------------- the ceiling: a bare node:http handler

interface RecordedQuery {
  sql: string;
  bindings: unknown[];
}

/** Child-process mode: serves the recorded SQL of the slug endpoint straight from better-sqlite3. */
function bareServer(dbFile: string, sqlFile: string, port: number): void {
  const Database = require('better-sqlite3') as new (file: string, options: { readonly: boolean }) => {
    prepare(sql: string): { reader: boolean; all(...bindings: unknown[]): unknown[]; run(...bindings: unknown[]): unknown };
  };
  const db = new Database(dbFile, { readonly: true });
  const queries = (JSON.parse(fs.readFileSync(sqlFile, 'utf8')) as RecordedQuery[]).map((query) => ({
    statement: db.prepare(query.sql),
    bindings: query.bindings,
  }));
  http
    .createServer((_request, response) => {
      const rows = queries.map(({ statement, bindings }) => (statement.reader ? statement.all(...bindings) : statement.run(...bindings)));
      const body = JSON.stringify({ data: rows });
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
      response.end(body);
    })
    .listen(port, '127.0.0.1', () => process.send?.('ready'));
}

// ---------------------------------------------------------------- helpers

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before answering ${url}.`);
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s.`);
}

const log = (line: string): void => void process.stderr.write(`${line}\n`);

interface Result {
  name: string;
  requests: number;
  p99: number;
  non2xx: number;
  status: string;
}

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
  statusCodeStats?: Record<string, { count: number }>;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

/** Loads autocannon (a devDependency) with a clear message when it is missing. */
function loadAutocannon(): Autocannon {
  try {
    return require('autocannon') as Autocannon;
  } catch {
    throw new Error('autocannon is not installed: run `npm install` (it is a devDependency) or `npm i --no-save autocannon`.');
  }
}

async function measure(autocannon: Autocannon, name: string, options: Options, request: Record<string, unknown>): Promise<Result> {
  // A short warm-up (JIT, SQLite page cache), then the measured run.
  await autocannon({ ...request, connections: options.connections, duration: Math.min(2, options.duration) });
  const result = await autocannon({ ...request, connections: options.connections, duration: options.duration });
  const status = Object.entries(result.statusCodeStats ?? {})
    .map(([code, stats]) => `${code}×${stats.count}`)
    .join(' ');
  log(`  ${name}: ${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms (${status})`);
  return { name, requests: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, status };
}

// ---------------------------------------------------------------- steps

/** Imports the pages and records the SQL a first request for `slug` runs; returns the slug. */
async function prepareDatabase(dbFile: string, sqlFile: string, count: number): Promise<string> {
  // Set, not defaulted: bootStrapi's defaults yield to .env, and .env names the development database.
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.relative(APP_DIR, dbFile), NEWS_IMPORTER_AUTO_SEED: 'true' });
  const strapi: Core.Strapi = await bootStrapi();
  const file = (strapi.config.get('database.connection.connection') as { filename?: string }).filename;
  if (!file || path.resolve(file) !== dbFile) throw new Error(`Refusing to import into ${file}: the benchmark writes only to ${dbFile}.`);
  try {
    const importer = strapi.plugin('news-importer').service('importer') as ImporterService;
    const started = Date.now();
    let slug = '';
    for (let n = 0; n < count; n++) {
      const report = await importer.importText(makeTempoPage(n), { capturedAt: '2025-01-01T10:00:00+07:00' });
      if (n === Math.floor(count / 2)) slug = report.slug;
      if ((n + 1) % 200 === 0) log(`  imported ${n + 1}/${count} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }

    const service = strapi.service('api::article.article' as never) as unknown as ArticleService;
    const recorded: RecordedQuery[] = [];
    const record = (query: { sql: string; bindings?: unknown[] }): void => {
      recorded.push({ sql: query.sql, bindings: (query.bindings ?? []).map((b) => (b instanceof Date ? b.valueOf() : typeof b === 'boolean' ? Number(b) : b)) });
    };
    // What the controller runs for an anonymous first request: resolve, version (ETag), page and alternates.
    const resolved = await service.resolvePage({ slug, locale: 'id', fallback: false, status: 'published' });
    if (!resolved) throw new Error(`The imported article ${slug} is not found.`);
    strapi.db.connection.on('query', record);
    await service.resolvePage({ slug, locale: 'id', fallback: false, status: 'published' });
    await service.pageEtag(resolved, 'page', 'http://127.0.0.1', []);
    await service.loadPage(resolved);
    strapi.db.connection.off('query', record);
    fs.writeFileSync(sqlFile, JSON.stringify(recorded));
    log(`  recorded ${recorded.length} SQL statements for /api/articles/slug/${slug}`);
    return slug;
  } finally {
    await stopStrapi(strapi);
  }
}

function stop(child: ChildProcess | undefined): void {
  if (child && child.exitCode === null && child.pid) child.kill('SIGTERM');
}

async function main(): Promise<void> {
  if (process.argv[2] === '--bare-server') {
    bareServer(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  const autocannon = loadAutocannon();
  const work = path.join(APP_DIR, '.tmp', `bench-api-${process.pid}`);
  fs.mkdirSync(work, { recursive: true });
  const dbFile = path.join(work, 'data.db');
  const sqlFile = path.join(work, 'slug-sql.json');
  let strapiProcess: ChildProcess | undefined;
  let bareProcess: ChildProcess | undefined;
  const cleanUp = (): void => {
    stop(strapiProcess);
    stop(bareProcess);
    fs.rmSync(work, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });

  try {
    const begun = Date.now();
    if (!options.skipBuild) {
      log('Building the app for production (npm run build)…');
      const build = spawnSync('npm', ['run', 'build'], { cwd: APP_DIR, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
      if (build.status !== 0) throw new Error('npm run build failed.');
    }

    log(`Importing ${options.articles} generated articles into ${path.relative(APP_DIR, dbFile)}…`);
    const slug = await prepareDatabase(dbFile, sqlFile, options.articles);

    const strapiPort = await freePort();
    const barePort = await freePort();
    log(`Starting strapi start (NODE_ENV=production) on :${strapiPort} and the bare handler on :${barePort}…`);
    strapiProcess = spawn(process.execPath, [path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
      cwd: APP_DIR,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(strapiPort),
        DATABASE_CLIENT: 'sqlite',
        DATABASE_FILENAME: path.relative(APP_DIR, dbFile),
        NEWS_IMPORTER_AUTO_SEED: 'false',
        // Measure the API, not the terminal: no line per request.
        LOG_LEVEL: 'warn',
        STRAPI_TELEMETRY_DISABLED: 'true',
      },
    });
    bareProcess = spawn(process.execPath, [...process.execArgv, __filename, '--bare-server', dbFile, sqlFile, String(barePort)], {
      cwd: APP_DIR,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const strapiUrl = `http://127.0.0.1:${strapiPort}`;
    await waitFor(`${strapiUrl}/api/articles?pagination[pageSize]=1`, strapiProcess, 120);
    await waitFor(`http://127.0.0.1:${barePort}/`, bareProcess, 30);

    const pageUrl = `${strapiUrl}/api/articles/slug/${slug}?locale=id`;
    const first = await fetch(pageUrl);
    const etag = first.headers.get('etag');
    if (first.status !== 200 || !etag) throw new Error(`${pageUrl} answered ${first.status} without an ETag.`);
    const graphqlBody = JSON.stringify({
      query:
        'query($slug: String!) { articleBySlug(slug: $slug, locale: "id") { documentId title slug body publishedDate reporters { name kind } editors { name } photos(sort: "position:asc") { caption credit image { url formats } } relatedLinks(sort: "position:asc") { title kind target { slug } } } }',
      variables: { slug },
    });

    log(`Measuring, ${options.duration} s per endpoint with ${options.connections} connections…`);
    const ceiling = await measure(autocannon, 'ceiling: bare node:http, same SQL as the slug endpoint', options, { url: `http://127.0.0.1:${barePort}/` });
    const results = [
      await measure(autocannon, 'GET /api/articles?locale=id (list)', options, { url: `${strapiUrl}/api/articles?locale=id` }),
      await measure(autocannon, 'GET /api/articles/slug/:slug (first request)', options, { url: pageUrl }),
      await measure(autocannon, 'GET /api/articles/slug/:slug (If-None-Match → 304)', options, { url: pageUrl, headers: { 'if-none-match': etag } }),
      await measure(autocannon, 'GET /api/articles/slug/:slug/jsonld', options, { url: `${strapiUrl}/api/articles/slug/${slug}/jsonld?locale=id` }),
      await measure(autocannon, 'POST /graphql articleBySlug', options, {
        url: `${strapiUrl}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: graphqlBody,
      }),
    ];

    const rows = [ceiling, ...results].map((result) => [
      result.name,
      Math.round(result.requests).toString(),
      `${result.p99} ms`,
      (result.requests / ceiling.requests).toFixed(2),
      result.status,
    ]);
    const header = ['endpoint', 'req/s', 'p99', '× ceiling', 'status codes'];
    const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
    const line = (cells: string[]): string => `| ${cells.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
    const share = (index: number): number => results[index]!.requests / ceiling.requests;
    process.stdout.write(
      [
        '',
        `${options.articles} imported articles (+ the seed), SQLite, strapi start (NODE_ENV=production), ${options.connections} connections, ${options.duration} s per endpoint, slug ${slug}`,
        line(header),
        `|${widths.map((width, column) => (column === 0 || column === 4 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
        ...rows.map(line),
        '',
        `slug endpoint: ${share(1).toFixed(2)} of the ceiling (target ≥ 0.3: ${share(1) >= 0.3 ? 'met' : 'NOT met'})`,
        `304 answer:    ${share(2).toFixed(2)} of the ceiling (target ≥ 0.6: ${share(2) >= 0.6 ? 'met' : 'NOT met'})`,
        `total time:    ${((Date.now() - begun) / 1000).toFixed(0)} s`,
        '',
      ].join('\n')
    );
  } finally {
    cleanUp();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

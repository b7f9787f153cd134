/**
 * `npm run bench:api [-- --articles N] [--db sqlite|postgres] [--duration S] [--connections C] [--skip-build]`
 *
 * Throughput of the frontend API against a production build, each endpoint against its own ceiling.
 * Builds the app (`strapi build`, unless --skip-build), imports 1,000 generated Tempo-shaped pages into a
 * throw-away database (SQLite file, or with --db postgres a throw-away PostgreSQL database) through the
 * news-importer service, copies them in SQL up to N (scripts/lib/multiply-articles.ts), then records,
 * from an in-process Strapi (mounted server, knex `query` events, page cache off), the SQL statements
 * each endpoint runs for one request. A bare `node:http` handler in its own process replays each
 * endpoint's statements on the same database (better-sqlite3, or `pg`) and sends the rows as JSON: that
 * endpoint's ceiling. Then `strapi start` (NODE_ENV=production) is measured with autocannon, endpoint
 * by endpoint, as configured by default, then once more with both caches of built answers off
 * (PUBLIC_PAGE_CACHE_SIZE=0, PUBLIC_RESPONSE_CACHE_MB=0): the whole pipeline on every request.
 * Prints req/s, p99, the ceiling's req/s, the share of the ceiling and the server's RSS after each run.
 * Targets (issue 11): every endpoint ≥ 0.3 of its ceiling, the article page and its 304 ≥ 0.6.
 * A benchmark, not a test: it never fails on speed, but it exits with 1 when an endpoint or a ceiling
 * got no answer: such a run is printed as "not measured", never as a met target (lib/bench-verdict.ts).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { getService } from '../src/plugins/news-importer/server/src/utils';
import { APP_DIR, bootStrapi, stopStrapi } from './lib/boot';
import { shareCell, verdict } from './lib/bench-verdict';
import { parseLoadOptions, type LoadOptions } from './lib/load-options';
import { multiplyArticles } from './lib/multiply-articles';
import { makeTempoPage } from './lib/tempo-pages';

// ---------------------------------------------------------------- options

type Db = 'sqlite' | 'postgres';

interface Options extends LoadOptions {
  articles: number;
  db: Db;
}

const IMPORTED = 1000;
const USAGE = 'Usage: npm run bench:api [-- --articles N] [--db sqlite|postgres] [--duration SECONDS] [--connections C] [--skip-build]';

function parseOptions(argv: readonly string[]): Options {
  const options = parseLoadOptions<Options>(argv, { articles: IMPORTED, db: 'sqlite', duration: 10, connections: 10, skipBuild: false }, USAGE, {
    '--articles': (read, o) => {
      o.articles = read.wholeNumber();
    },
    '--db': (read, o) => {
      const db = read.text();
      if (db !== 'sqlite' && db !== 'postgres') throw new Error(`--db is sqlite or postgres.\n${USAGE}`);
      o.db = db;
    },
  });
  if (options.articles < IMPORTED || options.articles % IMPORTED !== 0) throw new Error(`--articles must be a multiple of ${IMPORTED}.\n${USAGE}`);
  return options;
}

// ---------------------------------------------------------------- the ceilings: a bare node:http handler

interface RecordedQuery {
  sql: string;
  bindings: unknown[];
}
/** Each endpoint's statements, by ceiling name (the bare handler serves them at `/<name>`). */
type Recorded = Record<string, RecordedQuery[]>;

/** Child-process mode: replays each endpoint's recorded SQL straight from the driver, one statement after the other. */
async function bareServer(db: Db, target: string, sqlFile: string, port: number): Promise<void> {
  const recorded = JSON.parse(fs.readFileSync(sqlFile, 'utf8')) as Recorded;
  let run: (name: string) => Promise<unknown[]>;
  if (db === 'sqlite') {
    const Database = require('better-sqlite3') as new (file: string, options: { readonly: boolean }) => {
      prepare(sql: string): { reader: boolean; all(...bindings: unknown[]): unknown[]; run(...bindings: unknown[]): unknown };
    };
    const database = new Database(target, { readonly: true });
    const prepared = Object.fromEntries(
      Object.entries(recorded).map(([name, queries]) => [name, queries.map((query) => ({ statement: database.prepare(query.sql), bindings: query.bindings }))])
    );
    run = async (name) => (prepared[name] ?? []).map(({ statement, bindings }) => (statement.reader ? statement.all(...bindings) : statement.run(...bindings)));
  } else {
    const { Pool } = require('pg') as typeof import('pg');
    // As many connections as Strapi's pool may use under load.
    const pool = new Pool({ connectionString: target, max: 10 });
    run = async (name) => {
      const client = await pool.connect();
      try {
        const rows: unknown[] = [];
        for (const query of recorded[name] ?? []) rows.push((await client.query(query.sql, query.bindings as unknown[])).rows);
        return rows;
      } finally {
        client.release();
      }
    };
  }
  http
    .createServer((request, response) => {
      const name = (request.url ?? '/').slice(1);
      run(name).then(
        (rows) => {
          const body = JSON.stringify({ data: rows });
          response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
          response.end(body);
        },
        (error: unknown) => {
          response.writeHead(500, { 'Content-Type': 'text/plain' });
          response.end(String(error));
        }
      );
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

/** The server's resident memory, from /proc (Linux); null elsewhere. */
function rssMb(pid: number | undefined): number | null {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- steps

interface Request {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface Endpoint {
  name: string;
  /** The recorded request whose SQL is this endpoint's ceiling. */
  ceiling: string;
  request: Request;
  /** Measured on the server with the page cache off. */
  uncached?: boolean;
}

const graphql = (query: string, variables: Record<string, unknown> = {}): Request => ({
  path: '/graphql',
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query, variables }),
});

/** The reads to record and measure, for an article `slug` and a reporter `reporter` of the archive. */
function reads(slug: string, reporter: string): Record<string, Request> {
  return {
    list: { path: '/api/articles?locale=id' },
    home: {
      path: '/api/articles?locale=id&sort=publishedDate:desc&pagination[pageSize]=25&populate[reporters][fields][0]=name&populate[photos][filters][position][$eq]=0&populate[photos][populate][image]=true',
    },
    section: { path: '/api/articles?locale=id&filters[section][$eq]=Nasional&sort=publishedDate:desc' },
    reporter: { path: `/api/articles?locale=id&filters[reporters][slug][$eq]=${encodeURIComponent(reporter)}&sort=publishedDate:desc` },
    page: { path: `/api/articles/slug/${slug}?locale=id` },
    'graphql-slug': graphql(
      'query($slug: String!) { articleBySlug(slug: $slug, locale: "id") { documentId title slug subtitle section body publishedDate dateline reporters { name slug kind } editors { name } translators { name } photos(sort: "position:asc") { caption credit image { url formats } } relatedLinks(sort: "position:asc") { title url kind target { slug } } } }',
      { slug }
    ),
    'graphql-home': graphql(
      '{ articles(locale: "id", sort: "publishedDate:desc", pagination: { pageSize: 25 }) { documentId title slug publishedDate reporters { name } photos(pagination: { limit: 1 }) { caption image { url } } } }'
    ),
  };
}

const ENDPOINTS: readonly { name: string; ceiling: string; uncached?: boolean; conditional?: boolean }[] = [
  { name: 'list `GET /api/articles?locale=id`', ceiling: 'list' },
  { name: 'home page (25, sorted, reporters, lead photo)', ceiling: 'home' },
  { name: 'section page (`filters[section]`)', ceiling: 'section' },
  { name: 'reporter page (`filters[reporters][slug]`)', ceiling: 'reporter' },
  { name: 'article page `/api/articles/slug/:slug`', ceiling: 'page' },
  { name: 'article page → 304 (If-None-Match)', ceiling: 'page', conditional: true },
  { name: 'GraphQL `articleBySlug` (whole page)', ceiling: 'graphql-slug' },
  { name: 'GraphQL home page', ceiling: 'graphql-home' },
];

/** Both of the app's caches of built answers off: every request runs routing, the query and the serialising. */
const WHOLE_PIPELINE = { PUBLIC_PAGE_CACHE_SIZE: '0', PUBLIC_RESPONSE_CACHE_MB: '0' } as const;

/** The environment that points Strapi at the benchmark's database. */
function databaseEnv(db: Db, target: string): Record<string, string> {
  return db === 'sqlite'
    ? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.relative(APP_DIR, target) }
    : { DATABASE_CLIENT: 'postgres', DATABASE_URL: target, DATABASE_NAME: new URL(target).pathname.slice(1) };
}

/**
 * Imports the pages, copies them up to `articles`, and records the SQL each read runs for one request
 * (page cache off, after a warm-up request). Returns the reads.
 */
async function prepareDatabase(db: Db, target: string, sqlFile: string, articles: number): Promise<Record<string, Request>> {
  // Set, not defaulted: bootStrapi's defaults yield to .env, and .env names the development database.
  const cacheSize = process.env.PUBLIC_PAGE_CACHE_SIZE;
  const keptMb = process.env.PUBLIC_RESPONSE_CACHE_MB;
  Object.assign(process.env, databaseEnv(db, target), { NEWS_IMPORTER_AUTO_SEED: 'false', ...WHOLE_PIPELINE });
  const strapi: Core.Strapi = await bootStrapi();
  // Only this process records with the cache off; `strapi start` below inherits process.env.
  if (cacheSize === undefined) delete process.env.PUBLIC_PAGE_CACHE_SIZE;
  else process.env.PUBLIC_PAGE_CACHE_SIZE = cacheSize;
  if (keptMb === undefined) delete process.env.PUBLIC_RESPONSE_CACHE_MB;
  else process.env.PUBLIC_RESPONSE_CACHE_MB = keptMb;
  if (db === 'sqlite') {
    const file = (strapi.config.get('database.connection.connection') as { filename?: string }).filename;
    if (!file || path.resolve(file) !== target) throw new Error(`Refusing to import into ${file}: the benchmark writes only to ${target}.`);
  }
  let server: http.Server | null = null;
  try {
    const imports = getService(strapi, 'imports');
    const started = Date.now();
    for (let n = 0; n < IMPORTED; n++) {
      await imports.run({ text: makeTempoPage(n), capturedAt: '2025-01-01T10:00:00+07:00' }, { kind: 'cli' });
      if ((n + 1) % 200 === 0) log(`  imported ${n + 1}/${IMPORTED} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    if (articles > IMPORTED) {
      log(`  copying them to ${articles} articles…`);
      await multiplyArticles(strapi.db.connection, articles / IMPORTED - 1);
    }
    // What a running database has after a bulk load: statistics, and on PostgreSQL the visibility map
    // autovacuum sets within a minute (index-only scans, such as the listing count, need it).
    await strapi.db.connection.raw(db === 'sqlite' ? 'PRAGMA optimize=0x10002' : 'VACUUM ANALYZE');

    strapi.server.mount();
    server = strapi.server.httpServer;
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    const sample = (await (await fetch(`${base}/api/articles?locale=id&sort=publishedDate:desc&pagination[pageSize]=1&populate[reporters][fields][0]=slug`)).json()) as {
      data: Array<{ slug: string; reporters: Array<{ slug: string }> }>;
    };
    const slug = sample.data[0]!.slug;
    const reporter = sample.data[0]!.reporters[0]!.slug;
    const requests = reads(slug, reporter);

    const recorded: Recorded = {};
    let current: RecordedQuery[] | null = null;
    if (db === 'sqlite') {
      // The article page runs its fixed queries as prepared statements straight on the connection
      // (src/api/article/page/repository.ts), which knex never sees: record at the driver instead.
      const Database = require('better-sqlite3') as new (file: string) => { prepare(sql: string): object; close(): void };
      const scratch = new Database(':memory:');
      const statement = Object.getPrototypeOf(scratch.prepare('select 1')) as Record<string, (...args: unknown[]) => unknown> & { source?: string };
      scratch.close();
      for (const method of ['all', 'get', 'run'] as const) {
        const original = statement[method]!;
        statement[method] = function (this: { source: string }, ...args: unknown[]): unknown {
          // knex passes one array of bindings, the page repository spreads them.
          current?.push({ sql: this.source, bindings: args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args });
          return original.apply(this, args);
        };
      }
    } else {
      strapi.db.connection.on('query', (query: { sql: string; bindings?: unknown[] }) => void current?.push({ sql: query.sql, bindings: query.bindings ?? [] }));
    }
    for (const [name, request] of Object.entries(requests)) {
      const send = (): Promise<Response> => fetch(base + request.path, { method: request.method ?? 'GET', headers: request.headers, body: request.body });
      await send();
      current = [];
      const response = await send();
      const text = await response.text();
      if (response.status !== 200 || text.includes('"errors"')) throw new Error(`${name} (${request.path}) answered ${response.status}: ${text.slice(0, 300)}`);
      recorded[name] = current;
      current = null;
      log(`  ${name}: ${recorded[name]!.length} SQL statements`);
    }
    fs.writeFileSync(sqlFile, JSON.stringify(recorded));
    return requests;
  } finally {
    if (server) await new Promise((resolve) => server!.close(resolve));
    await stopStrapi(strapi);
  }
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || !child.pid) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts `strapi start` (production) on the benchmark's database; resolves once it answers. */
async function startStrapi(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: APP_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      ...env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      NEWS_IMPORTER_AUTO_SEED: 'false',
      // Measure the API, not the terminal: no line per request.
      LOG_LEVEL: 'warn',
      STRAPI_TELEMETRY_DISABLED: 'true',
    },
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/articles?pagination[pageSize]=1`, child, 180);
  return { child, url };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--bare-server') {
    await bareServer(process.argv[3] as Db, process.argv[4]!, process.argv[5]!, Number(process.argv[6]));
    return;
  }
  const options = parseOptions(process.argv.slice(2));
  const autocannon = loadAutocannon();
  const work = path.join(APP_DIR, '.tmp', `bench-api-${process.pid}`);
  fs.mkdirSync(work, { recursive: true });
  const sqlFile = path.join(work, 'recorded-sql.json');
  const pgName = `kabar_bench_${process.pid}`;
  const pgAdmin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const target = options.db === 'sqlite' ? path.join(work, 'data.db') : Object.assign(new URL(pgAdmin), { pathname: `/${pgName}` }).toString();
  const children: ChildProcess[] = [];
  const onPostgres = async (sql: string): Promise<void> => {
    const { Client } = require('pg') as typeof import('pg');
    const client = new Client({ connectionString: pgAdmin });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  const cleanUp = async (): Promise<void> => {
    await Promise.all(children.map((child) => stop(child)));
    if (options.db === 'postgres') await onPostgres(`DROP DATABASE IF EXISTS ${pgName}`).catch(() => undefined);
    fs.rmSync(work, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });

  try {
    const begun = Date.now();
    if (!options.skipBuild) {
      log('Building the app for production (npm run build)…');
      const build = spawnSync('npm', ['run', 'build'], { cwd: APP_DIR, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } });
      if (build.status !== 0) throw new Error('npm run build failed.');
    }
    if (options.db === 'postgres') await onPostgres(`CREATE DATABASE ${pgName}`);

    log(`Importing ${IMPORTED} generated articles (${options.articles} in all) into a throw-away ${options.db} database, recording each read's SQL…`);
    const requests = await prepareDatabase(options.db, target, sqlFile, options.articles);

    const barePort = await freePort();
    const bare = spawn(process.execPath, [...process.execArgv, __filename, '--bare-server', options.db, target, sqlFile, String(barePort)], {
      cwd: APP_DIR,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    children.push(bare);
    await waitFor(`http://127.0.0.1:${barePort}/list`, bare, 30);

    log(`Measuring, ${options.duration} s per endpoint with ${options.connections} connections…`);
    const ceilings: Record<string, Result> = {};
    for (const name of new Set(ENDPOINTS.map((endpoint) => endpoint.ceiling))) {
      ceilings[name] = await measure(autocannon, `ceiling ${name}`, options, { url: `http://127.0.0.1:${barePort}/${name}` });
    }
    await stop(bare);

    const rows: { endpoint: (typeof ENDPOINTS)[number]; result: Result; rss: number | null }[] = [];
    for (const uncached of [false, true]) {
      log(`Starting strapi start (NODE_ENV=production, ${uncached ? 'page cache and kept responses off: the whole pipeline every time' : 'as configured by default'})…`);
      const { child, url } = await startStrapi({ ...databaseEnv(options.db, target), ...(uncached ? WHOLE_PIPELINE : {}) });
      children.push(child);
      for (const base of ENDPOINTS) {
        const endpoint = uncached ? { ...base, name: `${base.name}, whole pipeline`, uncached: true } : base;
        const request = requests[endpoint.ceiling]!;
        const headers: Record<string, string> = { ...request.headers };
        if (endpoint.conditional) {
          const etag = (await fetch(url + request.path)).headers.get('etag');
          if (!etag) throw new Error(`${request.path} answered without an ETag.`);
          headers['if-none-match'] = etag;
        }
        const result = await measure(autocannon, endpoint.name, options, { url: url + request.path, method: request.method ?? 'GET', headers, body: request.body });
        rows.push({ endpoint, result, rss: rssMb(child.pid) });
      }
      await stop(child);
    }

    const table = rows.map(({ endpoint, result, rss }) => {
      const ceiling = ceilings[endpoint.ceiling]!;
      return [
        endpoint.name,
        Math.round(result.requests).toString(),
        `${result.p99} ms`,
        Math.round(ceiling.requests).toString(),
        shareCell({ name: endpoint.name, result, ceiling }),
        rss === null ? '?' : `${rss} MB`,
        result.status,
      ];
    });
    const header = ['endpoint', 'req/s', 'p99', 'ceiling req/s', '× ceiling', 'RSS after', 'status codes'];
    const left = new Set([0, 6]);
    const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => row[column]!.length)));
    const line = (cells: string[]): string => `| ${cells.map((cell, column) => (left.has(column) ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
    // The targets are for the app as it runs by default; the whole-pipeline rows show what the caches save.
    // A run that got no answer (endpoint or ceiling) is reported as not measured, never as met.
    const judged = verdict(
      rows.map(({ endpoint, result }) => ({
        name: endpoint.name,
        result,
        ceiling: ceilings[endpoint.ceiling]!,
        target: endpoint.uncached ? undefined : endpoint.ceiling === 'page' ? 0.6 : 0.3,
      })),
      '(≥ 0.3 of the ceiling, article page and 304 ≥ 0.6)'
    );
    if (judged.unmeasured.length > 0) process.exitCode = 1;
    process.stdout.write(
      [
        '',
        `${options.articles} articles, ${options.db}, strapi start (NODE_ENV=production), ${options.connections} connections, ${options.duration} s per endpoint`,
        line(header),
        `|${widths.map((width, column) => (left.has(column) ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`,
        ...table.map(line),
        '',
        ...judged.lines,
        `total time: ${((Date.now() - begun) / 1000).toFixed(0)} s`,
        '',
      ].join('\n')
    );
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});

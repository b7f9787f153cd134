/**
 * `npm run bench:import [-- --articles N] [--db sqlite|postgres|both] [--baseline-articles M]`
 *
 * Imports N generated articles (default 1,000; each with a byline of a reporter and an editor drawn
 * from a pool of 50 names, 2 photos and 10 related links) into a fresh database with the
 * news-importer, then the same articles again (all must come back `unchanged`), and prints articles
 * per second for both passes. SQLite and/or PostgreSQL (a throw-away database created and dropped at
 * TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 *
 * The importer's timings cover the whole import flow as `npm run import DIR` runs it: the pages
 * read lazily, validated, parsed and planned, written 200 per transaction (each page all or
 * nothing), each recorded in the history with its undo footprint, and Strapi's events emitted
 * with their payloads (read and sanitised as the Document Service does).
 *
 * Beside it, on another fresh database, the plain Document Service loop (M articles, default 200:
 * it is slow), given the texts parsed before timing, so the comparison favours the loop. Per
 * article it does what an importer written against the Document Service would: one transaction;
 * `findFirst` by import key (unchanged when the hash matches); per credited reporter a `findFirst` by
 * slug and a `create` when missing; `create` of the article (published, with its byline); then one
 * `create` per photo and per related link (published, attached to the article). That is 16 Document
 * Service calls for these articles, each of which Strapi turns into several statements (the
 * document, its published version, its relations) and an event.
 *
 * Targets (issue 12): first import ≥ 1,000 articles/s on SQLite and ≥ 300 on PostgreSQL, re-import
 * of unchanged pages ≥ 3,000/s. A benchmark, not a test: it fails only when an import gives the
 * wrong result, never on speed.
 *
 * SQLite runs as the app configures it at boot (write-ahead logging, src/bootstrap/sqlite.ts).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { Core } from '@strapi/strapi';
import { parseArticle, type ParsedArticle } from '../src/plugins/news-importer/server/src/parser';
import { planArticle, type ArticlePlan, type ReporterRole } from '../src/plugins/news-importer/server/src/importer/mapping';
import { makeTempoPage, PAGE_PHOTOS, PAGE_RELATED, REPORTER_POOL } from './lib/tempo-pages';
import { getService } from '../src/plugins/news-importer/server/src/utils';
import { newBatchId } from '../src/plugins/news-importer/server/src/services/imports';

const APP_DIR = path.resolve(__dirname, '..');
const ARTICLE = 'api::article.article';
const REPORTER = 'api::reporter.reporter';
const PHOTO = 'api::photo.photo';
const RELATED_LINK = 'api::related-link.related-link';
const ROLES: readonly ReporterRole[] = ['reporters', 'editors', 'translators'];

// ---------------------------------------------------------------------------------------------
// Generated articles (scripts/lib/tempo-pages.ts)
// ---------------------------------------------------------------------------------------------

/** Parses article texts 0…count-1 and checks each has the advertised shape. */
export function generateArticles(count: number): ParsedArticle[] {
  return Array.from({ length: count }, (_, n) => {
    const parsed = parseArticle(makeTempoPage(n));
    if (parsed.photos.length !== PAGE_PHOTOS || parsed.related.length + parsed.readAlso.length !== PAGE_RELATED) {
      throw new Error(`generated article ${n} parsed to ${parsed.photos.length} photos and ${parsed.related.length + parsed.readAlso.length} links`);
    }
    return parsed;
  });
}

// ---------------------------------------------------------------------------------------------
// The baseline: a plain loop of Document Service calls
// ---------------------------------------------------------------------------------------------

// The Document Service's generics are keyed on generated content-type names; the bench uses plain records.
type Documents = (uid: string) => {
  findFirst(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
};

/**
 * One article the straightforward way, as the importer did before: in one transaction, find it by
 * import key (unchanged when the hash matches), find or create each reporter, create the article
 * published, then each photo and related link, one Document Service call each.
 */
async function importWithDocumentService(strapi: Core.Strapi, plan: ArticlePlan): Promise<'created' | 'unchanged'> {
  const documents = strapi.documents as unknown as Documents;
  return strapi.db.transaction(async () => {
    const existing = await documents(ARTICLE).findFirst({
      locale: plan.locale,
      status: 'published',
      filters: { importKey: plan.article.importKey },
      fields: ['contentHash'],
    });
    if (existing && existing.contentHash === plan.article.contentHash) return 'unchanged';
    const ids = new Map<string, string>();
    for (const reporter of ROLES.flatMap((role) => plan.byline[role])) {
      if (ids.has(reporter.slug)) continue;
      const found = await documents(REPORTER).findFirst({ filters: { slug: reporter.slug }, fields: ['documentId'] });
      ids.set(reporter.slug, found ? String(found.documentId) : (await documents(REPORTER).create({ data: { ...reporter } })).documentId);
    }
    const roles = Object.fromEntries(ROLES.map((role) => [role, plan.byline[role].map((r) => ids.get(r.slug))]));
    const { documentId } = await documents(ARTICLE).create({ locale: plan.locale, status: 'published', data: { ...plan.article, ...roles } });
    for (const photo of plan.photos) {
      await documents(PHOTO).create({ locale: plan.locale, status: 'published', data: { ...photo, article: documentId } });
    }
    for (const link of plan.relatedLinks) {
      await documents(RELATED_LINK).create({ locale: plan.locale, status: 'published', data: { ...link, article: documentId } });
    }
    return 'created';
  });
}

// ---------------------------------------------------------------------------------------------
// Databases and Strapi
// ---------------------------------------------------------------------------------------------

type DatabaseKind = 'sqlite' | 'postgres';

function postgresUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

async function onPostgres(sql: string): Promise<void> {
  const client = new Client({ connectionString: postgresUrl('postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Points the environment at a new, empty database; returns how to remove it. */
async function freshDatabase(kind: DatabaseKind): Promise<() => Promise<void>> {
  const name = `kabar_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (kind === 'postgres') {
    await onPostgres(`CREATE DATABASE "${name}"`);
    Object.assign(process.env, { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgresUrl(name) });
    return () => onPostgres(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const relative = path.join('.tmp', `${name}.db`);
  fs.mkdirSync(path.join(APP_DIR, '.tmp'), { recursive: true });
  Object.assign(process.env, { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: relative });
  delete process.env.DATABASE_URL;
  return async () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(APP_DIR, relative + suffix), { force: true });
  };
}

let compiled: Awaited<ReturnType<typeof import('@strapi/strapi').compileStrapi>> | null = null;

/** Boots Strapi without HTTP on a fresh database of the given kind. */
async function bootStrapi(kind: DatabaseKind): Promise<{ strapi: Core.Strapi; stop: () => Promise<void> }> {
  const { compileStrapi, createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const drop = await freshDatabase(kind);
  Object.assign(process.env, { NEWS_IMPORTER_AUTO_SEED: 'false', STRAPI_TELEMETRY_DISABLED: 'true', LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' });
  compiled ??= await compileStrapi();
  const strapi = await createStrapi({ ...compiled, autoReload: false, serveAdminPanel: false }).load();
  return {
    strapi,
    async stop() {
      await strapi.destroy();
      await drop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

interface Setup {
  kind: DatabaseKind;
}

const label = (setup: Setup): string => setup.kind;

/** Boots Strapi on a fresh database of that kind. */
const bootFor = (setup: Setup): Promise<{ strapi: Core.Strapi; stop: () => Promise<void> }> => bootStrapi(setup.kind);

interface Row {
  database: string;
  method: string;
  articles: number;
  first: number;
  again: number;
}

/** Runs `work` on every article in order; articles per second, and checks every result. */
async function timed<T>(articles: readonly T[], expected: string, work: (article: T) => Promise<string>): Promise<number> {
  const start = process.hrtime.bigint();
  for (const [index, article] of articles.entries()) {
    const action = await work(article);
    if (action !== expected) throw new Error(`article ${index}: ${action}, expected ${expected}`);
  }
  return articles.length / (Number(process.hrtime.bigint() - start) / 1e9);
}

async function counts(strapi: Core.Strapi): Promise<string> {
  const count = (uid: string) => strapi.db.query(uid as never).count({});
  return `${await count(ARTICLE)} article, ${await count(REPORTER)} reporter, ${await count(PHOTO)} photo, ${await count(RELATED_LINK)} link rows`;
}

async function benchImporter(setup: Setup, articles: ParsedArticle[]): Promise<Row> {
  const { strapi, stop } = await bootFor(setup);
  const kind = label(setup);
  try {
    // The whole import flow, as `npm run import` runs it: parse, plan, write, history record, events.
    const imports = getService(strapi, 'imports');
    const texts = articles.map((_, n) => makeTempoPage(n));
    // As `npm run import DIR` runs it: one batch, the pages read lazily, a few hundred per transaction.
    const importAll = async (expected: string): Promise<number> => {
      const start = process.hrtime.bigint();
      let index = 0;
      for await (const page of imports.importAll((function* () { for (const text of texts) yield { text }; })(), { kind: 'cli' }, newBatchId())) {
        if (!page.ok) throw new Error(`article ${index}: ${page.error.code}: ${page.error.message}`);
        if (page.outcome.report.action !== expected) throw new Error(`article ${index}: ${page.outcome.report.action}, expected ${expected}`);
        index += 1;
      }
      return texts.length / (Number(process.hrtime.bigint() - start) / 1e9);
    };
    const first = await importAll('created');
    const again = await importAll('unchanged');
    process.stderr.write(`  ${kind} importer: ${await counts(strapi)}\n`);
    return { database: kind, method: 'importer', articles: articles.length, first, again };
  } finally {
    await stop();
  }
}

async function benchDocumentService(setup: Setup, articles: ParsedArticle[]): Promise<Row> {
  const { strapi, stop } = await bootFor(setup);
  const kind = label(setup);
  try {
    const plans = articles.map((article) => planArticle(article));
    // Planning is part of the import in both methods.
    const first = await timed(articles, 'created', (article) => importWithDocumentService(strapi, planArticle(article)));
    const again = await timed(plans, 'unchanged', (plan) => importWithDocumentService(strapi, plan));
    process.stderr.write(`  ${kind} Document Service loop: ${await counts(strapi)}\n`);
    return { database: kind, method: 'plain Document Service loop', articles: articles.length, first, again };
  } finally {
    await stop();
  }
}

function table(rows: Row[]): string {
  const header = ['database', 'method', 'articles', 'first import art/s', 're-import (unchanged) art/s', 'ratio (first / loop first)'];
  const lines = rows.map((row) => {
    const loop = rows.find((other) => other.database === row.database && other.method !== 'importer');
    const ratio = row.method === 'importer' && loop ? `${(row.first / loop.first).toFixed(1)}×` : '1.0×';
    const rate = (value: number): string => value.toFixed(value < 10 ? 1 : 0);
    return [row.database, row.method, String(row.articles), rate(row.first), rate(row.again), ratio];
  });
  const widths = header.map((cell, column) => Math.max(cell.length, ...lines.map((line) => line[column].length)));
  const format = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [format(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(format)].join('\n');
}

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const count = Number(option('articles') ?? 1000);
  const baselineCount = Number(option('baseline-articles') ?? Math.min(200, count));
  const db = option('db') ?? 'both';
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(baselineCount) || baselineCount < 1 || !['sqlite', 'postgres', 'both'].includes(db)) {
    process.stderr.write('Usage: npm run bench:import [-- --articles N] [--db sqlite|postgres|both] [--baseline-articles M]\n');
    process.exitCode = 2;
    return;
  }
  const kinds: DatabaseKind[] = db === 'both' ? ['sqlite', 'postgres'] : [db as DatabaseKind];
  const setups = kinds.map((kind): Setup => ({ kind }));
  const articles = generateArticles(Math.max(count, baselineCount));
  const rows: Row[] = [];
  for (const setup of setups) {
    process.stderr.write(`${label(setup)}: importer, ${count} articles…\n`);
    rows.push(await benchImporter(setup, articles.slice(0, count)));
    process.stderr.write(`${label(setup)}: plain Document Service loop, ${baselineCount} articles…\n`);
    rows.push(await benchDocumentService(setup, articles.slice(0, baselineCount)));
  }
  process.stdout.write(`\n${table(rows)}\n\n`);
  process.stdout.write(
    `Each article: a reporter and an editor (from a pool of ${REPORTER_POOL.length}), 2 photos, 10 related links; ` +
      `published (draft + published rows). The plain loop ran on ${baselineCount} articles. ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)} at the end.\n`
  );
  for (const row of rows.filter((r) => r.method === 'importer')) {
    const target = FIRST_IMPORT_TARGET[row.database as DatabaseKind];
    const loop = rows.find((other) => other.database === row.database && other.method !== 'importer');
    process.stdout.write(
      `Targets on ${row.database}: first import ≥ ${target} art/s (${row.first >= target ? 'met' : 'NOT met'}: ${row.first.toFixed(0)}), ` +
        `re-import ≥ ${REIMPORT_TARGET} art/s (${row.again >= REIMPORT_TARGET ? 'met' : 'NOT met'}: ${row.again.toFixed(0)})` +
        `${loop ? `; ${(row.first / loop.first).toFixed(0)}× the plain Document Service loop` : ''}.\n`
    );
  }
}

/** Issue 12's targets for the first import, articles per second. */
const FIRST_IMPORT_TARGET: Record<DatabaseKind, number> = { sqlite: 1000, postgres: 300 };
/** Issue 12's target for re-importing unchanged pages, on either database. */
const REIMPORT_TARGET = 3000;

if (require.main === module) {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    }
  );
}

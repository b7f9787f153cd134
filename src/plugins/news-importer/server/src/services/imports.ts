import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Core } from '@strapi/strapi';
import type { ArticleChanges, ImportReport, ImportStatus, ParsedArticle, UndoReport } from '../../../shared/contracts/imports';
import { ImporterError, toImporterError } from '../errors';
import { parseArticleWithTrace } from '../parser';
import { createImporter, type ChangedDocument, type PlannedImport, type WriteResult } from '../importer/import-article';
import { MAPPING_VERSION, planArticle, type ArticlePlan } from '../importer/mapping';
import { diffArticle } from '../importer/changes';
import { emitDocumentEvents } from '../importer/events';
import { base36 } from '../importer/document-id';
import { undoBatch } from '../importer/undo';
import { looseFileName, validateBatchId, validateImportRequest, type ImportRequest, type ImportRequestInput } from '../validation/import-request';
import type { NewsImporterConfig } from '../config';
import { PLUGIN_ID } from '../pluginId';
import { getService } from '../utils';
import type { ImportActor, ImportEntry } from './history';

export type { ImportActor, ImportRequestInput };

/** A new batch id: one per CLI invocation, admin import action or API call (base36, 20 characters). */
export function newBatchId(): string {
  return base36(randomBytes(12), 20);
}

/** One finished import: the report every entry point answers with, and what it changed. */
export interface ImportOutcome {
  report: ImportReport;
  /** Every document written, in order (empty for `unchanged`). */
  changed: ChangedDocument[];
  /** For an update: fields before → after, photos, links and names added or removed. */
  changes: ArticleChanges | null;
}

/** One seed file's outcome. */
export interface SeedResult {
  file: string;
  report: ImportReport;
}

/** One page of a batch: what it became, or why it did not go in (recorded in the history either way). */
export type PageOutcome = { ok: true; outcome: ImportOutcome } | { ok: false; error: ImporterError };

/** What may be known of an import that failed: the title when the text parsed. */
interface Progress {
  request: ImportRequest | null;
  title: string | null;
}

/**
 * Pages written per transaction in a batch. All or nothing still holds per page: a transaction that
 * fails for one page is rolled back and its pages written again one by one. A few hundred pages
 * keep a transaction short (other writers wait for SQLite's write lock behind it) and the
 * statements' lists well inside the databases' limits.
 */
export const PAGES_PER_TRANSACTION = 200;

/** A prepared page: ready to write, a dry run, or refused before any database work. */
type Prepared =
  | { kind: 'write'; input: unknown; progress: Progress; request: ImportRequest; article: ParsedArticle; plan: ArticlePlan; status: ImportStatus; batchId: string; sourceHash: string }
  | { kind: 'dry-run'; input: unknown; progress: Progress; request: ImportRequest; article: ParsedArticle; plan: ArticlePlan; status: ImportStatus }
  | { kind: 'same'; input: unknown; progress: Progress; request: ImportRequest; batchId: string; sourceHash: string; report: ImportReport; contentHash: string }
  | { kind: 'refused'; input: unknown; progress: Progress; batchId: string; error: ImporterError };

/** A page whose request is valid, with its fingerprint, before it is parsed. */
interface Checked {
  kind: 'checked';
  input: unknown;
  progress: Progress;
  request: ImportRequest;
  status: ImportStatus;
  batchId: string;
  sourceHash: string;
}

let build: string | null = null;
/**
 * The importer's build: a hash of the code that turns a page into rows (this bundle, parser and
 * mapping included). A page imported by another build is parsed again: the parser may read it
 * differently now.
 */
function importerBuild(): string {
  // Loaded as an ES module there is no __filename: the mapping's version stands in (bumped on changes).
  build ??= createHash('sha256')
    .update(typeof __filename === 'string' ? readFileSync(__filename) : `mapping ${MAPPING_VERSION}`)
    .digest('hex');
  return build;
}

/**
 * A page's fingerprint: its bytes, the request's options that change what it becomes, and the
 * importer's build. Two requests with one fingerprint give the same plan, so an article still
 * holding the content an import of that fingerprint gave is unchanged without parsing the page.
 */
function fingerprint(request: ImportRequest, status: ImportStatus): string {
  const options = JSON.stringify([importerBuild(), request.locale ?? null, status, request.capturedAt ?? null, request.originalUrl ?? null]);
  return createHash('sha256').update(options).update('\0').update(request.text).digest('hex');
}

/** `items` in lists of at most `size`, read lazily (a million pages are never all in memory). */
async function* chunksOf<T>(items: AsyncIterable<T> | Iterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * The import flow, the one path from an import request to its rows for every entry point (admin
 * routes, API-token route, `npm run import`, `npm run seed`, auto-seed): validate the request once,
 * parse once, plan, write (one transaction), record in the history, emit Strapi's events.
 */
const importsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const importer = createImporter(strapi);
  const config = (): NewsImporterConfig => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsImporterConfig;

  function reportOf(plan: ArticlePlan, article: ParsedArticle, written: WriteResult, status: ImportStatus, dryRun: boolean, batchId: string | null): ImportReport {
    return {
      action: written.action,
      documentId: written.documentId,
      title: plan.article.title,
      slug: written.slug,
      locale: plan.locale,
      status,
      dryRun,
      batchId,
      counts: {
        reporters: importer.uniqueReporterCount(plan),
        reportersCreated: written.reportersCreated,
        photos: plan.photos.length,
        relatedLinks: plan.relatedLinks.length,
      },
      warnings: article.warnings,
    };
  }

  /** Failures' records, written after the rollback: their own write failing must not hide the import's error; it is logged instead. */
  async function recordFailures(entries: ImportEntry[]): Promise<void> {
    if (entries.length === 0) return;
    try {
      await getService(strapi, 'history').recordMany(entries);
    } catch (error: unknown) {
      strapi.log.error(`[news-importer] could not record the import in the history: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Validates one page's request and takes its fingerprint; never throws (a refusal is an outcome). */
  function checkOne(input: unknown, batchId: string, refused?: ImporterError): Checked | Extract<Prepared, { kind: 'refused' }> {
    const progress: Progress = { request: null, title: null };
    try {
      if (refused) throw refused;
      const request = validateImportRequest(input);
      progress.request = request;
      const status = request.status ?? 'published';
      return { kind: 'checked', input, progress, request, status, batchId: request.batchId ?? batchId, sourceHash: fingerprint(request, status) };
    } catch (caught: unknown) {
      return { kind: 'refused', input, progress, batchId: progress.request?.batchId ?? batchId, error: failed(caught) };
    }
  }

  /** Parses and plans a checked page; never throws (a refusal is an outcome). */
  function planOne(page: Checked): Prepared {
    const { input, progress, request, status, batchId, sourceHash } = page;
    try {
      const { article, lines } = parseArticleWithTrace(request.text, request.capturedAt ? { capturedAt: request.capturedAt } : {});
      progress.title = article.title;
      const plan = planArticle(article, { locale: request.locale, originalUrl: request.originalUrl, capturedAt: request.capturedAt, lines });
      if (request.dryRun) return { kind: 'dry-run', input, progress, request, article, plan, status };
      return { kind: 'write', input, progress, request, article, plan, status, batchId, sourceHash };
    } catch (caught: unknown) {
      return { kind: 'refused', input, progress, batchId, error: failed(caught) };
    }
  }

  /**
   * The checked pages an earlier import of the very same page (same fingerprint) already brought in,
   * where the article still holds the content that import gave (the rule `unchanged` follows: the
   * draft has it and, when publishing, so does the published version): unchanged, found with two
   * indexed queries for the whole chunk instead of parsing each page. By page index.
   */
  async function samePages(pages: ReadonlyArray<Checked | Prepared>): Promise<Map<number, Extract<Prepared, { kind: 'same' }>>> {
    const checked = pages.flatMap((page, index) => (page.kind === 'checked' && !page.request.dryRun ? [{ page, index }] : []));
    const found = new Map<number, Extract<Prepared, { kind: 'same' }>>();
    const earlier = await getService(strapi, 'history').sameImports(checked.map(({ page }) => page.sourceHash));
    if (earlier.size === 0) return found;
    const rows = (await strapi.db.query('api::article.article' as never).findMany({
      select: ['documentId', 'locale', 'slug', 'contentHash', 'publishedAt'],
      where: { documentId: { $in: [...new Set([...earlier.values()].map((record) => record.articleDocumentId))] } },
    } as never)) as Array<{ documentId: string; locale: string; slug: string; contentHash: string | null; publishedAt: unknown }>;
    for (const { page, index } of checked) {
      const record = earlier.get(page.sourceHash);
      if (!record) continue;
      const versions = rows.filter((row) => row.documentId === record.articleDocumentId && row.locale === record.articleLocale);
      const draft = versions.find((row) => row.publishedAt === null || row.publishedAt === undefined);
      const published = versions.find((row) => row.publishedAt !== null && row.publishedAt !== undefined);
      if (!draft || draft.contentHash !== record.contentHash) continue;
      if (page.status === 'published' && published?.contentHash !== record.contentHash) continue;
      const report: ImportReport = {
        action: 'unchanged',
        documentId: record.articleDocumentId,
        title: record.title ?? '',
        slug: draft.slug,
        locale: record.articleLocale as ImportReport['locale'],
        status: page.status,
        dryRun: false,
        batchId: page.batchId,
        counts: { ...record.counts, reportersCreated: 0 },
        warnings: record.warnings,
      };
      page.progress.title = record.title;
      found.set(index, { ...page, kind: 'same', report, contentHash: record.contentHash });
    }
    return found;
  }

  /** The importer's error for anything thrown, logged when it is a server fault. */
  function failed(caught: unknown): ImporterError {
    const error = toImporterError(caught);
    if (error.code === 'SERVER_ERROR') strapi.log.error(`[news-importer] import failed: ${caught instanceof Error ? caught.stack ?? caught.message : String(caught)}`);
    return error;
  }

  const failureEntry = (page: Extract<Prepared, { kind: 'write' | 'refused' }>, actor: ImportActor, error: ImporterError): ImportEntry => ({
    actor,
    batchId: page.batchId,
    fileName: page.progress.request?.fileName ?? looseFileName(page.input),
    title: page.progress.title,
    report: null,
    error: error.toBody(),
    changes: null,
  });

  const sameEntry = (page: Extract<Prepared, { kind: 'same' }>, actor: ImportActor): ImportEntry => ({
    actor,
    batchId: page.batchId,
    fileName: page.request.fileName ?? null,
    title: page.report.title,
    report: page.report,
    error: null,
    changes: null,
    sourceHash: page.sourceHash,
    contentHash: page.contentHash,
  });

  /**
   * Writes pages in one transaction with their history records (announced afterwards: `announce`).
   * Throws what the transaction threw (nothing of it was saved).
   */
  async function writePages(pages: ReadonlyArray<Extract<Prepared, { kind: 'write' }>>, actor: ImportActor, same: ReadonlyArray<Extract<Prepared, { kind: 'same' }>> = []): Promise<ImportOutcome[]> {
    let outcomes: ImportOutcome[] = [];
    const items: PlannedImport[] = pages.map(({ plan, status }) => ({ plan, status }));
    await importer.write(items, async (results) => {
      outcomes = results.map((result, n) => {
        const { plan, article, status, batchId } = pages[n]!;
        const report = reportOf(plan, article, result, status, false, batchId);
        return { report, changed: result.changes, changes: result.before ? diffArticle(result.before, plan, result.slug) : null };
      });
      // In the import's transaction: the articles and their records commit together (and on SQLite
      // one write lock, not two).
      await getService(strapi, 'history').recordMany(
        results.map((result, n): ImportEntry => {
          const { request, plan, sourceHash } = pages[n]!;
          const { report, changes } = outcomes[n]!;
          return { actor, batchId: report.batchId, fileName: request.fileName ?? null, title: plan.article.title, report, error: null, changes, undo: result.undo, sourceHash, contentHash: plan.article.contentHash };
        }).concat(same.map((page) => sameEntry(page, actor)))
      );
    });
    return outcomes;
  }

  /**
   * Imports the pages of one chunk: each page all or nothing, the pages that can go in written
   * together in one transaction; if that transaction fails, each page is written again on its own,
   * so one page at fault fails alone. Every page is recorded, failures too (dry runs are not).
   */
  async function importChunk(inputs: readonly unknown[], actor: ImportActor, batchId: string, refused?: ImporterError): Promise<PageOutcome[]> {
    const checked = inputs.map((input) => checkOne(input, batchId, refused));
    const same = await samePages(checked);
    const prepared: Prepared[] = checked.map((page, index) => same.get(index) ?? (page.kind === 'checked' ? planOne(page) : page));
    const outcomes: Array<PageOutcome | null> = prepared.map(() => null);
    const failures: ImportEntry[] = [];
    const writes = prepared.flatMap((page, index) => (page.kind === 'write' ? [{ page, index }] : []));
    const unchanged = prepared.flatMap((page) => (page.kind === 'same' ? [page] : []));
    try {
      const written = await writePages(writes.map(({ page }) => page), actor, unchanged);
      writes.forEach(({ index }, n) => (outcomes[index] = { ok: true, outcome: written[n]! }));
    } catch (caught: unknown) {
      await recordFailures(unchanged.map((page) => sameEntry(page, actor)));
      if (writes.length === 1) {
        const error = failed(caught);
        failures.push(failureEntry(writes[0]!.page, actor, error));
        outcomes[writes[0]!.index] = { ok: false, error };
      } else {
        for (const { page, index } of writes) {
          try {
            outcomes[index] = { ok: true, outcome: (await writePages([page], actor))[0]! };
          } catch (one: unknown) {
            const error = failed(one);
            failures.push(failureEntry(page, actor, error));
            outcomes[index] = { ok: false, error };
          }
        }
      }
    }
    for (const [index, page] of prepared.entries()) {
      if (page.kind === 'same') {
        outcomes[index] = { ok: true, outcome: { report: page.report, changed: [], changes: null } };
      } else if (page.kind === 'refused') {
        failures.push(failureEntry(page, actor, page.error));
        outcomes[index] = { ok: false, error: page.error };
      } else if (page.kind === 'dry-run') {
        try {
          const written = await importer.dryRun(page.plan, page.status);
          outcomes[index] = { ok: true, outcome: { report: reportOf(page.plan, page.article, written, page.status, true, null), changed: [], changes: null } };
        } catch (caught: unknown) {
          outcomes[index] = { ok: false, error: failed(caught) };
        }
      }
    }
    await recordFailures(failures);
    return outcomes as PageOutcome[];
  }

  /**
   * Emits Strapi's events for what these pages changed, in order. Only after their commit (Strapi's
   * Document Service waits for it too): a webhook never hears of rows that were rolled back. The
   * pages are in whatever happens here: a failure is logged, not thrown.
   */
  async function announce(pages: readonly PageOutcome[]): Promise<void> {
    try {
      await emitDocumentEvents(strapi, pages.flatMap((page) => (page.ok ? page.outcome.changed : [])));
    } catch (error: unknown) {
      strapi.log.error(`[news-importer] could not announce imported documents: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }

  const flow = {
    /** What an import of this request would do: the parse result and the plan; nothing written, nothing recorded. */
    async preview(input: ImportRequestInput | unknown): Promise<{ article: ParsedArticle; plan: ImportReport }> {
      const checked = checkOne(input, '');
      const page = checked.kind === 'checked' ? planOne(checked) : checked;
      if (page.kind === 'refused') throw page.error;
      if (page.kind === 'same') throw new Error('news-importer: a preview is never matched to an earlier import');
      try {
        const written = await importer.dryRun(page.plan, page.status);
        return { article: page.article, plan: reportOf(page.plan, page.article, written, page.status, true, null) };
      } catch (error: unknown) {
        throw toImporterError(error);
      }
    },

    /**
     * Imports one page for `actor`, all or nothing, and records it (failures too). A request with
     * `dryRun` only plans (and is neither recorded nor announced). `refused`: the entry point already
     * knows the request cannot go ahead (a body that is not UTF-8); it is recorded as that failure.
     * Throws ImporterError.
     */
    async run(input: ImportRequestInput | unknown, actor: ImportActor, refused?: ImporterError): Promise<ImportOutcome> {
      const pages = await importChunk([input], actor, newBatchId(), refused);
      await announce(pages);
      const [page] = pages;
      if (!page!.ok) throw page!.error;
      return page!.outcome;
    },

    /**
     * Imports many pages for `actor` as one batch (`batchId`, unless a request names its own), in
     * transactions of PAGES_PER_TRANSACTION pages, each page all or nothing and recorded. Reads
     * `inputs` lazily and yields one outcome per page, in order, as each transaction commits: an
     * archive of a million pages never sits in memory, and a run killed midway leaves every page
     * before the last transaction imported (running it again finds them unchanged).
     */
    async *importAll(inputs: AsyncIterable<unknown> | Iterable<unknown>, actor: ImportActor, batchId: string = newBatchId()): AsyncGenerator<PageOutcome> {
      for await (const chunk of chunksOf(inputs, PAGES_PER_TRANSACTION)) {
        const pages = await importChunk(chunk, actor, batchId);
        await announce(pages);
        yield* pages;
      }
    },

    /**
     * Undoes batch `batchId` for `actor`, all or nothing (importer/undo.ts): deletes what it created,
     * puts back what it updated, records the undo in the history and, after the commit, announces it
     * with the Document Service's events. Throws ImporterError: BAD_REQUEST (not a batch id),
     * BATCH_NOT_FOUND, ALREADY_UNDONE, NOT_UNDOABLE, CHANGED_SINCE_IMPORT (naming the article), UNDO_CONFLICT.
     */
    async undo(batchIdInput: unknown, actor: ImportActor): Promise<UndoReport> {
      try {
        const batchId = validateBatchId(batchIdInput);
        const { report, changes } = await undoBatch(strapi, batchId, actor);
        await emitDocumentEvents(strapi, changes);
        return report;
      } catch (caught: unknown) {
        const error = toImporterError(caught);
        if (error.code === 'SERVER_ERROR') strapi.log.error(`[news-importer] undo failed: ${caught instanceof Error ? caught.stack ?? caught.message : String(caught)}`);
        throw error;
      }
    },

    /** Imports every `.txt` file of the seed folder, in name order, each all or nothing, as one batch by `seed`. */
    async seed(dir: string = path.resolve(strapi.dirs.app.root, config().seedDir)): Promise<SeedResult[]> {
      const files = (await fs.readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
      const inputs = async function* () {
        for (const name of files) yield { text: await fs.readFile(path.join(dir, name)), fileName: name };
      };
      const results: SeedResult[] = [];
      let index = 0;
      for await (const page of flow.importAll(inputs(), { kind: 'seed' })) {
        const file = path.join(dir, files[index++]!);
        if (!page.ok) throw page.error;
        results.push({ file, report: page.outcome.report });
      }
      return results;
    },

    /** On boot (when `autoSeed` is on): seeds a database that has no article yet. */
    async seedIfEmpty(): Promise<SeedResult[]> {
      if (!config().autoSeed) return [];
      if ((await strapi.db.query('api::article.article').count({})) > 0) return [];
      const results = await flow.seed();
      for (const { file, report } of results) {
        strapi.log.info(`[news-importer] seed ${path.basename(file)}: ${report.action} ${report.locale}/${report.slug}`);
      }
      return results;
    },
  };
  return flow;
};

export type ImportsService = ReturnType<typeof importsService>;
export default importsService;

import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { ArticleChanges, ImportReport, ImportStatus, ParsedArticle, UndoReport } from '../../../shared/contracts/imports';
import { ImporterError, toImporterError } from '../errors';
import { parseArticleWithTrace } from '../parser';
import { createImporter, type ChangedDocument, type WriteResult } from '../importer/import-article';
import { planArticle, type ArticlePlan } from '../importer/mapping';
import { diffArticle } from '../importer/changes';
import { emitDocumentEvents } from '../importer/events';
import { undoBatch } from '../importer/undo';
import { looseFileName, validateBatchId, validateImportRequest, type ImportRequest, type ImportRequestInput } from '../validation/import-request';
import type { NewsImporterConfig } from '../config';
import { PLUGIN_ID } from '../pluginId';
import { getService } from '../utils';
import type { ImportActor, ImportEntry } from './history';

export type { ImportActor, ImportRequestInput };

/** A new batch id: one per CLI invocation, admin import action or API call (base36, 20 characters). */
export function newBatchId(): string {
  return BigInt(`0x${randomBytes(12).toString('hex')}`).toString(36).padStart(20, '0').slice(-20);
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

/** What may be known of an import that failed: the title when the text parsed. */
interface Progress {
  request: ImportRequest | null;
  title: string | null;
}

/**
 * The import flow, the one path from an import request to its rows for every entry point (admin
 * routes, API-token route, `npm run import`, `npm run seed`, auto-seed): validate the request once,
 * parse once, plan, write (one transaction), record in the history, emit Strapi's events.
 */
const importsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const importer = createImporter(strapi);
  const config = (): NewsImporterConfig => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsImporterConfig;

  /** Validate, parse, plan: everything that needs no database. */
  function prepare(input: unknown, progress: Progress): { request: ImportRequest; article: ParsedArticle; plan: ArticlePlan; status: ImportStatus } {
    const request = validateImportRequest(input);
    progress.request = request;
    const { article, lines } = parseArticleWithTrace(request.text, request.capturedAt ? { capturedAt: request.capturedAt } : {});
    progress.title = article.title;
    const plan = planArticle(article, { locale: request.locale, originalUrl: request.originalUrl, capturedAt: request.capturedAt, lines });
    return { request, article, plan, status: request.status ?? 'published' };
  }

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

  /** A failure's record, written after the rollback: its own write failing must not hide the import's error; it is logged instead. */
  async function record(entry: ImportEntry): Promise<void> {
    try {
      await getService(strapi, 'history').record(entry);
    } catch (error: unknown) {
      strapi.log.error(`[news-importer] could not record the import in the history: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const flow = {
    /** What an import of this request would do: the parse result and the plan; nothing written, nothing recorded. */
    async preview(input: ImportRequestInput | unknown): Promise<{ article: ParsedArticle; plan: ImportReport }> {
      try {
        const { article, plan, status } = prepare(input, { request: null, title: null });
        const written = await importer.dryRun(plan, status);
        return { article, plan: reportOf(plan, article, written, status, true, null) };
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
      const progress: Progress = { request: null, title: null };
      let batchId = newBatchId();
      try {
        if (refused) throw refused;
        const { request, article, plan, status } = prepare(input, progress);
        if (request.dryRun) {
          const written = await importer.dryRun(plan, status);
          return { report: reportOf(plan, article, written, status, true, null), changed: [], changes: null };
        }
        batchId = request.batchId ?? batchId;
        let outcome: { report: ImportReport; changes: ArticleChanges | null } | null = null;
        const written = await importer.write(plan, status, async (result) => {
          const report = reportOf(plan, article, result, status, false, batchId);
          const changes = result.before ? diffArticle(result.before, plan, result.slug) : null;
          // In the import's transaction: the article and its record commit together (and on SQLite
          // one write lock per page, not two).
          await getService(strapi, 'history').record({ actor, batchId, fileName: request.fileName ?? null, title: plan.article.title, report, error: null, changes, undo: result.undo });
          outcome = { report, changes };
        });
        const { report, changes } = outcome ?? { report: reportOf(plan, article, written, status, false, batchId), changes: null };
        // After the commit (Strapi's Document Service waits for it too): a webhook never hears of rows that were rolled back.
        await emitDocumentEvents(strapi, written.changes);
        return { report, changed: written.changes, changes };
      } catch (caught: unknown) {
        const error = toImporterError(caught);
        if (error.code === 'SERVER_ERROR') strapi.log.error(`[news-importer] import failed: ${caught instanceof Error ? caught.stack ?? caught.message : String(caught)}`);
        if (!progress.request?.dryRun) {
          const fileName = progress.request?.fileName ?? looseFileName(input);
          await record({ actor, batchId: progress.request?.batchId ?? batchId, fileName, title: progress.title, report: null, error: error.toBody(), changes: null });
        }
        throw error;
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
      const batchId = newBatchId();
      const results: SeedResult[] = [];
      for (const name of files) {
        const file = path.join(dir, name);
        const { report } = await flow.run({ text: await fs.readFile(file), fileName: name, batchId }, { kind: 'seed' });
        results.push({ file, report });
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

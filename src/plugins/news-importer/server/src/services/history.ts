import type { Core } from '@strapi/strapi';
import type { ArticleChanges, ImportedBy, ImporterErrorBody, ImportRecord, ImportReport, ParseWarning } from '../../../shared/contracts/imports';
import type { UndoData } from '../importer/footprint';
import { PLUGIN_ID } from '../pluginId';
import { newDocumentId } from '../importer/document-id';

/** The history's content type: plugin-only, hidden from the Content Manager, no content-API route. */
export const IMPORT_RECORD_UID = `plugin::${PLUGIN_ID}.import-record` as const;

/** How many records `GET /news-importer/history` returns. */
export const HISTORY_LIMIT = 50;

/** Who asked for an import. */
export type ImportActor =
  | { kind: 'admin'; id: number; name: string }
  | { kind: 'api-token'; name: string }
  | { kind: 'cli' }
  | { kind: 'seed' };

/** The actor as the history stores and shows it: `admin:<id>`, `api-token:<name>`, `cli`, `seed`. */
export function importedBy(actor: ImportActor): ImportedBy {
  switch (actor.kind) {
    case 'admin':
      return { via: 'admin', actor: `admin:${actor.id}`, id: actor.id, name: actor.name };
    case 'api-token':
      return { via: 'content-api', actor: `api-token:${actor.name}`, id: null, name: actor.name };
    default:
      return { via: actor.kind, actor: actor.kind, id: null, name: actor.kind };
  }
}

/** One finished or failed import, as the flow knows it (nothing read back from the database). */
export interface ImportEntry {
  actor: ImportActor;
  batchId: string | null;
  fileName: string | null;
  /** From the plan, or the parse when the failure came after it; null when the text never parsed. */
  title: string | null;
  report: ImportReport | null;
  error: ImporterErrorBody | null;
  changes: ArticleChanges | null;
  /** What an undo of this import needs (see importer/footprint.ts); absent when nothing was written. */
  undo?: UndoData | null;
  /** For a page that went in: the page's fingerprint and the content it gave (see `sameImports`). */
  sourceHash?: string | null;
  contentHash?: string | null;
}

/** An earlier successful import of exactly this page (same fingerprint), as its record keeps it. */
export interface SameImport {
  sourceHash: string;
  title: string | null;
  articleDocumentId: string;
  articleLocale: string;
  contentHash: string;
  counts: ImportReport['counts'];
  warnings: ParseWarning[];
}

/** One article an undo deleted or restored, for the history. */
export interface UndoEntry {
  actor: ImportActor;
  batchId: string;
  title: string | null;
  documentId: string;
  locale: string;
  slug: string | null;
}

/** The columns the history list reads (not the undo snapshot, which only an undo needs). */
const LISTED = ['id', 'createdAt', 'batchId', 'source', 'fileName', 'title', 'outcome', 'action', 'errorCode', 'errorMessage', 'errorLine', 'articleDocumentId', 'articleLocale', 'articleSlug', 'articleStatus', 'warningCount', 'warnings', 'changes', 'importedById', 'importedByName', 'actor', 'via'];

interface StoredRecord {
  id: number;
  createdAt: string | Date;
  batchId: string | null;
  source: 'file' | 'pasted' | null;
  fileName: string | null;
  title: string | null;
  outcome: 'ok' | 'error';
  action: ImportRecord['action'];
  errorCode: string | null;
  errorMessage: string | null;
  errorLine: number | null;
  articleDocumentId: string | null;
  articleLocale: string | null;
  articleSlug: string | null;
  articleStatus: 'published' | 'draft' | null;
  warningCount: number | null;
  warnings: ParseWarning[] | null;
  changes: ArticleChanges | null;
  importedById: number | null;
  importedByName: string | null;
  actor: string | null;
  via: ImportedBy['via'];
}

// Columns are `string` (255): keep user-supplied names inside it rather than fail the record.
const clip = (value: string | null, max = 255): string | null => (value === null ? null : value.slice(0, max));

function toRecord(row: StoredRecord): ImportRecord {
  return {
    id: row.id,
    createdAt: new Date(row.createdAt).toISOString(),
    batchId: row.batchId,
    source: row.source ?? (row.fileName ? 'file' : 'pasted'),
    fileName: row.fileName,
    title: row.title,
    outcome: row.outcome,
    action: row.action,
    error: row.outcome === 'error' ? { code: (row.errorCode ?? 'SERVER_ERROR') as ImporterErrorBody['code'], message: row.errorMessage ?? '', line: row.errorLine } : null,
    article: row.articleDocumentId
      ? { documentId: row.articleDocumentId, locale: row.articleLocale ?? 'id', slug: row.articleSlug, status: row.articleStatus }
      : null,
    warningCount: row.warningCount ?? 0,
    warnings: row.warnings ?? [],
    changes: row.changes ?? null,
    importedBy: { via: row.via, actor: row.actor ?? row.via, id: row.importedById, name: row.importedByName ?? '' },
  };
}

/** The import history: one record per import from every entry point, written after the import's transaction ended. */
const historyService = ({ strapi }: { strapi: Core.Strapi }) => {
  const records = () => strapi.db.query(IMPORT_RECORD_UID as never);

  /** Who made a record and when: the part every record shares. */
  function stamp(actor: ImportActor) {
    const who = importedBy(actor);
    const now = new Date();
    return { importedById: who.id, importedByName: clip(who.name), actor: clip(who.actor), via: who.via, createdAt: now, updatedAt: now, publishedAt: now };
  }

  return {
    /** Records imports, finished or failed, in one statement (per batch of the database's insert size). */
    async recordMany(entries: readonly ImportEntry[]): Promise<void> {
      if (entries.length === 0) return;
      await records().createMany({
        data: entries.map((entry) => {
          const { report, error } = entry;
          return {
            documentId: newDocumentId(),
            batchId: entry.batchId,
            source: entry.fileName ? 'file' : 'pasted',
            fileName: clip(entry.fileName),
            title: clip(entry.title),
            outcome: error ? 'error' : 'ok',
            action: report?.action ?? null,
            errorCode: error ? clip(error.code) : null,
            errorMessage: error?.message ?? null,
            errorLine: error?.line ?? null,
            articleDocumentId: report?.documentId ?? null,
            articleLocale: report ? report.locale : null,
            articleSlug: report ? clip(report.slug) : null,
            articleStatus: report?.status ?? null,
            warningCount: report?.warnings.length ?? 0,
            warnings: report?.warnings ?? [],
            changes: entry.changes,
            undo: entry.undo ?? null,
            sourceHash: entry.sourceHash ?? null,
            contentHash: entry.contentHash ?? null,
            counts: report?.counts ?? null,
            ...stamp(entry.actor),
          };
        }) as never,
      });
    },

    /** Records that an undo deleted or restored an article of a batch (action `undone`, the batch's id). Joins the caller's transaction. */
    async recordUndo(entry: UndoEntry): Promise<void> {
      await records().create({
        data: {
          documentId: newDocumentId(),
          batchId: entry.batchId,
          source: null,
          fileName: null,
          title: clip(entry.title),
          outcome: 'ok',
          action: 'undone',
          articleDocumentId: entry.documentId,
          articleLocale: entry.locale,
          articleSlug: clip(entry.slug),
          articleStatus: null,
          warningCount: 0,
          warnings: [],
          changes: null,
          undo: null,
          ...stamp(entry.actor),
        } as never,
      });
    },

    /** The newest successful import of each of these page fingerprints (one query, by an index). */
    async sameImports(sourceHashes: readonly string[]): Promise<Map<string, SameImport>> {
      const found = new Map<string, SameImport>();
      if (sourceHashes.length === 0) return found;
      const rows = (await records().findMany({
        select: ['sourceHash', 'title', 'articleDocumentId', 'articleLocale', 'contentHash', 'counts', 'warnings'],
        where: { sourceHash: { $in: [...new Set(sourceHashes)] }, outcome: 'ok', action: { $in: ['created', 'updated', 'unchanged'] } },
        orderBy: [{ id: 'desc' }],
      })) as Array<Partial<SameImport> & { sourceHash: string }>;
      for (const row of rows) {
        if (found.has(row.sourceHash) || !row.articleDocumentId || !row.articleLocale || !row.contentHash || !row.counts) continue;
        found.set(row.sourceHash, { ...row, warnings: row.warnings ?? [] } as SameImport);
      }
      return found;
    },

    /** The newest records first (ties in time broken by insertion order). */
    async latest(limit: number = HISTORY_LIMIT): Promise<ImportRecord[]> {
      const rows = (await records().findMany({
        select: LISTED,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit,
      })) as StoredRecord[];
      return rows.map(toRecord);
    },
  };
};

export type HistoryService = ReturnType<typeof historyService>;
export default historyService;

import type { Core } from '@strapi/strapi';
import { parseArticle } from '../parser';
import { PLUGIN_ID } from '../pluginId';
import type { ImporterService } from './importer';
import type { InputProblem } from '../importer/errors';

// Taken from the importer service, so the history follows its report wherever the importer keeps it.
type ImportReport = Awaited<ReturnType<ImporterService['importText']>>;
type ImportAction = ImportReport['action'];
type ImportStatus = ImportReport['status'];

/** The history's content type: plugin-only, hidden from the Content Manager, no content-API route. */
export const IMPORT_RECORD_UID = `plugin::${PLUGIN_ID}.import-record` as const;

/** How many records `GET /news-importer/history` returns. */
export const HISTORY_LIMIT = 50;

/** Who asked for the import: an admin (by id and name) or an API token (by name). */
export interface ImportActor {
  via: 'admin' | 'content-api';
  id: number | null;
  name: string;
}


/** What one import left behind, as the admin page shows it. */
export interface ImportRecord {
  id: number;
  createdAt: string;
  fileName: string | null;
  title: string | null;
  outcome: 'ok' | 'error';
  action: ImportAction | null;
  error: InputProblem | null;
  article: { documentId: string; locale: string; slug: string | null; status: ImportStatus | null } | null;
  warningCount: number;
  importedBy: ImportActor;
}

interface StoredRecord {
  id: number;
  createdAt: string | Date;
  fileName: string | null;
  title: string | null;
  outcome: 'ok' | 'error';
  action: ImportAction | null;
  errorCode: string | null;
  errorMessage: string | null;
  errorLine: number | null;
  articleDocumentId: string | null;
  articleLocale: string | null;
  articleSlug: string | null;
  articleStatus: ImportStatus | null;
  warningCount: number | null;
  importedById: number | null;
  importedByName: string | null;
  via: 'admin' | 'content-api';
}

// Columns are `string` (255): keep user-supplied names inside it rather than fail the record.
const clip = (value: string | null, max = 255): string | null => (value === null ? null : value.slice(0, max));

function toRecord(row: StoredRecord): ImportRecord {
  return {
    id: row.id,
    createdAt: new Date(row.createdAt).toISOString(),
    fileName: row.fileName,
    title: row.title,
    outcome: row.outcome,
    action: row.action,
    error: row.outcome === 'error' ? { code: row.errorCode ?? 'UNKNOWN', message: row.errorMessage ?? '', line: row.errorLine } : null,
    article: row.articleDocumentId
      ? { documentId: row.articleDocumentId, locale: row.articleLocale ?? 'id', slug: row.articleSlug, status: row.articleStatus }
      : null,
    warningCount: row.warningCount ?? 0,
    importedBy: { via: row.via, id: row.importedById, name: row.importedByName ?? '' },
  };
}

/** The import history: one record per import request, written after the import's own transaction ended. */
const historyService = ({ strapi }: { strapi: Core.Strapi }) => {
  const records = () => strapi.db.query(IMPORT_RECORD_UID as never);

  async function articleTitle(documentId: string, locale: string): Promise<string | null> {
    const row = (await strapi.db.query('api::article.article' as never).findOne({
      select: ['title'],
      where: { documentId, locale },
    })) as { title: string } | null;
    return row?.title ?? null;
  }

  /** The title the parser finds in the text, for a failure that happened after parsing; null if it cannot. */
  function titleOf(text: string | null): string | null {
    if (text === null) return null;
    try {
      return parseArticle(text).title;
    } catch {
      return null; // the failure itself was the parse: there is no title to show
    }
  }

  return {
    /** Records a finished import, with the article's title as the CMS now has it. */
    async recordSuccess(actor: ImportActor, fileName: string | null, report: ImportReport): Promise<void> {
      const title = report.documentId ? await articleTitle(report.documentId, report.locale) : null;
      await strapi.documents(IMPORT_RECORD_UID as never).create({
        data: {
          fileName: clip(fileName),
          title: clip(title),
          outcome: 'ok',
          action: report.action,
          articleDocumentId: report.documentId,
          articleLocale: report.locale,
          articleSlug: clip(report.slug),
          articleStatus: report.status,
          warningCount: report.warnings.length,
          importedById: actor.id,
          importedByName: clip(actor.name),
          via: actor.via,
        } as never,
      });
    },

    /** Records an import that wrote nothing, with the reason (and the line, for input problems). */
    async recordFailure(actor: ImportActor, fileName: string | null, text: string | null, problem: InputProblem): Promise<void> {
      await strapi.documents(IMPORT_RECORD_UID as never).create({
        data: {
          fileName: clip(fileName),
          title: clip(titleOf(text)),
          outcome: 'error',
          errorCode: clip(problem.code),
          errorMessage: problem.message,
          errorLine: problem.line,
          warningCount: 0,
          importedById: actor.id,
          importedByName: clip(actor.name),
          via: actor.via,
        } as never,
      });
    },

    /** The newest records first (ties in time broken by insertion order). */
    async latest(limit: number = HISTORY_LIMIT): Promise<ImportRecord[]> {
      const rows = (await records().findMany({
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        limit,
      })) as StoredRecord[];
      return rows.map(toRecord);
    },
  };
};

export type HistoryService = ReturnType<typeof historyService>;
export default historyService;

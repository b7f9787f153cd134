/**
 * The news-importer's HTTP contracts: one request and one response type per endpoint, shared by the
 * admin panel and the server (as strapi's own plugins do in `shared/contracts`). Types only: nothing
 * here reaches either bundle at run time.
 */
import type { ParsedArticle, ParseErrorCode, ParseWarning } from '../../server/src/parser';

export type { ParsedArticle, ParseWarning };

export type ContentLocale = 'id' | 'en';
export type ImportStatus = 'published' | 'draft';
export type ImportAction = 'created' | 'updated' | 'unchanged';

/** Every code an importer error carries, on every path (HTTP, CLI, history). */
export type ImporterErrorCode =
  | ParseErrorCode // the text is not an article (parser/errors.ts)
  | 'BAD_REQUEST' // the request's shape: a field missing, of the wrong type, or not one of its values
  | 'UNKNOWN_LOCALE' // the content locale does not exist
  | 'BAD_URL' // originalUrl is not an http(s) URL
  | 'TOO_LONG' // a value is longer than its database column holds
  | 'INVALID_DATE' // the page's only date line is not a calendar date
  | 'NO_DATE' // the page prints no date and no capture time was given
  | 'DATABASE_BUSY' // other writers kept the database busy; nothing saved, send it again
  | 'SLUG_TAKEN' // other writers kept taking the slug; nothing saved, send it again
  | 'SERVER_ERROR' // a fault that is not the input's (the server log has it); nothing saved
  | 'BATCH_NOT_FOUND' // undo: no import in the history has this batch id
  | 'ALREADY_UNDONE' // undo: the batch was undone already
  | 'NOT_UNDOABLE' // undo: the batch changed no article, or an import of it predates undo
  | 'CHANGED_SINCE_IMPORT' // undo: an article was changed after the import (an editor, a later import); nothing undone
  | 'UNDO_CONFLICT'; // undo: the previous version cannot go back (another article took its slug); nothing undone

/**
 * The one error body of every importer route (400, 422, 503; 500 for SERVER_ERROR): what was wrong,
 * where (the input line, 1-based, when the text is at fault), and details such as the request field.
 */
export interface ImporterErrorBody {
  code: ImporterErrorCode;
  message: string;
  line: number | null;
  details: { field?: string } | null;
}

/** Body of `POST /news-importer/preview`, `POST /news-importer/import` and `POST /api/news-importer/import`. */
export interface ImportRequestBody {
  /** The article page as plain text. */
  text: string;
  /** When the page was captured (ISO 8601): resolves relative ages, dates an undated page. */
  capturedAt?: string;
  /** Content locale; default: the page's language. */
  locale?: ContentLocale;
  /** The page's URL: the article's natural key when given. */
  originalUrl?: string;
  /** `published` (default) or `draft`. */
  status?: ImportStatus;
  /** The file the text came from, for the history; absent for pasted text. */
  fileName?: string;
  /** Joins this import to a batch an earlier import of the same action started (its `batchId`). */
  batchId?: string;
}

/** What one import did (or, in a preview, would do). */
export interface ImportReport {
  action: ImportAction;
  /** null only in a dry run that would create the article. */
  documentId: string | null;
  title: string;
  slug: string;
  locale: ContentLocale;
  status: ImportStatus;
  dryRun: boolean;
  /** The batch this import belongs to (null in a dry run: nothing to undo). */
  batchId: string | null;
  counts: { reporters: number; reportersCreated: number; photos: number; relatedLinks: number };
  warnings: ParseWarning[];
}

/** One field of an updated article, before and after the import (text of the body as paragraphs joined by blank lines). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

/** What an update changed; null for a created or unchanged article. */
export interface ArticleChanges {
  fields: FieldChange[];
  photos: { added: string[]; removed: string[] };
  relatedLinks: { added: string[]; removed: string[] };
  byline: { added: string[]; removed: string[] };
}

/** Who imported: an admin, an API token, the CLI (`npm run import`) or the seed (`npm run seed`, auto-seed). */
export interface ImportedBy {
  via: 'admin' | 'content-api' | 'cli' | 'seed';
  /** `admin:<id>`, `api-token:<name>`, `cli` or `seed`. */
  actor: string;
  id: number | null;
  name: string;
}

/** One line of the import history. */
export interface ImportRecord {
  id: number;
  createdAt: string;
  batchId: string | null;
  source: 'file' | 'pasted';
  fileName: string | null;
  title: string | null;
  outcome: 'ok' | 'error';
  error: Omit<ImporterErrorBody, 'details'> | null;
  /** `undone`: the record of an undo of this batch (one per article it deleted or restored). */
  action: ImportAction | 'undone' | null;
  article: { documentId: string; locale: string; slug: string | null; status: ImportStatus | null } | null;
  warningCount: number;
  warnings: ParseWarning[];
  changes: ArticleChanges | null;
  importedBy: ImportedBy;
}

export declare namespace PreviewImport {
  export type Request = { body: ImportRequestBody };
  export type Response = { article: ParsedArticle; plan: ImportReport };
}

export declare namespace RunImport {
  export type Request = { body: ImportRequestBody };
  export type Response = ImportReport;
}

/** What an undo of a batch did: each article deleted (the batch created it) or restored (the batch updated it), newest import first. */
export interface UndoReport {
  batchId: string;
  articles: Array<{ documentId: string; title: string | null; locale: string; slug: string | null; action: 'deleted' | 'restored' }>;
  /** Reporters the batch created that nothing else credits, deleted with it. */
  reportersDeleted: number;
}

export declare namespace UndoBatch {
  export type Request = { params: { batchId: string } };
  export type Response = UndoReport;
}

export declare namespace GetHistory {
  export type Response = { data: ImportRecord[] };
}

import { ParseError } from '../parser';

/** The codes an import can fail with, besides the parser's. */
export type ImportErrorCode =
  | 'UNKNOWN_LOCALE' // the content locale does not exist
  | 'BAD_OPTION' // an option has a value the importer does not know
  | 'BAD_URL' // originalUrl is not an http(s) URL
  | 'TOO_LONG' // a value is longer than its database column holds
  | 'INVALID_DATE' // the page's only date line is not a calendar date
  | 'DATE_OUT_OF_RANGE' // a date outside the accepted range (parser/dates.ts, EARLIEST_DATE)
  | 'NO_DATE'; // the page prints no date and no capture time was given

/** An import that cannot go ahead because of its input or options, including a parse result that cannot become an article (never a database fault). */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** The input line at fault, when the problem comes from the page's text. */
  readonly line: number | null;
  constructor(code: ImportErrorCode, message: string, line: number | null = null) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.line = line;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export interface InputProblem {
  code: string;
  message: string;
  line: number | null;
}

/** The error as `{ code, message, line }` when it is the input's fault; null for anything else (a bug, the database). */
export function inputProblem(error: unknown): InputProblem | null {
  if (error instanceof ParseError) return error.toInfo();
  if (error instanceof ImportError) {
    return { code: error.code, message: error.message, line: error.line };
  }
  return null;
}

/** Why an import lost a race with other writers; see ImportConflictError. */
export type ImportConflictCode =
  | 'DATABASE_BUSY' // SQLite stayed locked by another process, or PostgreSQL kept aborting the transaction (deadlock)
  | 'SLUG_TAKEN'; // another writer kept taking the slug this article was about to get

/**
 * An import that was rolled back because other writers kept the database busy, after the importer
 * retried it. Nothing was saved; running the same import again is safe. Never the input's fault.
 */
export class ImportConflictError extends Error {
  readonly code: ImportConflictCode;
  constructor(code: ImportConflictCode, message: string) {
    super(message);
    this.name = 'ImportConflictError';
    this.code = code;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/** The error as `{ code, message, line }` when the import lost a race and may simply be sent again; null otherwise. */
export function conflictProblem(error: unknown): InputProblem | null {
  return error instanceof ImportConflictError ? { code: error.code, message: error.message, line: null } : null;
}

const fieldOf = (error: unknown, name: string): string => {
  const value = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

/**
 * What kind of transient database failure `error` is, if any: `busy` (SQLite's write lock stayed
 * taken; a PostgreSQL deadlock or serialization failure) or `slug` (a unique index on the article
 * table's `(slug, locale)` refused a row another transaction had just written). Null for anything else.
 */
export function transientFailure(error: unknown, articleTable: string): 'busy' | 'slug' | null {
  const code = fieldOf(error, 'code');
  const message = error instanceof Error ? error.message : '';
  if (code.startsWith('SQLITE_BUSY') || /database is locked/.test(message)) return 'busy';
  if (code === '40P01' || code === '40001') return 'busy';
  if (code === '23505' && fieldOf(error, 'table') === articleTable && fieldOf(error, 'detail').startsWith('Key (slug, locale)')) return 'slug';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' && message.includes(`UNIQUE constraint failed: ${articleTable}.slug, ${articleTable}.locale`)) return 'slug';
  return null;
}

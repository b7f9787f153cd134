import { ParseError } from './parser';
import type { ImporterErrorBody, ImporterErrorCode } from '../../shared/contracts/imports';

export type { ImporterErrorBody, ImporterErrorCode };

/** The HTTP status of each code: the request's shape 400, the text or an option 422, a lost race 503, a server fault 500. */
const STATUS: Partial<Record<ImporterErrorCode, number>> = {
  BAD_REQUEST: 400,
  DATABASE_BUSY: 503,
  SLUG_TAKEN: 503,
  SERVER_ERROR: 500,
  INTERNAL: 500,
  BATCH_NOT_FOUND: 404,
  ALREADY_UNDONE: 409,
  CHANGED_SINCE_IMPORT: 409,
  UNDO_CONFLICT: 409,
};

/** The history's and the HTTP answer's message for a fault that is not the input's (the details stay in the server log). */
export const SERVER_FAILURE = 'The server failed during the import and saved nothing; the server log has the details. Try again, or tell the site administrator.';

/**
 * The importer's one error: a stable code, a message saying what to fix, the input line at fault (1-based)
 * when the text is at fault, and details (the request field). The parser keeps its own ParseError (it
 * knows nothing of the importer); the import flow turns it into this at its boundary.
 */
export class ImporterError extends Error {
  readonly code: ImporterErrorCode;
  readonly line: number | null;
  readonly details: ImporterErrorBody['details'];

  constructor(code: ImporterErrorCode, message: string, options: { line?: number | null; details?: ImporterErrorBody['details']; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ImporterError';
    this.code = code;
    this.line = options.line ?? null;
    this.details = options.details ?? null;
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /** 400, 422, 500 or 503 (see STATUS). */
  get status(): number {
    return STATUS[this.code] ?? 422;
  }

  /** Lost a race with other writers: nothing was saved and sending the same import again is safe. */
  get retryable(): boolean {
    return this.status === 503;
  }

  /** The documented HTTP error body. */
  toBody(): ImporterErrorBody {
    return { code: this.code, message: this.message, line: this.line, details: this.details };
  }
}

/**
 * Any error as an ImporterError: itself, a ParseError with its code and line, and anything else (a bug,
 * the database) as SERVER_ERROR with a message that leaks nothing; the original stays as `cause`.
 * Compared by name too: Jest runs tests in another realm, where `instanceof` fails across it.
 */
export function toImporterError(error: unknown): ImporterError {
  if (error instanceof ImporterError) return error;
  if (error instanceof ParseError || (error instanceof Error && error.name === 'ParseError')) {
    const { code, line } = error as ParseError;
    return new ImporterError(code, error.message, { line, cause: error });
  }
  return new ImporterError('SERVER_ERROR', SERVER_FAILURE, { cause: error });
}

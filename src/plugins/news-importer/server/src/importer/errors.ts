import { ParseError } from '../parser';

/** The codes an import can fail with, besides the parser's. */
export type ImportErrorCode =
  | 'UNKNOWN_LOCALE' // the content locale does not exist
  | 'BAD_OPTION' // an option has a value the importer does not know
  | 'BAD_URL' // originalUrl is not a URL
  | 'NO_DATE'; // the page prints no date and no capture time was given

/** An import that cannot go ahead because of its input or options, including a parse result that cannot become an article (never a database fault). */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  constructor(code: ImportErrorCode, message: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
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
    return { code: error.code, message: error.message, line: null };
  }
  return null;
}

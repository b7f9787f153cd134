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

/**
 * Every stable code ParseError can carry. Input problems first, then page-shape problems, then
 * caller mistakes; INTERNAL wraps a bug in the parser so callers still only see ParseError.
 */
export const PARSE_ERROR_CODES = [
  'EMPTY_INPUT',
  'NOT_TEXT',
  'TOO_LARGE',
  'NO_TITLE',
  'NO_BODY',
  'UNSUPPORTED_LAYOUT',
  'BAD_OPTION',
  'DATE_OUT_OF_RANGE',
  'INTERNAL',
] as const;

export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/** The plain-data form of a ParseError, as the CLI prints it. */
export interface ParseErrorInfo {
  code: ParseErrorCode;
  message: string;
  line: number | null;
}

/** The only exception parseArticle throws: a stable code, a readable message, the line if any. */
export class ParseError extends Error {
  readonly code: ParseErrorCode;
  readonly line: number | null;

  constructor(code: ParseErrorCode, message: string, line: number | null = null) {
    super(message);
    this.name = 'ParseError';
    this.code = code;
    this.line = line;
    // Keeps `instanceof` working when compiled to ES5 classes.
    Object.setPrototypeOf(this, new.target.prototype);
  }

  /** The error as plain data (`{ code, message, line }`). */
  toInfo(): ParseErrorInfo {
    return { code: this.code, message: this.message, line: this.line };
  }
}

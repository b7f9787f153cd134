import { ParseError } from '../parser';
import { MappingError } from './mapping';

/** The codes an import can fail with, besides the parser's. */
export type ImportErrorCode = 'UNKNOWN_LOCALE' | 'BAD_OPTION';

/** An import that cannot go ahead because of its input or options (never a database fault). */
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
  if (error instanceof MappingError || error instanceof ImportError) {
    return { code: error.code, message: error.message, line: null };
  }
  return null;
}

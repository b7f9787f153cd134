/**
 * news-importer parser: the plain text of a scraped Tempo.co article page in, a typed, lossless
 * ParsedArticle out. Pure TypeScript without Strapi (only Luxon), shared by the server, the CLI
 * (`npm run parse`) and the admin preview. The reading order is documented in parse.ts.
 *
 * Conventions of the result:
 * - Text is kept as printed, only trimmed: names (`MAYA AYU PUSPITASARI`), datelines (`JAKARTA`),
 *   credits (`TEMPO/Subekti`, without the period that closes its line) and markup (`<script>`) are
 *   never rewritten or rendered.
 * - `publishedAt` carries the page's offset (WIB +07:00, WITA +08:00, WIT +09:00; WIB when none
 *   is printed). A date-only line gives midnight of that day with precision `day`.
 * - `related[].approxPublishedAt` is capturedAt minus the printed age, in WIB, to the second;
 *   null without capturedAt.
 * - Every non-blank line is accounted for: in a field or in `discarded`; parseArticleWithTrace
 *   returns the line-by-line map.
 */
import { ParseError, type ParseErrorInfo } from './errors';
import { parseArticleWithTrace } from './parse';
import type { ParsedArticle, ParseOptions } from './types';

export { ParseError, PARSE_ERROR_CODES } from './errors';
export type { ParseErrorCode, ParseErrorInfo } from './errors';
export { MAX_INPUT_BYTES } from './input';
export { parseArticleWithTrace } from './parse';
export type {
  ArticleField,
  Byline,
  DatePrecision,
  DiscardReason,
  DiscardedLine,
  Language,
  LineAssignment,
  ParsedArticle,
  ParsedPhoto,
  ParsedReadAlso,
  ParsedRelated,
  ParseOptions,
  ParseWarning,
  ParseWarningCode,
  TracedArticle,
} from './types';

export type SafeParseResult = { ok: true; article: ParsedArticle } | { ok: false; error: ParseErrorInfo };

/**
 * Parses the text (or UTF-8 bytes) of one article page. Throws ParseError, and nothing else,
 * when the input is not an article (EMPTY_INPUT, NOT_TEXT, TOO_LARGE, NO_TITLE, NO_BODY).
 */
export function parseArticle(text: string | Uint8Array, options: ParseOptions = {}): ParsedArticle {
  return parseArticleWithTrace(text, options).article;
}

/** Like parseArticle, but returns the error as a value instead of throwing. */
export function safeParseArticle(text: string | Uint8Array, options: ParseOptions = {}): SafeParseResult {
  try {
    return { ok: true, article: parseArticle(text, options) };
  } catch (error: unknown) {
    if (error instanceof ParseError) return { ok: false, error: error.toInfo() };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'INTERNAL', message, line: null } };
  }
}

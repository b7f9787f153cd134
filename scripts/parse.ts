/**
 * `npm run --silent parse -- FILE... [--captured-at ISO]`
 *
 * Parses scraped article pages and prints one JSON array to stdout, an element per file:
 * `{ "file", "ok": true, "article" }` or `{ "file", "ok": false, "error": { "code", "message", "line" } }`.
 * Exit 0 when every file parsed, 1 when any failed (the others still print), 2 on a usage error.
 * No database, no Strapi: only the parser.
 */
import { readFileSync } from 'fs';
import { DateTime } from 'luxon';
import { safeParseArticle, type ParsedArticle, type ParseErrorInfo } from '../src/plugins/news-importer/server/src/parser';

const USAGE = `Usage: npm run --silent parse -- FILE... [--captured-at ISO]

Parses the plain text of scraped article pages and prints a JSON array to stdout.

  FILE                 a UTF-8 text file with one article page (several allowed)
  --captured-at ISO    when the pages were captured (ISO 8601, e.g. 2024-05-15T10:00:00+07:00);
                       resolves the related list's "5 jam lalu" ages to timestamps
  -h, --help           show this help

Exit status: 0 all parsed, 1 some failed, 2 usage error.`;

type FileResult =
  | { file: string; ok: true; article: ParsedArticle }
  | { file: string; ok: false; error: ParseErrorInfo | { code: 'READ_FAILED'; message: string; line: null } };

interface Args {
  files: string[];
  capturedAt: string | undefined;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const files: string[] = [];
  let capturedAt: string | undefined;
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (onlyFiles) files.push(arg);
    else if (arg === '--') onlyFiles = true;
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg === '--captured-at' || arg.startsWith('--captured-at=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || value.length === 0) throw new UsageError('--captured-at needs an ISO 8601 timestamp.');
      if (!DateTime.fromISO(value, { setZone: true }).isValid) throw new UsageError(`--captured-at: "${value}" is not an ISO 8601 timestamp.`);
      capturedAt = value;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}.`);
    else files.push(arg);
  }
  if (files.length === 0) throw new UsageError('No FILE given.');
  return { files, capturedAt };
}

function parseFile(file: string, capturedAt: string | undefined): FileResult {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return { file, ok: false, error: { code: 'READ_FAILED', message: `Cannot read ${file}: ${reason}`, line: null } };
  }
  const result = safeParseArticle(bytes, capturedAt === undefined ? {} : { capturedAt });
  return result.ok ? { file, ok: true, article: result.article } : { file, ok: false, error: result.error };
}

function main(argv: readonly string[]): number {
  let args: Args | 'help';
  try {
    args = parseArgs(argv);
  } catch (error: unknown) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`parse: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const { files, capturedAt } = args;
  const results = files.map((file) => parseFile(file, capturedAt));
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return results.every((r) => r.ok) ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));

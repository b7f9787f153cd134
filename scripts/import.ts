/**
 * `npm run import -- FILE|DIR... [--dry-run] [--locale id|en] [--draft] [--captured-at ISO] [--json]`
 * `npm run seed [-- --dry-run ...]` (the same as `npm run import -- --seed`)
 * `npm run import -- --undo BATCH [--json]`
 *
 * Files scraped article pages into Kabar: boots Strapi without HTTP, imports the pages as one batch
 * through the news-importer's import flow (a few hundred per transaction, each page all or nothing;
 * a progress line with rate and time left on a terminal), and ends with a summary of the desk's work
 * (created / updated / unchanged / failed, with the reason for every failed page). `--json` prints
 * one report per page instead. Exit 0 when every page went in, 1 when any failed (the others are
 * still imported), 2 on a usage error. `--undo BATCH` undoes one batch instead (all or nothing):
 * exit 0 when it was undone, 1 when it was refused (nothing changed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type { Core } from '@strapi/strapi';
import type { ImportActor } from '../src/plugins/news-importer/server/src/services/imports';
import type { ContentLocale, ImportAction, ImportReport, ImportStatus, UndoReport } from '../src/plugins/news-importer/shared/contracts/imports';
import { getService } from '../src/plugins/news-importer/server/src/utils';
import { acceptedRange, inDateRange } from '../src/plugins/news-importer/server/src/parser/dates';
import { progressLine } from './lib/progress';

const USAGE = `Usage: npm run import -- FILE|DIR... [options]
       npm run seed [-- options]
       npm run import -- --undo BATCH [--json]

Imports scraped article pages (plain text, UTF-8) into Kabar as one batch, each page all or nothing.
A run that was interrupted goes on where it stopped when run again (pages already in are unchanged).

  FILE                 an article page; several allowed
  DIR                  every *.txt page in that folder (not its subfolders), in name order
  --seed               import the seed folder (database/seeds/) instead of FILE|DIR
  --dry-run            report what would happen; write nothing
  --locale id|en       file the articles under this locale (default: the page's language)
  --draft              save as drafts instead of publishing
  --captured-at ISO    when the pages were captured (ISO 8601, e.g. 2024-05-15T10:00:00+07:00);
                       resolves "5 jam lalu" ages in the related list
  --undo BATCH         undo batch BATCH (its id is in the import's summary and the history): delete the
                       articles it created, put back the previous version of those it updated; all or
                       nothing, refused when an article was changed after the import
  --json               print a JSON array of reports (one per page) instead of the summary
                       (with --undo: the undo's report, or { "ok": false, "error" })
  -h, --help           show this help

Exit status: 0 all imported, 1 some pages failed (the others are imported), 2 usage error.`;

const LOCALES: readonly ContentLocale[] = ['id', 'en'];
/** The longest reason printed for an unexpected fault: the rest is in no user's interest. */
const MAX_REASON = 300;

/** Why a page did not go in: the importer's code, or READ_FAILED / UNEXPECTED. */
export interface ImportFailure {
  code: string;
  message: string;
  line: number | null;
}

/** The outcome for one page, as `--json` prints it (the batch id is also in `report.batchId`). */
export type PageResult = { file: string; batchId: string | null; ok: true; report: ImportReport } | { file: string; batchId: string | null; ok: false; error: ImportFailure };

/** The options every page of one run gets (validated again, with the page, by the import flow). */
interface ImportOptions {
  locale?: ContentLocale;
  status?: ImportStatus;
  dryRun?: boolean;
  capturedAt?: string;
}

/** A page to import: `file` as the user named it, `fullPath` to read. */
interface Page {
  file: string;
  fullPath: string;
}

interface Args {
  targets: string[];
  seed: boolean;
  /** The batch to undo (`--undo`), instead of importing. */
  undo: string | null;
  json: boolean;
  options: ImportOptions;
}

class UsageError extends Error {}

/** Reads the command line; throws UsageError for anything it does not understand. */
function parseArgs(argv: readonly string[]): Args | 'help' {
  const targets: string[] = [];
  const options: ImportOptions = {};
  let seed = false;
  let undo: string | null = null;
  let json = false;
  let onlyTargets = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const valueOf = (name: string): string => {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value.`);
      return value;
    };
    if (onlyTargets) targets.push(arg);
    else if (arg === '--') onlyTargets = true;
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg === '--seed') seed = true;
    else if (arg === '--json') json = true;
    else if (arg === '--undo' || arg.startsWith('--undo=')) undo = valueOf('--undo');
    else if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--draft') options.status = 'draft';
    else if (arg === '--locale' || arg.startsWith('--locale=')) {
      const locale = valueOf('--locale');
      if (!LOCALES.includes(locale as ContentLocale)) throw new UsageError(`--locale: "${locale}" is not a Kabar locale; use id or en.`);
      options.locale = locale as ContentLocale;
    } else if (arg === '--captured-at' || arg.startsWith('--captured-at=')) {
      const capturedAt = valueOf('--captured-at');
      const parsed = DateTime.fromISO(capturedAt, { setZone: true });
      if (!parsed.isValid) throw new UsageError(`--captured-at: "${capturedAt}" is not an ISO 8601 timestamp.`);
      if (!inDateRange(parsed)) throw new UsageError(`--captured-at: "${capturedAt}" is outside the accepted range (${acceptedRange()}).`);
      options.capturedAt = capturedAt;
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`Unknown option ${arg}.`);
    else targets.push(arg);
  }
  if (undo !== null) {
    if (seed || targets.length > 0 || Object.keys(options).length > 0) throw new UsageError('--undo BATCH undoes a batch; give no FILE, DIR or import option with it (only --json).');
    return { targets, seed, undo, json, options };
  }
  if (seed && targets.length > 0) throw new UsageError('--seed imports the seed folder; give no FILE or DIR with it.');
  if (!seed && targets.length === 0) throw new UsageError('No FILE or DIR given.');
  return { targets, seed, undo, json, options };
}

/** The `*.txt` pages of a folder, in name order (not recursive). */
function pagesIn(dir: string, shownAs: string): Page[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ file: path.join(shownAs, name), fullPath: path.join(dir, name) }));
}

/**
 * FILE and DIR arguments as pages. Relative paths are the user's: npm runs scripts from the app root
 * but keeps the caller's folder in INIT_CWD. A missing FILE stays a page (it fails with READ_FAILED).
 */
function expandTargets(targets: readonly string[]): Page[] {
  const cwd = process.env.INIT_CWD ?? process.cwd();
  return targets.flatMap((target) => {
    const fullPath = path.resolve(cwd, target);
    if (!fs.statSync(fullPath, { throwIfNoEntry: false })?.isDirectory()) return [{ file: target, fullPath }];
    const pages = pagesIn(fullPath, target);
    if (pages.length === 0) throw new UsageError(`${target} has no .txt file.`);
    return pages;
  });
}

/**
 * The error as `{ code, message, line }`: the importer's own for input problems and lost races;
 * a server fault as UNEXPECTED with the driver's one-line reason (the user at a terminal is the
 * operator: the reason is theirs to see, unlike an HTTP client's).
 */
function failureOf(error: unknown): ImportFailure {
  const known = error instanceof Error && error.name === 'ImporterError' ? (error as Error & { code: string; line: number | null; cause?: unknown }) : null;
  if (known && known.code !== 'SERVER_ERROR') return { code: known.code, message: known.message, line: known.line };
  return { code: 'UNEXPECTED', message: `Unexpected fault: ${oneLine(known?.cause ?? error)}`, line: null };
}

/**
 * One short line about an unexpected error. A database error from knex carries the whole SQL
 * statement before its reason (`insert into … values (…) - database is locked`, kilobytes long):
 * only the reason, with the driver's code, is worth a line.
 */
function oneLine(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : '';
  const sql = /^\s*(?:select|insert|update|delete|with|create|alter|drop|pragma|begin|commit|rollback)\b[\s\S]* - ([^\n]*)$/i.exec(raw);
  const reason = (sql ? sql[1] : raw).split('\n')[0]!.trim();
  const text = code && !reason.includes(code) ? `${reason} (${code})` : reason;
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}

/** One invocation: who imports, and its batch (none in a dry run: nothing to undo). */
interface Run {
  actor: ImportActor;
  batchId: string | null;
}

/** The progress line on stderr, drawn only when stderr is a terminal and there is more than one page; at most 10 times a second. */
function progressBar(total: number): { show(done: number): void; clear(): void } {
  const stderr = process.stderr;
  if (!stderr.isTTY || total < 2) return { show: () => undefined, clear: () => undefined };
  const started = Date.now();
  let drawn = 0;
  const draw = (done: number): void => {
    drawn = Date.now();
    stderr.write(`\r\x1b[2K${progressLine(done, total, drawn - started, (stderr.columns || 80) - 1)}`);
  };
  draw(0);
  return {
    show(done) {
      if (done === total || Date.now() - drawn >= 100) draw(done);
    },
    clear() {
      stderr.write('\r\x1b[2K');
    },
  };
}

/**
 * Imports the pages as one batch through the import flow, which writes a few hundred per
 * transaction (each page all or nothing) and records every page. The files are read as the flow
 * asks for them; one that cannot be read is reported (READ_FAILED) and the rest go on. Killed
 * midway, the pages of every committed transaction are in: the same command again finds them
 * unchanged and goes on with the rest.
 */
async function importPages(strapi: Core.Strapi, pages: readonly Page[], options: ImportOptions, run: Run, keepAll: boolean): Promise<Results> {
  const imports = getService(strapi, 'imports');
  const progress = progressBar(pages.length);
  // An archive's million reports would not fit in memory: past LISTED_PAGES only failures are kept.
  const results: Array<PageResult | undefined> = new Array(pages.length);
  const totals: Totals = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  const sent: number[] = [];
  let unreadable = 0;
  function* inputs(): Generator<Record<string, unknown>> {
    for (const [index, page] of pages.entries()) {
      let text: Buffer;
      try {
        text = fs.readFileSync(page.fullPath);
      } catch (error: unknown) {
        const reason = error instanceof Error ? error.message : String(error);
        results[index] = { file: page.file, batchId: run.batchId, ok: false, error: { code: 'READ_FAILED', message: `Cannot read ${page.file}: ${reason}`, line: null } };
        totals.failed += 1;
        unreadable += 1;
        continue;
      }
      sent.push(index);
      yield { text, fileName: path.basename(page.file), ...options };
    }
  }
  let done = 0;
  try {
    for await (const outcome of imports.importAll(inputs(), run.actor, run.batchId ?? undefined)) {
      const index = sent[done++]!;
      const { file } = pages[index]!;
      totals[outcome.ok ? outcome.outcome.report.action : 'failed'] += 1;
      if (!outcome.ok) results[index] = { file, batchId: run.batchId, ok: false, error: failureOf(outcome.error) };
      else if (keepAll) results[index] = { file, batchId: run.batchId, ok: true, report: outcome.outcome.report };
      progress.show(done + unreadable);
    }
  } finally {
    progress.clear();
  }
  return { listed: results.filter((result): result is PageResult => result !== undefined), totals, pages: pages.length, complete: keepAll };
}

/** How many pages a summary lists one by one; a larger run lists its failed pages only. */
const LISTED_PAGES = 1_000;

type Totals = Record<ImportAction | 'failed', number>;

/** A run's results: the pages listed (all, or only the failed ones past LISTED_PAGES), and the totals. */
interface Results {
  listed: PageResult[];
  totals: Totals;
  pages: number;
  /** Every page is in `listed`. */
  complete: boolean;
}

/** The seed folder from the news-importer config (NEWS_IMPORTER_SEED_DIR, default database/seeds/). */
function seedPages(strapi: Core.Strapi): Page[] {
  const seedDir = String(strapi.config.get('plugin::news-importer.seedDir', 'database/seeds'));
  const fullDir = path.resolve(strapi.dirs.app.root, seedDir);
  return pagesIn(fullDir, path.relative(process.env.INIT_CWD ?? process.cwd(), fullDir) || '.');
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Lays rows out in columns, left-aligned (the last column unpadded) or right-aligned. */
function columns(rows: readonly string[][], align: 'left' | 'right' = 'left'): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, c) => {
        if (align === 'right') return cell.padStart(widths[c] ?? 0);
        return c === row.length - 1 ? cell : cell.padEnd(widths[c] ?? 0);
      })
      .join('  ')
      .trimEnd()
  );
}

/** The desk's summary: one row per page, then the totals table. */
function summary({ listed: results, totals: counted, pages, complete }: Results, options: ImportOptions, run: Run): string {
  const lines: string[] = [];
  const filing = [options.locale ? `locale ${options.locale}` : '', options.status === 'draft' ? 'as drafts' : ''].filter(Boolean);
  const what = `${plural(pages, 'page')}${filing.length ? ` (${filing.join(', ')})` : ''}`;
  lines.push(options.dryRun ? `Dry run of ${what}: nothing was written; the results say what an import would do.` : `Import of ${what}, batch ${run.batchId}.`);
  if (!complete) lines.push(`More than ${LISTED_PAGES.toLocaleString('en')} pages: only the failed ones are listed (--json lists every page).`);
  if (results.length > 0) {
    const rows = results.map((result): string[] => {
      if (!result.ok) {
        const { code, message, line } = result.error;
        return ['failed', result.file, `${code}${line === null ? '' : ` (line ${line})`}: ${message}`];
      }
      const { report } = result;
      const notes = [report.status, ...(report.warnings.length ? [plural(report.warnings.length, 'warning')] : [])];
      return [report.action, result.file, `${report.locale}/${report.slug} (${notes.join(', ')})`];
    });
    lines.push('', ...columns([['RESULT', 'FILE', 'ARTICLE / REASON'], ...rows]).map((line) => `  ${line}`));
  }
  const outcomes = ['created', 'updated', 'unchanged', 'failed'] as const;
  const totals = [[...outcomes], outcomes.map((outcome) => String(counted[outcome]))];
  lines.push('', ...columns(totals, 'right').map((line) => `  ${line}`));
  return `${lines.join('\n')}\n`;
}

/** Writes to the real stdout and resolves once it is flushed. */
function print(write: typeof process.stdout.write, text: string): Promise<void> {
  return new Promise((resolve) => {
    write.call(process.stdout, text, 'utf8', () => resolve());
  });
}

/** What `--undo` prints: the articles deleted or restored, or why nothing was undone. */
function undoSummary(report: UndoReport): string {
  const rows = report.articles.map((article) => [article.action, `${article.locale}/${article.slug ?? '?'}`, article.title ?? '']);
  const lines = [`Undid batch ${report.batchId}: ${plural(report.articles.length, 'article')}${report.reportersDeleted ? `, ${plural(report.reportersDeleted, 'reporter')} deleted` : ''}.`];
  if (rows.length > 0) lines.push('', ...columns([['RESULT', 'ARTICLE', 'TITLE'], ...rows]).map((line) => `  ${line}`));
  return `${lines.join('\n')}\n`;
}

/** `--undo BATCH`: undoes the batch as the CLI actor, waits for the webhooks, prints; 0 undone, 1 refused. */
async function undoBatch(strapi: Core.Strapi, batchId: string, json: boolean, stdoutWrite: typeof process.stdout.write, stopStrapi: (strapi: Core.Strapi) => Promise<void>): Promise<number> {
  let outcome: { ok: true; report: UndoReport } | { ok: false; error: ImportFailure };
  try {
    const { webhooksDelivered } = await import('../src/plugins/news-importer/server/src/importer/events');
    try {
      outcome = { ok: true, report: await getService(strapi, 'imports').undo(batchId, { kind: 'cli' }) };
    } catch (error: unknown) {
      outcome = { ok: false, error: failureOf(error) };
    }
    if (!(await webhooksDelivered(strapi))) process.stderr.write('import: some webhook deliveries were still pending after 30 s; they were dropped.\n');
  } finally {
    await stopStrapi(strapi).catch((error: unknown) => {
      process.stderr.write(`import: Strapi did not shut down cleanly: ${error instanceof Error ? error.message : String(error)}\n`);
    });
    process.stdout.write = stdoutWrite;
  }
  if (json) await print(stdoutWrite, `${JSON.stringify(outcome, null, 2)}\n`);
  else if (outcome.ok) await print(stdoutWrite, undoSummary(outcome.report));
  else process.stderr.write(`import: batch ${batchId} was not undone: ${outcome.error.code}: ${outcome.error.message}\n`);
  return outcome.ok ? 0 : 1;
}

async function main(argv: readonly string[]): Promise<number> {
  let args: Args | 'help';
  let pages: Page[] = [];
  try {
    args = parseArgs(argv);
    if (args !== 'help' && !args.seed && args.undo === null) pages = expandTargets(args.targets);
  } catch (error: unknown) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`import: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const stdoutWrite = process.stdout.write;
  if (args === 'help') {
    await print(stdoutWrite, `${USAGE}\n`);
    return 0;
  }
  const { seed, json, options, undo } = args;

  // `npm run import` never seeds behind the user's back; `--seed` imports the seed folder itself.
  process.env.NEWS_IMPORTER_AUTO_SEED = 'false';
  // Loaded only now: Strapi takes a moment to load, and usage errors and --help should not wait for it.
  const { PluginNotBuiltError, bootStrapi, stopStrapi } = await import('./lib/boot');
  let strapi: Core.Strapi;
  try {
    strapi = await bootStrapi();
  } catch (error: unknown) {
    if (error instanceof PluginNotBuiltError) {
      process.stderr.write(`import: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`import: Strapi could not start: ${oneLine(error)}\n`);
    return 1;
  }

  // Strapi's logger and anything else may print while importing: with --json stdout carries only the JSON.
  if (json) process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  if (undo !== null) return undoBatch(strapi, undo, json, stdoutWrite, stopStrapi);
  let results: Results;
  let run: Run = { actor: { kind: 'cli' }, batchId: null };
  try {
    if (seed) {
      try {
        pages = seedPages(strapi);
      } catch (error: unknown) {
        process.stderr.write(`import: cannot read the seed folder: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
      }
    }
    const { newBatchId } = await import('../src/plugins/news-importer/server/src/services/imports');
    const { webhooksDelivered } = await import('../src/plugins/news-importer/server/src/importer/events');
    run = { actor: seed ? { kind: 'seed' } : { kind: 'cli' }, batchId: options.dryRun ? null : newBatchId() };
    results = await importPages(strapi, pages, options, run, json || pages.length <= LISTED_PAGES);
    // Strapi's webhook runner queues deliveries in memory: they go before the process does.
    if (!(await webhooksDelivered(strapi))) process.stderr.write('import: some webhook deliveries were still pending after 30 s; they were dropped.\n');
  } finally {
    // The pages are in (or not) by now: a failing shutdown is worth a line, not the lost results.
    await stopStrapi(strapi).catch((error: unknown) => {
      process.stderr.write(`import: Strapi did not shut down cleanly: ${error instanceof Error ? error.message : String(error)}\n`);
    });
    process.stdout.write = stdoutWrite;
  }

  await print(stdoutWrite, json ? `${JSON.stringify(results.listed, null, 2)}\n` : summary(results, options, run));
  return results.totals.failed === 0 ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`import: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
);

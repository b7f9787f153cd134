/**
 * `npm run eval:parse -- DIR LABELS [--verbose]`
 *
 * Scores the news-importer parser against hand-labelled real pages (issue 10): reads every labelled
 * page `DIR/<id>.txt`, parses it, compares the labelled fields and prints accuracy per outlet and per
 * layout, the overall figures for tempo.co and for other outlets, fully right pages, refusals and
 * any personal data (e-mail address, phone number) found in the parser's output.
 *
 * A report, not a test: exit 0 whatever the scores; 2 when DIR or LABELS is missing or unreadable.
 * The page texts are third-party copyright and are never in the repository (see tests/real-pages/).
 */
import { existsSync, readFileSync, statSync } from 'fs';
import path from 'path';
import { safeParseArticle } from '../src/plugins/news-importer/server/src/parser';
import {
  FIELD_NAMES,
  HOME_OUTLET,
  judgePage,
  refusalIsRight,
  parseLabels,
  previewPair,
  ratio,
  tallyBy,
  tallyOf,
  totals,
  formatTable,
  type LabelEntry,
  type PageResult,
} from './lib/eval-fields';

const USAGE = `Usage: npm run eval:parse -- DIR LABELS [--verbose]

  DIR        folder holding one <id>.txt per labelled page (the real-page texts)
  LABELS     the labels file, e.g. tests/real-pages/labels.json
  --verbose  also print every wrong field (expected vs got) and every refusal message

Exit status: 0 (a report), 2 when DIR or LABELS is missing or not valid.`;

interface Args {
  dir: string;
  labels: string;
  verbose: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args | 'help' {
  const positional: string[] = [];
  let verbose = false;
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') return 'help';
    else if (arg === '--verbose' || arg === '-v') verbose = true;
    else if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
    else positional.push(arg);
  }
  if (positional.length !== 2) throw new UsageError('Give exactly two arguments: DIR and LABELS.');
  const [dir, labels] = positional as [string, string];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`DIR "${dir}" is not a folder.`);
  if (!existsSync(labels)) throw new UsageError(`LABELS "${labels}" does not exist.`);
  return { dir, labels, verbose };
}

function loadLabels(file: string): LabelEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error: unknown) {
    throw new UsageError(`LABELS "${file}" is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = parseLabels(json);
  if (!result.ok) throw new UsageError(`LABELS "${file}": ${result.error.message}`);
  return result.entries;
}

function evaluate(entry: LabelEntry, dir: string): PageResult {
  const file = path.join(dir, `${entry.id}.txt`);
  if (!existsSync(file)) return { id: entry.id, outlet: entry.outlet, layout: entry.layout, status: 'missing' };
  const parsed = safeParseArticle(readFileSync(file));
  if (!parsed.ok) {
    return { id: entry.id, outlet: entry.outlet, layout: entry.layout, status: 'refused', code: parsed.error.code, message: parsed.error.message, fragment: refusalIsRight(entry.expected, parsed.error.code) };
  }
  return judgePage(entry, parsed.article);
}

function report(entries: readonly LabelEntry[], pages: readonly PageResult[], verbose: boolean): string {
  const out: string[] = [];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const home = pages.filter((p) => p.outlet === HOME_OUTLET);
  const others = pages.filter((p) => p.outlet !== HOME_OUTLET);
  const missing = pages.filter((p) => p.status === 'missing');

  out.push(`eval:parse — ${pages.length} labelled pages (${home.length} ${HOME_OUTLET}, ${others.length} other outlets)`);
  if (missing.length > 0) out.push(`Missing page files (not counted): ${missing.map((p) => p.id).join(', ')}`);
  out.push('');
  out.push(formatTable('Field accuracy by outlet (right/checked; "full" = pages with every field right)', tallyBy(pages, (p) => p.outlet)));
  out.push('');
  out.push(formatTable('Field accuracy by layout', tallyBy(pages, (p) => `${p.outlet === HOME_OUTLET ? '' : `${p.outlet}:`}${p.layout}`)));
  out.push('');

  const h = tallyOf(home);
  const hs = totals(h);
  out.push(`${HOME_OUTLET} pages: ${ratio(hs.right, hs.checked)} of fields right (target ≥ 97%); ${h.fullyRight}/${h.pages} pages fully right; ${h.refused} refused (a copy without its headline refused NO_TITLE, or one without a body refused NO_BODY, counts as one right check; any other refusal as every field wrong)`);
  const o = tallyOf(others);
  const os = totals(o);
  const parsedOthers = o.pages - o.refused;
  const acceptable = os.right + o.refused * FIELD_NAMES.length;
  const allOther = os.checked + o.refused * FIELD_NAMES.length;
  out.push(
    `other outlets: ${ratio(os.right, os.checked)} of fields right on the ${parsedOthers} parsed pages (target ≥ 90% or refused); ` +
      `${o.refused} refused (acceptable); right-or-refused ${ratio(acceptable, allOther)}; ${o.fullyRight}/${o.pages} pages fully right`,
  );
  out.push('');

  const refused = pages.filter((p): p is Extract<PageResult, { status: 'refused' }> => p.status === 'refused');
  out.push(`Refused pages (${refused.length}):`);
  const verdict = (p: Extract<PageResult, { status: 'refused' }>): string =>
    p.fragment ? `right: a copy without its ${p.code === 'NO_TITLE' ? 'headline' : 'body'}` : p.outlet === HOME_OUTLET ? 'counts as wrong' : 'acceptable';
  for (const p of refused) out.push(`  ${p.id} [${verdict(p)}] ${p.code}${verbose ? `: ${p.message}` : ''}`);
  out.push('');

  const parsed = pages.filter((p): p is Extract<PageResult, { status: 'parsed' }> => p.status === 'parsed');
  const pii = parsed.filter((p) => p.pii.length > 0);
  out.push(`Personal data in parser output (any field or discarded): ${pii.length === 0 ? 'none' : `${pii.length} page(s) FAIL`}`);
  for (const p of pii) for (const hit of p.pii) out.push(`  PII ${p.id}: ${hit}`);
  out.push('');

  const fully = parsed.filter((p) => p.wrong.length === 0).map((p) => p.id);
  out.push(`Pages fully right (${fully.length}): ${fully.join(', ') || 'none'}`);

  if (verbose) {
    out.push('');
    out.push('Wrong fields (expected vs got; long values cut):');
    for (const p of parsed) {
      if (p.wrong.length === 0) continue;
      const entry = byId.get(p.id);
      out.push(`- ${p.id} (${p.outlet}/${p.layout}): ${p.wrong.join(', ')}`);
      for (const field of p.wrong) {
        const [want, got] = previewPair(entry?.expected[field], p.actual[field]);
        out.push(`    ${field}: expected ${want}`);
        out.push(`    ${' '.repeat(field.length)}       got ${got}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

function main(argv: readonly string[]): number {
  let args: Args | 'help';
  let entries: LabelEntry[];
  try {
    args = parseArgs(argv);
    if (args === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    entries = loadLabels(args.labels);
  } catch (error: unknown) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`eval:parse: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const pages = entries.map((entry) => evaluate(entry, args.dir));
  process.stdout.write(report(entries, pages, args.verbose));
  return 0;
}

process.exitCode = main(process.argv.slice(2));

/**
 * Pure pieces of `npm run eval:parse`: the label format of tests/real-pages/labels.json, the
 * field-by-field comparison of a parsed article with its labels, the personal-data check and the
 * tallies. No file system, no parser import: the script feeds it, the unit test pins it.
 *
 * Comparison rule (issue 10): text is compared after normalising whitespace and curly/straight
 * quotes only, otherwise exactly. `publishedAt` is compared as a timestamp (same instant, same
 * offset), so `…T12:00:00+07:00` equals `…T12:00:00.000+07:00`.
 */
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { ParsedArticle } from '../../src/plugins/news-importer/server/src/parser';

/** The fields every label checks, in report order. */
export const FIELD_NAMES = [
  'title',
  'publishedAt',
  'publishedAtPrecision',
  'reporters',
  'editors',
  'translators',
  'desk',
  'dateline',
  'firstParagraphs',
  'leadPhoto',
  'readAlso',
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

export interface PhotoFields {
  caption: string;
  credit: string | null;
}

/** What the labels say, and what is read back from a ParsedArticle, in the same shape. */
export interface ArticleFields {
  title: string | null;
  publishedAt: string | null;
  publishedAtPrecision: 'minute' | 'day' | null;
  reporters: string[];
  editors: string[];
  translators: string[];
  desk: string | null;
  dateline: string | null;
  firstParagraphs: string[];
  leadPhoto: PhotoFields | null;
  readAlso: string[];
}

export interface LabelEntry {
  id: string;
  url: string;
  outlet: string;
  layout: string;
  language: 'id' | 'en';
  expected: ArticleFields;
  notes: string;
}

export type LabelsResult = { ok: true; entries: LabelEntry[] } | { ok: false; error: { code: 'BAD_LABELS'; message: string } };

const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033]/g;

/** Trims, collapses every run of whitespace (NBSP and newlines too) to one space, straightens quotes. */
export function normalizeText(text: string): string {
  return text.replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(/\s+/gu, ' ').trim();
}

/**
 * Long third-party text (paragraphs, captions) stays out of the repository: the labels hold
 * `sha256:<hex>` of the normalised text instead, and the comparison hashes what the parser read.
 */
export const HASH_PREFIX = 'sha256:';

/** The label form of a long text: `sha256:` and the hex digest of its normalised form. */
export function textFingerprint(text: string): string {
  return HASH_PREFIX + createHash('sha256').update(normalizeText(text)).digest('hex');
}

/** Text equality under normalizeText; null and an empty string are the same "nothing". */
export function sameText(expected: string | null, actual: string | null): boolean {
  if (expected !== null && expected.startsWith(HASH_PREFIX)) return actual !== null && textFingerprint(actual) === expected;
  const a = expected === null ? '' : normalizeText(expected);
  const b = actual === null ? '' : normalizeText(actual);
  return a === b;
}

/** Same instant and same UTC offset; null only equals null; an unparsable string equals nothing. */
export function sameTimestamp(expected: string | null, actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  const a = DateTime.fromISO(expected, { setZone: true });
  const b = DateTime.fromISO(actual, { setZone: true });
  if (!a.isValid || !b.isValid) return false;
  return a.toMillis() === b.toMillis() && a.offset === b.offset;
}

function sameList(expected: readonly string[], actual: readonly string[]): boolean {
  return expected.length === actual.length && expected.every((item, i) => sameText(item, actual[i] ?? null));
}

function samePhoto(expected: PhotoFields | null, actual: PhotoFields | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  return sameText(expected.caption, actual.caption) && sameText(expected.credit, actual.credit);
}

/** Whether one field of the labels matches the same field read from the parser. */
export function sameField(field: FieldName, expected: ArticleFields, actual: ArticleFields): boolean {
  switch (field) {
    case 'publishedAt':
      return sameTimestamp(expected.publishedAt, actual.publishedAt);
    case 'publishedAtPrecision':
      return expected.publishedAtPrecision === actual.publishedAtPrecision;
    case 'reporters':
    case 'editors':
    case 'translators':
    case 'firstParagraphs':
    case 'readAlso':
      return sameList(expected[field], actual[field]);
    case 'leadPhoto':
      return samePhoto(expected.leadPhoto, actual.leadPhoto);
    case 'title':
    case 'desk':
    case 'dateline':
      return sameText(expected[field], actual[field]);
  }
}

/**
 * The labelled fields as the parser produced them: the first two body paragraphs, the photo at
 * position 0 (before the first paragraph) as the lead photo, read-also titles in order.
 */
export function fieldsFromArticle(article: ParsedArticle): ArticleFields {
  const lead = article.photos.find((photo) => photo.position === 0) ?? null;
  return {
    title: article.title,
    publishedAt: article.publishedAt,
    publishedAtPrecision: article.publishedAtPrecision,
    reporters: [...article.byline.reporters],
    editors: [...article.byline.editors],
    translators: [...article.byline.translators],
    desk: article.byline.desk,
    dateline: article.dateline,
    firstParagraphs: article.body.slice(0, 2),
    leadPhoto: lead === null ? null : { caption: lead.caption, credit: lead.credit },
    readAlso: article.readAlso.map((item) => item.title),
  };
}

// An address at any TLD, plus the `name[at]host.tld` / `name (at) host.tld` spellings pages use.
const EMAIL = /[\p{L}\p{N}._%+-]+\s?(?:@|\[at\]|\(at\))\s?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;
// Phone numbers: +62 21 5360 4000, (021) 7398381, 0812-3456-7890, or 10-13 bare digits from 0
// (08123456789). Dates (2022-10-28, 09/02/2014), times (08.30), money (Rp 8.800), years and
// shorter digit runs such as article ids in URLs (056838555) do not match.
const PHONE =
  /(?:\+\d{1,3}[\s.-]?\(?\d{1,4}\)?[\s.-]?\d{3,4}[\s.-]?\d{3,5}|\(0\d{1,4}\)\s?\d{3,4}[\s.-]?\d{3,5}|\b0\d{2,4}[\s.-]\d{3,4}[\s.-]?\d{3,5}|\b0\d{9,12})\b/g;

/** Every e-mail address or phone-number-like string in a string. */
export function personalDataIn(text: string): string[] {
  return [...(text.match(EMAIL) ?? []), ...(text.match(PHONE) ?? [])];
}

/**
 * A hit made safe to print: the report must not spread the personal data it found, so an address
 * keeps only its first character and its domain, a number only its first three and last two digits.
 */
export function maskPersonalData(hit: string): string {
  const at = hit.search(/@|\[at\]|\(at\)/);
  if (at > 0) return `${hit[0]}…${hit.slice(at)}`;
  const digits = hit.replace(/\D/g, '');
  return `${digits.slice(0, 3)}…${digits.slice(-2)} (${digits.length} digits)`;
}

/** Walks any JSON-like value and returns `path: masked hit` for each personal-data hit in its strings. */
export function findPersonalData(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return personalDataIn(value).map((hit) => `${path || '(value)'}: ${maskPersonalData(hit)}`);
  if (Array.isArray(value)) return value.flatMap((item, i) => findPersonalData(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      findPersonalData(item, path === '' ? key : `${path}.${key}`),
    );
  }
  return [];
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function checkExpected(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return 'expected is not an object';
  const e = value as Record<string, unknown>;
  for (const key of ['title', 'publishedAt', 'desk', 'dateline'] as const) {
    if (!isStringOrNull(e[key])) return `expected.${key} must be a string or null`;
  }
  if (!(e.publishedAtPrecision === null || e.publishedAtPrecision === 'minute' || e.publishedAtPrecision === 'day')) {
    return 'expected.publishedAtPrecision must be "minute", "day" or null';
  }
  if (typeof e.publishedAt === 'string' && !DateTime.fromISO(e.publishedAt, { setZone: true }).isValid) {
    return `expected.publishedAt "${e.publishedAt}" is not ISO 8601`;
  }
  for (const key of ['reporters', 'editors', 'translators', 'firstParagraphs', 'readAlso'] as const) {
    if (!isStringArray(e[key])) return `expected.${key} must be an array of strings`;
  }
  const photo = e.leadPhoto;
  if (photo !== null) {
    if (typeof photo !== 'object' || photo === undefined) return 'expected.leadPhoto must be an object or null';
    const p = photo as Record<string, unknown>;
    if (typeof p.caption !== 'string' || !isStringOrNull(p.credit)) return 'expected.leadPhoto needs caption (string) and credit (string or null)';
  }
  return null;
}

/** Validates parsed labels.json; the error names the entry and the key that is wrong. */
export function parseLabels(json: unknown): LabelsResult {
  const fail = (message: string): LabelsResult => ({ ok: false, error: { code: 'BAD_LABELS', message } });
  if (!Array.isArray(json)) return fail('The labels file must hold a JSON array of entries.');
  const seen = new Set<string>();
  for (const [i, raw] of json.entries()) {
    if (raw === null || typeof raw !== 'object') return fail(`Entry ${i} is not an object.`);
    const entry = raw as Record<string, unknown>;
    const where = `Entry ${i} (${String(entry.id)})`;
    for (const key of ['id', 'url', 'outlet', 'layout', 'notes'] as const) {
      if (typeof entry[key] !== 'string') return fail(`${where}: "${key}" must be a string.`);
    }
    if (!/^[a-z0-9][a-z0-9-]*$/.test(entry.id as string)) return fail(`${where}: id must be lower-case letters, digits and hyphens.`);
    if (seen.has(entry.id as string)) return fail(`${where}: duplicate id.`);
    seen.add(entry.id as string);
    if (entry.language !== 'id' && entry.language !== 'en') return fail(`${where}: language must be "id" or "en".`);
    const problem = checkExpected(entry.expected);
    if (problem !== null) return fail(`${where}: ${problem}.`);
  }
  return { ok: true, entries: json as LabelEntry[] };
}

/** The outcome for one labelled page. */
export type PageResult =
  | { id: string; outlet: string; layout: string; status: 'parsed'; wrong: FieldName[]; actual: ArticleFields; pii: string[] }
  | { id: string; outlet: string; layout: string; status: 'refused'; code: string; message: string; fragment: boolean }
  | { id: string; outlet: string; layout: string; status: 'missing' };

/** Compares one parsed page with its label. */
export function judgePage(entry: LabelEntry, article: ParsedArticle): PageResult {
  const actual = fieldsFromArticle(article);
  const wrong = FIELD_NAMES.filter((field) => !sameField(field, entry.expected, actual));
  return { id: entry.id, outlet: entry.outlet, layout: entry.layout, status: 'parsed', wrong, actual, pii: findPersonalData(article) };
}

/** right/checked per field, plus page counts, for one group of pages. */
export interface Tally {
  pages: number;
  refused: number;
  fullyRight: number;
  right: Record<FieldName, number>;
  checked: Record<FieldName, number>;
}

function emptyTally(): Tally {
  const zero = (): Record<FieldName, number> => Object.fromEntries(FIELD_NAMES.map((f) => [f, 0])) as Record<FieldName, number>;
  return { pages: 0, refused: 0, fullyRight: 0, right: zero(), checked: zero() };
}

/** The outlet whose refusals count as failures (every other outlet may be refused). */
export const HOME_OUTLET = 'tempo';

/**
 * Whether refusing a page is the right answer: a copy that starts mid-article (labelled without a
 * title) refused NO_TITLE, or a copy that is only a header (labelled without body paragraphs: a
 * headline, a deck, a credit and a date) refused NO_BODY. Neither has an article to import.
 */
export function refusalIsRight(expected: Pick<ArticleFields, 'title' | 'firstParagraphs'>, code: string): boolean {
  return (code === 'NO_TITLE' && expected.title === null) || (code === 'NO_BODY' && expected.firstParagraphs.length === 0);
}

/**
 * Adds one page to a tally. Parsed: each field right or wrong. Refused: a tempo page counts every
 * field wrong (the parser must read Tempo); another outlet's refusal is acceptable and its fields
 * are not checked. Missing page files are not counted.
 */
export function addToTally(tally: Tally, page: PageResult): void {
  if (page.status === 'missing') return;
  tally.pages += 1;
  if (page.status === 'refused') {
    tally.refused += 1;
    // A copy with no article to import (see refusalIsRight): refusing it is the one right answer, checked once.
    if (page.fragment) {
      tally.checked.title += 1;
      tally.right.title += 1;
    } else if (page.outlet === HOME_OUTLET) for (const f of FIELD_NAMES) tally.checked[f] += 1;
    return;
  }
  for (const f of FIELD_NAMES) {
    tally.checked[f] += 1;
    if (!page.wrong.includes(f)) tally.right[f] += 1;
  }
  if (page.wrong.length === 0) tally.fullyRight += 1;
}

/** Sums over the fields of a tally. */
export function totals(tally: Tally): { right: number; checked: number } {
  return FIELD_NAMES.reduce((acc, f) => ({ right: acc.right + tally.right[f], checked: acc.checked + tally.checked[f] }), { right: 0, checked: 0 });
}

/** `right/checked (pp.p%)`, or `-` with nothing checked. */
export function ratio(right: number, checked: number): string {
  return checked === 0 ? '-' : `${right}/${checked} (${((100 * right) / checked).toFixed(1)}%)`;
}

/** Groups page results by a key (outlet, layout) into tallies, keys sorted. */
export function tallyBy(pages: readonly PageResult[], key: (page: PageResult) => string): Map<string, Tally> {
  const groups = new Map<string, Tally>();
  for (const page of pages) {
    const k = key(page);
    const tally = groups.get(k) ?? emptyTally();
    addToTally(tally, page);
    groups.set(k, tally);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** A single tally over a set of pages. */
export function tallyOf(pages: readonly PageResult[]): Tally {
  const tally = emptyTally();
  for (const page of pages) addToTally(tally, page);
  return tally;
}

const SHORT: Record<FieldName, string> = {
  title: 'title',
  publishedAt: 'date',
  publishedAtPrecision: 'prec',
  reporters: 'rep',
  editors: 'edit',
  translators: 'transl',
  desk: 'desk',
  dateline: 'dtline',
  firstParagraphs: 'paras',
  leadPhoto: 'photo',
  readAlso: 'readAlso',
};

/** A fixed-width table: one row per group, `right/checked` per field, then the group total. */
export function formatTable(title: string, groups: Map<string, Tally>): string {
  const head = ['group', 'pages', 'refused', 'full', ...FIELD_NAMES.map((f) => SHORT[f]), 'total'];
  const rows = [...groups.entries()].map(([name, t]) => {
    const sum = totals(t);
    return [
      name,
      String(t.pages),
      String(t.refused),
      String(t.fullyRight),
      ...FIELD_NAMES.map((f) => (t.checked[f] === 0 ? '-' : `${t.right[f]}/${t.checked[f]}`)),
      ratio(sum.right, sum.checked),
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [title, line(head), ...rows.map(line)].join('\n');
}

/**
 * Expected and got for the verbose report, cut so the report never reproduces whole paragraphs:
 * when both are long, both are shown from a little before the first character where they differ.
 */
export function previewPair(expected: unknown, actual: unknown, max = 160): [string, string] {
  const a = JSON.stringify(expected) ?? 'undefined';
  const b = JSON.stringify(actual) ?? 'undefined';
  if (a.length <= max && b.length <= max) return [a, b];
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const start = Math.max(0, i - 40);
  const cut = (text: string): string => {
    const slice = text.slice(start, start + max);
    return `${start > 0 ? '…' : ''}${slice}${start + max < text.length ? '…' : ''}`;
  };
  return [cut(a), cut(b)];
}

/** A value for the verbose report, cut so the report never reproduces whole paragraphs. */
export function preview(value: unknown, max = 160): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

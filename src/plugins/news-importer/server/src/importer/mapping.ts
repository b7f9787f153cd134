import { createHash } from 'node:crypto';
import type { LineAssignment, ParsedArticle } from '../parser';
import { acceptedRange, inDateRange } from '../parser/dates';
import { ImporterError } from '../errors';

/** Bumped when the mapping changes, so re-importing the same text updates articles mapped the old way. */
export const MAPPING_VERSION = 1;

/** Outlet credited when neither the byline nor the URL names one: the importer reads Tempo.co pages. */
export const DEFAULT_OUTLET = 'Tempo.co';

/** Host names to the outlet's name as newsrooms write it. */
const OUTLET_HOSTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|\.)tempo\.co$/, 'Tempo.co'],
  [/(^|\.)kompas\.com$/, 'Kompas.com'],
  [/(^|\.)detik\.com$/, 'detikcom'],
  [/(^|\.)antaranews\.com$/, 'ANTARA'],
  [/(^|\.)cnnindonesia\.com$/, 'CNN Indonesia'],
  [/(^|\.)republika\.co\.id$/, 'Republika'],
] as const;

export type ContentLocale = 'id' | 'en';
export type ReporterRole = 'reporters' | 'editors' | 'translators';

export interface ReporterInput {
  name: string;
  slug: string;
  kind: 'person' | 'desk';
  outlet: string | null;
}

export interface ParagraphBlock {
  type: 'paragraph';
  children: Array<{ type: 'text'; text: string }>;
}

export interface PhotoData {
  caption: string;
  credit: string | null;
  photographer: string | null;
  agency: string | null;
  position: number;
}

export interface RelatedLinkData {
  title: string;
  summary: string | null;
  url: string | null;
  kind: 'related' | 'readAlso';
  ageLabel: string | null;
  approxPublishedAt: string | null;
  position: number;
}

export interface ArticleData {
  title: string;
  slug: string;
  subtitle: string | null;
  section: string | null;
  body: ParagraphBlock[];
  publishedDate: string;
  dateline: string | null;
  outlet: string;
  sourceName: string | null;
  originalUrl: string | null;
  importKey: string;
  contentHash: string;
}

/** Everything one import writes, derived from the parse result alone: no database involved. */
export interface ArticlePlan {
  locale: ContentLocale;
  article: ArticleData;
  byline: Record<ReporterRole, ReporterInput[]>;
  photos: PhotoData[];
  relatedLinks: RelatedLinkData[];
}

export interface MappingOptions {
  locale?: ContentLocale;
  originalUrl?: string | null;
  /** Used when the page prints no date line: the article needs a `publishedDate`. */
  capturedAt?: string | null;
  /** Where each input line went (parseArticleWithTrace): lets an error name the line at fault. */
  lines?: readonly LineAssignment[];
}

/**
 * Longest originalUrl accepted, in characters. Browsers and crawlers handle about this much, and the
 * import key built from it stays well inside a PostgreSQL index entry (2,704 bytes).
 */
export const MAX_URL_LENGTH = 2048;

/** What a Strapi `string` attribute holds: varchar(255) on PostgreSQL, counted in characters (code points). */
export const MAX_STRING_LENGTH = 255;

/** A value for a message: quoted, cut after `max` characters so a hostile value never floods a log or a terminal. */
export const shown = (value: string, max = 80): string => JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);

/**
 * The original URL, trimmed, when it is an absolute http or https URL of at most MAX_URL_LENGTH
 * characters; ImporterError BAD_URL or TOO_LONG otherwise. Anything else (`javascript:`, `data:`,
 * `file:`) would end up as a link on the site (JSON-LD `isBasedOn.url`).
 */
export function checkOriginalUrl(url: string): string {
  const trimmed = url.trim();
  if (trimmed.length > MAX_URL_LENGTH) {
    throw new ImporterError('TOO_LONG', `"originalUrl" is ${trimmed.length} characters long; at most ${MAX_URL_LENGTH} are accepted. Give the article's address without tracking parameters.`, { details: { field: 'originalUrl' } });
  }
  let protocol: string;
  try {
    protocol = new URL(trimmed).protocol;
  } catch {
    throw new ImporterError('BAD_URL', `"originalUrl" ${shown(trimmed)} is not a URL; only http and https URLs are accepted (e.g. https://www.tempo.co/read/...).`, { details: { field: 'originalUrl' } });
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new ImporterError('BAD_URL', `"originalUrl" ${shown(trimmed)} is a ${protocol} URL; only http and https URLs are accepted (e.g. https://www.tempo.co/read/...).`, { details: { field: 'originalUrl' } });
  }
  return trimmed;
}

/** `Cina dan Rusia Janji Akan Saling Dukung` → `cina-dan-rusia-janji-akan-saling-dukung`: lower-case ASCII words joined by `-`. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' dan ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
    .replace(/-+$/, '');
}

/** A name as the newsroom writes it, with runs of spaces collapsed: the same person always maps to one Reporter. */
export const normaliseName = (name: string): string => name.replace(/\s+/g, ' ').trim();

/** The URL without query, fragment, trailing slash or `www.`/`m.` host prefix: one story, one key. */
export function normaliseUrl(url: string): string {
  try {
    const parsed = new URL(url.trim());
    const host = parsed.hostname.toLowerCase().replace(/^(www|m|amp)\./, '');
    const pathname = parsed.pathname.replace(/\/amp\/?$/, '').replace(/\/+$/, '');
    return `${host}${pathname}`;
  } catch {
    throw new ImporterError('BAD_URL', `originalUrl "${url}" is not a URL (expected e.g. https://www.tempo.co/read/...).`);
  }
}

function outletFromUrl(url: string | null): string | null {
  if (!url) return null;
  const host = new URL(url.trim()).hostname.toLowerCase();
  return OUTLET_HOSTS.find(([pattern]) => pattern.test(host))?.[1] ?? null;
}

/**
 * The natural key of an imported story: its URL when known, else its normalised title plus its
 * publication day. Two imports with the same key are the same article.
 */
export function importKeyFor(parsed: ParsedArticle, originalUrl: string | null): string {
  if (originalUrl) return `url:${normaliseUrl(originalUrl)}`;
  const day = parsed.publishedAt ? parsed.publishedAt.slice(0, 10) : 'undated';
  return `title:${slugify(parsed.title)}:${day}`;
}

const paragraph = (text: string): ParagraphBlock => ({ type: 'paragraph', children: [{ type: 'text', text }] });

const reporter = (name: string, kind: ReporterInput['kind'], outlet: string | null): ReporterInput => {
  const clean = normaliseName(name);
  return { name: clean, slug: slugify(clean), kind, outlet };
};

/**
 * The article's publication date: the page's date line, else the capture time, else the day the
 * site printed at the top of the page when it was copied (`pageDate`). A page whose only
 * date line is broken (`Kamis, 31 Februari 2022`) or out of range fails on that line, capture time
 * or not: dating it by the capture time would hide the page's real problem.
 */
function datePublished(parsed: ParsedArticle, capturedAt: string | null, dateLine: number | null): string {
  if (parsed.publishedAt === null) {
    const broken = parsed.warnings.find((warning) => warning.code === 'INVALID_DATE' || warning.code === 'DATE_OUT_OF_RANGE');
    if (broken) {
      const where = broken.line === null ? '' : ` on line ${broken.line}`;
      throw new ImporterError(broken.code as 'INVALID_DATE' | 'DATE_OUT_OF_RANGE', `${broken.message} Correct the date${where}: it is the article's publication date.`, { line: broken.line });
    }
  }
  const date = parsed.publishedAt ?? capturedAt ?? parsed.pageDate;
  if (!date) {
    throw new ImporterError('NO_DATE', 'The page prints no publication date; give the capture time (capturedAt) to date the article.');
  }
  if (!inDateRange(date)) {
    const what = parsed.publishedAt ? 'The publication date' : 'capturedAt';
    throw new ImporterError('DATE_OUT_OF_RANGE', `${what} ${shown(date, 40)} is not a date in the accepted range (${acceptedRange()}).`, { line: parsed.publishedAt ? dateLine : null });
  }
  return new Date(date).toISOString();
}

type LineOf = (field: LineAssignment['field'], index?: number | null) => number | null;

/**
 * Every value the plan puts in a Strapi `string` attribute (varchar(255) on PostgreSQL) must fit,
 * or the import fails here with the field and its line, the same on SQLite and PostgreSQL, instead
 * of a database error. The parser already keeps these short (a headline is at most 250 characters,
 * a name line 110, a credit about 120): this is the guard for what it lets through. Long values
 * that are legitimate (URLs, link titles, captions, sources) are `text` attributes and not checked.
 */
function checkLengths(plan: Omit<ArticlePlan, 'article'> & { article: Omit<ArticleData, 'contentHash'> }, readAlsoCount: number, lineOf: LineOf): void {
  const reporters = Object.values(plan.byline).flat();
  const checks: Array<[field: string, value: string | null, line: number | null]> = [
    ['article.title', plan.article.title, lineOf('title')],
    ['article.section', plan.article.section, lineOf('section')],
    ['article.dateline', plan.article.dateline, lineOf('body', 0)],
    ['article.outlet', plan.article.outlet, lineOf('byline')],
    ...reporters.flatMap((r): Array<[string, string | null, number | null]> => [
      ['reporter.name', r.name, lineOf('byline')],
      ['reporter.outlet', r.outlet, lineOf('byline')],
    ]),
    ...plan.photos.flatMap((photo, index): Array<[string, string | null, number | null]> => [
      ['photo.credit', photo.credit, lineOf('photos', index)],
      ['photo.photographer', photo.photographer, lineOf('photos', index)],
      ['photo.agency', photo.agency, lineOf('photos', index)],
    ]),
    ...plan.relatedLinks.map((link): [string, string | null, number | null] => ['relatedLink.ageLabel', link.ageLabel, lineOf('related', link.position - readAlsoCount)]),
  ];
  for (const [field, value, line] of checks) {
    if (value === null) continue;
    const length = [...value].length;
    if (length <= MAX_STRING_LENGTH) continue;
    const where = line === null ? '' : ` on line ${line}`;
    throw new ImporterError('TOO_LONG', `The ${field} ${shown(value, 40)}${where} is ${length} characters long; Kabar keeps at most ${MAX_STRING_LENGTH}. Shorten it in the page's text.`, { line });
  }
}

/** Turns a parse result into the documents one import writes. Pure: same input, same plan. */
export function planArticle(parsed: ParsedArticle, options: MappingOptions = {}): ArticlePlan {
  const locale: ContentLocale = options.locale ?? parsed.language;
  const originalUrl = options.originalUrl?.trim() ? checkOriginalUrl(options.originalUrl) : null;
  const lineOf = (field: LineAssignment['field'], index: number | null = null): number | null =>
    options.lines?.find((a) => a.field === field && (index === null || a.index === index))?.line ?? null;
  const publishedDate = datePublished(parsed, options.capturedAt ?? null, lineOf('publishedAt'));
  const outlet = parsed.byline.desk ?? outletFromUrl(originalUrl) ?? DEFAULT_OUTLET;

  const byline: ArticlePlan['byline'] = {
    reporters: [
      ...(parsed.byline.desk ? [reporter(parsed.byline.desk, 'desk', parsed.byline.desk)] : []),
      ...parsed.byline.reporters.map((name) => reporter(name, 'person', outlet)),
    ],
    editors: parsed.byline.editors.map((name) => reporter(name, 'person', outlet)),
    translators: parsed.byline.translators.map((name) => reporter(name, 'person', outlet)),
  };

  const relatedLinks: RelatedLinkData[] = [
    ...parsed.readAlso.map((item) => ({
      title: item.title,
      summary: null,
      url: item.url,
      kind: 'readAlso' as const,
      ageLabel: null,
      approxPublishedAt: null,
    })),
    ...parsed.related.map((item) => ({
      title: item.title,
      summary: item.summary,
      url: null,
      kind: 'related' as const,
      ageLabel: item.ageLabel,
      approxPublishedAt: item.approxPublishedAt,
    })),
  ].map((link, position) => ({ ...link, position }));

  const withoutHash = {
    locale,
    article: {
      title: parsed.title,
      slug: slugify(parsed.title),
      subtitle: parsed.subtitle,
      section: parsed.section,
      body: parsed.body.map(paragraph),
      publishedDate,
      dateline: parsed.dateline,
      outlet,
      sourceName: parsed.source,
      originalUrl,
      importKey: importKeyFor(parsed, originalUrl),
    },
    byline,
    photos: parsed.photos.map(({ caption, credit, photographer, agency, position }) => ({
      caption,
      credit,
      photographer,
      agency,
      position,
    })),
    relatedLinks,
  };
  checkLengths(withoutHash, parsed.readAlso.length, lineOf);
  const contentHash = createHash('sha256')
    .update(JSON.stringify({ version: MAPPING_VERSION, ...withoutHash }))
    .digest('hex');
  return { ...withoutHash, article: { ...withoutHash.article, contentHash } };
}

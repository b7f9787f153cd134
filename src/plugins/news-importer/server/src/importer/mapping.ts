import { createHash } from 'node:crypto';
import type { ParsedArticle } from '../parser';
import { ImportError } from './errors';

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
    throw new ImportError('BAD_URL', `originalUrl "${url}" is not a URL (expected e.g. https://www.tempo.co/read/...).`);
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

/** Turns a parse result into the documents one import writes. Pure: same input, same plan. */
export function planArticle(parsed: ParsedArticle, options: MappingOptions = {}): ArticlePlan {
  const locale: ContentLocale = options.locale ?? parsed.language;
  const originalUrl = options.originalUrl?.trim() || null;
  const publishedDate = parsed.publishedAt ?? options.capturedAt ?? null;
  if (!publishedDate) {
    throw new ImportError(
      'NO_DATE',
      'The page prints no publication date; give the capture time (capturedAt) to date the article.'
    );
  }
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
      publishedDate: new Date(publishedDate).toISOString(),
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
  const contentHash = createHash('sha256')
    .update(JSON.stringify({ version: MAPPING_VERSION, ...withoutHash }))
    .digest('hex');
  return { ...withoutHash, article: { ...withoutHash.article, contentHash } };
}

import { firstParagraph } from './blocks';
import type { ArticlePage, CorrectionEntry, PhotoEntry, ReporterEntry } from './repository';

/**
 * schema.org `NewsArticle` for an article page, following Google's Article structured-data guidance:
 * `headline`, `image`, `datePublished` and `dateModified` with a time-zone offset, `author` with a type
 * and a name per author (one entry per author, a desk byline as an Organization). Pure: no Strapi.
 */

export interface JsonLdOptions {
  /** The article's public URL on the site (`url`, `mainEntityOfPage`). */
  url: string;
  /** Publisher when the article names no outlet. */
  sitePublisherName: string;
  /** Base for media URLs that Strapi stores as paths (`/uploads/…`). */
  mediaBaseUrl: string;
}

type Thing = Record<string, unknown>;

/** Western Indonesia Time: UTC+7 all year (no daylight saving). */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** An instant as ISO 8601 in WIB: `2022-10-28T05:00:00.000Z` → `2022-10-28T12:00:00+07:00`. */
export function toWib(instant: string | Date): string {
  const time = new Date(instant).getTime();
  if (Number.isNaN(time)) throw new Error(`Not a date: ${String(instant)}`);
  return new Date(time + WIB_OFFSET_MS).toISOString().replace(/(\.000)?Z$/, '+07:00');
}

/** A Person, or an Organization for a desk byline (`Tempo.co`, `Tim Redaksi`). */
function agent(reporter: ReporterEntry): Thing {
  return { '@type': reporter.kind === 'desk' ? 'Organization' : 'Person', name: reporter.name };
}

const organization = (name: string): Thing => ({ '@type': 'Organization', name });

/** One photo as an ImageObject: the printed credit, the photographer as creator, the agency as copyright holder. */
function imageObject(photo: PhotoEntry, mediaBaseUrl: string): Thing {
  const imageUrl = webUrl(photo.image?.url, mediaBaseUrl);
  const image = photo.image;
  return compact({
    '@type': 'ImageObject',
    url: imageUrl,
    contentUrl: imageUrl,
    width: image?.width ?? undefined,
    height: image?.height ?? undefined,
    caption: photo.caption ?? undefined,
    description: photo.altText ?? undefined,
    creditText: photo.credit ?? undefined,
    creator: photo.photographer ? { '@type': 'Person', name: photo.photographer } : undefined,
    copyrightHolder: photo.agency ? organization(photo.agency) : undefined,
  });
}

/** A correction as schema.org's CorrectionComment (Google reads `correction` on NewsArticle). */
function correctionComment(correction: CorrectionEntry): Thing {
  return { '@type': 'CorrectionComment', text: correction.text, datePublished: toWib(correction.issuedAt) };
}

/**
 * `dateModified`: the last edit, and never earlier than the latest correction (a correction issued
 * with a time later than the save that recorded it still modifies the article then).
 */
function lastModified(page: ArticlePage): string {
  const times = [page.updatedAt, ...(page.corrections ?? []).map((correction) => correction.issuedAt)]
    .map((value) => new Date(value).getTime())
    .filter((time) => !Number.isNaN(time));
  return toWib(new Date(Math.max(...times)));
}

/** Drops `undefined` values and empty lists, so the output has no empty properties. */
function compact(thing: Thing): Thing {
  return Object.fromEntries(
    Object.entries(thing).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
  );
}

/** One item, or a list when there are several (schema.org accepts both; one reads better). */
const oneOrMany = (items: Thing[]): Thing | Thing[] | undefined =>
  items.length === 0 ? undefined : items.length === 1 ? items[0] : items;

/** Characters that could end or confuse an inline `<script>`, or that old JavaScript parsers take as line ends. */
const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/**
 * JSON-LD as text that is safe to paste into `<script type="application/ld+json">` as is: `<`, `>`,
 * `&`, U+2028 and U+2029 become `\u003c`, `\u003e`, `\u0026`, `\u2028`, `\u2029`. A title holding
 * `</script><script>…` can then never close the frontend's script element; the text is still JSON
 * that parses to the same value (the escapes only occur inside strings: JSON syntax itself has none
 * of these characters).
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(SCRIPT_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The URL when it is http or https; anything else (`javascript:`, `data:`) never reaches the page. */
function webUrl(url: string | null | undefined, base?: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = base === undefined ? new URL(url) : new URL(url, base);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return base === undefined ? url : parsed.toString();
  } catch {
    return undefined;
  }
}

/** The NewsArticle JSON-LD of a page, ready for `<script type="application/ld+json">` once serialized with serializeJsonLd. */
export function newsArticleJsonLd(page: ArticlePage, options: JsonLdOptions): Thing {
  const publisher = organization(page.outlet || options.sitePublisherName);
  // Defence in depth: the importer accepts only http(s) URLs, but rows written otherwise (an editor, an old import) may hold anything.
  const originalUrl = webUrl(page.originalUrl);
  const basedOn = [
    // The outlet's own page this article is filed from.
    originalUrl ? compact({ '@type': 'NewsArticle', url: originalUrl, publisher }) : undefined,
    // The outlet's `Sumber:` line: whose reporting the story rests on.
    page.sourceName ? { '@type': 'CreativeWork', name: page.sourceName, publisher: organization(page.sourceName) } : undefined,
  ].filter((thing): thing is Thing => thing !== undefined);

  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${options.url}#article`,
    url: options.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': options.url },
    headline: page.title,
    alternativeHeadline: page.subtitle ?? undefined,
    description: page.subtitle ?? firstParagraph(page.body),
    articleSection: page.section ?? undefined,
    inLanguage: page.locale,
    dateline: page.dateline ?? undefined,
    datePublished: toWib(page.publishedDate),
    dateModified: lastModified(page),
    // A relation the reader may not see is absent from the sanitized page: it adds nothing here.
    author: (page.reporters ?? []).map(agent),
    editor: oneOrMany((page.editors ?? []).map(agent)),
    translator: oneOrMany((page.translators ?? []).map(agent)),
    image: (page.photos ?? []).map((photo) => imageObject(photo, options.mediaBaseUrl)),
    publisher,
    isBasedOn: oneOrMany(basedOn),
    // Oldest first, as the page lists them.
    correction: (page.corrections ?? []).map(correctionComment),
  });
}

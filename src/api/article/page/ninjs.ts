import { blocksToHtml, blockTexts, summaryOf } from './blocks';
import { toWib } from './json-ld';
import type { ArticlePage, PhotoEntry, ReporterEntry } from './repository';

/**
 * IPTC ninjs 2.2 (News in JSON) for an article page: the form news agencies and aggregators exchange
 * stories in. Pure: no Strapi. Property names and shapes follow IPTC's JSON Schema
 * (tests/schemas/ninjs-schema_2.2.json); dates are WIB.
 */

export interface NinjsOptions {
  /** The article's public URL on the site. */
  url: string;
  /** Copyright holder when the article names no outlet. */
  sitePublisherName: string;
  /** Base for media URLs that Strapi stores as paths (`/uploads/…`). */
  mediaBaseUrl: string;
}

type Ninjs = Record<string, unknown>;

/**
 * The item's identifier: the document and language, not the public URL, so it survives a slug change
 * (ninjs asks that `uri` identify the object, not link to a resource).
 */
export const articleUri = (documentId: string, locale: string): string =>
  `urn:kabar:article:${encodeURIComponent(documentId)}:${encodeURIComponent(locale)}`;
const photoUri = (documentId: string, locale: string): string =>
  `urn:kabar:photo:${encodeURIComponent(documentId)}:${encodeURIComponent(locale)}`;

/** Drops `undefined` values and empty lists, so the object has no empty properties. */
function compact(thing: Ninjs): Ninjs {
  return Object.fromEntries(
    Object.entries(thing).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0))
  );
}

/** The URL when it is http(s) (resolved against `base` for `/uploads/…` paths), else undefined. */
function webUrl(url: string | null | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** A photo as an associated `picture` item: caption, alt text, the printed credit as `by`, the agency as copyright holder. */
function pictureAssociation(photo: PhotoEntry, index: number, locale: string, mediaBaseUrl: string): Ninjs {
  const image = photo.image;
  const href = webUrl(image?.url, mediaBaseUrl);
  const documentId = typeof photo.documentId === 'string' ? photo.documentId : `photo-${index}`;
  return compact({
    // The lead photo (position 0) is the feature image; the others are numbered in page order.
    name: photo.position === 0 ? 'featureimage' : `picture${index + 1}`,
    uri: photoUri(documentId, locale),
    type: 'picture',
    language: locale,
    headlines: photo.caption ? [{ value: photo.caption }] : undefined,
    descriptions: [
      photo.caption ? { role: 'caption', value: photo.caption } : undefined,
      photo.altText ? { role: 'alt', value: photo.altText } : undefined,
    ].filter((description) => description !== undefined),
    by: photo.credit ?? photo.photographer ?? undefined,
    people: photo.photographer ? [{ name: photo.photographer, rel: 'photographer' }] : undefined,
    copyrightholder: photo.agency ?? undefined,
    renditions: href
      ? [
          compact({
            name: 'original',
            href,
            contenttype: image?.mime ?? undefined,
            width: image?.width ?? undefined,
            height: image?.height ?? undefined,
          }),
        ]
      : undefined,
  });
}

/** Reporters as people; a desk byline (Tempo.co) is an organisation. */
function contributors(page: ArticlePage): { people: Ninjs[]; organisations: Ninjs[] } {
  const people: Ninjs[] = [];
  const organisations: Ninjs[] = [];
  const add = (list: ReporterEntry[] | undefined, rel: string): void => {
    for (const reporter of list ?? []) {
      (reporter.kind === 'desk' ? organisations : people).push({ name: reporter.name, rel });
    }
  };
  add(page.reporters, 'author');
  add(page.editors, 'editor');
  add(page.translators, 'translator');
  return { people, organisations };
}

/** A valid instant from a field that may be absent (an embargo the content model may or may not have). */
function optionalDate(value: unknown): string | undefined {
  if (typeof value !== 'string' && !(value instanceof Date)) return undefined;
  return Number.isNaN(new Date(value).getTime()) ? undefined : toWib(value);
}

/** The ninjs 2.2 object of an article page (the bare object: no `data` envelope). */
export function articleNinjs(page: ArticlePage, options: NinjsOptions): Ninjs {
  const paragraphs = blockTexts(page.body);
  const plain = paragraphs.join('\n\n');
  const words = plain.split(/\s+/).filter((word) => word !== '').length;
  const { people, organisations } = contributors(page);
  const summary = summaryOf(page);
  // Absolute http(s) only: a relative or `javascript:` value an editor typed is left out.
  const originalUrl = page.originalUrl && /^https?:\/\//i.test(page.originalUrl) ? webUrl(page.originalUrl, options.url) : undefined;

  return compact({
    uri: articleUri(page.documentId, page.locale),
    type: 'text',
    representationtype: 'full',
    profile: 'text-photo',
    language: page.locale,
    pubstatus: 'usable',
    firstcreated: toWib(page.publishedDate),
    versioncreated: toWib(page.updatedAt),
    // Present only when the content model has an embargo and the article carries one.
    embargoed: optionalDate(page.embargoedUntil),
    headlines: [{ role: 'main', value: page.title }, page.subtitle ? { role: 'sub', value: page.subtitle } : undefined].filter(
      (headline) => headline !== undefined
    ),
    descriptions: summary ? [{ role: 'summary', value: summary }] : undefined,
    bodies: [
      { role: 'main', contenttype: 'text/html', value: blocksToHtml(page.body), charcount: plain.length, wordcount: words },
      { role: 'main', contenttype: 'text/plain', value: plain, charcount: plain.length, wordcount: words },
    ],
    by: (page.reporters ?? []).map((reporter) => reporter.name).join(', ') || undefined,
    people,
    organisations,
    subjects: page.section ? [{ name: page.section, rel: 'section' }] : undefined,
    located: page.dateline ?? undefined,
    copyrightholder: page.outlet || options.sitePublisherName,
    infosources: page.sourceName ? [{ name: page.sourceName, role: 'source' }] : undefined,
    altids: [
      { role: 'url', value: options.url },
      originalUrl ? { role: 'originalurl', value: originalUrl } : undefined,
    ].filter((altid) => altid !== undefined),
    associations: (page.photos ?? []).map((photo, index) => pictureAssociation(photo, index, page.locale, options.mediaBaseUrl)),
  });
}

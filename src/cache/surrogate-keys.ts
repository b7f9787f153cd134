/**
 * Surrogate keys: the names a cached public response carries (`xkey` and `Surrogate-Key` headers) and
 * a change purges (src/cache/purge-on-change.ts, through the outbox). This module is the one list of
 * key names; a new public read (a feed, a sitemap) tags its responses with the names below, and the
 * change side purges them with no further wiring.
 *
 * | key                         | carried by                                            | purged when                                  |
 * |-----------------------------|-------------------------------------------------------|----------------------------------------------|
 * | `article:<documentId>`      | every response that shows that article (any locale)   | a published version is created/changed/removed |
 * | `reporter:<documentId>`     | every response that shows that reporter (a byline)    | the reporter changes                         |
 * | `reporter-articles:<documentId>` | responses listing that reporter's articles (a reporter read with `articles`, `editedArticles` or `translatedArticles`) | an article naming them is published/changed/unpublished |
 * | `photo:<documentId>`        | responses showing the photo                           | the photo's published version changes        |
 * | `related-link:<documentId>` | responses showing the link                            | the link's published version changes         |
 * | `file:<id>`                 | responses showing an uploaded file (a photo's image)  | the file row changes                         |
 * | `articles:<locale>`         | article listings of that locale (not filtered by section) | any article of that locale is published/changed/unpublished |
 * | `articles:*`                | article listings across locales (`locale=*`)          | any article change                           |
 * | `section:<locale>:<name>`   | article listings filtered on exactly one section      | an article of that section (before or after the change) |
 * | `reporters`, `photos:<locale>`, `related-links:<locale>` | the other types' listings | any change of that type (in that locale) |
 * | `feed:<locale>`             | feeds of that locale                                  | any article change in that locale            |
 * | `sitemap:<locale>`          | sitemaps of that locale                               | any article change in that locale            |
 * | `public`                    | every keyed response                                  | the public role's permissions change         |
 *
 * Keys are ASCII without spaces or commas (xkey splits on both): section names are folded to
 * lower-case words joined by `-`.
 */

/** The content types whose public reads are cached; the prefix of their entity and listing keys. */
export const KEYED_TYPES = {
  'api::article.article': { entity: 'article', listing: 'articles', localized: true },
  'api::reporter.reporter': { entity: 'reporter', listing: 'reporters', localized: false },
  'api::photo.photo': { entity: 'photo', listing: 'photos', localized: true },
  'api::related-link.related-link': { entity: 'related-link', listing: 'related-links', localized: true },
} as const;

export type KeyedType = keyof typeof KEYED_TYPES;

export const UPLOAD_FILE = 'plugin::upload.file';

/** Carried by every keyed response; purged when what the public may read changes. */
export const PUBLIC_KEY = 'public';

/** Header values longer than this are not sent: Varnish refuses response headers over 8 KiB by default. */
export const MAX_HEADER_LENGTH = 6000;

export const isKeyedType = (uid: string): uid is KeyedType => Object.prototype.hasOwnProperty.call(KEYED_TYPES, uid);

/** Folds a free-text value (a section name) into one key segment. */
export function keySegment(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** `article:<documentId>` and its kin. */
export function entityKey(uid: KeyedType, documentId: string): string {
  return `${KEYED_TYPES[uid].entity}:${documentId}`;
}

/** The listing key of a type in a locale (`articles:id`); `*` for a listing across locales. */
export function listingKey(uid: KeyedType, locale: string | null): string {
  const type = KEYED_TYPES[uid];
  return type.localized ? `${type.listing}:${locale ?? '*'}` : type.listing;
}

export function sectionKey(locale: string, section: string): string {
  return `section:${locale}:${keySegment(section)}`;
}

export function feedKey(locale: string): string {
  return `feed:${locale}`;
}

export function sitemapKey(locale: string): string {
  return `sitemap:${locale}`;
}

export function fileKey(id: number | string): string {
  return `file:${id}`;
}

/**
 * The articles listed under a reporter. Apart from `reporter:<id>` on purpose: a desk byline
 * (Tempo.co) is on thousands of pages, and publishing one article must not purge them all.
 */
export function reporterArticlesKey(documentId: string): string {
  return `reporter-articles:${documentId}`;
}

/** A reporter's relations that list articles: reading any of them tags `reporter-articles:<id>`. */
const REPORTER_ARTICLE_LISTS = ['articles', 'editedArticles', 'translatedArticles'] as const;

/** What a content type's schema says about one attribute (the little this module reads). */
export interface AttributeShape {
  type: string;
  target?: string;
}

/** Looks up the attributes of a content type (strapi.contentType(uid).attributes in the app). */
export type SchemaLookup = (uid: string) => Record<string, AttributeShape> | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The keys of everything a response body shows, walking it along the content types' relations from
 * `uid`: each document of a keyed type gives its entity key, each uploaded file its file key.
 * `data` is one document or a list of them, as Strapi's REST answers hold them.
 */
export function keysOfDocuments(schema: SchemaLookup, uid: string, data: unknown, into: Set<string> = new Set()): Set<string> {
  const visit = (currentUid: string, value: unknown, depth: number): void => {
    if (depth > 8) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(currentUid, item, depth);
      return;
    }
    if (!isRecord(value)) return;
    if (currentUid === UPLOAD_FILE) {
      if (typeof value.id === 'number' || typeof value.id === 'string') into.add(fileKey(value.id));
      return;
    }
    if (isKeyedType(currentUid) && typeof value.documentId === 'string') {
      into.add(entityKey(currentUid, value.documentId));
      if (currentUid === 'api::reporter.reporter' && REPORTER_ARTICLE_LISTS.some((name) => name in value)) into.add(reporterArticlesKey(value.documentId));
    }
    const attributes = schema(currentUid) ?? {};
    for (const [name, attribute] of Object.entries(attributes)) {
      if (!(name in value)) continue;
      if (attribute.type === 'relation' && attribute.target) visit(attribute.target, value[name], depth + 1);
      else if (attribute.type === 'media') visit(UPLOAD_FILE, value[name], depth + 1);
    }
  };
  visit(uid, data, 0);
  return into;
}

/** The header value for a set of keys (space-separated, sorted), or null when too long to send. */
export function keysHeader(keys: Iterable<string>): string | null {
  const value = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(' ');
  return value.length > 0 && value.length <= MAX_HEADER_LENGTH ? value : null;
}

/** A row of a keyed type as a change sees it: enough to name the keys it affects. */
export interface ChangedRow {
  documentId: string;
  locale?: string | null;
  section?: string | null;
  /** Keys of the documents linked to it whose responses show it (`reporter-articles:` of an article's byline, `article:` of a photo's article). */
  relatedKeys?: readonly string[];
}

/** The keys a change of one public row of `uid` affects (see the table at the top). */
export function keysOfChange(uid: KeyedType, row: ChangedRow): string[] {
  const keys = [entityKey(uid, row.documentId), listingKey(uid, row.locale ?? null)];
  const locale = row.locale ?? null;
  if (KEYED_TYPES[uid].localized) keys.push(listingKey(uid, null));
  if (uid === 'api::article.article' && locale) {
    keys.push(feedKey(locale), sitemapKey(locale));
    if (row.section) keys.push(sectionKey(locale, row.section));
  }
  keys.push(...(row.relatedKeys ?? []));
  return keys;
}

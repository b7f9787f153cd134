import type { Core } from '@strapi/strapi';
import { KEYED_TYPES, PUBLIC_KEY, isKeyedType, keysHeader, keysOfDocuments, listingKey, sectionKey, type KeyedType, type SchemaLookup } from './surrogate-keys';

/** `/api/articles`, `/api/articles/<documentId>` and the other keyed types' REST reads. */
const REST_READ = /^\/api\/(articles|reporters|photos|related-links)(?:\/([^/]+))?\/?$/;

const UID_BY_PATH: Record<string, KeyedType> = Object.fromEntries(
  (Object.keys(KEYED_TYPES) as KeyedType[]).map((uid) => [KEYED_TYPES[uid].listing, uid])
);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The attribute shapes of a content type, for the key walker. */
export function schemaOf(strapi: Core.Strapi): SchemaLookup {
  return (uid) => (strapi.contentTypes[uid as never] as { attributes?: Record<string, { type: string; target?: string }> } | undefined)?.attributes;
}

/** The one section an article listing is filtered on (`filters[section]=X` or `filters[section][$eq]=X`), or null. */
function filteredSection(query: Record<string, unknown>): string | null {
  const filters = query.filters;
  if (!isRecord(filters)) return null;
  const section = filters.section;
  if (typeof section === 'string') return section;
  if (isRecord(section) && Object.keys(section).length === 1 && typeof section.$eq === 'string') return section.$eq;
  return null;
}

/**
 * The surrogate keys of a public REST read of a keyed type (see surrogate-keys.ts): its listing key
 * (or its section's), every document and file the body shows, and `public`. Null when the path is
 * not such a read or the keys would not fit in a header (the response then goes uncached).
 */
export function restReadKeys(
  schema: SchemaLookup,
  path: string,
  query: Record<string, unknown>,
  body: unknown
): string | null {
  const match = REST_READ.exec(path);
  if (!match || !isRecord(body)) return null;
  const uid = UID_BY_PATH[match[1]!];
  if (!uid || !isKeyedType(uid)) return null;
  const keys = keysOfDocuments(schema, uid, body.data);
  keys.add(PUBLIC_KEY);
  if (match[2] === undefined) {
    // Without `locale` a listing shows the default locale, which an admin may change: `articles:*`
    // (purged by a change in any locale) stays right whichever it is, at no query.
    const requested = typeof query.locale === 'string' ? query.locale : '*';
    const locale = requested === '*' || requested === 'all' ? null : requested;
    const section = uid === 'api::article.article' && locale ? filteredSection(query) : null;
    keys.add(section !== null && locale ? sectionKey(locale, section) : listingKey(uid, locale));
  }
  return keysHeader(keys);
}

/** Sets `xkey` and `Surrogate-Key` (the same list: Varnish's xkey reads the first, CDNs the second). */
export function setKeyHeaders(ctx: { set(field: string, value: string): void }, header: string | null): void {
  if (!header) return;
  ctx.set('xkey', header);
  ctx.set('Surrogate-Key', header);
}

/** The surrogate keys of an article page (or its JSON-LD): the article, everything it shows, and `public`. */
export function pageKeys(strapi: Core.Strapi, page: unknown): string | null {
  const keys = keysOfDocuments(schemaOf(strapi), 'api::article.article', page);
  keys.add(PUBLIC_KEY);
  return keysHeader(keys);
}

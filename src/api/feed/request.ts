/**
 * The query parameters of the feed and sitemap endpoints, checked before any query runs. Unknown
 * parameters are refused, as Strapi's `strictParams` refuses them on the core routes.
 */

/** A locale code as Strapi stores them (`id`, `en`, `pt-BR`…). */
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Longer than any section name a newsroom prints; bounds the work a request can ask for. */
export const SECTION_MAX_LENGTH = 100;
/** Sitemap pages are numbered from 1; far past any archive (50,000 URLs a page), but bounded. */
export const MAX_SITEMAP_PAGE = 100_000;
const CONTROL = /[\u0000-\u001f\u007f]/;

/** A request the endpoints refuse with 400: what was wrong, and the offending values. */
export class FeedRequestError extends Error {
  constructor(message: string, readonly details: Record<string, unknown>) {
    super(message);
  }
}

export interface FeedRequest {
  /** The asked locale; the default locale when absent. */
  locale?: string;
  /** One section (rubrik), as the articles carry it (`Internasional`). */
  section?: string;
}

export interface SitemapPageRequest {
  locale?: string;
  page: number;
}

function only(query: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(query).filter((key) => !allowed.includes(key));
  if (unknown.length === 0) return;
  const takes = allowed.length ? `This endpoint takes ${allowed.join(', ')}.` : 'This endpoint takes no parameters.';
  throw new FeedRequestError(`Unknown query parameter(s): ${unknown.join(', ')}. ${takes}`, { unknown });
}

function single(query: Record<string, unknown>, key: string): string | undefined {
  const value = query[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new FeedRequestError(`${key} must be given once, as a plain value.`, { [key]: value });
  return value;
}

function locale(query: Record<string, unknown>): string | undefined {
  const value = single(query, 'locale');
  if (value !== undefined && !LOCALE.test(value)) {
    throw new FeedRequestError(`locale "${value}" is not a locale code; use e.g. id or en.`, { locale: value });
  }
  return value;
}

/** `?locale=id&section=Internasional` of the RSS and Atom feeds. */
export function feedRequest(query: Record<string, unknown>): FeedRequest {
  only(query, ['locale', 'section']);
  const section = single(query, 'section');
  if (section !== undefined) {
    const trimmed = section.trim();
    if (trimmed === '' || trimmed.length > SECTION_MAX_LENGTH || CONTROL.test(trimmed)) {
      throw new FeedRequestError(`section must be a section name of 1 to ${SECTION_MAX_LENGTH} characters, as the articles carry it.`, {
        section: section.slice(0, SECTION_MAX_LENGTH + 1),
      });
    }
    return { locale: locale(query), section: trimmed };
  }
  return { locale: locale(query) };
}

/** `?locale=id&page=2` of an article sitemap. */
export function sitemapPageRequest(query: Record<string, unknown>): SitemapPageRequest {
  only(query, ['locale', 'page']);
  const pageText = single(query, 'page') ?? '1';
  const page = /^[0-9]{1,6}$/.test(pageText) ? Number(pageText) : NaN;
  if (!Number.isInteger(page) || page < 1 || page > MAX_SITEMAP_PAGE) {
    throw new FeedRequestError(`page must be a whole number from 1 to ${MAX_SITEMAP_PAGE}, not "${pageText}".`, { page: pageText });
  }
  return { locale: locale(query), page };
}

/** The sitemap index and the News sitemap take no parameters. */
export function noParameters(query: Record<string, unknown>): void {
  only(query, []);
}

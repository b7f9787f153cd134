import type { PageStatus } from './repository';

/** What a frontend asks for: one article by slug (see routes/01-article-page.ts). */
export interface PageRequest {
  slug: string;
  /** The asked locale; the default locale when absent. */
  locale?: string;
  /** Answer the default-locale version when the article has none in the asked locale. */
  fallback: boolean;
  status: PageStatus;
}

/** The slug rule of the content type (schema.json): lower-case ASCII words joined by `-`. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A locale code as Strapi stores them (`id`, `en`, `pt-BR`…). */
const LOCALE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Query parameters the page endpoints understand; anything else is refused, like `strictParams` does. */
const PAGE_PARAMS = ['locale', 'fallback', 'status'] as const;
const BOOLEAN: Record<string, boolean> = { true: true, '1': true, false: false, '0': false };

/** A page request the endpoints refuse with 400: what was wrong, and the offending values. */
export class PageRequestError extends Error {
  constructor(message: string, readonly details: Record<string, unknown>) {
    super(message);
  }
}

/** Reads and checks the slug, locale, fallback and status of a page request; throws PageRequestError. */
export function pageRequest(slugParam: string, query: Record<string, unknown>): PageRequest {
  const unknown = Object.keys(query).filter((key) => !(PAGE_PARAMS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new PageRequestError(`Unknown query parameter(s): ${unknown.join(', ')}. This endpoint takes ${PAGE_PARAMS.join(', ')}.`, { unknown });
  }
  const single = (key: string): string | undefined => {
    const value = query[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw new PageRequestError(`${key} must be given once, as a plain value.`, { [key]: value });
    return value;
  };
  const slug = slugParam;
  if (!SLUG.test(slug)) {
    throw new PageRequestError('The slug must be lower-case ASCII letters and digits in words joined by "-".', { slug });
  }
  const locale = single('locale');
  if (locale !== undefined && !LOCALE.test(locale)) {
    throw new PageRequestError(`locale "${locale}" is not a locale code; use e.g. id or en.`, { locale });
  }
  const fallbackText = single('fallback');
  if (fallbackText !== undefined && !(fallbackText in BOOLEAN)) {
    throw new PageRequestError(`fallback must be true or false, not "${fallbackText}".`, { fallback: fallbackText });
  }
  // For anonymous readers the published-only middleware has already forced `published`.
  const status = single('status') ?? 'published';
  if (status !== 'published' && status !== 'draft') {
    throw new PageRequestError(`status must be published or draft, not "${status}".`, { status });
  }
  return { slug, locale, fallback: fallbackText === undefined ? false : BOOLEAN[fallbackText] === true, status };
}

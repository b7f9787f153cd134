/**
 * Settings of the frontend API, read from the environment once per process (see README, "Frontend API").
 */
export interface FrontendSettings {
  /** Template of an article's public URL: `{locale}` and `{slug}` are replaced. */
  publicUrlTemplate: string;
  /** Publisher named in JSON-LD when an article has no `outlet`. */
  sitePublisherName: string;
  /** `max-age` of public reads, in seconds. */
  maxAge: number;
  /** `stale-while-revalidate` of public reads, in seconds. */
  staleWhileRevalidate: number;
  /** How many serialized public pages each process keeps, by ETag (0: none). */
  pageCacheSize: number;
  /** Megabytes of anonymous responses each process keeps by read version (0: none; src/read-cache). */
  responseCacheMb: number;
  /** Seconds a kept anonymous response is served at most, changed or not. */
  responseCacheSeconds: number;
}

/** A frontend running on its development server; production sets PUBLIC_SITE_URL. */
export const DEFAULT_PUBLIC_SITE_URL = 'http://localhost:3000/{locale}/{slug}';
export const DEFAULT_SITE_PUBLISHER_NAME = 'Kabar';
// Short enough that a correction reaches readers within a minute; revalidation is cheap (304).
export const DEFAULT_MAX_AGE = 60;
export const DEFAULT_STALE_WHILE_REVALIDATE = 300;
export const DEFAULT_PAGE_CACHE_SIZE = 1000;
export const DEFAULT_RESPONSE_CACHE_MB = 32;
// Writes retire kept responses at once; this bounds what no write announces (an embargo lifting).
export const DEFAULT_RESPONSE_CACHE_SECONDS = 15;

function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number (0 or more), not "${raw}".`);
  }
  return value;
}

/** A base URL without placeholders gets `/{locale}/{slug}` appended. */
function urlTemplate(raw: string | undefined): string {
  const value = (raw ?? '').trim() || DEFAULT_PUBLIC_SITE_URL;
  if (value.includes('{slug}')) return value;
  return `${value.replace(/\/+$/, '')}/{locale}/{slug}`;
}

/** Reads the settings from `env` (default: process.env). */
export function readFrontendSettings(env: NodeJS.ProcessEnv = process.env): FrontendSettings {
  return {
    publicUrlTemplate: urlTemplate(env.PUBLIC_SITE_URL),
    sitePublisherName: (env.SITE_PUBLISHER_NAME ?? '').trim() || DEFAULT_SITE_PUBLISHER_NAME,
    maxAge: wholeNumber(env, 'PUBLIC_CACHE_MAX_AGE', DEFAULT_MAX_AGE),
    staleWhileRevalidate: wholeNumber(env, 'PUBLIC_CACHE_STALE_WHILE_REVALIDATE', DEFAULT_STALE_WHILE_REVALIDATE),
    pageCacheSize: wholeNumber(env, 'PUBLIC_PAGE_CACHE_SIZE', DEFAULT_PAGE_CACHE_SIZE),
    // Behind Varnish, Varnish keeps the answers, purged by key after each commit; a process's own copy
    // could answer Varnish's refetch before this process's read version moved (src/read-cache/version.ts).
    responseCacheMb: wholeNumber(env, 'PUBLIC_RESPONSE_CACHE_MB', (env.VARNISH_PURGE_URLS ?? '').trim() ? 0 : DEFAULT_RESPONSE_CACHE_MB),
    responseCacheSeconds: wholeNumber(env, 'PUBLIC_RESPONSE_CACHE_SECONDS', DEFAULT_RESPONSE_CACHE_SECONDS),
  };
}

/** The public URL of one language version of an article. */
export function publicArticleUrl(settings: Pick<FrontendSettings, 'publicUrlTemplate'>, locale: string, slug: string): string {
  return settings.publicUrlTemplate
    .replace(/\{locale\}/g, encodeURIComponent(locale))
    .replace(/\{slug\}/g, encodeURIComponent(slug));
}

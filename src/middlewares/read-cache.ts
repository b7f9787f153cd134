import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import coBody from 'co-body';
import { parse, type DocumentNode } from 'graphql';
import { readFrontendSettings } from '../api/article/page/settings';
import { createResponseStore, type KeptResponse } from '../read-cache/store';
import { raiseReadVersionOnWrites, readKeyTracker } from '../read-cache/version';

/**
 * Global middleware (config/middlewares.ts, after `strapi::body`): anonymous reads answered from
 * what this process built for the same request while nothing was written anywhere.
 *
 * Where the time of a read goes (README, "Performance of the read path"): Strapi's request pipeline
 * (routing, authentication and the public role's ability, query validation, the Document Service,
 * output sanitising, logging) costs milliseconds of CPU per list for statements that take a tenth of
 * that; no single step dominates. Newsroom traffic is the same few reads (home, sections, pages) by
 * many readers, and writes are rare beside them, so the pipeline runs once per read per write.
 *
 * Correctness across processes comes from the database, not from messages: each response is filed
 * under the archive's read version (src/read-cache/version.ts), raised after every committed write
 * through the query engine in any process, including the public role's permissions; one indexed
 * read of that number per request decides. A copy is served for PUBLIC_RESPONSE_CACHE_SECONDS at most,
 * for what changes with time alone. Only requests with no Authorization header, and only the
 * newsroom's reads (REST reads of its types, feeds, sitemaps, GraphQL queries) are kept. An embargo
 * passing or a withdrawal taking effect changes what is public with no write: copies are also filed
 * under the next such instant, so the first request after it builds afresh.
 */

const CACHEABLE_GET = /^\/api\/(?:articles|reporters|photos|related-links|feeds|sitemap)(?:[/.]|$)/;
/** Headers never replayed: recomputed by Koa or by the node server, or personal to one response. */
const NOT_REPLAYED = new Set(['content-length', 'set-cookie', 'date', 'connection', 'transfer-encoding', 'kabar-read-cache', 'kabar-visibility-change-in']);
/** Longest request body read as a cacheable GraphQL query. */
const MAX_GRAPHQL_BODY = 16 * 1024;

/**
 * The request's key when it may be answered from the cache, else null. A GraphQL POST's body is read
 * here (Strapi leaves it to the GraphQL route's own body parser, which skips a body already read).
 */
async function cacheKey(ctx: Context): Promise<string | null> {
  if (ctx.get('authorization')) return null;
  if ((ctx.method === 'GET' || ctx.method === 'HEAD') && CACHEABLE_GET.test(ctx.path)) return `GET ${ctx.originalUrl}`;
  if (ctx.method === 'POST' && ctx.path === '/graphql' && ctx.is('application/json')) {
    const length = Number(ctx.get('content-length'));
    if (!Number.isInteger(length) || length <= 0 || length > MAX_GRAPHQL_BODY) return null;
    const body: unknown = await coBody.json(ctx.req, { limit: MAX_GRAPHQL_BODY, strict: true });
    (ctx.request as { body?: unknown }).body = body;
    if (!body || typeof body !== 'object' || typeof (body as { query?: unknown }).query !== 'string') return null;
    return `POST ${ctx.originalUrl}\n${JSON.stringify(body)}`;
  }
  return null;
}

/** True when every operation of the GraphQL document is a query (never keep a mutation's answer). */
function onlyQueries(source: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(source);
  } catch {
    return false;
  }
  return document.definitions.every((definition) => definition.kind !== 'OperationDefinition' || definition.operation === 'query');
}

function hasGraphqlErrors(text: string): boolean {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed === null || typeof parsed !== 'object' || 'errors' in parsed;
  } catch {
    return true;
  }
}

/** The response as kept, or null when it must not be: not a plain 200, private, or a GraphQL error. */
function keepable(ctx: Context, before: Record<string, unknown>): KeptResponse | null {
  if (ctx.status !== 200 || ctx.response.get('Set-Cookie')) return null;
  // `private` marks a response for one reader. Not `no-store`: Apollo says it of every answer without
  // cache hints, for HTTP caches; this is the origin reusing its own work for anonymous callers.
  if (/\bprivate\b/i.test(ctx.response.get('Cache-Control'))) return null;
  const body: unknown = ctx.body;
  let text: string;
  if (typeof body === 'string') text = body;
  else if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body) && typeof (body as { pipe?: unknown }).pipe !== 'function') text = JSON.stringify(body);
  else return null;
  if (ctx.method === 'POST') {
    // GraphQL: only a query's answer, and only one without errors (a failure may not repeat).
    const query = ((ctx.request as { body?: { query?: unknown } }).body ?? {}).query;
    if (typeof query !== 'string' || !onlyQueries(query) || hasGraphqlErrors(text)) return null;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.response.headers)) {
    if (NOT_REPLAYED.has(name) || value === undefined || before[name] === value) continue;
    headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return { status: 200, headers, body: text };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = readFrontendSettings();
  const store = createResponseStore({
    maxBytes: settings.responseCacheMb * 1024 * 1024,
    maxEntryBytes: 2 * 1024 * 1024,
    ttlMs: settings.responseCacheSeconds * 1000,
  });
  // This process's own writes drop its copies at once; the version retires them everywhere.
  if (settings.responseCacheMb > 0) raiseReadVersionOnWrites(strapi, () => store.clear());
  const readKey = readKeyTracker(strapi);

  return async (ctx: Context, next: Next): Promise<void> => {
    const key = settings.responseCacheMb > 0 ? await cacheKey(ctx) : null;
    if (key === null) return next();
    const version = await readKey(new Date());
    const kept = store.get(key, version);
    if (kept) {
      for (const [name, value] of Object.entries(kept.headers)) ctx.set(name, value);
      ctx.set('Kabar-Read-Cache', 'hit');
      ctx.status = kept.status;
      // Koa's `fresh` compares If-None-Match with the kept ETag (it needs the 2xx status set above).
      if (ctx.response.get('ETag') && ctx.fresh) {
        ctx.status = 304;
        return;
      }
      ctx.body = kept.body;
      return;
    }
    const before = { ...ctx.response.headers } as Record<string, unknown>;
    await next();
    const response = keepable(ctx, before);
    if (!response) return;
    // Filed under the version read before building: a write meanwhile has already moved past it.
    store.set(key, version, response);
    ctx.body = response.body;
    ctx.set('Kabar-Read-Cache', 'miss');
  };
};

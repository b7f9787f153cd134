import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { answerConditionally, isPublicRead, weakEtag } from '../api/article/page/http-cache';
import { readFrontendSettings } from '../api/article/page/settings';
import { restReadKeys, schemaOf, setKeyHeaders } from '../cache/tag-response';

/** The REST reads of the newsroom types; the importer's and the users' routes are never cached. */
const NEWSROOM_READS = /^\/api\/(?:articles|reporters|photos|related-links)(?:\/|$)/;

/**
 * Global middleware (config/middlewares.ts): conditional GETs for anonymous REST reads of the
 * newsroom types, a weak ETag over the JSON body after the route ran. The article page fingerprints
 * itself before building (its route middleware, api::article.article-page) and is left alone here.
 * Each such read also names what it shows in `xkey`/`Surrogate-Key` (src/cache/surrogate-keys.ts).
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = readFrontendSettings();
  const schema = schemaOf(strapi);

  return async (ctx: Context, next: Next): Promise<void> => {
    await next();
    if (ctx.status !== 200 || !NEWSROOM_READS.test(ctx.path) || ctx.response.get('ETag')) return;
    const body: unknown = ctx.body;
    if (body === null || typeof body !== 'object' || Buffer.isBuffer(body) || typeof (body as { pipe?: unknown }).pipe === 'function') return;
    if (!isPublicRead(ctx)) return;
    // Surrogate keys for Varnish, set before a 304 too (a revalidation keeps the keys current).
    setKeyHeaders(ctx, restReadKeys(schema, ctx.path, ctx.query as Record<string, unknown>, body));
    answerConditionally(ctx, weakEtag([JSON.stringify(body)]), settings);
  };
};

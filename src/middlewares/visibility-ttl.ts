import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { VISIBILITY_TTL_HEADER, visibilityTtlValue } from '../cache/visibility-ttl';
import { nextVisibilityChange } from '../read-cache/version';

/**
 * Global middleware (config/middlewares.ts, outside `global::read-cache` so it also sees the kept
 * answers): behind Varnish (`VARNISH_PURGE_URLS` set), every anonymous public answer Varnish may keep
 * (one naming its surrogate keys in `xkey`) or revalidate (a `304` of `/api/…`) says in
 * `Kabar-Visibility-Change-In` how many seconds remain until an article becomes or stops being public
 * by itself (src/cache/visibility-ttl.ts). kabar.vcl caps its lifetime there and strips the header.
 *
 * The instant is read straight from the articles (two indexed reads), not from the read version's
 * tracker: the version is raised a moment after a commit, while this answer may already show the new
 * rows. It is computed for the instant the request began, before anything was read for it, so an
 * answer built after that instant is capped at it or earlier, never later. A `304` carries the header
 * too (`none` when nothing is pending): Varnish merges a revalidation's headers into the object it
 * kept, which would otherwise keep its old value.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const behindVarnish = Boolean((process.env.VARNISH_PURGE_URLS ?? '').trim());

  return async (ctx: Context, next: Next): Promise<void> => {
    if (!behindVarnish || (ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.get('authorization')) return next();
    const began = new Date();
    await next();
    const keyed = ctx.status === 200 && Boolean(ctx.response.get('xkey'));
    const revalidated = ctx.status === 304 && ctx.path.startsWith('/api/');
    if (!keyed && !revalidated) return;
    const until = await nextVisibilityChange(strapi, began);
    ctx.set(VISIBILITY_TTL_HEADER, visibilityTtlValue(until, Date.now()));
  };
};

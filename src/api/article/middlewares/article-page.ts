import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { answerConditionally, isPublicRead } from '../page/http-cache';
import { PageRequestError, pageRequest } from '../page/request';
import type { ArticleService, PageVariant, PreparedPage } from '../services/article';
import { mayReadDrafts } from '../../../published-only';
import { setKeyHeaders } from '../../../cache/tag-response';

/**
 * The article page pipeline, as route middleware of the page routes (routes/01-article-page.ts), so it
 * runs once per request and after Strapi's authentication: validate the request, resolve the slug
 * to a version, fingerprint it, then answer `304` or this process's copy of that exact response, or
 * hand over to the controller to build it (and keep what it built).
 *
 * The fingerprint (the ETag) names the version of everything the page shows *and* which of its
 * relations the caller's current permissions let it see: revoking the public role's `find` on
 * reporters changes the ETag of every page at once, so no copy built with the old permissions is
 * served again. It also names which of the page's articles are visible at this instant (an embargo
 * lifts with no write to the database), so a kept copy never outlives an embargo or a withdrawal.
 *
 * Withdrawn versions answer 410 Gone with their title, time and reason; versions under embargo answer
 * the public as if they did not exist (404), before any cache is consulted.
 */
export default (config: { variant?: PageVariant }, { strapi }: { strapi: Core.Strapi }) => {
  const variant: PageVariant = config.variant ?? 'page';
  const service = (): ArticleService => strapi.service('api::article.article' as never) as unknown as ArticleService;

  return async (ctx: Context, next: Next): Promise<void> => {
    let request;
    try {
      request = pageRequest(String(ctx.params.slug ?? ''), ctx.query as Record<string, unknown>);
    } catch (error) {
      if (error instanceof PageRequestError) return void ctx.badRequest(error.message, error.details);
      throw error;
    }
    const resolved = await service().resolvePage(request);
    const now = new Date();
    const gate = resolved ? service().gate(resolved, !mayReadDrafts(ctx.state), now) : null;
    if (resolved && gate === 'withdrawn') {
      ctx.set('Content-Language', resolved.row.locale);
      ctx.status = 410;
      ctx.body = service().goneBody(resolved);
      return;
    }
    if (!resolved || gate === 'embargoed') {
      const where = request.locale ? `in locale "${request.locale}"` : 'in the default locale';
      const hint = request.fallback ? '' : ' Add fallback=true to get the default-locale version when there is no translation.';
      return void ctx.notFound(`No published article has the slug "${request.slug}" ${where}.${hint}`, {
        slug: request.slug,
        locale: request.locale ?? null,
        fallback: request.fallback,
      });
    }
    ctx.set('Content-Language', resolved.row.locale);

    const prepared: PreparedPage = { variant, request, resolved, etag: null, mediaBaseUrl: service().mediaBaseUrl(ctx.origin) };
    if (isPublicRead(ctx)) {
      const visible = await service().visibleRelations(ctx.state.auth);
      prepared.etag = await service().pageEtag(resolved, variant, prepared.mediaBaseUrl, visible, now);
      if (answerConditionally(ctx, prepared.etag, service().frontendSettings())) return;
      const cached = service().cachedBody(prepared.etag);
      if (cached) {
        setKeyHeaders(ctx, cached.surrogateKeys);
        ctx.body = cached.json;
        ctx.type = cached.type;
        return;
      }
    }
    ctx.state.articlePage = prepared;
    await next();
    if (prepared.etag && ctx.status === 200 && typeof ctx.body === 'string') {
      const surrogateKeys = typeof ctx.state.surrogateKeys === 'string' ? ctx.state.surrogateKeys : null;
      setKeyHeaders(ctx, surrogateKeys);
      service().rememberBody(prepared.etag, { json: ctx.body, type: ctx.response.get('Content-Type'), language: resolved.row.locale, surrogateKeys });
    }
  };
};

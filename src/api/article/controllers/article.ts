import { factories, type Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ArticleService, PageVariant } from '../services/article';
import { PageRequestError, pageRequest, type PageRequest } from '../page/request';
import { serializeJsonLd } from '../page/json-ld';
import { answerConditionally, isPublicRead, type CacheContext } from '../page/http-cache';

const UID = 'api::article.article';

type PageContext = Context & CacheContext;

/** The fields of a listing: every public scalar field but the article body. */
function listingFields(strapi: Core.Strapi): string[] {
  const attributes = (strapi.contentType(UID).attributes as unknown) as Record<string, { type: string; private?: boolean }>;
  return Object.entries(attributes)
    .filter(([name, attribute]) => name !== 'body' && !attribute.private && !['relation', 'media', 'component', 'dynamiczone'].includes(attribute.type))
    .map(([name]) => name);
}

export default factories.createCoreController(UID, ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (): ArticleService => strapi.service(UID as never) as unknown as ArticleService;
  let fields: string[] | null = null;

  /** Resolves the request to a version; answers 400, 404 or 304 itself and returns null then. */
  async function resolveOrAnswer(ctx: PageContext, variant: PageVariant) {
    let request: PageRequest;
    try {
      request = pageRequest(String(ctx.params.slug ?? ''), ctx.query as Record<string, unknown>);
    } catch (error) {
      if (error instanceof PageRequestError) return void ctx.badRequest(error.message, error.details);
      throw error;
    }
    const resolved = await service().resolvePage(request);
    if (!resolved) {
      const where = request.locale ? `in locale "${request.locale}"` : 'in the default locale';
      const hint = request.fallback ? '' : ' Add fallback=true to get the default-locale version when there is no translation.';
      return void ctx.notFound(`No published article has the slug "${request.slug}" ${where}.${hint}`, {
        slug: request.slug,
        locale: request.locale ?? null,
        fallback: request.fallback,
      });
    }
    ctx.set('Content-Language', resolved.row.locale);
    let etag: string | null = null;
    if (isPublicRead(ctx)) {
      etag = await service().pageEtag(resolved, variant, service().mediaBaseUrl(ctx.origin));
      if (answerConditionally(ctx, etag, service().frontendSettings())) return null;
    }
    const loaded = await service().loadPage(resolved);
    if (!loaded) return void ctx.notFound(`The article "${request.slug}" was unpublished while being read; try again.`, { slug: request.slug });
    return { resolved, etag, ...loaded };
  }

  /** Sends a serialized page body; a public one is also kept for the next reader of the same version (global::public-cache). */
  function send(ctx: Context, json: string, type: string, language: string, etag: string | null): void {
    if (etag) service().rememberBody(etag, { json, type, language });
    ctx.body = json;
    ctx.type = type;
  }

  /** Strapi's output sanitizer for the caller (private fields, relations it may not read). */
  const sanitizeOutput = (data: unknown, ctx: Context): Promise<unknown> =>
    strapi.contentAPI.sanitize.output(data as never, strapi.contentType(UID), { auth: ctx.state.auth });

  return {
    /** Listings stay light: without an explicit `fields`, every field but `body`. */
    async find(ctx: Context) {
      if ((ctx.query as Record<string, unknown>).fields === undefined) {
        fields ??= listingFields(strapi);
        ctx.query = { ...ctx.query, fields };
      }
      return super.find(ctx);
    },

    /** `GET /api/articles/slug/:slug`: one article with everything its page shows. */
    async findBySlug(ctx: PageContext) {
      const found = await resolveOrAnswer(ctx, 'page');
      if (!found) return;
      const { resolved, page, alternates, etag } = found;
      const body = {
        data: await sanitizeOutput(page, ctx),
        meta: { locale: resolved.row.locale, requestedLocale: resolved.requestedLocale, fallback: resolved.fellBack, alternates },
      };
      send(ctx, JSON.stringify(body), 'application/json; charset=utf-8', resolved.row.locale, etag);
    },

    /** `GET /api/articles/slug/:slug/jsonld`: the schema.org NewsArticle itself, no envelope. */
    async jsonLdBySlug(ctx: PageContext) {
      const found = await resolveOrAnswer(ctx, 'jsonld');
      if (!found) return;
      const page = (await sanitizeOutput(found.page, ctx)) as typeof found.page;
      const jsonLd = service().jsonLd(page, service().mediaBaseUrl(ctx.origin));
      // Escaped so that frontends can paste it into <script type="application/ld+json"> as is.
      send(ctx, serializeJsonLd(jsonLd), 'application/ld+json; charset=utf-8', found.resolved.row.locale, found.etag);
    },
  };
});

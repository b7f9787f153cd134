import { factories, type Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { ArticleService, PreparedPage } from '../services/article';
import { serializeJsonLd } from '../page/json-ld';
import { pageKeys } from '../../../cache/tag-response';

const UID = 'api::article.article';

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

  /**
   * The page the pipeline (middlewares/article-page.ts) resolved, loaded whole and sanitized for the
   * caller (private fields, relations it may not read); null after answering 404 itself.
   */
  async function loadPage(ctx: Context) {
    const prepared = ctx.state.articlePage as PreparedPage;
    const loaded = await service().loadPage(prepared.resolved);
    if (!loaded) {
      return void ctx.notFound(`The article "${prepared.request.slug}" was unpublished while being read; try again.`, { slug: prepared.request.slug });
    }
    const page = (await strapi.contentAPI.sanitize.output(loaded.page as never, strapi.contentType(UID), { auth: ctx.state.auth })) as typeof loaded.page;
    // What the page shows, for Varnish (set as headers by the pipeline, which also keeps them with its copy).
    ctx.state.surrogateKeys = pageKeys(strapi, page);
    return { prepared, page, alternates: loaded.alternates };
  }

  /** Sends a body serialized as JSON text: the pipeline keeps a public one for the next reader of the same version. */
  function send(ctx: Context, json: string, type: string): void {
    ctx.body = json;
    ctx.type = type;
  }

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
    async findBySlug(ctx: Context) {
      const found = await loadPage(ctx);
      if (!found) return;
      const { resolved } = found.prepared;
      const meta = { locale: resolved.row.locale, requestedLocale: resolved.requestedLocale, fallback: resolved.fellBack, alternates: found.alternates };
      send(ctx, JSON.stringify({ data: found.page, meta }), 'application/json; charset=utf-8');
    },

    /** `GET /api/articles/slug/:slug/jsonld`: the schema.org NewsArticle itself, no envelope. */
    async jsonLdBySlug(ctx: Context) {
      const found = await loadPage(ctx);
      if (!found) return;
      // Escaped so that frontends can paste it into <script type="application/ld+json"> as is.
      send(ctx, serializeJsonLd(service().jsonLd(found.page, found.prepared.mediaBaseUrl)), 'application/ld+json; charset=utf-8');
    },

    /** `GET /api/articles/slug/:slug/ninjs`: the IPTC ninjs 2.2 object itself, no envelope. */
    async ninjsBySlug(ctx: Context) {
      const found = await loadPage(ctx);
      if (!found) return;
      send(ctx, JSON.stringify(service().ninjs(found.page, found.prepared.mediaBaseUrl)), 'application/json; charset=utf-8');
    },
  };
});

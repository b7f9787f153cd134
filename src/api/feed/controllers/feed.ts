import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { answerConditionally, isPublicRead, weakEtag } from '../../article/page/http-cache';
import { readFrontendSettings } from '../../article/page/settings';
import { PUBLIC_KEY, keysHeader } from '../../../cache/surrogate-keys';
import { setKeyHeaders } from '../../../cache/tag-response';
import { FeedRequestError, feedRequest, noParameters, sitemapPageRequest } from '../request';
import type { Rendered } from '../services/feed';
import type feedService from '../services/feed';

type FeedService = ReturnType<typeof feedService>;

/**
 * Feeds and sitemaps: validate the query, build the document, answer it with a weak ETag over its
 * bytes. The ETag is taken over the body, not over row versions: what these documents hold also
 * changes with the clock alone (the News sitemap's 48 hours, an embargo running out), and a body hash
 * can never miss that. Building a feed costs a few queries; a `304` saves the transfer.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (): FeedService => strapi.service('api::feed.feed' as never) as unknown as FeedService;
  const settings = readFrontendSettings();

  /** Where the feeds' own links point: the configured `server.url` when absolute, else the request's origin. */
  const baseUrl = (ctx: Context): string => {
    const configured = strapi.config.get('server.url') as string | undefined;
    return configured && /^https?:\/\//.test(configured) ? configured : ctx.origin;
  };

  /** Runs one endpoint: a bad query is a 400 that says what to fix; a missing page a 404. */
  async function answer(ctx: Context, build: () => Promise<Rendered | null>, missing?: string): Promise<void> {
    let rendered: Rendered | null;
    try {
      rendered = await build();
    } catch (error) {
      if (error instanceof FeedRequestError) return void ctx.badRequest(error.message, error.details);
      throw error;
    }
    if (!rendered) return void ctx.notFound(missing ?? 'Not found.');
    // Identical for every caller (published articles only), but only anonymous reads go to shared caches, as elsewhere.
    if (isPublicRead(ctx)) {
      // Named for Varnish before a 304 too, as the REST reads are (src/middlewares/public-cache.ts).
      setKeyHeaders(ctx, keysHeader([...rendered.keys, PUBLIC_KEY]));
      if (answerConditionally(ctx, weakEtag([rendered.type, rendered.body]), settings)) return;
    }
    ctx.body = rendered.body;
    ctx.type = rendered.type;
  }

  const query = (ctx: Context): Record<string, unknown> => ctx.query as Record<string, unknown>;

  return {
    /** `GET /api/feeds/rss?locale=id[&section=…]` */
    async rss(ctx: Context): Promise<void> {
      await answer(ctx, async () => service().rss(feedRequest(query(ctx)), baseUrl(ctx), new Date()));
    },

    /** `GET /api/feeds/atom?locale=id[&section=…]` */
    async atom(ctx: Context): Promise<void> {
      await answer(ctx, async () => service().atom(feedRequest(query(ctx)), baseUrl(ctx), new Date()));
    },

    /** `GET /api/sitemap.xml` */
    async sitemapIndex(ctx: Context): Promise<void> {
      await answer(ctx, async () => {
        noParameters(query(ctx));
        return service().sitemapIndex(baseUrl(ctx), new Date());
      });
    },

    /** `GET /api/sitemap/articles.xml?locale=id&page=N` */
    async articleSitemap(ctx: Context): Promise<void> {
      await answer(
        ctx,
        async () => service().articleSitemap(sitemapPageRequest(query(ctx)), new Date()),
        'This sitemap has no such page; /api/sitemap.xml lists the pages there are.'
      );
    },

    /** `GET /api/sitemap/news.xml` */
    async newsSitemap(ctx: Context): Promise<void> {
      await answer(ctx, async () => {
        noParameters(query(ctx));
        return service().newsSitemap(new Date());
      });
    },
  };
};

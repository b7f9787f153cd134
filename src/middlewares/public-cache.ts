import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { answerConditionally, isPublicRead, matchesIfNoneMatch, weakEtag } from '../api/article/page/http-cache';
import { pageRequest } from '../api/article/page/request';
import { readFrontendSettings } from '../api/article/page/settings';
import type { ArticleService, PageVariant } from '../api/article/services/article';

/** The REST reads of the newsroom types; the importer's and the users' routes are never cached. */
const NEWSROOM_READS = /^\/api\/(?:articles|reporters|photos|related-links)(?:\/|$)/;
/** The article page and its JSON-LD (src/api/article/routes/01-article-page.ts). */
const ARTICLE_PAGE = /^\/api\/articles\/slug\/([^/]+)(\/jsonld)?$/;
const PAGE_ACTIONS: Record<PageVariant, string> = {
  page: 'api::article.article.findBySlug',
  jsonld: 'api::article.article.jsonLdBySlug',
};
/** How long the public role's page permissions are remembered for the 304 shortcut. */
const PERMISSION_TTL_MS = 5000;

/**
 * Global middleware (config/middlewares.ts): conditional GETs for anonymous REST reads of the
 * newsroom types.
 *
 * - Anonymous reads of the article page are answered here, before routing, when the version check
 *   (two small queries) suffices: `304` when `If-None-Match` names the current version, or the page
 *   this process already built for that version. Strapi's per-request authentication (the public
 *   role's permissions from the database, a CASL ability) and the page's populate would cost several
 *   times more. The public role must still hold the page permission (re-read every 5 s). Anything
 *   else falls through to the route, which computes the same ETag and keeps the page it builds.
 * - Other newsroom reads (lists, findOne) get a weak ETag over their JSON body after the route ran.
 */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const settings = readFrontendSettings();
  const service = (): ArticleService => strapi.service('api::article.article' as never) as unknown as ArticleService;

  let granted: { until: number; actions: Promise<Set<string>> } | null = null;
  const publicMay = async (action: string): Promise<boolean> => {
    if (!granted || granted.until < Date.now()) {
      const actions = strapi.db
        .query('plugin::users-permissions.permission')
        .findMany({ select: ['action'], where: { role: { type: 'public' }, action: { $in: Object.values(PAGE_ACTIONS) } } })
        .then((rows: Array<{ action: string }>) => new Set(rows.map((row) => row.action)));
      granted = { until: Date.now() + PERMISSION_TTL_MS, actions };
      actions.catch(() => {
        granted = null;
      });
    }
    return (await granted.actions).has(action);
  };

  /**
   * Answers an anonymous page request from its version: 304 when the caller's copy is current, 200
   * from the page cache when this process built that version already; false to let the route answer.
   */
  async function answeredFromVersion(ctx: Context, ifNoneMatch: string): Promise<boolean> {
    const match = ARTICLE_PAGE.exec(ctx.path);
    if (!match) return false;
    const variant: PageVariant = match[2] ? 'jsonld' : 'page';
    let slug: string;
    try {
      slug = decodeURIComponent(match[1]!);
    } catch {
      return false;
    }
    const query = { ...(ctx.query as Record<string, unknown>) };
    // Anonymous readers get published content whatever they ask for (as global::published-only does).
    delete query.status;
    let request;
    try {
      request = pageRequest(slug, query);
    } catch {
      return false; // the route answers 400
    }
    if (!(await publicMay(PAGE_ACTIONS[variant]))) return false;
    const resolved = await service().resolvePage({ ...request, status: 'published' });
    if (!resolved) return false;
    const etag = await service().pageEtag(resolved, variant, service().mediaBaseUrl(ctx.origin));
    if (ifNoneMatch && matchesIfNoneMatch(ifNoneMatch, etag)) {
      ctx.set('Content-Language', resolved.row.locale);
      return answerConditionally(ctx, etag, settings);
    }
    const cached = service().cachedBody(etag);
    if (!cached) return false; // the route builds the page and keeps it
    ctx.set('Content-Language', cached.language);
    answerConditionally(ctx, etag, settings);
    ctx.body = cached.json;
    ctx.type = cached.type;
    return true;
  }

  return async (ctx: Context, next: Next): Promise<void> => {
    if (ctx.method === 'GET' && !ctx.get('authorization') && (await answeredFromVersion(ctx, ctx.get('if-none-match')))) return;

    await next();
    if (ctx.status !== 200 || !NEWSROOM_READS.test(ctx.path) || ctx.response.get('ETag')) return;
    const body: unknown = ctx.body;
    if (body === null || typeof body !== 'object' || Buffer.isBuffer(body) || typeof (body as { pipe?: unknown }).pipe === 'function') return;
    if (!isPublicRead(ctx)) return;
    answerConditionally(ctx, weakEtag([JSON.stringify(body)]), settings);
  };
};

import type { Core } from '@strapi/strapi';
import { mayReadDrafts, readAsServer } from '../published-only';
import { oldestFirst } from '../api/article/page/repository';
import type { ArticleService } from '../api/article/services/article';

/**
 * GraphQL parity of the REST article page: `articleBySlug(slug, locale, fallback)` answers the same
 * version as `GET /api/articles/slug/:slug`, as the shadow-CRUD `Article` type, so one query can ask
 * for the byline, photos and related links; their resolvers keep drafts private (published-only)
 * and the plugin's depth and page-size limits apply as to any other query.
 *
 * As on the REST page: a version under embargo is null for the public, and a withdrawn version comes
 * back as a notice (title, `withdrawnAt`, `withdrawalReason`, an empty `body`), never with its text.
 * `Article.corrections` lists corrections oldest first wherever an article appears.
 */

/** The fields of a withdrawn article's notice; every other field is empty. */
const NOTICE_FIELDS = ['documentId', 'locale', 'title', 'slug', 'publishedDate', 'withdrawnAt', 'withdrawalReason'];

const ARTICLE = 'api::article.article';

interface Nexus {
  extendType(config: { type: string; definition(t: FieldBuilder): void }): unknown;
  nonNull(type: unknown): unknown;
  stringArg(): unknown;
  booleanArg(config?: { default?: boolean }): unknown;
  arg(config: { type: string }): unknown;
}
interface FieldBuilder {
  field(name: string, config: { type: string; description?: string; args: Record<string, unknown>; resolve: Resolver }): void;
}
type Resolver = (parent: unknown, args: ArticleBySlugArgs, context: { state?: { auth?: { strategy?: { name?: string } } } }) => Promise<unknown>;

interface ArticleBySlugArgs {
  slug: string;
  locale?: string | null;
  fallback?: boolean | null;
  status?: 'draft' | 'published' | null;
}

type FieldResolver = (parent: unknown, args: unknown, context: unknown, info: unknown) => unknown;

/** Oldest first, as the REST page (components otherwise come in the order an editor arranged them). */
const sortCorrections = async (resolve: FieldResolver, parent: unknown, args: unknown, context: unknown, info: unknown): Promise<unknown> => {
  const corrections = await resolve(parent, args, context, info);
  return Array.isArray(corrections) ? oldestFirst(corrections as Array<{ issuedAt?: unknown }>) : corrections;
};

/** Registers `Query.articleBySlug`; call from the app's `register`. */
export function registerFrontendGraphql(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql').service('extension') as {
    use(factory: (helpers: { nexus: Nexus }) => { types: unknown[]; resolversConfig: Record<string, unknown> }): void;
  };

  const resolve: Resolver = async (_parent, args, context) => {
    const service = strapi.service(ARTICLE as never) as unknown as ArticleService;
    const status = args.status === 'draft' && mayReadDrafts(context.state) ? 'draft' : 'published';
    const resolved = await service.resolvePage({
      slug: args.slug,
      locale: args.locale ?? undefined,
      fallback: args.fallback === true,
      status,
    });
    if (!resolved) return null;
    const gate = service.gate(resolved, !mayReadDrafts(context.state), new Date());
    if (gate === 'embargoed') return null;
    if (gate === 'withdrawn') {
      // Hidden from every public query by the guard: read the notice's fields as the server.
      const notice = await readAsServer(strapi, () =>
        strapi.documents(ARTICLE as never).findOne({
          documentId: resolved.row.documentId,
          locale: resolved.row.locale,
          status,
          fields: NOTICE_FIELDS,
        } as never)
      );
      // `body` is required in the schema: an empty list of blocks, not the withdrawn text.
      return notice ? { ...(notice as object), body: [] } : null;
    }
    // No populate: the `Article` type's relation resolvers load what the query asks for.
    return strapi.documents(ARTICLE as never).findOne({
      documentId: resolved.row.documentId,
      locale: resolved.row.locale,
      status,
    } as never);
  };

  extension.use(({ nexus }) => ({
    types: [
      nexus.extendType({
        type: 'Query',
        definition(t) {
          t.field('articleBySlug', {
            type: 'Article',
            description:
              'One article by slug and locale, as GET /api/articles/slug/:slug. With fallback: true, the default-locale version when there is no translation (its `locale` says which).',
            args: {
              slug: nexus.nonNull(nexus.stringArg()),
              locale: nexus.arg({ type: 'I18NLocaleCode' }),
              fallback: nexus.booleanArg({ default: false }),
              status: nexus.arg({ type: 'PublicationStatus' }),
            },
            resolve,
          });
        },
      }),
    ],
    // The REST route's permission: granted to the public role at boot (src/bootstrap/public-permissions.ts).
    resolversConfig: {
      'Query.articleBySlug': { auth: { scope: [`${ARTICLE}.findBySlug`] } },
      'Article.corrections': { middlewares: [sortCorrections] },
    },
  }));
}

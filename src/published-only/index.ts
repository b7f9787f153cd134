import type { Core } from '@strapi/strapi';

/**
 * Only published content is public. Strapi lets any caller ask for drafts with `?status=draft`
 * (REST, including populated relations) or `status: DRAFT` (GraphQL, on root queries and on every
 * nested relation). Here both entry points apply one rule: drafts are for API-token callers only
 * (a preview frontend, an import script); anonymous readers and end-user logins get published content.
 */
export const mayReadDrafts = (state: AuthState | undefined): boolean =>
  DRAFT_READER_STRATEGIES.includes(state?.auth?.strategy?.name ?? '');

/**
 * Auth strategies whose callers may read drafts: API tokens (`content-api-token` in 5.54, `api-token`
 * in earlier 5.x), and, for the query-engine guard, the admin panel, its tokens and transfers.
 */
const DRAFT_READER_STRATEGIES: readonly string[] = ['content-api-token', 'api-token', 'admin', 'admin-token', 'data-transfer'];

interface AuthState {
  auth?: { strategy?: { name?: string } };
}

/**
 * Runs `read` outside the current request's context, so the query-engine guard (relation-guard.ts)
 * treats it as the server's own read. Only for what the public rule deliberately shows of a hidden
 * row: the notice of a withdrawn article (its title, time and reason).
 */
export function readAsServer<T>(strapi: Core.Strapi, read: () => Promise<T>): Promise<T> {
  const context = strapi.requestContext as unknown as { run<R>(store: unknown, callback: () => Promise<R>): Promise<R> };
  return context.run(undefined, read);
}

/** Route middleware for the REST routes of the newsroom types (see each `routes/*.ts`). */
export const publishedOnlyMiddleware =
  () =>
  async (ctx: { state: AuthState; query: Record<string, unknown> }, next: () => Promise<void>): Promise<void> => {
    if (!mayReadDrafts(ctx.state)) ctx.query = { ...ctx.query, status: 'published' };
    await next();
  };

type Resolver = (parent: unknown, args: Record<string, unknown>, context: { state?: AuthState }, info: unknown) => unknown;

const publishedOnlyResolver = (
  resolve: Resolver,
  parent: unknown,
  args: Record<string, unknown>,
  context: { state?: AuthState },
  info: unknown
): unknown =>
  // An explicit 'published' (not a deleted arg): nested relations otherwise inherit the root query's status.
  resolve(parent, mayReadDrafts(context.state) ? args : { ...args, status: 'published' }, context, info);

interface Attribute {
  type: string;
  relation?: string;
  target?: string;
}
interface GraphqlNaming {
  getTypeName(contentType: unknown): string;
  getFindQueryName(contentType: unknown): string;
  getFindOneQueryName(contentType: unknown): string;
  getFindConnectionQueryName(contentType: unknown): string;
}

/** Every GraphQL field that accepts a `status` argument: root queries and relations to draft & publish types. */
function fieldsWithStatus(strapi: Core.Strapi): string[] {
  const naming = (strapi.plugin('graphql').service('utils') as { naming: GraphqlNaming }).naming;
  const contentTypes = Object.values(strapi.contentTypes) as Array<{
    uid: string;
    options?: { draftAndPublish?: boolean };
    attributes: Record<string, Attribute>;
  }>;
  const hasDrafts = (uid: string | undefined): boolean =>
    Boolean(uid && contentTypes.find((type) => type.uid === uid)?.options?.draftAndPublish);

  return contentTypes
    .filter((type) => type.uid.startsWith('api::'))
    .flatMap((type) => {
      const roots = hasDrafts(type.uid)
        ? [naming.getFindQueryName(type), naming.getFindOneQueryName(type), naming.getFindConnectionQueryName(type)].map(
            (name) => `Query.${name}`
          )
        : [];
      const relations = Object.entries(type.attributes)
        .filter(([, attribute]) => attribute.type === 'relation' && hasDrafts(attribute.target))
        .flatMap(([name, attribute]) =>
          /ToMany$/.test(attribute.relation ?? '') ? [name, `${name}_connection`] : [name]
        )
        .map((field) => `${naming.getTypeName(type)}.${field}`);
      return [...roots, ...relations];
    });
}

/** Registers the GraphQL side of the rule; call from the app's `register`. */
export function registerPublishedOnlyGraphql(strapi: Core.Strapi): void {
  const extension = strapi.plugin('graphql').service('extension') as {
    use(factory: () => { resolversConfig: Record<string, { middlewares: Resolver[] | unknown[] }> }): void;
  };
  extension.use(() => ({
    resolversConfig: Object.fromEntries(
      fieldsWithStatus(strapi).map((field) => [field, { middlewares: [publishedOnlyResolver] }])
    ),
  }));
}

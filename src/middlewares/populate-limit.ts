import type { Core } from '@strapi/strapi';
import { pageSize, type PageLimits } from '../pagination/page-size';
import { checkPopulate, type PopulatableAttributes, type PopulateLimits, type SchemaLookup } from '../rest/populate-limit';

/**
 * Global middleware (config/middlewares.ts, after `strapi::query`): refuses, with 400 and before any
 * database work, REST reads of the app's content types (`GET /api/articles`, `/api/articles/:id`,
 * and the same for reporters, photos and related links) whose `populate` is too deep, too wide or
 * could return too many items (src/rest/populate-limit.ts). Other routes are left alone.
 */

interface Attribute {
  type: string;
  relation?: string;
  target?: string;
  multiple?: boolean;
  component?: string;
  repeatable?: boolean;
  private?: boolean;
}
interface Schema {
  uid: string;
  kind?: string;
  info?: { pluralName?: string; singularName?: string };
  attributes: Record<string, Attribute>;
}
interface PopulateLimitContext {
  method: string;
  path: string;
  query: Record<string, unknown>;
  badRequest(message: string, details: Record<string, unknown>): void;
}

/** Strapi's admin bookkeeping relations: never populated for the content API. */
const ADMIN_ONLY = new Set(['createdBy', 'updatedBy']);

/** What a populate can reach from each attribute of a schema. */
function populatable(schema: Schema): PopulatableAttributes {
  const result: PopulatableAttributes = {};
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (ADMIN_ONLY.has(name) || attribute.private) continue;
    if (attribute.type === 'relation') result[name] = { target: attribute.target, many: /Many$/.test(attribute.relation ?? '') };
    else if (attribute.type === 'media') result[name] = { target: 'plugin::upload.file', many: attribute.multiple === true };
    else if (attribute.type === 'component') result[name] = { target: attribute.component, many: attribute.repeatable === true };
    else if (attribute.type === 'dynamiczone') result[name] = { many: true };
  }
  return result;
}

/** A positive whole number from the environment, or the default; anything else stops the boot with the variable's name. */
const positiveInt = (env: NodeJS.ProcessEnv, name: string, fallback: number): number => {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new Error(`${name} must be a positive whole number, not "${value}".`);
  return number;
};

/** The limits in force: REST_POPULATE_MAX_DEPTH, REST_POPULATE_MAX_RELATIONS, REST_POPULATE_MAX_COST (README, "Security model"). */
export function readPopulateLimits(env: NodeJS.ProcessEnv, pages: PageLimits): PopulateLimits {
  return {
    maxDepth: positiveInt(env, 'REST_POPULATE_MAX_DEPTH', 3),
    maxRelations: positiveInt(env, 'REST_POPULATE_MAX_RELATIONS', 10),
    maxCost: positiveInt(env, 'REST_POPULATE_MAX_COST', 25000),
    manyItems: pages.maxLimit > 0 ? pages.maxLimit : Infinity,
  };
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const schemas = [...Object.values(strapi.contentTypes), ...Object.values(strapi.components)] as unknown as Schema[];
  const byUid = new Map(schemas.map((schema) => [schema.uid, populatable(schema)]));
  const lookup: SchemaLookup = (uid) => byUid.get(uid);
  // `/api/<pluralName>` and `/api/<pluralName>/<documentId>` of the app's own collection types.
  const roots = new Map(
    schemas
      .filter((schema) => schema.uid.startsWith('api::') && schema.kind === 'collectionType' && schema.info?.pluralName)
      .map((schema) => [schema.info!.pluralName!, schema.uid])
  );
  const pages: PageLimits = {
    defaultLimit: Number(strapi.config.get('api.rest.defaultLimit', 25)),
    maxLimit: Number(strapi.config.get('api.rest.maxLimit', 100)),
  };
  const limits = readPopulateLimits(process.env, pages);

  return async (ctx: PopulateLimitContext, next: () => Promise<void>): Promise<void> => {
    if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.startsWith('/api/')) {
      const [plural, id, ...rest] = ctx.path.slice('/api/'.length).split('/');
      const uid = plural ? roots.get(plural) : undefined;
      const populate = uid && rest.length === 0 ? ctx.query.populate : undefined;
      if (uid && populate !== undefined) {
        const items = id ? 1 : pageSize(ctx.query.pagination, pages);
        const verdict = checkPopulate(populate, uid, items, lookup, limits);
        if (!verdict.ok) {
          const { ok: _ok, message, ...details } = verdict;
          return ctx.badRequest(message, details);
        }
      }
    }
    await next();
  };
};

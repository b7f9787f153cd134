import type { Core } from '@strapi/strapi';
import DataLoader from 'dataloader';
import { isPublicReader } from '../published-only/relation-guard';

/**
 * GraphQL resolves a relation once per parent: a home page of 25 articles asking for reporters and
 * the lead photo with its image ran 154 queries, one `load` per article per relation. Strapi's
 * association resolvers all end in `strapi.db.query(uid).load(parent, field, query)`; here the loads
 * made in the same tick for the same relation and the same query are answered by one `findMany` with
 * that relation populated for all the parents at once (Strapi populates a relation for many rows in
 * one query). The association resolver still validates, sanitizes and shapes each result as before.
 *
 * Only relations with a handful of rows per parent are batched: every to-one relation, and an
 * article's bylines, photos and related links. A batched populate cannot be limited per parent, so
 * it reads all rows of each parent and pages them here; for a reporter's articles (thousands) that
 * would read far more than asked, so those loads stay one per parent.
 */

/** The to-many relations bounded by one article's page (its bylines, photos and links). */
const PER_ARTICLE_RELATIONS: Readonly<Record<string, readonly string[]>> = {
  'api::article.article': ['reporters', 'editors', 'translators', 'photos', 'relatedLinks'],
};

interface RelationAttribute {
  type: string;
  relation?: string;
}
interface Repository {
  load(entity: { id: number }, field: string, populate?: unknown): Promise<unknown>;
  findMany(params: unknown): Promise<Array<{ id: number } & Record<string, unknown>>>;
}
interface LoadQuery {
  limit?: number;
  offset?: number;
  count?: unknown;
  [key: string]: unknown;
}

/** Batches GraphQL relation loads of the newsroom types; call from the app's `bootstrap`. */
export function batchGraphqlRelationLoads(strapi: Core.Strapi): void {
  for (const uid of ['api::article.article', 'api::reporter.reporter', 'api::photo.photo', 'api::related-link.related-link']) {
    const attributes = strapi.db.metadata.get(uid).attributes as Record<string, RelationAttribute>;
    const batchable = (field: string): boolean => {
      const attribute = attributes[field];
      if (attribute?.type !== 'relation') return false;
      // oneToOne, manyToOne, morphOne (a single media file), morphToOne
      return /One$/.test(attribute.relation ?? '') || (PER_ARTICLE_RELATIONS[uid] ?? []).includes(field);
    };
    const repository = strapi.db.query(uid as never) as unknown as Repository;
    const original = repository.load.bind(repository);
    // One loader per relation and query, for the loads of one tick only: a loader is made on the
    // first load and forgotten when its batch runs, so the map never outgrows one tick's queries.
    const loaders = new Map<string, DataLoader<number, unknown>>();

    repository.load = (entity, field, populate) => {
      const query = (populate ?? {}) as LoadQuery;
      if (!entity || typeof entity.id !== 'number' || !batchable(field) || query.count !== undefined) return original(entity, field, populate);
      // Public readers' queries are narrowed by the relation guard: never share a batch with others.
      const key = `${field}\u0000${isPublicReader(strapi)}\u0000${JSON.stringify(query)}`;
      let loader = loaders.get(key);
      if (!loader) {
        const { limit, offset, ...unpaged } = query;
        loader = new DataLoader<number, unknown>(
          async (ids) => {
            loaders.delete(key);
            const rows = await repository.findMany({ select: ['id'], where: { id: { $in: [...ids] } }, populate: { [field]: unpaged } });
            const byId = new Map(rows.map((row) => [row.id, row[field]]));
            return ids.map((id) => {
              const value = byId.get(id) ?? null;
              if (!Array.isArray(value)) return value;
              const start = offset ?? 0;
              return limit === undefined ? value.slice(start) : value.slice(start, start + limit);
            });
          },
          { cache: false }
        );
        loaders.set(key, loader);
      }
      return loader.load(entity.id);
    };
  }
}

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { mayReadDrafts } from './index';
import { keepAsJoin } from '../query/relation-filters';
import { publicArticleWhere } from './visibility';

/**
 * Strapi applies `status: 'published'` to the rows a query returns, not to the rows its filters
 * walk through: `filters[reporters][articles][title][$containsi]=…` joins a reporter's *draft*
 * articles, so a public reader could learn a draft's title letter by letter from which published
 * articles match. This guard works below every entry point (REST filters and populate, GraphQL root
 * queries and nested relation arguments, which all end in the query engine) on the queries of public
 * readers:
 *
 * - every relation a filter walks into a draft-and-publish type sees published rows only;
 * - every populated relation into such a type loads published rows only;
 * - a sort that walks into such a type is refused (400): its order would leak the same way;
 * - a reporter is public only while credited on a published article (reporters have no draft state,
 *   so a draft import's byline would otherwise be listed);
 * - articles (queried, filtered through or populated) must also be publicly visible now: not
 *   withdrawn, not under embargo (visibility.ts, the one place of that rule); photos and related
 *   links read directly are public only while their article is.
 */

type Where = Record<string, unknown>;

interface RelationAttribute {
  type: 'relation';
  relation: string;
  target?: string;
  joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
}
interface Metadata {
  tableName: string;
  attributes: Record<string, { type: string; columnName?: string } | RelationAttribute>;
}
interface QueryEvent {
  action: string;
  model: { uid: string };
  params?: { where?: unknown; populate?: unknown; orderBy?: unknown } | null;
}


const REPORTER = 'api::reporter.reporter';
const ARTICLE = 'api::article.article';
/** Types that tell part of one article's story (a caption, a read-also title): public only with their article. */
const ARTICLE_PARTS = new Set(['api::photo.photo', 'api::related-link.related-link']);
/** The relations that credit a reporter on an article: byline, editor, translator. */
const CREDITS = ['articles', 'editedArticles', 'translatedArticles'] as const;
const PUBLISHED: Where = { publishedAt: { $notNull: true } };
/** Logical operators that combine conditions; every other `$` key compares a value. */
const GROUPS = new Set(['$and', '$or']);

const isRecord = (value: unknown): value is Where =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** True when the current request (if any) comes from a caller who may not read drafts. */
export function isPublicReader(strapi: Core.Strapi): boolean {
  const ctx = strapi.requestContext.get() as { state?: { auth?: { strategy?: { name?: string } } } } | undefined;
  // No request: a script, the bootstrap or a cron job, not a reader.
  if (!ctx) return false;
  return !mayReadDrafts(ctx.state);
}

/** Installs the guard on the query engine; call from the app's `bootstrap`. */
export function guardPublicRelationReads(strapi: Core.Strapi): void {
  const meta = (uid: string): Metadata => strapi.db.metadata.get(uid) as unknown as Metadata;
  const hasDrafts = (uid: string): boolean => Boolean(meta(uid).attributes.publishedAt);
  /** What a public reader may see of a draft-and-publish type: published rows, and for articles the visibility rule. */
  const publicRows = (uid: string): Where => (uid === ARTICLE ? publicArticleWhere(new Date()) : PUBLISHED);
  const relationOf = (uid: string, key: string): RelationAttribute | null => {
    const attribute = meta(uid).attributes[key];
    return attribute?.type === 'relation' && 'target' in attribute && attribute.target ? (attribute as RelationAttribute) : null;
  };

  /** A `where` in which every relation into a draft-and-publish type also requires a published row. */
  function guardWhere(uid: string, where: unknown): unknown {
    if (Array.isArray(where)) return where.map((item) => guardWhere(uid, item));
    if (!isRecord(where)) return where;
    const guarded: Where = {};
    for (const [key, value] of Object.entries(where)) {
      const relation = key.startsWith('$') ? null : relationOf(uid, key);
      if (GROUPS.has(key) && Array.isArray(value)) guarded[key] = value.map((item) => guardWhere(uid, item));
      else if (key === '$not') guarded[key] = guardWhere(uid, value);
      else if (relation) guarded[key] = guardRelationWhere(relation.target!, value);
      else guarded[key] = value;
    }
    return guarded;
  }

  function guardRelationWhere(target: string, value: unknown): unknown {
    // `reporters: 5` or `reporters: { $null: true }` compare the joined row's id.
    const comparesId = !isRecord(value) || Object.keys(value).some((key) => key.startsWith('$') && !GROUPS.has(key) && key !== '$not');
    const nested = comparesId ? { id: value } : guardWhere(target, value);
    // Inside the relation's own clause, so the condition holds for the same joined row however the
    // clause is combined ($or, $not): a draft row can satisfy none of it.
    return hasDrafts(target) ? { $and: [nested, publicRows(target)] } : nested;
  }

  function refuseSortThroughDrafts(uid: string, orderBy: unknown): void {
    if (Array.isArray(orderBy)) return orderBy.forEach((item) => refuseSortThroughDrafts(uid, item));
    if (!isRecord(orderBy)) return;
    for (const [key, value] of Object.entries(orderBy)) {
      const relation = relationOf(uid, key);
      if (!relation || !isRecord(value)) continue;
      if (hasDrafts(relation.target!)) {
        throw new errors.ValidationError(
          `Sorting through the relation "${key}" is not available to public readers; sort on the entry's own fields.`,
          { sort: key }
        );
      }
      refuseSortThroughDrafts(relation.target!, value);
    }
  }

  function guardPopulate(uid: string, populate: unknown): unknown {
    if (!isRecord(populate)) return populate;
    const guarded: Where = {};
    for (const [key, value] of Object.entries(populate)) {
      const relation = relationOf(uid, key);
      if (!relation) {
        guarded[key] = value;
        continue;
      }
      const target = relation.target!;
      const options: Where = isRecord(value) ? { ...value } : value === true ? {} : (value as Where);
      if (!isRecord(options)) {
        guarded[key] = value;
        continue;
      }
      const where = guardWhere(target, options.where ?? {});
      options.where = hasDrafts(target) ? { $and: [where, publicRows(target)] } : where;
      if (options.orderBy !== undefined) refuseSortThroughDrafts(target, options.orderBy);
      if (options.populate !== undefined) options.populate = guardPopulate(target, options.populate);
      guarded[key] = options;
    }
    return guarded;
  }

  /** Reporters credited on at least one publicly visible article, as a sub-query of ids. */
  function creditedReporterIds(): unknown {
    const knex = strapi.db.connection;
    // Strapi's own query builder turns the shared rule into SQL (and dates into each dialect's values).
    const visible = (strapi.db.queryBuilder(ARTICLE as never) as unknown as {
      select(columns: string[]): { where(where: unknown): { getKnexQuery(): unknown } };
    })
      .select(['id'])
      .where(publicArticleWhere(new Date()))
      .getKnexQuery();
    const [first, ...rest] = CREDITS.map((name) => {
      const { joinTable } = meta(REPORTER).attributes[name] as RelationAttribute;
      if (!joinTable) throw new Error(`Reporter.${name} has no link table; the public reporter rule needs one.`);
      return knex
        .select(`${joinTable.name}.${joinTable.joinColumn.name}`)
        .from(joinTable.name)
        .whereIn(`${joinTable.name}.${joinTable.inverseJoinColumn.name}`, visible as never);
    });
    // `select … union select …`, without parentheses: SQLite refuses parenthesised compound members.
    return first!.union(rest);
  }

  strapi.db.lifecycles.subscribe({
    async beforeFindOne(event: QueryEvent) {
      guardQuery(event);
    },
    async beforeFindMany(event: QueryEvent) {
      guardQuery(event);
    },
    async beforeCount(event: QueryEvent) {
      guardQuery(event);
    },
  } as never);

  function guardQuery(event: QueryEvent): void {
    const uid = event.model.uid;
    if (!uid.startsWith('api::') || !event.params || !isPublicReader(strapi)) return;
    const params = event.params;
    if (params.orderBy !== undefined) refuseSortThroughDrafts(uid, params.orderBy);
    let where = params.where === undefined ? undefined : guardWhere(uid, params.where);
    if (uid === ARTICLE) {
      const visible = publicArticleWhere(new Date());
      where = where === undefined ? visible : { $and: [where, visible] };
    }
    if (ARTICLE_PARTS.has(uid)) {
      // A photo's caption or a link of an article under embargo would tell its story early.
      // Nearly every article is visible: as a join (one article per row), not a list of all of them.
      const ofVisibleArticle = { article: keepAsJoin(publicArticleWhere(new Date())) };
      where = where === undefined ? ofVisibleArticle : { $and: [where, ofVisibleArticle] };
    }
    if (uid === REPORTER) {
      const credited = { id: { $in: creditedReporterIds() } };
      where = where === undefined ? credited : { $and: [where, credited] };
    }
    if (where !== undefined) params.where = where;
    if (params.populate !== undefined) params.populate = guardPopulate(uid, params.populate);
  }
}

import type { Core } from '@strapi/strapi';

/**
 * Strapi writes a relation filter (`filters[reporters][slug][$eq]=…`) as LEFT JOINs from the queried
 * table plus `count(distinct …)`. SQLite cannot reorder a LEFT JOIN, so the reporter page walked every
 * article (228 ms at 100,000 articles). This rewrite turns such a relation clause into
 * `id IN (select <owner id> from <link table> where <target id> IN (select id from <target> where …))`,
 * which both SQLite and PostgreSQL drive from the small side, through the link table's index.
 *
 * Strapi gives every relation clause its own join alias, so a LEFT JOIN filter means "some linked row
 * (or the one all-NULL row when there is none) satisfies the clause". The rewrite means "some linked row
 * satisfies the clause". The two agree exactly when:
 *
 * - the clause is not under a `$not` (negating "some row matches" is not "some row does not match"),
 *   so only clauses reached through `$and`, `$or` and plain keys are rewritten;
 * - the clause is false or unknown on the all-NULL row (`$null: true`, `$notIn: []`, … are left as joins);
 * - the relation goes through a plain link table keyed by `id` (morph relations are left alone).
 *
 * Every other clause keeps Strapi's own join, so results are identical and only the plan changes.
 *
 * The sub-query is the better plan when the clause picks few target rows (a reporter's slug). For a
 * clause that most target rows satisfy, it is the worse one: SQLite lists every matching target row
 * on each query. The public rule on a photo's or a related link's article (`{ article: <visible> }`,
 * relation-guard.ts) became `id IN (select … where article_id IN (select id from articles where
 * <visible>))`, a scan of every article per GraphQL request (340 ms at 100,000 articles); as Strapi's
 * join it reads the one linked article of each queried row (under 1 ms). Such clauses are marked
 * with `keepAsJoin` by the code that adds them, and left as joins here.
 */

type Where = Record<string, unknown>;

/**
 * The mark `keepAsJoin` leaves on a clause: a non-enumerable property (Strapi's query builder reads
 * only enumerable keys), under a registered symbol so a copy of this module loaded from elsewhere (a
 * test importing the TypeScript source while the app runs from dist/) reads the same mark.
 */
const KEEP_AS_JOIN = Symbol.for('kabar.relation-filters.keepAsJoin');

/**
 * Marks a relation clause (the value under the relation's key) that most rows of its target satisfy,
 * such as the visibility rule on a photo's article: the rewrite below leaves it as Strapi's join, which
 * reads the linked row of each queried row instead of listing every matching target row. Returns the clause.
 */
export function keepAsJoin<T extends object>(clause: T): T {
  Object.defineProperty(clause, KEEP_AS_JOIN, { value: true, enumerable: false });
  return clause;
}

interface JoinTable {
  name: string;
  joinColumn: { name: string; referencedColumn: string };
  inverseJoinColumn: { name: string; referencedColumn: string };
  on?: unknown;
}
interface Attribute {
  type: string;
  relation?: string;
  target?: string;
  joinTable?: JoinTable;
}
interface Metadata {
  attributes: Record<string, Attribute>;
}
interface QueryEvent {
  model: { uid: string };
  params?: { where?: unknown } | null;
}

/** Comparisons that are never true on NULL when their operand is not null. */
const NULL_REJECTING = new Set([
  '$eq', '$eqi', '$ne', '$nei', '$lt', '$lte', '$gt', '$gte', '$between',
  '$startsWith', '$startsWithi', '$endsWith', '$endsWithi', '$contains', '$containsi',
]);

const isRecord = (value: unknown): value is Where =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

const isPlainValue = (value: unknown): boolean =>
  value !== null && value !== undefined && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date);

/** Rewrites relation clauses of `where` (on the type `uid`) into id sub-queries where that cannot change results. */
export function rewriteRelationFilters(strapi: Core.Strapi, uid: string, where: unknown): unknown {
  const meta = (name: string): Metadata => strapi.db.metadata.get(name) as unknown as Metadata;
  const linkOf = (attribute: Attribute | undefined): JoinTable | null => {
    if (attribute?.type !== 'relation' || !attribute.target || !attribute.joinTable) return null;
    if (String(attribute.relation).startsWith('morph')) return null;
    const table = attribute.joinTable;
    if (table.on || table.joinColumn.referencedColumn !== 'id' || table.inverseJoinColumn.referencedColumn !== 'id') return null;
    return table;
  };

  /** True when a comparison on one column (`{ $eq: 1 }`, `'x'`, `[1, 2]`) is never true on NULL. */
  function comparisonRejectsNull(value: unknown): boolean {
    if (isPlainValue(value)) return true;
    if (Array.isArray(value)) return value.length > 0 && value.every(isPlainValue);
    if (!isRecord(value)) return false;
    const entries = Object.entries(value);
    if (entries.length === 0) return false;
    // Several operators on one column are AND-ed: one that rejects NULL is enough.
    return entries.some(([operator, operand]) => {
      if (NULL_REJECTING.has(operator)) return isPlainValue(operand) || (Array.isArray(operand) && operand.length > 0 && operand.every(isPlainValue));
      if (operator === '$in') return Array.isArray(operand) ? operand.length > 0 && operand.every(isPlainValue) : isPlainValue(operand);
      if (operator === '$notNull') return operand === true || operand === 'true';
      if (operator === '$null') return operand === false || operand === 'false';
      return false;
    });
  }

  /** True when `where` on the type `target` is false or unknown on a row where every column is NULL. */
  function rejectsNull(target: string, where: unknown): boolean {
    if (Array.isArray(where)) return where.some((item) => rejectsNull(target, item));
    if (!isRecord(where)) return false;
    const attributes = meta(target).attributes;
    // The keys of one object are AND-ed: one that rejects NULL is enough.
    return Object.entries(where).some(([key, value]) => {
      if (key === '$and') return Array.isArray(value) && value.some((item) => rejectsNull(target, item));
      if (key === '$or') return Array.isArray(value) && value.length > 0 && value.every((item) => rejectsNull(target, item));
      if (key.startsWith('$')) return false;
      const attribute = attributes[key];
      if (attribute?.type === 'relation' && attribute.target) return relationClauseRejectsNull(attribute.target, value);
      return comparisonRejectsNull(value);
    });
  }

  /** A relation's clause, on an all-NULL row of the relation and of everything behind it. */
  function relationClauseRejectsNull(target: string, value: unknown): boolean {
    if (!isRecord(value)) return comparisonRejectsNull(value);
    const keys = Object.keys(value);
    const comparesId = keys.length > 0 && keys.every((key) => key.startsWith('$') && key !== '$and' && key !== '$or');
    return comparesId ? comparisonRejectsNull(value) : rejectsNull(target, value);
  }

  /** Rewrites one object of `where` on the type `type`, outside any `$not`. */
  function rewrite(type: string, where: unknown): unknown {
    if (Array.isArray(where)) return where.map((item) => rewrite(type, item));
    if (!isRecord(where)) return where;
    const attributes = meta(type).attributes;
    const kept: Where = {};
    const ids: Where[] = [];
    for (const [key, value] of Object.entries(where)) {
      if ((key === '$and' || key === '$or') && Array.isArray(value)) {
        kept[key] = value.map((item) => rewrite(type, item));
        continue;
      }
      const attribute = key.startsWith('$') ? undefined : attributes[key];
      const link = linkOf(attribute);
      const markedAsJoin = isRecord(value) && (value as { [KEEP_AS_JOIN]?: boolean })[KEEP_AS_JOIN] === true;
      if (!link || markedAsJoin || !relationClauseRejectsNull(attribute!.target!, value)) {
        // `$not`, clauses marked by keepAsJoin and every other key keep Strapi's own meaning, joins included.
        kept[key] = value;
        continue;
      }
      ids.push({ id: { $in: linkedIds(attribute!.target!, link, value) } });
    }
    if (ids.length === 0) return kept;
    // Several relation clauses would all become `id`: AND them beside the clauses that stay.
    const existing = Array.isArray(kept.$and) ? (kept.$and as unknown[]) : [];
    return { ...kept, $and: [...existing, ...ids] };
  }

  /** `select <owner id> from <link> where <target id> in (select id from <target> where <clause>)`. */
  function linkedIds(target: string, link: JoinTable, value: unknown): unknown {
    const knex = strapi.db.connection;
    const keys = isRecord(value) ? Object.keys(value) : [];
    const comparesId = !isRecord(value) || (keys.length > 0 && keys.every((key) => key.startsWith('$') && key !== '$and' && key !== '$or'));
    const targetWhere = comparesId ? { id: value } : rewrite(target, value);
    const targets = (strapi.db.queryBuilder(target as never) as unknown as {
      select(columns: string[]): { where(where: unknown): { getKnexQuery(): unknown } };
    })
      .select(['id'])
      .where(targetWhere)
      .getKnexQuery();
    return knex.select(`${link.name}.${link.joinColumn.name}`).from(link.name).whereIn(`${link.name}.${link.inverseJoinColumn.name}`, targets as never);
  }

  return rewrite(uid, where);
}

/**
 * Installs the rewrite on the query engine for the app's types, on SQLite; call from `bootstrap` after
 * the draft guard. PostgreSQL turns those LEFT JOINs into inner joins by itself and starts from the
 * reporter; given the sub-query instead, it guessed 1,001 matches and walked the listing index
 * backwards (466 ms at 100,000 articles for a slug that matches nothing), so it keeps Strapi's joins.
 */
export function rewriteRelationFiltersOnRead(strapi: Core.Strapi): void {
  if (strapi.db.dialect.client !== 'sqlite') return;
  const onRead = async (event: QueryEvent): Promise<void> => {
    const uid = event.model.uid;
    if (!uid.startsWith('api::') || !event.params || event.params.where === undefined) return;
    event.params.where = rewriteRelationFilters(strapi, uid, event.params.where);
  };
  strapi.db.lifecycles.subscribe({ beforeFindOne: onRead, beforeFindMany: onRead, beforeCount: onRead } as never);
}

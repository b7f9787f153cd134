import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { pageSize, type PageLimits } from '../pagination/page-size';

/**
 * The cost of a GraphQL query: an upper bound on the items it can return, computed from the query
 * alone, before anything runs. Strapi's depth limit does not bound this: seven levels of lists at
 * 100 items each stay within depth 7 and ask for 10^12 rows (issue 9). The analysis walks the query
 * with graphql-query-complexity (fragments, inline fragments, `@skip`/`@include` and variables
 * resolved; every field and every alias counted where it stands) and prices each field here:
 *
 * - a scalar or enum value: 1;
 * - an object: 1 plus the cost of what is asked inside it;
 * - a field with a `pagination` argument (Strapi's lists and connections): its page size times that,
 *   the page size being what Strapi will use (`limit` or `pageSize`, `-1` meaning `maxLimit`, capped
 *   at `maxLimit`; the plugin's `defaultLimit` when not given);
 * - any other list: `maxLimit` times that (a connection's `nodes` excepted: its page was counted on
 *   the connection field);
 * - introspection (`__schema`, `__type`, `__typename`): 0, it is bounded by the schema, not the data.
 *
 * So the cost is the sum, over every value asked for, of the product of the page sizes above it.
 */

/** The graphql plugin's page sizes (config/plugins.ts) and the budget. */
export interface CostBudget extends PageLimits {
  /** The largest cost a query may have (GRAPHQL_MAX_COST). */
  maxCost: number;
  /** The most fields, fragment spreads and inline fragments the analysis visits (graphql-query-complexity's `maxQueryNodes`). */
  maxNodes: number;
}

export type CostErrorCode = 'GRAPHQL_QUERY_TOO_COSTLY' | 'GRAPHQL_QUERY_TOO_LARGE' | 'BAD_USER_INPUT';

/** The verdict on one operation: its cost, or why it is refused (a value, not a throw). */
export type CostVerdict =
  | { ok: true; cost: number }
  | { ok: false; code: CostErrorCode; message: string; cost: number | null; maxCost: number };

export interface CostInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  variables?: Record<string, unknown>;
  operationName?: string;
}

/** Types whose `nodes` list is the page of the connection field above it (Strapi 5 naming). */
const CONNECTION_TYPE = /(?:EntityResponseCollection|RelationResponseCollection)$/;

/** graphql-query-complexity estimator that prices fields as described at the top of this file. */
export function itemEstimator(limits: PageLimits): ComplexityEstimator {
  const unpaginatedList = limits.maxLimit > 0 ? limits.maxLimit : Infinity;
  return ({ field, args, childComplexity, type }) => {
    if (field.name.startsWith('__')) return 0;
    if (!isCompositeType(getNamedType(field.type))) return 1;
    const own = 1 + childComplexity;
    if (field.args.some((argument) => argument.name === 'pagination')) return pageSize(args.pagination, limits) * own;
    const isList = isListType(getNullableType(field.type));
    if (isList && !(field.name === 'nodes' && CONNECTION_TYPE.test(type.name))) return unpaginatedList * own;
    return own;
  };
}

const formatCost = (cost: number): string => (Number.isFinite(cost) ? cost.toLocaleString('en-US') : 'an unbounded number of');

/** Prices one operation and compares it with the budget. Never throws for a bad query: says why instead. */
export function checkQueryCost(input: CostInput, budget: CostBudget): CostVerdict {
  let cost: number;
  try {
    cost = getComplexity({
      schema: input.schema,
      query: input.document,
      variables: input.variables,
      operationName: input.operationName,
      estimators: [itemEstimator(budget)],
      maxQueryNodes: budget.maxNodes,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/maximum allowed number of nodes/.test(message)) {
      return {
        ok: false,
        code: 'GRAPHQL_QUERY_TOO_LARGE',
        message: `This query has more than ${formatCost(budget.maxNodes)} fields once its fragments are expanded; split it into several smaller queries.`,
        cost: null,
        maxCost: budget.maxCost,
      };
    }
    // Bad variables and the like: the same error graphql-js gives when it runs the query.
    return { ok: false, code: 'BAD_USER_INPUT', message, cost: null, maxCost: budget.maxCost };
  }
  if (!(cost <= budget.maxCost)) {
    return {
      ok: false,
      code: 'GRAPHQL_QUERY_TOO_COSTLY',
      message:
        `This query could return up to ${formatCost(cost)} items, over the budget of ${formatCost(budget.maxCost)} per query ` +
        '(GRAPHQL_MAX_COST). The estimate multiplies the page sizes of nested lists (pagination limit or pageSize, ' +
        `else ${budget.defaultLimit}) and adds up every field and alias. Ask for fewer nested lists, or smaller pages ` +
        'with pagination: { limit }.',
      cost,
      maxCost: budget.maxCost,
    };
  }
  return { ok: true, cost };
}

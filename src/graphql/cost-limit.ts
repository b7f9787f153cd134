import { GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { checkQueryCost, type CostBudget } from './cost';

/**
 * An Apollo Server plugin (config/plugins.ts, graphql › apolloServer › plugins) that refuses, before
 * execution, every operation whose cost (src/graphql/cost.ts) is over the budget. It runs once the
 * operation is parsed, validated (the depth limit refuses first) and chosen, when the variables are
 * known: a page size given as a variable counts like one written in the query.
 */

/** The part of Apollo Server 4's request context this plugin reads. */
interface ResolvedOperation {
  schema: GraphQLSchema;
  document: DocumentNode;
  request: { variables?: Record<string, unknown>; operationName?: string | null };
}

/** The Apollo Server plugin shape, kept structural so the app does not import Apollo's types. */
export interface CostLimitPlugin {
  requestDidStart(): Promise<{ didResolveOperation(context: ResolvedOperation): Promise<void> }>;
}

/** The default budget: the home page (25 articles with bylines and lead photos) costs 3,875, an article page about 700. */
export const DEFAULT_MAX_COST = 10000;
/** The default bound on fields visited once fragments are expanded. */
export const DEFAULT_MAX_NODES = 5000;

/** Builds the plugin; the budget's page sizes must be the graphql plugin's `defaultLimit` and `maxLimit`. */
export function graphqlCostLimit(budget: CostBudget): CostLimitPlugin {
  // A typo in GRAPHQL_MAX_COST or GRAPHQL_MAX_NODES would otherwise refuse every query, or none.
  for (const [name, value] of [
    ['GRAPHQL_MAX_COST', budget.maxCost],
    ['GRAPHQL_MAX_NODES', budget.maxNodes],
  ] as const) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not ${String(value)}.`);
  }
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, request }) {
          const verdict = checkQueryCost(
            { schema, document, variables: request.variables, operationName: request.operationName ?? undefined },
            budget
          );
          if (verdict.ok) return;
          throw new GraphQLError(verdict.message, {
            extensions: {
              code: verdict.code,
              cost: verdict.cost,
              maxCost: verdict.maxCost,
              // Apollo answers with this status and removes `http` from the body.
              http: { status: 400 },
            },
          });
        },
      };
    },
  };
}

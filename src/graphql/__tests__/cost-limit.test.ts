import { GraphQLError, buildSchema, parse } from 'graphql';
import { graphqlCostLimit } from '../cost-limit';

const schema = buildSchema(`
  input PaginationArg { limit: Int pageSize: Int }
  type Article { title: String! }
  type Query { articles(pagination: PaginationArg = {}): [Article]! }
`);
const budget = { defaultLimit: 25, maxLimit: 100, maxCost: 100, maxNodes: 5000 };

async function run(query: string, variables?: Record<string, unknown>): Promise<unknown> {
  const hooks = await graphqlCostLimit(budget).requestDidStart();
  try {
    await hooks.didResolveOperation({ schema, document: parse(query), request: { variables } });
    return 'allowed';
  } catch (error) {
    return error;
  }
}

describe('graphqlCostLimit', () => {
  it('lets an operation within the budget run', async () => {
    expect(await run('{ articles(pagination: { limit: 50 }) { title } }')).toBe('allowed');
  });

  it('refuses one over it with a GraphQL error that says 400, the code, the cost and the budget', async () => {
    const error = await run('query($n: Int) { articles(pagination: { limit: $n }) { title } }', { n: 51 });
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({
      code: 'GRAPHQL_QUERY_TOO_COSTLY',
      cost: 102,
      maxCost: 100,
      http: { status: 400 },
    });
  });

  it('stops the boot on a budget that is not a positive whole number', () => {
    expect(() => graphqlCostLimit({ ...budget, maxCost: Number.NaN })).toThrow('GRAPHQL_MAX_COST must be a positive whole number, not NaN.');
    expect(() => graphqlCostLimit({ ...budget, maxNodes: 0 })).toThrow('GRAPHQL_MAX_NODES must be a positive whole number, not 0.');
  });
});

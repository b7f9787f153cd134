import { buildSchema, parse } from 'graphql';
import { checkQueryCost, type CostBudget, type CostVerdict } from '../cost';

// The shapes Strapi 5's shadow CRUD gives: lists and connections with a `pagination` argument.
const schema = buildSchema(`
  input PaginationArg { page: Int pageSize: Int start: Int limit: Int }
  type Pagination { total: Int! }
  type UploadFile { url: String! related: [Article] }
  type Photo { caption: String image: UploadFile }
  type Reporter {
    name: String!
    articles(pagination: PaginationArg = {}): [Article]!
    articles_connection(pagination: PaginationArg = {}): ArticleRelationResponseCollection
  }
  type Article {
    documentId: ID!
    title: String!
    tags: [String]
    lead: Photo
    reporters(pagination: PaginationArg = {}): [Reporter]!
  }
  type ArticleRelationResponseCollection { nodes: [Article!]! }
  type ArticleEntityResponseCollection { nodes: [Article!]! pageInfo: Pagination! }
  type Query {
    articles(pagination: PaginationArg = {}): [Article]!
    article(documentId: ID!): Article
    articles_connection(pagination: PaginationArg = {}): ArticleEntityResponseCollection
  }
`);

const budget: CostBudget = { defaultLimit: 25, maxLimit: 100, maxCost: 10000, maxNodes: 5000 };

const check = (query: string, variables?: Record<string, unknown>, overrides: Partial<CostBudget> = {}): CostVerdict =>
  checkQueryCost({ schema, document: parse(query), variables }, { ...budget, ...overrides });
const costOf = (query: string, variables?: Record<string, unknown>): number => {
  const verdict = check(query, variables, { maxCost: Infinity });
  if (!verdict.ok) throw new Error(verdict.message);
  return verdict.cost;
};

/** The query of issue 9: six nested lists of 100, depth 7. */
const ATTACK =
  '{ articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { articles(pagination:{limit:100}) { ' +
  'reporters(pagination:{limit:100}) { articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { name } } } } } } }';

describe('checkQueryCost', () => {
  it('counts each value once, times the page sizes above it', () => {
    expect(costOf('{ articles { title } }')).toBe(25 * (1 + 1));
    expect(costOf('{ articles(pagination: { limit: 100 }) { reporters(pagination: { limit: 100 }) { name } } }')).toBe(
      100 * (1 + 100 * (1 + 1))
    );
    expect(costOf('{ article(documentId: "a") { title tags lead { caption image { url } } } }')).toBe(1 + 1 + 1 + (1 + 1 + (1 + 1)));
  });

  it('refuses the query of issue 9 with its cost and the budget', () => {
    const verdict = check(ATTACK);
    expect(verdict).toEqual({
      ok: false,
      code: 'GRAPHQL_QUERY_TOO_COSTLY',
      cost: 2010101010100,
      maxCost: 10000,
      message: expect.stringContaining('could return up to 2,010,101,010,100 items, over the budget of 10,000 per query (GRAPHQL_MAX_COST)'),
    });
  });

  it('lets a query at the budget through and refuses one item more', () => {
    // 100 articles × (1 + 49 scalars) = 5,000; twice that with a second alias.
    const fields = Array.from({ length: 49 }, (_, i) => `t${i}: title`).join(' ');
    const query = `{ a: articles(pagination: { limit: 100 }) { ${fields} } b: articles(pagination: { limit: 100 }) { ${fields} } }`;
    expect(check(query)).toEqual({ ok: true, cost: 10000 });
    expect(check(query, undefined, { maxCost: 9999 })).toMatchObject({ ok: false, code: 'GRAPHQL_QUERY_TOO_COSTLY', cost: 10000 });
  });

  it('counts an alias repeated 100 times 100 times', () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: articles(pagination: { limit: 100 }) { title }`).join(' ');
    expect(costOf(`{ ${aliases} }`)).toBe(100 * 100 * 2);
    expect(check(`{ ${aliases} }`)).toMatchObject({ ok: false, code: 'GRAPHQL_QUERY_TOO_COSTLY', cost: 20000 });
  });

  it('counts fragments and inline fragments where they are spread, as often as they are spread', () => {
    const inline = '{ articles { title reporters { name } } }';
    const spread = '{ articles { ...Card } } fragment Card on Article { title reporters { name } }';
    const typed = '{ articles { ... on Article { title reporters { name } } } }';
    const nested = '{ articles { ...A } } fragment A on Article { title ...B } fragment B on Article { reporters { name } }';
    const cost = 25 * (1 + 1 + 25 * (1 + 1));
    expect([costOf(inline), costOf(spread), costOf(typed), costOf(nested)]).toEqual([cost, cost, cost, cost]);
    expect(costOf('{ x: articles { ...Card } y: articles { ...Card } } fragment Card on Article { title reporters { name } }')).toBe(2 * cost);
  });

  it('reads page sizes given as variables, and honours @skip and @include', () => {
    expect(costOf('query($n: Int) { articles(pagination: { limit: $n }) { title } }', { n: 7 })).toBe(14);
    expect(costOf('query($p: PaginationArg) { articles(pagination: $p) { title } }', { p: { pageSize: 100 } })).toBe(200);
    expect(costOf('query($s: Boolean!) { articles { title reporters @skip(if: $s) { name } } }', { s: true })).toBe(50);
    expect(costOf('query($i: Boolean!) { articles { title reporters @include(if: $i) { name } } }', { i: true })).toBe(25 * 52);
  });

  it("counts a connection's page once: on the connection field, not again on its nodes", () => {
    expect(costOf('{ articles_connection(pagination: { limit: 10 }) { nodes { title } pageInfo { total } } }')).toBe(10 * (1 + 2 + 2));
    expect(costOf('{ articles(pagination: { limit: 2 }) { reporters(pagination: { limit: 3 }) { articles_connection { nodes { title } } } } }')).toBe(
      2 * (1 + 3 * (1 + 25 * (1 + 2)))
    );
  });

  it('counts a list without pagination at maxLimit, and introspection at nothing', () => {
    expect(costOf('{ article(documentId: "a") { lead { image { related { title } } } } }')).toBe(1 + (1 + (1 + 100 * 2)));
    expect(costOf('{ __schema { types { name fields { name type { name } } } } }')).toBe(0);
    expect(costOf('{ articles { __typename title } }')).toBe(50);
    // Priced by the field, not by the name the caller gives it.
    expect(costOf('{ __schema: articles(pagination: { limit: 100 }) { __type: title } }')).toBe(200);
  });

  it('refuses a query with more fields than maxNodes once fragments are expanded', () => {
    // Each fragment spreads the next one twice: 2^12 copies of `title` from a few lines of text.
    const fragments = Array.from({ length: 12 }, (_, i) => `fragment F${i} on Article { ...F${i + 1} ...F${i + 1} }`).join(' ');
    const query = `{ article(documentId: "a") { ...F0 } } ${fragments} fragment F12 on Article { title }`;
    expect(check(query)).toMatchObject({ ok: false, code: 'GRAPHQL_QUERY_TOO_LARGE', cost: null, maxCost: 10000 });
  });

  it('says what is wrong with a variable instead of throwing', () => {
    expect(check('query($n: Int!) { articles(pagination: { limit: $n }) { title } }', { n: 'many' })).toMatchObject({
      ok: false,
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining('$n'),
    });
  });
});

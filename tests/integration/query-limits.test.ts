import { getIntrospectionQuery } from 'graphql';
import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createArticleGraph, paragraphs, type ArticleGraph } from '../helpers/builders';
import { SEED_SLUG } from '../helpers/seed';

/**
 * Issue 9, adversarial callers: a GraphQL query within the depth limit, or a REST populate, that
 * fans out over many-to-many relations is refused before it runs (README, "Security model"), while
 * the frontend's own queries go through and the server keeps answering.
 *
 * The content is the shape of the finding: 120 articles, the desk byline (Tempo.co) on 79 of them.
 */

const ARTICLES = 120;
const DESK_ARTICLES = 79;

let app: TestApp;
let graph: ArticleGraph;

const graphql = (query: string, variables: Record<string, unknown> = {}) =>
  request(app.server).post('/graphql').send({ query, variables });
const get = (url: string) => request(app.server).get(url);

/** The query of the finding: depth 7, six nested lists of 100. */
const ATTACK =
  '{ articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { articles(pagination:{limit:100}) { ' +
  'reporters(pagination:{limit:100}) { articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { name } } } } } } }';
/** 100 × (1 + 100 × (1 + 100 × (1 + 100 × (1 + 100 × (1 + 100 × (1 + 1)))))). */
const ATTACK_COST = 2010101010100;

/** The article page of the README ("Frontend API"). */
const ARTICLE_PAGE = `query($slug: String!, $locale: I18NLocaleCode) {
  articleBySlug(slug: $slug, locale: $locale, fallback: true) {
    documentId locale title slug subtitle body publishedDate dateline outlet sourceName
    reporters { name kind } editors { name } translators { name }
    photos(sort: "position:asc") { caption altText credit photographer agency position image { url width height formats } }
    relatedLinks(sort: "position:asc") { title summary url kind ageLabel position target { slug } }
  }
}`;

/** A home page: the 25 newest articles with their bylines and lead photo. */
const HOME_PAGE = `query($locale: I18NLocaleCode) {
  articles(locale: $locale, sort: "publishedDate:desc", pagination: { limit: 25 }) {
    documentId title slug publishedDate
    reporters { name }
    photos(filters: { position: { eq: 0 } }) { caption image { url } }
  }
}`;

beforeAll(async () => {
  app = await startStrapi();
  graph = await createArticleGraph(app.strapi);
  const otherDesk = await app.strapi.documents('api::reporter.reporter').create({
    data: { name: 'Antara', slug: 'antara', kind: 'desk', outlet: 'Antara' } as never,
  });
  // The built article is the desk's first; 78 more for the desk and the rest for another byline.
  for (let n = 1; n < ARTICLES; n += 1) {
    await app.strapi.documents('api::article.article').create({
      locale: 'id',
      status: 'published',
      data: {
        title: `Artikel Uji ${n}`,
        slug: `artikel-uji-${n}`,
        body: paragraphs(`Paragraf artikel ${n}.`),
        publishedDate: new Date(Date.UTC(2023, 0, 1, 0, n)).toISOString(),
        reporters: [n < DESK_ARTICLES ? graph.reporterIds.desk : otherDesk.documentId],
      } as never,
    });
  }
});

afterAll(async () => {
  await app?.stop();
});

describe('GraphQL cost limit', () => {
  it('refuses the query of the finding before it runs, with the estimated cost and the budget', async () => {
    const response = await graphql(ATTACK);
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_QUERY_TOO_COSTLY', cost: ATTACK_COST, maxCost: 10000 });
    expect(response.body.errors[0].message).toContain(
      'This query could return up to 2,010,101,010,100 items, over the budget of 10,000 per query (GRAPHQL_MAX_COST).'
    );
  });

  it('lets the article page through', async () => {
    const response = await graphql(ARTICLE_PAGE, { slug: SEED_SLUG, locale: 'id' });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const article = response.body.data.articleBySlug;
    expect(article).toMatchObject({
      documentId: graph.articleId,
      locale: 'id',
      slug: SEED_SLUG,
      reporters: [{ name: 'Tempo.co', kind: 'desk' }],
      editors: [{ name: 'Maria Rita Hasugian' }],
      translators: [{ name: 'Ida Rosdalina' }],
    });
    expect(article.photos.map((photo: { position: number }) => photo.position)).toEqual([0, 3]);
    expect(article.relatedLinks.map((link: { title: string }) => link.title)).toEqual([
      'Rishi Sunak Jadi PM Inggris',
      'AS Batasi Izin Ekspor Teknologi untuk Cina',
    ]);
  });

  it('lets the home page through: 25 articles with bylines and lead photo', async () => {
    const response = await graphql(HOME_PAGE, { locale: 'id' });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    const articles = response.body.data.articles as Array<{ slug: string; reporters: Array<{ name: string }> }>;
    expect(articles).toHaveLength(25);
    expect(articles[0]).toMatchObject({ slug: 'artikel-uji-119', reporters: [{ name: 'Antara' }] });
    expect(articles.every((article) => article.reporters.length === 1)).toBe(true);
  });

  it("lets clients' introspection through: it is bounded by the schema, not the data", async () => {
    const response = await graphql(getIntrospectionQuery());
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.__schema.queryType).toEqual({ name: 'Query', kind: 'OBJECT' });
  });

  it('counts an alias repeated 100 times 100 times', async () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}: articles(pagination: { limit: 100 }) { title }`).join(' ');
    const response = await graphql(`{ ${aliases} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions).toEqual({ code: 'GRAPHQL_QUERY_TOO_COSTLY', cost: 100 * 100 * 2, maxCost: 10000 });
    // One of them is well within the budget.
    const one = await graphql('{ a0: articles(pagination: { limit: 100 }) { title } }');
    expect(one.status).toBe(200);
    expect(one.body.data.a0).toHaveLength(100);
  });

  it('counts what fragments and inline fragments ask for', async () => {
    const spread = await graphql(
      '{ articles(pagination: { limit: 100 }) { ...Byline } } ' +
        'fragment Byline on Article { reporters(pagination: { limit: 100 }) { ... on Reporter { articles(pagination: { limit: 100 }) { title } } } }'
    );
    expect(spread.status).toBe(400);
    expect(spread.body.errors[0].extensions).toEqual({
      code: 'GRAPHQL_QUERY_TOO_COSTLY',
      cost: 100 * (1 + 100 * (1 + 100 * 2)),
      maxCost: 10000,
    });
  });

  it('reads page sizes given as variables', async () => {
    const query = 'query($p: PaginationArg) { articles(pagination: $p) { reporters(pagination: $p) { articles(pagination: $p) { title } } } }';
    const refused = await graphql(query, { p: { pageSize: 100 } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions.cost).toBe(100 * (1 + 100 * (1 + 100 * 2)));
    const allowed = await graphql(query, { p: { limit: 5 } });
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.articles).toHaveLength(5);
  });

  it('refuses batched operations, and keeps the depth limit', async () => {
    const batch = await request(app.server)
      .post('/graphql')
      .send([{ query: '{ articles { title } }' }, { query: '{ reporters { name } }' }]);
    expect(batch.status).toBe(400);

    const deep = await graphql(
      '{ articles { reporters { articles { reporters { articles { reporters { articles { reporters { name } } } } } } } } }'
    );
    expect(deep.status).toBe(400);
    expect(deep.body.errors[0].message).toBe("'' exceeds maximum operation depth of 7");
  });
});

describe('REST populate limits', () => {
  const refusal = (response: request.Response) => ({ status: response.status, ...response.body.error.details });

  it('refuses deep populate with 400, naming the limit', async () => {
    const response = await get(
      '/api/reporters?populate[articles][populate][reporters][populate][articles][populate][reporters]=true'
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual({
      code: 'POPULATE_TOO_DEEP',
      limit: 3,
      actual: 4,
      path: 'articles.reporters.articles.reporters',
    });
    expect(response.body.error.message).toContain('the limit is 3 (REST_POPULATE_MAX_DEPTH)');

    // Deeper than the query parser keeps apart: still refused.
    const deeper = '/api/articles?' + 'populate[reporters]' + '[populate][articles][populate][reporters]'.repeat(8) + '=true';
    expect(refusal(await get(deeper))).toMatchObject({ status: 400, code: 'POPULATE_TOO_DEEP', limit: 3 });
  });

  it('refuses a to-many inside a to-many (the fan-out of the finding), and * inside a relation', async () => {
    expect(refusal(await get('/api/reporters?populate[articles][populate][reporters]=true'))).toEqual({
      status: 400,
      code: 'POPULATE_TOO_COSTLY',
      limit: 25000,
      actual: 25 * (1 + 100 * (1 + 100)),
    });
    expect(refusal(await get('/api/articles?populate[reporters][populate]=*'))).toEqual({
      status: 400,
      code: 'POPULATE_TOO_COSTLY',
      limit: 25000,
      actual: 25 * (1 + 100 * (1 + 3 * 100)),
    });
  });

  it('refuses more than 10 populated relations', async () => {
    const url =
      `/api/articles/${graph.articleId}?populate[reporters]=true&populate[editors]=true&populate[translators]=true` +
      '&populate[photos][populate][image]=true&populate[photos][populate][article]=true' +
      '&populate[relatedLinks][populate][target]=true&populate[relatedLinks][populate][article]=true' +
      '&populate[linkedFrom][populate][article]=true';
    expect(refusal(await get(url))).toEqual({ status: 400, code: 'POPULATE_TOO_WIDE', limit: 10, actual: 11 });
  });

  it('lets the frontend populates through', async () => {
    const page = await get(`/api/articles/slug/${SEED_SLUG}?locale=id`);
    expect(page.status).toBe(200);
    expect(page.body.data.reporters).toEqual([expect.objectContaining({ name: 'Tempo.co' })]);

    const list = await get('/api/articles?populate[reporters][fields][0]=name&populate[photos]=true');
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(25);
    expect(list.body.meta.pagination.total).toBe(ARTICLES);
    expect(list.body.data.every((article: { reporters: unknown[] }) => article.reporters.length === 1)).toBe(true);

    const full = await get(
      '/api/articles?pagination[pageSize]=10&populate[reporters]=true&populate[editors]=true&populate[translators]=true' +
        '&populate[photos][populate][image]=true&populate[relatedLinks][populate][target][fields][0]=slug'
    );
    expect(full.status).toBe(200);
    expect(full.body.data).toHaveLength(10);

    const star = await get('/api/articles?populate=*');
    expect(star.status).toBe(200);
    expect(star.body.data).toHaveLength(25);

    const desk = await get(`/api/reporters/${graph.reporterIds.desk}?populate[articles][fields][0]=slug`);
    expect(desk.status).toBe(200);
    expect(desk.body.data.articles).toHaveLength(DESK_ARTICLES);
  });
});

describe('responsiveness under refused requests', () => {
  it('refuses a burst of heavy queries and /_health still answers 204', async () => {
    const heavy = [
      ...Array.from({ length: 10 }, () => graphql(ATTACK)),
      ...Array.from({ length: 10 }, () => get('/api/reporters?populate[articles][populate][reporters][populate][articles][populate][reporters]=true')),
    ];
    const health = get('/_health');
    const responses = await Promise.all(heavy);
    expect(responses.map((response) => response.status)).toEqual(Array(20).fill(400));
    expect(responses.slice(0, 10).map((response) => response.body.errors[0].extensions.code)).toEqual(
      Array(10).fill('GRAPHQL_QUERY_TOO_COSTLY')
    );
    expect(responses.slice(10).map((response) => response.body.error.details.code)).toEqual(Array(10).fill('POPULATE_TOO_DEEP'));
    expect((await health).status).toBe(204);
    expect((await get('/_health')).status).toBe(204);
  });
});

import { getService } from '../../src/plugins/news-importer/server/src/utils';
import request from 'supertest';
import { makeTempoPage, PAGE_PHOTOS } from '../../scripts/lib/tempo-pages';
import { startStrapi, type TestApp } from '../helpers/strapi';

/**
 * GraphQL relation loads are batched per relation (src/graphql/batched-relations.ts): a list of 25
 * articles with bylines and photos costs a fixed number of queries, and every article still gets
 * exactly its own reporters and photos, paged per article.
 */

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi();
  const imports = getService(app.strapi, 'imports');
  for (let n = 1; n <= 30; n += 1) await imports.run({ text: makeTempoPage(n) }, { kind: 'cli' });
});
afterAll(async () => {
  await app.stop();
});

/** Runs a query as the public and counts the SQL statements it caused. */
async function run(query: string): Promise<{ body: any; queries: number }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  let queries = 0;
  // GraphQL's own statements: not the kept-answers bookkeeping in front of it (the read version and the
  // next embargo or withdrawal instant, src/read-cache/version.ts).
  const count = (query: { sql: string }): void => {
    if (!/kabar_read_version|order by [`"]t0[`"]\.[`"](embargoed_until|withdrawn_at)[`"]/i.test(query.sql)) queries += 1;
  };
  app.strapi.db.connection.on('query', count);
  try {
    const response = await request(app.server).post('/graphql').send({ query });
    return { body: response.body, queries };
  } finally {
    app.strapi.db.connection.off('query', count);
  }
}

interface Expected {
  reporters: string[];
  captions: string[];
}

/** Each article's reporters and photo captions, read straight from the Document Service. */
async function expectedBySlug(): Promise<Map<string, Expected>> {
  const articles = (await app.strapi.documents('api::article.article').findMany({
    locale: 'id',
    status: 'published',
    limit: 100,
    populate: { reporters: true, photos: { sort: ['position:asc', 'id:asc'] } },
  } as never)) as unknown as Array<{ slug: string; reporters: Array<{ name: string }>; photos: Array<{ caption: string }> }>;
  return new Map(articles.map((a) => [a.slug, { reporters: a.reporters.map((r) => r.name), captions: a.photos.map((p) => p.caption) }]));
}

describe('GraphQL relations are loaded in batches', () => {
  it('gives each of 25 articles its own reporters and photos, in a fixed number of queries', async () => {
    const { body, queries } = await run(
      '{ articles(locale: "id", pagination: { pageSize: 25 }) { slug reporters { name } photos(sort: ["position:asc", "id:asc"]) { caption image { url } } } }'
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.articles).toHaveLength(25);
    const expected = await expectedBySlug();
    for (const article of body.data.articles) {
      const want = expected.get(article.slug)!;
      expect({ slug: article.slug, reporters: article.reporters.map((r: { name: string }) => r.name), captions: article.photos.map((p: { caption: string }) => p.caption) }).toEqual({
        slug: article.slug,
        ...want,
      });
      expect(article.photos).toHaveLength(PAGE_PHOTOS);
    }
    // One per article per relation was 1 + 25 × 3 + 50 image loads; batched it stays near ten.
    expect(queries).toBeLessThanOrEqual(12);
  });

  it('pages a nested list per article, not across the batch', async () => {
    const { body } = await run('{ articles(locale: "id", pagination: { pageSize: 10 }) { slug photos(sort: ["position:asc", "id:asc"], pagination: { limit: 1 }) { caption } } }');
    const expected = await expectedBySlug();
    for (const article of body.data.articles) {
      expect(article.photos.map((p: { caption: string }) => p.caption)).toEqual(expected.get(article.slug)!.captions.slice(0, 1));
    }
    const offset = await run('{ articles(locale: "id", pagination: { pageSize: 10 }) { slug photos(sort: ["position:asc", "id:asc"], pagination: { start: 1, limit: 5 }) { caption } } }');
    for (const article of offset.body.data.articles) {
      expect(article.photos.map((p: { caption: string }) => p.caption)).toEqual(expected.get(article.slug)!.captions.slice(1, 6));
    }
  });

  it('keeps a reporter’s articles, which can be thousands, one load per reporter with its own limit', async () => {
    const { body } = await run('{ reporters(pagination: { pageSize: 5 }) { name articles(pagination: { limit: 2 }) { slug } } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.reporters).toHaveLength(5);
    for (const reporter of body.data.reporters) expect(reporter.articles.length).toBeLessThanOrEqual(2);
  });
});

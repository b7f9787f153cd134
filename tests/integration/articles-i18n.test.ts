import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createArticleGraph, EN_PARAGRAPHS, ID_PARAGRAPHS, paragraphs } from '../helpers/builders';
import { SEED_SLUG } from '../helpers/seed';

let app: TestApp;
let graph: Awaited<ReturnType<typeof createArticleGraph>>;

beforeAll(async () => {
  app = await startStrapi();
  graph = await createArticleGraph(app.strapi, { english: true });
});
afterAll(async () => {
  await app.stop();
});

// The list leaves `body` out unless fields are asked for (light listings; see frontend-api tests).
const POPULATE =
  'fields=*&populate[reporters]=true&populate[editors]=true&populate[translators]=true' +
  '&populate[photos][sort]=position:asc&populate[relatedLinks][sort]=position:asc';

describe('an article in Indonesian and English over REST', () => {
  it('serves the Indonesian version by default, with Indonesian text intact', async () => {
    const response = await request(app.server).get(`/api/articles?${POPULATE}`);
    expect(response.status).toBe(200);
    expect(response.body.meta.pagination.total).toBe(1);
    const [article] = response.body.data;
    expect(article).toMatchObject({
      documentId: graph.articleId,
      locale: 'id',
      title: 'Cina dan Rusia Janji Akan Saling Dukung',
      slug: SEED_SLUG,
      subtitle: 'Beijing berjanji membantu Moskow',
      section: 'Internasional',
      publishedDate: '2022-10-28T05:00:00.000Z',
      dateline: 'Jakarta',
      outlet: 'Tempo.co',
      sourceName: 'RT.com',
      originalUrl: `https://dunia.tempo.co/read/${SEED_SLUG}`,
    });
    expect(article.body).toEqual(paragraphs(...ID_PARAGRAPHS));
    expect(article.body[1].children[0].text).toContain('“Cina dan Rusia');
    expect(article.reporters.map((r: { name: string; kind: string }) => [r.name, r.kind])).toEqual([['Tempo.co', 'desk']]);
    expect(article.editors.map((r: { name: string }) => r.name)).toEqual(['Maria Rita Hasugian']);
    expect(article.translators.map((r: { name: string }) => r.name)).toEqual(['Ida Rosdalina']);
    expect(article.photos.map((p: { credit: string; position: number }) => [p.position, p.credit])).toEqual([
      [0, 'Stefani Reynolds/Pool via REUTERS'],
      [3, 'Pavel Golovkin / Pool via REUTERS'],
    ]);
    expect(article.relatedLinks.map((l: { kind: string; title: string; ageLabel: string | null }) => [l.kind, l.title, l.ageLabel])).toEqual([
      ['readAlso', 'Rishi Sunak Jadi PM Inggris', null],
      ['related', 'AS Batasi Izin Ekspor Teknologi untuk Cina', '5 jam lalu'],
    ]);
  });

  it('serves the English version with ?locale=en, sharing the non-localized fields', async () => {
    const response = await request(app.server).get(`/api/articles?locale=en&${POPULATE}`);
    const [article] = response.body.data;
    expect(article).toMatchObject({
      documentId: graph.articleId,
      locale: 'en',
      title: 'China and Russia Pledge Mutual Support',
      slug: 'china-and-russia-pledge-mutual-support',
      section: 'World',
      subtitle: null,
      dateline: 'Jakarta',
      sourceName: 'RT.com',
    });
    expect(article.body).toEqual(paragraphs(...EN_PARAGRAPHS));
    expect(article.photos.map((p: { caption: string }) => p.caption)).toEqual(['Chinese Foreign Minister Wang Yi in Nusa Dua, Bali.']);
    expect(article.reporters.map((r: { name: string }) => r.name)).toEqual(['Tempo.co']);
  });

  it('finds one article by documentId in each locale', async () => {
    const id = await request(app.server).get(`/api/articles/${graph.articleId}?locale=id`);
    const en = await request(app.server).get(`/api/articles/${graph.articleId}?locale=en`);
    expect(id.body.data.title).toBe('Cina dan Rusia Janji Akan Saling Dukung');
    expect(en.body.data.title).toBe('China and Russia Pledge Mutual Support');
  });

  it('filters by slug, and lists a reporter with their articles', async () => {
    const bySlug = await request(app.server).get(`/api/articles?filters[slug][$eq]=${SEED_SLUG}`);
    expect(bySlug.body.data.map((a: { documentId: string }) => a.documentId)).toEqual([graph.articleId]);
    const desk = await request(app.server).get(`/api/reporters/${graph.reporterIds.desk}?populate=articles`);
    expect(desk.body.data).toMatchObject({ name: 'Tempo.co', kind: 'desk', slug: 'tempo-co' });
    expect(desk.body.data.articles.map((a: { title: string }) => a.title)).toContain('Cina dan Rusia Janji Akan Saling Dukung');
  });

  it('answers an unknown locale with an empty list', async () => {
    const response = await request(app.server).get('/api/articles?locale=fr');
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual([]);
  });
});

describe('the same article over GraphQL', () => {
  const query = `query Article($locale: I18NLocaleCode) {
    articles(locale: $locale) {
      documentId title slug section publishedDate dateline sourceName body locale
      reporters { name kind }
      editors { name }
      photos(sort: "position:asc") { caption credit position }
      relatedLinks(sort: "position:asc") { title kind ageLabel }
    }
  }`;

  it('returns the Indonesian version with its relations', async () => {
    const response = await request(app.server).post('/graphql').send({ query, variables: { locale: 'id' } });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.articles).toEqual([
      {
        documentId: graph.articleId,
        title: 'Cina dan Rusia Janji Akan Saling Dukung',
        slug: SEED_SLUG,
        section: 'Internasional',
        publishedDate: '2022-10-28T05:00:00.000Z',
        dateline: 'Jakarta',
        sourceName: 'RT.com',
        body: paragraphs(...ID_PARAGRAPHS),
        locale: 'id',
        reporters: [{ name: 'Tempo.co', kind: 'desk' }],
        editors: [{ name: 'Maria Rita Hasugian' }],
        photos: [
          { caption: 'Menteri Luar Negeri China Wang Yi di Nusa Dua, Bali.', credit: 'Stefani Reynolds/Pool via REUTERS', position: 0 },
          { caption: 'Sergey Lavrov dan Wang Yi di Sochi, Rusia.', credit: 'Pavel Golovkin / Pool via REUTERS', position: 3 },
        ],
        relatedLinks: [
          { title: 'Rishi Sunak Jadi PM Inggris', kind: 'readAlso', ageLabel: null },
          { title: 'AS Batasi Izin Ekspor Teknologi untuk Cina', kind: 'related', ageLabel: '5 jam lalu' },
        ],
      },
    ]);
  });

  it('returns the English version for locale "en"', async () => {
    const response = await request(app.server).post('/graphql').send({ query, variables: { locale: 'en' } });
    expect(response.body.errors).toBeUndefined();
    const [article] = response.body.data.articles;
    expect(article).toMatchObject({ title: 'China and Russia Pledge Mutual Support', locale: 'en', section: 'World' });
    expect(article.photos).toEqual([{ caption: 'Chinese Foreign Minister Wang Yi in Nusa Dua, Bali.', credit: 'Stefani Reynolds/Pool via REUTERS', position: 0 }]);
  });

  it('refuses a query deeper than the depth limit', async () => {
    const deep = '{ articles { reporters { articles { reporters { articles { reporters { articles { reporters { name } } } } } } } } }';
    const response = await request(app.server).post('/graphql').send({ query: deep });
    expect(response.body.errors?.[0]?.message).toMatch(/exceeds maximum operation depth/i);
  });

  it('caps the page size at 100 in GraphQL and REST', async () => {
    const graphql = await request(app.server)
      .post('/graphql')
      .send({ query: '{ reporters_connection(pagination: { pageSize: 1000 }) { pageInfo { pageSize } } }' });
    expect(graphql.body.errors).toBeUndefined();
    expect(graphql.body.data.reporters_connection.pageInfo.pageSize).toBe(100);
    const rest = await request(app.server).get('/api/reporters?pagination[pageSize]=1000');
    expect(rest.body.meta.pagination.pageSize).toBe(100);
  });
});

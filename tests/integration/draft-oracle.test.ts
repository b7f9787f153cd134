import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createArticleGraph } from '../helpers/builders';
import { NEWSROOM_TYPES, graphqlFilter, relationPaths, restFilter } from '../helpers/relation-paths';
import { SEED_SLUG } from '../helpers/seed';

/**
 * The draft oracle: a public filter that walks through relations must never match on draft rows.
 * Every draft row below carries SECRET in each text field; a filter on SECRET through any relation
 * path, at any depth up to MAX_DEPTH, must match nothing, in REST and in GraphQL.
 */

const SECRET = 'zirkonium';
const MAX_DEPTH = 3;
const TYPES = NEWSROOM_TYPES;
const PROBES = relationPaths(MAX_DEPTH);

let app: TestApp;

beforeAll(async () => {
  app = await startStrapi();
  const strapi = app.strapi;
  const graph = await createArticleGraph(strapi, { english: true });
  // A draft-only article credited to the published article's reporters, with a photo and a link.
  await createArticleGraph(strapi, { slug: 'rancangan-zirkonium', title: `Rancangan ${SECRET}`, status: 'draft' });
  // Unpublished edits of published documents: the draft row differs from the published one.
  await strapi.documents('api::article.article').update({
    documentId: graph.articleId,
    locale: 'en',
    data: { title: `Draft ${SECRET} headline` } as never,
  });
  await strapi.documents('api::photo.photo').update({
    documentId: graph.photoIds[1]!,
    locale: 'id',
    data: { caption: `Keterangan ${SECRET}` } as never,
  });
  await strapi.documents('api::related-link.related-link').update({
    documentId: graph.linkIds[0]!,
    locale: 'id',
    data: { title: `Tautan ${SECRET}` } as never,
  });
  // A byline that only a draft credits: no published article names this reporter.
  const hidden = await strapi.documents('api::reporter.reporter').create({
    data: { name: `Wartawan ${SECRET}`, slug: 'wartawan-rahasia', kind: 'person' } as never,
  });
  const draftOnly = await strapi.documents('api::article.article').findFirst({
    locale: 'id',
    filters: { slug: 'rancangan-zirkonium' },
  } as never);
  await strapi.documents('api::article.article').update({
    documentId: (draftOnly as { documentId: string }).documentId,
    locale: 'id',
    data: { reporters: [hidden.documentId] } as never,
  });
});
afterAll(async () => {
  await app.stop();
});

describe('relation filters see published rows only', () => {
  it(`covers every relation path of the four types up to ${MAX_DEPTH} hops`, () => {
    expect(PROBES.length).toBeGreaterThan(100);
  });

  it('REST: no filter through a relation matches a draft row', async () => {
    const leaks: string[] = [];
    let answered = 0;
    for (const probe of PROBES) {
      const query = restFilter(probe.path, TYPES[probe.leaf]!.text, SECRET);
      for (const locale of ['id', 'en']) {
        const url = `/api/${TYPES[probe.root]!.rest}?locale=${locale}&${query}`;
        const response = await request(app.server).get(url);
        // A refused filter (400) leaks nothing either; anything else must be an empty match.
        if (response.status === 400) continue;
        answered += 1;
        if (response.status !== 200 || response.body.data.length !== 0) leaks.push(`${url} → ${response.status} ${response.body.data?.length}`);
      }
    }
    expect(leaks).toEqual([]);
    // Answered, not refused: the guard narrows the filters rather than turning them away.
    expect(answered).toBe(PROBES.length * 2);
  });

  it('GraphQL: no filter through a relation matches a draft row', async () => {
    const leaks: string[] = [];
    let answered = 0;
    for (const probe of PROBES) {
      const root = TYPES[probe.root]!;
      const filters = graphqlFilter(probe.path, TYPES[probe.leaf]!.text, SECRET);
      const query = `{ ${root.graphql}(locale: "id", filters: ${filters}) { documentId } }`;
      const response = await request(app.server).post('/graphql').send({ query });
      if (response.body.errors) continue; // refused: a filter the schema does not offer
      answered += 1;
      if (response.body.data[root.graphql].length !== 0) leaks.push(query);
    }
    expect(leaks).toEqual([]);
    expect(answered).toBeGreaterThan(PROBES.length / 2);
    console.log(`draft oracle, GraphQL: ${PROBES.length} filters tried, ${answered} answered, ${PROBES.length - leaks.length} held`);
  });

  it('GraphQL: nested relation arguments see published rows only', async () => {
    const response = await request(app.server)
      .post('/graphql')
      .send({
        query: `{ articles(locale: "id") { reporters(filters: { articles: { title: { containsi: "${SECRET}" } } }) { name } } }`,
      });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.articles.flatMap((article: { reporters: unknown[] }) => article.reporters)).toEqual([]);
  });

  it('REST: populate filters through a relation see published rows only', async () => {
    const response = await request(app.server).get(
      `/api/articles?locale=id&populate[reporters][filters][articles][title][$containsi]=${SECRET}`
    );
    expect(response.status).toBe(200);
    expect(response.body.data.flatMap((article: { reporters: unknown[] }) => article.reporters)).toEqual([]);
  });

  it('still matches published rows through the same relations', async () => {
    const byReporter = await request(app.server).get('/api/articles?locale=id&filters[reporters][slug][$eq]=tempo-co');
    expect(byReporter.body.data.map((article: { slug: string }) => article.slug)).toEqual([SEED_SLUG]);
    const walk = await request(app.server).get(`/api/articles?locale=id&${restFilter(['reporters', 'articles'], 'title', 'Cina dan Rusia')}`);
    expect(walk.body.data).toHaveLength(1);
    const english = await request(app.server).get(`/api/articles?locale=id&${restFilter(['localizations'], 'title', 'China and Russia')}`);
    expect(english.body.data).toHaveLength(1);
    const graphql = await request(app.server)
      .post('/graphql')
      .send({ query: '{ reporters(filters: { articles: { title: { containsi: "Cina dan Rusia" } } }) { slug } }' });
    expect(graphql.body.data.reporters.map((reporter: { slug: string }) => reporter.slug).sort()).toEqual(
['tempo-co']);
  });

  it('refuses a sort that walks into draft rows with 400', async () => {
    const response = await request(app.server).get('/api/reporters?sort[0][articles][title]=asc');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/Sorting through the relation "articles"/);
  });
});

describe('unpublished bylines are not public', () => {
  it('lists only reporters credited on a published article', async () => {
    const response = await request(app.server).get('/api/reporters?pagination[pageSize]=100');
    expect(response.status).toBe(200);
    const names = response.body.data.map((reporter: { name: string }) => reporter.name);
    expect(names.sort()).toEqual(['Ida Rosdalina', 'Maria Rita Hasugian', 'Tempo.co']);
    expect(response.body.meta.pagination.total).toBe(3);
  });

  it('answers 404 for the draft-only reporter by documentId, and GraphQL does not list it', async () => {
    const hidden = await app.strapi.documents('api::reporter.reporter').findFirst({ filters: { slug: 'wartawan-rahasia' } } as never);
    const response = await request(app.server).get(`/api/reporters/${(hidden as { documentId: string }).documentId}`);
    expect(response.status).toBe(404);
    const graphql = await request(app.server).post('/graphql').send({ query: '{ reporters(pagination: { limit: 100 }) { name } }' });
    expect(JSON.stringify(graphql.body.data)).not.toContain(SECRET);
    expect(graphql.body.data.reporters).toHaveLength(3);
  });

  it('shows the draft-only reporter to an API token', async () => {
    const token = (await app.strapi.service('admin::api-token').create({ name: 'byline-preview', type: 'read-only', lifespan: null })) as {
      accessKey: string;
    };
    const response = await request(app.server)
      .get('/api/reporters?filters[slug][$eq]=wartawan-rahasia')
      .set('Authorization', `Bearer ${token.accessKey}`);
    expect(response.body.data.map((reporter: { name: string }) => reporter.name)).toEqual([`Wartawan ${SECRET}`]);
  });
});

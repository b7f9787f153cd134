import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createArticleGraph } from '../helpers/builders';

let app: TestApp;
let published: Awaited<ReturnType<typeof createArticleGraph>>;

beforeAll(async () => {
  app = await startStrapi();
  published = await createArticleGraph(app.strapi);
});
afterAll(async () => {
  await app.stop();
});

const TYPES = [
  ['articles', 'api::article.article'],
  ['reporters', 'api::reporter.reporter'],
  ['photos', 'api::photo.photo'],
  ['related-links', 'api::related-link.related-link'],
] as const;

describe('public REST permissions', () => {
  it.each(TYPES)('GET /api/%s answers 200 without a token', async (path) => {
    const response = await request(app.server).get(`/api/${path}`);
    expect(response.status).toBe(200);
    expect(response.body.data.length).toBeGreaterThan(0);
  });

  it.each(TYPES)('POST /api/%s is refused', async (path) => {
    const response = await request(app.server).post(`/api/${path}`).send({ data: { title: 'x', name: 'x' } });
    expect([401, 403]).toContain(response.status);
  });

  it.each(TYPES)('PUT and DELETE /api/%s/:id are refused and change nothing', async (path, uid) => {
    const [first] = await app.strapi.documents(uid as never).findMany({ status: 'published' } as never);
    const id = (first as { documentId: string }).documentId;
    const put = await request(app.server).put(`/api/${path}/${id}`).send({ data: { title: 'diretas', name: 'diretas' } });
    const del = await request(app.server).delete(`/api/${path}/${id}`);
    expect([401, 403]).toContain(put.status);
    expect([401, 403]).toContain(del.status);
    expect(await app.strapi.documents(uid as never).findOne({ documentId: id } as never)).not.toBeNull();
  });

  it('grants the public role exactly find and findOne on the four types, the article page, feeds and sitemaps', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const rows: Array<{ action: string }> = await app.strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { role: role.id, action: { $startsWith: 'api::' } } });
    expect(rows.map((row) => row.action).sort()).toEqual(
      [
        ...TYPES.flatMap(([, uid]) => [`${uid}.find`, `${uid}.findOne`]),
        'api::article.article.findBySlug',
        'api::article.article.jsonLdBySlug',
        'api::article.article.ninjsBySlug',
        ...['rss', 'atom', 'sitemapIndex', 'articleSitemap', 'newsSitemap'].map((action) => `api::feed.feed.${action}`),
      ].sort()
    );
  });

  it('refuses GraphQL mutations from the public', async () => {
    const response = await request(app.server)
      .post('/graphql')
      .send({ query: 'mutation { deleteArticle(documentId: "x") { documentId } }' });
    expect(response.body.errors?.[0]?.message).toMatch(/Forbidden/i);
  });
});

describe('drafts are never public', () => {
  let draftId: string;

  beforeAll(async () => {
    draftId = (await createArticleGraph(app.strapi, { slug: 'rahasia-redaksi', title: 'Rahasia Redaksi', status: 'draft' })).articleId;
    // A draft-only photo attached to the published article.
    await app.strapi.documents('api::photo.photo').create({
      locale: 'id',
      data: { caption: 'Foto belum terbit', position: 5, article: published.articleId } as never,
    });
  });

  it('keeps a draft article out of the list, even when asked for drafts', async () => {
    for (const query of ['', '&status=draft', '&filters[slug][$eq]=rahasia-redaksi']) {
      const response = await request(app.server).get(`/api/articles?locale=id${query}`);
      const titles = (response.body.data ?? []).map((article: { title: string }) => article.title);
      expect(titles).not.toContain('Rahasia Redaksi');
    }
  });

  it('answers 404 for a draft article by documentId, even with status=draft', async () => {
    expect((await request(app.server).get(`/api/articles/${draftId}`)).status).toBe(404);
    expect((await request(app.server).get(`/api/articles/${draftId}?status=draft`)).status).toBe(404);
  });

  it('never populates a draft photo into a published article', async () => {
    const response = await request(app.server).get(`/api/articles/${published.articleId}?populate=photos&status=draft`);
    expect(response.status).toBe(200);
    const captions = response.body.data.photos.map((photo: { caption: string }) => photo.caption);
    expect(captions).toHaveLength(2);
    expect(captions).not.toContain('Foto belum terbit');
  });

  it('keeps drafts out of GraphQL too', async () => {
    const response = await request(app.server)
      .post('/graphql')
      .send({ query: '{ articles(status: DRAFT) { title photos { caption } } }' });
    const titles = (response.body.data?.articles ?? []).map((article: { title: string }) => article.title);
    expect(titles).not.toContain('Rahasia Redaksi');
    const captions = (response.body.data?.articles ?? []).flatMap((a: { photos: Array<{ caption: string }> }) => a.photos.map((p) => p.caption));
    expect(captions).not.toContain('Foto belum terbit');
  });

  it('keeps drafts out of nested GraphQL relations and connections', async () => {
    const response = await request(app.server)
      .post('/graphql')
      .send({
        query:
          '{ articles(status: DRAFT) { photos_connection { nodes { caption } } } reporters { articles { title } } }',
      });
    expect(response.body.errors).toBeUndefined();
    const text = JSON.stringify(response.body.data);
    expect(text).not.toContain('Foto belum terbit');
    expect(text).not.toContain('Rahasia Redaksi');
    expect(text).toContain('Cina dan Rusia Janji Akan Saling Dukung');
  });

  it('lets a program with an API token read drafts, for previews', async () => {
    const token = (await app.strapi.service('admin::api-token').create({
      name: 'preview',
      type: 'read-only',
      lifespan: null,
    })) as { accessKey: string };
    const response = await request(app.server)
      .get('/api/articles?locale=id&status=draft&filters[slug][$eq]=rahasia-redaksi')
      .set('Authorization', `Bearer ${token.accessKey}`);
    expect(response.status).toBe(200);
    expect(response.body.data.map((article: { title: string }) => article.title)).toEqual(['Rahasia Redaksi']);
  });

  it('hides the importer-private fields', async () => {
    const response = await request(app.server).get(`/api/articles/${published.articleId}`);
    expect(response.body.data.title).toBe('Cina dan Rusia Janji Akan Saling Dukung');
    expect(response.body.data).not.toHaveProperty('importKey');
    expect(response.body.data).not.toHaveProperty('contentHash');
  });
});

import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createArticleGraph } from '../helpers/builders';
import { SEED_SLUG } from '../helpers/seed';

/**
 * Anonymous reads answered from this process's copy (src/middlewares/read-cache.ts): served again
 * only while nothing was written, by this process or by another one on the same database.
 */

const ARTICLE = 'api::article.article';
const LIST = '/api/articles?locale=id&sort=publishedDate:desc&populate[reporters][fields][0]=name';
const PAGE = `/api/articles/slug/${SEED_SLUG}?locale=id`;
const HOME_QUERY = '{ articles(locale: "id", sort: "publishedDate:desc") { documentId title reporters { name } } }';

let app: TestApp;
let articleId: string;
let apiToken: string;

beforeAll(async () => {
  app = await startStrapi();
  articleId = (await createArticleGraph(app.strapi)).articleId;
  apiToken = ((await app.strapi.service('admin::api-token').create({ name: 'frontend-preview', type: 'full-access', lifespan: null })) as { accessKey: string }).accessKey;
});
afterAll(async () => {
  await app.stop();
});

const titles = (body: { data: Array<{ title: string }> }): string[] => body.data.map((article) => article.title);

/** What another Strapi process on the same database does after it commits a write. */
async function writeFromAnotherProcess(): Promise<void> {
  await app.strapi.db.connection('kabar_read_version').where({ id: 1 }).increment('version', 1);
}

describe('anonymous REST reads', () => {
  it('are answered from the kept copy the second time, with the same body and validators', async () => {
    const first = await request(app.server).get(LIST);
    expect(first.status).toBe(200);
    expect(first.headers['kabar-read-cache']).toBe('miss');
    const second = await request(app.server).get(LIST);
    expect(second.headers['kabar-read-cache']).toBe('hit');
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['cache-control']).toBe(first.headers['cache-control']);
  });

  it('answer 304 from the kept copy to a matching If-None-Match', async () => {
    const first = await request(app.server).get(PAGE);
    const conditional = await request(app.server).get(PAGE).set('If-None-Match', first.headers.etag!);
    expect(conditional.status).toBe(304);
    expect(conditional.headers['kabar-read-cache']).toBe('hit');
  });

  it('show a published change at once: the write retires every kept copy', async () => {
    await request(app.server).get(LIST);
    expect((await request(app.server).get(LIST)).headers['kabar-read-cache']).toBe('hit');
    await app.strapi.documents(ARTICLE as never).update({ documentId: articleId, locale: 'id', data: { title: 'Judul Baru' } as never });
    // Still the published version: a draft edit changes what an anonymous reader sees nowhere.
    const afterDraftEdit = await request(app.server).get(LIST);
    expect(titles(afterDraftEdit.body)).toEqual(['Cina dan Rusia Janji Akan Saling Dukung']);
    await app.strapi.documents(ARTICLE as never).publish({ documentId: articleId, locale: 'id' });
    const afterPublish = await request(app.server).get(LIST);
    expect(afterPublish.headers['kabar-read-cache']).toBe('miss');
    expect(titles(afterPublish.body)).toEqual(['Judul Baru']);
  });

  it('never keep an unpublished article visible', async () => {
    expect(titles((await request(app.server).get(LIST)).body)).toHaveLength(1);
    await app.strapi.documents(ARTICLE as never).unpublish({ documentId: articleId, locale: 'id' });
    expect(titles((await request(app.server).get(LIST)).body)).toEqual([]);
    expect((await request(app.server).get(PAGE)).status).toBe(404);
    await app.strapi.documents(ARTICLE as never).publish({ documentId: articleId, locale: 'id' });
    expect(titles((await request(app.server).get(LIST)).body)).toHaveLength(1);
  });

  it('follow a write committed by another process on the same database', async () => {
    await request(app.server).get(LIST);
    expect((await request(app.server).get(LIST)).headers['kabar-read-cache']).toBe('hit');
    await writeFromAnotherProcess();
    expect((await request(app.server).get(LIST)).headers['kabar-read-cache']).toBe('miss');
  });

  it('are not kept while a write is rolled back', async () => {
    await request(app.server).get(LIST);
    const before = await app.strapi.db.connection('kabar_read_version').where({ id: 1 }).first();
    await expect(
      app.strapi.db.transaction(async () => {
        await app.strapi.db.query(ARTICLE as never).updateMany({ where: { documentId: articleId }, data: { title: 'Tak Jadi' } as never });
        throw new Error('rolled back on purpose');
      })
    ).rejects.toThrow('rolled back on purpose');
    const after = await app.strapi.db.connection('kabar_read_version').where({ id: 1 }).first();
    expect(String(after.version)).toBe(String(before.version));
    expect(titles((await request(app.server).get(LIST)).body)).toEqual(['Judul Baru']);
  });
});

describe('reads that are never kept', () => {
  it('a caller with a token (who may read drafts) always runs the whole pipeline', async () => {
    for (let i = 0; i < 2; i++) {
      const response = await request(app.server).get(`${LIST}&status=draft`).set('Authorization', `Bearer ${apiToken}`);
      expect(response.status).toBe(200);
      expect(response.headers['kabar-read-cache']).toBeUndefined();
    }
    // And what it saw is not served to the public.
    const anonymous = await request(app.server).get(`${LIST}&status=draft`);
    expect(anonymous.headers['kabar-read-cache']).not.toBe('hit');
  });

  it('routes outside the newsroom’s reads', async () => {
    const response = await request(app.server).get('/api/i18n/locales');
    expect(response.headers['kabar-read-cache']).toBeUndefined();
  });
});

describe('anonymous GraphQL queries', () => {
  const post = (query: string) => request(app.server).post('/graphql').send({ query });

  it('are kept by their body, and retired by a write like REST reads', async () => {
    const first = await post(HOME_QUERY);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    const second = await post(HOME_QUERY);
    expect(second.headers['kabar-read-cache']).toBe('hit');
    expect(second.body).toEqual(first.body);
    await writeFromAnotherProcess();
    expect((await post(HOME_QUERY)).headers['kabar-read-cache']).toBe('miss');
  });

  it('answers with errors are not kept', async () => {
    const query = '{ articles(locale: "id") { noSuchField } }';
    await post(query);
    const again = await post(query);
    expect(again.body.errors).toBeDefined();
    expect(again.headers['kabar-read-cache']).toBeUndefined();
  });

  it('a mutation is never answered from a copy', async () => {
    const mutation = `mutation { deleteArticle(documentId: "${articleId}") { documentId } }`;
    for (let i = 0; i < 2; i++) expect((await post(mutation)).headers['kabar-read-cache']).not.toBe('hit');
    expect(titles((await request(app.server).get(LIST)).body)).toHaveLength(1);
  });
});

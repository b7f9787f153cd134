import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, rowCounts } from '../helpers/admin';
import { SEED_SLUG, SEED_TEXT } from '../helpers/seed';


let app: TestApp;
let superAdmin: string;
let editor: string;

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await adminToken(app, 'pemred@kabar.test', 'strapi-super-admin');
  editor = await adminToken(app, 'editor@kabar.test', 'strapi-editor');
});
afterAll(async () => {
  await app.stop();
});

const post = (route: string, token: string | null, body: unknown) => {
  const req = request(app.server).post(route).set('Content-Type', 'application/json');
  if (token) req.set('Authorization', `Bearer ${token}`);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
};

describe.each(['/news-importer/preview', '/news-importer/import'])('POST %s', (route) => {
  it('answers 401 without an admin session', async () => {
    expect((await post(route, null, { text: SEED_TEXT })).status).toBe(401);
  });

  it('answers 403 for an admin without the import permission', async () => {
    const response = await post(route, editor, { text: SEED_TEXT });
    expect(response.status).toBe(403);
  });

  it('answers 422 with code, message and line for text that is not an article', async () => {
    const response = await post(route, superAdmin, { text: 'Hanya satu paragraf tanpa judul, seperti potongan dari tengah berita yang tersalin.' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'NO_TITLE', message: expect.stringMatching(/title/i) });
    expect(Object.keys(response.body).sort()).toEqual(['code', 'details', 'line', 'message']);
    const empty = await post(route, superAdmin, { text: '   \n\n ' });
    expect(empty.status).toBe(422);
    expect(empty.body.code).toBe('EMPTY_INPUT');
  });

  it('answers 400 naming the field when the request is malformed', async () => {
    const noText = await post(route, superAdmin, { teks: SEED_TEXT });
    expect(noText.status).toBe(400);
    expect(noText.body.message).toMatch(/"text" is required/);
    const badLocale = await post(route, superAdmin, { text: SEED_TEXT, locale: 'fr' });
    expect(badLocale.status).toBe(400);
    expect(badLocale.body).toEqual({ code: 'BAD_REQUEST', message: '"locale" must be one of id, en.', line: null, details: { field: 'locale' } });
  });

  it('answers 413 for a body over 5 MiB and writes nothing', async () => {
    const before = await rowCounts(app);
    const response = await post(route, superAdmin, { text: SEED_TEXT + '\n\n' + 'x'.repeat(5 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(await rowCounts(app)).toEqual(before);
  });
});

describe('preview and import for an editor with the permission', () => {
  it('previews without writing: the parse result and the plan', async () => {
    const before = await rowCounts(app);
    const response = await post('/news-importer/preview', superAdmin, { text: SEED_TEXT, capturedAt: '2024-05-15T10:00:00+07:00' });
    expect(response.status).toBe(200);
    expect(response.body.article).toMatchObject({ title: 'Cina dan Rusia Janji Akan Saling Dukung', publishedAt: '2022-10-28T12:00:00+07:00' });
    expect(response.body.article.related[0].approxPublishedAt).toBe('2024-05-15T05:00:00+07:00');
    expect(response.body.plan).toMatchObject({ action: 'created', documentId: null, dryRun: true, locale: 'id', slug: SEED_SLUG });
    expect(await rowCounts(app)).toEqual(before);
  });

  it('imports, then reports unchanged for the same text', async () => {
    const first = await post('/news-importer/import', superAdmin, { text: SEED_TEXT, originalUrl: 'https://dunia.tempo.co/read/1650000/cina-dan-rusia' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ action: 'created', locale: 'id', status: 'published', counts: { photos: 2, relatedLinks: 11 } });
    const again = await post('/news-importer/import', superAdmin, { text: SEED_TEXT, originalUrl: 'https://dunia.tempo.co/read/1650000/cina-dan-rusia' });
    expect(again.body).toMatchObject({ action: 'unchanged', documentId: first.body.documentId });
    const publicRead = await request(app.server).get(`/api/articles/${first.body.documentId}`);
    expect(publicRead.body.data.originalUrl).toBe('https://dunia.tempo.co/read/1650000/cina-dan-rusia');
  });

  it('lets a role granted the permission in Settings import', async () => {
    const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-author' } });
    await app.strapi.service('admin::permission').createMany([{ action: 'plugin::news-importer.import', role: role.id, subject: null, properties: {}, conditions: [] }]);
    const author = await adminToken(app, 'penulis@kabar.test', 'strapi-author');
    const response = await post('/news-importer/preview', author, { text: SEED_TEXT });
    expect(response.status).toBe(200);
  });
});

describe('POST /api/news-importer/import for import scripts', () => {
  it('refuses the public', async () => {
    const response = await post('/api/news-importer/import', null, { text: SEED_TEXT });
    expect([401, 403]).toContain(response.status);
  });

  it('imports with a full-access API token, and refuses a read-only one', async () => {
    const tokens = app.strapi.service('admin::api-token');
    const full = (await tokens.create({ name: 'impor', type: 'full-access', lifespan: null })) as { accessKey: string };
    const readOnly = (await tokens.create({ name: 'baca', type: 'read-only', lifespan: null })) as { accessKey: string };
    const text = SEED_TEXT.replace('Cina dan Rusia Janji Akan Saling Dukung', 'Impor Lewat Token API');
    expect((await post('/api/news-importer/import', readOnly.accessKey, { text })).status).toBe(403);
    const response = await post('/api/news-importer/import', full.accessKey, { text, status: 'draft' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ action: 'created', status: 'draft', slug: 'impor-lewat-token-api' });
    expect((await request(app.server).get(`/api/articles/${response.body.documentId}`)).status).toBe(404);
  });
});

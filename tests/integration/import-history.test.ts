import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, rowCounts } from '../helpers/admin';
import { SEED_FILE_NAME, SEED_SLUG, SEED_TEXT } from '../helpers/seed';
import { getService } from '../../src/plugins/news-importer/server/src/utils';

const SEED_FILE = SEED_FILE_NAME;
const SEED_TITLE = 'Cina dan Rusia Janji Akan Saling Dukung';
const NOT_AN_ARTICLE = 'Hanya satu paragraf tanpa judul, seperti potongan dari tengah berita yang tersalin.';
const RECORD_UID = 'plugin::news-importer.import-record';

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

const importText = (body: Record<string, unknown>, token: string = superAdmin) =>
  request(app.server).post('/news-importer/import').set('Authorization', `Bearer ${token}`).send(body);

const history = async (): Promise<Array<Record<string, unknown>>> => {
  const response = await request(app.server).get('/news-importer/history').set('Authorization', `Bearer ${superAdmin}`);
  expect(response.status).toBe(200);
  return response.body.data;
};

const clearHistory = () => app.strapi.db.query(RECORD_UID as never).deleteMany({});

describe('GET /news-importer/history access', () => {
  it('answers 401 without an admin session', async () => {
    expect((await request(app.server).get('/news-importer/history')).status).toBe(401);
  });

  it('answers 403 for an admin without the import permission', async () => {
    const response = await request(app.server).get('/news-importer/history').set('Authorization', `Bearer ${editor}`);
    expect(response.status).toBe(403);
  });

  it('does not record a refused request', async () => {
    await clearHistory();
    expect((await importText({ text: SEED_TEXT, fileName: 'ditolak.txt' }, editor)).status).toBe(403);
    expect(await history()).toEqual([]);
  });
});

describe('recording imports made through the admin route', () => {
  beforeEach(clearHistory);

  it('records a created and then an unchanged import: who, file, title, action, article', async () => {
    const first = await importText({ text: SEED_TEXT, fileName: SEED_FILE });
    expect(first.status).toBe(200);
    const again = await importText({ text: SEED_TEXT, fileName: SEED_FILE });
    expect(again.body.action).toBe('unchanged');

    const [newest, oldest] = await history();
    const expected = {
      fileName: SEED_FILE,
      title: SEED_TITLE,
      outcome: 'ok',
      error: null,
      article: { documentId: first.body.documentId, locale: 'id', slug: SEED_SLUG, status: 'published' },
      warningCount: 0,
      importedBy: { via: 'admin', actor: expect.stringMatching(/^admin:\d+$/), id: expect.any(Number), name: 'Uji strapi-super-admin' },
      source: 'file',
      warnings: [],
      changes: null,
    };
    expect(oldest).toEqual({ ...expected, id: expect.any(Number), createdAt: expect.any(String), batchId: first.body.batchId, action: 'created' });
    expect(newest).toEqual({ ...expected, id: expect.any(Number), createdAt: expect.any(String), batchId: again.body.batchId, action: 'unchanged' });
    expect(first.body.batchId).not.toBe(again.body.batchId); // two requests, two batches
    expect(Date.parse(newest.createdAt as string)).toBeGreaterThanOrEqual(Date.parse(oldest.createdAt as string));
  });

  it('records a parse failure with its code and line, and imports nothing', async () => {
    const before = await rowCounts(app);
    const response = await importText({ text: NOT_AN_ARTICLE, fileName: 'potongan.txt' });
    expect(response.status).toBe(422);

    const [record] = await history();
    expect(record).toMatchObject({
      fileName: 'potongan.txt',
      title: null,
      outcome: 'error',
      action: null,
      article: null,
      error: { code: response.body.code, message: response.body.message, line: response.body.line },
    });
    expect(record.error).toMatchObject({ code: 'NO_TITLE' });
    expect(await rowCounts(app)).toEqual(before);
  });

  it('records a malformed request as BAD_REQUEST (no title: the request is refused before its text is parsed)', async () => {
    const response = await importText({ text: SEED_TEXT, locale: 'fr', fileName: 'prancis.txt' });
    expect(response.status).toBe(400);
    const [record] = await history();
    expect(record).toMatchObject({ fileName: 'prancis.txt', title: null, outcome: 'error', error: { code: 'BAD_REQUEST', line: null } });
    expect((record.error as { message: string }).message).toMatch(/"locale"/);
  });

  it('records a failure inside the import transaction, which leaves no content behind', async () => {
    const text = SEED_TEXT.replace(SEED_TITLE, 'Gagal di Tengah Jalan');
    const before = await rowCounts(app);
    // A fault after the article row was written: the photo insert fails (one by one or in bulk), the transaction rolls back.
    const fail = (): never => {
      throw new Error('disk penuh');
    };
    const unsubscribe = app.strapi.db.lifecycles.subscribe({
      models: ['api::photo.photo'],
      beforeCreate: fail,
      beforeCreateMany: fail,
    }) as unknown as () => void;
    try {
      expect((await importText({ text, fileName: 'gagal.txt' })).status).toBe(500);
    } finally {
      unsubscribe();
    }

    expect(await rowCounts(app)).toEqual(before);
    const [record] = await history();
    expect(record).toMatchObject({
      fileName: 'gagal.txt',
      title: 'Gagal di Tengah Jalan',
      outcome: 'error',
      action: null,
      article: null,
      error: { code: 'SERVER_ERROR', line: null },
    });
    expect(JSON.stringify(record)).not.toContain('disk penuh');
  });

  it('records what an update changed: fields before → after, photos and links added or removed', async () => {
    const title = 'Berita Yang Diperbarui';
    const original = SEED_TEXT.replace(SEED_TITLE, title);
    expect((await importText({ text: original, fileName: 'asli.txt' })).body.action).toBe('created');
    // The source line changes, and the first related item's title.
    const firstRelated = 'AS Batasi Izin Ekspor Teknologi untuk Cina, Qualcomm dan Intel Tak Bisa Pasok Chip ke Huawei';
    const changed = original.replace('Sumber: RT.com', 'Sumber: RT.com, Reuters').split(firstRelated).join('AS Batasi Ekspor Chip ke Huawei');
    const response = await importText({ text: changed, fileName: 'perbaikan.txt' });
    expect(response.body.action).toBe('updated');

    const [record] = await history();
    expect(record).toMatchObject({ fileName: 'perbaikan.txt', title, action: 'updated', batchId: response.body.batchId });
    expect(record.changes).toEqual({
      fields: [{ field: 'sourceName', before: 'RT.com', after: 'RT.com, Reuters' }],
      photos: { added: [], removed: [] },
      relatedLinks: { added: ['AS Batasi Ekspor Chip ke Huawei'], removed: [firstRelated] },
      byline: { added: [], removed: [] },
    });
  });

  it('records imports from the command line and the seed, by the same flow', async () => {
    const imports = getService(app.strapi, 'imports');
    const { report } = await imports.run({ text: SEED_TEXT.replace(SEED_TITLE, 'Dari Baris Perintah'), fileName: 'cli.txt' }, { kind: 'cli' });
    await expect(imports.run({ text: NOT_AN_ARTICLE, fileName: 'benih.txt' }, { kind: 'seed' })).rejects.toMatchObject({ code: 'NO_TITLE' });
    const [seed, cli] = await history();
    expect(cli).toMatchObject({ fileName: 'cli.txt', title: 'Dari Baris Perintah', outcome: 'ok', batchId: report.batchId, importedBy: { via: 'cli', actor: 'cli', id: null } });
    expect(seed).toMatchObject({ fileName: 'benih.txt', title: null, outcome: 'error', error: { code: 'NO_TITLE' }, importedBy: { via: 'seed', actor: 'seed' } });
    expect(seed.batchId).toEqual(expect.any(String));
  });

  it('records imports by API token through the content API, naming the token', async () => {
    const token = (await app.strapi.service('admin::api-token').create({ name: 'skrip impor', type: 'full-access', lifespan: null })) as { accessKey: string };
    const response = await request(app.server)
      .post('/api/news-importer/import')
      .set('Authorization', `Bearer ${token.accessKey}`)
      .send({ text: SEED_TEXT.replace(SEED_TITLE, 'Lewat Skrip'), status: 'draft' });
    expect(response.status).toBe(200);
    const [record] = await history();
    expect(record).toMatchObject({ title: 'Lewat Skrip', fileName: null, action: 'created', importedBy: { via: 'content-api', actor: 'api-token:skrip impor', id: null, name: 'skrip impor' } });
  });

  it('does not record previews', async () => {
    const response = await request(app.server).post('/news-importer/preview').set('Authorization', `Bearer ${superAdmin}`).send({ text: SEED_TEXT });
    expect(response.status).toBe(200);
    expect(await history()).toEqual([]);
  });

  it('returns the last 50, newest first', async () => {
    for (let n = 1; n <= 55; n += 1) {
      expect((await importText({ text: NOT_AN_ARTICLE, fileName: `berkas-${String(n).padStart(2, '0')}.txt` })).status).toBe(422);
    }
    const records = await history();
    expect(records).toHaveLength(50);
    expect(records.map((record) => record.fileName)).toEqual(
      Array.from({ length: 50 }, (_, i) => `berkas-${String(55 - i).padStart(2, '0')}.txt`)
    );
    expect(await app.strapi.db.query(RECORD_UID as never).count({})).toBe(55);
  });
});

describe('the history is not public', () => {
  it.each(['/api/import-records', '/api/news-importer/import-records', '/api/news-importer/history', '/api/news-importer/import-record'])(
    'GET %s is not found',
    async (route) => {
      expect((await request(app.server).get(route)).status).toBe(404);
    }
  );

  it('gives the users-permissions roles no action on the plugin but the token-guarded import', async () => {
    const roles = await app.strapi.db.query('plugin::users-permissions.role').findMany({});
    const rows: Array<{ action: string }> = await app.strapi.db
      .query('plugin::users-permissions.permission')
      .findMany({ where: { role: { id: { $in: roles.map((role: { id: number }) => role.id) } }, action: { $contains: 'news-importer' } } });
    expect(rows).toEqual([]);

    // The actions Settings › Users & Permissions can grant: only the import route, nothing on the history.
    const response = await request(app.server).get('/users-permissions/permissions').set('Authorization', `Bearer ${superAdmin}`);
    expect(response.status).toBe(200);
    expect(response.body.permissions['plugin::news-importer']).toEqual({ controllers: { import: { import: { enabled: false, policy: '' } } } });
  });

  it('is not in the GraphQL schema', async () => {
    const response = await request(app.server).post('/graphql').send({ query: '{ importRecords { documentId } }' });
    expect(response.body.errors?.[0]?.message).toMatch(/Cannot query field "importRecords"/);
  });

  it('is hidden from the Content Manager', async () => {
    const response = await request(app.server).get('/content-manager/content-types').set('Authorization', `Bearer ${superAdmin}`);
    const record = (response.body.data as Array<{ uid: string; isDisplayed: boolean }>).find((type) => type.uid === RECORD_UID);
    expect(record).toMatchObject({ isDisplayed: false });
  });
});

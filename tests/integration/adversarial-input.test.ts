import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, rowCounts } from '../helpers/admin';

/**
 * Issue 9, adversarial callers: what a hostile or careless import request sends must come back as a
 * 422 naming the field (and line), the same on SQLite and PostgreSQL, with nothing half-written; and
 * what is stored must be safe to put on a page.
 */

let app: TestApp;
let admin: string;
let apiToken: string;

beforeAll(async () => {
  app = await startStrapi();
  admin = await adminToken(app, 'pemred@kabar.test', 'strapi-super-admin');
  apiToken = ((await app.strapi.service('admin::api-token').create({ name: 'impor', type: 'full-access', lifespan: null })) as { accessKey: string }).accessKey;
});
afterAll(async () => {
  await app.stop();
});

const ADMIN_IMPORT = '/news-importer/import';
const API_IMPORT = '/api/news-importer/import';
const ROUTES = [
  ['admin import', ADMIN_IMPORT],
  ['admin preview', '/news-importer/preview'],
  ['API-token import', API_IMPORT],
] as const;

/** Posts a JSON body (an object, or raw bytes sent as they are) with the credential the route takes. */
const post = (route: string, body: unknown) =>
  request(app.server)
    .post(route)
    .set('Content-Type', 'application/json')
    .set('Authorization', `Bearer ${route.startsWith('/api/') ? apiToken : admin}`)
    // superagent would JSON-encode a Buffer ({ type: 'Buffer', data: [...] }) for a JSON content type.
    .serialize((raw: unknown) => raw as string)
    .send(Buffer.isBuffer(body) ? body : JSON.stringify(body));

const HOSTILE = '</script><script>alert(1)</script> & Kawan\u2028Baris';

/** A small Tempo-shaped page; `lines` replace the defaults by line (1-based) before blank lines are put between. */
function page({ title = 'Berita Uji Masukan', date = 'Jumat, 28 Oktober 2022 12:00 WIB', caption = 'Foto uji di Jakarta. TEMPO/Subekti', readAlso = 'Berita Lain', extra = [] as string[] } = {}): string {
  return [
    title,
    'Reporter',
    'Tempo.co',
    ...(date ? [date] : []),
    caption,
    'TEMPO.CO, Jakarta - Paragraf pertama berita ini cukup panjang untuk menjadi badan berita uji.',
    'Paragraf kedua juga selesai dengan titik.',
    `Baca juga: ${readAlso}`,
    ...extra,
  ].join('\n');
}

describe('JSON-LD of an article whose title and caption carry markup', () => {
  it('is JSON without <, >, & or raw U+2028 that parses back to the original strings', async () => {
    const imported = await post(API_IMPORT, { text: page({ title: `Uji ${HOSTILE}`, caption: `Foto ${HOSTILE} di Jakarta. TEMPO/Subekti` }) });
    expect(imported.status).toBe(200);
    const response = await request(app.server).get(`/api/articles/slug/${imported.body.slug}/jsonld?locale=id`).set('Authorization', `Bearer ${apiToken}`);
    expect(response.status).toBe(200);
    const raw = response.text;
    expect(raw).not.toMatch(/[<>&\u2028\u2029]/);
    expect(raw).toContain('Uji \\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 Kawan\\u2028Baris');
    const jsonLd = JSON.parse(raw);
    expect(jsonLd.headline).toBe(`Uji ${HOSTILE}`);
    expect(jsonLd.image[0].caption).toBe(`Foto ${HOSTILE} di Jakarta.`);
  });
});

describe('originalUrl', () => {
  it.each(ROUTES)('%s: refuses javascript:, data: and relative URLs with 422 BAD_URL naming the field, writing nothing', async (_name, route) => {
    const before = await rowCounts(app);
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'ftp://tempo.co/a', '/read/1']) {
      const response = await post(route, { text: page(), originalUrl: url });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ code: 'BAD_URL', message: expect.stringMatching(/^"originalUrl" .*only http and https URLs are accepted/), line: null, details: { field: 'originalUrl' } });
    }
    expect(await rowCounts(app)).toEqual(before);
  });

  it('keeps a 1,026-character https URL whole', async () => {
    const url = `https://www.tempo.co/read/1650000/${'a'.repeat(1026 - 'https://www.tempo.co/read/1650000/'.length)}`;
    expect(url).toHaveLength(1026);
    const response = await post(ADMIN_IMPORT, { text: page({ title: 'Berita Dengan URL Panjang' }), originalUrl: url });
    expect(response.status).toBe(200);
    const row = await app.strapi.db.query('api::article.article').findOne({ where: { documentId: response.body.documentId, publishedAt: { $notNull: true } } });
    expect(row.originalUrl).toBe(url);
    const again = await post(ADMIN_IMPORT, { text: page({ title: 'Berita Dengan URL Panjang' }), originalUrl: url });
    expect(again.body).toMatchObject({ action: 'unchanged', documentId: response.body.documentId });
  });

  it('refuses a URL over 2,048 characters with 422 TOO_LONG, writing nothing', async () => {
    const before = await rowCounts(app);
    const response = await post(API_IMPORT, { text: page(), originalUrl: `https://www.tempo.co/${'a'.repeat(2100)}` });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({ code: 'TOO_LONG', message: '"originalUrl" is 2121 characters long; at most 2048 are accepted. Give the article\'s address without tracking parameters.', line: null, details: { field: 'originalUrl' } });
    expect(await rowCounts(app)).toEqual(before);
  });
});

describe('long values from the page', () => {
  it('keeps a 320-character read-also title', async () => {
    const title = `Judul ${'panjang '.repeat(38)}penutupnya`;
    expect(title).toHaveLength(320);
    const response = await post(API_IMPORT, { text: page({ title: 'Berita Dengan Baca Juga Panjang', readAlso: title }) });
    expect(response.status).toBe(200);
    const links = await app.strapi.db.query('api::related-link.related-link').findMany({ where: { kind: 'readAlso', article: { documentId: response.body.documentId } } });
    expect(links.map((link: { title: string }) => link.title)).toEqual([title, title]); // draft and published
  });

  it('refuses a dateline city over 255 characters with 422 TOO_LONG and its line, writing nothing', async () => {
    const before = await rowCounts(app);
    const city = `K${'a'.repeat(299)}`;
    const text = page().replace('TEMPO.CO, Jakarta - ', `TEMPO.CO, ${city} - `);
    const response = await post(ADMIN_IMPORT, { text });
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      code: 'TOO_LONG',
      message: `The article.dateline "${city.slice(0, 40)}…" on line 6 is 300 characters long; Kabar keeps at most 255. Shorten it in the page's text.`,
      line: 6,
      details: null,
    });
    expect(await rowCounts(app)).toEqual(before);
  });
});

describe('dates', () => {
  it.each(ROUTES)('%s: refuses capturedAt +275760-09-13 on an undated page with 422 DATE_OUT_OF_RANGE, writing nothing', async (_name, route) => {
    const before = await rowCounts(app);
    const response = await post(route, { text: page({ date: '' }), capturedAt: '+275760-09-13T00:00:00Z' });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'DATE_OUT_OF_RANGE', message: expect.stringMatching(/^capturedAt "\+275760-09-13T00:00:00Z" is outside the accepted range \(1900-01-01 to /), line: null });
    expect(await rowCounts(app)).toEqual(before);
  });

  it('refuses a date line in 1850 with 422 DATE_OUT_OF_RANGE and its line', async () => {
    const response = await post(ADMIN_IMPORT, { text: page({ date: 'Senin, 7 Januari 1850' }) });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'DATE_OUT_OF_RANGE', message: expect.stringMatching(/^"Senin, 7 Januari 1850" is a date outside the accepted range .* Correct the date on line 4/), line: 4 });
  });

  it.each(ROUTES)('%s: reports Kamis, 31 Februari 2022 as INVALID_DATE on line 7, capturedAt or not', async (_name, route) => {
    const before = await rowCounts(app);
    const text = ['Judul Tanggal Rusak', '', 'Reporter', '', 'Tempo.co', '', 'Kamis, 31 Februari 2022', '', 'TEMPO.CO, Jakarta - Paragraf pertama berita ini cukup panjang untuk menjadi badan berita.'].join('\n');
    for (const body of [{ text }, { text, capturedAt: '2024-05-15T10:00:00+07:00' }]) {
      const response = await post(route, body);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'INVALID_DATE', message: expect.stringMatching(/^"Kamis, 31 Februari 2022" looks like a date line but is not a calendar date .* Correct the date on line 7/), line: 7 });
    }
    expect(await rowCounts(app)).toEqual(before);
  });

  it('lists imported articles in GraphQL after all this (no invalid date-time stored)', async () => {
    const response = await request(app.server)
      .post('/graphql')
      .set('Authorization', `Bearer ${apiToken}`)
      .send({ query: '{ articles(locale: "id", pagination: { limit: 100 }) { title publishedDate } }' });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.articles.length).toBeGreaterThan(0);
  });
});

describe('invalid UTF-8 in the JSON body', () => {
  const body = (bad: number[]) =>
    Buffer.concat([Buffer.from('{"text":"Judul Berita Bukan UTF8\\n\\nJumat, 28 Oktober 2022 12:00 WIB\\n\\nTEMPO.CO, Jakarta - Paragraf ', 'utf8'), Buffer.from(bad), Buffer.from(' pertama.\\n"}', 'utf8')]);

  it.each(ROUTES)('%s: 422 NOT_TEXT with the line of the text, as the CLI says of such a file; nothing written', async (_name, route) => {
    const before = await rowCounts(app);
    const response = await post(route, body([0xff, 0xfe]));
    expect(response.status).toBe(422);
    expect(response.body).toEqual({
      code: 'NOT_TEXT',
      message: '"text" is not valid UTF-8 (first bad byte at offset 101 of the request body, line 5 of the text); send the page as UTF-8 text.',
      line: 5,
      details: { field: 'text' },
    });
    expect(await rowCounts(app)).toEqual(before);
    if (route.endsWith('/import')) {
      // Recorded in the import history like any other refused import.
      const [record] = await app.strapi.db.query('plugin::news-importer.import-record').findMany({ orderBy: { id: 'desc' }, limit: 1 });
      expect(record).toMatchObject({ outcome: 'error', errorCode: 'NOT_TEXT', errorLine: 5 });
    }
  });

  it('still imports valid UTF-8 sent as bytes, a literal U+FFFD included', async () => {
    const response = await post(API_IMPORT, Buffer.from(JSON.stringify({ text: page({ title: 'Berita Dengan Tanda \uFFFD Pengganti' }) }), 'utf8'));
    expect(response.status).toBe(200);
    const row = await app.strapi.db.query('api::article.article').findOne({ where: { documentId: response.body.documentId } });
    expect(row.title).toBe('Berita Dengan Tanda \uFFFD Pengganti');
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await post(ADMIN_IMPORT, Buffer.from('{"text": ', 'utf8'));
    expect(response.status).toBe(400);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import { uploadTestImage } from '../helpers/media';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createArticleGraph, paragraphs, type ArticleGraph } from '../helpers/builders';
import { SEED_SLUG } from '../helpers/seed';

/**
 * The frontend API (README, "Frontend API"): the article page by slug, its JSON-LD, GraphQL parity,
 * conditional GETs and the language fallback, on the seeded Tempo article and on built articles.
 */

const BUILT_SLUG = 'uji-halaman-artikel';
const EN_SLUG = 'china-and-russia-pledge-mutual-support';
const SITE = 'https://kabar.example/{locale}/{slug}';

let app: TestApp;
let built: ArticleGraph;
let token: string;

const get = (url: string) => request(app.server).get(url);
const graphql = (query: string, variables: Record<string, unknown> = {}, auth?: string) => {
  const call = request(app.server).post('/graphql');
  if (auth) call.set('Authorization', `Bearer ${auth}`);
  return call.send({ query, variables });
};


beforeAll(async () => {
  app = await startStrapi({ NEWS_IMPORTER_AUTO_SEED: 'true', PUBLIC_SITE_URL: SITE, SITE_PUBLISHER_NAME: 'Kabar Uji' });
  // A second article with an English version, a photo with an image and a link whose target is in the CMS.
  built = await createArticleGraph(app.strapi, { slug: BUILT_SLUG, title: 'Uji Halaman Artikel', english: true });
  const seeded = await app.strapi.db.query('api::article.article').findOne({ where: { slug: SEED_SLUG, locale: 'id' } });
  const imageId = await uploadTestImage(app, '#336699');
  await app.strapi.documents('api::photo.photo').update({
    documentId: built.photoIds[0]!,
    locale: 'id',
    status: 'published',
    data: { image: imageId, photographer: 'Stefani Reynolds' } as never,
  });
  await app.strapi.documents('api::related-link.related-link').update({
    documentId: built.linkIds[1]!,
    locale: 'id',
    status: 'published',
    data: { target: seeded.documentId } as never,
  });
  // A draft-only article.
  await createArticleGraph(app.strapi, { slug: 'rahasia-redaksi', title: 'Rahasia Redaksi', status: 'draft' });
  // A preview frontend's token: the page actions are not `find`/`findOne`, so a read-only token does not cover them.
  token = ((await app.strapi.service('admin::api-token').create({
    name: 'preview',
    type: 'custom',
    lifespan: null,
    permissions: [
      'api::article.article.find',
      'api::article.article.findBySlug',
      'api::article.article.jsonLdBySlug',
      'api::photo.photo.find',
      'api::reporter.reporter.find',
      'api::related-link.related-link.find',
    ],
  })) as { accessKey: string }).accessKey;
});
afterAll(async () => {
  await app.stop();
});

describe('GET /api/articles/slug/:slug', () => {
  it('answers the seeded article with its byline, photos and related links, no populate needed', async () => {
    const response = await get(`/api/articles/slug/${SEED_SLUG}?locale=id`);
    expect(response.status).toBe(200);
    expect(response.headers['content-language']).toBe('id');
    const { data, meta } = response.body;
    expect(data).toMatchObject({
      title: 'Cina dan Rusia Janji Akan Saling Dukung',
      slug: SEED_SLUG,
      locale: 'id',
      publishedDate: '2022-10-28T05:00:00.000Z',
      outlet: 'Tempo.co',
      sourceName: 'RT.com',
    });
    expect(data.body.length).toBeGreaterThan(3);
    expect(data.reporters.map((r: { name: string; kind: string }) => [r.name, r.kind])).toEqual([['Tempo.co', 'desk']]);
    expect(data.editors).toEqual([]);
    expect(data.photos.map((p: { position: number }) => p.position)).toEqual([...data.photos.map((p: { position: number }) => p.position)].sort((a, b) => a - b));
    expect(data.photos[0]).toMatchObject({ credit: 'Stefani Reynolds/Pool via REUTERS', photographer: 'Stefani Reynolds', agency: 'REUTERS', image: null });
    expect(data.relatedLinks).toHaveLength(11);
    const positions = data.relatedLinks.map((l: { position: number }) => l.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(data).not.toHaveProperty('importKey');
    expect(data).not.toHaveProperty('contentHash');
    expect(meta).toEqual({ locale: 'id', requestedLocale: 'id', fallback: false, alternates: [{ locale: 'id', slug: SEED_SLUG }] });
  });

  it('uses the default locale (id) when none is asked for', async () => {
    const response = await get(`/api/articles/slug/${SEED_SLUG}`);
    expect(response.status).toBe(200);
    expect(response.body.data.locale).toBe('id');
  });

  it('includes image formats when a photo has an image, and the target slug of a related link', async () => {
    const { data } = (await get(`/api/articles/slug/${BUILT_SLUG}?locale=id`)).body;
    expect(data.photos.map((p: { position: number }) => p.position)).toEqual([0, 3]);
    expect(data.photos[0].image).toMatchObject({ width: 400, height: 300, mime: 'image/png' });
    expect(data.photos[0].image.url).toMatch(/^\/uploads\/.+\.png$/);
    expect(data.photos[0].image.formats.thumbnail.url).toMatch(/^\/uploads\/thumbnail_.+\.png$/);
    expect(data.photos[1].image).toBeNull();
    expect(data.relatedLinks.map((l: { title: string }) => l.title)).toEqual([
      'Rishi Sunak Jadi PM Inggris',
      'AS Batasi Izin Ekspor Teknologi untuk Cina',
    ]);
    expect(data.relatedLinks[0].target).toBeNull();
    expect(data.relatedLinks[1].target).toMatchObject({ slug: SEED_SLUG });
    expect(data.editors.map((r: { name: string }) => r.name)).toEqual(['Maria Rita Hasugian']);
    expect(data.translators.map((r: { name: string }) => r.name)).toEqual(['Ida Rosdalina']);
  });

  it('answers 404 with a clear body when there is no such published article in that locale', async () => {
    for (const url of [
      '/api/articles/slug/tidak-ada-artikel-ini?locale=id',
      `/api/articles/slug/${SEED_SLUG}?locale=en`,
      '/api/articles/slug/rahasia-redaksi?locale=id',
      '/api/articles/slug/rahasia-redaksi?locale=id&status=draft',
    ]) {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(response.body.data).toBeNull();
      expect(response.body.error).toMatchObject({ status: 404, name: 'NotFoundError' });
      expect(response.body.error.message).toMatch(/No published article has the slug "[a-z-]+" in locale "(id|en)"/);
    }
    expect((await get(`/api/articles/slug/${SEED_SLUG}?locale=en`)).body.error.message).toMatch(/fallback=true/);
  });

  it('answers 400 for a malformed slug, an unknown parameter or a bad fallback value', async () => {
    for (const [url, message] of [
      ['/api/articles/slug/Bukan_Slug', /slug must be lower-case/],
      [`/api/articles/slug/${SEED_SLUG}?populate=*`, /Unknown query parameter\(s\): populate/],
      [`/api/articles/slug/${SEED_SLUG}?fallback=ya`, /fallback must be true or false/],
      [`/api/articles/slug/${SEED_SLUG}?locale=Indonesia!`, /not a locale code/],
    ] as const) {
      const response = await get(url);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(message);
    }
  });

  it('lets an API token read a draft, for previews, without caching headers', async () => {
    const response = await get('/api/articles/slug/rahasia-redaksi?locale=id&status=draft').set('Authorization', `Bearer ${token}`);
    expect(response.status).toBe(200);
    expect(response.body.data.title).toBe('Rahasia Redaksi');
    expect(response.body.data.publishedAt).toBeNull();
    expect(response.headers.etag).toBeUndefined();
    expect(response.headers['cache-control']).toBeUndefined();
  });
});

describe('language fallback', () => {
  it('answers the default-locale version with Content-Language when asked and there is no translation', async () => {
    const response = await get(`/api/articles/slug/${SEED_SLUG}?locale=en&fallback=true`);
    expect(response.status).toBe(200);
    expect(response.headers['content-language']).toBe('id');
    expect(response.body.data).toMatchObject({ slug: SEED_SLUG, locale: 'id' });
    expect(response.body.meta).toMatchObject({ locale: 'id', requestedLocale: 'en', fallback: true });
  });

  it('answers the translation when the article has one, whichever language the slug is in', async () => {
    const response = await get(`/api/articles/slug/${BUILT_SLUG}?locale=en&fallback=true`);
    expect(response.status).toBe(200);
    expect(response.headers['content-language']).toBe('en');
    expect(response.body.data).toMatchObject({ slug: EN_SLUG, title: 'China and Russia Pledge Mutual Support', locale: 'en' });
    expect(response.body.meta.fallback).toBe(false);
    expect(response.body.meta.alternates).toEqual([
      { locale: 'en', slug: EN_SLUG },
      { locale: 'id', slug: BUILT_SLUG },
    ]);
    // The English version's own photo, in English.
    expect(response.body.data.photos.map((p: { caption: string }) => p.caption)).toEqual(['Chinese Foreign Minister Wang Yi in Nusa Dua, Bali.']);
  });

  it('still answers 404 with fallback=true for a slug no published article has', async () => {
    expect((await get('/api/articles/slug/tidak-ada?locale=en&fallback=true')).status).toBe(404);
  });
});

describe('conditional GETs', () => {
  const url = `/api/articles/slug/${BUILT_SLUG}?locale=id`;

  it('sends an ETag and a short Cache-Control with stale-while-revalidate, and 304 for If-None-Match', async () => {
    const first = await get(url);
    expect(first.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(first.headers.vary).toMatch(/Authorization/);
    const again = await get(url).set('If-None-Match', first.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.etag).toBe(first.headers.etag);
    expect((await get(url).set('If-None-Match', 'W/"something-else"')).status).toBe(200);
  });

  it('changes the ETag when the article, a photo, a reporter or a related link changes', async () => {
    const etag = async (): Promise<string> => (await get(url)).headers.etag!;
    const jsonLdEtag = async (): Promise<string> => (await get(`/api/articles/slug/${BUILT_SLUG}/jsonld?locale=id`)).headers.etag!;
    const seen = new Set([await etag()]);
    const pageEtagBefore = await etag();
    expect(await jsonLdEtag()).not.toBe(pageEtagBefore);

    const edits: Array<[string, () => Promise<unknown>]> = [
      ['article', () => app.strapi.documents('api::article.article').update({ documentId: built.articleId, locale: 'id', status: 'published', data: { subtitle: 'Diperbarui' } as never })],
      ['photo', () => app.strapi.documents('api::photo.photo').update({ documentId: built.photoIds[1]!, locale: 'id', status: 'published', data: { caption: 'Keterangan baru' } as never })],
      ['reporter', () => app.strapi.documents('api::reporter.reporter').update({ documentId: built.reporterIds.editor, data: { name: 'Maria R. Hasugian' } as never })],
      ['related link', () => app.strapi.documents('api::related-link.related-link').update({ documentId: built.linkIds[0]!, locale: 'id', status: 'published', data: { title: 'Judul baru' } as never })],
      ['new photo', () => app.strapi.documents('api::photo.photo').create({ locale: 'id', status: 'published', data: { caption: 'Foto tambahan', position: 9, article: built.articleId } as never })],
    ];
    for (const [what, edit] of edits) {
      const before = await get(url);
      await edit();
      const after = await get(url).set('If-None-Match', before.headers.etag!);
      expect([what, after.status]).toEqual([what, 200]);
      expect(seen.has(after.headers.etag!)).toBe(false);
      seen.add(after.headers.etag!);
    }
    const page = (await get(url)).body.data;
    expect(page.subtitle).toBe('Diperbarui');
    expect(page.editors[0].name).toBe('Maria R. Hasugian');
    expect(page.photos.map((p: { caption: string }) => p.caption)).toContain('Foto tambahan');
  });

  it('answers a repeated read with the same bytes and headers (from the page cache)', async () => {
    for (const target of [url, `/api/articles/slug/${BUILT_SLUG}/jsonld?locale=id`, `/api/articles/slug/${SEED_SLUG}?locale=en&fallback=true`]) {
      const a = await get(target).set('Host', 'kabar.test');
      const b = await get(target).set('Host', 'kabar.test');
      expect(b.status).toBe(200);
      expect(b.text).toBe(a.text);
      for (const header of ['etag', 'content-type', 'content-language', 'cache-control']) expect([header, b.headers[header]]).toEqual([header, a.headers[header]]);
    }
  });

  it('does not change the ETag when nothing changed', async () => {
    const a = await get(url);
    const b = await get(url);
    expect(b.headers.etag).toBe(a.headers.etag);
  });

  it('answers 304 on the article list too, and changes its ETag with the content', async () => {
    const list = await get('/api/articles?locale=id&sort=publishedDate:desc');
    expect(list.status).toBe(200);
    expect(list.headers.etag).toMatch(/^W\//);
    expect(list.headers['cache-control']).toMatch(/stale-while-revalidate/);
    expect((await get('/api/articles?locale=id&sort=publishedDate:desc').set('If-None-Match', list.headers.etag!)).status).toBe(304);
    await app.strapi.documents('api::article.article').update({ documentId: built.articleId, locale: 'id', status: 'published', data: { section: 'Dunia' } as never });
    const changed = await get('/api/articles?locale=id&sort=publishedDate:desc').set('If-None-Match', list.headers.etag!);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(list.headers.etag);
  });

  it('sends no caching headers to an API-token caller', async () => {
    for (const target of [url, '/api/articles?locale=id']) {
      const response = await get(target).set('Authorization', `Bearer ${token}`);
      expect(response.status).toBe(200);
      expect(response.headers.etag).toBeUndefined();
      expect(response.headers['cache-control']).toBeUndefined();
    }
  });
});

describe('GET /api/articles (listing)', () => {
  it('leaves out the body unless fields are asked for', async () => {
    const light = await get('/api/articles?locale=id');
    expect(light.status).toBe(200);
    expect(light.body.data.length).toBe(2);
    for (const article of light.body.data) {
      expect(article).not.toHaveProperty('body');
      expect(article).toHaveProperty('title');
      expect(article).toHaveProperty('slug');
      expect(article).toHaveProperty('publishedDate');
      expect(article).not.toHaveProperty('importKey');
    }
    const full = await get('/api/articles?locale=id&fields[0]=title&fields[1]=body');
    expect(full.status).toBe(200);
    expect(Object.keys(full.body.data[0]).sort()).toEqual(['body', 'documentId', 'id', 'title']);
    const all = await get('/api/articles?locale=id&fields=*');
    expect(all.body.data[0].body.length).toBeGreaterThan(0);
  });

  it('still takes the usual Strapi parameters', async () => {
    const response = await get(`/api/articles?locale=id&filters[slug][$eq]=${SEED_SLUG}&populate[reporters][fields][0]=name&pagination[pageSize]=1`);
    expect(response.status).toBe(200);
    expect(response.body.data).toHaveLength(1);
    expect(response.body.data[0].reporters).toEqual([expect.objectContaining({ name: 'Tempo.co' })]);
    expect(response.body.meta.pagination).toMatchObject({ pageSize: 1, total: 1 });
    expect((await get('/api/articles?bogus=1')).status).toBe(400);
  });
});

describe('GET /api/articles/slug/:slug/jsonld', () => {
  let ld: Record<string, any>;
  beforeAll(async () => {
    const response = await get(`/api/articles/slug/${SEED_SLUG}/jsonld?locale=id`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/ld+json; charset=utf-8');
    ld = JSON.parse(response.text);
  });

  it('is a schema.org NewsArticle with the properties Google recommends for articles', () => {
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe('Cina dan Rusia Janji Akan Saling Dukung');
    expect(ld.datePublished).toBe('2022-10-28T12:00:00+07:00');
    expect(ld.dateModified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?\+07:00$/);
    expect(ld.inLanguage).toBe('id');
    expect(ld.author).toEqual([{ '@type': 'Organization', name: 'Tempo.co' }]);
    expect(ld.image).toHaveLength(2);
    for (const image of ld.image) expect(image['@type']).toBe('ImageObject');
  });

  it('turns each photo credit into creditText, a creator Person and a copyrightHolder Organization', () => {
    expect(ld.image[0]).toMatchObject({
      caption: expect.stringMatching(/^Menteri Luar Negeri China Wang Yi/),
      creditText: 'Stefani Reynolds/Pool via REUTERS',
      creator: { '@type': 'Person', name: 'Stefani Reynolds' },
      copyrightHolder: { '@type': 'Organization', name: 'REUTERS' },
    });
  });

  it('names the outlet as publisher, the source as isBasedOn, and the public URL', () => {
    expect(ld.publisher).toEqual({ '@type': 'Organization', name: 'Tempo.co' });
    expect(ld.url).toBe(`https://kabar.example/id/${SEED_SLUG}`);
    expect(ld.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': ld.url });
    const basedOn = [ld.isBasedOn].flat();
    expect(basedOn).toContainEqual({ '@type': 'CreativeWork', name: 'RT.com', publisher: { '@type': 'Organization', name: 'RT.com' } });
  });

  it('has editors, translators and absolute image URLs for a built article', async () => {
    const built = JSON.parse((await get(`/api/articles/slug/${BUILT_SLUG}/jsonld?locale=id`)).text);
    expect(built.editor).toMatchObject({ '@type': 'Person' });
    expect(built.translator).toEqual({ '@type': 'Person', name: 'Ida Rosdalina' });
    expect(built.image[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/uploads\/.+\.png$/);
    expect(built.image[0]).toMatchObject({ width: 400, height: 300, creator: { '@type': 'Person', name: 'Stefani Reynolds' } });
  });

  it('follows the fallback and answers 304 like the page', async () => {
    // A fixed Host: media URLs are absolute against the request's origin, so the ETag depends on it.
    const response = await get(`/api/articles/slug/${SEED_SLUG}/jsonld?locale=en&fallback=true`).set('Host', 'kabar.test');
    expect(response.status).toBe(200);
    expect(response.headers['content-language']).toBe('id');
    expect(JSON.parse(response.text).inLanguage).toBe('id');
    const again = await get(`/api/articles/slug/${SEED_SLUG}/jsonld?locale=en&fallback=true`)
      .set('Host', 'kabar.test')
      .set('If-None-Match', response.headers.etag!);
    expect(again.status).toBe(304);
    expect((await get('/api/articles/slug/tidak-ada/jsonld')).status).toBe(404);
  });
});

describe('GraphQL articleBySlug', () => {
  const QUERY = `query($slug: String!, $locale: I18NLocaleCode, $fallback: Boolean) {
    articleBySlug(slug: $slug, locale: $locale, fallback: $fallback) {
      documentId title slug locale publishedDate outlet
      reporters { name kind } editors { name } translators { name }
      photos(sort: "position:asc") { caption credit photographer agency position image { url formats } }
      relatedLinks(sort: "position:asc", pagination: { limit: 100 }) { title kind position target { slug } }
    }
  }`;

  it('answers the same article as REST in one query', async () => {
    const response = await graphql(QUERY, { slug: BUILT_SLUG, locale: 'id' });
    expect(response.body.errors).toBeUndefined();
    const article = response.body.data.articleBySlug;
    const rest = (await get(`/api/articles/slug/${BUILT_SLUG}?locale=id`)).body.data;
    expect(article).toMatchObject({ documentId: rest.documentId, title: rest.title, locale: 'id' });
    expect(article.reporters).toEqual(rest.reporters.map((r: { name: string; kind: string }) => ({ name: r.name, kind: r.kind })));
    expect(article.photos.map((p: { caption: string }) => p.caption)).toEqual(rest.photos.map((p: { caption: string }) => p.caption));
    expect(article.photos[0].image.formats.thumbnail.url).toBe(rest.photos[0].image.formats.thumbnail.url);
    expect(article.relatedLinks.map((l: { title: string; target: { slug: string } | null }) => [l.title, l.target?.slug ?? null])).toEqual(
      rest.relatedLinks.map((l: { title: string; target: { slug: string } | null }) => [l.title, l.target?.slug ?? null])
    );
  });

  it('falls back to the default locale when asked, and answers null when there is no such article', async () => {
    const fallback = await graphql(QUERY, { slug: SEED_SLUG, locale: 'en', fallback: true });
    expect(fallback.body.data.articleBySlug).toMatchObject({ slug: SEED_SLUG, locale: 'id' });
    expect(fallback.body.data.articleBySlug.relatedLinks).toHaveLength(11);
    expect((await graphql(QUERY, { slug: SEED_SLUG, locale: 'en' })).body.data.articleBySlug).toBeNull();
  });

  it('keeps drafts private, and shows them to an API token', async () => {
    const query = '{ articleBySlug(slug: "rahasia-redaksi", status: DRAFT) { title photos { caption } } }';
    expect((await graphql(query)).body.data.articleBySlug).toBeNull();
    const preview = await graphql(query, {}, token);
    expect(preview.body.data.articleBySlug.title).toBe('Rahasia Redaksi');
    expect(preview.body.data.articleBySlug.photos).toHaveLength(2);
  });

  it('refuses an over-deep query', async () => {
    const deep = `{ articleBySlug(slug: "${BUILT_SLUG}") { relatedLinks { target { relatedLinks { target { relatedLinks { target { relatedLinks { title } } } } } } } } }`;
    const response = await graphql(deep);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].message).toMatch(/exceeds maximum operation depth of 7/);
    expect(response.body.data).toBeUndefined();
  });

  it('caps page sizes at 100', async () => {
    const response = await graphql('{ articles_connection(pagination: { pageSize: 1000 }) { pageInfo { pageSize } } }');
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.articles_connection.pageInfo.pageSize).toBe(100);
  });
});

describe('the body of a built page', () => {
  it('keeps the blocks as stored', async () => {
    const { data } = (await get(`/api/articles/slug/${BUILT_SLUG}?locale=id`)).body;
    expect(data.body.slice(0, 1)).toEqual(paragraphs('Menteri Luar Negeri Cina Wang Yi berjanji akan mendukung Rusia untuk mendapatkan kembali status sebagai negara kekuatan dunia.'));
  });
});

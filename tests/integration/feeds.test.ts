import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import sharp from 'sharp';
import Parser from 'rss-parser';
import { uploadTestImage } from '../helpers/media';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createArticleGraph, paragraphs } from '../helpers/builders';
import { SEED_SLUG } from '../helpers/seed';
import { validAtom, validNinjs, validSitemap, validSitemapIndex, wellFormed } from '../helpers/validators';

/**
 * Feeds, sitemaps and ninjs (README, "Feeds, sitemaps and ninjs") on a real Strapi, each checked by a
 * real validator: rss-parser reads the RSS and Atom, xmllint checks Atom against RFC 4287's RELAX NG
 * schema and the sitemaps against the sitemaps.org and Google News XSDs, Ajv checks ninjs against
 * IPTC's JSON Schema.
 */

const SITE = 'https://kabar.example/{locale}/{slug}';
const EN_SLUG = 'china-and-russia-pledge-mutual-support';
const HOSTILE_SLUG = 'judul-berbahaya';
const HOSTILE_TITLE = 'Ada <script>alert(1)</script> & "kutip" ]]> di sini\u0001';
const RECENT_SLUG = 'harga-beras-naik-lagi';
const SECRET = 'zirkonium';
const FILLERS = 52;
/** In the titles and slugs of the withdrawn and embargoed articles: never in a feed or sitemap. */
const HIDDEN = 'kobalt';

let app: TestApp;
let graphId: string;
/** One listening address: the feeds' self links and media URLs, and so their ETags, include the origin. */
let base: string;
const get = (url: string) => request(base).get(url);
const parser = new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } });
const text = (response: request.Response): string => (typeof response.text === 'string' ? response.text : String(response.body));

/** A published article in Indonesian, through the Document Service. */
async function publish(data: {
  slug: string;
  title: string;
  section: string;
  publishedDate: string;
  subtitle?: string;
  withdrawnAt?: string;
  withdrawalReason?: string;
  embargoedUntil?: string;
}): Promise<string> {
  const created = await app.strapi.documents('api::article.article').create({
    locale: 'id',
    status: 'published',
    data: { ...data, body: paragraphs(`Paragraf pertama ${data.title}.`, 'Paragraf kedua.'), outlet: 'Tempo.co' } as never,
  });
  return created.documentId;
}


const ONE_HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  app = await startStrapi({ PUBLIC_SITE_URL: SITE, SITE_PUBLISHER_NAME: 'Kabar Uji', SITEMAP_URLS_PER_FILE: '20' });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const graph = await createArticleGraph(app.strapi, { english: true });
  graphId = graph.articleId;
  await app.strapi.documents('api::photo.photo').update({
    documentId: graph.photoIds[0]!,
    locale: 'id',
    status: 'published',
    data: { image: await uploadTestImage(app, '#993366') } as never,
  });
  await publish({ slug: HOSTILE_SLUG, title: HOSTILE_TITLE, section: 'Internasional', publishedDate: '2023-01-01T00:00:00.000Z', subtitle: 'A & B <i>' });
  // Published an hour before the test runs: inside the News sitemap's 48 hours whenever the suite runs.
  await publish({ slug: RECENT_SLUG, title: 'Harga Beras Naik Lagi', section: 'Ekonomi', publishedDate: new Date(Date.now() - ONE_HOUR).toISOString() });
  for (let n = 0; n < FILLERS; n += 1) {
    const day = new Date(Date.UTC(2020, 0, 1 + n)).toISOString();
    await publish({ slug: `arsip-${n}`, title: `Arsip Nomor ${n}`, section: 'Arsip', publishedDate: day });
  }
  // A draft, newer than everything: it must appear nowhere.
  await createArticleGraph(app.strapi, { slug: `rancangan-${SECRET}`, title: `Rancangan ${SECRET}`, status: 'draft' });
}, 240_000);
afterAll(async () => {
  if (app?.server.listening) await new Promise((resolve) => app.server.close(resolve));
  await app?.stop();
});

describe('RSS 2.0', () => {
  it('carries the newest 50 published articles of the locale, newest first, read back by a real feed parser', async () => {
    const response = await get('/api/feeds/rss?locale=id');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(wellFormed(text(response))).toEqual({ valid: true, errors: '' });
    const feed = await parser.parseString(text(response));
    expect(feed.title).toBe('Kabar Uji');
    expect(feed.link).toBe('https://kabar.example/id/');
    expect(feed.language).toBe('id');
    expect(feed.items).toHaveLength(50);
    expect(feed.items.slice(0, 4).map((item) => item.link)).toEqual([
      `https://kabar.example/id/${RECENT_SLUG}`,
      `https://kabar.example/id/${HOSTILE_SLUG}`,
      `https://kabar.example/id/${SEED_SLUG}`,
      `https://kabar.example/id/arsip-${FILLERS - 1}`,
    ]);
    // 50 = the recent, the hostile and the graph article, and the 47 newest fillers.
    expect(feed.items[49]!.link).toBe(`https://kabar.example/id/arsip-${FILLERS - 47}`);
  });

  it('gives title, summary, authors, section, a WIB date and the lead image of an item', async () => {
    const feed = await parser.parseString(text(await get('/api/feeds/rss?locale=id')));
    const item = feed.items.find((entry) => entry.link?.endsWith(SEED_SLUG))!;
    expect(item.title).toBe('Cina dan Rusia Janji Akan Saling Dukung');
    expect(item.contentSnippet ?? item.content).toBe('Beijing berjanji membantu Moskow');
    expect((item as unknown as { creators: string[] }).creators).toEqual(['Tempo.co']);
    expect(item.categories).toEqual(['Internasional']);
    expect(item.pubDate).toBe('Fri, 28 Oct 2022 12:00:00 +0700');
    expect(item.guid).toMatch(/^urn:kabar:article:[a-z0-9]+:id$/);
    expect(item.enclosure?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/uploads\/.+\.png$/);
    expect(item.enclosure?.type).toBe('image/png');
    expect(Number(item.enclosure?.length)).toBeGreaterThan(0);
  });

  it('escapes markup in titles and summaries: the text reads back exactly, never as elements', async () => {
    const body = text(await get('/api/feeds/rss?locale=id'));
    expect(body).not.toContain('<script>');
    const feed = await parser.parseString(body);
    const item = feed.items.find((entry) => entry.link?.endsWith(HOSTILE_SLUG))!;
    // The control character cannot travel in XML 1.0 and is dropped; everything else arrives as written.
    expect(item.title).toBe(HOSTILE_TITLE.replace('\u0001', ''));
    expect(item.content).toBe('A & B <i>');
  });

  it('narrows to one section', async () => {
    const feed = await parser.parseString(text(await get('/api/feeds/rss?locale=id&section=Internasional')));
    expect(feed.title).toBe('Kabar Uji: Internasional');
    expect(feed.items.map((item) => item.link)).toEqual([`https://kabar.example/id/${HOSTILE_SLUG}`, `https://kabar.example/id/${SEED_SLUG}`]);
    const none = await parser.parseString(text(await get('/api/feeds/rss?locale=id&section=Olahraga')));
    expect(none.items).toHaveLength(0);
  });

  it('serves each locale its own versions', async () => {
    const feed = await parser.parseString(text(await get('/api/feeds/rss?locale=en')));
    expect(feed.items.map((item) => [item.title, item.link, item.categories])).toEqual([
      ['China and Russia Pledge Mutual Support', `https://kabar.example/en/${EN_SLUG}`, ['World']],
    ]);
  });

  it('refuses unknown parameters, malformed and unknown locales, and an oversized section with 400', async () => {
    for (const [url, message] of [
      ['/api/feeds/rss?locale=id&status=draft', /Unknown query parameter\(s\): status/],
      ['/api/feeds/rss?locale=ID!', /not a locale code/],
      ['/api/feeds/rss?locale=fr', /not a content locale of this site; use one of en, id/],
      [`/api/feeds/atom?section=${'x'.repeat(101)}`, /section must be a section name of 1 to 100 characters/],
      ['/api/feeds/rss?locale=id&locale=en', /locale must be given once/],
    ] as const) {
      const response = await get(url);
      expect({ url, status: response.status }).toEqual({ url, status: 400 });
      expect(response.body.error.message).toMatch(message);
    }
  });
});

describe('Atom', () => {
  it('is valid against the RELAX NG schema of RFC 4287 and reads back with a feed parser', async () => {
    const response = await get('/api/feeds/atom?locale=id');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(validAtom(text(response))).toEqual({ valid: true, errors: '' });
    const feed = await parser.parseString(text(response));
    expect(feed.items).toHaveLength(50);
    const item = feed.items.find((entry) => entry.link === `https://kabar.example/id/${SEED_SLUG}`)!;
    expect(item.title).toBe('Cina dan Rusia Janji Akan Saling Dukung');
    expect((item as unknown as { author: string }).author).toBe('Tempo.co');
    expect(item.summary).toBe('Beijing berjanji membantu Moskow');
    expect(text(response)).toContain('<published>2022-10-28T12:00:00+07:00</published>');
  });

  it('stays valid for an empty section and for hostile text', async () => {
    for (const url of ['/api/feeds/atom?locale=id&section=Olahraga', '/api/feeds/atom?locale=id&section=Internasional', '/api/feeds/atom?locale=en']) {
      const response = await get(url);
      expect({ url, verdict: validAtom(text(response)) }).toEqual({ url, verdict: { valid: true, errors: '' } });
    }
  });
});

describe('conditional GETs of feeds and sitemaps', () => {
  it('answers 304 to a matching If-None-Match, caches only anonymous reads, and changes the ETag on a publish', async () => {
    const first = await get('/api/feeds/rss?locale=id&section=Ekonomi');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"/);
    expect(first.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    const again = await get('/api/feeds/rss?locale=id&section=Ekonomi').set('If-None-Match', etag);
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');

    const sitemap = await get('/api/sitemap/news.xml');
    expect((await get('/api/sitemap/news.xml').set('If-None-Match', sitemap.headers.etag as string)).status).toBe(304);

    await publish({ slug: 'harga-cabai-turun', title: 'Harga Cabai Turun', section: 'Ekonomi', publishedDate: new Date(Date.now() - 2 * ONE_HOUR).toISOString() });
    const changed = await get('/api/feeds/rss?locale=id&section=Ekonomi').set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(text(changed)).toContain('Harga Cabai Turun');

    const withCredentials = await get('/api/feeds/rss?locale=id&section=Ekonomi').set('Authorization', 'Bearer not-a-token');
    expect(withCredentials.headers['cache-control']).toBeUndefined();
  });
});

describe('sitemaps', () => {
  it('indexes every page of every locale and the News sitemap, valid against the sitemaps.org index schema', async () => {
    const response = await get('/api/sitemap.xml');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(validSitemapIndex(text(response))).toEqual({ valid: true, errors: '' });
    const locs = [...text(response).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''));
    // 55 or 56 Indonesian articles (one more once the ETag test published) at 20 a file: three pages; one English article: one.
    expect(locs).toEqual([
      '/api/sitemap/articles.xml?locale=en&amp;page=1',
      '/api/sitemap/articles.xml?locale=id&amp;page=1',
      '/api/sitemap/articles.xml?locale=id&amp;page=2',
      '/api/sitemap/articles.xml?locale=id&amp;page=3',
      '/api/sitemap/news.xml',
    ]);
  });

  it('lists article pages with an hreflang link per language version, valid against the sitemaps.org schema', async () => {
    const response = await get('/api/sitemap/articles.xml?locale=id&page=1');
    expect(response.status).toBe(200);
    const xml = text(response);
    expect(validSitemap(xml)).toEqual({ valid: true, errors: '' });
    expect(xml.match(/<url>/g)).toHaveLength(20);
    // Oldest first, so a page keeps its URLs as new articles arrive.
    expect(xml).toMatch(/^.*?<url><loc>https:\/\/kabar\.example\/id\/arsip-0<\/loc><lastmod>[^<]+\+07:00<\/lastmod><\/url>/);
    const page2 = text(await get('/api/sitemap/articles.xml?locale=id&page=2'));
    const page3 = text(await get('/api/sitemap/articles.xml?locale=id&page=3'));
    expect(validSitemap(page3)).toEqual({ valid: true, errors: '' });
    const graphEntry = (page2 + page3).match(new RegExp(`<url><loc>https://kabar\\.example/id/${SEED_SLUG}</loc>.*?</url>`))![0];
    expect(graphEntry).toContain(`<xhtml:link rel="alternate" hreflang="en" href="https://kabar.example/en/${EN_SLUG}"`);
    expect(graphEntry).toContain(`<xhtml:link rel="alternate" hreflang="id" href="https://kabar.example/id/${SEED_SLUG}"`);
    const english = text(await get('/api/sitemap/articles.xml?locale=en'));
    expect(validSitemap(english)).toEqual({ valid: true, errors: '' });
    expect(english).toContain(`<loc>https://kabar.example/en/${EN_SLUG}</loc>`);
    expect(english).toContain(`hreflang="id" href="https://kabar.example/id/${SEED_SLUG}"`);
  });

  it('answers 404 past the last page and 400 for a page that is not a positive whole number', async () => {
    expect((await get('/api/sitemap/articles.xml?locale=id&page=4')).status).toBe(404);
    for (const page of ['0', '-1', '1.5', 'x', '100001']) {
      expect({ page, status: (await get(`/api/sitemap/articles.xml?locale=id&page=${page}`)).status }).toEqual({ page, status: 400 });
    }
    expect((await get('/api/sitemap.xml?locale=id')).status).toBe(400);
  });

  it('lists the last 48 hours in the News sitemap, valid against the Google News schema', async () => {
    const response = await get('/api/sitemap/news.xml');
    expect(response.status).toBe(200);
    const xml = text(response);
    expect(validSitemap(xml)).toEqual({ valid: true, errors: '' });
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toContain(`https://kabar.example/id/${RECENT_SLUG}`);
    expect(locs).not.toContain(`https://kabar.example/id/${SEED_SLUG}`);
    expect(xml).toContain(
      `<news:publication><news:name>Kabar Uji</news:name><news:language>id</news:language></news:publication>`
    );
    expect(xml).toMatch(/<news:publication_date>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+07:00<\/news:publication_date><news:title>Harga Beras Naik Lagi<\/news:title>/);
  });
});

describe('IPTC ninjs', () => {
  it('answers the bare ninjs 2.2 object of an article, valid against IPTC\'s JSON Schema', async () => {
    const response = await get(`/api/articles/slug/${SEED_SLUG}/ninjs?locale=id`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(validNinjs(response.body)).toEqual({ valid: true, errors: '' });
    const item = response.body;
    expect(item.data).toBeUndefined();
    expect(item).toMatchObject({
      type: 'text',
      language: 'id',
      firstcreated: '2022-10-28T12:00:00+07:00',
      headlines: [
        { role: 'main', value: 'Cina dan Rusia Janji Akan Saling Dukung' },
        { role: 'sub', value: 'Beijing berjanji membantu Moskow' },
      ],
      by: 'Tempo.co',
      organisations: [{ name: 'Tempo.co', rel: 'author' }],
      people: [
        { name: 'Maria Rita Hasugian', rel: 'editor' },
        { name: 'Ida Rosdalina', rel: 'translator' },
      ],
      subjects: [{ name: 'Internasional', rel: 'section' }],
      located: 'Jakarta',
      copyrightholder: 'Tempo.co',
      infosources: [{ name: 'RT.com', role: 'source' }],
    });
    expect(item.uri).toMatch(/^urn:kabar:article:[a-z0-9]+:id$/);
    expect(item.versioncreated).toMatch(/\+07:00$/);
    expect(item.altids).toContainEqual({ role: 'url', value: `https://kabar.example/id/${SEED_SLUG}` });
    expect(item.bodies.find((body: { contenttype: string }) => body.contenttype === 'text/plain').value).toMatch(/^Menteri Luar Negeri Cina Wang Yi/);
    expect(item.associations.map((photo: { name: string; type: string; by: string; copyrightholder: string }) => [photo.name, photo.type, photo.by, photo.copyrightholder])).toEqual([
      ['featureimage', 'picture', 'Stefani Reynolds/Pool via REUTERS', 'REUTERS'],
      ['picture2', 'picture', 'Pavel Golovkin / Pool via REUTERS', 'REUTERS'],
    ]);
    expect(item.associations[0].renditions[0].href).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/uploads\/.+\.png$/);
  });

  it('escapes nothing away and stays valid for hostile text; 404 for drafts; 304 on revalidation', async () => {
    const hostile = await get(`/api/articles/slug/${HOSTILE_SLUG}/ninjs`);
    expect(validNinjs(hostile.body)).toEqual({ valid: true, errors: '' });
    expect(hostile.body.headlines[0].value).toBe(HOSTILE_TITLE);
    expect(hostile.body.bodies[0].value).not.toContain('<script>');
    expect((await get(`/api/articles/slug/rancangan-${SECRET}/ninjs?status=draft`)).status).toBe(404);
    const first = await get(`/api/articles/slug/${SEED_SLUG}/ninjs`);
    expect(first.headers.etag).toMatch(/^W\/"/);
    expect((await get(`/api/articles/slug/${SEED_SLUG}/ninjs`).set('If-None-Match', first.headers.etag as string)).status).toBe(304);
  });
});

describe('only published articles', () => {
  it('never lists a draft in a feed, a sitemap or the News sitemap', async () => {
    for (const url of [
      '/api/feeds/rss?locale=id',
      '/api/feeds/atom?locale=id',
      '/api/sitemap.xml',
      '/api/sitemap/articles.xml?locale=id&page=3',
      '/api/sitemap/news.xml',
    ]) {
      const response = await get(url);
      expect({ url, status: response.status, leaks: text(response).toLowerCase().includes(SECRET) }).toEqual({ url, status: 200, leaks: false });
    }
  });
});

describe('withdrawn articles and articles under embargo', () => {
  const FEEDS_AND_SITEMAPS = ['/api/feeds/rss?locale=id', '/api/feeds/atom?locale=id', '/api/feeds/rss?locale=id&section=Ekonomi', '/api/sitemap/articles.xml?locale=id&page=3', '/api/sitemap/news.xml'];
  const leaks = async (): Promise<string[]> => {
    const found: string[] = [];
    for (const url of FEEDS_AND_SITEMAPS) {
      const response = await get(url);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      if (text(response).includes(HIDDEN)) found.push(url);
    }
    return found;
  };

  it('leave the feeds, the sitemaps and the hreflang links; their ninjs answers 410 and 404', async () => {
    // Published an hour ago in Ekonomi: they would head the feeds and enter the News sitemap.
    const publishedDate = new Date(Date.now() - ONE_HOUR).toISOString();
    await publish({ slug: `dicabut-${HIDDEN}`, title: `Dicabut ${HIDDEN}`, section: 'Ekonomi', publishedDate, withdrawnAt: '2022-11-01T03:00:00.000Z', withdrawalReason: 'Dicabut.' });
    const embargoed = await publish({ slug: `embargo-${HIDDEN}`, title: `Embargo ${HIDDEN}`, section: 'Ekonomi', publishedDate, embargoedUntil: '2999-01-01T00:00:00.000Z' });
    expect(await leaks()).toEqual([]);
    expect((await get(`/api/articles/slug/dicabut-${HIDDEN}/ninjs?locale=id`)).status).toBe(410);
    expect((await get(`/api/articles/slug/embargo-${HIDDEN}/ninjs?locale=id`)).status).toBe(404);

    // The check can fail: once the embargo has passed, that article is in all of them.
    await app.strapi.documents('api::article.article').update({ documentId: embargoed, locale: 'id', status: 'published', data: { embargoedUntil: '2001-01-01T00:00:00.000Z' } as never });
    expect(await leaks()).toEqual(FEEDS_AND_SITEMAPS);

    // A withdrawn language version leaves the other version's hreflang links and its own locale's sitemap and feed.
    const linked = async () => text(await get('/api/sitemap/articles.xml?locale=id&page=2')) + text(await get('/api/sitemap/articles.xml?locale=id&page=3'));
    expect(await linked()).toContain(`hreflang="en" href="https://kabar.example/en/${EN_SLUG}"`);
    await app.strapi.documents('api::article.article').update({ documentId: graphId, locale: 'en', status: 'published', data: { withdrawnAt: '2022-11-01T03:00:00.000Z' } as never });
    expect(await linked()).not.toContain(EN_SLUG);
    expect(text(await get('/api/sitemap/articles.xml?locale=en'))).not.toContain(EN_SLUG);
    expect(text(await get('/api/feeds/rss?locale=en'))).not.toContain(EN_SLUG);
  });
});

describe('the News sitemap at its limit', () => {
  it('lists the newest 1,000 articles of the last 48 hours, no more', async () => {
    // Straight into the table (the Document Service would take minutes): newer than every other article.
    const now = Date.now();
    await app.strapi.db.query('api::article.article').createMany({
      data: Array.from({ length: 1001 }, (_, n) => ({
        documentId: `kilat${String(n).padStart(19, '0')}`,
        locale: 'id',
        title: `Berita Kilat ${n}`,
        slug: `berita-kilat-${n}`,
        body: paragraphs('Kilat.'),
        publishedDate: new Date(now - (n + 1) * 1000).toISOString(),
        publishedAt: new Date(now).toISOString(),
      })),
    });
    const xml = text(await get('/api/sitemap/news.xml'));
    expect(validSitemap(xml)).toEqual({ valid: true, errors: '' });
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toHaveLength(1000);
    expect(locs[0]).toBe('https://kabar.example/id/berita-kilat-0');
    expect(locs[999]).toBe('https://kabar.example/id/berita-kilat-999');
  });
});

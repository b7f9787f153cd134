import Parser from 'rss-parser';
import { buildAtom, buildRss, type FeedChannel, type FeedEntry } from '../../src/api/feed/formats/syndication';
import { buildArticleSitemap, buildNewsSitemap, buildSitemapIndex } from '../../src/api/feed/formats/sitemap';
import { rfc822Wib } from '../../src/api/feed/formats/xml';
import { validAtom, validSitemap, validSitemapIndex, wellFormed } from '../helpers/validators';

/**
 * The XML formats without Strapi, each read back by a real parser or checked by xmllint against the
 * published schemas; the validators themselves are shown to refuse broken documents.
 */

const HOSTILE = 'Ada <script>alert(1)</script> & "kutip" ]]> \u0001di sini';

const channel: FeedChannel = {
  id: 'urn:kabar:feed:id',
  title: 'Kabar',
  description: 'Berita terbaru Kabar',
  language: 'id',
  homeUrl: 'https://kabar.example/id/',
  selfUrl: 'https://api.kabar.example/api/feeds/rss?locale=id&section=A%26B',
  publisherName: 'Kabar',
};

const entry = (overrides: Partial<FeedEntry> = {}): FeedEntry => ({
  id: 'urn:kabar:article:abc123:id',
  url: 'https://kabar.example/id/cina-dan-rusia',
  title: 'Cina dan Rusia Janji Akan Saling Dukung',
  summary: 'Beijing berjanji membantu Moskow',
  section: 'Internasional',
  authors: [
    { name: 'Tempo.co', kind: 'desk' },
    { name: 'Sekar Wangi', kind: 'person' },
  ],
  published: '2022-10-28T05:00:00.000Z',
  updated: '2022-10-29T17:30:00.000Z',
  image: { url: 'https://api.kabar.example/uploads/wang_yi.jpg', mime: 'image/jpeg', width: 400, height: 300, size: 20480, caption: 'Wang Yi di Bali', credit: 'REUTERS' },
  ...overrides,
});

describe('rfc822Wib', () => {
  it('writes RSS dates in WIB, also across the date line', () => {
    expect(rfc822Wib('2022-10-28T05:00:00.000Z')).toBe('Fri, 28 Oct 2022 12:00:00 +0700');
    expect(rfc822Wib('2022-12-31T20:15:09.000Z')).toBe('Sun, 01 Jan 2023 03:15:09 +0700');
  });
});

describe('RSS 2.0', () => {
  const parser = new Parser({ customFields: { item: [['dc:creator', 'creators', { keepArray: true }]] } });

  it('reads back with rss-parser: every field as given, dates in WIB', async () => {
    const feed = await parser.parseString(buildRss(channel, [entry()]));
    expect(feed).toMatchObject({ title: 'Kabar', link: 'https://kabar.example/id/', description: 'Berita terbaru Kabar', language: 'id' });
    expect(feed.lastBuildDate).toBe('Sun, 30 Oct 2022 00:30:00 +0700');
    const [item] = feed.items;
    expect(item).toMatchObject({
      title: 'Cina dan Rusia Janji Akan Saling Dukung',
      link: 'https://kabar.example/id/cina-dan-rusia',
      guid: 'urn:kabar:article:abc123:id',
      content: 'Beijing berjanji membantu Moskow',
      categories: ['Internasional'],
      pubDate: 'Fri, 28 Oct 2022 12:00:00 +0700',
      creators: ['Tempo.co', 'Sekar Wangi'],
      enclosure: { url: 'https://api.kabar.example/uploads/wang_yi.jpg', length: '20480', type: 'image/jpeg' },
    });
  });

  it('escapes text: markup arrives as text, a control character XML cannot carry is dropped', async () => {
    const xml = buildRss({ ...channel, title: HOSTILE }, [entry({ title: HOSTILE, summary: HOSTILE })]);
    expect(xml).not.toContain('<script>');
    expect(wellFormed(xml)).toEqual({ valid: true, errors: '' });
    const feed = await parser.parseString(xml);
    const clean = HOSTILE.replace('\u0001', '');
    expect([feed.title, feed.items[0]!.title, feed.items[0]!.content]).toEqual([clean, clean, clean]);
  });

  it('leaves out what an article lacks and dates an empty feed at the epoch, never the clock', async () => {
    const xml = buildRss(channel, [entry({ summary: undefined, section: null, authors: [], image: null })]);
    expect(xml).not.toMatch(/<description>[^<]*<\/description><pubDate>|<category>|<dc:creator>|<enclosure/);
    expect(buildRss(channel, [])).toContain('<lastBuildDate>Thu, 01 Jan 1970 07:00:00 +0700</lastBuildDate>');
  });
});

describe('Atom', () => {
  it('is valid against RFC 4287 with authors, without authors, with hostile text and empty', () => {
    for (const [name, xml] of [
      ['full', buildAtom(channel, [entry()])],
      ['no byline, no image, no section', buildAtom(channel, [entry({ authors: [], image: null, section: null, summary: undefined })])],
      ['hostile', buildAtom({ ...channel, title: HOSTILE }, [entry({ title: HOSTILE, summary: HOSTILE, section: HOSTILE })])],
      ['empty', buildAtom(channel, [])],
    ] as const) {
      expect({ name, verdict: validAtom(xml) }).toEqual({ name, verdict: { valid: true, errors: '' } });
    }
  });

  it('writes WIB dates and the lead image as an enclosure link', () => {
    const xml = buildAtom(channel, [entry()]);
    expect(xml).toContain('<updated>2022-10-30T00:30:00+07:00</updated>');
    expect(xml).toContain('<published>2022-10-28T12:00:00+07:00</published>');
    expect(xml).toContain('<link rel="enclosure" href="https://api.kabar.example/uploads/wang_yi.jpg" type="image/jpeg" length="20480" title="Wang Yi di Bali"/>');
    expect(xml).toContain('<author><name>Tempo.co</name></author><author><name>Sekar Wangi</name></author>');
  });

  it('the schema check is real: a feed without its required updated date is refused', () => {
    const broken = buildAtom(channel, [entry()]).replace(/<updated>[^<]*<\/updated>/, '');
    const verdict = validAtom(broken);
    expect(verdict.valid).toBe(false);
    expect(verdict.errors).toMatch(/Expecting an element updated/);
  });
});

describe('sitemaps', () => {
  const alternates = [
    { hreflang: 'en', href: 'https://kabar.example/en/china-and-russia' },
    { hreflang: 'id', href: 'https://kabar.example/id/cina-dan-rusia' },
  ];

  it('writes a valid index, article sitemap and News sitemap; & in URLs escaped', () => {
    const index = buildSitemapIndex([
      { loc: 'https://api.kabar.example/api/sitemap/articles.xml?locale=id&page=1', lastmod: '2022-10-28T05:00:00.000Z' },
      { loc: 'https://api.kabar.example/api/sitemap/news.xml', lastmod: null },
    ]);
    expect(validSitemapIndex(index)).toEqual({ valid: true, errors: '' });
    expect(index).toContain('<loc>https://api.kabar.example/api/sitemap/articles.xml?locale=id&amp;page=1</loc><lastmod>2022-10-28T12:00:00+07:00</lastmod>');

    const articles = buildArticleSitemap([{ loc: alternates[1]!.href, lastmod: '2022-10-29T17:30:00.000Z', alternates }]);
    expect(validSitemap(articles)).toEqual({ valid: true, errors: '' });
    expect(articles).toContain(
      '<url><loc>https://kabar.example/id/cina-dan-rusia</loc><lastmod>2022-10-30T00:30:00+07:00</lastmod>' +
        '<xhtml:link rel="alternate" hreflang="en" href="https://kabar.example/en/china-and-russia" />' +
        '<xhtml:link rel="alternate" hreflang="id" href="https://kabar.example/id/cina-dan-rusia" /></url>'
    );

    const news = buildNewsSitemap([
      { loc: alternates[1]!.href, publicationName: 'Kabar & Co', language: 'id', title: HOSTILE, publicationDate: '2022-10-28T05:00:00.000Z' },
    ]);
    expect(validSitemap(news)).toEqual({ valid: true, errors: '' });
    expect(news).toContain('<news:name>Kabar &amp; Co</news:name><news:language>id</news:language>');
    expect(news).toContain('<news:publication_date>2022-10-28T12:00:00+07:00</news:publication_date>');
  });

  it('gives no hreflang links to an article with one language version', () => {
    const xml = buildArticleSitemap([{ loc: alternates[1]!.href, lastmod: null, alternates: [alternates[1]!] }]);
    expect(xml).not.toContain('xhtml:link rel=');
    expect(validSitemap(xml)).toEqual({ valid: true, errors: '' });
  });

  it('the schema checks are real: a News entry without a title, or an unknown extension element, is refused', () => {
    const news = buildNewsSitemap([{ loc: 'https://kabar.example/id/a', publicationName: 'Kabar', language: 'id', title: 'A', publicationDate: new Date(0) }]);
    expect(validSitemap(news.replace(/<news:title>A<\/news:title>/, '')).errors).toMatch(/Missing child element\(s\)/);
    const articles = buildArticleSitemap([{ loc: alternates[1]!.href, lastmod: null, alternates }]);
    expect(validSitemap(articles.replace(/xhtml:link /g, 'xhtml:lnk ')).errors).toMatch(/No matching global element declaration/);
    // sitemaps.org: a location is at least 12 characters.
    expect(validSitemapIndex(buildSitemapIndex([{ loc: 'x', lastmod: null }])).errors).toMatch(/minLength/);
  });
});

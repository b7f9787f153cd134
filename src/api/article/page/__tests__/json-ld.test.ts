import { newsArticleJsonLd, serializeJsonLd } from '../json-ld';
import type { ArticlePage, PhotoEntry } from '../repository';

const HOSTILE = '</script><script>alert(1)</script> & Co\u2028next\u2029end';

describe('serializeJsonLd', () => {
  it('escapes <, >, &, U+2028 and U+2029 as \\u escapes', () => {
    expect(serializeJsonLd({ headline: '<a>&\u2028\u2029' })).toBe('{"headline":"\\u003ca\\u003e\\u0026\\u2028\\u2029"}');
  });

  it('leaves JSON that parses back to the same value', () => {
    const value = { headline: HOSTILE, list: [HOSTILE, 1, null, true], nested: { caption: HOSTILE } };
    const text = serializeJsonLd(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('changes nothing in text without those characters', () => {
    const value = { headline: 'Cina dan Rusia Janji Akan Saling Dukung', quote: '"kutipan" \\ é' };
    expect(serializeJsonLd(value)).toBe(JSON.stringify(value));
  });
});

const photo = (image: PhotoEntry['image']): PhotoEntry => ({
  caption: 'Keterangan',
  altText: null,
  credit: null,
  photographer: null,
  agency: null,
  position: 0,
  image,
});

const page = (overrides: Partial<ArticlePage>): ArticlePage => ({
  id: 1,
  documentId: 'doc1',
  locale: 'id',
  title: 'Judul',
  slug: 'judul',
  subtitle: null,
  section: null,
  body: [],
  publishedDate: '2022-10-28T05:00:00.000Z',
  dateline: null,
  outlet: 'Tempo.co',
  sourceName: null,
  originalUrl: null,
  createdAt: '2022-10-28T05:00:00.000Z',
  updatedAt: '2022-10-28T06:00:00.000Z',
  publishedAt: '2022-10-28T06:00:00.000Z',
  reporters: [],
  editors: [],
  translators: [],
  photos: [],
  relatedLinks: [],
  corrections: [],
  ...overrides,
});

const options = { url: 'https://kabar.test/id/judul', sitePublisherName: 'Kabar', mediaBaseUrl: 'https://kabar.test' };

describe('newsArticleJsonLd URLs', () => {
  it('emits an http(s) original URL as isBasedOn.url, unchanged', () => {
    const jsonLd = newsArticleJsonLd(page({ originalUrl: 'https://www.tempo.co/read/1' }), options);
    expect(jsonLd.isBasedOn).toEqual({ '@type': 'NewsArticle', url: 'https://www.tempo.co/read/1', publisher: { '@type': 'Organization', name: 'Tempo.co' } });
  });

  it.each(['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'not a url'])('never emits %s', (url) => {
    const jsonLd = newsArticleJsonLd(page({ originalUrl: url }), options);
    expect(jsonLd.isBasedOn).toBeUndefined();
    expect(JSON.stringify(jsonLd)).not.toContain(url);
  });

  it('drops an image whose URL is not http(s), keeps one that is', () => {
    const image = (url: string) => ({ url, alternativeText: null, width: 10, height: 5, mime: 'image/jpeg', formats: null });
    const jsonLd = newsArticleJsonLd(page({ photos: [photo(image('javascript:alert(1)')), photo(image('/uploads/a.jpg'))] }), options);
    expect(jsonLd.image).toEqual([
      { '@type': 'ImageObject', width: 10, height: 5, caption: 'Keterangan' },
      { '@type': 'ImageObject', url: 'https://kabar.test/uploads/a.jpg', contentUrl: 'https://kabar.test/uploads/a.jpg', width: 10, height: 5, caption: 'Keterangan' },
    ]);
  });
});

describe('newsArticleJsonLd corrections', () => {
  const corrections = [
    { kind: 'ralat' as const, text: 'Nama menteri salah ditulis.', issuedAt: '2022-10-28T08:00:00.000Z' },
    { kind: 'hak-jawab' as const, text: 'Kedutaan Rusia menyampaikan hak jawab.', issuedAt: '2022-10-29T01:30:00.000Z' },
  ];

  it('lists each correction as a CorrectionComment with its text and time in WIB, in the given order', () => {
    const jsonLd = newsArticleJsonLd(page({ corrections }), options);
    expect(jsonLd.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'Nama menteri salah ditulis.', datePublished: '2022-10-28T15:00:00+07:00' },
      { '@type': 'CorrectionComment', text: 'Kedutaan Rusia menyampaikan hak jawab.', datePublished: '2022-10-29T08:30:00+07:00' },
    ]);
  });

  it('moves dateModified up to the latest correction when that is later than the last edit', () => {
    expect(newsArticleJsonLd(page({ corrections }), options).dateModified).toBe('2022-10-29T08:30:00+07:00');
  });

  it('keeps dateModified at the last edit when every correction is older', () => {
    const jsonLd = newsArticleJsonLd(page({ corrections, updatedAt: '2022-11-01T00:00:00.000Z' }), options);
    expect(jsonLd.dateModified).toBe('2022-11-01T07:00:00+07:00');
  });

  it('has no correction property when there is none', () => {
    expect(newsArticleJsonLd(page({}), options)).not.toHaveProperty('correction');
  });
});

import { readFileSync } from 'fs';
import path from 'path';
import { parseArticle } from '..';

// The supplied article as a reader checks it by eye (the checklist), independent of the
// expected JSON that fixtures.test.ts compares field by field.
const FIXTURE = path.join(__dirname, '../../../../../../../tests/fixtures/tempo/tempo-2022-10-28-cina-dan-rusia-janji-akan-saling-dukung.txt');
const bytes = readFileSync(FIXTURE);

describe('the supplied article, as a reader checks it', () => {
  const article = parseArticle(bytes);

  it('has the title', () => {
    expect(article.title).toBe('Cina dan Rusia Janji Akan Saling Dukung');
  });

  it('is a desk byline: Tempo.co, no person', () => {
    expect(article.byline).toEqual({ reporters: [], editors: [], translators: [], desk: 'Tempo.co' });
  });

  it('was published on 28 October 2022 at noon WIB', () => {
    expect(article.publishedAt).toBe('2022-10-28T12:00:00+07:00');
    expect(article.publishedAtPrecision).toBe('minute');
  });

  it('is datelined Jakarta and the first paragraph has no prefix', () => {
    expect(article.dateline).toBe('Jakarta');
    expect(article.body[0]).toMatch(/^Menteri Luar Negeri Cina Wang Yi berjanji/);
  });

  it('has 6 body paragraphs', () => {
    expect(article.body).toHaveLength(6);
  });

  it('has 2 photos at positions 0 and 3 with their credits', () => {
    expect(article.photos.map((p) => [p.position, p.credit])).toEqual([
      [0, 'Stefani Reynolds/Pool via REUTERS'],
      [3, 'Pavel Golovkin / Pool via REUTERS'],
    ]);
    expect(article.photos.map((p) => [p.photographer, p.agency, p.pool])).toEqual([
      ['Stefani Reynolds', 'REUTERS', true],
      ['Pavel Golovkin', 'REUTERS', true],
    ]);
  });

  it('credits RT.com as the source', () => {
    expect(article.source).toBe('RT.com');
  });

  it('has 1 read-also link', () => {
    expect(article.readAlso).toHaveLength(1);
  });

  it('has 10 related items from "5 jam lalu" to "1 hari lalu", each with its summary', () => {
    expect(article.related).toHaveLength(10);
    expect(article.related[0]?.ageLabel).toBe('5 jam lalu');
    expect(article.related[9]?.ageLabel).toBe('1 hari lalu');
    for (const item of article.related) {
      expect(item.summary).not.toBeNull();
      expect(item.approxPublishedAt).toBeNull();
    }
  });

  it('discards both Advertising lines, the Google News line, the header, the repeated titles and each Baca Selengkapnya', () => {
    const byReason = (reason: string): string[] => article.discarded.filter((d) => d.reason === reason).map((d) => d.text);
    expect(byReason('ad')).toEqual(['Advertising', 'Advertising']);
    expect(byReason('boilerplate')).toEqual(['Ikuti berita terkini dari Tempo.co di Google News, klik di sini.']);
    expect(byReason('label')).toEqual(['Berita terkait']);
    expect(byReason('duplicate')).toEqual(article.related.map((r) => r.title));
    expect(byReason('widget')).toEqual(Array(10).fill('Baca Selengkapnya'));
    expect(article.discarded).toHaveLength(24);
  });

  it('has no warnings', () => {
    expect(article.warnings).toEqual([]);
  });
});

describe('the supplied article with a capture time', () => {
  const expectedAges = [
    '2024-05-15T05:00:00+07:00', // 5 jam lalu
    '2024-05-15T00:00:00+07:00', // 10 jam lalu
    '2024-05-14T16:00:00+07:00', // 18 jam lalu
    '2024-05-14T15:00:00+07:00', // 19 jam lalu
    ...Array<string>(6).fill('2024-05-14T10:00:00+07:00'), // 1 hari lalu
  ];

  it('resolves each relative age against capturedAt, in WIB', () => {
    const article = parseArticle(bytes, { capturedAt: '2024-05-15T10:00:00+07:00' });
    expect(article.related.map((r) => r.approxPublishedAt)).toEqual(expectedAges);
  });

  it('gives the same instants for a UTC capture time and for a Date', () => {
    const fromUtc = parseArticle(bytes, { capturedAt: '2024-05-15T03:00:00Z' });
    const fromDate = parseArticle(bytes, { capturedAt: new Date(Date.UTC(2024, 4, 15, 3, 0, 0)) });
    expect(fromUtc.related.map((r) => r.approxPublishedAt)).toEqual(expectedAges);
    expect(fromDate.related.map((r) => r.approxPublishedAt)).toEqual(expectedAges);
  });

  it('keeps the age labels and changes nothing else', () => {
    const withCapture = parseArticle(bytes, { capturedAt: '2024-05-15T10:00:00+07:00' });
    const without = parseArticle(bytes);
    expect({ ...withCapture, related: withCapture.related.map((r) => ({ ...r, approxPublishedAt: null })) }).toEqual(without);
  });
});

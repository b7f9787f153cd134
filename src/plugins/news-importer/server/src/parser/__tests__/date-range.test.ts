import { parseArticle, ParseError } from '..';
import { acceptedRange, EARLIEST_DATE, inDateRange } from '../dates';

// Every date that enters lies in 1900-01-01 .. now + 1 day (dates.ts). The clock is fixed here.

const NOW = new Date('2024-05-15T03:00:00Z');

const page = (dateLine: string, related: string[] = []): string =>
  [
    'Judul Berita Uji Rentang Tanggal',
    dateLine,
    'TEMPO.CO, Jakarta - Paragraf pertama berita ini cukup panjang untuk menjadi badan berita.',
    'Paragraf kedua juga selesai dengan titik.',
    ...(related.length > 0 ? ['Berita terkait', ...related] : []),
  ].join('\n');

describe('inDateRange', () => {
  it.each([
    [EARLIEST_DATE, true],
    ['1899-12-31T23:59:59Z', false],
    ['2024-05-16T03:00:00Z', true],
    ['2024-05-16T03:00:01Z', false],
    ['+275760-09-13T00:00:00Z', false],
    ['not a date', false],
  ])('%s → %s', (instant, expected) => {
    expect(inDateRange(instant, NOW)).toBe(expected);
  });

  it('names the range in messages', () => {
    expect(acceptedRange(NOW)).toBe('1900-01-01 to 2024-05-16 (one day after now)');
  });
});

describe('date lines outside the range', () => {
  it.each(['Senin, 1 Januari 1800', 'Jumat, 1 Januari 2100 12:00 WIB'])('"%s" is not the publication date: DATE_OUT_OF_RANGE on its line', (line) => {
    const article = parseArticle(page(line), { now: NOW });
    expect(article.publishedAt).toBeNull();
    expect(article.warnings.find((w) => w.code === 'DATE_OUT_OF_RANGE')).toEqual({
      code: 'DATE_OUT_OF_RANGE',
      message: `"${line}" is a date outside the accepted range (1900-01-01 to 2024-05-16 (one day after now)).`,
      line: 2,
    });
  });

  it('keeps a date line inside the range', () => {
    expect(parseArticle(page('Rabu, 15 Mei 2024 10:00 WIB'), { now: NOW }).publishedAt).toBe('2024-05-15T10:00:00+07:00');
  });
});

describe('capturedAt outside the range', () => {
  it.each(['+275760-09-13T00:00:00Z', '1850-01-01T00:00:00Z', '2024-05-17T00:00:00Z'])('%s is DATE_OUT_OF_RANGE', (capturedAt) => {
    let error: unknown;
    try {
      parseArticle(page('Rabu, 15 Mei 2024 10:00 WIB'), { capturedAt, now: NOW });
    } catch (caught: unknown) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).toInfo()).toEqual({
      code: 'DATE_OUT_OF_RANGE',
      message: `capturedAt "${capturedAt}" is outside the accepted range (1900-01-01 to 2024-05-16 (one day after now)); give the time the page was copied.`,
      line: null,
    });
  });
});

describe('related items', () => {
  it('drops an approximate date before 1900 with a warning, keeps the label', () => {
    const article = parseArticle(page('Rabu, 15 Mei 2024 10:00 WIB', ['Berita Lama Sekali', '9999 tahun lalu', 'Berita Baru', '5 jam lalu']), {
      capturedAt: '2024-05-15T10:00:00+07:00',
      now: NOW,
    });
    expect(article.related.map((item) => [item.title, item.ageLabel, item.approxPublishedAt])).toEqual([
      ['Berita Lama Sekali', '9999 tahun lalu', null],
      ['Berita Baru', '5 jam lalu', '2024-05-15T05:00:00+07:00'],
    ]);
    expect(article.warnings.filter((w) => w.code === 'APPROX_DATE_DROPPED').map((w) => w.line)).toEqual([7]);
  });
});

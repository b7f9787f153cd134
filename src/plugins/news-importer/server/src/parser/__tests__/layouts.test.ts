import { parseArticle, type ParsedArticle } from '..';

// Page shapes the fixtures do not cover, built line by line. `page(...)` joins blocks with a
// blank line, the common layout.
const page = (...blocks: string[]): string => blocks.join('\n\n');

const TITLE = 'Polisi Selidiki Kebakaran Gudang di Cengkareng';
const P1 = 'Polisi menyelidiki penyebab kebakaran gudang plastik di Cengkareng, Jakarta Barat, pada Senin malam.';
const P2 = 'Kepala kepolisian sektor setempat mengatakan tidak ada korban jiwa dalam peristiwa tersebut.';
const P3 = 'Api baru bisa dipadamkan setelah petugas pemadam kebakaran bekerja selama empat jam.';

const codes = (article: ParsedArticle): string[] => article.warnings.map((w) => w.code);

describe('pages without an outlet dateline', () => {
  it('starts the body after the byline and date and reads detik\'s "Jakarta - "', () => {
    const article = parseArticle(page(TITLE, 'Reporter', 'Tempo.co', 'Senin, 9 Mei 2022 14:27 WIB', `Jakarta - ${P1}`, P2));
    expect(article.dateline).toBe('Jakarta');
    expect(article.body).toEqual([P1, P2]);
  });

  it('takes the first line after a bare title as body, not as a subtitle', () => {
    const article = parseArticle(page(TITLE, P1, P2));
    expect(article.subtitle).toBeNull();
    expect(article.body).toEqual([P1, P2]);
    expect(codes(article)).toEqual(['NO_DATE', 'NO_BYLINE']);
  });

  it('takes a line between title and byline as the subtitle', () => {
    const deck = 'Tidak ada korban jiwa dalam kebakaran itu.';
    const article = parseArticle(page(TITLE, deck, 'Editor Nurhadi', 'Senin, 9 Mei 2022 14:27 WIB', P1, P2));
    expect(article.subtitle).toBe(deck);
    expect(article.byline.editors).toEqual(['Nurhadi']);
    expect(article.body).toEqual([P1, P2]);
  });
});

describe('paragraph separators', () => {
  const expected = [P1, P2, P3];

  it.each([
    ['one blank line', [TITLE, `TEMPO.CO, Jakarta - ${P1}`, P2, P3].join('\n\n')],
    ['a single newline', [TITLE, `TEMPO.CO, Jakarta - ${P1}`, P2, P3].join('\n')],
    ['triple blank lines', [TITLE, `TEMPO.CO, Jakarta - ${P1}`, P2, P3].join('\n\n\n\n')],
    ['four-space indents', [TITLE, `    TEMPO.CO, Jakarta - ${P1}`, `    ${P2}`, `    ${P3}`].join('\n')],
  ])('splits paragraphs separated by %s', (_label, text) => {
    expect(parseArticle(text).body).toEqual(expected);
  });
});

describe('byline variants', () => {
  it('moves an all-caps sign-off on the last line to the reporters', () => {
    const article = parseArticle(page(TITLE, `TEMPO.CO, Jakarta - ${P1}`, P2, 'MAYA AYU PUSPITASARI'));
    expect(article.byline.reporters).toEqual(['MAYA AYU PUSPITASARI']);
    expect(article.body).toEqual([P1, P2]);
  });

  it('does not take a sign-off when it is the only paragraph', () => {
    const article = parseArticle(page(TITLE, 'KEBAKARAN GUDANG'));
    expect(article.body).toEqual(['KEBAKARAN GUDANG']);
  });

  it('records the ambiguous old layout under the last label (the editor) and warns', () => {
    const article = parseArticle(page(TITLE, 'Reporter:', 'Editor:', 'Ninis Chairunnisa', `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.byline.reporters).toEqual([]);
    expect(article.byline.editors).toEqual(['Ninis Chairunnisa']);
    expect(codes(article)).toContain('AMBIGUOUS_BYLINE');
  });

  it('credits a name alone under the headline as the writer, with AMBIGUOUS_BYLINE', () => {
    const article = parseArticle(page(TITLE, 'Sekar Ayu Lestari', `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.byline.reporters).toEqual(['Sekar Ayu Lestari']);
    expect(article.body).toEqual([P1]);
    expect(codes(article)).toContain('AMBIGUOUS_BYLINE');
  });

  it("credits the name alone above en.tempo.co's font widget as the editor", () => {
    const article = parseArticle(page(TITLE, 'Sekar Ayu Lestari', '  • Font:', '  • Ukuran Font: - +', `  • TEMPO.CO, Jakarta - ${P1}`));
    expect(article.byline.editors).toEqual(['Sekar Ayu Lestari']);
    expect(article.photos).toEqual([]);
  });

  it('does not take a role word in the name slot (`Translator` / `internship`) for a name or a caption', () => {
    const article = parseArticle(page(TITLE, 'Translator', 'internship', 'Editor', 'Nurhadi', 'Kamis, 21 Oktober 2021 18:18 WIB', `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.byline).toEqual({ reporters: [], editors: ['Nurhadi'], translators: [], desk: null });
    expect(article.photos).toEqual([]);
  });

  it('reads several names under one label', () => {
    const article = parseArticle(page(TITLE, 'Reporter', 'Andita Rahma', 'Dewi Nurita', 'Editor', 'Amirullah Suhada', `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.byline).toEqual({ reporters: ['Andita Rahma', 'Dewi Nurita'], editors: ['Amirullah Suhada'], translators: [], desk: null });
  });

  it('keeps a desk next to a named editor', () => {
    const article = parseArticle(page(TITLE, 'Reporter', 'Tempo.co', 'Editor', 'Nurhadi', `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.byline).toEqual({ reporters: [], editors: ['Nurhadi'], translators: [], desk: 'Tempo.co' });
  });

  it('warns about a Reporter label with nothing after it', () => {
    const article = parseArticle(page(TITLE, 'Reporter', 'Jumat, 28 Oktober 2022 12:00 WIB', `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.discarded).toEqual([{ line: 3, text: 'Reporter', reason: 'label' }]);
    expect(codes(article)).toEqual(['EMPTY_BYLINE_LABEL', 'NO_BYLINE']);
  });
});

describe('date warnings', () => {
  it('assumes WIB when the zone is missing', () => {
    const article = parseArticle(page(TITLE, 'Jumat, 28 Oktober 2022 12:00', `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.publishedAt).toBe('2022-10-28T12:00:00+07:00');
    expect(codes(article)).toContain('ASSUMED_TIME_ZONE');
  });

  it('keeps the date but warns when the weekday is wrong', () => {
    const article = parseArticle(page(TITLE, 'Senin, 28 Oktober 2022 12:00 WIB', `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.publishedAt).toBe('2022-10-28T12:00:00+07:00');
    expect(codes(article)).toContain('WEEKDAY_MISMATCH');
  });

  it('keeps the first of two date lines', () => {
    const article = parseArticle(page(TITLE, 'Jumat, 28 Oktober 2022 12:00 WIB', 'Jumat, 28 Oktober 2022 15:30 WIB', `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.publishedAt).toBe('2022-10-28T12:00:00+07:00');
    expect(article.discarded).toEqual([{ line: 5, text: 'Jumat, 28 Oktober 2022 15:30 WIB', reason: 'label' }]);
    expect(codes(article)).toContain('EXTRA_DATE_LINE');
  });

  it('rejects an impossible date line with a warning', () => {
    const article = parseArticle(page(TITLE, 'Senin, 30 Februari 2022 12:00 WIB', `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.publishedAt).toBeNull();
    expect(codes(article)).toEqual(expect.arrayContaining(['INVALID_DATE', 'NO_DATE']));
  });
});

describe('body furniture', () => {
  it('joins a "Baca juga:" label with the title on the next line', () => {
    const article = parseArticle(page(TITLE, `TEMPO.CO, Jakarta - ${P1}`, 'Baca juga:', 'Gudang Kembang Api Terbakar di Tangerang', P2));
    expect(article.readAlso).toEqual([{ title: 'Gudang Kembang Api Terbakar di Tangerang', url: null }]);
    expect(article.body).toEqual([P1, P2]);
  });

  it('drops a repeated paragraph and a repeated title', () => {
    const article = parseArticle(page(TITLE, `TEMPO.CO, Jakarta - ${P1}`, P2, P2, TITLE, P3));
    expect(article.body).toEqual([P1, P2, P3]);
    expect(article.discarded.map((d) => d.reason)).toEqual(['duplicate', 'duplicate']);
  });

  it('warns when the last paragraph is cut off with an ellipsis', () => {
    const article = parseArticle(page(TITLE, `TEMPO.CO, Jakarta - ${P1}`, 'Api baru bisa dipadamkan setelah petugas...'));
    expect(article.warnings).toContainEqual({ code: 'TRUNCATED', message: expect.any(String), line: 5 });
  });

  it('warns when the last paragraph stops mid-sentence', () => {
    const article = parseArticle(page(TITLE, `TEMPO.CO, Jakarta - ${P1}`, 'Api baru bisa dipadamkan setelah petugas pemadam kebakaran bekerja selama'));
    expect(article.warnings).toContainEqual({ code: 'TRUNCATED', message: expect.any(String), line: 5 });
  });

  it('places a body photo after the paragraphs before it', () => {
    const caption = 'Petugas memadamkan api di gudang plastik di Cengkareng, 9 Mei 2022. ANTARA FOTO/Fakhri Hermansyah';
    const article = parseArticle(page(TITLE, `TEMPO.CO, Jakarta - ${P1}`, P2, caption, P3));
    expect(article.photos).toEqual([
      { caption: 'Petugas memadamkan api di gudang plastik di Cengkareng, 9 Mei 2022.', credit: 'ANTARA FOTO/Fakhri Hermansyah', photographer: 'Fakhri Hermansyah', agency: 'ANTARA FOTO', pool: false, position: 2 },
    ]);
    expect(article.body).toEqual([P1, P2, P3]);
  });
});

describe('related list', () => {
  it('reads a list printed without a header', () => {
    const article = parseArticle(page(TITLE, `TEMPO.CO, Jakarta - ${P1}`, 'Gudang Kembang Api Terbakar', '2 minggu lalu', 'Gudang Kembang Api Terbakar', 'Ringkasan berita.', 'Baca Selengkapnya'));
    expect(article.body).toEqual([P1]);
    expect(article.related).toEqual([{ title: 'Gudang Kembang Api Terbakar', summary: 'Ringkasan berita.', ageLabel: '2 minggu lalu', approxPublishedAt: null }]);
  });

  it('reads items without summaries and items with a printed date', () => {
    const article = parseArticle(
      page(TITLE, `TEMPO.CO, Jakarta - ${P1}`, 'Berita terkait', 'Judul Pertama', '5 jam lalu', 'Judul Kedua', 'Rabu, 19 September 2018', 'Ringkasan kedua.'),
      { capturedAt: '2024-05-15T10:00:00+07:00' },
    );
    expect(article.related).toEqual([
      { title: 'Judul Pertama', summary: null, ageLabel: '5 jam lalu', approxPublishedAt: '2024-05-15T05:00:00+07:00' },
      { title: 'Judul Kedua', summary: 'Ringkasan kedua.', ageLabel: 'Rabu, 19 September 2018', approxPublishedAt: '2018-09-19T00:00:00+07:00' },
    ]);
  });

  it('reads English ages', () => {
    const article = parseArticle(page(TITLE, `TEMPO.CO, Jakarta - ${P1}`, 'Related News', 'First Story', '5 hours ago', 'First Story', 'A summary.', 'Read More'), {
      capturedAt: '2024-05-15T03:00:00Z',
    });
    expect(article.related).toEqual([{ title: 'First Story', summary: 'A summary.', ageLabel: '5 hours ago', approxPublishedAt: '2024-05-15T05:00:00+07:00' }]);
  });
});

import { parseArticle, parseArticleWithTrace, type ParsedArticle } from '..';

// Page chrome around invented articles: the furniture is reproduced as real tempo.co pages print
// it (login block, language switch, paywall, widget tails); every article line is made up.
const page = (...blocks: string[]): string => blocks.join('\n\n');

const TITLE = 'Warga Kampung Nelayan Tanam Seribu Bakau di Pesisir Utara';
const P1 = 'Ratusan warga kampung nelayan menanam seribu bibit bakau di pesisir utara pada Minggu pagi untuk menahan abrasi yang terus menggerus pantai.';
const P2 = 'Ketua kelompok nelayan setempat mengatakan penanaman itu akan dilanjutkan setiap bulan sampai musim hujan tiba, dengan bibit dari kebun warga sendiri.';
const P3 = 'Pemerintah desa berjanji menyediakan perahu untuk mengangkut bibit ke pulau-pulau kecil yang sulit dijangkau oleh para relawan.';
const DATE = 'Senin, 3 Juni 2024 10:15 WIB';

/** The logged-in block tempo.co www and en.tempo.co print above the article, with a reader's address. */
const LOGIN_BLOCK = [
  'Lupa Kata Sandi? Klik di Sini',
  'atau Masuk melalui',
  'Belum Memiliki Akun Daftar di Sini',
  'atau Daftar melalui',
  'Sudah Memiliki Akun Masuk di Sini',
  'Konfirmasi Email',
  'Kami telah mengirimkan link aktivasi melalui email ke pembaca.contoh@example.com.',
  'Klik link aktivasi dan dapatkan akses membaca 2 artikel gratis non Laput di koran dan Majalah Tempo',
  'Jika Anda tidak menerima email,\nKirimkan Lagi Sekarang',
];

const reasons = (article: ParsedArticle): string[] => article.discarded.map((d) => d.reason);

describe('chrome above the header', () => {
  it('discards the login block as chrome and finds the headline under it', () => {
    const article = parseArticle(page(...LOGIN_BLOCK, TITLE, 'image-gnews', DATE, `TEMPO.CO, Jakarta - ${P1}`, P2));
    expect(article.title).toBe(TITLE);
    expect(article.publishedAt).toBe('2024-06-03T10:15:00+07:00');
    expect(article.body).toEqual([P1, P2]);
    expect(article.photos).toEqual([]);
    expect(article.discarded.slice(0, 10).map((d) => d.reason)).toEqual(Array(10).fill('chrome'));
    expect(JSON.stringify(article)).not.toContain('pembaca.contoh');
  });

  it('takes the headline printed twice around the lead photo, not the other headlines above it', () => {
    const article = parseArticle(
      [
        'English Version',
        '| Saturday, 8 June 2024 |',
        'Indonesia Version',
        'Friday, 7 June 2024 | 21:34',
        'Fishermen Plant Mangroves Along the Northern Coast Teaser text of another story runs on',
        'into a second line.',
        'Harbour Traffic Rises Ahead of Holiday',
        'A harbour seen from the air. TEMPO/Contoh Fotografer',
        'Sunday, 2 June, 2024 | 08:28 WIB',
        'Harbour Traffic Rises Ahead of Holiday',
        '',
        'TEMPO.CO, JakartaHarbour traffic has risen ahead of the long holiday, the port authority said on Sunday, as families travel home.',
        'The authority expects the peak on Thursday and has added ferries to the busiest routes.',
      ].join('\n'),
    );
    expect(article.title).toBe('Harbour Traffic Rises Ahead of Holiday');
    expect(article.publishedAt).toBe('2024-06-02T08:28:00+07:00');
    expect(article.dateline).toBe('Jakarta');
    expect(article.photos[0]).toMatchObject({ caption: 'A harbour seen from the air.', credit: 'TEMPO/Contoh Fotografer', position: 0 });
    expect(reasons(article).slice(0, 6)).toEqual(Array(6).fill('chrome'));
  });

  it('reads a crawler prefix glued to the date line on the first line', () => {
    const article = parseArticle(page(' date 2024-06-02 Senin, 3 Juni 2024', TITLE, `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.publishedAt).toBe('2024-06-03T00:00:00+07:00');
    expect(article.publishedAtPrecision).toBe('day');
    expect(article.title).toBe(TITLE);
  });

  it('takes a short rubric the section list lacks for the section, above headline and date', () => {
    const article = parseArticle(page('Catatan Pinggir', TITLE, '3 Juni 2024 | 10.15 WIB', P1));
    expect(article.section).toBe('Catatan Pinggir');
    expect(article.title).toBe(TITLE);
    expect(article.publishedAt).toBe('2024-06-03T10:15:00+07:00');
  });

  it('refuses an interview fragment that opens with dialogue', () => {
    expect(() => parseArticle(page('+ Dari mana asalnya?', '- Dari kampung sebelah.', P1))).toThrow(expect.objectContaining({ code: 'NO_TITLE' }));
  });
});

describe('the end of the article', () => {
  it('ends the body at a widget list and still reads the sign-off before it', () => {
    const article = parseArticle(page(TITLE, DATE, `TEMPO.CO, Jakarta - ${P1}`, P2, 'RINA KARTIKA', 'Lihat Juga', 'Selengkapnya', 'Grafis', 'Harga Cabai Turun Menjelang Panen Raya', P3));
    expect(article.body).toEqual([P1, P2]);
    expect(article.byline.reporters).toEqual(['RINA KARTIKA']);
    expect(reasons(article)).toEqual(['chrome', 'chrome', 'chrome', 'chrome', 'chrome']);
  });

  it('drops the paywall cut mark and the subscription offer after it, and warns TRUNCATED', () => {
    const article = parseArticle(
      page(TITLE, 'Senin, 3 Juni 2024', P1, '...', 'Berlangganan untuk lanjutkan membaca.', 'Kami mengemas berita, dengan cerita.', 'Manfaat berlangganan Tempo Digital? Lihat Disini'),
    );
    expect(article.body).toEqual([P1]);
    expect(reasons(article)).toEqual(['boilerplate', 'chrome', 'chrome', 'chrome']);
    expect(article.warnings.map((w) => w.code)).toContain('TRUNCATED');
  });

  it('keeps a teaser printed again under the date once, its cut-off copy too', () => {
    const article = parseArticle(page(TITLE, `JAKARTA - ${P1}`, P2, 'Senin, 3 Juni 2024', `JAKARTA - ${P1}`, P2.slice(0, 60), '...', 'Berita Lainnya'));
    expect(article.publishedAt).toBe('2024-06-03T00:00:00+07:00');
    expect(article.dateline).toBe('JAKARTA');
    expect(article.body).toEqual([P1, P2]);
  });
});

describe('datelines on a line of their own', () => {
  it('reads `Jakarta, CNN Indonesia --` alone and starts the body on the next line', () => {
    const { article, lines } = parseArticleWithTrace(page(TITLE, 'CNN Indonesia', DATE, 'Jakarta, CNN Indonesia --', P1, P2));
    expect(article.dateline).toBe('Jakarta');
    expect(article.body).toEqual([P1, P2]);
    expect(lines.find((l) => l.line === 7)?.field).toBe('dateline');
  });

  it('reads a dateline inside a bullet after the font widgets', () => {
    const article = parseArticle(page(TITLE, '  • Font:', '  • Ukuran Font: - +', `  • TEMPO.CO, Jakarta${P1}`, P2));
    expect(article.dateline).toBe('Jakarta');
    expect(article.body).toEqual([P1, P2]);
  });
});

describe('other outlets’ furniture', () => {
  it("reads detik's `Name - detikNews` byline and the `Jakarta - ` dateline under it", () => {
    const article = parseArticle(page('Minggu, 09/02/2014 07:58 WIB', TITLE, 'Sekar Ayu Lestari - detikNews', `Jakarta - ${P1}`, P2));
    expect(article.byline.reporters).toEqual(['Sekar Ayu Lestari']);
    expect(article.dateline).toBe('Jakarta');
    expect(article.body).toEqual([P1, P2]);
  });

  it('reads a label glued to the name (`EditorNama`) and drops a lone separator line', () => {
    const article = parseArticle(page(TITLE, 'Kompas.com - 23/05/2013, 17:41 WIB', '|', 'EditorSekar Ayu Lestari', `JAKARTA, KOMPAS.com — ${P1}`));
    expect(article.byline.editors).toEqual(['Sekar Ayu Lestari']);
    expect(article.photos).toEqual([]);
    expect(article.dateline).toBe('JAKARTA');
  });

  it("reads Antara's `City, d/m (Antara) - ` and takes `ANTARA - ` for no city", () => {
    expect(parseArticle(page(TITLE, 'Senin, 7 Desember 2009', `Mataram, 7/12 (Antara) - ${P1}`)).dateline).toBe('Mataram');
    const video = parseArticle(page(TITLE, '10 April 2023 16:26 WIB', 'This browser does not support the video element.', `ANTARA - ${P1}`, 'Tags:'));
    expect(video.dateline).toBeNull();
    expect(video.body).toEqual([P1]);
  });

  it('discards a site footer, version stamp and reading-time badge above the headline', () => {
    const article = parseArticle(
      page('Tentang KamiPedoman Media SiberKetentuan & Kebijakan PrivasiPanduan KomunitasKarir', '2025 © PT Contoh Media', 'Version 1.2.3', TITLE, '8 April 2025 14:18 WIB', '·', 'waktu baca 2 menit', P1),
    );
    expect(article.title).toBe(TITLE);
    expect(article.body).toEqual([P1]);
    expect(article.discarded.map((d) => d.reason)).toEqual(['chrome', 'chrome', 'chrome', 'widget', 'widget']);
  });

  it.each([
    ['a dateline alone', 'Jakarta, CNN Indonesia --'],
    ['a date and byline line', 'Apr 14th 2025, 19:14, by Sekar Ayu Lestari, kumparanNEWS'],
  ])('refuses a fragment that opens with %s', (_what, first) => {
    expect(() => parseArticle(page(first, P1, P2))).toThrow(expect.objectContaining({ code: 'NO_TITLE' }));
  });
});

describe('a credit on its own line', () => {
  it("completes the caption it follows (Republika's `Foto:` between two copies of the caption)", () => {
    const caption = 'Para mahasiswa mendengarkan penjelasan redaktur di ruang rapat redaksi.';
    const article = parseArticle(
      page('Rabu 06 Sep 2017 22:40 WIB', TITLE, 'Rep: Sekar Ayu/ Red: Budi Contoh', caption, 'Foto: Contoh Fotografer', caption, `REPUBLIKA.CO.ID, JAKARTA -- ${P1}`),
    );
    expect(article.photos).toEqual([{ caption, credit: 'Contoh Fotografer', photographer: 'Contoh Fotografer', agency: null, pool: false, position: 0 }]);
    expect(article.body).toEqual([P1]);
  });
});

describe('the archive metadata line', () => {
  it('gives the date and credits the team as the desk', () => {
    const article = parseArticle(page(TITLE, 'Edisi: 12/40 / Tanggal : 2011-06-19 / Halaman : 88 / Rubrik : NASIONAL / Penulis : TIM CONTOH, ,', P1, 'Keywords: Bakau, Nelayan', 'Rp. 15.000', 'Foto Terkait'));
    expect(article.publishedAt).toBe('2011-06-19T00:00:00+07:00');
    expect(article.byline.desk).toBe('TIM CONTOH');
    expect(article.body).toEqual([P1]);
  });
});

describe('older tempo.co furniture', () => {
  it('reads `TEMPO Interaktif, Jakarta:` and the `(Name-Tempo News Room)` sign-off in the last paragraph', () => {
    const article = parseArticle(page(TITLE, 'Senin, 7 Juli 2003', `TEMPO Interaktif, Jakarta: ${P1}`, `${P2} (Sekar Ayu-Tempo News Room)`));
    expect(article.dateline).toBe('Jakarta');
    expect(article.body).toEqual([P1, P2]);
    expect(article.byline.reporters).toEqual(['Sekar Ayu']);
  });

  it('reads a source sign-off with the reporter (`THE VERGE | ERWIN Z`)', () => {
    const article = parseArticle(page(TITLE, DATE, `TEMPO.CO, Jakarta - ${P1}`, P2, 'THE VERGE | ERWIN Z'));
    expect(article.byline.reporters).toEqual(['ERWIN Z']);
    expect(article.source).toBe('THE VERGE');
  });

  it('takes `Berita ini telah tayang di … dengan judul:` as the source, and a cut-off clutter line as clutter', () => {
    const article = parseArticle(page(TITLE, DATE, `TEMPO.CO, Jakarta - ${P1}`, 'Baca berita dengan sedikit iklan, klik di', P2, 'Berita ini telah tayang di Kompas.com dengan judul: "Judul Contoh"'));
    expect(article.source).toBe('Kompas.com');
    expect(article.body).toEqual([P1, P2]);
    expect(article.discarded.map((d) => d.reason)).toEqual(['boilerplate']);
  });
});

describe('credits printed without labels above them', () => {
  const kompas = (...credits: string[]): ParsedArticle =>
    parseArticle(page('Baca berita tanpa iklan. Gabung Kompas.com+', TITLE, 'Kompas.com - 17/10/2018, 20:15 WIB', ...credits, `JAKARTA, KOMPAS.com - ${P1}`));

  it('reads Kompas writers, then the editor, closed by `Tim Redaksi`', () => {
    const article = kompas('Sekar Ayu Lestari,', 'Budi Contoh', 'Tim Redaksi');
    expect(article.byline).toEqual({ reporters: ['Sekar Ayu Lestari'], editors: ['Budi Contoh'], translators: [], desk: null });
    expect(article.photos).toEqual([]);
    expect(article.title).toBe(TITLE);
  });

  it('reads a Kompas name with its role under it', () => {
    expect(kompas('Budi Contoh', 'Editor').byline.editors).toEqual(['Budi Contoh']);
    expect(kompas('Sekar Ayu Lestari', 'Penulis').byline.reporters).toEqual(['Sekar Ayu Lestari']);
  });

  it("credits CNN Indonesia's channel as the desk", () => {
    const article = parseArticle(page(TITLE, 'CNN Indonesia TV | CNN Indonesia', DATE, 'Jakarta, CNN Indonesia --', P1));
    expect(article.byline.desk).toBe('CNN Indonesia TV');
    expect(article.dateline).toBe('Jakarta');
  });

  it('takes the deck under a Majalah Tempo date for the subtitle, before the story opening in capitals', () => {
    const deck = 'Para nelayan percaya bakau akan menyelamatkan kampung mereka dari abrasi yang makin parah.';
    const opening = 'SEKAR Ayu Lestari dan ratusan warga kampung nelayan berkumpul di tepi pantai sejak subuh, membawa bibit bakau dari kebun mereka sendiri.';
    const article = parseArticle(page(TITLE, 'Senin, 4 April 2022', deck, opening, '...', 'Berlangganan untuk lanjutkan membaca.'));
    expect(article.subtitle).toBe(deck);
    expect(article.body).toEqual([opening]);
  });
});

describe('a date anywhere in the header', () => {
  it('takes the paragraphs above a late date line for the deck when the story follows without repeating them', () => {
    const deck1 = 'Kampung nelayan di pesisir utara menanam bakau untuk menahan abrasi.';
    const deck2 = 'Pemerintah desa ikut membantu dengan perahu dan bibit.';
    const article = parseArticle(page(TITLE, deck1, deck2, 'Senin, 20 Oktober 2008', `JAKARTA – ${P1}`, P2));
    expect(article.subtitle).toBe(`${deck1}\n${deck2}`);
    expect(article.publishedAt).toBe('2008-10-20T00:00:00+07:00');
    expect(article.dateline).toBe('JAKARTA');
    expect(article.body).toEqual([P1, P2]);
  });
});

describe('a caption printed twice', () => {
  it('keeps the complete copy when the bullet copy above it was cut short', () => {
    const full = 'Warga menanam bibit bakau di pesisir utara saat peluncuran program "Pantai Hijau 2024" di Jakarta. TEMPO/Contoh Fotografer';
    const { article, lines } = parseArticleWithTrace(page(TITLE, DATE, '  • Font:', `  • ${full.slice(0, 70)}`, `    ${full}`, `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.photos).toEqual([
      { caption: full.replace(' TEMPO/Contoh Fotografer', ''), credit: 'TEMPO/Contoh Fotografer', photographer: 'Contoh Fotografer', agency: 'TEMPO', pool: false, position: 0 },
    ]);
    expect(article.discarded.map((d) => [d.line, d.reason])).toEqual([
      [5, 'widget'],
      [7, 'duplicate'],
    ]);
    expect(lines.find((l) => l.line === 9)).toEqual({ line: 9, field: 'photos', index: 0 });
  });
});

describe('a sign-off followed by other lines', () => {
  it('reads the sign-off and drops the short non-prose lines after it as chrome', () => {
    const article = parseArticle(page(TITLE, DATE, `TEMPO.CO, Jakarta - ${P1}`, P2, 'DINI CONTOH', 'Selengkapnya', 'Grafis', 'Harga Cabai Turun Menjelang Panen Raya'));
    expect(article.byline.reporters).toEqual(['DINI CONTOH']);
    expect(article.body).toEqual([P1, P2]);
    expect(article.discarded.map((d) => [d.text, d.reason])).toEqual([
      ['Selengkapnya', 'chrome'],
      ['Grafis', 'chrome'],
      ['Harga Cabai Turun Menjelang Panen Raya', 'chrome'],
    ]);
  });

  it('does not cut the story at a capitalised subheading followed by prose', () => {
    const article = parseArticle(page(TITLE, DATE, `TEMPO.CO, Jakarta - ${P1}`, 'KRONOLOGI KEJADIAN', P2, P3));
    expect(article.body).toEqual([P1, 'KRONOLOGI KEJADIAN', P2, P3]);
    expect(article.byline.reporters).toEqual([]);
  });
});

describe('headlines that look like chrome', () => {
  it.each([
    ['a chrome word right above the date', 'Cara Berlangganan Listrik Prabayar Lewat Aplikasi'],
    ['words in camel case', 'iPhone dan MacBook Laris di Toko McDonald Plaza'],
  ])('keeps a headline with %s', (_what, title) => {
    const article = parseArticle(page(...LOGIN_BLOCK, title, DATE, `TEMPO.CO, Jakarta - ${P1}`));
    expect(article.title).toBe(title);
    expect(article.body).toEqual([P1]);
  });
});

it('keeps a headline with a year and a kick-off time in it', () => {
  const title = 'Jadwal Liga 1 2024: Persija Lawan Persib Mulai 19.00 WIB';
  expect(parseArticle(page(title, DATE, `TEMPO.CO, Jakarta - ${P1}`)).title).toBe(title);
});

it('does not take a caption printed twice (a bullet, two sentences) for the headline printed twice', () => {
  const caption = 'Pemain timnas berlatih di stadion, Minggu, 2 Juni 2024. Instagram /@contoh';
  const article = parseArticle(page(...LOGIN_BLOCK, TITLE, '  • Font:', `  • ${caption}`, `    ${caption}`, `TEMPO.CO, Jakarta - ${P1}`));
  expect(article.title).toBe(TITLE);
  expect(article.photos.map((p) => p.position)).toEqual([0]);
});

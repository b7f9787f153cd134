import { parseArticle, safeParseArticle } from '..';

// Furniture that the fresh blind set (tests/real-pages/holdout-2.json) showed, rebuilt around
// invented article text: each case is a general shape, not a copy of a page.

const LONG_P1 =
  'Kepadatan lalu lintas kembali terlihat di sejumlah ruas jalan utama ibu kota setelah dua pekan lengang, terutama pada jam berangkat dan pulang kerja di awal pekan ini.';
const P2 = '"Volume kendaraan naik sekitar sepuluh persen," kata seorang petugas dinas perhubungan kemarin.';
const EN_P1 = 'Lanterns made of recycled bottles lit the courtyard of the old harbour warehouse, where visitors walked slowly between the installations';

describe('holdout-2: a stamp line under the headline (Koran Tempo)', () => {
  it('keeps the headline above `arsip tempo : <id>.` and discards the stamp as chrome', () => {
    const text = [
      'Jalan Protokol Kembali Padat',
      'arsip tempo : 123456789012.',
      '',
      `JAKARTA - ${LONG_P1}`,
      P2,
      '...',
      'Berlangganan untuk lanjutkan membaca.',
    ].join('\n');
    const article = parseArticle(text);
    expect(article.title).toBe('Jalan Protokol Kembali Padat');
    expect(article.dateline).toBe('JAKARTA');
    expect(article.body).toEqual([LONG_P1, P2]);
    expect(article.discarded.filter((d) => d.text.startsWith('arsip tempo')).map((d) => d.reason)).toEqual(['chrome']);
  });
});

describe('holdout-2: a headline printed on two lines after a kicker', () => {
  it('joins `NAME:` and the line under it into one headline', () => {
    const text = ['SUTARNO WIRYO:', 'Kami Tidak Akan Mundur dari Pemilihan', '', 'Rabu, 6 Juli 2011', '', LONG_P1, '', '...', '', 'Berita Lainnya'].join('\n');
    const article = parseArticle(text);
    expect(article.title).toBe('SUTARNO WIRYO: Kami Tidak Akan Mundur dari Pemilihan');
    expect(article.publishedAt).toBe('2011-07-06T00:00:00+07:00');
    expect(article.byline.reporters).toEqual([]);
    expect(article.body).toEqual([LONG_P1]);
  });

  it('does not join when a blank line separates the two lines', () => {
    const text = ['SUTARNO WIRYO:', '', 'Kami Tidak Akan Mundur dari Pemilihan', '', LONG_P1].join('\n');
    const result = safeParseArticle(text);
    expect(result.ok ? result.article.title : result.error.code).toBe('NO_TITLE');
  });
});

describe('holdout-2: the outlet glued to the city in the dateline', () => {
  it('reads `TEMPO.COSurabaya – ` as the dateline Surabaya', () => {
    const text = ['Pelabuhan Baru Mulai Beroperasi', '', `TEMPO.COSurabaya – ${LONG_P1}`, '', P2].join('\n');
    const article = parseArticle(text);
    expect(article.dateline).toBe('Surabaya');
    expect(article.body).toEqual([LONG_P1, P2]);
  });
});

describe('holdout-2: English magazine tail', () => {
  it('ends the article at `More Articles`', () => {
    const text = ['Light From Old Bottles', '', 'A short deck about the exhibition and its makers.', '', '', 'January 15, 2018', '', '', EN_P1, '', '', 'More Articles', ''].join('\n');
    const article = parseArticle(text);
    expect(article.title).toBe('Light From Old Bottles');
    expect(article.body).toEqual([EN_P1]);
    expect(article.discarded.map((d) => d.text)).toContain('More Articles');
  });
});

describe("holdout-2: the 2024 redesign's summary box", () => {
  it('never takes `Ringkasan Berita` for the headline of a copy without one', () => {
    const text = [
      'Baca berita dengan sedikit iklan, klik di sini',
      'Ringkasan Berita',
      'Pemerintah kota membuka tiga taman baru tahun ini.',
      'Warga meminta jam buka diperpanjang.',
      `SEJUMLAH taman baru dibuka pemerintah kota tahun ini. ${LONG_P1}`,
    ].join('\n');
    const result = safeParseArticle(text);
    expect(result.ok ? result.article.title : result.error.code).toBe('NO_TITLE');
  });
});

describe('holdout-2: the newsletter header and its signed note', () => {
  const note = [
    'EKONOMI DAN BISNIS',
    '12 Maret 2021',
    'Harga Cabai di Tengah Musim Hujan',
    'Pekan ini kami menelusuri mengapa harga cabai melonjak setiap musim hujan datang dan siapa yang paling diuntungkan.',
    'Para petani di dataran tinggi mengaku panen mereka justru turun separuh karena tanaman membusuk.',
    'Selamat membaca.',
    'Rina Kartikasari',
    'Redaktur Pelaksana',
    '----------',
    'LAPORAN UTAMA',
    'Cabai Impor di Pasar Induk',
    'Pedagang besar mendatangkan cabai dari luar daerah ketika pasokan petani turun.',
  ].join('\n');

  it('reads a rubric in capitals above the date line, then the headline', () => {
    const article = parseArticle(note);
    expect(article.section).toBe('EKONOMI DAN BISNIS');
    expect(article.publishedAt).toBe('2021-03-12T00:00:00+07:00');
    expect(article.title).toBe('Harga Cabai di Tengah Musim Hujan');
  });

  it('credits the name signed above a job title as the writer, and never the rank as a name', () => {
    const article = parseArticle(note);
    expect(article.byline.reporters).toEqual(['Rina Kartikasari']);
    expect(article.byline.editors).toEqual([]);
    expect(article.body.slice(0, 3)).toEqual([
      'Pekan ini kami menelusuri mengapa harga cabai melonjak setiap musim hujan datang dan siapa yang paling diuntungkan.',
      'Para petani di dataran tinggi mengaku panen mereka justru turun separuh karena tanaman membusuk.',
      'Selamat membaca.',
    ]);
  });

  it('does not take a headline in capitals under a rubric and a date for a rubric', () => {
    const article = parseArticle(['POLITIK', '12 Maret 2021', 'HARGA CABAI MELONJAK', `TEMPO.CO, Jakarta - ${LONG_P1}`].join('\n'));
    expect(article.title).toBe('HARGA CABAI MELONJAK');
  });
});

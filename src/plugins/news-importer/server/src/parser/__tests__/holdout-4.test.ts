import { parseArticle, safeParseArticle } from '..';

// Furniture that the fourth blind set (tests/real-pages/holdout-4.json) showed, rebuilt around
// invented article text: each case is a general shape, not a copy of a page.

const P1 =
  'Pemerintah kota menambah dua puluh pompa air di kawasan bantaran sungai setelah hujan deras tiga hari berturut-turut merendam ratusan rumah warga di lima kelurahan.';
const P2 = '"Pompa tambahan akan bekerja siang dan malam sampai air surut," kata seorang pejabat dinas sumber daya air kemarin.';
const EN_P1 =
  'WHILE walking along the river bank, the city engineer pointed at the new pumps that arrived on Monday, after three weeks of heavy rain left several neighbourhoods under water.';
const EN_P2 = 'Officials said the other pumps would arrive before the end of the mo';

/** The Majalah / Koran Tempo AMP tail: the paywall's cut mark and the next stories' header. */
const AMP_TAIL = ['', '...', '', 'Berita Lainnya'];

const codeOf = (text: string): string => {
  const result = safeParseArticle(text);
  return result.ok ? `parsed: ${result.article.title}` : result.error.code;
};

describe('holdout-4: an editor’s letter titled by its rubric (Majalah Tempo AMP)', () => {
  const LEAD = `KAMI kembali ${P1.charAt(0).toLowerCase()}${P1.slice(1)}`;

  it('reads the rubric as the headline when the date line and then the letter follow it', () => {
    const article = parseArticle(['Surat Dari Redaksi', '', 'Sabtu, 3 Oktober 1998', '', LEAD, '', P2, ...AMP_TAIL].join('\n'));
    expect(article.title).toBe('Surat Dari Redaksi');
    expect(article.section).toBeNull();
    expect(article.publishedAt).toBe('1998-10-03T00:00:00+07:00');
    expect(article.body).toEqual([LEAD, P2]);
  });

  it('still refuses a headline-less copy with no rubric above the date (NO_TITLE)', () => {
    expect(codeOf(['Sabtu, 3 Oktober 1998', '', LEAD, '', P2].join('\n'))).toBe('NO_TITLE');
  });

  it('still reads a headline between the rubric and the date as the headline', () => {
    const article = parseArticle(['Surat Dari Redaksi', '', 'Pompa yang Terlambat', '', 'Sabtu, 3 Oktober 1998', '', LEAD].join('\n'));
    expect([article.section, article.title]).toEqual(['Surat Dari Redaksi', 'Pompa yang Terlambat']);
  });
});

describe('holdout-4: the writer alone between the deck and the date (Majalah Tempo AMP, magz)', () => {
  it('reads title, deck, name, date: the name is the writer and the deck is no paragraph', () => {
    const deck = 'Pompa datang terlambat. Warga menunggu di atap rumah mereka.';
    const lead = `MENJELANG tengah malam, ${P1.charAt(0).toLowerCase()}${P1.slice(1)}`;
    const article = parseArticle(['Pompa yang Tak Pernah Datang', '', deck, '', 'Rina Kartika Sari', '', 'Sabtu, 26 Desember 2020', '', lead, '', P2, ...AMP_TAIL].join('\n'));
    expect(article.subtitle).toBe(deck);
    expect(article.byline.reporters).toEqual(['Rina Kartika Sari']);
    expect(article.publishedAt).toBe('2020-12-26T00:00:00+07:00');
    expect(article.body).toEqual([lead, P2]);
  });

  it('reads the English magazine the same way, with its US-order date and `More Articles`', () => {
    const deck = 'Tempo’s interview with the city engineer about the pumps that came late.';
    const text = ['City Engineer Rina Kartika: The pumps will not come back', '', deck, '', 'Rina Kartika Sari', '', 'October 14, 2024', '', EN_P1, '', EN_P2, '', '...', '', 'More Articles'].join('\n');
    const article = parseArticle(text);
    expect(article.subtitle).toBe(deck);
    expect(article.byline.reporters).toEqual(['Rina Kartika Sari']);
    expect(article.body).toEqual([EN_P1, EN_P2]);
  });

  it('keeps a short first paragraph as body when no date line follows the name-like line', () => {
    const article = parseArticle(['Pompa yang Tak Pernah Datang', '', 'Rabu, 6 Maret 2024', '', 'Pompa datang terlambat.', '', 'Rina Kartika Sari', '', P1].join('\n'));
    expect(article.subtitle).toBeNull();
    expect(article.body[0]).toBe('Pompa datang terlambat.');
  });
});

describe('holdout-4: a Koran Tempo dateline whose dash was lost', () => {
  it('reads `JAKARTA Pemerintah …` (a known city in capitals, then a capitalised word) as the dateline', () => {
    const article = parseArticle(['Pompa untuk Bantaran Sungai', '', 'Kamis, 30 Juni 2011', '', `JAKARTA ${P1}`, '', P2, ...AMP_TAIL].join('\n'));
    expect(article.dateline).toBe('JAKARTA');
    expect(article.body).toEqual([P1, P2]);
  });

  it('keeps a magazine lead opening with a name in capitals (`RATNA Sari, …`) whole', () => {
    const lead = 'RATNA Sari, warga bantaran sungai, menunggu pompa sejak pagi bersama ratusan tetangganya di atap rumah.';
    const article = parseArticle(['Pompa untuk Bantaran Sungai', '', 'Kamis, 30 Juni 2011', '', lead, '', P2].join('\n'));
    expect(article.dateline).toBeNull();
    expect(article.body[0]).toBe(lead);
  });

  it('keeps `JAKARTA` followed by a lower-case word in the sentence', () => {
    const lead = 'JAKARTA kini memiliki dua puluh pompa air baru di kawasan bantaran sungai setelah banjir pekan lalu.';
    const article = parseArticle(['Pompa untuk Bantaran Sungai', '', 'Kamis, 30 Juni 2011', '', lead].join('\n'));
    expect(article.dateline).toBeNull();
    expect(article.body[0]).toBe(lead);
  });
});

describe('holdout-4: the ABC partner pages on tempo.co (/abc/)', () => {
  const CAPTION = 'Wali kota meninjau pompa air baru di bantaran sungai, Kamis (24/11) siang.';
  const LONG = 'Masih ingat dengan rencana kota membeli pompa dari luar negeri? Kini rencana itu menjadi tanda tanya setelah pemasoknya menyebut negara lain yang menjadi prioritas mereka.';
  const page = [
    'Konfirmasi Email',
    '',
    'Logo ABC',
    '',
    'Dunia Hari Ini: Pompa Air Baru untuk Kota di Tepi Sungai',
    '',
    'Reporter',
    '',
    'Editor',
    '',
    'ABC',
    '',
    'image-gnews',
    'Iklan',
    `${CAPTION} (Twitter: @pemkotsungai)`,
    '',
    'Tidak terasa kita sudah berada di penghujung pekan.',
    '',
    P1,
    '',
    'Baca Juga:',
    '',
    LONG,
    '',
    P2,
  ].join('\n');

  it('skips the logo’s alt text above the headline and credits the partner as the desk', () => {
    const article = parseArticle(page);
    expect(article.title).toBe('Dunia Hari Ini: Pompa Air Baru untuk Kota di Tepi Sungai');
    expect(article.byline).toEqual({ reporters: [], editors: [], translators: [], desk: 'ABC' });
    expect(article.discarded.find((d) => d.text === 'Logo ABC')?.reason).toBe('widget');
  });

  it('splits a caption credited to a social-media account in parentheses', () => {
    expect(parseArticle(page).photos.map((p) => [p.caption, p.credit])).toEqual([[CAPTION, 'Twitter: @pemkotsungai']]);
  });

  it('keeps the paragraph under a `Baca Juga:` label whose link text is missing, and drops the label', () => {
    const article = parseArticle(page);
    expect(article.readAlso).toEqual([]);
    expect(article.body).toEqual(['Tidak terasa kita sudah berada di penghujung pekan.', P1, LONG, P2]);
    expect(article.discarded.find((d) => d.text === 'Baca Juga:')?.reason).toBe('label');
  });

  it('still reads a headline-like line under `Baca Juga:` as the link', () => {
    const article = parseArticle(['Pompa Air Baru', '', 'Rabu, 6 Maret 2024', '', P1, '', 'Baca Juga:', 'Warga Menunggu Pompa di Atap Rumah', '', P2].join('\n'));
    expect(article.readAlso.map((r) => r.title)).toEqual(['Warga Menunggu Pompa di Atap Rumah']);
    expect(article.body).toEqual([P1, P2]);
  });

  it('keeps a headline that opens with the word `Logo` followed by more than a name', () => {
    expect(codeOf(['Logo Baru untuk Kota Tua', '', 'Rabu, 6 Maret 2024', '', P1].join('\n'))).toBe('parsed: Logo Baru untuk Kota Tua');
  });
});

import { parseArticle, safeParseArticle } from '..';

// Furniture that the third blind set (tests/real-pages/holdout-3.json) showed, rebuilt around
// invented article text: each case is a general shape, not a copy of a page.

const P1 =
  'Pemerintah kota menambah dua puluh pompa air di kawasan bantaran sungai setelah hujan deras tiga hari berturut-turut merendam ratusan rumah warga di lima kelurahan.';
const P2 = '"Pompa tambahan akan bekerja siang dan malam sampai air surut," kata seorang pejabat dinas sumber daya air kemarin.';
const EN_P1 =
  'The city council approved a new budget for drainage works on Monday, after three weeks of heavy rain left several neighbourhoods under water for days.';
const EN_P2 = 'Officials said the first pumps would arrive before the end of the month.';

const codeOf = (text: string): string => {
  const result = safeParseArticle(text);
  return result.ok ? `parsed: ${result.article.title}` : result.error.code;
};

describe('holdout-3: the archive stamp of magz.tempo.co', () => {
  it('discards `arsip tempo : <id>.` printed under the date line, not as the first paragraph', () => {
    const text = ['Pumps Before Promises', 'Tuesday, March 3, 2020', 'arsip tempo : 123456789012.', '', EN_P1, EN_P2].join('\n');
    const article = parseArticle(text);
    expect(article.publishedAt).toBe('2020-03-03T00:00:00+07:00');
    expect(article.subtitle).toBeNull();
    expect(article.body).toEqual([EN_P1, EN_P2]);
    expect(article.discarded.map((d) => [d.text, d.reason])).toEqual([['arsip tempo : 123456789012.', 'chrome']]);
  });

  it('reads the line between the date and the stamps as the deck, and a rubric stamp (`Letters. tempo : <id>.`) as chrome', () => {
    const text = [
      'How to Reach the Editors',
      '',
      'Monday, October 13, 2025',
      '',
      'Readers’ letters on pumps, parks and the price of bus tickets.',
      '',
      'arsip tempo : 123456789012.',
      '',
      'Letters. tempo : 123456789012.',
      '',
      'Parks for Everyone',
      '',
      EN_P1,
    ].join('\n');
    const article = parseArticle(text);
    expect(article.subtitle).toBe('Readers’ letters on pumps, parks and the price of bus tickets.');
    expect(article.body).toEqual(['Parks for Everyone', EN_P1]);
    expect(article.discarded.map((d) => d.reason)).toEqual(['chrome', 'chrome']);
  });

  it('keeps a paragraph that merely mentions the archive', () => {
    const text = ['Pumps Before Promises', '', 'Tuesday, March 3, 2020', '', EN_P1, '', 'The arsip tempo : 12 entries were reviewed by the council last week.'].join('\n');
    expect(parseArticle(text).body).toHaveLength(2);
  });
});

describe('holdout-3: the English paywall offer', () => {
  it('ends the article after `Subscribe to continue reading.` and keeps its offer out of the body', () => {
    const text = ['Pumps Before Promises', 'Tuesday, March 3, 2020', '', EN_P1, EN_P2, 'Subscribe to continue reading.', 'We craft news with stories.', 'For the benefits of subscribing to Digital Tempo, See More'].join('\n');
    const article = parseArticle(text);
    expect(article.body).toEqual([EN_P1, EN_P2]);
    expect(article.discarded.map((d) => d.reason)).toEqual(['boilerplate', 'chrome', 'chrome']);
    expect(article.warnings.map((w) => w.code)).toContain('TRUNCATED');
  });
});

describe('holdout-3: lines that stand where a headline should but are not one', () => {
  it('refuses a chronology that opens with a day heading without its year (NO_TITLE), not taking the day for the headline', () => {
    const text = ['Senin, 4 Maret', 'Pukul 09.15 WIB: Rapat pleno dibuka dengan dua agenda.', 'Selasa, 5 Maret', 'Pukul 10.00 WIB: Pemungutan suara dimulai.'].join('\n');
    expect(codeOf(text)).toBe('NO_TITLE');
  });

  it('refuses a newsletter digest: masthead, edition range, then rubric items (NO_TITLE)', () => {
    const text = ['Majalah Tempo', '3-9 Maret 2025', 'LAPORAN UTAMA', 'Pompa yang Tak Pernah Datang', P1, 'HUKUM', 'Sengketa Lahan di Tepi Sungai', P2].join('\n');
    const result = safeParseArticle(text);
    expect(result.ok ? result.article.title : result.error).toMatchObject({ code: 'NO_TITLE', line: 2 });
  });

  it('skips a masthead above a real headline', () => {
    const text = ['Koran Tempo', 'Pompa Tambahan untuk Bantaran Sungai', 'Rabu, 6 Maret 2024', '', `JAKARTA - ${P1}`].join('\n');
    const article = parseArticle(text);
    expect(article.title).toBe('Pompa Tambahan untuk Bantaran Sungai');
    expect(article.discarded.map((d) => [d.text, d.reason])).toEqual([['Koran Tempo', 'chrome']]);
  });

  it('keeps a dated headline that has its year', () => {
    expect(codeOf(['TEMPO, 4 Maret 1995', '', P1].join('\n'))).toBe('parsed: TEMPO, 4 Maret 1995');
  });
});

describe('holdout-3: Majalah Tempo rubrics above the headline (Tempo+ archive)', () => {
  it('reads `Surat Dari Redaksi` as the section and the short line under it as the headline', () => {
    const text = ['Surat Dari Redaksi', '', 'Terlambat sehari', '', 'Edisi ini terlambat beredar satu hari karena kami menunggu wawancara. (red)', '', '6 Desember 1986 | 00.00 WIB', '', 'Image of Tempo', 'Perbesar', '', P1].join('\n');
    const article = parseArticle(text);
    expect(article.section).toBe('Surat Dari Redaksi');
    expect(article.title).toBe('Terlambat sehari');
    expect(article.subtitle).toBe('Edisi ini terlambat beredar satu hari karena kami menunggu wawancara. (red)');
    expect(article.body).toEqual([P1]);
  });

  it('still reads the rubric printed twice as section and headline', () => {
    const article = parseArticle(['Surat Dari Redaksi', '', 'Surat Dari Redaksi', '', '29 September 2008 | 00.00 WIB', '', P1].join('\n'));
    expect([article.section, article.title]).toEqual(['Surat Dari Redaksi', 'Surat Dari Redaksi']);
  });
});

describe('holdout-3: the datatempo text page', () => {
  const META = 'Edisi: 07/51 / Tanggal : 2021-04-11 / Halaman : 30 / Rubrik : NAS / Penulis : Sari, Dewi , Hutapea, Bonar , Wibowo, Tri Agus';

  it('reads the catalogue writers `Surname, Given , …` as the names the byline prints', () => {
    const article = parseArticle(['POMPA DAN JANJI', '', META, '', '', P1].join('\n'));
    expect(article.byline.reporters).toEqual(['Dewi Sari', 'Bonar Hutapea', 'Tri Agus Wibowo']);
    expect(article.publishedAt).toBe('2021-04-11T00:00:00+07:00');
  });

  it('keeps a writer printed in byline order with trailing catalogue commas', () => {
    const meta = 'Edisi: 07/51 / Tanggal : 2021-04-11 / Halaman : 30 / Rubrik : NAS / Penulis : Dewi Sari, ,';
    expect(parseArticle(['Pompa dan Janji', '', meta, '', P1].join('\n')).byline.reporters).toEqual(['Dewi Sari']);
  });

  it('reads the teaser between the metadata and a story opening with a capitalised function word as the deck', () => {
    const opening = `PADA ${P1.charAt(0).toLowerCase()}${P1.slice(1)}`;
    const article = parseArticle(['POMPA DAN JANJI', '', META, '', '', 'Pompa datang terlambat. Warga menunggu di atap.', '', opening, '', P2].join('\n'));
    expect(article.subtitle).toBe('Pompa datang terlambat. Warga menunggu di atap.');
    expect(article.body).toEqual([opening, P2]);
  });

  it('does not take a first paragraph for a deck when the next one opens with an acronym', () => {
    const article = parseArticle(['Pompa dan Janji', '', 'Rabu, 6 Maret 2024', '', 'Pompa datang terlambat. Warga menunggu di atap rumah mereka sejak pagi.', '', `BPBD ${P1.charAt(0).toLowerCase()}${P1.slice(1)}`].join('\n'));
    expect(article.subtitle).toBeNull();
    expect(article.body).toHaveLength(2);
  });

  it('joins a paragraph hard-wrapped by single newlines (mid-sentence, next line in lower case)', () => {
    const text = ['Pompa dan Janji', '', 'Rabu, 6 Maret 2024', '', P1, '', 'Pompa-pompa itu dipasang di tiga titik:', 'hulu, tengah, dan hilir sungai. Petugas memeriksa', 'mesinnya setiap pagi sebelum hujan turun.', '', P2].join('\n');
    const traced = parseArticle(text);
    expect(traced.body).toEqual([P1, 'Pompa-pompa itu dipasang di tiga titik:', 'hulu, tengah, dan hilir sungai. Petugas memeriksa mesinnya setiap pagi sebelum hujan turun.', P2]);
  });

  it('keeps lines that end their sentence, or open in capitals, as paragraphs of their own', () => {
    const text = ['Pompa dan Janji', '', 'Rabu, 6 Maret 2024', '', 'Pukul 09.15 WIB: pompa pertama menyala.', 'Pukul 10.00 WIB: pompa kedua menyala.', 'Hujan reda menjelang siang', 'Warga kembali ke rumah.'].join('\n');
    expect(parseArticle(text).body).toHaveLength(4);
  });
});

describe('holdout-3: Koran Tempo dateline glued with an em dash', () => {
  it('reads `JAKARTA—Ketua …` as the dateline JAKARTA', () => {
    const article = parseArticle(["Ketua Dewan Usulkan 'Kebun Pompa'", `JAKARTA—${P1}`, '...', 'Berlangganan untuk lanjutkan membaca.'].join('\n'));
    expect(article.dateline).toBe('JAKARTA');
    expect(article.body).toEqual([P1]);
  });
});

describe('holdout-3: a caption ending in `Foto <source>` without a colon', () => {
  it('takes the source after the word as the credit of the lead photo printed twice', () => {
    const caption = 'Wali kota meninjau pompa air di bantaran sungai, Senin 3 Januari 2022.';
    const text = ['Pompa Tambahan untuk Bantaran Sungai', '', `${caption} Foto Instagram Pemkot`, `${caption} Foto Instagram Pemkot`, '', `TEMPO.CO, Jakarta - ${P1}`].join('\n');
    const article = parseArticle(text);
    expect(article.subtitle).toBeNull();
    expect(article.photos).toHaveLength(1);
    expect(article.photos[0]).toMatchObject({ caption, credit: 'Instagram Pemkot', position: 0 });
  });
});

describe('holdout-3: a `Baca juga:` list closing the article', () => {
  it('reads every title under the label, the last one cut by the copy', () => {
    const text = ['Pompa Tambahan untuk Bantaran Sungai  ', '', 'Oleh :', '', `    TEMPO.CO, Jakarta - ${P1}`, '', `    ${P2}`, '', '    DEWI SARI', '', '    Baca juga:', '    Pompa Baru Tiba di Gudang Dinas', '', '    Warga Bantaran Minta Tanggul'].join('\n');
    const article = parseArticle(text);
    expect(article.readAlso.map((r) => r.title)).toEqual(['Pompa Baru Tiba di Gudang Dinas', 'Warga Bantaran Minta Tanggul']);
    expect(article.byline.reporters).toEqual(['DEWI SARI']);
    expect(article.body).toEqual([P1, P2]);
  });

  it('keeps a subheading after a read-also link in the body when the story goes on', () => {
    const text = ['Pompa Tambahan untuk Bantaran Sungai', '', `TEMPO.CO, Jakarta - ${P1}`, '', 'Baca juga:', 'Pompa Baru Tiba di Gudang Dinas', '', 'Harga Pompa Naik Dua Kali Lipat', '', P2].join('\n');
    const article = parseArticle(text);
    expect(article.readAlso.map((r) => r.title)).toEqual(['Pompa Baru Tiba di Gudang Dinas']);
    expect(article.body).toEqual([P1, 'Harga Pompa Naik Dua Kali Lipat', P2]);
  });
});

describe('holdout-3: a Republika opinion piece', () => {
  const caption = 'Warga menunggu pompa air di tepi sungai, Jakarta, Kamis (8/12/2022). Petugas memasang dua pompa tambahan sejak pagi. Republika/Dewi Sari';
  const text = [
    'Senin 12 Dec 2022 13:38 WIB',
    '',
    'Pompa dan Janji Kota',
    '',
    'Lebih dari dua puluh pompa dipasang sejak pekan lalu.',
    '',
    'Red: Bonar Hutapea',
    caption.replace('sungai, ', 'sungai,  '),
    'Foto: Republika/Dewi Sari',
    caption,
    '',
    'Oleh : Tri Agus Wibowo, Jurnalis Republika.co.id',
    '',
    `REPUBLIKA.CO.ID, ${P1}`,
    '',
    P2,
  ].join('\n');

  it('reads `Red:` alone as the editor and the writer without the description after the comma', () => {
    const article = parseArticle(text);
    expect(article.byline).toEqual({ reporters: ['Tri Agus Wibowo'], editors: ['Bonar Hutapea'], translators: [], desk: null });
    expect(article.subtitle).toBe('Lebih dari dua puluh pompa dipasang sejak pekan lalu.');
  });

  it('removes the outlet prefix without a city (no dateline) and keeps one photo for caption, credit, caption', () => {
    const article = parseArticle(text);
    expect(article.dateline).toBeNull();
    expect(article.body).toEqual([P1, P2]);
    expect(article.photos).toHaveLength(1);
    expect(article.photos[0]).toMatchObject({ credit: 'Republika/Dewi Sari', agency: 'Republika', photographer: 'Dewi Sari', position: 0 });
    expect(article.discarded.map((d) => [d.line, d.reason])).toEqual([
      [9, 'duplicate'],
      [10, 'duplicate'],
    ]);
  });
});

describe('holdout-3: kompas.id is not Kompas.com', () => {
  it('refuses a kompas.id page with UNSUPPORTED_LAYOUT naming it', () => {
    const text = ['logo Kompas.id', 'MetropolitanPompa Tambahan...', 'Iklan', '', 'Pompa Tambahan untuk Bantaran Sungai', '', 'Oleh', 'DEWI SARI', '· 4 menit baca', '', `JAKARTA, KOMPAS — ${P1}`, '', P2].join('\n');
    const result = safeParseArticle(text);
    expect(result.ok ? result.article.title : result.error).toMatchObject({ code: 'UNSUPPORTED_LAYOUT', line: 1 });
    expect(result.ok ? '' : result.error.message).toContain('Kompas.id');
  });
});

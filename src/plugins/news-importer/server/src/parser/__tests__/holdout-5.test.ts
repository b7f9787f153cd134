import { parseArticle } from '..';

// Furniture that the fifth and sixth blind sets (tests/real-pages/holdout-5.json, holdout-6.json)
// showed, rebuilt around invented article text: each case is a general shape, not a copy of a page.

const P1 =
  'Pemerintah kota menambah dua puluh pompa air di kawasan bantaran sungai setelah hujan deras tiga hari berturut-turut merendam ratusan rumah warga di lima kelurahan.';
const P2 = '"Pompa tambahan akan bekerja siang dan malam sampai air surut," kata seorang pejabat dinas sumber daya air kemarin.';
const TITLE = 'Pompa Air Tambahan Tiba di Bantaran Sungai';
const CAPTION = 'Petugas memeriksa pompa air di bantaran sungai, Jakarta, 3 Januari 2020.';

/** tempo.co www's header with its labels on lines of their own, as the CMS prints them. */
const wwwPage = (...header: string[]): string => [TITLE, '', ...header, '', 'image-gnews', `${CAPTION} TEMPO/Budi Santoso`, `${CAPTION} TEMPO/Budi Santoso`, 'Iklan', '', `TEMPO.CO, Jakarta - ${P1}`, '', P2].join('\n');

describe('holdout-5: a name under its label as the editor typed it', () => {
  it.each([['Alia fathiyah'], ['guruh riyanto']])('reads %j under `Editor` as the editor, not as a caption', (name) => {
    const article = parseArticle(wwwPage('Editor', '', name));
    expect(article.byline.editors).toEqual([name]);
    expect(article.photos).toHaveLength(1);
    expect(article.photos[0]).toMatchObject({ caption: CAPTION, credit: 'TEMPO/Budi Santoso' });
  });

  it('does not take a phrase of function words for a name', () => {
    const article = parseArticle(wwwPage('Editor', '', 'di sini saja'));
    expect(article.byline.editors).toEqual([]);
  });

  it('reads `Non Koresponden` in the translator’s slot as no translator', () => {
    const article = parseArticle(wwwPage('Translator', '', 'Non Koresponden', '', 'Editor', '', 'Nurhadi'));
    expect(article.byline).toMatchObject({ translators: [], editors: ['Nurhadi'] });
  });
});

describe('holdout-6: a photo whose only text is its credit', () => {
  it('keeps the credit and leaves the caption empty', () => {
    const text = [TITLE, '', 'Oleh :', '  • Font:', '  • TEMPO/Budi Santoso', '', '    TEMPO/Budi Santoso', '', `    TEMPO Interaktif, Jakarta - ${P1}`, '', P2].join('\n');
    const article = parseArticle(text);
    expect(article.photos).toEqual([expect.objectContaining({ caption: '', credit: 'TEMPO/Budi Santoso', agency: 'TEMPO', photographer: 'Budi Santoso' })]);
    expect(article.body).toEqual([P1, P2]);
  });
});

const LEAD = 'PEMERINTAH kota punya rencana besar. Dua puluh pompa air tiba di bantaran sungai setelah hujan deras tiga hari berturut-turut merendam ratusan rumah warga di lima kelurahan.';
const DECK = 'Pompa datang terlambat. Warga menunggu di atap rumah mereka.';

describe('holdout-5: the 2024 redesign’s rubric above the headline, with the deck before the date', () => {
  it('reads rubric, headline, deck and date', () => {
    const article = parseArticle(['Baca berita dengan sedikit iklan, klik di sini', '', 'Lingkungan', '', TITLE, '', DECK, '', '7 Oktober 1989 | 00.00 WIB', '', LEAD, '', P2].join('\n'));
    expect([article.section, article.title, article.subtitle]).toEqual(['Lingkungan', TITLE, DECK]);
    expect(article.publishedAt).toBe('1989-10-07T00:00:00+07:00');
    expect(article.body).toEqual([LEAD, P2]);
  });

  it('reads Majalah Tempo AMP’s one-word rubric the same way', () => {
    const article = parseArticle(['Perbankan', 'Mencegah Pompa Terlambat', '', DECK, '', 'Senin, 14 Februari 2011', '', LEAD, '', '...', '', 'Berita Lainnya'].join('\n'));
    expect([article.section, article.title, article.subtitle]).toEqual(['Perbankan', 'Mencegah Pompa Terlambat', DECK]);
    expect(article.byline.reporters).toEqual([]);
  });
});

describe('holdout-5: the 2024 redesign’s key points, paywall and author box', () => {
  const page = (...lines: string[]): string => lines.join('\n');

  it('keeps the key points out of the body, ends the story at the Tempo+ paywall and reads the author box', () => {
    const article = parseArticle(
      page(
        'Sinyal Pasar', '', TITLE, '', DECK, '', '16 Juli 2023 | 00.00 WIB', '',
        'Ringkasan Berita', '', '  • Pemerintah menambah pompa air.', '', '  • Warga menunggu di atap rumah.', '', LEAD, '',
        'Image of Tempo', 'Berlangganan Tempo+ untuk membaca cerita lengkapnyaSudah Berlangganan? Masuk di sini',
        '  • Akses edisi mingguan dari Tahun 1971', '  • Akses penuh seluruh artikel Tempo+', 'Lihat Benefit Lainnya', '',
        'Di edisi cetak, artikel ini terbit di bawah judul "Pompa Terlambat"', '', 'Rina Kartika Sari', '',
        'Pemimpin redaksi sebuah tabloid ekonomi sejak 2001 hingga menjadi juru bicara pada 2014.', '', 'close',
      ),
    );
    expect(article.body).toEqual([LEAD]);
    expect(article.byline.reporters).toEqual(['Rina Kartika Sari']);
    expect(article.warnings.map((w) => w.code)).toContain('TRUNCATED');
    const discarded = article.discarded.map((d) => d.text);
    expect(discarded).toEqual(expect.arrayContaining(['Ringkasan Berita', '• Pemerintah menambah pompa air.', 'Lihat Benefit Lainnya']));
  });

  it('reads a header-less archive copy that opens with its key points as a fragment (NO_TITLE)', () => {
    const text = page('Poin penting', 'Pemerintah menambah pompa air.', 'Warga menunggu di atap rumah.', 'Koreksi judul surat pembaca', LEAD, P2);
    expect(() => parseArticle(text)).toThrow(expect.objectContaining({ code: 'NO_TITLE' }));
  });
});

describe('holdout-5: decks and openings of Majalah and Koran Tempo', () => {
  it('reads a deck right under the headline when the story opens with a long word in capitals', () => {
    const lead = 'PERJUANGAN keras warga bantaran sungai sepatutnya mendapat apresiasi tinggi. Dua puluh pompa air akhirnya tiba setelah hujan deras tiga hari berturut-turut merendam ratusan rumah di lima kelurahan.';
    const article = parseArticle([TITLE, DECK, lead, 'Namun pompa itu', '...', 'Berlangganan untuk lanjutkan membaca.', 'Kami mengemas berita, dengan cerita.', 'Manfaat berlangganan Tempo Digital? Lihat Disini'].join('\n'));
    expect(article.subtitle).toBe(DECK);
    expect(article.body[0]).toBe(lead);
  });

  it('does not take an acronym opening a news paragraph for a magazine lead', () => {
    const first = 'Pemerintah kota menambah pompa air di bantaran sungai setelah hujan deras tiga hari berturut-turut merendam rumah warga.';
    const second = 'KPK menetapkan dua pejabat dinas sebagai tersangka pengadaan pompa air yang datang terlambat ke bantaran sungai.';
    const article = parseArticle([TITLE, first, second].join('\n'));
    expect(article.subtitle).toBeNull();
    expect(article.body).toEqual([first, second]);
  });

  it('reads the deck under the date before Koran Tempo’s capital dateline', () => {
    const article = parseArticle([TITLE, 'Jumat, 3 Juni 2022', DECK, '', `JAKARTA — ${P1}`, 'Djarot menerangkan, saat ini kaj', '', 'Berlangganan untuk lanjutkan membaca.'].join('\n'));
    expect(article.subtitle).toBe(DECK);
    expect(article.dateline).toBe('JAKARTA');
    expect(article.body[0]).toBe(P1);
  });

  it('joins lines hard-wrapped at a fixed width, capitalised or not', () => {
    const lines = ['PERTANDINGAN babak penyisihan zona Asia Pasifik grup', 'B untuk merebut kejuaraan dunia yang sekarang berlangsung', 'di Melbourne dan diikuti oleh empat negara baru berakhir', 'Sabtu lalu.'];
    const article = parseArticle(['Ambisi Tuan Rumah', '', 'Sabtu, 24 Maret 1973', '', ...lines, '', P2].join('\n'));
    expect(article.body).toEqual([lines.join(' '), P2]);
  });
});

describe('holdout-5: Koran Tempo AMP’s writers', () => {
  it('takes the named writer after the date over the outlet’s name alone', () => {
    const article = parseArticle([TITLE, '', DECK, '', 'Tempo', '', 'Minggu, 28 Maret 2021', '', 'Rina Kartika Sari', '', LEAD, '', '...', '', 'Berita Lainnya'].join('\n'));
    expect(article.byline).toMatchObject({ reporters: ['Rina Kartika Sari'], desk: null });
    expect(article.body).toEqual([LEAD]);
  });

  it('keeps the outlet as the desk when no writer is named', () => {
    const article = parseArticle([TITLE, '', DECK, '', 'Tempo', '', 'Minggu, 28 Maret 2021', '', LEAD, '', '...', '', 'Berita Lainnya'].join('\n'));
    expect(article.byline).toMatchObject({ reporters: [], desk: 'Tempo' });
  });

  it('reads a columnist’s name repeated under the date with the affiliation as byline, not body', () => {
    const article = parseArticle([TITLE, '', DECK, '', 'Rina Kartika', '', 'Rabu, 12 Juli 2023', '', 'Rina Kartika', 'Pusat Studi Perkotaan', '', LEAD, '', '...', '', 'Berita Lainnya'].join('\n'));
    expect(article.byline.reporters).toEqual(['Rina Kartika']);
    expect(article.body).toEqual([LEAD]);
  });

  it('credits a reporter once when the sign-off repeats the labelled name in capitals', () => {
    const article = parseArticle(wwwPage('Reporter', '', 'Rina Kartika', '', 'Editor', '', 'Nurhadi').replace(P2, `${P2}\n\nRINA KARTIKA`));
    expect(article.byline.reporters).toEqual(['Rina Kartika']);
  });
});

// ---------------------------------------------------------------- holdout-7

describe('holdout-7: credits', () => {
  it.each([
    ['Ilustrasi demam berdarah. Doc KOMUNIKA ONLINE', 'Doc KOMUNIKA ONLINE'],
    ['Pelatih tampil dengan berewok tipis. (instagram/@pelatihbola).', 'instagram/@pelatihbola'],
    ['Laga persahabatan di Stadion Madya, 2 Juni 2024. Instagram /@timnasku', 'Instagram /@timnasku'],
    ['Wali kota membagikan rujak kepada warga, 29 Mei 2016. (BUDI SANTOSO)', 'BUDI SANTOSO'],
    ['Rumah warga rusak akibat gempa, Ahad (29/7). Budi Santoso/Social Media via REUTERS', 'Budi Santoso/Social Media via REUTERS'],
  ])('splits %j', (line, credit) => {
    const article = parseArticle([TITLE, '', 'Editor', '', 'Nurhadi', '', line, '', `TEMPO.CO, Jakarta - ${P1}`, '', P2].join('\n'));
    expect(article.photos[0]?.credit).toBe(credit);
    expect(article.photos[0]?.caption).toBe(line.slice(0, line.lastIndexOf(credit)).replace(/[(\s]+$/, ''));
  });

  it('drops the archive stamp glued to a caption (magz.tempo.co)', () => {
    const caption = 'Floods at the roundabout, Central Jakarta, February 25.';
    const lead = 'SINCE Monday night, the river keeper has been checking the water level every hour, and the city engineer pointed at the new pumps that arrived late.';
    const article = parseArticle(['Flood Pumps Came Late', '', 'Tuesday, March 3, 2020', '', 'The pumps arrived three weeks late.', '', 'arsip tempo : 173077746725.', '', `${caption} ANTARA/Budi Santoso. tempo : 173077746725.`, '', lead, '', '...', '', 'Subscribe to continue reading.'].join('\n'));
    expect(article.photos[0]).toMatchObject({ caption, credit: 'ANTARA/Budi Santoso' });
    expect(article.body).toEqual([lead]);
  });
});

describe('holdout-7: headers', () => {
  it('reads a rubric above a headline that reads like a sentence, when the deck and the date follow', () => {
    const title = 'Konser Besar Penyanyi Campursari Bakal di Panggung Megah';
    const article = parseArticle(['Logo', 'Seni', '', title, '', DECK, '', '20 September 2019 | 17.10 WIB', '', `TEMPO.CO, Jakarta - ${P1}`, '', P2].join('\n'));
    expect([article.section, article.title, article.subtitle]).toEqual(['Seni', title, DECK]);
  });

  it('reads a newsletter whose crawler prefix sits on the masthead, and its edition date ending in a period', () => {
    const article = parseArticle([' date 2023-01 KORAN TEMPO', '', 'Sabtu, 28 Januari 2023.', '', TITLE, '', `${P1}`, '', P2].join('\n'));
    expect(article.title).toBe(TITLE);
    expect(article.publishedAt).toBe('2023-01-28T00:00:00+07:00');
  });

  it('reads `Oleh Name` without a colon as the byline, and the longform deck between the date and it', () => {
    const deck = 'Hutan bakau di teluk terus menyusut. Ada peran perusahaan dan penebangan di zona pelindung. Liputan ini hasil kolaborasi beberapa media.';
    const article = parseArticle(['Longform', '', TITLE, '', 'Rabu, 22 Maret 2023', '', deck, '', 'Oleh Rina Kartika', '', 'tempo', '', P1, '', P2].join('\n'));
    expect(article.subtitle).toBe(deck);
    expect(article.byline).toMatchObject({ reporters: ['Rina Kartika'], desk: null });
    expect(article.body).toEqual([P1, P2]);
  });

  it('still reads "Oleh karena itu …" as a sentence', () => {
    const sentence = 'Oleh karena itu pompa tambahan didatangkan dari provinsi tetangga.';
    const article = parseArticle(wwwPage('Editor', '', 'Nurhadi').replace(P2, `${sentence}\n\n${P2}`));
    expect(article.body).toContain(sentence);
  });

  it('reads a kicker under a Majalah headline before a story opening in capitals', () => {
    const kicker = 'Sutradara Pilihan, Rina Kartika Sari';
    const lead = 'FILM Bantaran biasa saja. Gambarnya biasa. Karakter orang-orangnya juga biasa, tapi justru di situlah kekuatannya sebagai potret warga bantaran sungai yang menunggu pompa air.';
    const article = parseArticle(['Sebuah Film yang Tak Diindah-indahkan', kicker, lead, '...', 'Berlangganan untuk lanjutkan membaca.', 'Kami mengemas berita, dengan cerita.', 'Manfaat berlangganan Tempo Digital? Lihat Disini'].join('\n'));
    expect(article.subtitle).toBe(kicker);
    expect(article.body).toEqual([lead]);
  });

  it('keeps the logged-in reader’s account menu out of the article', () => {
    const menu = ['Ubah No. Telepon', '', 'Ubah Kata Sandi', '', 'Topik Favorit', '', 'Hapus Berita', '', 'Apakah Anda yakin akan menghapus berita?', '', 'Ubah Data Diri', '', 'Jenis Kelamin', ''];
    const article = parseArticle([...menu, wwwPage('Editor', '', 'Nurhadi')].join('\n'));
    expect(article.title).toBe(TITLE);
  });
});

describe('holdout-7: read-also labels', () => {
  it.each([['Simak: '], ['Berita terkait: ']])('reads %j as a read-also line', (label) => {
    const link = 'Pompa Air Kedua Tiba Pekan Depan';
    const article = parseArticle(wwwPage('Editor', '', 'Nurhadi').replace(P2, `${label}${link}\n\n${P2}`));
    expect(article.readAlso.map((r) => r.title)).toEqual([link]);
  });
});

// ---------------------------------------------------------------- holdout-8

describe('holdout-8: the date at the top of the 2015–2019 template', () => {
  const header = (...byline: string[]): string => ['Sabtu, 7 Desember 2019', '', TITLE, '', ...byline, '', '  • Font:', '  • Ukuran Font: - +', `  • TEMPO.CO, Jakarta - ${P1}`, '', `    ${P2}`].join('\n');

  it('keeps the day the page was copied as pageDate, not as the publication date', () => {
    const article = parseArticle(header('Reporter:', 'Editor:', '', 'Rina Kartika'));
    expect(article.publishedAt).toBeNull();
    expect(article.pageDate).toBe('2019-12-07T00:00:00+07:00');
    expect(article.warnings.map((w) => w.code)).toContain('PAGE_DATE');
    expect(article.warnings.map((w) => w.code)).not.toContain('NO_DATE');
  });

  it('does so with a name and the Font widget under the headline too (en.tempo.co’s old template)', () => {
    expect(parseArticle(header('Rina Kartika')).pageDate).toBe('2019-12-07T00:00:00+07:00');
  });

  it('still reads a newsletter’s edition date above its headline as the publication date', () => {
    const article = parseArticle(['Selasa, 1 Februari 2022', TITLE, '', 'Rina Kartika', '', `    ${P1}`, '', `    ${P2}`].join('\n'));
    expect(article.publishedAt).toBe('2022-02-01T00:00:00+07:00');
    expect(article.pageDate).toBeNull();
  });

  it('keeps a date line right above a headline printed twice', () => {
    const article = parseArticle(['Selasa, 1 Februari 2022', TITLE, '', 'Rina Kartika', '', '    COVER STORY', '', `    ${TITLE}`, '', `    ${P1}`, '', `    ${P2}`].join('\n'));
    expect(article.title).toBe(TITLE);
    expect(article.publishedAt).toBe('2022-02-01T00:00:00+07:00');
  });
});

describe('holdout-8: credits and rubrics', () => {
  it('never takes a credit printed twice for the headline', () => {
    const article = parseArticle([TITLE, '', 'image-gnews', 'TEMPO/Budi Santoso', 'TEMPO/Budi Santoso', 'Iklan', '', `TEMPO Interaktif, Semarang - ${P1}`, '', P2].join('\n'));
    expect(article.title).toBe(TITLE);
    expect(article.photos[0]).toMatchObject({ caption: '', credit: 'TEMPO/Budi Santoso' });
  });

  it.each([
    ['Ilustrasi kebakaran hutan. (ilustrasi: budi santoso, rina kartika)', 'ilustrasi: budi santoso, rina kartika'],
    ['Suasana pendakian ke gunung.(foto dokumentasi Trip Bersama).', 'foto dokumentasi Trip Bersama'],
  ])('takes the self-described credit out of %j', (line, credit) => {
    const article = parseArticle([TITLE, '', 'Editor', '', 'Nurhadi', '', line, '', `TEMPO.CO, Jakarta - ${P1}`, '', P2].join('\n'));
    expect(article.photos[0]?.credit).toBe(credit);
  });

  it('reads a one-word rubric above a two-word headline when the deck and the date follow', () => {
    const article = parseArticle(['Seni', '', 'Mendaki Rinjani', '', DECK, '', '12 Juni 2022 | 00.00 WIB', '', `TEMPO.CO, Jakarta - ${P1}`, '', P2].join('\n'));
    expect([article.section, article.title]).toEqual(['Seni', 'Mendaki Rinjani']);
  });
});

describe('holdout-8: Koran editorials, columns and read-also lists', () => {
  const LONG = `${P1} Pompa tambahan dikirim dari gudang provinsi, tapi sebagian tertahan di pelabuhan karena cuaca buruk dan antrean kapal yang panjang sejak awal pekan.`;

  it('drops the stamp left with its rubric’s period and the cut second printing of a long paragraph', () => {
    const text = ['Ribut Pompa Air', '', P2, '', LONG, '', 'arsip tempo : 172896920879.', '', '. tempo : 172896920879.', '', P2, '', LONG.slice(0, 150), '', '...', '', 'Berlangganan untuk lanjutkan membaca.'].join('\n');
    const article = parseArticle(text);
    expect(article.body).toEqual([P2, LONG]);
  });

  it('reads a column’s author box with a short description, and an icon id glued to its label as furniture', () => {
    const article = parseArticle(
      ['Marginalia', '', 'Berita Tempo Plus', '', TITLE, '', DECK, '', '6 Agustus 2023 | 00.00 WIB', '', 'Ilustrasi Tempo/Budi Santoso', 'material-symbols:fullscreenPerbesar', 'Ilustrasi Tempo/Budi Santoso', '', LEAD, '',
        'Berlangganan Tempo+ untuk membaca cerita lengkapnyaSudah Berlangganan? Masuk di sini', '  • Akses penuh seluruh artikel Tempo+', 'Lihat Benefit Lainnya', 'Rina Kartika Sari', '', 'Penulis dan relawan', '', 'close'].join('\n'),
    );
    expect(article.byline.reporters).toEqual(['Rina Kartika Sari']);
    expect(article.body).toEqual([LEAD]);
    expect(article.discarded.find((d) => d.text.startsWith('material-symbols'))?.reason).toBe('widget');
  });

  it('reads the titles listed right under `Baca juga:` as read-also links, the paragraph after them as body', () => {
    const text = [TITLE, '', 'Rabu, 22 Agustus 2018 09:47 WIB', '', `TEMPO.CO, Jakarta - ${P1}`, '', 'Baca juga:', 'Pompa Kedua Tiba Pekan Depan', 'Warga Bantaran Sungai Mengungsi', '', P2].join('\n');
    const article = parseArticle(text);
    expect(article.readAlso.map((r) => r.title)).toEqual(['Pompa Kedua Tiba Pekan Depan', 'Warga Bantaran Sungai Mengungsi']);
    expect(article.body).toEqual([P1, P2]);
  });
});

// ---------------------------------------------------------------- holdout-9 (after its blind run)

describe('holdout-9: credits glued or piped, positions and statuses', () => {
  it.each([
    ['Warga berbelanja di pasar tradisional Terminal Baru.TEMPO/Budi Santoso.', 'Warga berbelanja di pasar tradisional Terminal Baru.', 'TEMPO/Budi Santoso'],
    ['Area pertambangan di Kutai Kartanegara, 27 Juni 2019./Tempo/Budi Santoso', 'Area pertambangan di Kutai Kartanegara, 27 Juni 2019.', 'Tempo/Budi Santoso'],
    ['Ruas jalan di Malioboro begitu padat, Sabtu, 11 September 2021. TEMPO | Budi Santoso', 'Ruas jalan di Malioboro begitu padat, Sabtu, 11 September 2021.', 'TEMPO | Budi Santoso'],
  ])('splits %j', (line, caption, credit) => {
    const article = parseArticle([TITLE, '', 'Editor', '', 'Nurhadi', '', line, '', `TEMPO.CO, Jakarta - ${P1}`, '', P2].join('\n'));
    expect(article.photos[0]).toMatchObject({ caption, credit, photographer: 'Budi Santoso' });
  });

  it('reads a columnist’s position under the name as who the writer is, not a second writer', () => {
    const article = parseArticle([TITLE, '', 'Rina Kartika', 'Ketua Pengurus Harian Lembaga Konsumen', '', P1, '', P2].join('\n'));
    expect(article.byline.reporters).toEqual(['Rina Kartika']);
    expect(article.body).toEqual([P1, P2]);
  });

  it('reads a sign-off with the reporter’s status in brackets as the reporter', () => {
    const article = parseArticle(wwwPage('Editor', '', 'Nurhadi').replace(P2, `${P2}\n\nRINA KARTIKA (CONTRIBUTOR)`));
    expect(article.byline.reporters).toEqual(['RINA KARTIKA']);
  });
});

describe('holdout-10 (after its blind run)', () => {
  it('takes the label off a bracketed `(Foto: …)` credit', () => {
    const line = 'Pembalap mengukuhkan kemenangan keenam berturut-turut di Silverstone. (Foto: Tim Balap Merah)';
    const article = parseArticle([TITLE, '', 'Editor', '', 'Nurhadi', '', line, line, '', `TEMPO.CO, Jakarta - ${P1}`, '', P2].join('\n'));
    expect(article.photos[0]).toMatchObject({ caption: 'Pembalap mengukuhkan kemenangan keenam berturut-turut di Silverstone.', credit: 'Tim Balap Merah' });
  });
});

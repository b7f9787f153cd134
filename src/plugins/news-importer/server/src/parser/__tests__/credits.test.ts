import { matchCreditLine, parseCredit, splitCaption } from '../credits';

describe('parseCredit', () => {
  it.each([
    ['Stefani Reynolds/Pool via REUTERS', 'Stefani Reynolds', 'REUTERS', true],
    ['Pavel Golovkin / Pool via REUTERS', 'Pavel Golovkin', 'REUTERS', true],
    ['TEMPO/Subekti.', 'Subekti', 'TEMPO', false],
    ['TEMPO / Hilman Fathurrahman W', 'Hilman Fathurrahman W', 'TEMPO', false],
    ['ANTARA FOTO/Budi Santoso', 'Budi Santoso', 'ANTARA FOTO', false],
    ['ANTARA FOTO/Sigid Kurniawan/foc.', 'Sigid Kurniawan', 'ANTARA FOTO', false],
    ['REUTERS/Kim Hong-Ji', 'Kim Hong-Ji', 'REUTERS', false],
    ['REUTERS/Kim Hong-Ji/Pool', 'Kim Hong-Ji', 'REUTERS', true],
    ['Tempo/Fajar Januarta', 'Fajar Januarta', 'Tempo', false],
    ['AP Photo/Evan Vucci', 'Evan Vucci', 'AP Photo', false],
    ['ANTARA/Dok', null, 'ANTARA', false],
    ['Evan Vucci/AP', 'Evan Vucci', 'AP', false],
  ])('reads %j', (credit, photographer, agency, pool) => {
    expect(parseCredit(credit)).toMatchObject({ photographer, agency, pool });
  });

  it.each([['dan/atau'], ['Reuters/Ipsos kata dia'], ['5/5/2022'], ['Baca: Judul/Lain'], ['Budi/Andi']])('rejects %j', (text) => {
    expect(parseCredit(text)).toBeNull();
  });
});

describe('splitCaption', () => {
  it('splits the caption from a trailing credit, without the period that closes the line', () => {
    expect(splitCaption('Presiden Jokowi di Istana Merdeka, Jakarta, 5 Mei 2022. TEMPO/Subekti.', 'body')).toEqual({
      caption: 'Presiden Jokowi di Istana Merdeka, Jakarta, 5 Mei 2022.',
      credit: 'TEMPO/Subekti',
      photographer: 'Subekti',
      agency: 'TEMPO',
      pool: false,
      agencyOnly: false,
    });
  });

  it('keeps the period of an initial or an abbreviation at the end of a credit', () => {
    expect(splitCaption('Warga di Jakarta, 5 Mei 2022. ANTARA FOTO/M. Agung R.', 'header')?.credit).toBe('ANTARA FOTO/M. Agung R.');
    expect(splitCaption('Warga di Jakarta, 5 Mei 2022. Tempo/Annisa Febiola.', 'header')?.credit).toBe('Tempo/Annisa Febiola');
  });

  it('reads an archive mark, a picture site in any case, a labelled credit after a spaced slash and a name typed in lower case', () => {
    expect(splitCaption('Ilustrasi kebakaran. Dok. TEMPO/Eko Siswono', 'header')).toMatchObject({ caption: 'Ilustrasi kebakaran.', credit: 'Dok. TEMPO/Eko Siswono', agency: 'TEMPO', photographer: 'Eko Siswono' });
    expect(splitCaption('Ilustrasi minyak pembersih wajah. Youtube.com', 'header')).toMatchObject({ caption: 'Ilustrasi minyak pembersih wajah.', credit: 'Youtube.com' });
    expect(splitCaption('Para pekerja film bertemu menteri. PHOTO / Coordinating Ministry for the Economy', 'header')).toMatchObject({
      caption: 'Para pekerja film bertemu menteri.',
      credit: 'Coordinating Ministry for the Economy',
    });
    expect(splitCaption('Petugas memantau gempa di Ambon, 17 Juli 2019. ANTARA/budi santoso', 'header')).toMatchObject({ credit: 'ANTARA/budi santoso', photographer: 'budi santoso', agency: 'ANTARA' });
  });

  it('takes the credit out of brackets and parentheses', () => {
    expect(splitCaption('Konferensi pers di Sochi, 13 Mei 2019. [Pavel Golovkin / Pool via REUTERS]', 'body')?.credit).toBe('Pavel Golovkin / Pool via REUTERS');
    expect(splitCaption('Petugas menyiapkan kotak suara, 5 Juli 2014. (ANTARA/Dok)', 'body')?.credit).toBe('ANTARA/Dok');
  });

  it('finds an agency credit even without a period before it', () => {
    expect(splitCaption('Presiden Jokowi di Istana Negara Jakarta TEMPO/Subekti', 'body')).toMatchObject({
      caption: 'Presiden Jokowi di Istana Negara Jakarta',
      credit: 'TEMPO/Subekti',
    });
  });

  it('accepts a bare bracketed agency under the title but not in the body', () => {
    const line = 'Suasana rapat di Gedung DPR, Jakarta, 1 Juni 2022. (ANTARA)';
    expect(splitCaption(line, 'header')?.agency).toBe('ANTARA');
    expect(splitCaption(line, 'body')).toBeNull();
  });

  it.each([
    ['a parenthetical abbreviation', 'Kasus itu kini ditangani Komisi Pemberantasan Korupsi (KPK).'],
    ['an inline read-also', 'Lavrov memberi selamat kepada Xi Jinping. (Baca: Xi Jinping Terpilih Lagi/Kongres)'],
    ['a survey attribution', 'Hasil itu sesuai jajak pendapat Reuters/Ipsos.'],
    ['and/or', 'Pelaku dapat dipidana penjara dan/atau denda.'],
    ['a numeric date', 'Rapat digelar pada Kamis (5/5/2022).'],
    ['a URL', 'Informasi lengkap ada di https://tempo.co/read/123/Berita'],
    ['a quoted sentence', '“Kami sudah bekerja sama dengan REUTERS/AP,” kata dia'],
  ])('never turns %s in the body into a caption', (_label, text) => {
    expect(splitCaption(text, 'body')).toBeNull();
  });
});

describe('credits without slash or brackets (issue 10)', () => {
  it.each([
    ['Perdana Menteri Contoh menyapa warga di London. REUTERS', 'Perdana Menteri Contoh menyapa warga di London.', 'REUTERS'],
    ['Petugas menata kotak suara di gudang, 5 Juli 2014. ANTARA FOTO', 'Petugas menata kotak suara di gudang, 5 Juli 2014.', 'ANTARA FOTO'],
    ['Ilustrasi orang bekerja di kantor. shutterstock.com', 'Ilustrasi orang bekerja di kantor.', 'shutterstock.com'],
    ['Sampul majalah edisi khusus. Kredit: Time', 'Sampul majalah edisi khusus.', 'Time'],
    ['Gubernur meninjau banjir, 3 Maret 2021.[TEMPO]', 'Gubernur meninjau banjir, 3 Maret 2021.', 'TEMPO'],
    ['Presiden menyapa wartawan di Padang, 8 Februari 2018. Foto/Contoh/Biro Pers Setpres', 'Presiden menyapa wartawan di Padang, 8 Februari 2018.', 'Foto/Contoh/Biro Pers Setpres'],
  ])('splits %j under the headline', (line, caption, credit) => {
    expect(splitCaption(line, 'header')).toMatchObject({ caption, credit });
  });

  it('keeps ANTARA FOTO as the agency when its photographer follows', () => {
    expect(splitCaption('Presiden di Yogyakarta, 31 Desember 2019. ANTARA FOTO/Contoh Fotografer', 'header')).toMatchObject({ credit: 'ANTARA FOTO/Contoh Fotografer', agency: 'ANTARA FOTO' });
  });

  it('does not take a bare agency after a body sentence for a credit', () => {
    expect(splitCaption('Kantor berita itu mengutip pejabat setempat. REUTERS', 'body')).toBeNull();
  });
});

describe('matchCreditLine', () => {
  it.each([
    ['Foto: Republika/Contoh Fotografer', 'Republika/Contoh Fotografer'],
    ['Foto: Contoh Fotografer', 'Contoh Fotografer'],
    ['TEMPO', 'TEMPO'],
    ['Kompas.com/Contoh Fotografer', 'Kompas.com/Contoh Fotografer'],
  ])('reads %j', (line, credit) => {
    expect(matchCreditLine(line)).toBe(credit);
  });

  it('rejects a sentence', () => {
    expect(matchCreditLine('Foto itu beredar luas di media sosial sejak pekan lalu dan memicu perdebatan panjang di antara warganet yang penasaran.')).toBeNull();
  });
});

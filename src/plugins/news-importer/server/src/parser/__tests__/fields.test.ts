import { matchBylineLabel, matchInlineByline, matchSignOff, splitNames } from '../byline';
import { splitDateline } from '../dateline';
import { lineKey } from '../input';
import { detectLanguage } from '../language';
import { classifyNoise } from '../noise';
import { extractInlineReadAlso, matchReadAlsoLine } from '../read-also';
import { matchSourceLine } from '../source';
import { isSectionLabel, isTitleLike } from '../title';

describe('byline', () => {
  it('reads label lines, with and without a colon', () => {
    expect(matchBylineLabel('Reporter')).toEqual({ role: 'reporters', colon: false });
    expect(matchBylineLabel('Editor:')).toEqual({ role: 'editors', colon: true });
    expect(matchBylineLabel('Penerjemah')).toEqual({ role: 'translators', colon: false });
    expect(matchBylineLabel('Reporter Tempo')).toBeNull();
  });

  it.each([
    ['Editor Nurhadi', [{ role: 'editors', names: ['Nurhadi'] }]],
    ['Translator Ricky Mohammad Nugraha', [{ role: 'translators', names: ['Ricky Mohammad Nugraha'] }]],
    ['Oleh : Pito Agustin Rudiana', [{ role: 'reporters', names: ['Pito Agustin Rudiana'] }]],
    ['Oleh: Andi Firdaus, Rina Nur Anggraini, & Budi Suyanto', [{ role: 'reporters', names: ['Andi Firdaus', 'Rina Nur Anggraini', 'Budi Suyanto'] }]],
    ['Penulis Ahmad Naufal Dzulfaroh', [{ role: 'reporters', names: ['Ahmad Naufal Dzulfaroh'] }]],
    [
      'Rep: Fauziah Mursid/ Red: Andri Saubani',
      [
        { role: 'reporters', names: ['Fauziah Mursid'] },
        { role: 'editors', names: ['Andri Saubani'] },
      ],
    ],
  ])('reads the one-line byline %j', (text, credits) => {
    expect(matchInlineByline(text)).toEqual(credits);
  });

  it.each([
    ['Oleh karena itu, pemerintah menunda rencana tersebut.'],
    ['Editor majalah itu mengatakan laporan tersebut akurat.'],
    ['Reporter Tempo, Budi, melaporkan dari lokasi kejadian.'],
  ])('does not read a sentence as a byline: %j', (text) => {
    expect(matchInlineByline(text)).toBeNull();
  });

  it('splits names on commas, ampersands and "dan"', () => {
    expect(splitNames('A. Syalaby Ichsan dan Dewi Nurita')).toEqual(['A. Syalaby Ichsan', 'Dewi Nurita']);
    expect(splitNames('Tempo.co')).toEqual(['Tempo.co']);
    expect(splitNames('Menteri luar negeri')).toBeNull();
  });

  it('reads all-caps sign-offs', () => {
    expect(matchSignOff('MAYA AYU PUSPITASARI')).toEqual({ sources: [], reporter: 'MAYA AYU PUSPITASARI' });
    expect(matchSignOff('ANTARA | DN')).toEqual({ sources: ['ANTARA'], reporter: 'DN' });
    expect(matchSignOff('REUTERS | AL JAZEERA | SUCI SEKARWATI')).toEqual({ sources: ['REUTERS', 'AL JAZEERA'], reporter: 'SUCI SEKARWATI' });
    expect(matchSignOff('REUTERS')).toEqual({ sources: ['REUTERS'], reporter: null });
    expect(matchSignOff('Maya Ayu Puspitasari')).toBeNull();
    expect(matchSignOff('KPK MENAHAN TIGA TERSANGKA KASUS SUAP PROYEK JALAN DI KABUPATEN BOGOR')).toBeNull();
  });
});

describe('dateline', () => {
  it.each([
    ['TEMPO.CO, Jakarta - Menteri Luar Negeri', 'Jakarta', 'Menteri Luar Negeri'],
    ['TEMPO.CO, Jakarta -Korea Utara menembakkan', 'Jakarta', 'Korea Utara menembakkan'],
    ['TEMPO.CO, JakartaIsrael memerintahkan', 'Jakarta', 'Israel memerintahkan'],
    ['TEMPO.CO, San Francisco - Apple Inc', 'San Francisco', 'Apple Inc'],
    ['TEMPO.CO, London – Perdana Menteri', 'London', 'Perdana Menteri'],
    ['JAKARTA – Kepolisian Resor', 'JAKARTA', 'Kepolisian Resor'],
    ['JAKARTA, KOMPAS.com - PT Jasa Marga', 'JAKARTA', 'PT Jasa Marga'],
    ['Jakarta, CNN Indonesia -- Badan Meteorologi', 'Jakarta', 'Badan Meteorologi'],
    ['Jakarta (ANTARA) - Menteri Kesehatan', 'Jakarta', 'Menteri Kesehatan'],
    ['REPUBLIKA.CO.ID, JAKARTA -- Pemerintah', 'JAKARTA', 'Pemerintah'],
    ['KOMPAS.com - Sebanyak 12 orang', null, 'Sebanyak 12 orang'],
    ['Jakarta - Polisi menyelidiki', 'Jakarta', 'Polisi menyelidiki'],
  ])('splits %j', (text, dateline, rest) => {
    expect(splitDateline(text, true)).toEqual({ dateline, rest });
  });

  it('uses the city-only patterns only when allowed', () => {
    expect(splitDateline('Jakarta - Polisi menyelidiki', false)).toBeNull();
    expect(splitDateline('TEMPO.CO, Jakarta - Polisi', false)).toEqual({ dateline: 'Jakarta', rest: 'Polisi' });
  });

  it('leaves ordinary paragraphs alone', () => {
    expect(splitDateline('Menteri Luar Negeri Cina Wang Yi berjanji akan mendukung Rusia.', true)).toBeNull();
  });
});

describe('read-also and source', () => {
  it.each([
    ['Baca juga: Rishi Sunak Jadi PM Inggris', 'Rishi Sunak Jadi PM Inggris'],
    ['Baca juga : Prabowo-Sandi Tolak Hasil Rekapitulasi KPU', 'Prabowo-Sandi Tolak Hasil Rekapitulasi KPU'],
    ['Baca: Jokowi Minta Pembangunan Bendungan Dipercepat', 'Jokowi Minta Pembangunan Bendungan Dipercepat'],
    ["Editor's Choice: Indonesia Tightens Health Checks", 'Indonesia Tightens Health Checks'],
  ])('reads %j', (text, title) => {
    expect(matchReadAlsoLine(text)).toEqual({ title, url: null });
  });

  it('splits a trailing URL and recognises a label whose title is on the next line', () => {
    expect(matchReadAlsoLine('Baca juga: Judul Berita https://www.tempo.co/read/1')).toEqual({ title: 'Judul Berita', url: 'https://www.tempo.co/read/1' });
    expect(matchReadAlsoLine('Baca juga:')).toBe('label');
    expect(matchReadAlsoLine('Bacaan ringan untuk akhir pekan')).toBeNull();
  });

  it('moves inline read-also out of a paragraph and closes the gap', () => {
    expect(extractInlineReadAlso('Air baku 200 liter per detik. (Baca: PUPR Targetkan 61 Bendungan) Bendungan ini juga tempat wisata.')).toEqual({
      paragraph: 'Air baku 200 liter per detik. Bendungan ini juga tempat wisata.',
      readAlso: [{ title: 'PUPR Targetkan 61 Bendungan', url: null }],
    });
    expect(extractInlineReadAlso('Ia memberi selamat (Baca juga: Xi Terpilih Lagi).').paragraph).toBe('Ia memberi selamat.');
  });

  it('reads the source line but not a caption mentioning a source', () => {
    expect(matchSourceLine('Sumber: RT.com')).toBe('RT.com');
    expect(matchSourceLine('Source: Reuters, Al Jazeera')).toBe('Reuters, Al Jazeera');
    expect(matchSourceLine('Tangkapan layar akun resmi KPU (Sumber: Instagram @kpu_ri) yang memuat pengumuman.')).toBeNull();
  });
});

describe('noise', () => {
  it.each([
    ['Advertising', 'ad'],
    ['Iklan', 'ad'],
    ['Scroll Untuk Melanjutkan', 'ad'],
    ['Baca Selengkapnya', 'widget'],
    ['  • Ukuran Font: - +', 'widget'],
    ['Image of Tempo', 'widget'],
    ['Scroll ke bawah untuk membaca berita', 'widget'],
    ['Ikuti berita terkini dari Tempo.co di Google News, klik di sini.', 'boilerplate'],
    ['Baca berita dengan sedikit iklan, klik disini', 'boilerplate'],
    ['Click here to get the latest news updates from Tempo on Google News', 'boilerplate'],
    ['Masuk', 'boilerplate'],
  ])('classifies %j as %s', (text, reason) => {
    expect(classifyNoise(lineKey(text.trim()))?.reason).toBe(reason);
  });

  it('flags paywall notices', () => {
    expect(classifyNoise(lineKey('Artikel ini khusus untuk pelanggan Tempo.'))).toEqual({ reason: 'boilerplate', paywall: true });
  });

  it('leaves content alone', () => {
    expect(classifyNoise(lineKey('Iklan rokok dilarang tampil di televisi pada jam tayang utama.'))).toBeNull();
    expect(classifyNoise(lineKey('Masuk angin'))).toBeNull();
  });
});

describe('title, section and language', () => {
  it('accepts headlines and rejects sentences', () => {
    expect(isTitleLike('Siapakah Andrei Belousov, Menteri Pertahanan Pilihan Putin?')).toBe(true);
    expect(isTitleLike('Beijing akan dengan tegas mendukung Rusia.')).toBe(false);
    expect(isTitleLike('—')).toBe(false);
  });

  it('knows the section labels', () => {
    expect(isSectionLabel('internasional')).toBe(true);
    expect(isSectionLabel('cina dan rusia')).toBe(false);
  });

  it('detects the language from the body', () => {
    expect(detectLanguage(['Menteri itu mengatakan bahwa pemerintah akan membantu warga yang terdampak.'], null)).toBe('id');
    expect(detectLanguage(['The minister said that the government will help the people affected by the floods.'], null)).toBe('en');
    expect(detectLanguage(['Jokowi'], 'en')).toBe('en');
  });
});

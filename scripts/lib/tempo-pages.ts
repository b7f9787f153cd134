/**
 * Generated Tempo.co-shaped article pages for the benchmarks: deterministic (page `n` is always the
 * same text), in the layout of database/seeds/: title, byline, date line, a lead photo, paragraphs with
 * a second photo, source, Google News boilerplate and a related list of 10 items.
 */

const WORDS = (
  'pemerintah menteri presiden rakyat kebijakan anggaran daerah kota warga polisi hukum ekonomi ' +
  'pasar harga naik turun persen miliar triliun rupiah kata dia mengatakan menurut bahwa yang dan ' +
  'di ke dari untuk dengan pada dalam akan sudah telah masih belum juga tidak bisa harus itu ini ' +
  'Jakarta Bandung Surabaya Jokowi Prabowo KPK DPR Bank Indonesia Tempo Kementerian Keuangan'
).split(' ');
const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
const DAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];
const CREDITS = ['TEMPO/Subekti.', 'ANTARA FOTO/Budi Santoso', 'REUTERS/Kim Hong-Ji', '[Pavel Golovkin / Pool via REUTERS]', 'Stefani Reynolds/Pool via REUTERS'];
const NOISE = ['Advertising', 'Iklan', 'Scroll Untuk Melanjutkan', 'Baca berita dengan sedikit iklan, klik di sini'];
const FIRST_NAMES = ['Andita', 'Budi', 'Dewi', 'Eko', 'Fajar', 'Gita', 'Hendra', 'Indah', 'Joko', 'Kartika'];
const LAST_NAMES = ['Rahma', 'Suhada', 'Pratama', 'Wibowo', 'Lestari'];

/** 50 names shared by all pages, so most imports find their reporters already there. */
export const REPORTER_POOL: readonly string[] = FIRST_NAMES.flatMap((first) => LAST_NAMES.map((last) => `${first} ${last}`));

/** Photos and related items on every generated page (without `furniture`). */
export const PAGE_PHOTOS = 2;
export const PAGE_RELATED = 10;

/** A small deterministic PRNG (an LCG) so every run sees the same pages. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

export interface PageOptions {
  /**
   * Also scatter what real pages carry and the parser must sort out: ad lines, inline `(Baca: …)`,
   * `Baca juga:` lines and extra photos (then the photo count varies).
   */
  furniture?: boolean;
}

/** The text of page `n`. Titles end in `n`, so every page is a different story. */
export function makeTempoPage(n: number, options: PageOptions = {}): string {
  const rnd = prng(n + 7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const words = (count: number): string => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = (): string => {
    const s = words(8 + Math.floor(rnd() * 14));
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (): string => Array.from({ length: 2 + Math.floor(rnd() * 3) }, sentence).join(' ');
  const title = (): string => words(6 + Math.floor(rnd() * 6)).replace(/(^|\s)\S/g, (c) => c.toUpperCase());
  const photo = (): string => `${sentence()} ${pick(CREDITS)}`;
  const time = `${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')}`;

  const blocks: string[] = [
    `${title()} ${n}`,
    'Reporter',
    REPORTER_POOL[n % REPORTER_POOL.length]!,
    'Editor',
    REPORTER_POOL[(n * 7 + 3) % REPORTER_POOL.length]!,
    `${pick(DAYS)}, ${1 + Math.floor(rnd() * 28)} ${pick(MONTHS)} ${2015 + Math.floor(rnd() * 10)} ${time} WIB`,
    photo(),
  ];
  const paragraphs = 6 + Math.floor(rnd() * 10);
  for (let p = 0; p < paragraphs; p++) {
    let text = paragraph();
    if (p === 0) text = `TEMPO.CO, Jakarta - ${text}`;
    if (options.furniture && rnd() < 0.1) text = `${text} (Baca: ${title()})`;
    blocks.push(text);
    if (p === 2) blocks.push(photo());
    if (options.furniture) {
      if (rnd() < 0.15) blocks.push(pick(NOISE));
      if (rnd() < 0.1) blocks.push(photo());
      if (rnd() < 0.05) blocks.push(`Baca juga: ${title()}`);
    }
  }
  blocks.push('Sumber: RT.com', 'Ikuti berita terkini dari Tempo.co di Google News, klik di sini.', 'Berita terkait');
  for (let r = 0; r < PAGE_RELATED; r++) {
    const t = title();
    blocks.push(t, `${1 + Math.floor(rnd() * 23)} jam lalu`, t, sentence(), 'Baca Selengkapnya');
  }
  return blocks.join('\n\n');
}

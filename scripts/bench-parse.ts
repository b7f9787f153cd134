/**
 * `npm run bench:parse [-- --articles N]`
 *
 * Generates N (default 2,000) Tempo-shaped article pages — title, byline, date line, captions,
 * paragraphs with inline read-also, ads, source, related list — and parses them all from UTF-8
 * bytes on one core, then prints the throughput. Target: ≥ 20 MB/s. A benchmark, not a test:
 * it never fails on speed.
 */
import { parseArticle } from '../src/plugins/news-importer/server/src/parser';

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

/** A small deterministic PRNG so every run parses the same pages. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function makeArticle(n: number): string {
  const rnd = prng(n + 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const words = (count: number): string => Array.from({ length: count }, () => pick(WORDS)).join(' ');
  const sentence = (): string => {
    const s = words(8 + Math.floor(rnd() * 14));
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (): string => Array.from({ length: 2 + Math.floor(rnd() * 3) }, sentence).join(' ');
  const title = (): string => words(6 + Math.floor(rnd() * 6)).replace(/(^|\s)\S/g, (c) => c.toUpperCase());
  const blocks: string[] = [title(), 'Reporter', 'Andita Rahma', 'Editor', 'Amirullah Suhada'];
  blocks.push(`${pick(DAYS)}, ${1 + Math.floor(rnd() * 28)} ${pick(MONTHS)} ${2015 + Math.floor(rnd() * 10)} ${String(Math.floor(rnd() * 24)).padStart(2, '0')}:${String(Math.floor(rnd() * 60)).padStart(2, '0')} WIB`);
  blocks.push(`${sentence()} ${pick(CREDITS)}`);
  const paragraphs = 6 + Math.floor(rnd() * 14);
  for (let p = 0; p < paragraphs; p++) {
    let text = paragraph();
    if (p === 0) text = `TEMPO.CO, Jakarta - ${text}`;
    if (rnd() < 0.1) text = `${text} (Baca: ${title()})`;
    blocks.push(text);
    if (rnd() < 0.15) blocks.push(pick(NOISE));
    if (rnd() < 0.1) blocks.push(`${sentence()} ${pick(CREDITS)}`);
    if (rnd() < 0.05) blocks.push(`Baca juga: ${title()}`);
  }
  blocks.push('Sumber: RT.com', 'Ikuti berita terkini dari Tempo.co di Google News, klik di sini.', 'Berita terkait');
  for (let r = 0; r < 10; r++) {
    const t = title();
    blocks.push(t, `${1 + Math.floor(rnd() * 23)} jam lalu`, t, sentence(), 'Baca Selengkapnya');
  }
  return blocks.join('\n\n');
}

function main(): void {
  const flag = process.argv.indexOf('--articles');
  const count = flag >= 0 ? Number(process.argv[flag + 1]) : 2000;
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write('Usage: npm run bench:parse [-- --articles N]\n');
    process.exitCode = 2;
    return;
  }
  const encoder = new TextEncoder();
  const pages = Array.from({ length: count }, (_, n) => encoder.encode(makeArticle(n)));
  const bytes = pages.reduce((sum, p) => sum + p.byteLength, 0);

  // Warm up the JIT on a slice, then time the full set, best of three runs.
  for (const page of pages.slice(0, 200)) parseArticle(page);
  let best = Infinity;
  let paragraphs = 0;
  for (let run = 0; run < 3; run++) {
    paragraphs = 0;
    const start = process.hrtime.bigint();
    for (const page of pages) paragraphs += parseArticle(page).body.length;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  const mbPerSecond = bytes / 1e6 / best;
  process.stdout.write(
    [
      `articles:    ${count} (${(bytes / 1e6).toFixed(1)} MB, avg ${(bytes / count / 1024).toFixed(1)} KiB, ${paragraphs} paragraphs)`,
      `best of 3:   ${(best * 1000).toFixed(0)} ms, ${(count / best).toFixed(0)} articles/s`,
      `throughput:  ${mbPerSecond.toFixed(1)} MB/s on one core (target ≥ 20 MB/s: ${mbPerSecond >= 20 ? 'met' : 'NOT met'})`,
    ].join('\n') + '\n',
  );
}

main();

/**
 * `npm run bench:parse [-- --articles N]`
 *
 * Generates N (default 2,000) Tempo-shaped article pages — title, byline, date line, captions,
 * paragraphs with inline read-also, ads, source, related list — and parses them all from UTF-8
 * bytes on one core, then prints the throughput. Target: ≥ 20 MB/s. A benchmark, not a test:
 * it never fails on speed.
 */
import { parseArticle } from '../src/plugins/news-importer/server/src/parser';
import { makeTempoPage } from './lib/tempo-pages';

function main(): void {
  const flag = process.argv.indexOf('--articles');
  const count = flag >= 0 ? Number(process.argv[flag + 1]) : 2000;
  if (!Number.isInteger(count) || count < 1) {
    process.stderr.write('Usage: npm run bench:parse [-- --articles N]\n');
    process.exitCode = 2;
    return;
  }
  const encoder = new TextEncoder();
  const pages = Array.from({ length: count }, (_, n) => encoder.encode(makeTempoPage(n, { furniture: true })));
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

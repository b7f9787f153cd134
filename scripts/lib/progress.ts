/** The command line's progress line (`npm run import`), kept apart so it can be tested without booting anything. */

/** `seconds` as m:ss, or h:mm:ss from an hour on. */
function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const [h, m, sec] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(sec)}` : `${m}:${two(sec)}`;
}

/**
 * The progress line for `done` of `total` pages after `elapsedMs`: a bar, the count, the rate and
 * the time left at that rate, cut to `columns` characters.
 */
export function progressLine(done: number, total: number, elapsedMs: number, columns: number): string {
  const width = 24;
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = rate > 0 ? `ETA ${clock((total - done) / rate)}` : 'ETA –';
  const line = `Importing [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}  ${rate.toFixed(rate < 10 ? 1 : 0)} pages/s  ${left}`;
  return line.length > columns ? line.slice(0, Math.max(0, columns - 1)) : line;
}

import type { DiscardReason } from './types';

/**
 * Page furniture that is never article content. Looked up by the line's key (lower-cased,
 * bullet-free, single-spaced), so `Advertising`, `ADVERTISING` and `  • Advertising` all match.
 */

/** Ad slots and the labels printed around them. */
export const AD_LINES = [
  'advertising',
  'advertisement',
  'iklan',
  'ads',
  'scroll untuk melanjutkan',
  'scroll to continue with content',
  'scroll to continue reading',
] as const;

/** Interactive widgets: buttons, font controls, image zoom, the related list's "read more". */
export const WIDGET_LINES = [
  'baca selengkapnya',
  'read more',
  'logo',
  'font:',
  'font',
  'ukuran font: - +',
  'ukuran font:',
  'perbesar',
  'image of tempo',
  'bagikan',
  'share',
  'salin tautan',
  'copy link',
  'tutup',
  'close',
  'kembali ke atas',
  'back to top',
  'scroll ke bawah untuk membaca berita',
  'scroll down to read the news',
  'this browser does not support the video element.',
  'ilust',
  'ilustrasi',
  // The 2024 redesign's summary box header; its bullet sentences are a teaser, not a headline.
  'ringkasan berita',
] as const;

/**
 * Login, registration and subscription chrome at the top of 2024-redesign pages. Exact lines
 * only: "Masuk" as a whole line is a button, inside a sentence it is a word.
 */
export const ACCOUNT_LINES = [
  'masuk',
  'daftar',
  'masuk / daftar',
  'masuk/daftar',
  'masuk atau daftar',
  'login',
  'log in',
  'sign in',
  'register',
  'berlangganan',
  'langganan',
  'subscribe',
  'akun saya',
  'keluar',
  'lupa kata sandi?',
  'lupa password?',
  'belum punya akun?',
  'belum punya akun? daftar',
  'atau masuk dengan',
  'masuk dengan google',
  'masuk dengan facebook',
  'sign in with google',
] as const;

/** Promotional boilerplate matched by prefix, because its wording drifts (`klik di sini`/`disini`). */
export const BOILERPLATE_PATTERNS = [
  /^ikuti berita terkini dari tempo(?:\.co)? di google news/,
  /^click here to get the latest news updates from tempo on google news/,
  /^baca berita dengan sedikit iklan,? klik di ?sini/,
  /^read the news with fewer ads/,
  /^(?:masuk|login|log in) (?:ke akun|untuk membaca|dengan akun)/,
  /^daftar (?:sekarang|gratis|akun)/,
] as const;

/**
 * Paywall notices. Discarded as boilerplate, and they mean the page was cut off, so the
 * parser also warns TRUNCATED.
 */
export const PAYWALL_PATTERNS = [
  /^artikel ini khusus (?:untuk )?pelanggan/,
  /^(?:baca|lanjutkan membaca) (?:selengkapnya )?dengan berlangganan/,
  /^berlangganan (?:untuk|sekarang untuk) (?:membaca|melanjutkan)/,
  // The 2024 redesign: `Berlangganan Tempo+ untuk membaca cerita lengkapnya`.
  /^berlangganan [\w+.]{2,20} untuk (?:membaca|melanjutkan)/,
  /^sudah berlangganan\?/,
  /^this article is (?:only )?for subscribers/,
  /^subscribe to (?:continue|read)/,
] as const;

export interface NoiseMatch {
  reason: DiscardReason;
  /** The line is a paywall notice: the article text is incomplete. */
  paywall: boolean;
}

const EXACT: ReadonlyMap<string, DiscardReason> = new Map<string, DiscardReason>([
  ...AD_LINES.map((w): [string, DiscardReason] => [w, 'ad']),
  ...WIDGET_LINES.map((w): [string, DiscardReason] => [w, 'widget']),
  ...ACCOUNT_LINES.map((w): [string, DiscardReason] => [w, 'boilerplate']),
]);

/** Widget lines that end an item of the related list. */
/**
 * Boilerplate lines as printed in full: a line that is the start of one of these, cut off by the
 * scraper (`Baca berita dengan sedikit iklan, klik di si`), is the same clutter.
 */
export const CLUTTER_LINES = [
  'baca berita dengan sedikit iklan, klik di sini',
  'ikuti berita terkini dari tempo di google news, klik di sini',
  'ikuti berita terkini dari tempo.co di google news, klik di sini',
  'click here to get the latest news updates from tempo on google news',
  'scroll ke bawah untuk membaca berita',
  'scroll untuk melanjutkan membaca',
  'baca berita tanpa iklan. gabung kompas.com+',
] as const;

/** A cut-off copy keeps at least this much of the line. */
const MIN_CUT_CLUTTER = 16;

export const RELATED_ITEM_CLOSERS: ReadonlySet<string> = new Set(['baca selengkapnya', 'read more']);

/** A widget's id printed as text (`image-gnews`): lower-case words joined by hyphens, no spaces. */
const WIDGET_ID = /^[a-z]{2,}(?:-[a-z]{2,})+$/;

/** An icon's id printed as text, glued to its button's label: `material-symbols:fullscreenPerbesar`. */
const ICON_ID = /^[a-z]{2,}(?:-[a-z]{2,})*:[a-z]{2,}(?:-[a-z]{2,})*(?:perbesar|zoom|share|bagikan)?$/;

/** An image's alt text left as a line: `Logo ABC`, `logo tempo` (the word and one name). */
const LOGO_ALT = /^logo\s+[\p{L}\d.+&-]{2,20}$/u;

/** The reading-time badge under a headline: `waktu baca 2 menit`, `3 min read`. */
const READING_TIME = /^(?:waktu baca \d+ menit|\d+ min(?:ute)?s? read)$/;

/** Longest boilerplate prefix worth testing; longer lines are content (skips regexes on paragraphs). */
const MAX_NOISE_LENGTH = 160;

/** Each list compiled into one alternation: one regex run per line instead of one per pattern. */
const anyOf = (patterns: readonly RegExp[]): RegExp => new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'));
const PAYWALL = anyOf(PAYWALL_PATTERNS);
const BOILERPLATE = anyOf(BOILERPLATE_PATTERNS);

const AD: NoiseMatch = { reason: 'ad', paywall: false };
const WIDGET: NoiseMatch = { reason: 'widget', paywall: false };
const BOILERPLATE_MATCH: NoiseMatch = { reason: 'boilerplate', paywall: false };
const PAYWALL_MATCH: NoiseMatch = { reason: 'boilerplate', paywall: true };
const LABEL_MATCH: NoiseMatch = { reason: 'label', paywall: false };
const BY_REASON: Readonly<Record<DiscardReason, NoiseMatch>> = {
  ad: AD,
  widget: WIDGET,
  boilerplate: BOILERPLATE_MATCH,
  chrome: { reason: 'chrome', paywall: false },
  duplicate: { reason: 'duplicate', paywall: false },
  label: { reason: 'label', paywall: false },
};

/** Classifies a line key as page furniture (ad, widget, boilerplate), or null for content. */
export function classifyNoise(key: string): NoiseMatch | null {
  if (key.length > MAX_NOISE_LENGTH) return null;
  // `|`, `·`, `>`: a separator left alone on its line.
  // Also its mis-decoded form (`·` read as Thai `ยท`): no Latin letter, no digit.
  if (key.length <= 3 && !/[\p{Script=Latin}\p{N}]/u.test(key)) return WIDGET;
  if (READING_TIME.test(key) || WIDGET_ID.test(key) || ICON_ID.test(key) || LOGO_ALT.test(key)) return WIDGET;
  const exact = EXACT.get(key);
  if (exact !== undefined) return BY_REASON[exact];
  if (PAYWALL.test(key)) return PAYWALL_MATCH;
  if (BOILERPLATE.test(key)) return BOILERPLATE_MATCH;
  if (key.length >= MIN_CUT_CLUTTER && key.length <= 70) {
    for (const clutter of CLUTTER_LINES) if (clutter.startsWith(key)) return BOILERPLATE_MATCH;
  }
  // Republika's `Baca Juga` box copied without its items: a label with nothing to read.
  if (key === 'baca juga') return LABEL_MATCH;
  return null;
}

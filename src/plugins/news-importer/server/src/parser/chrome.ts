/**
 * The page around the article ("chrome"): what sits above its header (login, subscription and
 * navigation blocks) and what follows its end (lists of other stories, the paywall's offer, the
 * site footer). Vocabularies are named constants matched loosely: on the line key (case and
 * spacing folded), as a phrase inside a short line, or as the cut-off start of a known line.
 */
import { lineFeatures } from './features';

/**
 * Phrases of account, subscription and navigation chrome (tempo.co's login block, Tempo+ and
 * Koran/Majalah paywalls, Kompas.com+ banners, en.tempo.co's language switch). Phrases, not
 * words: `Daftar` alone is also "list" in a headline.
 */
export const CHROME_PHRASES = [
  'kata sandi',
  'lupa password',
  'masuk melalui',
  'daftar melalui',
  'memiliki akun',
  'punya akun',
  'konfirmasi email',
  'link aktivasi',
  'menerima email',
  'kirimkan lagi',
  'email atau password',
  'masuk di sini',
  'daftar di sini',
  'berlangganan',
  'langganan tempo',
  // The English paywall of magz.tempo.co / en.tempo.co: its offer under `Subscribe to continue reading.`
  'subscribing to',
  'we craft news with stories',
  'berita tempo plus',
  'arsip tempo :',
  'baca berita tanpa iklan',
  'gabung kompas.com+',
  'back to index',
  'english version',
  'indonesia version',
  'hak cipta dilindungi',
  'all rights reserved',
  'unduh aplikasi',
  'ikuti media sosial kami',
  'pedoman media siber',
  // The logged-in reader's account menu (Koran Tempo www).
  'reset password',
  'ubah no. telepon',
  'topik favorit',
  'hapus berita',
  'menghapus berita',
  'ubah data diri',
  'jenis kelamin',
] as const;

/** Whole short lines that are chrome: toasts, archive tabs, app version stamps. */
export const CHROME_LINES = ['sukses', 'arsip', 'tempo plus', 'video / news', 'beranda'] as const;

/**
 * Headers of what follows an article: lists of other stories, tags, video strips. A line that is
 * one of these (with or without a colon) ends the article; what follows is chrome.
 */
export const TAIL_HEADERS = [
  'lihat juga',
  'berita lain',
  'berita lainnya',
  'artikel lain',
  'artikel lainnya',
  'rekomendasi artikel',
  'rekomendasi untuk anda',
  'video terkait',
  'video terpopuler',
  'foto terkait',
  'topik terkait',
  'berita terpopuler',
  'terpopuler',
  'populer',
  'most popular',
  'sponsored link',
  'next article',
  'load more',
  'tags',
  'tag',
  'keywords',
  'kata kunci',
  'artikel majalah text lainnya',
  'more articles',
] as const;

const CHROME_LINE_SET: ReadonlySet<string> = new Set(CHROME_LINES);
const TAIL_HEADER_SET: ReadonlySet<string> = new Set(TAIL_HEADERS);

/** Chrome phrases live in short lines; a paragraph that mentions `berlangganan` is text. */
const MAX_CHROME_WORDS = 20;

/** Menus copied without their separators glue words: `Tentang KamiPedoman Media SiberKetentuan`. */
const GLUED_WORD = /\p{Ll}\p{Lu}/gu;
const MIN_GLUED_WORDS = 4;
/** A menu has many items; a headline with `iPhone` or `McDonald` in it does not. */
const MIN_MENU_WORDS = 8;

/** A crawler's metadata prefix on the first line: ` date 2022-06-06 Selasa, 7 Juni 2022`. */
export const CRAWLER_PREFIX = /^date \d{4}(?:-\d{2}){0,2}(?:\s+|$)/i;

/**
 * Chrome by shape: a copyright or version stamp (`2025 © PT …`, `Version 1.101.0`, the `©` also
 * as mis-decoded by a crawler), or a tag list glued with commas (`id LKBN Antara,Perum Antara,…`).
 */
const CHROME_SHAPES = /^version \d+(?:\.\d+)+$|(?:©|ยฉ|\(c\))\s*(?:\d{4}|pt\b)|\d{4}\s*(?:©|ยฉ)/u;
const GLUED_COMMA = /\p{L},\p{L}/gu;

/** Whether a line (by its key and text) is page chrome by its vocabulary or its shape. */
export function isChromeLine(key: string, text: string): boolean {
  if (key.length > 200) return false;
  if (CHROME_LINE_SET.has(key) || key.includes('[email]') || CHROME_SHAPES.test(key)) return true;
  if ((key.match(GLUED_COMMA)?.length ?? 0) >= 2 && lineFeatures(text).words <= MAX_CHROME_WORDS) return true;
  if (lineFeatures(text).words <= MAX_CHROME_WORDS) {
    for (const phrase of CHROME_PHRASES) if (key.includes(phrase)) return true;
  }
  return (text.match(GLUED_WORD)?.length ?? 0) >= MIN_GLUED_WORDS && lineFeatures(text).words >= MIN_MENU_WORDS && !/[.!?]["”]?$/.test(text);
}

/** Whether a line opens the lists that follow an article (`Lihat Juga`, `Video Terkait`, `Tags: …`). */
export function isTailHeader(key: string): boolean {
  if (key.length > 40) return /^(?:tags?|keywords|kata kunci)\s*:/.test(key);
  const bare = key.replace(/\s*[:»›>]+\s*$/, '').replace(/\s*[:]\s.*$/, '');
  return TAIL_HEADER_SET.has(bare) || /^(?:tags?|keywords|kata kunci|berita lain|artikel lain)\s*:/.test(key);
}

/**
 * The archive stamp Tempo's magazine and newspaper pages print under the header: `arsip tempo :
 * 174188580212.`, and on magz.tempo.co also with the rubric (`Letters. tempo : 176349473240.`), or
 * with only the rubric's period left (`. tempo : 172896920879.`).
 * It names the archive record, never the article, wherever it stands.
 */
const ARCHIVE_STAMP = /^(?:\.\s*)?(?:[\p{L}’']+\.?\s+){0,3}tempo\s*:\s*\d{6,}\.?$/iu;

/** Whether a line is an archive stamp (see ARCHIVE_STAMP). */
export function isArchiveStamp(text: string): boolean {
  return text.length <= 80 && ARCHIVE_STAMP.test(text.trim());
}

/** A lone ellipsis: the paywall's cut mark (Koran Tempo, Majalah Tempo), never a paragraph. */
export function isCutMark(text: string): boolean {
  return /^(?:\.{3,}|…)$/.test(text);
}

/**
 * Headers of the key-points box the 2024 redesign prints above the story (`Ringkasan Berita`,
 * `Poin penting`): the points under it summarise the article and are not its paragraphs.
 */
export const SUMMARY_HEADERS = ['ringkasan berita', 'poin penting', 'poin-poin penting', 'key points', 'highlights'] as const;
const SUMMARY_HEADER_SET: ReadonlySet<string> = new Set(SUMMARY_HEADERS);

/** Whether a line opens a key-points box (see SUMMARY_HEADERS). */
export function isSummaryHeader(key: string): boolean {
  if (key.length > MAX_SUMMARY_HEADER_LENGTH) return false;
  return SUMMARY_HEADER_SET.has(key.endsWith(':') ? key.slice(0, -1).trimEnd() : key);
}
const MAX_SUMMARY_HEADER_LENGTH = 24;

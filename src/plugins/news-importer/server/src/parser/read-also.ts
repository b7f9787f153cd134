import type { ParsedReadAlso } from './types';

/**
 * A read-also line: `Baca juga: …`, `Baca juga : …`, `Baca: …`, `Simak: …`, `Berita terkait: …`, English `Editor's Choice: …`,
 * `Read also: …`. The title may be empty when the page puts it on the next line.
 */
const READ_ALSO_LINE = /^(?:baca\s+(?:juga|pula)|baca|lihat\s+juga|simak(?:\s+juga)?|berita\s+terkait|read\s+also|also\s+read|editor['’]s\s+choice|pilihan\s+editor)\s*:\s*(.*)$/i;

/** `(Baca: …)` or `[Baca juga: …]` inside a paragraph, with the space before it. */
const INLINE_READ_ALSO = /\s*[([]\s*(?:baca(?:\s+juga)?|lihat\s+juga|read\s+also)\s*:\s*([^()[\]]+?)\s*[)\]]/gi;

/** A link printed after the title. */
const TRAILING_URL = /\s+(https?:\/\/\S+)$/;

/** A read-also entry from its printed title, with a trailing URL split off. */
export function toReadAlso(title: string): ParsedReadAlso {
  const m = TRAILING_URL.exec(title);
  return m === null ? { title: title.trim(), url: null } : { title: title.slice(0, m.index).trim(), url: m[1] as string };
}

/**
 * Reads a read-also line: the entry, or `'label'` when the title follows on the next line,
 * or null when the line is something else.
 */
export function matchReadAlsoLine(text: string): ParsedReadAlso | 'label' | null {
  const m = READ_ALSO_LINE.exec(text);
  if (m === null) return null;
  const title = (m[1] as string).trim();
  return title.length === 0 ? 'label' : toReadAlso(title);
}

export interface InlineReadAlso {
  paragraph: string;
  readAlso: ParsedReadAlso[];
}

/** Moves inline `(Baca: …)` references out of a paragraph, closing the gap they leave. */
export function extractInlineReadAlso(paragraph: string): InlineReadAlso {
  if (paragraph.indexOf(':') < 0) return { paragraph, readAlso: [] };
  const readAlso: ParsedReadAlso[] = [];
  const cleaned = paragraph.replace(INLINE_READ_ALSO, (_match: string, title: string): string => {
    readAlso.push(toReadAlso(title));
    return ' ';
  });
  if (readAlso.length === 0) return { paragraph, readAlso };
  return { paragraph: cleaned.replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim(), readAlso };
}

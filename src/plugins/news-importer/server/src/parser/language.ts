import type { Language } from './types';

/**
 * Very frequent function words. Counting them in the body tells the two languages apart
 * reliably; proper nouns and loanwords barely move the count.
 */
export const ID_STOPWORDS = ['yang', 'dan', 'di', 'itu', 'dengan', 'untuk', 'tidak', 'ini', 'dari', 'dalam', 'akan', 'pada', 'juga', 'ke', 'karena', 'adalah', 'oleh', 'bahwa', 'kata', 'sudah'] as const;
export const EN_STOPWORDS = ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'as', 'by', 'it', 'said', 'at', 'from', 'will', 'has', 'be'] as const;

const ID_SET: ReadonlySet<string> = new Set(ID_STOPWORDS);
const EN_SET: ReadonlySet<string> = new Set(EN_STOPWORDS);

/** Enough text to decide (about 250 words); more only costs time. */
const SAMPLE_CHARS = 1500;

const NON_LETTERS = /[^\p{L}]+/u;

/** Guesses the page language from its body text; Indonesian wins ties (Tempo's home language). */
export function detectLanguage(paragraphs: readonly string[], hint: Language | null): Language {
  let sample = '';
  for (const paragraph of paragraphs) {
    sample += ` ${paragraph}`;
    if (sample.length >= SAMPLE_CHARS) break;
  }
  let id = 0;
  let en = 0;
  for (const word of sample.slice(0, SAMPLE_CHARS).toLowerCase().split(NON_LETTERS)) {
    if (ID_SET.has(word)) id++;
    else if (EN_SET.has(word)) en++;
  }
  if (id === en) return hint ?? 'id';
  return en > id ? 'en' : 'id';
}

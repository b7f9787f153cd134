import type { Language } from './types';

/**
 * Very frequent function words. Counting them in the body tells the two languages apart
 * reliably; proper nouns and loanwords barely move the count.
 */
export const ID_STOPWORDS = ['yang', 'dan', 'di', 'itu', 'dengan', 'untuk', 'tidak', 'ini', 'dari', 'dalam', 'akan', 'pada', 'juga', 'ke', 'karena', 'adalah', 'oleh', 'bahwa', 'kata', 'sudah'] as const;
export const EN_STOPWORDS = ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'on', 'with', 'was', 'as', 'by', 'it', 'said', 'at', 'from', 'will', 'has', 'be'] as const;

const ID_SET: ReadonlySet<string> = new Set(ID_STOPWORDS);
const EN_SET: ReadonlySet<string> = new Set(EN_STOPWORDS);

/** Enough words to decide; more only costs time. */
const SAMPLE_WORDS = 400;

/** Guesses the page language from its body text; Indonesian wins ties (Tempo's home language). */
export function detectLanguage(paragraphs: readonly string[], hint: Language | null): Language {
  let id = 0;
  let en = 0;
  let seen = 0;
  for (const paragraph of paragraphs) {
    for (const word of paragraph.toLowerCase().split(/[^\p{L}]+/u)) {
      if (word.length === 0) continue;
      if (ID_SET.has(word)) id++;
      else if (EN_SET.has(word)) en++;
      if (++seen >= SAMPLE_WORDS) break;
    }
    if (seen >= SAMPLE_WORDS) break;
  }
  if (id === en) return hint ?? 'id';
  return en > id ? 'en' : 'id';
}

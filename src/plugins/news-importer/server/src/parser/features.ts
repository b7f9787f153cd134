/**
 * Features of one line, for telling article text from page chrome the way jusText does: prose
 * is long and dense in function words (stop words), chrome (menus, buttons, account and footer
 * lines, lists of other headlines) is short or nearly free of them. Stop words come from the
 * maintained `stopword` package (Indonesian `ind`, English `eng`) rather than a hand list.
 */
import { eng, ind } from 'stopword';

const STOP_WORDS: ReadonlySet<string> = new Set([...ind, ...eng].map((w) => w.toLowerCase()));

/** Whether a word (in any case) is an Indonesian or English stop word: `KEPADA`, `PADA`, `DIA`; never an acronym. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase());
}

/** Letters (and the apostrophes inside words) make a word; digits and punctuation split words. */
const WORD = /[\p{L}][\p{L}'’-]*/gu;

export interface LineFeatures {
  words: number;
  /** Share of the words that are Indonesian or English stop words (0..1). */
  stopWordDensity: number;
  /** Ends like a sentence (`.`, `!`, `?`, a closing quote after one). */
  sentenceEnd: boolean;
}

/** Word count, stop-word density and sentence end of a line. */
export function lineFeatures(text: string): LineFeatures {
  const words = text.match(WORD) ?? [];
  let stop = 0;
  for (const word of words) if (STOP_WORDS.has(word.toLowerCase())) stop++;
  return {
    words: words.length,
    stopWordDensity: words.length === 0 ? 0 : stop / words.length,
    sentenceEnd: /[.!?]["”’')]?$/.test(text),
  };
}

/** jusText's thresholds, scaled to news pages: a paragraph has some length and function words. */
const MIN_PROSE_WORDS = 8;
const MIN_PROSE_DENSITY = 0.15;

/**
 * Whether a line reads like running text (a paragraph of an article) rather than chrome: enough
 * words and enough stop words among them. A headline list or a footer has almost none.
 */
export function isProse(text: string): boolean {
  const f = lineFeatures(text);
  return f.words >= MIN_PROSE_WORDS && f.stopWordDensity >= MIN_PROSE_DENSITY;
}

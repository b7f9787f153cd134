import { SECTION_NAME_SET } from './vocabulary';

/** A headline is short: Tempo's longest run to about 20 words. */
const MAX_TITLE_WORDS = 30;
const MAX_TITLE_LENGTH = 250;

/** Headlines end in a word, `?`, `!` or a quote, never in a period or a comma: those are sentences. */
const SENTENCE_END = /[.,;:]$/;
const ELLIPSIS = /(?:\.\.\.|…)$/;

/** Interview transcripts mark speakers with `+ ` and `- `: such a line is dialogue, never a headline. */
const DIALOGUE = /^[+-]\s/;

/** Whether a line can be the headline. A line that reads like a body sentence cannot. */
export function isTitleLike(text: string): boolean {
  if (text.length > MAX_TITLE_LENGTH || !/\p{L}/u.test(text) || DIALOGUE.test(text)) return false;
  if (SENTENCE_END.test(text) && !ELLIPSIS.test(text)) return false;
  return text.split(/\s+/).length <= MAX_TITLE_WORDS;
}

/** Whether a line is one of Tempo's section labels (`Internasional`, `Nasional`, `World`). */
export function isSectionLabel(key: string): boolean {
  return key.length <= 20 && SECTION_NAME_SET.has(key);
}

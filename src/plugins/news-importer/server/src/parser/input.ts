import { ParseError } from './errors';
import { redactPersonalData } from './redact';

/** Largest accepted input, in UTF-8 bytes (2 MiB): a real article page is 5–60 KB. */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

/** One non-blank input line. */
export interface SourceLine {
  /** 1-based line number in the input. */
  no: number;
  /** The line without leading and trailing whitespace. */
  text: string;
  /** Lower-cased, bullet-free, single-spaced form used for word-list look-ups and duplicates. */
  key: string;
}

/** Leading bullets that AMP pages print before captions and widgets (`  • Font:`). */
const BULLET_PREFIX = /^[•·●▪◦‣]\s*/u;

const LINE_BREAK = /\r\n?|\n/;

/** Removes a leading bullet glyph: a bullet is page furniture, not text. */
export function stripBullet(text: string): string {
  const first = text.charCodeAt(0);
  // Every bullet glyph is above U+00B6; skip the regex for ordinary first letters.
  return first < 0xb7 ? text : text.replace(BULLET_PREFIX, '');
}

/**
 * Lines longer than this are paragraphs or captions: they are never looked up in a word list,
 * only compared for exact repeats, so their key skips case folding (a large share of the time).
 */
const MAX_FOLDED_KEY_LENGTH = 160;

/** Two spaces in a row or a space other than U+0020: only then is collapsing worth a copy. */
const UNUSUAL_SPACE = /\s\s|[^\S ]/;

/** The comparison key of a line: case, bullets and runs of spaces do not matter. */
export function lineKey(text: string): string {
  const unbulleted = stripBullet(text);
  if (unbulleted.length > MAX_FOLDED_KEY_LENGTH) return unbulleted;
  const single = UNUSUAL_SPACE.test(unbulleted) ? unbulleted.replace(/\s+/g, ' ') : unbulleted;
  return single.toLowerCase();
}

/** Number of the line holding the character at `offset` in `text`. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** UTF-8 size of a string without allocating an encoded copy. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Byte offset of the first malformed UTF-8 sequence, or -1. Only run once decoding failed (it is slower). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    // The second byte's narrower ranges (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
    const second = bytes[i + 1] as number;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

const tooLarge = (bytes: number): ParseError =>
  new ParseError(
    'TOO_LARGE',
    `The input is ${bytes} bytes; the limit is ${MAX_INPUT_BYTES} bytes (2 MiB). Is this really one article page?`,
  );

/**
 * Turns the raw input into text: checks the size, rejects binary data and invalid UTF-8,
 * strips a byte-order mark and redacts e-mail addresses and phone numbers. Throws ParseError.
 */
export function decodeInput(input: unknown): string {
  let text: string;
  if (typeof input === 'string') {
    if (input.length > MAX_INPUT_BYTES) throw tooLarge(utf8Length(input));
    if (input.length * 3 > MAX_INPUT_BYTES) {
      const bytes = utf8Length(input);
      if (bytes > MAX_INPUT_BYTES) throw tooLarge(bytes);
    }
    text = input;
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > MAX_INPUT_BYTES) throw tooLarge(input.byteLength);
    const nul = input.indexOf(0);
    if (nul >= 0) {
      throw new ParseError('NOT_TEXT', `The input contains a NUL byte at byte ${nul}; it looks like binary data, not article text.`, lineAtByte(input, nul));
    }
    try {
      // fatal: reject malformed bytes instead of silently inserting U+FFFD; the BOM is dropped.
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      const at = firstInvalidUtf8(input);
      const where = at >= 0 ? at : 0;
      throw new ParseError('NOT_TEXT', `The input is not valid UTF-8 (first bad byte at offset ${where}); save the page as UTF-8 text.`, lineAtByte(input, where));
    }
  } else {
    throw new ParseError('NOT_TEXT', `Expected the article as a string or bytes, got ${input === null ? 'null' : typeof input}.`);
  }

  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw new ParseError('NOT_TEXT', 'The input contains a NUL character; it looks like binary data, not article text.', lineAt(text, nul));
  }
  if (text.trim().length === 0) {
    throw new ParseError('EMPTY_INPUT', 'The input is empty (or only whitespace); there is no article to parse.');
  }
  // Before anything reads a line: personal data must not reach a field, `discarded` or a message.
  return redactPersonalData(text);
}

/** Splits text into its non-blank lines, keeping each line's 1-based number. */
export function toSourceLines(text: string): SourceLine[] {
  const raw = text.split(LINE_BREAK);
  const lines: SourceLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    const trimmed = (raw[i] as string).trim();
    if (trimmed.length === 0) continue;
    lines.push({ no: i + 1, text: trimmed, key: lineKey(trimmed) });
  }
  return lines;
}

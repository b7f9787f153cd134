import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { parseArticleWithTrace, type LineAssignment, type ParsedArticle } from '..';
import { parseDateLine } from '../dates';
import { redactPersonalData } from '../redact';

// Lossless: every non-blank input line ends up in exactly one place, a field or `discarded`,
// and the place it is said to be in really holds its text.

const FIXTURE_DIR = path.join(__dirname, '../../../../../../../tests/fixtures/tempo');
const fixtures = readdirSync(FIXTURE_DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();

/** Whitespace does not count: the parser trims lines and closes gaps. */
const squash = (text: string): string => text.replace(/\s+/g, '');

/** Inline `(Baca: …)` references leave the paragraph for readAlso. */
const INLINE_READ_ALSO = /[([]\s*(?:baca(?:\s+juga)?|lihat\s+juga|read\s+also)\s*:[^()[\]]*[)\]]/gi;

const BYLINE_LABEL = /^(?:reporter|pewarta|penulis|oleh|writer|editor|penyunting|redaktur|translator|penerjemah|rep|red)\b/i;

function bylineNames(article: ParsedArticle): string[] {
  const { reporters, editors, translators, desk } = article.byline;
  return [...reporters, ...editors, ...translators, ...(desk === null ? [] : [desk])];
}

/** A credit printed on its own line under the caption: the caption line itself does not hold it. */
const matchCreditLineIn = (credit: string | null): boolean => credit !== null;

/** Whether the field named by the assignment holds the text of `line`. */
function holds(article: ParsedArticle, a: LineAssignment, line: string): boolean {
  const text = line.trim();
  const i = a.index ?? -1;
  switch (a.field) {
    case 'title':
      return article.title === text;
    case 'subtitle':
      // A deck of several paragraphs is kept one per line.
      return article.subtitle !== null && article.subtitle.split('\n').includes(text);
    case 'section':
      return article.section === text;
    case 'publishedAt': {
      const date = parseDateLine(text);
      return date !== null && date.ok && date.date.iso === article.publishedAt;
    }
    case 'byline':
      return BYLINE_LABEL.test(text) || bylineNames(article).some((name) => text.includes(name));
    case 'body': {
      const paragraph = article.body[i];
      // The dateline prefix and a `(Name-Tempo News Room)` sign-off leave the paragraph.
      return paragraph !== undefined && squash(text.replace(INLINE_READ_ALSO, '')).includes(squash(paragraph));
    }
    case 'photos': {
      const photo = article.photos[i];
      // A caption line holds the caption (and its credit); a credit line under it only the credit.
      if (photo === undefined) return false;
      if (squash(text).includes(squash(photo.caption))) return squash(text).includes(squash(photo.credit ?? '')) || matchCreditLineIn(photo.credit);
      return photo.credit !== null && squash(text).includes(squash(photo.credit));
    }
    case 'dateline':
      return article.dateline !== null && text.includes(article.dateline);
    case 'source':
      return article.source !== null && text.includes(article.source);
    case 'readAlso': {
      const entry = article.readAlso[i];
      return entry !== undefined && (text.includes(entry.title) || /:\s*$/.test(text));
    }
    case 'related': {
      const item = article.related[i];
      return item !== undefined && [item.title, item.summary, item.ageLabel].includes(text);
    }
    case 'discarded': {
      const entry = article.discarded[i];
      return entry !== undefined && entry.line === a.line && entry.text === text;
    }
  }
}

describe.each(fixtures.map((name) => [name]))('%s', (name) => {
  const text = readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
  // The parser reads the text after personal data is redacted (`[email]`): so does the check.
  const inputLines = redactPersonalData(text).split(/\r\n?|\n/);
  const { article, lines } = parseArticleWithTrace(text);

  it('assigns every non-blank line exactly once and no blank line', () => {
    const nonBlank = inputLines.flatMap((l, k) => (l.trim().length > 0 ? [k + 1] : []));
    expect(lines.map((a) => a.line)).toEqual(nonBlank);
  });

  it('puts each line where its text really is', () => {
    const wrong = lines.filter((a) => !holds(article, a, inputLines[a.line - 1] as string));
    expect(wrong).toEqual([]);
  });

  it('invents nothing: each body paragraph, photo, related item and discarded line comes from a line', () => {
    const used = (field: LineAssignment['field']): Set<number | null> => new Set(lines.filter((a) => a.field === field).map((a) => a.index));
    expect([...used('body')].sort()).toEqual(article.body.map((_, k) => k));
    expect([...used('photos')].sort()).toEqual(article.photos.map((_, k) => k));
    expect([...used('related')].sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(article.related.map((_, k) => k));
    expect(article.discarded.map((d) => d.line)).toEqual(lines.filter((a) => a.field === 'discarded').map((a) => a.line));
  });

  it('takes every read-also entry from a read-also line or from inside a paragraph', () => {
    const bodyText = lines.filter((a) => a.field === 'body').map((a) => inputLines[a.line - 1] as string).join('\n');
    const fromLines = new Set(lines.filter((a) => a.field === 'readAlso').map((a) => a.index));
    article.readAlso.forEach((entry, k) => {
      expect(fromLines.has(k) || bodyText.includes(entry.title)).toBe(true);
    });
  });
});

import type { DateTime } from 'luxon';
import type { ArticleBuilder } from './builder';
import { acceptedRange, inDateRange, parseDateLine, parseRelativeAge, resolveRelativeAge } from './dates';
import type { SourceLine } from './input';
import { classifyNoise, RELATED_ITEM_CLOSERS } from './noise';
import type { ParsedRelated } from './types';

/** Headers that open the related-articles list at the foot of the page. */
export const RELATED_HEADERS = [
  'berita terkait',
  'artikel terkait',
  'baca berita terkait',
  'berita lainnya',
  'related news',
  'related articles',
  'related stories',
] as const;

const RELATED_HEADER_SET: ReadonlySet<string> = new Set(RELATED_HEADERS);

/** Whether a line key opens the related list. */
export function isRelatedHeader(key: string): boolean {
  // The length check spares hashing every long paragraph for a set look-up.
  return key.length <= 24 && RELATED_HEADER_SET.has(key);
}

/** An item's age line: relative (`5 jam lalu`, `5 hours ago`) or, on older pages, a date. */
function readAge(text: string, capturedAt: DateTime | null): { label: string; approx: string | null } | null {
  const age = parseRelativeAge(text);
  if (age !== null) return { label: text, approx: capturedAt === null ? null : resolveRelativeAge(age, capturedAt) };
  const date = parseDateLine(text);
  if (date !== null && date.ok) return { label: text, approx: date.date.iso };
  return null;
}

/** The age of an item, its approximate date dropped (with a warning) when outside the accepted range. */
function readAgeInRange(line: SourceLine, capturedAt: DateTime | null, now: Date, b: ArticleBuilder): { label: string; approx: string | null } | null {
  const age = readAge(line.text, capturedAt);
  if (age === null || age.approx === null || inDateRange(age.approx, now)) return age;
  b.warn('APPROX_DATE_DROPPED', `The age "${line.text}" gives a date outside the accepted range (${acceptedRange(now)}); the item keeps its label without a date.`, line.no);
  return { label: age.label, approx: null };
}

/** Whether a line is an age line, for look-ahead. */
function isAgeLine(line: SourceLine | undefined): boolean {
  return line !== undefined && (parseRelativeAge(line.text) !== null || parseDateLine(line.text)?.ok === true);
}

/**
 * Reads the related list: per item a title, its age, the title again (a duplicate), a summary
 * and `Baca Selengkapnya` (a widget). Items missing any part still parse: a line followed by an
 * age line always starts a new item, and a title without an age takes the next line as summary.
 */
export function parseRelatedList(lines: readonly SourceLine[], start: number, end: number, b: ArticleBuilder, capturedAt: DateTime | null, now: Date = new Date()): void {
  let current: ParsedRelated | null = null;
  const nextContent = (from: number): SourceLine | undefined => {
    for (let j = from; j < end; j++) {
      const candidate = lines[j] as SourceLine;
      if (classifyNoise(candidate.key) === null) return candidate;
    }
    return undefined;
  };

  for (let i = start; i < end; i++) {
    const line = lines[i] as SourceLine;
    if (i === start && isRelatedHeader(line.key)) {
      b.discard(line, 'label');
      continue;
    }
    const noise = classifyNoise(line.key);
    if (noise !== null) {
      if (RELATED_ITEM_CLOSERS.has(line.key)) current = null;
      b.discard(line, noise.reason);
      continue;
    }
    if (current !== null) {
      if (current.ageLabel === null && current.summary === null) {
        const age = readAgeInRange(line, capturedAt, now, b);
        if (age !== null) {
          current.ageLabel = age.label;
          current.approxPublishedAt = age.approx;
          b.assign(line, 'related', b.related.length - 1);
          continue;
        }
      }
      if (line.text === current.title) {
        b.discard(line, 'duplicate');
        continue;
      }
      if (current.summary === null && !isAgeLine(nextContent(i + 1))) {
        current.summary = line.text;
        b.assign(line, 'related', b.related.length - 1);
        continue;
      }
    }
    current = { title: line.text, summary: null, ageLabel: null, approxPublishedAt: null };
    b.assign(line, 'related', b.related.length);
    b.related.push(current);
  }
}

/**
 * Where the related list starts: its header, or failing that the first line followed by an age
 * line (pages that print the list without a header). `end` when there is none.
 */
export function findRelatedStart(lines: readonly SourceLine[], from: number): number {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (isRelatedHeader(line.key)) return i;
    if (parseRelativeAge(line.text) !== null && i > from) {
      // The title is the nearest content line above the age.
      for (let j = i - 1; j >= from; j--) if (classifyNoise((lines[j] as SourceLine).key) === null) return j;
    }
  }
  return lines.length;
}

/**
 * The parser's outline. A page is read top to bottom in four regions, and within a region each
 * line is offered to the field extractors in a fixed order; the first that claims it wins:
 *
 * 1. Above the title: noise → date line → section label. The first other line must be the
 *    headline, or the page is NO_TITLE (no guessing on body-only fragments).
 * 2. Under the title, up to the body: noise → repeated title → date line → byline (label block,
 *    then one-line byline) → read-also → subtitle (only before the byline/date) → lead photo.
 *    The body starts at the first paragraph with an outlet dateline (`TEMPO.CO, Jakarta - `) or,
 *    on pages without one, at the first line that is neither furniture nor a caption.
 * 3. The body, up to the related list: noise → read-also → source → one-line byline → photo
 *    (only with a clear credit) → repeated caption/title/paragraph → paragraph. A trailing
 *    all-caps sign-off then moves from the body to the byline.
 * 4. The related list (see related.ts).
 *
 * Lines the fields do not keep go to `discarded` with a reason, so nothing is lost silently.
 */
import type { DateTime } from 'luxon';
import { ArticleBuilder } from './builder';
import { isJobTitle, isWriterDescription, matchBylineLabel, matchInlineByline, matchSignOff, splitCatalogueNames, splitLabelledNames, splitNames, type BylineLabel, type BylineRole } from './byline';
import { matchCreditLine, parseCredit, splitCaption, withoutClosingPeriod, type CaptionSplit } from './credits';
import { acceptedRange, inDateRange, isDateHeading, opensWithDateTime, parseCapturedAt, parseDateLine, parseMetadataLine, type DateLine } from './dates';
import { CRAWLER_PREFIX, isArchiveStamp, isChromeLine, isCutMark, isSummaryHeader, isTailHeader } from './chrome';
import { hasStrongDateline, matchBareDateline, splitDateline } from './dateline';
import { isProse, isStopWord, lineFeatures } from './features';
import { ParseError } from './errors';
import { decodeInput, lineKey, stripBullet, toSourceLines, type SourceLine } from './input';
import { detectLanguage } from './language';
import { classifyNoise } from './noise';
import { extractInlineReadAlso, matchReadAlsoLine, toReadAlso } from './read-also';
import { findRelatedStart, parseRelatedList } from './related';
import { matchSourceLine } from './source';
import { isSectionLabel, isTitleLike } from './title';
import type { Language, LineAssignment, ParseOptions, TracedArticle } from './types';
import { detectOutlet, SUPPORTED_OUTLET_NAMES, type OutletEvidence } from './outlets';
import { isOutletName } from './vocabulary';

/** The outlet whose layouts are the parser's default rules. */
const HOME_OUTLET = 'tempo';

/** A team credited instead of a person (`TIM LAPUT`, `Tim Redaksi`): the desk. */
const TEAM = /^tim\s/i;

const ROLE_NAMES: Readonly<Record<BylineRole, string>> = { reporters: 'reporter', editors: 'editor', translators: 'translator' };

/**
 * A role where a name should be: one lower-case role word (`internship`, `magang`), or a status the
 * CMS prints in the translator's slot (`Non Koresponden`): never a name. Two lower-case words are a
 * name typed in lower case (`guruh riyanto`), see splitLabelledNames.
 */
const ROLE_PLACEHOLDER = /^\p{Ll}[\p{Ll}-]{2,20}$/u;
const STATUS_PLACEHOLDER = /^(?:non[\s-]?)?(?:koresponden|kontributor|magang|internship)$/i;

/** A name alone under the headline, without a label: two to four capitalised words. */
const MAX_LONE_NAME_WORDS = 4;

/** Byline name lines read after one label: a label rarely credits more than three people by line. */
const MAX_NAME_LINES = 3;

/** A paragraph cut off by the scraper or a paywall ends in an ellipsis. */
const TRUNCATION_MARK = /(?:\.\.\.|…)\s*$/;

/** How a finished paragraph ends; a last paragraph ending otherwise was cut mid-sentence. */
const PARAGRAPH_END = /[.!?"”’')\]>]$/;

interface ParseState {
  lines: readonly SourceLine[];
  b: ArticleBuilder;
  languageHint: Language | null;
  truncatedAt: number | null;
  /** The first paragraph opened with a dateline prefix (with or without a city). */
  datelineSeen: boolean;
  /** Names whose role the page leaves open (old `Reporter:` / `Editor:` / one name layout), with the last label's role. */
  ambiguousNames: { name: string; line: number; role: BylineRole; labelled: boolean }[];
  /** The clock for the accepted date range. */
  now: Date;
  /** The desk came from the outlet's name alone on a line (Koran Tempo AMP's `Tempo`): it stands in for a writer the page does not name. */
  deskFromOutletLine?: boolean;
}

/** Discards page furniture (and remembers a paywall notice); true when the line was furniture. */
function discardNoise(s: ParseState, line: SourceLine): boolean {
  const noise = classifyNoise(line.key);
  if (noise === null) return false;
  s.b.discard(line, noise.reason);
  if (noise.paywall && s.truncatedAt === null) s.truncatedAt = line.no;
  return true;
}

/** Takes the first date line as publishedAt; later ones are discarded with a warning. */
function acceptDate(s: ParseState, line: SourceLine, date: DateLine): void {
  if (!inDateRange(date.iso, s.now)) {
    // Never the publication date: the database and GraphQL cannot be trusted with it (dates.ts).
    s.b.discard(line, 'label');
    s.b.warn('DATE_OUT_OF_RANGE', `"${line.text}" is a date outside the accepted range (${acceptedRange(s.now)}).`, line.no);
    return;
  }
  const { b } = s;
  if (b.publishedAt !== null) {
    b.discard(line, 'label');
    b.warn('EXTRA_DATE_LINE', `Line ${line.no} is a second date line ("${line.text}"); the first one is the publication date.`, line.no);
    return;
  }
  b.assign(line, 'publishedAt');
  b.publishedAt = date.iso;
  b.publishedAtPrecision = date.precision;
  if (date.language !== null) s.languageHint = date.language;
  if (date.zone === null && date.precision === 'minute') {
    b.warn('ASSUMED_TIME_ZONE', `The date line "${line.text}" prints no time zone; WIB (+07:00) was assumed.`, line.no);
  }
  if (date.weekdayMismatch) {
    b.warn('WEEKDAY_MISMATCH', `The weekday in "${line.text}" does not match the date; the date was kept.`, line.no);
  }
}

/** Handles a date-shaped line; true when the line was consumed. */
function tryDate(s: ParseState, line: SourceLine): boolean {
  const result = parseDateLine(line.text);
  if (result === null) return false;
  if (result.ok) acceptDate(s, line, result.date);
  else {
    s.b.discard(line, 'label');
    s.b.warn('INVALID_DATE', `"${line.text}" looks like a date line but is not a calendar date (${result.reason}).`, line.no);
  }
  return true;
}

/** The archive's metadata line (`Edisi: … / Tanggal : 2010-05-16 / … / Penulis : TIM LAPUT, ,`): date and writer. */
function tryMetadataLine(s: ParseState, line: SourceLine): boolean {
  const meta = parseMetadataLine(line.text);
  if (meta === null) return false;
  if (meta.date !== null && s.b.publishedAt === null) acceptDate(s, line, meta.date);
  else s.b.assign(line, 'byline');
  if (meta.writer !== null) addCredit(s, 'reporters', splitCatalogueNames(meta.writer) ?? [meta.writer]);
  return true;
}

/** Credits names in one role, once each. */
function addCredit(s: ParseState, role: BylineRole, names: readonly string[]): void {
  for (const name of names) s.b.addName(role, name);
}

/**
 * Reads a byline block starting at a label line: consecutive labels, then up to three lines of
 * names. Returns the index after the block. A name belongs to the nearest label above it, except
 * in the old layout (`Reporter:` / `Editor:` / one name), where its owner is left open.
 */
function readBylineBlock(s: ParseState, start: number, end: number, first: BylineLabel): number {
  const { lines, b } = s;
  const labels: { line: SourceLine; label: BylineLabel }[] = [{ line: lines[start] as SourceLine, label: first }];
  const names: { line: SourceLine; names: string[] }[] = [];
  const noise: SourceLine[] = [];
  const placeholders: SourceLine[] = [];
  // Index after the last label or name line; furniture after it belongs to what follows.
  let next = start + 1;
  for (let i = start + 1; i < end; i++) {
    const line = lines[i] as SourceLine;
    if (classifyNoise(line.key) !== null) {
      noise.push(line);
      continue;
    }
    const label = matchBylineLabel(line.text);
    if (label !== null) {
      if (names.length > 0) break;
      labels.push({ line, label });
      next = i + 1;
      continue;
    }
    if (names.length >= MAX_NAME_LINES || parseDateLine(line.text) !== null) break;
    if (names.length === 0 && (ROLE_PLACEHOLDER.test(line.text) || STATUS_PLACEHOLDER.test(line.text))) {
      // `Translator` / `internship`: the slot names a role, not a person.
      placeholders.push(line);
      next = i + 1;
      continue;
    }
    const lineNames = names.length === 0 ? splitLabelledNames(line.text, isStopWord) : splitNames(line.text);
    if (lineNames === null) break;
    names.push({ line, names: lineNames });
    next = i + 1;
  }
  const lastNo = next < lines.length ? (lines[next] as SourceLine).no : Infinity;
  for (const line of noise) if (line.no < lastNo) discardNoise(s, line);
  for (const line of placeholders) b.discard(line, 'label');
  const i = next;

  if (names.length === 0) {
    for (const { line } of labels) {
      b.discard(line, 'label');
      b.warn('EMPTY_BYLINE_LABEL', `The byline label "${line.text}" on line ${line.no} names nobody.`, line.no);
    }
    return i;
  }
  const allNames = names.flatMap((n) => n.names);
  if (labels.length > 1 && labels.every((l) => l.label.colon)) {
    // Old layout: `Reporter:` and `Editor:` followed by one name; the page does not say whose.
    // The name sits under the last label, and on Tempo these are the desk editors: it goes there.
    const role = (labels[labels.length - 1] as { label: BylineLabel }).label.role;
    for (const { line } of labels) b.assign(line, 'byline');
    for (const n of names) {
      b.assign(n.line, 'byline');
      for (const name of n.names) s.ambiguousNames.push({ name, line: n.line.no, role, labelled: true });
    }
    return i;
  }
  // The name belongs to the nearest label; labels before it stand empty.
  const owner = labels[labels.length - 1] as { line: SourceLine; label: BylineLabel };
  for (const { line } of labels.slice(0, -1)) {
    b.discard(line, 'label');
    b.warn('EMPTY_BYLINE_LABEL', `The byline label "${line.text}" on line ${line.no} names nobody.`, line.no);
  }
  b.assign(owner.line, 'byline');
  for (const n of names) b.assign(n.line, 'byline');
  addCredit(s, owner.label.role, allNames);
  return i;
}

/** A writer's name is short; longer lines are never a repeated name. */
const MAX_NAME_LENGTH = 60;

/** An affiliation under a writer's name (`Pusat Studi Perkotaan`, `Universitas Trisakti`): a few words, no sentence. */
const MAX_AFFILIATION_WORDS = 6;

/**
 * A columnist's name printed again under the date, with the writer's affiliation on the next line
 * (Koran Tempo AMP: `Nirwono Joga` / `Pusat Studi Perkotaan`): both go to the byline. Returns how
 * many lines it read (0: line i does not repeat a credited name).
 */
function repeatedWriter(s: ParseState, i: number, end: number): number {
  const line = s.lines[i] as SourceLine;
  if (line.text.length > MAX_NAME_LENGTH) return 0;
  const text = line.text.toLowerCase();
  const same = (name: string): boolean => name.length === text.length && name.toLowerCase() === text;
  const { reporters, editors } = s.b.byline;
  if (reporters.length + editors.length + s.ambiguousNames.length === 0) return 0;
  if (!reporters.some(same) && !editors.some(same) && !s.ambiguousNames.some((n) => same(n.name))) return 0;
  s.b.assign(line, 'byline');
  const next = s.lines[i + 1];
  if (next === undefined || i + 1 >= end || next.no !== line.no + 1) return 1;
  const words = lineFeatures(next.text).words;
  if (words === 0 || words > MAX_AFFILIATION_WORDS || !isTitleLike(next.text) || parseDateLine(next.text) !== null || isProse(next.text)) return 1;
  s.b.assign(next, 'byline');
  return 2;
}

/** Handles a one-line byline (`Editor Nurhadi`, `Rep: X/ Red: Y`); true when consumed. */
function tryInlineByline(s: ParseState, line: SourceLine): boolean {
  const credits = matchInlineByline(line.text);
  if (credits === null) return false;
  s.b.assign(line, 'byline');
  for (const credit of credits) addCredit(s, credit.role, credit.names);
  return true;
}

/** Adds a photo from a caption line (or drops a repeated caption); false when the body line is no caption. */
function addCaption(s: ParseState, line: SourceLine, text: string, region: 'header' | 'body'): boolean {
  const { b } = s;
  if (b.captionKeys.has(line.key)) {
    b.discard(line, 'duplicate');
    return true;
  }
  // An image whose only text is its credit (`TEMPO/Aditia Noviansyah`): a photo without a caption.
  const bare = region === 'header' && text.includes('/') ? matchCreditLine(text) : null;
  const bareParts = bare === null || bare !== withoutClosingPeriod(text) ? null : parseCredit(bare);
  const split: CaptionSplit | null = bareParts !== null && !bareParts.agencyOnly ? { caption: '', credit: bare as string, ...bareParts } : splitCaption(text, region);
  if (split === null && region === 'body') return false;
  // The same caption again with other spacing (Republika's second copy lacks a double space);
  // long lines keep their spacing in their key, so compare the captions themselves.
  const folded = (split?.caption ?? text).replace(/\s+/g, ' ');
  if (b.photos.some((p) => p.position === b.body.length && p.caption.replace(/\s+/g, ' ') === folded)) {
    b.discard(line, 'duplicate');
    return true;
  }
  b.captionKeys.add(line.key);
  const photo = {
    caption: split?.caption ?? text,
    credit: split?.credit ?? null,
    photographer: split?.photographer ?? null,
    agency: split?.agency ?? null,
    pool: split?.pool ?? false,
  };
  // A caption printed twice, the first copy (a bullet) cut short: keep the full one.
  const shorter = b.photos.findIndex((p) => p.position === b.body.length && p.caption.length >= MIN_CUT_COPY_LENGTH && photo.caption.length > p.caption.length && photo.caption.startsWith(p.caption.replace(/(?:\.\.\.|…)$/, '')));
  if (shorter >= 0) b.replacePhoto(shorter, line, photo);
  else b.addPhoto(line, photo);
  return true;
}

/**
 * A credit on its own line under the caption it belongs to (`Foto: Mahmud Muhyidin` between two
 * copies of the caption, a bare `TEMPO` under the header's caption): completes that photo.
 */
function tryCreditLine(s: ParseState, line: SourceLine, text: string, region: 'header' | 'body'): boolean {
  const { b } = s;
  const last = b.photos[b.photos.length - 1];
  if (last === undefined || last.position !== b.body.length) return false;
  const credit = matchCreditLine(text);
  if (credit === null) return false;
  if (last.credit !== null) {
    // Republika prints the caption with its credit, the credit alone, then the caption again.
    if (credit !== last.credit) return false;
    b.discard(line, 'duplicate');
    return true;
  }
  const parts = parseCredit(credit);
  // In the body a bare agency line is more likely a sign-off than a credit.
  if (region === 'body' && (parts === null || parts.agencyOnly) && !/^(?:foto|photo|kredit|credit)\s*:/i.test(text)) return false;
  last.credit = credit;
  // `Foto: Mahmud Muhyidin`: a labelled credit that is one name is the photographer.
  const single = parts === null ? splitNames(credit) : null;
  last.photographer = parts?.photographer ?? (single?.length === 1 ? (single[0] as string) : null);
  last.agency = parts?.agency ?? null;
  last.pool = parts?.pool ?? false;
  b.assign(line, 'photos', b.photos.length - 1);
  return true;
}

/** Whether a line is only one person's name (two to four capitalised words, not in capitals). */
function isLoneNameLine(line: SourceLine): boolean {
  const names = splitNames(line.text);
  if (names === null || names.length !== 1) return false;
  const words = (names[0] as string).split(/\s+/).length;
  return words >= 2 && words <= MAX_LONE_NAME_WORDS && !isSectionLabel(line.key) && line.text !== line.text.toUpperCase();
}

/**
 * Whether a byline or date line follows before the next content line (confirms a subtitle). A name
 * alone counts when a date line follows it: Majalah Tempo AMP and magz print title, deck, writer, date.
 */
function metaFollows(s: ParseState, from: number, end: number, nameSeen = false): boolean {
  for (let j = from; j < end; j++) {
    const line = s.lines[j] as SourceLine;
    if (classifyNoise(line.key) !== null) continue;
    if (!nameSeen && matchInlineByline(line.text) !== null) return true;
    if (!nameSeen && isLoneNameLine(line)) return metaFollows(s, j + 1, end, true);
    if (nameSeen) return parseDateLine(line.text) !== null;
    return parseDateLine(line.text) !== null || matchBylineLabel(line.text) !== null || matchInlineByline(line.text) !== null || isOutletName(line.text);
  }
  return false;
}

/** How far down the page the header's anchors are looked for: past any login or menu block. */
const HEADER_SCAN_LINES = 80;

/** A line this long and dense in stop words is a paragraph, not chrome or a headline. */
const MIN_PARAGRAPH_WORDS = 25;

/** A headline printed twice is short and ends in a word; a caption printed twice carries a credit. */
const MAX_REPEATED_TITLE_WORDS = 20;

/** Whether a line is evidence of the article's header: a date line or a byline. */
function isHeaderMeta(text: string): boolean {
  return parseDateLine(text) !== null || matchBylineLabel(text) !== null || matchInlineByline(text) !== null;
}

/** A sentence ending inside the line (`… alias Ahok. Kementerian BUMN`): a caption and its credit, not a headline. */
const INNER_SENTENCE_END = /(?:\p{Ll}{2,}|\d{4})\.\s+\p{Lu}/u;

/**
 * Whether a line could be a headline that the page prints twice around its lead photo. Captions
 * are printed twice too: a bulleted line, a line with a credit, or two sentences is a caption.
 */
function isRepeatableTitle(text: string): boolean {
  const f = lineFeatures(text);
  return (
    isTitleLike(text) &&
    f.words >= 3 &&
    f.words <= MAX_REPEATED_TITLE_WORDS &&
    !f.sentenceEnd &&
    stripBullet(text) === text &&
    !INNER_SENTENCE_END.test(text) &&
    splitCaption(text, 'header') === null &&
    parseDateLine(text) === null &&
    // An image's credit printed twice (`TEMPO/Tony Hartawan`) is no headline.
    !(text.includes('/') && matchCreditLine(text) !== null)
  );
}

/**
 * Region 0: where the article's header starts, found from its anchors rather than from the top.
 * The first anchor is a date line, a byline or the dateline paragraph. Above it, the last line of
 * account, subscription or navigation chrome closes the page chrome; and a headline printed twice
 * before the dateline paragraph (old en.tempo.co, AMP) is the title, whatever stands above it
 * (other headlines with their own dates).
 */
function findHeaderStart(s: ParseState): number {
  const { lines } = s;
  const limit = Math.min(lines.length, HEADER_SCAN_LINES);
  let firstAnchor = limit;
  let bodyAnchor = limit;
  for (let i = 0; i < limit; i++) {
    const text = stripBullet((lines[i] as SourceLine).text);
    if (isHeaderMeta(text)) {
      firstAnchor = Math.min(firstAnchor, i);
      continue;
    }
    if (hasStrongDateline(text) || matchBareDateline(text) !== undefined) {
      firstAnchor = Math.min(firstAnchor, i);
      bodyAnchor = i;
      break;
    }
  }
  let start = 0;
  for (let i = 0; i < firstAnchor; i++) {
    const line = lines[i] as SourceLine;
    // The line right above the header's first anchor is the headline even if it uses a chrome
    // word (`Cara Berlangganan Listrik Prabayar`); chrome never sits between headline and date.
    if (isChromeLine(line.key, line.text) && !(nextContent(lines, i + 1, limit) === firstAnchor && isTitleLike(line.text))) {
      // A stamp between the headline and the body (Koran Tempo's `arsip tempo : <id>.`): when the
      // only content above it is one headline-like line, that line is the title, not chrome.
      if (!stampUnderTitle(lines, start, i, limit, firstAnchor)) start = i + 1;
    }
    // A real paragraph means the article has begun: chrome further down is its tail. A magazine
    // lead in capitals says so at any length (a short teaser above the paywall).
    else if ((lineFeatures(line.text).words >= MIN_PARAGRAPH_WORDS || isMagazineLead(line.text)) && isProse(line.text)) break;
  }
  const seen = new Map<string, number>();
  for (let i = start; i < bodyAnchor; i++) {
    const line = lines[i] as SourceLine;
    if (classifyNoise(line.key) !== null || !isRepeatableTitle(line.text)) continue;
    const first = seen.get(line.key);
    if (first !== undefined) return Math.max(start, first);
    seen.set(line.key, i);
  }
  return start;
}

/**
 * Whether chrome line `i` is a stamp printed right under the headline: the next content is the
 * header's first anchor or a body paragraph, and the only content between the chrome boundary and `i` is one
 * headline-like line that is not chrome itself.
 */
function stampUnderTitle(lines: readonly SourceLine[], start: number, i: number, limit: number, firstAnchor: number): boolean {
  const next = nextContent(lines, i + 1, limit);
  const body = next < limit && lineFeatures((lines[next] as SourceLine).text).words >= MIN_PARAGRAPH_WORDS && isProse((lines[next] as SourceLine).text);
  if (next !== firstAnchor && !body) return false;
  const title = nextContent(lines, start, i);
  if (title >= i || nextContent(lines, title + 1, i) !== i) return false;
  const line = lines[title] as SourceLine;
  return isTitleLike(line.text) && !isChromeLine(line.key, line.text);
}

/** Index of the next line that is not furniture, or `end`. */
function nextContent(lines: readonly SourceLine[], from: number, end: number): number {
  for (let j = from; j < end; j++) if (classifyNoise((lines[j] as SourceLine).key) === null) return j;
  return end;
}

/** A crawler's prefix on the first line (` date 2022-06-06 Selasa, 7 Juni 2022`): reads what follows it. */
function tryCrawlerPrefix(s: ParseState, line: SourceLine): boolean {
  const m = CRAWLER_PREFIX.exec(line.text);
  if (m === null) return false;
  const rest = line.text.slice(m[0].length).trim();
  const date = rest.length === 0 ? null : parseDateLine(rest);
  if (date !== null && date.ok) acceptDate(s, line, date.date);
  else if (rest.length === 0 || classifyNoise(lineKey(rest)) !== null || isMasthead(rest)) s.b.discard(line, 'chrome');
  else return false;
  return true;
}

/** A deck: one to three sentences, ending as a sentence does. */
const MAX_DECK_WORDS = 60;
function isDeckSentence(text: string): boolean {
  const words = lineFeatures(text).words;
  return words >= 5 && words <= MAX_DECK_WORDS && /[.!?]["”]?$/.test(text) && !isTitleLike(text);
}

/**
 * A rubric the section list lacks (the 2024 redesign has many): a short line, then a longer
 * headline, then (after a deck) the date line; or a short line in capitals, then the date line, then
 * a headline not in capitals (the newsletter). Only those shapes, so a short headline is never taken
 * for a rubric.
 */
function isUnlistedSection(s: ParseState, i: number): boolean {
  const { lines } = s;
  const line = lines[i] as SourceLine;
  const words = lineFeatures(line.text).words;
  if (words === 0 || words > 3 || line.text.length > 30 || !isTitleLike(line.text)) return false;
  const next = lines[i + 1];
  const after = lines[i + 2];
  if (next === undefined || after === undefined) return false;
  // The newsletter prints the rubric in capitals, then the date, then the headline.
  const capitals = line.text === line.text.toUpperCase() && /\p{Lu}/u.test(line.text);
  if (capitals && parseDateLine(next.text)?.ok === true) return isTitleLike(after.text) && after.text !== after.text.toUpperCase() && !isProse(after.text);
  if (!isTitleLike(next.text) || lineFeatures(next.text).words <= words) return false;
  // A deck under a short headline reads like a sentence; a headline under a rubric does not.
  if (!isProse(next.text) && lineFeatures(next.text).words >= words + 2 && parseDateLine(after.text)?.ok === true) return true;
  // The 2024 redesign and Majalah Tempo AMP: rubric, headline, the deck (a sentence), then the date;
  // the deck settles it, whatever the headline's words.
  const dated = lines[i + 3];
  return dated !== undefined && isDeckSentence(after.text) && parseDateLine(dated.text)?.ok === true;
}

/**
 * A name alone under the headline (Koran Tempo AMP, the newsletter, en.tempo.co): the page does
 * not say the role. en.tempo.co's layout with the font widget prints its editor there; elsewhere
 * it is the writer. Recorded with AMBIGUOUS_BYLINE either way; a role label right under the name
 * settles it. Returns how many lines it read (0: not a name).
 */
function tryLoneName(s: ParseState, i: number, end: number): number {
  const line = s.lines[i] as SourceLine;
  const names = splitNames(line.text);
  if (names === null || names.length !== 1) return 0;
  const words = (names[0] as string).split(/\s+/).length;
  if (words < 2 || words > MAX_LONE_NAME_WORDS || isSectionLabel(line.key) || line.text === line.text.toUpperCase()) return 0;
  const next = s.lines[i + 1];
  const label = next !== undefined && i + 1 < end ? matchBylineLabel(next.text) : null;
  if (label !== null && next !== undefined) {
    // Kompas prints the name first and its role under it: `Bayu Galih` / `Penulis`.
    s.b.assign(line, 'byline');
    s.b.assign(next, 'byline');
    s.b.addName(label.role, names[0] as string);
    return 2;
  }
  const fontWidget = next !== undefined && i + 1 < end && /^font:?$/.test(next.key);
  const role: BylineRole = fontWidget ? 'editors' : 'reporters';
  s.b.assign(line, 'byline');
  s.ambiguousNames.push({ name: names[0] as string, line: line.no, role, labelled: false });
  return 1;
}

/** An outlet's channel credited as the desk: `CNN Indonesia TV | CNN Indonesia` → `CNN Indonesia TV`. */
function matchDeskLine(text: string): string | null {
  if (text.length > 80 || text.indexOf('|') < 0) return null;
  const parts = text.split('|').map((p) => p.trim());
  const channel = (part: string): boolean => isOutletName(part) || isOutletName(part.replace(/\s+(?:TV|Video|English)$/, ''));
  return parts.every(channel) ? (parts[0] as string) : null;
}

/** A kicker that opens a two-line headline: a few words ending in a colon (`GBPH PRABUKUSUMO:`). */
const MAX_KICKER_WORDS = 6;

/**
 * The second line of a headline printed on two lines, the first being a short kicker ending in a
 * colon (an interviewee's name, a topic): the next line, wrapped by a single newline, that reads
 * like a headline. Null when line `i` is not such a kicker.
 */
function titleContinuation(lines: readonly SourceLine[], i: number): SourceLine | null {
  const line = lines[i] as SourceLine;
  const next = lines[i + 1];
  if (next === undefined || next.no !== line.no + 1 || !line.text.endsWith(':')) return null;
  const kicker = line.text.slice(0, -1).trim();
  if (!isTitleLike(kicker) || lineFeatures(kicker).words > MAX_KICKER_WORDS || matchBylineLabel(line.text) !== null || matchReadAlsoLine(line.text) !== null) return null;
  if (!isTitleLike(next.text) || parseDateLine(next.text) !== null || matchBylineLabel(next.text) !== null || hasStrongDateline(next.text)) return null;
  return next;
}

/** A publication's name alone on a line: `Majalah Tempo`, `Koran Tempo`, `Tempo English`. */
const MASTHEAD = /^(?:majalah|koran)\s+tempo$/i;

/** Whether a line is only a masthead (see MASTHEAD, or an outlet's name such as `Tempo.co`). */
function isMasthead(text: string): boolean {
  return MASTHEAD.test(text) || isOutletName(text);
}

/** How far under the headline the old template's byline block starts. */
const PAGE_DATE_LOOKAHEAD = 8;

/**
 * tempo.co www's 2015–2019 template (and en.tempo.co's old one) prints the day's date at the top of
 * every page, above the headline, with the byline block under the headline (`Reporter:` / `Editor:`
 * labels, or a name and the `Font:` widget): that date is the day the page was copied, not the
 * article's (a story of 4 September under `Saturday, 7 December 2019`). Kept as `pageDate`, with a
 * warning; `publishedAt` stays null. True when line i was such a date.
 */
function tryPageDate(s: ParseState, i: number): boolean {
  const { lines, b } = s;
  const line = lines[i] as SourceLine;
  const date = parseDateLine(line.text);
  if (date === null || !date.ok || date.date.precision !== 'day') return false;
  const title = lines[i + 1];
  if (title === undefined || !isTitleLike(title.text) || parseDateLine(title.text) !== null) return false;
  const template = lines.slice(i + 2, i + 2 + PAGE_DATE_LOOKAHEAD).some((l) => /^(?:reporter|editor)\s*:$/i.test(l.text) || /^font:?$/.test(lineKey(stripBullet(l.text))));
  if (!template) return false;
  b.discard(line, 'chrome');
  b.pageDate = date.date.iso;
  b.warn('PAGE_DATE', `"${line.text}" on line ${line.no} is the site's date of the day the page was copied, printed above the headline, not the article's publication date; publishedAt is left empty.`, line.no);
  return true;
}

/** Region 1: furniture above the headline, then the headline. Returns the index after the title. */
function readTitle(s: ParseState): number {
  const { lines, b } = s;
  const start = findHeaderStart(s);
  for (let k = 0; k < start; k++) {
    const line = lines[k] as SourceLine;
    // The date line right above the headline belongs to it (a newsletter: date, title, …, the title again).
    if (k === start - 1 && tryDate(s, line)) continue;
    const noise = classifyNoise(line.key);
    b.discard(line, noise?.reason ?? 'chrome');
  }
  let i = start;
  /** The rubric read above the headline, and whether a date line followed it. */
  let sectionLine: SourceLine | null = null;
  let dateUnderSection = false;
  for (; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (i === 0 && tryCrawlerPrefix(s, line)) continue;
    if (discardNoise(s, line)) continue;
    if (i === start && b.section === null && tryPageDate(s, i)) continue;
    if (tryDate(s, line)) {
      dateUnderSection = sectionLine !== null;
      continue;
    }
    if (isMasthead(line.text)) {
      // The newsletter opens with the publication's name (`Majalah Tempo`): a masthead, not a headline.
      b.discard(line, 'chrome');
      continue;
    }
    if (b.section === null && isUnlistedSection(s, i)) {
      b.section = line.text;
      b.assign(line, 'section');
      continue;
    }
    if (b.section === null && isSectionLabel(line.key)) {
      b.section = line.text;
      b.assign(line, 'section');
      sectionLine = line;
      continue;
    }
    break;
  }
  const candidate = lines[i];
  if (candidate === undefined) {
    throw new ParseError('NO_TITLE', 'The page has no headline: only furniture (ads, widgets, dates) was found.');
  }
  const continued = titleContinuation(lines, i);
  if (continued !== null) {
    b.title = `${candidate.text} ${continued.text}`;
    b.titleLine = candidate;
    b.assign(candidate, 'title');
    b.assign(continued, 'title');
    return i + 2;
  }
  if (isDateHeading(candidate.text)) {
    throw new ParseError(
      'NO_TITLE',
      `Line ${candidate.no} should be the headline but is a date without its year or an edition's range ("${candidate.text}"): a chronology or a digest copied without its title?`,
      candidate.no,
    );
  }
  if (!isTitleLike(candidate.text) || hasStrongDateline(candidate.text) || matchBareDateline(candidate.text) !== undefined || opensWithDateTime(candidate.text) || matchBylineLabel(candidate.text) !== null || matchInlineByline(candidate.text) !== null || matchReadAlsoLine(candidate.text) !== null) {
    if (sectionLine !== null && dateUnderSection) {
      // An editor's letter is titled by its rubric (`Surat Dari Redaksi`, then the date, then the
      // letter): with no headline between the date and the prose, the rubric is the headline.
      const assignment = b.assignments.find((a) => a.line === sectionLine?.no && a.field === 'section');
      if (assignment !== undefined) assignment.field = 'title';
      b.section = null;
      b.title = sectionLine.text;
      b.titleLine = sectionLine;
      return i;
    }
    throw new ParseError(
      'NO_TITLE',
      `Line ${candidate.no} should be the headline but reads like body text ("${candidate.text.slice(0, 60)}${candidate.text.length > 60 ? '…' : ''}"); is this a fragment without its title?`,
      candidate.no,
    );
  }
  b.title = candidate.text;
  b.titleLine = candidate;
  b.assign(candidate, 'title');
  return i + 1;
}

/** Region 2: from under the headline to the first body paragraph. Returns the body's first index. */
function readHeader(s: ParseState, start: number, end: number): number {
  const { lines, b } = s;
  const titleKey = b.titleLine?.key;
  let strongStart = end;
  for (let j = start; j < end; j++) {
    const text = stripBullet((lines[j] as SourceLine).text);
    if ((hasStrongDateline(text) || matchBareDateline(text) !== undefined) && parseDateLine(text) === null) {
      strongStart = j;
      break;
    }
  }
  const hasStrong = strongStart < end;
  let metaSeen = false;
  let lastLoneName = -2;
  let i = start;
  while (i < strongStart) {
    const line = lines[i] as SourceLine;
    if (discardNoise(s, line)) {
      i++;
      continue;
    }
    if (line.key === titleKey) {
      b.discard(line, 'duplicate');
      i++;
      continue;
    }
    // A stamp under the headline (`arsip tempo : <id>.`) is chrome, not a deck; magz prints it under the date or the deck.
    if ((i === start && isChromeLine(line.key, line.text) && lineFeatures(line.text).words < MIN_PARAGRAPH_WORDS) || isArchiveStamp(line.text)) {
      b.discard(line, 'chrome');
      i++;
      continue;
    }
    if (tryDate(s, line) || tryMetadataLine(s, line)) {
      metaSeen = true;
      i++;
      continue;
    }
    const label = matchBylineLabel(line.text);
    if (label !== null) {
      i = readBylineBlock(s, i, strongStart, label);
      metaSeen = true;
      continue;
    }
    if (tryInlineByline(s, line)) {
      metaSeen = true;
      i++;
      continue;
    }
    if (line.key === 'tim redaksi' && lastLoneName === i - 1) {
      // Kompas: writers, then the editor, then a `Tim Redaksi` link closing the credits.
      const names = s.ambiguousNames.filter((n) => !n.labelled);
      const editor = names[names.length - 1];
      if (names.length >= 2 && editor !== undefined) editor.role = 'editors';
      b.discard(line, 'label');
      i++;
      continue;
    }
    const channel = matchDeskLine(line.text);
    if (channel !== null) {
      // CNN Indonesia prints its name (or its channel, `CNN Indonesia TV | CNN Indonesia`) under the headline.
      b.assign(line, 'byline');
      b.byline.desk ??= channel;
      metaSeen = true;
      i++;
      continue;
    }
    if (isOutletName(line.text)) {
      // CNN Indonesia prints its name alone under the headline: a desk byline without a label.
      b.assign(line, 'byline');
      if (b.byline.desk === null) s.deskFromOutletLine = true;
      b.byline.desk ??= line.text;
      metaSeen = true;
      i++;
      continue;
    }
    const readAlso = matchReadAlsoLine(line.text);
    if (readAlso !== null && readAlso !== 'label') {
      b.addReadAlso(line, readAlso);
      i++;
      continue;
    }
    const repeated = repeatedWriter(s, i, strongStart);
    if (repeated > 0) {
      i += repeated;
      lastLoneName = i - 1;
      continue;
    }
    const afterName = lastLoneName === i - 1;
    if (afterName && isWriterDescription(line.text) && !lineFeatures(line.text).sentenceEnd && lineFeatures(line.text).words <= MAX_AFFILIATION_WORDS + 2) {
      // A columnist's position under the name (`Tulus Abadi` / `Ketua Pengurus Harian YLKI`): who the writer is, not a second writer.
      b.assign(line, 'byline');
      i++;
      continue;
    }
    const { reporters, editors, translators, desk } = b.byline;
    const nobodyCredited = reporters.length + editors.length + translators.length + s.ambiguousNames.length === 0 && (desk === null || s.deskFromOutletLine === true);
    const nameLines = (nobodyCredited || afterName) && b.photos.length === 0 ? tryLoneName(s, i, strongStart) : 0;
    if (nameLines > 0) {
      metaSeen = true;
      i += nameLines;
      lastLoneName = i - 1;
      continue;
    }
    const text = stripBullet(line.text);
    if (tryCreditLine(s, line, text, 'header')) {
      i++;
      continue;
    }
    const isCaption = b.captionKeys.has(line.key) || splitCaption(text, 'header') !== null;
    // The deck stands before the byline and the date; tempo.co's longform prints it between the two.
    const deckSlot = b.subtitle === null && !isCaption && b.photos.length === 0 && (!metaSeen || isDeckSentence(line.text));
    const follows = deckSlot && metaFollows(s, i + 1, strongStart);
    if (deckSlot && (!metaSeen || follows) && (hasStrong || follows)) {
      b.subtitle = line.text;
      b.assign(line, 'subtitle');
      i++;
      continue;
    }
    if (hasStrong || isCaption) {
      addCaption(s, line, text, 'header');
      i++;
      continue;
    }
    if (b.subtitle === null && isArchiveStamp((lines[nextContent(lines, i + 1, strongStart)] ?? line).text)) {
      // magz.tempo.co: title, date, deck, then the archive stamp; the story starts under the stamp.
      b.subtitle = line.text;
      b.assign(line, 'subtitle');
      i++;
      continue;
    }
    if (b.subtitle === null && (metaSeen || (i === start && (isDeckSentence(line.text) || isTitleLike(line.text)))) && opensMagazineStory(s, i + 1, strongStart) && !isMagazineLead(line.text)) {
      // Majalah Tempo prints a deck under the date (or right under the headline when the copy has
      // no date: a deck, or a kicker such as `Sutradara Pilihan, …`), then the story opening in capitals.
      b.subtitle = line.text;
      b.assign(line, 'subtitle');
      i++;
      continue;
    }
    return i;
  }
  return i;
}

/**
 * Majalah and Koran Tempo open a story with its first words in capitals (`UTJE Gustaaf Patty,
 * Chairperson …`, `JUNI 1998. Puluhan orang …`): a capitalised word of three letters or more, then a
 * name, a number or punctuation, never a lower-case word (which an acronym such as `KPK menetapkan` has).
 */
const MAGAZINE_LEAD = /^\p{Lu}{3,}(?:\s\p{Lu}{2,})*(?:[.,]|\s(?:\p{Lu}\p{Ll}|\d))/u;

/**
 * A story opening with a function word in capitals, then lower case (`KEPADA seorang tamu …`,
 * `PADA zaman …`): a stop word is never an acronym, so `KPK menetapkan` does not qualify.
 */
const CAPITALISED_OPENING_WORD = /^(\p{Lu}{2,})\s\p{Ll}/u;

/**
 * A story opening with a long word in capitals, then lower case (`PERJUANGAN keras tim …`,
 * `PEMERINTAH Indonesia punya …`): seven letters or more, longer than the acronyms that open news
 * sentences (`KPK`, `PSSI`, `BMKG`).
 */
const LONG_CAPITALISED_OPENING_WORD = /^\p{Lu}{7,}\s\p{Ll}/u;

/** Whether a line opens a magazine story (see MAGAZINE_LEAD and the capitalised opening words). */
function isMagazineLead(text: string): boolean {
  if (MAGAZINE_LEAD.test(text) || LONG_CAPITALISED_OPENING_WORD.test(text)) return true;
  const m = CAPITALISED_OPENING_WORD.exec(text);
  return m !== null && isStopWord(m[1] as string);
}

/**
 * Whether the next content line opens a magazine story: its lead in capitals, or Koran Tempo's
 * dateline in capitals (`JAKARTA — Badan …`).
 */
function opensMagazineStory(s: ParseState, from: number, end: number): boolean {
  for (let j = from; j < end; j++) {
    const line = s.lines[j] as SourceLine;
    if (classifyNoise(line.key) !== null) continue;
    if (!isProse(line.text)) return false;
    if (isMagazineLead(line.text)) return true;
    const city = splitDateline(line.text, true)?.dateline;
    return city !== null && city !== undefined && city === city.toUpperCase();
  }
  return false;
}

/** A paragraph's copy cut short further down the page is at least this long. */
const MIN_CUT_COPY_LENGTH = 40;

/**
 * Whether a line repeats a paragraph already read: Koran Tempo AMP prints the opening paragraphs
 * as a teaser and again under the date, the second time cut off mid-word.
 */
function repeatsParagraph(bodyKeys: ReadonlySet<string>, key: string): boolean {
  if (bodyKeys.has(key)) return true;
  if (key.length < MIN_CUT_COPY_LENGTH || PARAGRAPH_END.test(key)) return false;
  // Keys of long lines keep their case (input.ts): compare the cut copy's start without it.
  const start = key.toLowerCase();
  for (const earlier of bodyKeys) if (earlier.length > key.length && earlier.slice(0, key.length).toLowerCase() === start) return true;
  return false;
}

/** A deck printed above the date line runs to one to three paragraphs. */
const MAX_DECK_PARAGRAPHS = 3;

/** Whether the next content line repeats a paragraph read so far (a teaser printed again under the date). */
function repeatsAfter(s: ParseState, from: number, end: number): boolean {
  for (let j = from; j < end; j++) {
    const line = s.lines[j] as SourceLine;
    if (classifyNoise(line.key) !== null) continue;
    const text = stripBullet(line.text);
    const rest = splitDateline(text, true)?.rest ?? text;
    return s.b.body.some((paragraph) => paragraph === rest || (rest.length >= MIN_CUT_COPY_LENGTH && paragraph.startsWith(rest)));
  }
  return false;
}

/** Turns the paragraphs read so far into the subtitle (the deck), one per line, photos moving to the lead. */
function moveBodyToDeck(s: ParseState): void {
  const { b } = s;
  const deck = b.body.splice(0, b.body.length);
  b.bodyAssignments.splice(0, b.bodyAssignments.length);
  // Every line of the deck, hard-wrapped continuation lines included.
  const assignments = b.assignments.filter((a) => a.field === 'body');
  for (const assignment of assignments) {
    assignment.field = 'subtitle';
    assignment.index = null;
  }
  // The deck's own lines are the subtitle as printed; a dateline split off the first is undone.
  const texts = assignments.map((a, k) => s.lines.find((l) => l.no === a.line)?.text ?? (deck[k] as string));
  b.subtitle = b.subtitle === null ? texts.join('\n') : [b.subtitle, ...texts].join('\n');
  b.dateline = null;
  s.datelineSeen = false;
  for (const photo of b.photos) photo.position = 0;
}

/** Discards the rest of the page up to `end` as chrome (furniture keeps its own reason), but the lines in `kept`. */
function discardChrome(s: ParseState, from: number, end: number, kept: ReadonlySet<number> = new Set()): void {
  for (let j = from; j < end; j++) {
    const line = s.lines[j] as SourceLine;
    if (!kept.has(j) && !discardNoise(s, line)) s.b.discard(line, 'chrome');
  }
}

/**
 * The author box under a column in the 2024 redesign, after the paywall's offer: the writer's name
 * alone, then a line saying who the writer is (`Yopie Hidayat` / `Pemimpin redaksi tabloid …`). With
 * nobody credited in the header, the name is the writer. Returns the indexes of the lines it took.
 */
const MIN_BIO_WORDS = 2;
function takeAuthorBox(s: ParseState, from: number, end: number): Set<number> {
  const taken = new Set<number>();
  // Only under a paywall's offer, where the 2024 redesign prints it.
  if (s.truncatedAt === null || s.b.byline.reporters.length > 0 || s.ambiguousNames.length > 0) return taken;
  for (let j = from; j + 1 < end; j++) {
    const line = s.lines[j] as SourceLine;
    const next = s.lines[j + 1] as SourceLine;
    if (!isLoneNameLine(line) || !isWriterDescription(next.text) || lineFeatures(next.text).words < MIN_BIO_WORDS) continue;
    s.b.addName('reporters', line.text);
    s.b.assign(line, 'byline');
    s.b.assign(next, 'byline');
    taken.add(j).add(j + 1);
    break;
  }
  return taken;
}

/**
 * Whether the article ends at line i: a list header that follows articles (`Lihat Juga`,
 * `Video Terkait`, `Tags:`), or what follows a paywall's cut mark when it is not more prose
 * (`Berlangganan untuk lanjutkan membaca.` and the offer under it).
 */
function endsArticle(s: ParseState, i: number, end: number): boolean {
  const line = s.lines[i] as SourceLine;
  if (s.b.body.length === 0) return false;
  if (isTailHeader(line.key)) return true;
  const previous = s.lines[i - 1];
  if (previous === undefined) return false;
  // The paywall's offer follows its notice (`Subscribe to continue reading.` / `We craft news with stories.`).
  if (classifyNoise(previous.key)?.paywall === true) return i < end && (isChromeLine(line.key, line.text) || !isProse(line.text) || lineFeatures(line.text).words < MIN_PARAGRAPH_WORDS);
  if (!isCutMark(previous.text)) return false;
  return i < end && (isChromeLine(line.key, line.text) || !isProse(line.text));
}

/**
 * A note signed with a name and, on the next line, the writer's job title (`Stefanus Wibowo` /
 * `Redaktur Pelaksana`, the newsletter's editor's letter): the name is the writer. Both lines go
 * to the byline.
 */
function trySignedName(s: ParseState, i: number, end: number): boolean {
  const line = s.lines[i] as SourceLine;
  const next = s.lines[i + 1];
  if (next === undefined || i + 1 >= end || next.no !== line.no + 1 || !isJobTitle(next.text)) return false;
  const names = splitNames(line.text);
  if (names === null || names.length !== 1) return false;
  const words = (names[0] as string).split(/\s+/).length;
  if (words < 2 || words > MAX_LONE_NAME_WORDS) return false;
  s.b.addName('reporters', names[0] as string);
  s.b.assign(line, 'byline');
  s.b.assign(next, 'byline');
  return true;
}

/** A line opening in lower case: the rest of a sentence, never the start of a paragraph. */
const LOWER_CASE_START = /^\p{Ll}/u;

/** A line hard-wrapped at a fixed width (datatempo's 1970s–1990s texts wrap at 60–70 characters). */
const MIN_WRAPPED_LINE = 45;
const MAX_WRAPPED_LINE = 80;

/**
 * Whether a line continues the paragraph above it, hard-wrapped by a single newline (the
 * datatempo text pages): it follows the paragraph's last line directly, that paragraph stops
 * mid-sentence, and the line opens in lower case, or the line above was cut at the wrap width
 * (`… zone Asia Pasific grup` / `B-untuk merebut …`, `… hari Sabtu tanggal 24` / `Maret ini.`); a
 * subheading is shorter than that, and a paragraph after it is longer than a wrapped line.
 */
function continuesParagraph(s: ParseState, lastBodyLine: number, line: SourceLine, previous: SourceLine | undefined): boolean {
  const last = s.b.body[s.b.body.length - 1];
  if (last === undefined || lastBodyLine !== line.no - 1 || PARAGRAPH_END.test(last) || /[:;]$/.test(last)) return false;
  if (LOWER_CASE_START.test(line.text)) return true;
  const width = previous?.no === lastBodyLine ? previous.text.length : 0;
  return width >= MIN_WRAPPED_LINE && width <= MAX_WRAPPED_LINE && line.text.length <= MAX_WRAPPED_LINE && /\p{L}/u.test(line.text.charAt(0));
}

/** A read-also title is a headline: at most this many words. */
const MAX_READ_ALSO_WORDS = 20;

/**
 * Whether line i is one more title of a `Baca juga:` list that ends the article (a label, then
 * several titles one per line): a headline-like line with no paragraph after it on the page, so
 * a subheading followed by more story is never taken for a link.
 */
function isReadAlsoListItem(s: ParseState, i: number, end: number): boolean {
  const line = s.lines[i] as SourceLine;
  const f = lineFeatures(line.text);
  if (!isTitleLike(line.text) || f.sentenceEnd || f.words > MAX_READ_ALSO_WORDS) return false;
  for (let j = i + 1; j < end; j++) {
    const text = (s.lines[j] as SourceLine).text;
    if (lineFeatures(text).sentenceEnd || isProse(text)) return false;
  }
  return true;
}

/** Region 3: the body paragraphs with their photos, read-also links and source line. */
function readBody(s: ParseState, start: number, end: number): void {
  const { lines, b } = s;
  const titleKey = b.titleLine?.key;
  let readAlsoLabel = false;
  /** Under a `Baca juga:` label: more titles may follow, one per line. */
  let readAlsoList = false;
  let lastBodyKey: string | null = null;
  let lastBodyLine = -1;
  const bodyKeys = new Set<string>();
  for (let i = start; i < end; i++) {
    const line = lines[i] as SourceLine;
    if (endsArticle(s, i, end)) {
      discardChrome(s, i, end, takeAuthorBox(s, i, end));
      return;
    }
    if (isCutMark(line.text)) {
      b.discard(line, 'boilerplate');
      s.truncatedAt ??= line.no;
      continue;
    }
    if (discardNoise(s, line)) continue;
    if (isArchiveStamp(line.text)) {
      b.discard(line, 'chrome');
      continue;
    }
    if (b.body.length === 0 && b.dateline === null) {
      const city = matchBareDateline(stripBullet(line.text));
      if (city !== undefined) {
        // `Jakarta, CNN Indonesia --` on a line of its own, the paragraph on the next.
        b.dateline = city;
        s.datelineSeen = true;
        b.assign(line, 'dateline');
        continue;
      }
    }
    // A date line among the first paragraphs (Koran Tempo AMP prints it under a teaser).
    if (b.publishedAt === null && b.body.length <= MAX_DECK_PARAGRAPHS && tryDate(s, line)) {
      if (b.body.length > 0 && !repeatsAfter(s, i + 1, end)) {
        // Title, deck, date, story: what stood above the date line was the deck, not the story.
        moveBodyToDeck(s);
        bodyKeys.clear();
        lastBodyKey = null;
        lastBodyLine = -1;
      }
      continue;
    }
    if (readAlsoLabel) {
      readAlsoLabel = false;
      const f = lineFeatures(line.text);
      if (f.words > MAX_READ_ALSO_WORDS && isProse(line.text)) {
        // `Baca Juga:` whose link text was lost (tempo.co/abc): the paragraph under it is story, not a title.
        dropReadAlsoLabel(s);
      } else {
        readAlsoList = true;
        b.addReadAlso(line, toReadAlso(line.text));
        continue;
      }
    }
    // A title right under the previous one (no blank line between: one list under its `Baca juga:`), or
    // the titles of a list that ends the article.
    const listed = readAlsoList && s.lines[i - 1]?.no === line.no - 1 && isTitleLike(line.text) && !lineFeatures(line.text).sentenceEnd && lineFeatures(line.text).words <= MAX_READ_ALSO_WORDS;
    if (readAlsoList && (listed || isReadAlsoListItem(s, i, end))) {
      b.addReadAlso(line, toReadAlso(line.text));
      continue;
    }
    readAlsoList = false;
    const readAlso = matchReadAlsoLine(line.text);
    if (readAlso === 'label') {
      // The title is on the next line; both lines make one entry.
      b.assign(line, 'readAlso', b.readAlso.length);
      readAlsoLabel = true;
      continue;
    }
    if (readAlso !== null) {
      b.addReadAlso(line, readAlso);
      continue;
    }
    const source = matchSourceLine(line.text);
    if (source !== null) {
      b.addSource(line, source);
      continue;
    }
    if (b.body.length > 0 && tryInlineByline(s, line)) continue;
    if (b.body.length > 0 && trySignedName(s, i, end)) {
      i++;
      continue;
    }
    const text = stripBullet(line.text);
    if (b.captionKeys.has(line.key) || line.key === titleKey || line.key === lastBodyKey || repeatsParagraph(bodyKeys, line.key)) {
      b.discard(line, 'duplicate');
      continue;
    }
    if (tryCreditLine(s, line, text, 'body') || addCaption(s, line, text, 'body')) continue;

    let paragraph = line.text;
    if (b.body.length === 0 && b.dateline === null) {
      // A bullet before the dateline (`  • TEMPO.CO, Jakarta…`) is furniture.
      const split = splitDateline(text, true);
      if (split !== null) {
        b.dateline = split.dateline;
        s.datelineSeen = true;
        paragraph = split.rest;
      }
    }
    const inline = extractInlineReadAlso(paragraph);
    if (continuesParagraph(s, lastBodyLine, line, lines[i - 1])) b.continueParagraph(line, inline.paragraph);
    else b.addParagraph(line, inline.paragraph);
    lastBodyLine = line.no;
    lastBodyKey = line.key;
    bodyKeys.add(line.key);
    for (const entry of inline.readAlso) b.readAlso.push(entry);
  }
  // A dangling `Baca juga:` with nothing after it: keep the line accounted for as a label.
  if (readAlsoLabel) dropReadAlsoLabel(s);
}

/** Turns the last `Baca juga:` label, which no title followed, from a read-also entry into a discarded label. */
function dropReadAlsoLabel(s: ParseState): void {
  const { b } = s;
  let k = b.assignments.length - 1;
  while (k >= 0 && !((b.assignments[k] as LineAssignment).field === 'readAlso' && (b.assignments[k] as LineAssignment).index === b.readAlso.length)) k--;
  const label = b.assignments[k];
  if (label === undefined) return;
  b.assignments.splice(k, 1);
  b.discard(s.lines.find((l) => l.no === label.line) as SourceLine, 'label');
}

/** Lines of chrome a sign-off may be followed by before the parser stops looking for it. */
const MAX_LINES_AFTER_SIGN_OFF = 4;

/** The old tempo.co sign-off at the end of the last paragraph: `(Name-Tempo News Room)`. */
const NEWS_ROOM_SIGN_OFF = /\s*\(([^()]{3,60}?)\s*[-–]\s*(?:Tempo News Room|TNR)\)\s*$/i;

/** Moves a trailing all-caps sign-off (`MAYA AYU PUSPITASARI`, `ANTARA | DN`) from the body to the byline. */
function takeSignOff(s: ParseState): number | null {
  const { b } = s;
  const lastIndex = b.body.length - 1;
  const last = b.body[lastIndex];
  if (last === undefined) return null;
  const newsRoom = NEWS_ROOM_SIGN_OFF.exec(last);
  if (newsRoom !== null && newsRoom.index > 0) {
    // `… kata dia. (Sekar Ayu-Tempo News Room)`: the reporter signs inside the last paragraph.
    const names = splitNames((newsRoom[1] as string).trim());
    if (names !== null) {
      b.body[lastIndex] = last.slice(0, newsRoom.index).trimEnd();
      for (const name of names) b.addName('reporters', name);
      return null;
    }
  }
  if (lastIndex === 0) return null;
  // The sign-off ends the article: what follows it, when none of it is prose (widget labels, the
  // next story's headline), is page chrome the tail detection did not name.
  let k = lastIndex;
  while (k > 1 && lastIndex - k < MAX_LINES_AFTER_SIGN_OFF && matchSignOff(b.body[k] as string) === null && !isProse(b.body[k] as string)) k--;
  const signOff = matchSignOff(b.body[k] as string);
  if (signOff === null) return null;
  const after = b.bodyAssignments.splice(k + 1);
  b.body.splice(k + 1);
  for (const a of after) {
    const line = s.lines.find((l) => l.no === a.line) as SourceLine;
    b.assignments.splice(b.assignments.indexOf(a), 1);
    b.discard(line, 'chrome');
  }
  const assignment = b.bodyAssignments[k] as LineAssignment;
  b.body.pop();
  b.bodyAssignments.pop();
  // A sign-off naming only an outlet (`REUTERS`) credits a source, not a person.
  assignment.field = signOff.reporter === null ? 'source' : 'byline';
  assignment.index = null;
  if (signOff.reporter !== null) {
    if (isOutletName(signOff.reporter)) b.byline.desk ??= signOff.reporter;
    else b.addName('reporters', signOff.reporter);
  }
  for (const source of signOff.sources) b.appendSource(source);
  for (const photo of b.photos) if (photo.position > b.body.length) photo.position = b.body.length;
  return assignment.line;
}

/** Settles the byline: outlet names become the desk, ambiguous names get a role and a warning. */
function settleByline(s: ParseState): void {
  const { b } = s;
  for (const { name, line, role, labelled } of s.ambiguousNames) {
    b.addName(role, name);
    const why = labelled ? `The page prints several byline labels but only "${name}" (line ${line}); recorded under the last label` : `"${name}" stands alone under the headline (line ${line}) without a label; recorded`;
    b.warn('AMBIGUOUS_BYLINE', `${why}, as ${ROLE_NAMES[role]}.`, line);
  }
  for (const role of ['reporters', 'editors', 'translators'] as const) {
    const list = b.byline[role];
    for (let k = list.length - 1; k >= 0; k--) {
      const name = list[k] as string;
      if (!isOutletName(name) && !TEAM.test(name)) continue;
      list.splice(k, 1);
      b.byline.desk ??= name;
    }
  }
  // The outlet's name alone stood in for the writer; a named writer replaces it.
  if (s.deskFromOutletLine === true && b.byline.reporters.length > 0) b.byline.desk = null;
}

/** An outlet the parser has no profile for: refused up front, never parsed with another outlet's rules. */
function refuseUnsupportedOutlet(evidence: OutletEvidence | null): void {
  if (evidence === null || evidence.outlet.supported) return;
  throw new ParseError(
    'UNSUPPORTED_LAYOUT',
    `This page comes from ${evidence.outlet.name} ("${evidence.seen}" on line ${evidence.line}), an outlet the parser has no profile for; it reads ${SUPPORTED_OUTLET_NAMES.join(', ')}. Import this article by hand.`,
    evidence.line,
  );
}

/** How many of the header's anchors a page of another profiled outlet must show. */
const MIN_OUTLET_ANCHORS = 2;

/**
 * A page of another profiled outlet must show at least two of its header's anchors: a date
 * line, the dateline prefix of the first paragraph, a byline. With fewer, the parser cannot be
 * sure where the article is (a special-report layout, a video page) and says what it found.
 */
function refuseUnplacedPage(s: ParseState, evidence: OutletEvidence | null): void {
  if (evidence === null || evidence.outlet.id === HOME_OUTLET) return;
  const { b } = s;
  const { reporters, editors, translators, desk } = b.byline;
  const anchors = {
    'a date line': b.publishedAt !== null,
    'a dateline': s.datelineSeen,
    'a byline': reporters.length + editors.length + translators.length > 0 || desk !== null,
  };
  const found = Object.entries(anchors).filter(([, seen]) => seen).map(([name]) => name);
  if (found.length >= MIN_OUTLET_ANCHORS) return;
  const missing = Object.entries(anchors).filter(([, seen]) => !seen).map(([name]) => name);
  throw new ParseError(
    'UNSUPPORTED_LAYOUT',
    `This ${evidence.outlet.name} page ("${evidence.seen}" on line ${evidence.line}) shows ${found.length === 0 ? 'none' : `only ${found.join(' and ')}`} of its header (missing ${missing.join(', ')}) under "${(b.title ?? '').slice(0, 60)}": its layout is not one the parser can place. Import this article by hand.`,
    evidence.line,
  );
}

/** Page-level warnings: what a reviewer should look at before publishing the import. */
function finish(s: ParseState): void {
  const { b } = s;
  // PAGE_DATE already says why a page dated only at its top has no publication date.
  if (b.publishedAt === null && b.pageDate === null) b.warn('NO_DATE', 'The page has no date line; publishedAt is null.');
  const { reporters, editors, translators, desk } = b.byline;
  if (reporters.length + editors.length + translators.length === 0 && desk === null) {
    b.warn('NO_BYLINE', 'The page credits nobody (no reporter, editor, translator or desk).');
  }
  const lastParagraph = b.body[b.body.length - 1] as string;
  if (s.truncatedAt !== null) {
    b.warn('TRUNCATED', `The page shows a paywall notice (line ${s.truncatedAt}); the body is incomplete.`, s.truncatedAt);
  } else if (TRUNCATION_MARK.test(lastParagraph) || !PARAGRAPH_END.test(lastParagraph)) {
    const line = b.bodyAssignments[b.bodyAssignments.length - 1]?.line ?? null;
    b.warn('TRUNCATED', 'The last paragraph ends in an ellipsis or mid-sentence; the page was probably cut off.', line);
  }
}

/**
 * Parses a page into the article and the trace of where each line went. Throws ParseError only.
 * Prefer parseArticle unless you need the trace (tests, the admin preview's highlighting).
 */
export function parseArticleWithTrace(input: string | Uint8Array, options: ParseOptions = {}): TracedArticle {
  try {
    return parseOrThrow(input, options);
  } catch (error: unknown) {
    if (error instanceof ParseError) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ParseError('INTERNAL', `The parser failed unexpectedly (${detail}); please report this page.`);
  }
}

/** A key point is one short sentence; a box holds a handful. */
const MAX_SUMMARY_POINT_WORDS = 30;
const MAX_SUMMARY_POINTS = 6;

/**
 * Discards the 2024 redesign's key-points box (`Ringkasan Berita` / `Poin penting` and the short
 * points under it, bulleted or not) and returns the lines without it: the points summarise the
 * story, they are not its paragraphs. The box ends at the first line that is no short sentence (the
 * story's opening, `PEMERINTAH Indonesia …`), at furniture or after six points.
 */
function setAsideSummaryBoxes(lines: readonly SourceLine[], b: ArticleBuilder): SourceLine[] {
  const kept: SourceLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as SourceLine;
    if (!isSummaryHeader(line.key)) {
      kept.push(line);
      continue;
    }
    let j = i + 1;
    for (; j < lines.length && j - i <= MAX_SUMMARY_POINTS; j++) {
      const point = stripBullet((lines[j] as SourceLine).text);
      const words = lineFeatures(point).words;
      // The last point may lack its period when the story's opening follows (`Koreksi judul Surat Pembaca` / `PADA 100 hari …`).
      const next = lines[j + 1];
      const closed = /[.!?]["”]?$/.test(point) || (next !== undefined && isMagazineLead(next.text));
      if (classifyNoise((lines[j] as SourceLine).key) !== null || words === 0 || words > MAX_SUMMARY_POINT_WORDS || !closed || isMagazineLead(point)) break;
    }
    if (j === i + 1) {
      kept.push(line);
      continue;
    }
    for (let k = i; k < j; k++) b.discard(lines[k] as SourceLine, 'widget');
    i = j - 1;
  }
  return kept;
}

/** Validates the capturedAt option; a bad value is the caller's mistake (BAD_OPTION, DATE_OUT_OF_RANGE). */
function readCapturedAt(options: ParseOptions, now: Date): DateTime | null {
  const value: unknown = options.capturedAt;
  if (value === undefined || value === null) return null;
  const parsed = typeof value === 'string' || value instanceof Date ? parseCapturedAt(value) : null;
  if (parsed === null) {
    throw new ParseError('BAD_OPTION', `capturedAt must be an ISO 8601 timestamp or a valid Date, got ${JSON.stringify(value)}.`);
  }
  if (!inDateRange(parsed, now)) {
    throw new ParseError('DATE_OUT_OF_RANGE', `capturedAt ${JSON.stringify(String(value).slice(0, 40))} is outside the accepted range (${acceptedRange(now)}); give the time the page was copied.`);
  }
  return parsed;
}

/** The `now` option (a test's fixed clock), or the real clock. */
function readNow(options: ParseOptions): Date {
  const value: unknown = options.now;
  if (value === undefined || value === null) return new Date();
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new ParseError('BAD_OPTION', 'now must be a valid Date.');
  return value;
}

/** The four regions in order, then the page-level settling; see the outline at the top. */
function parseOrThrow(input: string | Uint8Array, options: ParseOptions): TracedArticle {
  const now = readNow(options);
  const capturedAt = readCapturedAt(options, now);
  const allLines = toSourceLines(decodeInput(input));
  const outlet = detectOutlet(allLines);
  refuseUnsupportedOutlet(outlet);
  const b = new ArticleBuilder();
  const lines = setAsideSummaryBoxes(allLines, b);
  const s: ParseState = { lines, b, languageHint: null, truncatedAt: null, datelineSeen: false, ambiguousNames: [], now };

  const afterTitle = readTitle(s);
  const relatedStart = findRelatedStart(lines, afterTitle);
  const bodyStart = readHeader(s, afterTitle, relatedStart);
  readBody(s, bodyStart, relatedStart);
  if (b.body.length === 0) {
    throw new ParseError('NO_BODY', `The page has a headline ("${b.title ?? ''}") but no body paragraphs.`, null);
  }
  parseRelatedList(lines, relatedStart, lines.length, b, capturedAt, now);
  takeSignOff(s);
  settleByline(s);
  refuseUnplacedPage(s, outlet);
  finish(s);

  b.discarded.sort((x, y) => x.line - y.line);
  b.assignments.sort((x, y) => x.line - y.line);
  // Re-point discarded assignments after sorting the discarded list.
  const discardedIndex = new Map(b.discarded.map((d, k) => [d.line, k]));
  for (const a of b.assignments) if (a.field === 'discarded') a.index = discardedIndex.get(a.line) ?? null;

  return {
    article: {
      language: detectLanguage(b.body, s.languageHint),
      title: b.title as string,
      subtitle: b.subtitle,
      section: b.section,
      byline: b.byline,
      publishedAt: b.publishedAt,
      publishedAtPrecision: b.publishedAtPrecision,
      pageDate: b.pageDate,
      dateline: b.dateline,
      body: b.body,
      photos: b.photos,
      source: b.source,
      readAlso: b.readAlso,
      related: b.related,
      discarded: b.discarded,
      warnings: b.warnings,
    },
    lines: b.assignments,
  };
}

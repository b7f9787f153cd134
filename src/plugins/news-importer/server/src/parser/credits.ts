import { isStopWord } from './features';
import { isPhotoAgency, NON_PERSON_CREDIT_SET } from './vocabulary';

/** The agency, photographer and pool flag read out of a credit. */
export interface CreditParts {
  photographer: string | null;
  agency: string | null;
  pool: boolean;
  /** The credit is a bare agency (`(ANTARA)`): trusted under the title, not inside the body. */
  agencyOnly: boolean;
}

/** A caption line split into its caption and its credit. */
export interface CaptionSplit extends CreditParts {
  caption: string;
  /** The credit exactly as printed, without surrounding brackets. */
  credit: string;
}

/** Where a line sits: under the title any leftover line is a caption; in the body only a clear one. */
export type CaptionRegion = 'header' | 'body';

/**
 * One part of a credit between slashes: capitalised words (`Stefani Reynolds`, `ANTARA FOTO`,
 * `Kim Hong-Ji`, `Hilman Fathurrahman W`), plus the lower-case words that occur in names and in
 * `Pool via REUTERS`. A part with other lower-case words is prose, not a credit.
 */
const CREDIT_PART = /^[\p{Lu}\d][\p{L}\p{M}\d.'’&-]*(?:\s+(?:[\p{Lu}\d][\p{L}\p{M}\d.'’&-]*|via|de|di|van|von|der|bin|binti|al|el|da))*$/u;

/** Antara appends the editor's initials in lower case (`ANTARA FOTO/Sigid Kurniawan/foc`). */
const EDITOR_INITIALS = /^[a-z]{2,4}$/;

/** A source distributed by an agency: `Social Media via REUTERS`. */
const VIA_PART = /^.+?\s+via\s+(.+)$/;

/** `Pool via REUTERS`, or a bare `Pool`. */
const POOL_PART = /^pool(?:\s+via\s+(.+))?$/i;

/** A credit that opens with the word "photo" (`Foto/Intan/Biro Pers Setpres`). */
const CREDIT_MARKER = /^(?:Foto|Photo)$/;

/** A picture library named by its web address: `shutterstock.com`, `freepik.com`. */
const WEB_SOURCE = /^[a-z][\w-]*\.(?:com|co\.id|id|net|org)$/i;

/** `Dok.` / `Doc` (from the archive) before a credit: `Dok. TEMPO/Eko Siswono Toyudho`, `Doc KOMUNIKA ONLINE`. */
const ARCHIVE_PREFIX = /^(?:dok\.?|doc\.?|dokumentasi)\s+(?=\S)/i;

/** A photographer's name typed in lower case: letters only, two to four words. */
const TYPED_NAME = /^\p{L}[\p{L}'’-]+(?:\s+\p{L}[\p{L}'’-]+){1,3}$/u;

/** A labelled credit: `Foto: Republika/Putra M. Akbar`, `Kredit: Time`, `Photo: Reuters`. */
const CREDIT_LABEL = /^(?:foto|photo|kredit|credit)\s*:\s*/i;

/** A labelled credit at the end of a caption line: `… di Jakarta. Kredit: Time`, `… Sasongko. PHOTO / Coordinating Ministry`. */
const LABELLED_TAIL = /\s(?:Foto|FOTO|Photo|PHOTO|Kredit|Credit)(?:\s*:|\s+\/)\s*([^:/]{2,80})$/;

/**
 * The word "photo" without a colon, then the source, after the caption's last sentence:
 * `… Senin 3 Januari 2022. Foto Facebook Anies Baswedan`. The source is the credit, as after `Foto:`.
 */
const MARKED_TAIL = /[.!?]["”’)]?\s+(?:Foto|Photo)\s+(\p{Lu}[^.!?:/]{1,60})$/u;
/** A bare agency or picture library after the caption's last sentence: `… Rishi Sunak. REUTERS`. */
const AGENCY_TAIL = /[.!?]["”’)]?\s*([^.!?\s][^.!?]{0,40}?|[A-Za-z][\w-]*\.(?:com|co\.id|id|net|org))\.?$/;

/**
 * A credit printed on its own line, under or between the copies of a caption: the credit without
 * its label (`Foto: Mahmud Muhyidin` → `Mahmud Muhyidin`), a slash credit (`Kompas.com/Kurnia`) or a
 * bare agency (`TEMPO`).
 */
export function matchCreditLine(text: string): string | null {
  if (text.length > MAX_CREDIT_LENGTH) return null;
  const labelled = CREDIT_LABEL.exec(text);
  if (labelled !== null) {
    const credit = text.slice(labelled[0].length).trim();
    return credit.length > 0 && credit.split(/\s+/).length <= MAX_WORDS_PER_PART * 2 ? credit : null;
  }
  return parseCredit(text) !== null ? withoutClosingPeriod(text) : null;
}

/**
 * A bracketed credit needs no agency when it says what it is: `(Dok. Kemenkes)`, `[Foto: Istimewa]`,
 * a social-media account (`(Twitter: @handle)`, the ABC pages on tempo.co; `(instagram/@handle)`); a
 * photographer's name in capitals (`(MOHAMMAD SYARRAFAH)`), Tempo's own style.
 */
const SELF_DESCRIBED_CREDIT = /^(?:dok\.?|dokumentasi|istimewa|handout|(?:foto|photo|ilustrasi|illustration)\s*:|foto\s+(?:dok\.?|dokumentasi)\b|(?:twitter|instagram|facebook|youtube|tiktok)\s*[:/]\s*@)/i;

/** A name in capitals: `MOHAMMAD SYARRAFAH`. */
const CAPITALS_NAME = /^\p{Lu}[\p{Lu}.'’-]*(?:\s+\p{Lu}[\p{Lu}.'’-]*)*$/u;

/** How far before the credit's slash a glued sentence end can be: an agency of two words. */
const MAX_GLUED_AGENCY = 30;

/**
 * The caption line with a space between its last sentence and a credit glued to it (`… Terminal
 * Baru.TEMPO/Nanang` → `… Terminal Baru. TEMPO/Nanang`, `… 2019./Tempo/SG` → `… 2019. Tempo/SG`);
 * other lines unchanged. A scan back from the slash, not a regex over the line: it runs on every
 * caption candidate.
 */
function ungluedCredit(text: string): string {
  const slash = text.lastIndexOf('/');
  if (slash < 2 || text.length - slash > 42) return text;
  for (let k = slash - 1; k > 0 && k >= slash - MAX_GLUED_AGENCY; k--) {
    const c = text.charCodeAt(k);
    if (c === 32) return text; // a space: the credit is not glued
    if (c !== 46) continue; // a period
    const before = text.charAt(k - 1);
    const after = text.charAt(k + 1);
    if (!/[\p{Ll}\d)]/u.test(before)) return text;
    if (after === '/' && /\p{Lu}/u.test(text.charAt(k + 2))) return `${text.slice(0, k + 1)} ${text.slice(k + 2)}`;
    if (/\p{Lu}/u.test(after)) return `${text.slice(0, k + 1)} ${text.slice(k + 1)}`;
    return text;
  }
  return text;
}

/** An agency and the photographer separated by a pipe: `… 2021. TEMPO | Pribadi Wicaksono`. */
const PIPED_TAIL = /[.!?]["”’)]?\s+([^.!?|]{2,25}?)\s*\|\s*(\p{Lu}[\p{L}.'’ -]{2,40})$/u;

/** `… 2021. TEMPO | Pribadi Wicaksono`: only under the headline, only with a known agency. */
function pipedCredit(text: string): CaptionSplit | null {
  const m = PIPED_TAIL.exec(text);
  if (m === null || !isPhotoAgency((m[1] as string).trim())) return null;
  const credit = text.slice(m.index + m[0].indexOf(m[1] as string)).trim();
  return { caption: text.slice(0, m.index + 1).trim(), credit, photographer: (m[2] as string).trim(), agency: (m[1] as string).trim(), pool: false, agencyOnly: false };
}

/** The archive stamp at the end of a caption line: ` tempo : 173077746725.` */
const GLUED_ARCHIVE_STAMP = /\s+tempo\s*:\s*\d{6,}\.?$/i;

/** A credit in brackets or parentheses at the end of the line: `[Pavel Golovkin / Pool via REUTERS]`. */
const BRACKETED_TAIL = /[[(]([^[\]()]{2,100})[\])]\s*\.?$/;

/** Sentence punctuation that ends the caption before an unbracketed credit. */
const CAPTION_END = /[.!?”"')\]]$/;

/** A capitalised token that can be part of a credit's first part. */
const CREDIT_TOKEN = /^[\p{Lu}\d][\p{L}\p{M}\d.'’&-]*$/u;

/** How far from the end of a line a credit can start; keeps the search off long paragraphs. */
const MAX_CREDIT_LENGTH = 120;
const MAX_TOKENS_BEFORE_SLASH = 5;
const MAX_WORDS_PER_PART = 6;

const wordCount = (text: string): number => (text.length === 0 ? 0 : text.split(/\s+/).length);

/**
 * Reads a credit: `Stefani Reynolds/Pool via REUTERS` → photographer Stefani Reynolds, agency
 * REUTERS, pool; `TEMPO/Subekti.` → agency TEMPO, photographer Subekti; `ANTARA FOTO/Budi Santoso`;
 * `ANTARA/Dok` → agency only. Returns null when the text is not a credit.
 */
export function parseCredit(credit: string): CreditParts | null {
  // `Dok. TEMPO/Eko Siswono`: from the archive; the agency and the photographer follow.
  const trimmed = credit.trim().replace(/\.$/, '');
  const text = trimmed.replace(ARCHIVE_PREFIX, '');
  if (text.length === 0 || text.length > MAX_CREDIT_LENGTH) return null;
  // `Doc KOMUNIKA ONLINE`: the archive's mark says it is a credit, whoever the source.
  if (text !== trimmed && !text.includes('/') && CREDIT_PART.test(text) && wordCount(text) <= MAX_WORDS_PER_PART) {
    return { photographer: null, agency: isPhotoAgency(text) ? text : null, pool: false, agencyOnly: true };
  }
  const parts = text.split(/\s*\/\s*/);
  // Drop Antara's trailing editor initials; they are in the printed credit but name nobody.
  if (parts.length > 2 && EDITOR_INITIALS.test(parts[parts.length - 1] as string)) parts.pop();
  for (const [k, part] of parts.entries()) {
    // `iStockphoto` is an agency although it starts in lower case; after an agency, a photographer's
    // name may be typed in lower case (`ANTARA/izaac mulyawan`).
    const typedName = k > 0 && isPhotoAgency(parts[0] as string) && TYPED_NAME.test(part) && !part.split(/\s+/).some(isStopWord);
    if ((!CREDIT_PART.test(part) && !isPhotoAgency(part) && !WEB_SOURCE.test(part) && !typedName) || wordCount(part) > MAX_WORDS_PER_PART) return null;
  }
  const [first, second, ...rest] = parts as [string, ...string[]];
  const person = (name: string | undefined): string | null =>
    name === undefined || NON_PERSON_CREDIT_SET.has(name.toLowerCase()) || POOL_PART.test(name) ? null : name;
  const poolIn = (list: readonly string[]): RegExpExecArray | null => {
    for (const p of list) {
      const m = POOL_PART.exec(p);
      if (m !== null) return m;
    }
    return null;
  };

  if (second === undefined) {
    if (isPhotoAgency(first) || WEB_SOURCE.test(first)) return { photographer: null, agency: first, pool: false, agencyOnly: true };
    return null;
  }
  if (CREDIT_MARKER.test(first)) {
    // `Foto/Intan/Biro Pers Setpres`: the word "photo", the photographer, the institution.
    return { photographer: person(second), agency: rest.length > 0 ? rest.join('/') : null, pool: false, agencyOnly: false };
  }
  if (isPhotoAgency(first)) {
    const pool = poolIn([second, ...rest]);
    return { photographer: person(second), agency: first, pool: pool !== null, agencyOnly: false };
  }
  const pool = poolIn([second, ...rest]);
  if (pool !== null) {
    return { photographer: person(first), agency: pool[1] ?? null, pool: true, agencyOnly: false };
  }
  if (isPhotoAgency(second)) return { photographer: person(first), agency: second, pool: false, agencyOnly: false };
  // `Lalu Onank/Social Media via REUTERS`: the agency that distributed it.
  const via = VIA_PART.exec(second);
  if (via !== null && isPhotoAgency(via[1] as string)) return { photographer: person(first), agency: via[1] as string, pool: false, agencyOnly: false };
  return null;
}

/** The credit of a bracketed tail, when the brackets hold a credit rather than an aside like `(KPK)`. */
function bracketedCredit(text: string, region: CaptionRegion): CaptionSplit | null {
  const m = BRACKETED_TAIL.exec(text);
  if (m === null) return null;
  const credit = (m[1] as string).trim();
  const caption = text.slice(0, m.index).trim();
  if (caption.length === 0) return null;
  const parts = parseCredit(credit);
  if (parts !== null) {
    if (parts.agencyOnly && region === 'body') return null;
    return { caption, credit, ...parts };
  }
  if (SELF_DESCRIBED_CREDIT.test(credit)) {
    // `(Foto: Red Bull Racing)`: the credit without its label, as after `Foto:` on a line of its own.
    const unlabelled = credit.replace(/^(?:foto|photo)\s*:\s*/i, '');
    return { caption, credit: unlabelled, photographer: null, agency: isPhotoAgency(unlabelled) ? unlabelled : null, pool: false, agencyOnly: false };
  }
  if (CAPITALS_NAME.test(credit) && wordCount(credit) >= 2 && wordCount(credit) <= 4) return { caption, credit, photographer: credit, agency: null, pool: false, agencyOnly: false };
  return null;
}

/**
 * Finds the start of an unbracketed slash credit by walking back from the slash over
 * capitalised words: `… ke jalurnya. Stefani Reynolds/Pool via REUTERS` starts at `Stefani`,
 * `… di Jakarta TEMPO/Subekti` at `TEMPO` (the longest agency suffix wins over the place name).
 */
function slashCredit(text: string, region: CaptionRegion): CaptionSplit | null {
  let slash = text.lastIndexOf('/');
  if (slash < 0 || slash < text.length - MAX_CREDIT_LENGTH) return null;
  if (EDITOR_INITIALS.test(text.slice(slash + 1).trim().replace(/\.$/, ''))) {
    slash = text.lastIndexOf('/', slash - 1);
    if (slash < 0) return null;
  }
  // The first slash of the credit: `Name / Pool via X` has one, `AGENCY/Name/Pool` two.
  const earlier = text.lastIndexOf('/', slash - 1);
  if (earlier >= 0 && slash - earlier < 60 && CREDIT_PART.test(text.slice(earlier + 1, slash).trim())) slash = earlier;

  const starts: number[] = [];
  let end = slash;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  while (starts.length < MAX_TOKENS_BEFORE_SLASH && end > 0) {
    let start = end;
    while (start > 0 && text.charCodeAt(start - 1) !== 32) start--;
    const token = text.slice(start, end);
    // Stop at prose and at the punctuation that ends the caption (`… ke jalurnya.`).
    const archive = starts.length > 0 && ARCHIVE_PREFIX.test(`${token} x`);
    if (!CREDIT_TOKEN.test(token) || /[,;:!?”"]$/.test(token) || (starts.length > 0 && token.endsWith('.') && !archive)) break;
    starts.push(start);
    end = start;
    while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  }
  if (starts.length === 0) return null;

  const rightSide = text.slice(slash + 1).trim();
  const tryFrom = (start: number): CaptionSplit | null => {
    const credit = text.slice(start).trim();
    const caption = text.slice(0, start).trim();
    if (caption.length === 0) return null;
    const parts = parseCredit(credit);
    if (parts === null) return null;
    if (region === 'body') {
      // In the body, a credit must look deliberate: an all-caps agency, a pool credit, or a
      // caption that ends its sentence before the credit.
      const strong = parts.pool || (parts.agency !== null && parts.agency === parts.agency.toUpperCase() && credit.startsWith(parts.agency));
      if (!strong && !CAPTION_END.test(caption)) return null;
      if (wordCount(caption) < 3) return null;
    }
    return { caption, credit, ...parts };
  };

  // Shortest agency suffix first (`… Jakarta TEMPO/…`), then the whole run as a photographer name.
  for (const [k, start] of starts.entries()) {
    const first = text.slice(start, slash).trim();
    if (!isPhotoAgency(first)) continue;
    // `Dok. TEMPO/…`: the archive's mark belongs to the credit.
    const before = starts[k + 1];
    if (before !== undefined && ARCHIVE_PREFIX.test(text.slice(before, slash))) return tryFrom(before) ?? tryFrom(start);
    return tryFrom(start);
  }
  // `… 2018. Foto/Intan/Biro Pers Setpres`: only when no agency (`ANTARA FOTO/…`) was found above.
  if (CREDIT_MARKER.test(text.slice(starts[0] as number, slash).trim())) return tryFrom(starts[0] as number);
  const via = VIA_PART.exec(rightSide.replace(/\.$/, ''));
  if (POOL_PART.test(rightSide.split(/\s*\/\s*/)[0] ?? '') || isPhotoAgency(rightSide.replace(/\.$/, '')) || (via !== null && isPhotoAgency(via[1] as string))) {
    // A photographer's name is at most four words; prefer the longest run that still parses.
    for (let k = Math.min(starts.length, 4) - 1; k >= 0; k--) {
      const split = tryFrom(starts[k] as number);
      if (split !== null) return split;
    }
  }
  return null;
}

/**
 * Splits a caption line into caption and credit when it ends in a recognised credit, else
 * null. Under the title every leftover line is a caption anyway; in the body only a line with a
 * clear credit is, so ordinary paragraphs never turn into photos.
 */
export function splitCaption(line: string, region: CaptionRegion): CaptionSplit | null {
  // magz.tempo.co glues the archive stamp to the caption (`… ANTARA/Winda. tempo : 173077746725.`);
  // a credit glued to the caption's last sentence (`… Terminal Baru.TEMPO/Nanang`, `… 2019./Tempo/SG`)
  // gets its space back.
  const text = ungluedCredit(line.replace(GLUED_ARCHIVE_STAMP, ''));
  const piped = region === 'header' && text.includes('|') ? pipedCredit(text) : null;
  if (piped !== null) return piped;
  const last = text.charCodeAt(text.length - 1);
  const beforeDot = text.charCodeAt(text.length - 2);
  // `]` or `)`, possibly followed by a period.
  if (last === 93 || last === 41 || (last === 46 && (beforeDot === 93 || beforeDot === 41))) return bracketedCredit(text, region);
  const split = slashCredit(text, region) ?? labelledCredit(text) ?? (region === 'header' ? ((text.includes('@') ? socialTail(text) : null) ?? agencyTail(text) ?? markedCredit(text)) : null);
  return split === null ? null : { ...split, credit: withoutClosingPeriod(split.credit) };
}

/**
 * The credit without the period that closes the caption's sentence (`TEMPO/Subekti.` → `TEMPO/Subekti`):
 * punctuation of the line, not of the credit. An initial's or an abbreviation's period stays
 * (`ANTARA FOTO/M. Agung R.`, `Dok.`).
 */
export function withoutClosingPeriod(credit: string): string {
  if (!credit.endsWith('.')) return credit;
  const last = credit.slice(0, -1).split(/[\s/]+/).pop() ?? '';
  if (last.length <= 1 || NON_PERSON_CREDIT_SET.has(`${last.toLowerCase()}.`)) return credit;
  return credit.slice(0, -1);
}

/** A social-media account credited after the caption's last sentence: `… 2 Juni 2024. Instagram /@Tanfootball`. */
const SOCIAL_TAIL = /[.!?]["”’)]?\s+((?:instagram|twitter|facebook|youtube|tiktok|ig|x)\s*[/:]\s*@[\w.]+)\.?$/i;

/** `… 2 Juni 2024. Instagram /@Tanfootball`: only under the headline. */
function socialTail(text: string): CaptionSplit | null {
  const m = SOCIAL_TAIL.exec(text);
  if (m === null) return null;
  const caption = text.slice(0, m.index + 1).trim();
  return { caption, credit: (m[1] as string).trim(), photographer: null, agency: null, pool: false, agencyOnly: false };
}

/** `… di Jakarta. Kredit: Time`: the credit after its label. */
function labelledCredit(text: string): CaptionSplit | null {
  const m = LABELLED_TAIL.exec(text);
  if (m === null) return null;
  const caption = text.slice(0, m.index).trim();
  const credit = (m[1] as string).trim();
  if (caption.length === 0) return null;
  const parts = parseCredit(credit);
  return { caption, credit, photographer: parts?.photographer ?? null, agency: parts?.agency ?? null, pool: parts?.pool ?? false, agencyOnly: parts?.agencyOnly ?? false };
}

/** `… 2022. Foto Facebook Anies Baswedan`: the source after the word "photo"; only under the headline. */
function markedCredit(text: string): CaptionSplit | null {
  const m = MARKED_TAIL.exec(text);
  if (m === null) return null;
  const credit = (m[1] as string).trim();
  const caption = text.slice(0, m.index + 1).trim();
  const parts = parseCredit(credit);
  return { caption, credit, photographer: parts?.photographer ?? null, agency: parts?.agency ?? null, pool: parts?.pool ?? false, agencyOnly: parts?.agencyOnly ?? false };
}

/**
 * `… Rishi Sunak. REUTERS`, `… 2014. ANTARA FOTO`, `… di kantornya. shutterstock.com`: a bare
 * agency after the last sentence. Only under the headline, where a leftover line is a caption.
 */
function agencyTail(text: string): CaptionSplit | null {
  const m = AGENCY_TAIL.exec(text);
  if (m === null) return null;
  const credit = (m[1] as string).trim();
  const parts = parseCredit(credit);
  if (parts === null || !parts.agencyOnly) return null;
  const caption = text.slice(0, m.index + m[0].indexOf(m[1] as string)).trim();
  return caption.length === 0 ? null : { caption, credit, ...parts };
}

/**
 * The typed result of parsing one scraped article page. This is the JSON contract printed by
 * `npm run parse` and consumed by the importer and the admin preview: change it only together
 * with them.
 */

/** Language of the page: Tempo.co (Indonesian) or en.tempo.co (English). */
export type Language = 'id' | 'en';

/** `minute` when the date line printed a time, `day` when it printed a date only. */
export type DatePrecision = 'minute' | 'day';

/**
 * Why a line was dropped from every field. `chrome` is the page around the article: everything
 * above its header (login and subscription blocks, navigation, other headlines) and after its end
 * (`Lihat Juga`, `Video Terkait`, a paywall's subscription offer, the site footer).
 */
export type DiscardReason = 'ad' | 'boilerplate' | 'chrome' | 'duplicate' | 'label' | 'widget';

export type ParseWarningCode =
  | 'NO_DATE'
  | 'NO_BYLINE'
  | 'EMPTY_BYLINE_LABEL'
  | 'AMBIGUOUS_BYLINE'
  | 'ASSUMED_TIME_ZONE'
  | 'WEEKDAY_MISMATCH'
  | 'INVALID_DATE'
  | 'DATE_OUT_OF_RANGE'
  | 'APPROX_DATE_DROPPED'
  | 'EXTRA_DATE_LINE'
  | 'PAGE_DATE'
  | 'TRUNCATED';

export interface Byline {
  reporters: string[];
  editors: string[];
  translators: string[];
  /** The outlet itself when it is credited instead of a person (`Reporter` / `Tempo.co`). */
  desk: string | null;
}

export interface ParsedPhoto {
  caption: string;
  /** The credit exactly as printed, without surrounding brackets. */
  credit: string | null;
  photographer: string | null;
  agency: string | null;
  /** A pool photo (`Name/Pool via REUTERS`). */
  pool: boolean;
  /** How many body paragraphs precede the photo; 0 = lead photo. */
  position: number;
}

export interface ParsedReadAlso {
  title: string;
  url: string | null;
}

export interface ParsedRelated {
  title: string;
  summary: string | null;
  /** The age as printed (`5 jam lalu`, `5 hours ago`). */
  ageLabel: string | null;
  /**
   * capturedAt minus the age, in WIB (+07:00), second precision; null without capturedAt.
   * An absolute date printed in place of an age is used as is.
   */
  approxPublishedAt: string | null;
}

export interface DiscardedLine {
  /** 1-based input line number. */
  line: number;
  /** The line without leading and trailing whitespace. */
  text: string;
  reason: DiscardReason;
}

export interface ParseWarning {
  code: ParseWarningCode;
  message: string;
  line: number | null;
}

export interface ParsedArticle {
  language: Language;
  title: string;
  subtitle: string | null;
  section: string | null;
  byline: Byline;
  /** ISO 8601 with the page's offset; midnight of the day when precision is `day`. */
  publishedAt: string | null;
  publishedAtPrecision: DatePrecision | null;
  /**
   * The date the site printed above the headline on the day the page was copied (tempo.co www's
   * 2015–2019 template, en.tempo.co's old one): the day of the capture, not the article's date
   * (`publishedAt` stays null). The importer dates an undated article by it when no capture time is given.
   */
  pageDate: string | null;
  dateline: string | null;
  body: string[];
  photos: ParsedPhoto[];
  source: string | null;
  readAlso: ParsedReadAlso[];
  related: ParsedRelated[];
  discarded: DiscardedLine[];
  warnings: ParseWarning[];
}

export interface ParseOptions {
  /** When the page was captured; resolves the related list's relative ages (`5 jam lalu`). */
  capturedAt?: string | Date;
  /** The clock for the accepted date range (dates.ts, EARLIEST_DATE); the real clock when omitted. */
  now?: Date;
}

/** The field of ParsedArticle a line ended up in (`index` for the array fields). */
export type ArticleField =
  | 'title'
  | 'subtitle'
  | 'section'
  | 'byline'
  | 'publishedAt'
  | 'dateline'
  | 'body'
  | 'photos'
  | 'source'
  | 'readAlso'
  | 'related'
  | 'discarded';

export interface LineAssignment {
  /** 1-based input line number; blank lines are never assigned. */
  line: number;
  field: ArticleField;
  /** Index into the array field, null for the scalar fields and the byline. */
  index: number | null;
}

export interface TracedArticle {
  article: ParsedArticle;
  /** Where each non-blank input line went, in line order: proof that parsing is lossless. */
  lines: LineAssignment[];
}

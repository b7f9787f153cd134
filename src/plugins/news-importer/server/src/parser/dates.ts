import { DateTime, FixedOffsetZone } from 'luxon';
import type { DatePrecision, Language } from './types';

/** Indonesian month names and the abbreviations Tempo's archive and AMP pages use. */
export const ID_MONTHS = {
  januari: 1, jan: 1, februari: 2, pebruari: 2, feb: 2, maret: 3, mar: 3, april: 4, apr: 4,
  mei: 5, juni: 6, jun: 6, juli: 7, jul: 7, agustus: 8, agu: 8, agt: 8, ags: 8, agus: 8,
  september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11, nopember: 11, nov: 11,
  desember: 12, des: 12,
} as const;

/** English month names (en.tempo.co). */
export const EN_MONTHS = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
} as const;

/** Weekday names, Luxon numbering (1 = Monday). `Minggu` is Sunday here, "week" only in ages. */
export const ID_WEEKDAYS = {
  senin: 1, selasa: 2, rabu: 3, kamis: 4, jumat: 5, "jum'at": 5, 'jum’at': 5, sabtu: 6, minggu: 7, ahad: 7,
} as const;

export const EN_WEEKDAYS = {
  monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3, thursday: 4, thu: 4,
  thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6, sunday: 7, sun: 7,
} as const;

/** Indonesian time zones as printed after the time, in hours east of UTC. */
export const TIME_ZONE_OFFSETS = { WIB: 7, WITA: 8, WIT: 9 } as const;
export type TimeZoneName = keyof typeof TIME_ZONE_OFFSETS;

/** Tempo is a Jakarta newsroom: a date printed without a zone is in WIB. */
export const DEFAULT_TIME_ZONE: TimeZoneName = 'WIB';

const MONTHS: Readonly<Record<string, number>> = { ...ID_MONTHS, ...EN_MONTHS };
const WEEKDAYS: Readonly<Record<string, number>> = { ...ID_WEEKDAYS, ...EN_WEEKDAYS };

const alternation = (words: Iterable<string>): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.'’]/g, '\\$&')).join('|');

const MONTH = `(?:${alternation(Object.keys(MONTHS))})`;
const WEEKDAY = `(?:${alternation(Object.keys(WEEKDAYS))})`;

/** Words printed before the date on some layouts: `Diterbitkan 20 Agu 2021, 00:01 WIB`, `Published:`. */
const PUBLISHED_LABEL = '(?:diterbitkan|dipublikasikan|terbit|published|posted|updated|diperbarui)';

/**
 * A whole line that is a publication date, in every shape seen on the pages:
 * `Jumat, 28 Oktober 2022 12:00 WIB`, `19 Agustus 2020 | 13.10 WIB`, `Senin, 7 Juli 2014`,
 * `3 January 2020 13:31 WIB`, `Friday, October 28, 2022 12:00 WIB`, Kompas's
 * `Kompas.com - 05/05/2022, 19:37 WIB`. Anchored at both ends so a date inside a sentence never
 * becomes the publication date.
 */
const DATE_LINE = new RegExp(
  `^\\|?\\s*(?:kompas\\.com\\s*[-–]\\s*|${PUBLISHED_LABEL}\\s*:?\\s*)?` +
    `(?:(${WEEKDAY})\\s*,?\\s+)?` +
    `(?:(\\d{1,2})\\s+(${MONTH})\\.?,?\\s+(\\d{4})|(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})|(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4}))` +
    '(?:\\s*(?:[,|/–-]|pukul|at)?\\s*(\\d{1,2})[:.](\\d{2}))?' +
    '(?:\\s*(WITA|WIB|WIT))?' +
    '\\s*\\|?\\s*$',
  'i',
);

/**
 * The archive's metadata line: `Edisi: 11/39 / Tanggal : 2010-05-16 / Halaman : 104 / Rubrik :
 * LAPUT / Penulis : TIM LAPUT, ,`. Fields are `Name : value` pairs separated by ` / `.
 */
const METADATA_FIELD = /^\s*(\p{L}[\p{L} ]{1,20}?)\s*:\s*(.*?)\s*$/u;
const MIN_METADATA_FIELDS = 3;

export interface MetadataLine {
  date: DateLine | null;
  /** The `Penulis` / `Oleh` value, trailing commas removed. */
  writer: string | null;
}

/** Reads an archive metadata line (at least three `Name : value` fields), or null. */
export function parseMetadataLine(text: string): MetadataLine | null {
  if (text.length > 300 || text.indexOf(' / ') < 0) return null;
  const fields = new Map<string, string>();
  for (const part of text.split(/\s+\/\s+/)) {
    const m = METADATA_FIELD.exec(part);
    if (m !== null) fields.set((m[1] as string).toLowerCase(), m[2] as string);
  }
  if (fields.size < MIN_METADATA_FIELDS) return null;
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fields.get('tanggal') ?? fields.get('date') ?? '');
  let date: DateLine | null = null;
  if (day !== null) {
    const dt = DateTime.fromObject({ year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) }, { zone: FixedOffsetZone.instance(TIME_ZONE_OFFSETS[DEFAULT_TIME_ZONE] * 60) });
    if (dt.isValid) date = { iso: dt.toISO({ suppressMilliseconds: true }) as string, precision: 'day', zone: null, weekdayMismatch: false, language: null };
  }
  const writer = (fields.get('penulis') ?? fields.get('oleh') ?? '').replace(/[\s,]+$/, '').trim();
  return { date, writer: writer.length > 0 ? writer : null };
}

/**
 * A date that is not a date line: a day heading without a year (`Selasa, 19 Oktober`, a
 * chronology's day) or an edition's range (`31 Januari-6 Februari 2022`, a weekly's cover dates).
 * Neither dates the article, and neither is a headline.
 */
const DATE_HEADING = new RegExp(
  `^(?:(?:${WEEKDAY})\\s*,?\\s+\\d{1,2}\\s+${MONTH}|\\d{1,2}(?:\\s+${MONTH})?\\s*[-–]\\s*\\d{1,2}\\s+${MONTH}\\s+\\d{4})$`,
  'i',
);

/** Whether a line is a day heading or an edition range (see DATE_HEADING). */
export function isDateHeading(text: string): boolean {
  return text.length <= 60 && DATE_HEADING.test(text.trim());
}

/** A date and a clock time opening a line: `Apr 14th 2025, 19:14, by …`, `Senin, 3 Juni 2024 10:15 WIB | …`. */
const DATE_TIME_PREFIX = new RegExp(
  `^(?:${WEEKDAY}\\s*,?\\s+)?(?:\\d{1,2}\\s+${MONTH}\\.?,?\\s+\\d{4}|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}/\\d{1,2}/\\d{4})\\s*[,|-]?\\s*\\d{1,2}[:.]\\d{2}\\b`,
  'i',
);

/** Whether a line opens with a date and a time (a byline-and-date line, never a headline). */
export function opensWithDateTime(text: string): boolean {
  return DATE_TIME_PREFIX.test(text);
}

/** Cheap pre-check: every date line contains a four-digit year. */
const HAS_YEAR = /\d{4}/;

export interface DateLine {
  /** ISO 8601 with the printed (or assumed WIB) offset. */
  iso: string;
  precision: DatePrecision;
  /** The printed zone, null when none was printed (then WIB is assumed). */
  zone: TimeZoneName | null;
  weekdayMismatch: boolean;
  /** Language of the month name when it is unambiguous (`Oktober` vs `October`). */
  language: Language | null;
}

export type DateLineResult = { ok: true; date: DateLine } | { ok: false; reason: string };

function monthLanguage(word: string): Language | null {
  const w = word.toLowerCase();
  const inId = w in ID_MONTHS;
  const inEn = w in EN_MONTHS;
  return inId === inEn ? null : inId ? 'id' : 'en';
}

/**
 * Reads a publication date line. Returns null when the line is not date-shaped, `ok: false`
 * when it is date-shaped but names an impossible date (`30 Februari 2022`).
 */
export function parseDateLine(line: string): DateLineResult | null {
  if (line.length > 80 || !HAS_YEAR.test(line)) return null;
  // A newsletter's edition date ends like a sentence: `Sabtu, 28 Januari 2023.`
  const text = line.endsWith('.') && /\d\.$/.test(line) ? line.slice(0, -1) : line;
  const m = DATE_LINE.exec(text);
  if (m === null) return null;
  const [, weekday, d1, mon1, y1, mon2, d2, y2, d3, m3, y3, hh, mm, zoneText] = m;
  let day: number;
  let month: number;
  let year: number;
  let language: Language | null = null;
  if (mon1 !== undefined) {
    day = Number(d1);
    month = MONTHS[mon1.toLowerCase()] as number;
    year = Number(y1);
    language = monthLanguage(mon1);
  } else if (mon2 !== undefined) {
    day = Number(d2);
    month = MONTHS[mon2.toLowerCase()] as number;
    year = Number(y2);
    language = monthLanguage(mon2);
  } else {
    // Indonesian numeric dates are day first (05/05/2022 = 5 Mei).
    day = Number(d3);
    month = Number(m3);
    year = Number(y3);
  }
  const zone = zoneText === undefined ? null : (zoneText.toUpperCase() as TimeZoneName);
  const offsetHours = TIME_ZONE_OFFSETS[zone ?? DEFAULT_TIME_ZONE];
  const hasTime = hh !== undefined;
  const dt = DateTime.fromObject(
    { year, month, day, hour: hasTime ? Number(hh) : 0, minute: hasTime ? Number(mm) : 0 },
    { zone: FixedOffsetZone.instance(offsetHours * 60) },
  );
  if (!dt.isValid) return { ok: false, reason: dt.invalidExplanation ?? 'not a calendar date' };
  const weekdayNumber = weekday === undefined ? undefined : WEEKDAYS[weekday.toLowerCase()];
  if (language === null && weekday !== undefined) language = weekday.toLowerCase() in ID_WEEKDAYS ? 'id' : 'en';
  return {
    ok: true,
    date: {
      iso: dt.toISO({ suppressMilliseconds: true }) as string,
      precision: hasTime ? 'minute' : 'day',
      zone,
      weekdayMismatch: weekdayNumber !== undefined && weekdayNumber !== dt.weekday,
      language,
    },
  };
}

export type AgeUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years';

export interface RelativeAge {
  amount: number;
  unit: AgeUnit;
}

/** Indonesian age units (`5 jam lalu`); `minggu`/`pekan` is a week here, not Sunday. */
export const ID_AGE_UNITS = {
  detik: 'seconds', menit: 'minutes', jam: 'hours', hari: 'days', minggu: 'weeks', pekan: 'weeks',
  bulan: 'months', tahun: 'years',
} as const;

/** English age units (`5 hours ago`), singular and plural and the short forms. */
export const EN_AGE_UNITS = {
  second: 'seconds', seconds: 'seconds', sec: 'seconds', secs: 'seconds',
  minute: 'minutes', minutes: 'minutes', min: 'minutes', mins: 'minutes',
  hour: 'hours', hours: 'hours', hr: 'hours', hrs: 'hours',
  day: 'days', days: 'days', week: 'weeks', weeks: 'weeks',
  month: 'months', months: 'months', year: 'years', years: 'years',
} as const;

/** Ages printed as words rather than numbers. */
export const WORD_AGES = {
  'baru saja': { amount: 0, unit: 'minutes' },
  kemarin: { amount: 1, unit: 'days' },
  'just now': { amount: 0, unit: 'minutes' },
  yesterday: { amount: 1, unit: 'days' },
} as const satisfies Record<string, RelativeAge>;

const AGE_UNITS: Readonly<Record<string, AgeUnit>> = { ...ID_AGE_UNITS, ...EN_AGE_UNITS };

const RELATIVE_ID = new RegExp(`^(\\d{1,4})\\s+(${alternation(Object.keys(ID_AGE_UNITS))})\\s+(?:yang\\s+)?lalu$`, 'i');
const RELATIVE_EN = new RegExp(`^(\\d{1,4}|an?|one)\\s+(${alternation(Object.keys(EN_AGE_UNITS))})\\s+ago$`, 'i');

/** Reads a relative age (`30 menit lalu`, `2 minggu lalu`, `5 hours ago`, `kemarin`), or null. */
export function parseRelativeAge(text: string): RelativeAge | null {
  if (text.length > 30) return null;
  const lower = text.toLowerCase();
  if (lower in WORD_AGES) return WORD_AGES[lower as keyof typeof WORD_AGES];
  const m = RELATIVE_ID.exec(text) ?? RELATIVE_EN.exec(text);
  if (m === null) return null;
  const amountText = (m[1] as string).toLowerCase();
  const amount = /^\d/.test(amountText) ? Number(amountText) : 1;
  return { amount, unit: AGE_UNITS[(m[2] as string).toLowerCase()] as AgeUnit };
}

/**
 * The dates Kabar accepts, wherever they come from (a date line, the capture time, an age): from
 * 1900-01-01T00:00:00Z to one day after the clock (`now`). Older dates are typos or garbage (Tempo
 * was founded in 1971, the web archive starts in the 1990s); later ones would be a page published in
 * the future, and one day covers time zones and a skewed clock. Outside this range the database,
 * GraphQL's DateTime or JavaScript itself may fail on the value (`+275760-09-13`).
 */
export const EARLIEST_DATE = '1900-01-01T00:00:00Z';
const EARLIEST_MS = Date.parse(EARLIEST_DATE);
const DAY_MS = 24 * 60 * 60 * 1000;

/** The accepted range as text, for messages: `1900-01-01 to 2026-11-30 (one day after now)`. */
export function acceptedRange(now: Date = new Date()): string {
  return `1900-01-01 to ${new Date(now.getTime() + DAY_MS).toISOString().slice(0, 10)} (one day after now)`;
}

/** Whether an instant lies in the accepted range (see EARLIEST_DATE); false for an invalid date too. */
export function inDateRange(instant: string | Date | DateTime, now: Date = new Date()): boolean {
  const ms = DateTime.isDateTime(instant) ? instant.toMillis() : instant instanceof Date ? instant.getTime() : Date.parse(instant);
  return Number.isFinite(ms) && ms >= EARLIEST_MS && ms <= now.getTime() + DAY_MS;
}

/** Zone of every computed timestamp: WIB, the newsroom's own clock. */
const WIB = FixedOffsetZone.instance(TIME_ZONE_OFFSETS.WIB * 60);

/** Reads the capture time option (ISO string or Date), or null when it is not a valid instant. */
export function parseCapturedAt(value: string | Date): DateTime | null {
  const dt = value instanceof Date ? DateTime.fromJSDate(value) : typeof value === 'string' ? DateTime.fromISO(value, { setZone: true }) : null;
  return dt !== null && dt.isValid ? dt : null;
}

/** The instant `age` before `capturedAt`, as ISO 8601 in WIB (+07:00) to the second. */
export function resolveRelativeAge(age: RelativeAge, capturedAt: DateTime): string {
  return capturedAt.minus({ [age.unit]: age.amount }).setZone(WIB).startOf('second').toISO({ suppressMilliseconds: true }) as string;
}

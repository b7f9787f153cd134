import { SIGN_OFF_SOURCE_SET } from './vocabulary';

export type BylineRole = 'reporters' | 'editors' | 'translators';

/**
 * Byline labels, Indonesian and English. `Oleh` ("by"), `Penulis` ("writer") and Antara's
 * `Pewarta` credit the reporter; Republika abbreviates `Rep` / `Red` (redaktur = editor).
 */
export const BYLINE_LABELS = {
  reporter: 'reporters',
  pewarta: 'reporters',
  penulis: 'reporters',
  oleh: 'reporters',
  writer: 'reporters',
  rep: 'reporters',
  editor: 'editors',
  penyunting: 'editors',
  redaktur: 'editors',
  red: 'editors',
  translator: 'translators',
  penerjemah: 'translators',
} as const satisfies Record<string, BylineRole>;

/** Labels that may stand alone on a line (`Reporter`, `Editor:`); the abbreviations never do. */
const LABEL_ONLY = /^(reporter|pewarta|penulis|oleh|writer|editor|penyunting|redaktur|translator|penerjemah)\s*(:?)$/i;

/** A label followed by names on the same line: `Editor Nurhadi`, `Oleh: A, B, & C`, `Translator: X`. */
const LABEL_WITH_NAMES = /^(reporter|pewarta|penulis|oleh|writer|editor|penyunting|redaktur|translator|penerjemah)(?:\s*:\s*|\s+)(.+)$/i;

/** Republika's combined line: `Rep: Fauziah Mursid/ Red: Andri Saubani`. */
const REP_RED = /^rep\s*:\s*(.+?)\s*\/\s*red\s*:\s*(.+)$/i;
/** Republika's abbreviation alone, always with its colon: `Red: Joko Sadewo` (an opinion piece has no `Rep:`). */
const REP_OR_RED = /^(rep|red)\s*:\s*(.+)$/i;
/**
 * What a writer is, printed after the name in an opinion piece's byline (`Oleh : Ilham Tirta,
 * Jurnalis Republika.co.id`, `…, Dosen Universitas …`): a description, not a second writer.
 */
const WRITER_DESCRIPTION = /^(?:jurnalis|wartawan|wartawati|redaktur|dosen|guru|peneliti|pengamat|mahasiswa|mahasiswi|pegiat|aktivis|penulis|kolumnis|pemimpin|mantan|ekonom|analis|direktur|pendiri|ketua|wakil ketua|anggota|kepala|sekretaris|koordinator|journalist|lecturer|researcher|columnist|former|economist|analyst|chairman|director)\b/i;

/** Whether a line describes a writer (`Pemimpin redaksi tabloid …`, `Dosen Universitas …`): an author box's second line. */
export function isWriterDescription(text: string): boolean {
  return WRITER_DESCRIPTION.test(text);
}

/** Between names in one byline: `A, B, & C`, `A dan B`, `A and B`. */
const NAME_SEPARATOR = /\s*(?:,\s*(?:&|dan|and)?|&|;|\s(?:dan|and)\s)\s*/;

/**
 * One person's (or the desk's) name: capitalised words, initials, the lower-case particles of
 * Indonesian and Dutch names, and a dotted outlet name (`Tempo.co`). No digits, no sentence
 * punctuation, so prose never qualifies.
 */
const NAME = /^[\p{Lu}][\p{L}\p{M}.'’-]*(?:\s+(?:[\p{Lu}][\p{L}\p{M}.'’-]*|bin|binti|van|von|de|der|da|al|el))*$/u;

const MAX_NAME_WORDS = 6;
const MAX_NAME_LINE_LENGTH = 90;

/**
 * The all-caps sign-off on the last line: a reporter (`MAYA AYU PUSPITASARI`), or sources and
 * the reporter's initials separated by pipes (`ANTARA | DN`, `REUTERS | AL JAZEERA | SITA`).
 */
const SIGN_OFF = /^[\p{Lu}][\p{Lu}\d .'’&-]*(?:\s*\|\s*[\p{Lu}][\p{Lu}\d .'’&-]*)*$/u;
const MAX_SIGN_OFF_LENGTH = 100;

export interface BylineLabel {
  role: BylineRole;
  /** Printed with a colon (`Reporter:`), the old layout's style. */
  colon: boolean;
}

export interface BylineCredit {
  role: BylineRole;
  names: string[];
}

export interface SignOff {
  /** Outlets or agencies named before the reporter (`ANTARA` in `ANTARA | DN`). */
  sources: string[];
  reporter: string | null;
}

/** Reads a label standing alone on its line (`Reporter`, `Editor:`), or null. */
export function matchBylineLabel(text: string): BylineLabel | null {
  const m = LABEL_ONLY.exec(text);
  if (m === null) return null;
  return { role: BYLINE_LABELS[(m[1] as string).toLowerCase() as keyof typeof BYLINE_LABELS], colon: m[2] === ':' };
}

/** Splits a line of names (`A, B, & C`) into names, or null when it is not a line of names. */
export function splitNames(text: string): string[] | null {
  if (text.length > MAX_NAME_LINE_LENGTH) return null;
  const names = text.split(NAME_SEPARATOR).map((n) => n.trim()).filter((n) => n.length > 0);
  if (names.length === 0) return null;
  for (const name of names) {
    if (!NAME.test(name) || name.split(/\s+/).length > MAX_NAME_WORDS) return null;
  }
  return names;
}

/**
 * A name as the newsroom's CMS stores it when an editor typed it in lower case (`Alia fathiyah`,
 * `guruh riyanto`): letters only, two to four words. Trusted only right under a byline label, where
 * the slot says a name follows; a line of function words (`di sini`) is never one.
 */
const TYPED_NAME = /^\p{L}[\p{L}\p{M}'’-]+(?:\s+\p{L}[\p{L}\p{M}'’-]+){1,3}$/u;

/** Splits the line under a byline label into names: capitalised as printed, or typed in lower case. */
export function splitLabelledNames(text: string, isStopWord: (word: string) => boolean): string[] | null {
  const names = splitNames(text);
  if (names !== null) return names;
  if (!TYPED_NAME.test(text) || text.split(/\s+/).some(isStopWord)) return null;
  return [text];
}

/** A catalogue entry `Surname, Given`: the archive's index order of one person. */
const INVERTED_NAME = /^([^,]+?)\s*,\s*([^,]+)$/;

/**
 * The writers of datatempo's metadata line, a library catalogue: people separated by ` , ` (a
 * space before the comma), each as `Surname, Given` (`Gaban, Farid , Fuadi, Ahmad`) or as printed
 * in the byline (`Wayan Agus Purnomo`, `TIM LAPUT`). Names come back in the order the byline
 * prints them (`Farid Gaban`), which is what an editor imports; null when it is not a list of names.
 */
export function splitCatalogueNames(value: string): string[] | null {
  if (!/\s,/.test(value)) return splitNames(value);
  const names: string[] = [];
  for (const entry of value.split(/\s+,\s*/).map((e) => e.trim().replace(/,$/, '').trim()).filter((e) => e.length > 0)) {
    const inverted = INVERTED_NAME.exec(entry);
    const name = inverted === null ? entry : `${(inverted[2] as string).trim()} ${(inverted[1] as string).trim()}`;
    if (splitNames(name)?.length !== 1) return null;
    names.push(name);
  }
  return names.length > 0 ? names : null;
}

/** detik's byline, the reporter then the channel: `Prins David Saut - detikNews`, `X - detikFinance`. */
const NAME_DASH_CHANNEL = /^(.+?)\s+[-–]\s+detik[A-Z]?\w*$/;

/** A label glued to the name (`EditorHeru Margianto`), as Kompas pages copy out. */
const GLUED_LABEL = /^(Reporter|Editor|Penulis|Pewarta|Penyunting)(?=\p{Lu}\p{Ll})(.+)$/u;

const lineWords = (text: string): number => text.split(/\s+/).length;

/** Reads a byline printed on one line (`Editor Nurhadi`, `Oleh: A & B`, `Rep: X/ Red: Y`), or null. */
export function matchInlineByline(text: string): BylineCredit[] | null {
  if (text.length > MAX_NAME_LINE_LENGTH + 20) return null;
  const channel = NAME_DASH_CHANNEL.exec(text);
  if (channel !== null) {
    const names = splitNames(channel[1] as string);
    return names === null ? null : [{ role: 'reporters', names }];
  }
  const glued = GLUED_LABEL.exec(text);
  if (glued !== null) {
    const names = splitNames(glued[2] as string);
    return names === null ? null : [{ role: BYLINE_LABELS[(glued[1] as string).toLowerCase() as keyof typeof BYLINE_LABELS], names }];
  }
  const repRed = REP_RED.exec(text);
  if (repRed !== null) {
    const reporters = splitNames(repRed[1] as string);
    const editors = splitNames(repRed[2] as string);
    if (reporters === null || editors === null) return null;
    return [
      { role: 'reporters', names: reporters },
      { role: 'editors', names: editors },
    ];
  }
  const abbreviated = REP_OR_RED.exec(text);
  if (abbreviated !== null) {
    const names = splitNames(abbreviated[2] as string);
    return names === null ? null : [{ role: BYLINE_LABELS[(abbreviated[1] as string).toLowerCase() as 'rep' | 'red'], names }];
  }
  if (isJobTitle(text)) return null;
  const m = LABEL_WITH_NAMES.exec(text);
  if (m === null) return null;
  const label = (m[1] as string).toLowerCase() as keyof typeof BYLINE_LABELS;
  const names = splitNames(m[2] as string);
  if (names === null) return null;
  // "Oleh karena itu …" is a sentence; without its colon `Oleh` credits only a short line of names (`Oleh Tantowi Djauhari`).
  if (label === 'oleh' && !/^oleh\s*:/i.test(text) && (names.length > 3 || lineWords(text) > 7)) return null;
  // `Ilham Tirta, Jurnalis Republika.co.id`: the writer, then what the writer is.
  const writers = names.length > 1 ? names.filter((name, k) => k === 0 || !WRITER_DESCRIPTION.test(name)) : names;
  return [{ role: BYLINE_LABELS[label], names: writers }];
}

/**
 * A job title on a line of its own (`Redaktur Pelaksana`, `Pemimpin Redaksi`, `Managing Editor`):
 * a rank, not a label followed by a name, so `Pelaksana` never becomes an editor.
 */
const JOB_TITLE = /^(?:(?:redaktur|editor)\s+(?:pelaksana|eksekutif|senior|utama|khusus|bahasa|foto)|(?:wakil\s+)?pemimpin\s+redaksi|(?:managing|executive|senior)\s+editor|editor[-\s]in[-\s]chief|chief\s+editor)$/i;

/** Whether a line is only a newsroom job title. */
export function isJobTitle(text: string): boolean {
  return JOB_TITLE.test(text.trim());
}

const SIGN_OFF_STATUS = /\s*\((?:contributor|kontributor|koresponden|correspondent|magang|intern)\)$/i;

/** Reads an all-caps sign-off (`MAYA AYU PUSPITASARI`, `ANTARA | DN`), or null. */
export function matchSignOff(line: string): SignOff | null {
  // `IRSYAN HASYIM (CONTRIBUTOR)`: the reporter's status is no part of the name.
  const text = line.endsWith(')') ? line.replace(SIGN_OFF_STATUS, '') : line;
  if (text.length > MAX_SIGN_OFF_LENGTH || !SIGN_OFF.test(text) || !/\p{Lu}.*\p{Lu}/u.test(text)) return null;
  const parts = text.split('|').map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.some((p) => p.split(/\s+/).length > MAX_NAME_WORDS)) return null;
  const last = parts[parts.length - 1] as string;
  if (parts.length === 1 && SIGN_OFF_SOURCE_SET.has(last.toLowerCase())) return { sources: parts, reporter: null };
  return { sources: parts.slice(0, -1), reporter: last };
}

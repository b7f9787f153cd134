import { isOutletName } from './vocabulary';

/**
 * The dateline that opens the first paragraph (`TEMPO.CO, Jakarta - `), in the variants seen on
 * Tempo and the outlets it syndicates. Tried in this order; the first match wins.
 */

/** A city: one to three capitalised words (`Jakarta`, `San Francisco`, `JAKARTA`). */
const CITY = '\\p{Lu}[\\p{L}.]*(?:\\s\\p{Lu}[\\p{L}.]*){0,2}?';

/** The dash after a dateline: hyphen, double hyphen, en or em dash, with or without spaces. */
const DASH = '\\s*(?:--?|–|—)\\s*';

/** Outlets that print `OUTLET, City - `. */
const OUTLET = '(?:TEMPO\\.CO(?:\\.ID)?|Tempo\\.co|TEMPO Interaktif|Liputan6\\.com|REPUBLIKA\\.CO\\.ID|Republika\\.co\\.id|KOMPAS\\.com|Kompas\\.com|VIVA\\.co\\.id|Bisnis\\.com|JawaPos\\.com|Suara\\.com)';

/** Outlets that print `City, OUTLET - `. */
const OUTLET_AFTER_CITY = '(?:KOMPAS\\.com|Kompas\\.com|CNN Indonesia|CNBC Indonesia|detikNews|detikcom|TEMPO\\.CO|Tempo\\.co)';

/**
 * Cities Tempo datelines most often name (its bureaus: the provincial capitals and the large
 * towns), in capitals. Only used when the dash after the city was lost (`JAKARTA Pengamat …`): an
 * unknown word in capitals there is more likely a magazine lead's first name (`UTJE Gustaaf …`).
 */
const KNOWN_CAPS_CITIES = [
  'JAKARTA', 'BANDUNG', 'SURABAYA', 'SEMARANG', 'YOGYAKARTA', 'MEDAN', 'MAKASSAR', 'DENPASAR', 'PALEMBANG', 'PADANG',
  'PEKANBARU', 'BANDA ACEH', 'JAMBI', 'BENGKULU', 'BANDAR LAMPUNG', 'PANGKALPINANG', 'TANJUNGPINANG', 'BATAM', 'SERANG',
  'BOGOR', 'DEPOK', 'TANGERANG', 'BEKASI', 'SOLO', 'SURAKARTA', 'MALANG', 'PONTIANAK', 'PALANGKARAYA', 'BANJARMASIN',
  'SAMARINDA', 'BALIKPAPAN', 'TANJUNG SELOR', 'MANADO', 'GORONTALO', 'PALU', 'MAMUJU', 'KENDARI', 'MATARAM', 'KUPANG',
  'AMBON', 'SOFIFI', 'TERNATE', 'JAYAPURA', 'MANOKWARI', 'SORONG', 'MERAUKE',
] as const;

export interface DatelinePattern {
  name: string;
  pattern: RegExp;
  /** Unique enough to mark where the body starts wherever it appears; weak ones only on the first paragraph. */
  strong: boolean;
}

export const DATELINE_PATTERNS: readonly DatelinePattern[] = [
  // `TEMPO.CO, Jakarta - `, `TEMPO.CO, Jakarta -Korea`, and `TEMPO.CO, JakartaIsrael` (no separator:
  // the city ends where a lower-case letter meets a capital).
  // `TEMPO Interaktif, Jakarta:` (1990s–2000s) ends the dateline with a colon.
  { name: 'outlet-city', strong: true, pattern: new RegExp(`^${OUTLET}\\s*,\\s*(${CITY})(?:${DASH}|\\s*:\\s*|(?<=\\p{Ll})(?=\\p{Lu}))`, 'u') },
  // `TEMPO.COWashington DC – `: the outlet glued to the city, no comma; only with a dash after the city.
  { name: 'outlet-glued-city', strong: true, pattern: new RegExp(`^${OUTLET}(${CITY})${DASH}`, 'u') },
  // `JAKARTA, KOMPAS.com - `, `Jakarta, CNN Indonesia -- `.
  { name: 'city-outlet', strong: true, pattern: new RegExp(`^(${CITY})\\s*,\\s*${OUTLET_AFTER_CITY}${DASH}`, 'u') },
  // Antara: `Jakarta (ANTARA) - `.
  { name: 'city-antara', strong: true, pattern: new RegExp(`^(${CITY})(?:\\s*,\\s*\\d{1,2}/\\d{1,2})?\\s*\\((?:ANTARA|Antara)(?: News)?\\)${DASH}`, 'u') },
  // Outlet without a city: `KOMPAS.com - `.
  { name: 'outlet-only', strong: true, pattern: new RegExp(`^${OUTLET}${DASH}()`, 'u') },
  // Republika's opinion pieces: the outlet and a comma, no city (`REPUBLIKA.CO.ID, Hari antikorupsi …`).
  { name: 'republika-no-city', strong: true, pattern: /^(?:REPUBLIKA\.CO\.ID|Republika\.co\.id)\s*,\s+(?=\p{Lu})()/u },
  // `JAKARTA – ` in capitals.
  // Koran Tempo glues the city to the story with an em dash: `JAKARTA—Ketua …`.
  { name: 'caps-city', strong: false, pattern: /^(\p{Lu}{3,}(?:\s\p{Lu}{3,}){0,2})(?:\s*(?:--?|–|—)\s+|\s*—(?=\p{Lu}))/u },
  // Koran Tempo AMP with the dash lost: `JAKARTA Pengamat …`, a known city in capitals, then a capitalised word.
  { name: 'caps-known-city-no-dash', strong: false, pattern: new RegExp(`^(${KNOWN_CAPS_CITIES.join('|')})\\s+(?=\\p{Lu}\\p{Ll})`, 'u') },
  // detik's `Jakarta - `: only trusted on the first paragraph.
  { name: 'city', strong: false, pattern: /^(\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?)\s+(?:--?|–|—)\s+/u },
];

export interface DatelineSplit {
  /** The city as printed, or null when the prefix names only the outlet. */
  dateline: string | null;
  /** The paragraph without the prefix. */
  rest: string;
}

/** Splits the dateline prefix off a paragraph, or null when it has none. Weak patterns need `allowWeak`. */
export function splitDateline(text: string, allowWeak: boolean): DatelineSplit | null {
  for (const { pattern, strong } of DATELINE_PATTERNS) {
    if (!strong && !allowWeak) continue;
    const m = pattern.exec(text);
    if (m === null) continue;
    const rest = text.slice(m[0].length).trim();
    if (rest.length === 0) continue;
    const city = (m[1] ?? '').trim();
    // `ANTARA - ` names the outlet, not a city.
    return { dateline: city.length > 0 && !isOutletName(city) ? city : null, rest };
  }
  return null;
}

/**
 * Reads a dateline printed on a line of its own (`Jakarta, CNN Indonesia --`, `Jakarta -`,
 * `JAKARTA –`): the city (or null for an outlet alone), or undefined when the line is something else.
 */
export function matchBareDateline(text: string): string | null | undefined {
  if (text.length > 60) return undefined;
  const padded = `${text} `;
  for (const { pattern } of DATELINE_PATTERNS) {
    const m = pattern.exec(padded);
    if (m === null || m[0].trimEnd().length < text.length) continue;
    const city = (m[1] ?? '').trim();
    return city.length > 0 && !isOutletName(city) ? city : null;
  }
  return undefined;
}

/**
 * Whether a paragraph opens with an outlet dateline, which marks the start of the body. Kompas's
 * date line (`Kompas.com - 05/05/2022, 19:37 WIB`) has the same prefix: callers test dates first.
 */
export function hasStrongDateline(text: string): boolean {
  return splitDateline(text, false) !== null;
}

/**
 * Word lists shared by several extractors. Each list is matched case-insensitively; values
 * are always kept as printed on the page.
 */

/**
 * Photo agencies and picture sources that appear in Tempo credits (`TEMPO/Subekti`,
 * `ANTARA FOTO/Budi Santoso`, `REUTERS/Kim Hong-Ji`, `AP Photo/Evan Vucci`). A slash credit is
 * only recognised when one side is on this list, which keeps `dan/atau` or `Reuters/Ipsos`-like
 * body text from turning into captions.
 */
export const PHOTO_AGENCIES = [
  'ANTARA FOTO',
  'ANTARA',
  'TEMPO',
  'Tempo.co',
  'REUTERS',
  'AP Photo',
  'AP',
  'AFP',
  'EPA-EFE',
  'EPA',
  'EFE',
  'Xinhua',
  'Getty Images',
  'Bloomberg',
  'Anadolu Agency',
  'Anadolu',
  'Sputnik',
  'TASS',
  'Kyodo',
  'Yonhap',
  'Bernama',
  'NurPhoto',
  'Shutterstock',
  'Pixabay',
  'Unsplash',
  'Freepik',
  'Wikimedia Commons',
  'Kompas',
  'KOMPAS.com',
  'Republika',
  'iStockphoto',
  'Instagram',
  'Twitter',
  'Facebook',
  'YouTube',
] as const;

/**
 * Credit parts that are not a person: `(ANTARA/Dok)` is a file photo, `Istimewa` a handout.
 * They never become the photographer.
 */
export const NON_PERSON_CREDITS = ['dok', 'dok.', 'dokumentasi', 'istimewa', 'ist', 'ist.', 'file', 'handout', 'arsip', 'pool'] as const;

/**
 * Names that are the outlet rather than a person. A byline naming only one of these is a desk
 * byline (`Reporter` / `Tempo.co`): the importer must not create an author called "Tempo.co".
 */
export const OUTLET_DESKS = [
  'tempo.co',
  'tempo',
  'tempo english',
  'tempo.co english',
  'tim tempo',
  'tim redaksi',
  'redaksi',
  'antara',
  'kompas.com',
  'detikcom',
  'cnn indonesia',
  'republika',
  // The Australian Broadcasting Corporation, whose Indonesian service Tempo republishes under /abc/.
  'abc',
  'abc indonesia',
  'abc australia',
] as const;

/**
 * Section labels printed above the title (Tempo's channels, id and en). Only a line on this
 * list becomes `section`: a short title must not be mistaken for a section.
 */
export const SECTION_NAMES = [
  'nasional', 'internasional', 'dunia', 'bisnis', 'ekonomi', 'metro', 'megapolitan', 'olahraga',
  'sepak bola', 'bola', 'gaya hidup', 'gaya', 'tekno', 'teknologi', 'otomotif', 'seleb', 'hiburan',
  'sains', 'travel', 'cantik', 'difabel', 'kolom', 'opini', 'politik', 'hukum', 'lingkungan',
  'cek fakta', 'foto', 'video', 'data', 'info tempo', 'pendidikan', 'kesehatan', 'kuliner',
  'jateng', 'jatim', 'jabar', 'bali', 'sumut', 'news', 'business', 'world', 'national', 'opinion',
  'sports', 'sport', 'arts & culture', 'art & culture', 'science', 'lifestyle', 'tech',
  'technology', 'entertainment', 'politics', 'economy', 'government', 'environment',
  // Majalah Tempo's rubrics, printed above the headline on the Tempo+ archive (`/prelude/`, `/arsip/`).
  'surat dari redaksi', 'surat pembaca', 'kartun', 'laporan utama', 'editorial', 'catatan pinggir',
  'wawancara', 'investigasi', 'kriminalitas', 'obituari', 'memoar', 'pokok & tokoh', 'ilmu & teknologi',
] as const;

const lowerSet = (list: readonly string[]): ReadonlySet<string> => new Set(list.map((w) => w.toLowerCase()));

export const PHOTO_AGENCY_SET = lowerSet(PHOTO_AGENCIES);
export const NON_PERSON_CREDIT_SET = lowerSet(NON_PERSON_CREDITS);
export const OUTLET_DESK_SET = lowerSet(OUTLET_DESKS);
export const SECTION_NAME_SET = lowerSet(SECTION_NAMES);

/** Whether a name (as printed) is the outlet rather than a person. */
export function isOutletName(name: string): boolean {
  return OUTLET_DESK_SET.has(name.toLowerCase());
}

/** Whether a credit part names a photo agency. */
export function isPhotoAgency(part: string): boolean {
  return PHOTO_AGENCY_SET.has(part.toLowerCase());
}

/**
 * Outlets that Tempo names in its all-caps sign-off before the reporter's name or initials
 * (`REUTERS | AL JAZEERA | SITA PLANASARI`, `ANTARA | DN`). A sign-off that is only one of these
 * names a source, not a reporter.
 */
export const SIGN_OFF_SOURCES = [
  'REUTERS', 'AP', 'AFP', 'ANTARA', 'AL JAZEERA', 'BBC', 'CNN', 'CNBC', 'XINHUA', 'BLOOMBERG',
  'THE GUARDIAN', 'GUARDIAN', 'NEW YORK TIMES', 'NYTIMES', 'WASHINGTON POST', 'RT', 'TASS', 'KYODO',
  'YONHAP', 'NIKKEI', 'SCMP', 'STRAITS TIMES', 'CNA', 'ABC', 'NHK', 'DW', 'FRANCE24', 'TEMPO', 'TEMPO.CO',
] as const;

export const SIGN_OFF_SOURCE_SET = lowerSet(SIGN_OFF_SOURCES);

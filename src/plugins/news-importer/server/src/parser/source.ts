/**
 * The article's source attribution on its own line: `Sumber: RT.com`, English `Source: Reuters`.
 * A whole short line only, so a caption that mentions `Sumber: …` never becomes the source.
 */
const SOURCE_LINE = /^(?:sumber|source)\s*:\s*(.{1,120})$/i;
const MAX_SOURCE_WORDS = 10;

/** A syndicated story's note: `Berita ini telah tayang di Kompas.com dengan judul: "…"`. */
const SYNDICATED = /^(?:artikel|berita) ini (?:telah )?(?:tayang|terbit|dimuat) di (\S+?(?:\s\S+?){0,3})\s+dengan judul\b/i;

/** Reads a source line (`Sumber: RT.com` → `RT.com`, `Berita ini telah tayang di X dengan judul: …` → `X`), or null. */
export function matchSourceLine(text: string): string | null {
  const syndicated = SYNDICATED.exec(text);
  if (syndicated !== null) return (syndicated[1] as string).replace(/[.,]$/, '');
  const m = SOURCE_LINE.exec(text);
  if (m === null) return null;
  const source = (m[1] as string).trim().replace(/\.$/, '');
  if (source.length === 0 || source.split(/\s+/).length > MAX_SOURCE_WORDS) return null;
  return source;
}

/**
 * The article's source attribution on its own line: `Sumber: RT.com`, English `Source: Reuters`.
 * A whole short line only, so a caption that mentions `Sumber: …` never becomes the source.
 */
const SOURCE_LINE = /^(?:sumber|source)\s*:\s*(.{1,120})$/i;
const MAX_SOURCE_WORDS = 10;

/** Reads a source line (`Sumber: RT.com` → `RT.com`), or null. */
export function matchSourceLine(text: string): string | null {
  const m = SOURCE_LINE.exec(text);
  if (m === null) return null;
  const source = (m[1] as string).trim().replace(/\.$/, '');
  if (source.length === 0 || source.split(/\s+/).length > MAX_SOURCE_WORDS) return null;
  return source;
}

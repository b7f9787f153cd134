import { firstInvalidUtf8 } from '../parser/input';
import { ImporterError } from '../errors';

/** Where a byte offset of a JSON body falls: the top-level field whose string it is in, and the line within it. */
interface JsonPlace {
  field: string | null;
  line: number | null;
}

/**
 * Reads the JSON text up to a point (`prefix`, which ends inside the value at fault) and says
 * which top-level field's string it ends in, and on which line of that string (1 + the newlines
 * before it, counted like the CLI counts them in a file). Only strings of the top-level object count.
 */
export function placeInJson(prefix: string): JsonPlace {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let stringStart = -1;
  let isKey = false;
  let expectingKey = false;
  let lastKey: string | null = null;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        if (isKey) lastKey = JSON.parse(prefix.slice(stringStart, i + 1)) as string;
      }
      continue;
    }
    if (c === '"') {
      inString = true;
      stringStart = i;
      isKey = depth === 1 && expectingKey;
    } else if (c === '{' || c === '[') {
      depth += 1;
      if (depth === 1) expectingKey = c === '{';
    } else if (c === '}' || c === ']') depth -= 1;
    else if (depth === 1 && c === ':') expectingKey = false;
    else if (depth === 1 && c === ',') expectingKey = true;
  }
  if (!inString || depth !== 1 || isKey || lastKey === null) return { field: null, line: null };
  // The value so far, without a dangling backslash: JSON-decoded, its newlines are the text's.
  const partial = prefix.slice(stringStart + 1, escaped ? -1 : undefined);
  try {
    const value = JSON.parse(`"${partial}"`) as string;
    let line = 1;
    for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) === 10) line += 1;
    return { field: lastKey, line };
  } catch {
    return { field: lastKey, line: null };
  }
}

/**
 * NOT_TEXT for a JSON request body that is not valid UTF-8, null for one that is: the same verdict
 * the parser gives a file with those bytes (parser/input.ts), instead of the U+FFFD that a lossy
 * decode would store. The line is the line of `text` (the page) that holds the first bad byte.
 */
export function invalidUtf8Problem(body: Uint8Array): ImporterError | null {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return null;
  } catch {
    // Invalid: find where, below.
  }
  const at = Math.max(0, firstInvalidUtf8(body));
  const { field, line } = placeInJson(new TextDecoder('utf-8').decode(body.subarray(0, at)));
  const what = field === null ? 'The request body' : `"${field}"`;
  const where = field === 'text' && line !== null ? `, line ${line} of the text` : '';
  return new ImporterError(
    'NOT_TEXT',
    `${what} is not valid UTF-8 (first bad byte at offset ${at} of the request body${where}); send the page as UTF-8 text.`,
    { line: field === 'text' ? line : null, details: field === null ? null : { field } }
  );
}

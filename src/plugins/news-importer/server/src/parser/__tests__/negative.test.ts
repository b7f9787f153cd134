import { readFileSync } from 'fs';
import path from 'path';
import { MAX_INPUT_BYTES, ParseError, parseArticle, safeParseArticle, type ParseErrorCode } from '..';
import { toSourceLines } from '../input';
import { detectOutlet } from '../outlets';

// Bad input: never an untyped exception, always ParseError with a stable code and, when there
// is one, the line.

const FIXTURES = path.join(__dirname, '../../../../../../../tests/fixtures/tempo');
const supplied = readFileSync(path.join(FIXTURES, 'tempo-2022-10-28-cina-dan-rusia-janji-akan-saling-dukung.txt'), 'utf8');
const suppliedLines = supplied.split('\n');

function failure(input: unknown, options?: { capturedAt?: unknown }): ParseError {
  try {
    parseArticle(input as string, options as { capturedAt?: string });
  } catch (error: unknown) {
    if (error instanceof ParseError) return error;
    throw new Error(`expected a ParseError, got ${String(error)}`);
  }
  throw new Error('expected parseArticle to throw');
}

function expectCode(input: unknown, code: ParseErrorCode, line: number | null = null): ParseError {
  const error = failure(input);
  expect(error.code).toBe(code);
  expect(error.line).toBe(line);
  expect(error.message.length).toBeGreaterThan(20);
  return error;
}

describe('EMPTY_INPUT', () => {
  it.each([
    ['an empty string', ''],
    ['only whitespace and line breaks', ' \n\t\r\n  \n'],
    ['only a byte-order mark', '\uFEFF'],
  ])('rejects %s', (_label, input) => {
    expectCode(input, 'EMPTY_INPUT');
  });

  it('rejects zero bytes', () => {
    expectCode(new Uint8Array(0), 'EMPTY_INPUT');
  });
});

describe('NOT_TEXT', () => {
  it('rejects binary data with NUL bytes, naming the line', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    // The PNG signature holds two line feeds before the first NUL.
    expectCode(png, 'NOT_TEXT', 3);
  });

  it('rejects a string containing NUL', () => {
    expectCode('Judul\n\nIsi\u0000berita', 'NOT_TEXT', 3);
  });

  it('rejects invalid UTF-8 (a Latin-1 page), naming the line', () => {
    const latin1 = Buffer.from('Judul Berita\n\nCaf\xe9 di Jakarta ditutup.\n', 'latin1');
    expectCode(latin1, 'NOT_TEXT', 3);
  });

  it('rejects something that is neither text nor bytes', () => {
    expectCode(42, 'NOT_TEXT');
    expectCode(null, 'NOT_TEXT');
  });
});

describe('TOO_LARGE', () => {
  it('exports the 2 MiB limit', () => {
    expect(MAX_INPUT_BYTES).toBe(2 * 1024 * 1024);
  });

  it('rejects bytes over the limit before decoding them', () => {
    expectCode(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61), 'TOO_LARGE');
  });

  it('counts a string in UTF-8 bytes, not characters', () => {
    // 700,000 × "é" is 1.4 MB of UTF-16 units but 1.4 M × 2 bytes = 2.8 MB of UTF-8.
    expectCode(`Judul\n\n${'é'.repeat(1_400_000)}`, 'TOO_LARGE');
  });

  it('accepts an article just under the limit', () => {
    const body = `${'Paragraf panjang yang berisi teks berita biasa. '.repeat(40)}\n\n`;
    const text = `Judul Berita yang Panjang\n\n${body.repeat(Math.floor((MAX_INPUT_BYTES - 100) / Buffer.byteLength(body)))}`;
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_INPUT_BYTES);
    expect(parseArticle(text).title).toBe('Judul Berita yang Panjang');
  });
});

describe('NO_TITLE', () => {
  it('rejects a body-only fragment instead of guessing a title', () => {
    const fragment = suppliedLines.slice(12, 26).join('\n');
    expectCode(fragment, 'NO_TITLE', 1);
  });

  it('rejects a fragment that starts at the dateline paragraph', () => {
    const fragment = suppliedLines.slice(10, 16).join('\n');
    expectCode(fragment, 'NO_TITLE', 1);
  });

  it('rejects a page of furniture only', () => {
    expectCode('Advertising\n\nBaca Selengkapnya\n\nIklan', 'NO_TITLE');
  });

  it('names the line where the title should have been', () => {
    expectCode(`Advertising\n\n${suppliedLines[12] as string}`, 'NO_TITLE', 3);
  });
});

describe('NO_BODY', () => {
  it('rejects a headline with a byline and a date but no paragraphs', () => {
    expectCode('Cina dan Rusia Janji Akan Saling Dukung\n\nReporter\n\nTempo.co\n\nJumat, 28 Oktober 2022 12:00 WIB\n\nAdvertising', 'NO_BODY');
  });

  it('rejects a headline alone', () => {
    expectCode('Cina dan Rusia Janji Akan Saling Dukung', 'NO_BODY');
  });
});

describe('BAD_OPTION', () => {
  it.each([['not a date'], ['2024-13-45T99:00:00Z']])('rejects capturedAt %j', (value) => {
    const error = failure(supplied, { capturedAt: value });
    expect(error.code).toBe('BAD_OPTION');
  });

  it('rejects an invalid Date', () => {
    expect(failure(supplied, { capturedAt: new Date('nope') }).code).toBe('BAD_OPTION');
  });
});

describe('markup in the text', () => {
  it('keeps tags and entities verbatim as plain text', () => {
    const article = parseArticle(readFileSync(path.join(FIXTURES, 'tempo-2023-10-03-markup-in-text.txt')));
    expect(article.title).toBe('Peretas Sisipkan <script> di Situs Pemerintah Daerah');
    expect(article.body[0]).toContain("<script>alert('xss')</script>");
    expect(article.body[1]).toBe('<p>Kepala dinas komunikasi setempat mengatakan situs itu sudah dipulihkan &amp; kata sandi admin telah diganti.</p>');
    expect(article.body[2]).toContain('<b>seluruh</b>');
  });

  it('treats a page of markup like any text', () => {
    const article = parseArticle('<html><head><title>Judul</title></head>\n\n<body>Isi berita yang panjang.</body></html>');
    expect(article.title).toBe('<html><head><title>Judul</title></head>');
    expect(article.body).toEqual(['<body>Isi berita yang panjang.</body></html>']);
  });
});

describe('ParseError and safeParseArticle', () => {
  it('is an Error with a name, a code and a line', () => {
    const error = failure('');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ParseError');
    expect(error.toInfo()).toEqual({ code: 'EMPTY_INPUT', message: error.message, line: null });
  });

  it('returns the error as a value', () => {
    expect(safeParseArticle('')).toEqual({ ok: false, error: { code: 'EMPTY_INPUT', message: expect.any(String), line: null } });
  });

  it('returns the article as a value', () => {
    const result = safeParseArticle(supplied);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.title).toBe('Cina dan Rusia Janji Akan Saling Dukung');
  });

  it('never throws anything but ParseError on random bytes', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 400) }, () => Math.floor(random() * 256));
      const result = safeParseArticle(bytes);
      if (!result.ok) expect(result.error.code).not.toBe('INTERNAL');
    }
  });

  it('never throws anything but ParseError on shuffled lines of real pages', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const lines = suppliedLines.filter(() => random() < 0.5).sort(() => random() - 0.5);
      const result = safeParseArticle(lines.join('\n'));
      if (!result.ok) expect(['EMPTY_INPUT', 'NO_TITLE', 'NO_BODY']).toContain(result.error.code);
    }
  });
});

describe('pages the parser cannot place (UNSUPPORTED_LAYOUT)', () => {
  const body = 'Pedagang di sekitar pasar mengaku melihat dua tas besar tergeletak di dekat pagar sejak subuh, sebelum polisi datang dan menutup jalan.';

  it('refuses an outlet without a profile and names it and where it was seen', () => {
    const result = safeParseArticle(['Judul Contoh dari Media Lain', '', 'Suasana pasar pagi hari [suara.com/Fotografer Contoh]', '', `Suara.com - ${body}`].join('\n'));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'UNSUPPORTED_LAYOUT',
        message:
          'This page comes from Suara.com ("suara.com" on line 3), an outlet the parser has no profile for; it reads Tempo.co, Kompas.com, detik.com, Antara, CNN Indonesia, Republika, Liputan6.com, kumparan. Import this article by hand.',
        line: 3,
      },
    });
  });

  it('refuses a profiled outlet’s page that shows only one anchor of its header', () => {
    const result = safeParseArticle(['Judul Laporan Khusus Contoh', '', `BANDUNG, KOMPAS.com - ${body}`, '', body.replace('subuh', 'malam')].join('\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('UNSUPPORTED_LAYOUT');
      expect(result.error.message).toContain('shows only a dateline of its header (missing a date line, a byline)');
    }
  });

  it('parses the same outlet when its header shows a date line and a dateline', () => {
    const article = parseArticle(['Judul Laporan Khusus Contoh', '', 'Kompas.com - 05/05/2022, 19:37 WIB', '', `BANDUNG, KOMPAS.com - ${body}`].join('\n'));
    expect(article.dateline).toBe('BANDUNG');
    expect(article.publishedAt).toBe('2022-05-05T19:37:00+07:00');
  });
});

describe('detectOutlet', () => {
  const lines = (...texts: string[]) => toSourceLines(texts.join('\n\n'));
  const paragraph = 'Menurut pejabat itu, kebijakan tersebut sudah dibahas bersama pemerintah daerah dan akan diumumkan pekan depan di Jakarta, seperti dikutip Kompas.com.';

  it('does not take an outlet quoted inside a paragraph for the page’s outlet', () => {
    expect(detectOutlet(lines('Judul Contoh', `TEMPO.CO, Jakarta - ${paragraph}`, paragraph))?.outlet.id).toBe('tempo');
    expect(detectOutlet(lines('Judul Contoh', paragraph, paragraph))).toBeNull();
  });

  it('reads the outlet in a dateline that opens with the city', () => {
    expect(detectOutlet(lines('Judul Contoh', `Jakarta, CNBC Indonesia - ${paragraph}`, 'Foto: Pejabat di kantornya (Contoh/detikcom)'))?.outlet.id).toBe('cnbc-indonesia');
  });
});

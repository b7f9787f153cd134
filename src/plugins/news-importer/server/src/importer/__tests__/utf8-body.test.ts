import { invalidUtf8Problem, placeInJson } from '../utf8-body';
import { limitInBytes } from '../../middlewares/body';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));

describe('invalidUtf8Problem', () => {
  it('accepts valid UTF-8, a literal U+FFFD included', () => {
    expect(invalidUtf8Problem(bytes(JSON.stringify({ text: 'Judul\nBadan � “kutipan” 日本' })))).toBeNull();
  });

  it('names the line of text holding the first bad byte', () => {
    const body = bytes('{"capturedAt":"2024-05-15T10:00:00+07:00","text":"Judul\\n\\nBaris tiga\\nBaris empat ', [0xff], ' lagi"}');
    expect(invalidUtf8Problem(body)?.toBody()).toEqual({
      code: 'NOT_TEXT',
      message: '"text" is not valid UTF-8 (first bad byte at offset 83 of the request body, line 4 of the text); send the page as UTF-8 text.',
      line: 4,
      details: { field: 'text' },
    });
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['a truncated sequence', [0xe2, 0x82]],
    ['an overlong form', [0xe0, 0x80, 0x80]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
  ])('finds %s', (_name, bad) => {
    const body = bytes('{"text":"Judul\\r\\nBaris ', bad, '"}');
    expect(invalidUtf8Problem(body)).toMatchObject({ code: 'NOT_TEXT', line: 2, message: expect.stringContaining('offset 24 ') });
  });

  it('names another field without a line', () => {
    expect(invalidUtf8Problem(bytes('{"text":"Judul","fileName":"a', [0xc3], '.txt"}'))?.toBody()).toEqual({
      code: 'NOT_TEXT',
      message: '"fileName" is not valid UTF-8 (first bad byte at offset 29 of the request body); send the page as UTF-8 text.',
      line: null,
      details: { field: 'fileName' },
    });
  });
});

describe('placeInJson', () => {
  it('does not take an escaped quote or a nested key for the field', () => {
    expect(placeInJson('{"a":{"text":"x"},"text":"say \\"hi\\"\\nnext')).toEqual({ field: 'text', line: 2 });
    expect(placeInJson('{"text":"x","nested":{"text":"y')).toEqual({ field: null, line: null });
    expect(placeInJson('{"te')).toEqual({ field: null, line: null });
  });
});

describe('limitInBytes', () => {
  it.each([['5mb', 5 * 1024 * 1024], ['512kb', 512 * 1024], [2048, 2048], ['junk', 1024 * 1024]] as const)('%s → %d', (limit, expected) => {
    expect(limitInBytes(limit)).toBe(expected);
  });
});

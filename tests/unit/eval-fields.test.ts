import fs from 'node:fs';
import path from 'node:path';
import type { ParsedArticle } from '../../src/plugins/news-importer/server/src/parser';
import {
  FIELD_NAMES,
  addToTally,
  fieldsFromArticle,
  findPersonalData,
  formatTable,
  judgePage,
  maskPersonalData,
  normalizeText,
  parseLabels,
  personalDataIn,
  preview,
  previewPair,
  ratio,
  sameField,
  sameText,
  sameTimestamp,
  tallyBy,
  refusalIsRight,
  textFingerprint,
  tallyOf,
  totals,
  type ArticleFields,
  type LabelEntry,
  type PageResult,
} from '../../scripts/lib/eval-fields';

const LABELS = path.resolve(__dirname, '..', 'real-pages', 'labels.json');

function article(overrides: Partial<ParsedArticle> = {}): ParsedArticle {
  return {
    language: 'id',
    title: 'Cina dan Rusia Janji Akan Saling Dukung',
    subtitle: null,
    section: null,
    byline: { reporters: [], editors: ['Juli Hantoro'], translators: [], desk: null },
    publishedAt: '2022-10-28T12:00:00.000+07:00',
    publishedAtPrecision: 'minute',
    pageDate: null,
    dateline: 'Jakarta',
    body: ['Paragraf “satu”.', 'Paragraf dua.', 'Paragraf tiga.'],
    photos: [
      { caption: 'Foto sisipan', credit: 'TEMPO/B', photographer: 'B', agency: 'TEMPO', pool: false, position: 2 },
      { caption: 'Foto utama', credit: 'TEMPO/A', photographer: 'A', agency: 'TEMPO', pool: false, position: 0 },
    ],
    source: null,
    readAlso: [{ title: 'Judul lain', url: null }],
    related: [],
    discarded: [],
    warnings: [],
    ...overrides,
  };
}

function expected(overrides: Partial<ArticleFields> = {}): ArticleFields {
  return {
    title: 'Cina dan Rusia Janji Akan Saling Dukung',
    publishedAt: '2022-10-28T12:00:00+07:00',
    publishedAtPrecision: 'minute',
    reporters: [],
    editors: ['Juli Hantoro'],
    translators: [],
    desk: null,
    dateline: 'Jakarta',
    firstParagraphs: ['Paragraf "satu".', 'Paragraf  dua.'],
    leadPhoto: { caption: 'Foto utama', credit: 'TEMPO/A' },
    readAlso: ['Judul lain'],
    ...overrides,
  };
}

function entry(id: string, outlet: string, fields: ArticleFields): LabelEntry {
  return { id, url: `https://example.test/${id}`, outlet, layout: `${outlet}-www`, language: 'id', expected: fields, notes: '' };
}

describe('normalisation', () => {
  it('straightens curly quotes and collapses whitespace, nothing else', () => {
    expect(normalizeText('  “Saya” kata\u00a0dia,\n\t‘ya’  ')).toBe('"Saya" kata dia, \'ya\'');
    expect(normalizeText('TEMPO.CO, Jakarta – Korea')).toBe('TEMPO.CO, Jakarta – Korea');
  });

  it('compares text exactly otherwise (case, dashes and punctuation count)', () => {
    expect(sameText('Jakarta', 'JAKARTA')).toBe(false);
    expect(sameText('a - b', 'a – b')).toBe(false);
    expect(sameText('a  b\n', 'a b')).toBe(true);
    expect(sameText(null, '')).toBe(true);
    expect(sameText(null, 'x')).toBe(false);
  });

  it('compares timestamps by instant and offset', () => {
    expect(sameTimestamp('2022-10-28T12:00:00+07:00', '2022-10-28T12:00:00.000+07:00')).toBe(true);
    expect(sameTimestamp('2022-10-28T12:00:00+07:00', '2022-10-28T13:00:00+08:00')).toBe(false);
    expect(sameTimestamp('2022-10-28T12:00:00+07:00', '2022-10-28T12:01:00+07:00')).toBe(false);
    expect(sameTimestamp(null, null)).toBe(true);
    expect(sameTimestamp(null, '2022-10-28T12:00:00+07:00')).toBe(false);
    expect(sameTimestamp('2022-10-28T12:00:00+07:00', 'Jumat, 28 Oktober 2022')).toBe(false);
  });
});

describe('reading and comparing fields', () => {
  it('takes the first two paragraphs, the position-0 photo and read-also titles', () => {
    expect(fieldsFromArticle(article())).toEqual({
      title: 'Cina dan Rusia Janji Akan Saling Dukung',
      publishedAt: '2022-10-28T12:00:00.000+07:00',
      publishedAtPrecision: 'minute',
      reporters: [],
      editors: ['Juli Hantoro'],
      translators: [],
      desk: null,
      dateline: 'Jakarta',
      firstParagraphs: ['Paragraf “satu”.', 'Paragraf dua.'],
      leadPhoto: { caption: 'Foto utama', credit: 'TEMPO/A' },
      readAlso: ['Judul lain'],
    });
    expect(fieldsFromArticle(article({ photos: [] })).leadPhoto).toBeNull();
  });

  it('judges every field right when only quotes and spacing differ', () => {
    const page = judgePage(entry('p1', 'tempo', expected()), article());
    expect(page).toMatchObject({ status: 'parsed', wrong: [], pii: [] });
  });

  it('names each wrong field', () => {
    const fields = expected({ editors: [], reporters: ['Juli Hantoro'], firstParagraphs: ['Paragraf dua.', 'Paragraf "satu".'], leadPhoto: null });
    const page = judgePage(entry('p2', 'tempo', fields), article());
    expect(page.status === 'parsed' && page.wrong).toEqual(['reporters', 'editors', 'firstParagraphs', 'leadPhoto']);
  });

  it('treats list length, credit and precision as part of the field', () => {
    const actual = fieldsFromArticle(article());
    expect(sameField('firstParagraphs', expected({ firstParagraphs: ['Paragraf "satu".'] }), actual)).toBe(false);
    expect(sameField('leadPhoto', expected({ leadPhoto: { caption: 'Foto utama', credit: null } }), actual)).toBe(false);
    expect(sameField('publishedAtPrecision', expected({ publishedAtPrecision: 'day' }), actual)).toBe(false);
    expect(sameField('title', expected({ title: null }), actual)).toBe(false);
  });
});

describe('personal data', () => {
  it('finds e-mail addresses, obfuscated ones and phone numbers', () => {
    expect(personalDataIn('link aktivasi melalui email ke pembaca.setia@gmail.com.')).toEqual(['pembaca.setia@gmail.com']);
    expect(personalDataIn('Redaksi: redaksi[at]contoh.co.id')).toEqual(['redaksi[at]contoh.co.id']);
    expect(personalDataIn('Hubungi 0812-3456-7890 atau (021) 7398381 atau +62 21 5360 4000 atau 081234567890')).toEqual([
      '0812-3456-7890',
      '(021) 7398381',
      '+62 21 5360 4000',
      '081234567890',
    ]);
  });

  it('does not flag dates, times, money, handles or URLs with @', () => {
    const clean = [
      'Jumat, 28 Oktober 2022 12:00 WIB',
      '09/02/2014 07:58 WIB, 2022-10-28, 19 Agustus 2020 | 13.10 WIB',
      'Rp 8.800 hingga Rp 9.000, 2.325 TPS, 0,25 persen, 2019-2024',
      'Instagram /@Tanfootball dan @bgsadikin',
      'https://kumparan.com/@kumparannews/judul-1rrC7Tnnl8C',
      'https://en.tempo.co/read/news/2017/01/22/056838555/Bali',
    ];
    for (const text of clean) expect(personalDataIn(text)).toEqual([]);
  });

  it('reports where in the output each hit is, discarded lines included', () => {
    const hits = findPersonalData(article({ discarded: [{ line: 12, text: 'email ke orang@contoh.com', reason: 'boilerplate' }] }));
    expect(hits).toEqual(['discarded[0].text: o…@contoh.com']);
  });

  it('masks what it prints so the report does not spread the data', () => {
    expect(maskPersonalData('pembaca.setia@gmail.com')).toBe('p…@gmail.com');
    expect(maskPersonalData('redaksi[at]contoh.co.id')).toBe('r…[at]contoh.co.id');
    expect(maskPersonalData('0812-3456-7890')).toBe('081…90 (12 digits)');
  });
});

describe('labels file', () => {
  it('rejects malformed labels with a message naming the entry', () => {
    expect(parseLabels({})).toEqual({ ok: false, error: { code: 'BAD_LABELS', message: 'The labels file must hold a JSON array of entries.' } });
    const bad = [{ ...entry('x', 'tempo', expected()), expected: { ...expected(), publishedAt: 'kemarin' } }];
    expect(parseLabels(bad)).toEqual({ ok: false, error: { code: 'BAD_LABELS', message: 'Entry 0 (x): expected.publishedAt "kemarin" is not ISO 8601.' } });
    const dup = [entry('x', 'tempo', expected()), entry('x', 'kompas', expected())];
    expect(parseLabels(dup)).toEqual({ ok: false, error: { code: 'BAD_LABELS', message: 'Entry 1 (x): duplicate id.' } });
  });

  it('accepts the committed real-page labels, which hold no personal data', () => {
    const json: unknown = JSON.parse(fs.readFileSync(LABELS, 'utf8'));
    const result = parseLabels(json);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.entries.length).toBe(79);
    expect(result.entries.filter((e) => e.outlet === 'tempo').length).toBe(45);
    expect(findPersonalData(result.entries)).toEqual([]);
  });
});

describe('tallies', () => {
  const parsedRight: PageResult = { id: 'a', outlet: 'tempo', layout: 'tempo-www', status: 'parsed', wrong: [], actual: expected(), pii: [] };
  const parsedTwoWrong: PageResult = { id: 'b', outlet: 'kompas', layout: 'kompas', status: 'parsed', wrong: ['title', 'dateline'], actual: expected(), pii: [] };
  const tempoRefused: PageResult = { id: 'c', outlet: 'tempo', layout: 'tempo-amp', status: 'refused', code: 'NO_TITLE', message: 'no title', fragment: false };
  const fragmentRefused: PageResult = { id: 'f', outlet: 'tempo', layout: 'tempo-2024', status: 'refused', code: 'NO_TITLE', message: 'no title', fragment: true };
  const otherRefused: PageResult = { id: 'd', outlet: 'detik', layout: 'detik', status: 'refused', code: 'UNSUPPORTED_LAYOUT', message: 'detik', fragment: false };
  const missing: PageResult = { id: 'e', outlet: 'tempo', layout: 'tempo-www', status: 'missing' };

  it('counts a tempo refusal as every field wrong and another outlet\'s refusal as unchecked', () => {
    const n = FIELD_NAMES.length;
    const tempo = tallyOf([parsedRight, tempoRefused, missing]);
    expect([tempo.pages, tempo.refused, tempo.fullyRight]).toEqual([2, 1, 1]);
    expect(totals(tempo)).toEqual({ right: n, checked: 2 * n });
    const others = tallyOf([parsedTwoWrong, otherRefused]);
    expect([others.pages, others.refused, others.fullyRight]).toEqual([2, 1, 0]);
    expect(totals(others)).toEqual({ right: n - 2, checked: n });
    expect(others.right.title).toBe(0);
    expect(others.checked.title).toBe(1);
  });

  it('says a refusal is right only for a copy with nothing to import', () => {
    expect(refusalIsRight({ title: null, firstParagraphs: ['x'] }, 'NO_TITLE')).toBe(true);
    expect(refusalIsRight({ title: 'Judul', firstParagraphs: [] }, 'NO_BODY')).toBe(true);
    expect(refusalIsRight({ title: 'Judul', firstParagraphs: ['x'] }, 'NO_TITLE')).toBe(false);
    expect(refusalIsRight({ title: 'Judul', firstParagraphs: ['x'] }, 'NO_BODY')).toBe(false);
    expect(refusalIsRight({ title: null, firstParagraphs: [] }, 'UNSUPPORTED_LAYOUT')).toBe(false);
  });

  it('counts a headline-less fragment refused with NO_TITLE as one right check', () => {
    const tally = tallyOf([fragmentRefused]);
    expect(totals(tally)).toEqual({ right: 1, checked: 1 });
    expect([tally.right.title, tally.checked.title]).toEqual([1, 1]);
  });

  it('compares a hashed label with the text the parser read', () => {
    const label = textFingerprint('Warga  “mengungsi” ke balai desa.');
    expect(label).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(sameText(label, 'Warga "mengungsi" ke balai desa.')).toBe(true);
    expect(sameText(label, 'Warga mengungsi ke balai desa.')).toBe(false);
    expect(sameText(label, null)).toBe(false);
  });

  it('adds pages one by one the same way as tallyOf', () => {
    const one = tallyOf([]);
    addToTally(one, parsedTwoWrong);
    expect(one).toEqual(tallyOf([parsedTwoWrong]));
  });

  it('formats ratios and a table grouped by outlet', () => {
    expect(ratio(97, 100)).toBe('97/100 (97.0%)');
    expect(ratio(0, 0)).toBe('-');
    const table = formatTable('by outlet', tallyBy([parsedRight, parsedTwoWrong, otherRefused], (p) => p.outlet)).split('\n');
    expect(table[0]).toBe('by outlet');
    expect(table[1]?.split(/\s+/)).toEqual(['group', 'pages', 'refused', 'full', 'title', 'date', 'prec', 'rep', 'edit', 'transl', 'desk', 'dtline', 'paras', 'photo', 'readAlso', 'total']);
    expect(table[2]?.split(/\s+/)).toEqual(['detik', '1', '1', '0', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-', '-']);
    expect(table[3]?.split(/\s+/).slice(0, 5)).toEqual(['kompas', '1', '0', '0', '0/1']);
    expect(table[4]?.split(/\s+/).slice(-3)).toEqual(['1/1', '11/11', '(100.0%)']);
  });

  it('cuts long values in the verbose report', () => {
    expect(preview('x'.repeat(10), 8)).toBe('"xxxxxx…');
    expect(preview(null)).toBe('null');
    expect(previewPair('short', null)).toEqual(['"short"', 'null']);
    const [want, got] = previewPair(`${'a'.repeat(100)}X${'b'.repeat(100)}`, `${'a'.repeat(100)}Y${'b'.repeat(100)}`, 50);
    expect(want).toBe(`…${'a'.repeat(40)}X${'b'.repeat(9)}…`);
    expect(got).toBe(`…${'a'.repeat(40)}Y${'b'.repeat(9)}…`);
  });
});

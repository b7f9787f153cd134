import { blocksToHtml, blockTexts, firstParagraph, summaryOf } from '../blocks';

const text = (value: string, marks: Record<string, boolean> = {}) => ({ type: 'text', text: value, ...marks });

const BODY = [
  { type: 'heading', level: 2, children: [text('Latar <belakang>')] },
  { type: 'paragraph', children: [text('Tebal', { bold: true }), text(' dan '), text('miring', { italic: true })] },
  { type: 'paragraph', children: [text('   ')] },
  { type: 'quote', children: [text('"Kutipan" & catatan')] },
  {
    type: 'list',
    format: 'ordered',
    children: [
      { type: 'list-item', children: [{ type: 'link', url: 'https://tempo.co/a?b=1&c=2', children: [text('satu')] }] },
      { type: 'list-item', children: [{ type: 'link', url: 'data:text/html,<b>', children: [text('dua')] }] },
    ],
  },
];

describe('blocks', () => {
  it('gives one text per block, list items apart, blank blocks left out', () => {
    expect(blockTexts(BODY)).toEqual(['Latar <belakang>', 'Tebal dan miring', '"Kutipan" & catatan', 'satu', 'dua']);
    expect(blockTexts('not blocks')).toEqual([]);
  });

  it('writes escaped HTML; only http(s) links keep their href', () => {
    expect(blocksToHtml(BODY)).toBe(
      [
        '<h2>Latar &lt;belakang&gt;</h2>',
        '<p><strong>Tebal</strong> dan <em>miring</em></p>',
        '<blockquote>&quot;Kutipan&quot; &amp; catatan</blockquote>',
        '<ol><li><a href="https://tempo.co/a?b=1&amp;c=2">satu</a></li><li>dua</li></ol>',
      ].join('\n')
    );
  });

  it('summarises with the subtitle, else the first paragraph cut at a word under 300 characters', () => {
    expect(summaryOf({ subtitle: ' Subjudul ', body: BODY })).toBe('Subjudul');
    expect(summaryOf({ subtitle: null, body: BODY })).toBe('Latar <belakang>');
    const long = firstParagraph([{ type: 'paragraph', children: [text('kata '.repeat(100))] }])!;
    expect(long.length).toBeLessThanOrEqual(300);
    expect(long).toMatch(/kata…$/);
  });
});

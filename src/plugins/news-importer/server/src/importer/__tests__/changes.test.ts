import { parseArticle } from '../../parser';
import { planArticle } from '../mapping';
import { diffArticle, fieldText, type ArticleSnapshot } from '../changes';

const PAGE = `Dunia

Judul Lama Yang Diganti

Reporter

Tempo.co

Editor

Budi Santoso

Sabtu, 29 Oktober 2022 12:00 WIB

TEMPO.CO, Jakarta - Paragraf pertama berita ini cukup panjang untuk dianggap sebagai isi berita yang sebenarnya oleh parser.

Paragraf kedua juga ada di sini dan sama panjangnya supaya tidak dianggap sebagai sampah halaman.
`;

const plan = planArticle(parseArticle(PAGE));

/** The stored version the plan would leave, as the database gives it back (SQLite's dates as epoch ms). */
function stored(overrides: Partial<ArticleSnapshot> = {}): ArticleSnapshot {
  return {
    ...plan.article,
    publishedDate: Date.parse(plan.article.publishedDate),
    reporters: plan.byline.reporters.map(({ name }) => ({ name })),
    editors: plan.byline.editors.map(({ name }) => ({ name })),
    translators: [],
    photos: [],
    relatedLinks: [],
    ...overrides,
  };
}

describe('diffArticle', () => {
  it('finds nothing when the stored version is the plan', () => {
    expect(diffArticle(stored(), plan, plan.article.slug)).toEqual({
      fields: [],
      photos: { added: [], removed: [] },
      relatedLinks: { added: [], removed: [] },
      byline: { added: [], removed: [] },
    });
  });

  it('gives each changed field before → after, the body as text', () => {
    const before = stored({ title: 'Judul Pertama', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Isi lama.' }] }] });
    const changes = diffArticle(before, plan, 'judul-baru');
    expect(changes.fields).toEqual([
      { field: 'title', before: 'Judul Pertama', after: 'Judul Lama Yang Diganti' },
      { field: 'slug', before: plan.article.slug, after: 'judul-baru' },
      { field: 'body', before: 'Isi lama.', after: fieldText(plan.article.body) },
    ]);
  });

  it('lists photos, related links and names added or removed', () => {
    const before = stored({
      editors: [{ name: 'Orang Lain' }],
      photos: [{ caption: 'Foto lama', credit: 'TEMPO/Arsip', position: 0 }],
      relatedLinks: [{ title: 'Berita lama', url: 'https://www.tempo.co/read/1', kind: 'readAlso', position: 0 }],
    });
    const changes = diffArticle(before, plan, plan.article.slug);
    expect(changes.photos).toEqual({ added: [], removed: ['Foto lama (TEMPO/Arsip)'] });
    expect(changes.relatedLinks).toEqual({ added: [], removed: ['Berita lama <https://www.tempo.co/read/1>'] });
    expect(changes.byline).toEqual({ added: ['Budi Santoso'], removed: ['Orang Lain'] });
  });
});

describe('fieldText', () => {
  it('compares datetimes as instants, whatever their offset', () => {
    expect(fieldText('2022-10-29T12:00:00+07:00')).toBe('2022-10-29T05:00:00.000Z');
    expect(fieldText(new Date('2022-10-29T05:00:00Z'))).toBe('2022-10-29T05:00:00.000Z');
    expect(fieldText(null)).toBeNull();
  });
});

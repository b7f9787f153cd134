import { articleNinjs } from '../../src/api/article/page/ninjs';
import type { ArticlePage, PhotoEntry, ReporterEntry } from '../../src/api/article/page/repository';
import { validNinjs } from '../helpers/validators';

/** The ninjs 2.2 object of an article page, without Strapi, checked with Ajv against IPTC's JSON Schema. */

const reporter = (name: string, kind: 'person' | 'desk' = 'person'): ReporterEntry => ({ name, slug: null, kind, outlet: null });
const photo = (overrides: Partial<PhotoEntry>): PhotoEntry => ({
  caption: null,
  altText: null,
  credit: null,
  photographer: null,
  agency: null,
  position: 0,
  image: null,
  ...overrides,
});

const page = (overrides: Partial<ArticlePage> = {}): ArticlePage => ({
  id: 7,
  documentId: 'abc123',
  locale: 'id',
  title: 'Cina dan Rusia Janji Akan Saling Dukung',
  slug: 'cina-dan-rusia',
  subtitle: null,
  section: 'Internasional',
  body: [
    { type: 'paragraph', children: [{ type: 'text', text: 'Menteri Luar Negeri Cina Wang Yi berjanji.' }] },
    { type: 'paragraph', children: [{ type: 'text', text: 'Paragraf kedua ' }, { type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'tautan' }] }] },
  ],
  publishedDate: '2022-10-28T05:00:00.000Z',
  dateline: 'Jakarta',
  outlet: 'Tempo.co',
  sourceName: 'RT.com',
  originalUrl: 'https://dunia.tempo.co/read/1650000/cina-dan-rusia',
  createdAt: '2022-10-28T05:10:00.000Z',
  updatedAt: '2022-10-29T17:30:00.000Z',
  publishedAt: '2022-10-29T17:30:00.000Z',
  reporters: [reporter('Tempo.co', 'desk'), reporter('Sekar Wangi')],
  editors: [reporter('Maria Rita Hasugian')],
  translators: [],
  corrections: [],
  photos: [
    photo({
      documentId: 'ph1',
      caption: 'Wang Yi di Nusa Dua',
      altText: 'Wang Yi berbicara',
      credit: 'Stefani Reynolds/Pool via REUTERS',
      photographer: 'Stefani Reynolds',
      agency: 'REUTERS',
      image: { url: '/uploads/wang_yi.jpg', alternativeText: null, width: 400, height: 300, mime: 'image/jpeg', formats: null },
    }),
  ],
  relatedLinks: [],
  ...overrides,
});

const OPTIONS = { url: 'https://kabar.example/id/cina-dan-rusia', sitePublisherName: 'Kabar', mediaBaseUrl: 'https://api.kabar.example' };

describe('articleNinjs', () => {
  it('is valid ninjs 2.2 and maps every field of the page', () => {
    const item = articleNinjs(page(), OPTIONS);
    expect(validNinjs(item)).toEqual({ valid: true, errors: '' });
    expect(item).toEqual({
      uri: 'urn:kabar:article:abc123:id',
      type: 'text',
      representationtype: 'full',
      profile: 'text-photo',
      language: 'id',
      pubstatus: 'usable',
      firstcreated: '2022-10-28T12:00:00+07:00',
      versioncreated: '2022-10-30T00:30:00+07:00',
      headlines: [{ role: 'main', value: 'Cina dan Rusia Janji Akan Saling Dukung' }],
      descriptions: [{ role: 'summary', value: 'Menteri Luar Negeri Cina Wang Yi berjanji.' }],
      bodies: [
        {
          role: 'main',
          contenttype: 'text/html',
          // The javascript: link keeps its text and loses its href.
          value: '<p>Menteri Luar Negeri Cina Wang Yi berjanji.</p>\n<p>Paragraf kedua tautan</p>',
          charcount: 65,
          wordcount: 10,
        },
        { role: 'main', contenttype: 'text/plain', value: 'Menteri Luar Negeri Cina Wang Yi berjanji.\n\nParagraf kedua tautan', charcount: 65, wordcount: 10 },
      ],
      by: 'Tempo.co, Sekar Wangi',
      people: [
        { name: 'Sekar Wangi', rel: 'author' },
        { name: 'Maria Rita Hasugian', rel: 'editor' },
      ],
      organisations: [{ name: 'Tempo.co', rel: 'author' }],
      subjects: [{ name: 'Internasional', rel: 'section' }],
      located: 'Jakarta',
      copyrightholder: 'Tempo.co',
      infosources: [{ name: 'RT.com', role: 'source' }],
      altids: [
        { role: 'url', value: 'https://kabar.example/id/cina-dan-rusia' },
        { role: 'originalurl', value: 'https://dunia.tempo.co/read/1650000/cina-dan-rusia' },
      ],
      associations: [
        {
          name: 'featureimage',
          uri: 'urn:kabar:photo:ph1:id',
          type: 'picture',
          language: 'id',
          headlines: [{ value: 'Wang Yi di Nusa Dua' }],
          descriptions: [
            { role: 'caption', value: 'Wang Yi di Nusa Dua' },
            { role: 'alt', value: 'Wang Yi berbicara' },
          ],
          by: 'Stefani Reynolds/Pool via REUTERS',
          people: [{ name: 'Stefani Reynolds', rel: 'photographer' }],
          copyrightholder: 'REUTERS',
          renditions: [{ name: 'original', href: 'https://api.kabar.example/uploads/wang_yi.jpg', contenttype: 'image/jpeg', width: 400, height: 300 }],
        },
      ],
    });
  });

  it('stays valid for a bare article, hostile text and an unsafe original URL', () => {
    const hostile = '</script><script>alert(1)</script> & "x"';
    const item = articleNinjs(
      page({
        title: hostile,
        section: null,
        dateline: null,
        outlet: null,
        sourceName: null,
        originalUrl: 'javascript:alert(1)',
        reporters: [],
        editors: [],
        photos: [photo({ caption: hostile, image: { url: 'javascript:alert(1)', alternativeText: null, width: null, height: null, mime: null, formats: null } })],
        body: [{ type: 'paragraph', children: [{ type: 'text', text: hostile }] }],
      }),
      OPTIONS
    );
    expect(validNinjs(item)).toEqual({ valid: true, errors: '' });
    expect(item.headlines).toEqual([{ role: 'main', value: hostile }]);
    expect((item.bodies as Array<{ value: string }>)[0]!.value).toBe('<p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</p>');
    expect(item.copyrightholder).toBe('Kabar');
    expect(item.altids).toEqual([{ role: 'url', value: OPTIONS.url }]);
    expect((item.associations as Array<Record<string, unknown>>)[0]!.renditions).toBeUndefined();
    for (const absent of ['by', 'people', 'organisations', 'subjects', 'located', 'infosources', 'embargoed']) expect(item[absent]).toBeUndefined();
  });

  it('states an embargo in WIB when the article carries one', () => {
    const item = articleNinjs(page({ embargoedUntil: '2022-11-01T01:00:00.000Z' }), OPTIONS);
    expect(item.embargoed).toBe('2022-11-01T08:00:00+07:00');
    expect(validNinjs(item)).toEqual({ valid: true, errors: '' });
  });

  it('the schema check is real: an unknown type or property is refused', () => {
    expect(validNinjs({ ...articleNinjs(page(), OPTIONS), type: 'article' }).errors).toMatch(/\/type must be equal to one of the allowed values/);
    expect(validNinjs({ ...articleNinjs(page(), OPTIONS), byline: 'x' }).errors).toMatch(/unevaluated properties/);
  });
});

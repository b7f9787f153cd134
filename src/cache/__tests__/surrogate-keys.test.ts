import { keySegment, keysHeader, keysOfChange, keysOfDocuments, MAX_HEADER_LENGTH, type AttributeShape, type SchemaLookup } from '../surrogate-keys';
import { restReadKeys } from '../tag-response';
import { chunkKeys } from '../varnish';

/** The newsroom's content model as far as keys go (the relations of src/api/*\/content-types). */
const MODEL: Record<string, Record<string, AttributeShape>> = {
    'api::article.article': {
      title: { type: 'string' },
      reporters: { type: 'relation', target: 'api::reporter.reporter' },
      editors: { type: 'relation', target: 'api::reporter.reporter' },
      photos: { type: 'relation', target: 'api::photo.photo' },
      relatedLinks: { type: 'relation', target: 'api::related-link.related-link' },
    },
    'api::reporter.reporter': { articles: { type: 'relation', target: 'api::article.article' } },
    'api::photo.photo': { image: { type: 'media' }, article: { type: 'relation', target: 'api::article.article' } },
    'api::related-link.related-link': { target: { type: 'relation', target: 'api::article.article' } },
};
const schema: SchemaLookup = (uid) => MODEL[uid];

describe('keysOfDocuments', () => {
  it('names every document and file an article page shows, along the relations', () => {
    const page = {
      documentId: 'a1',
      title: 'Judul',
      reporters: [{ documentId: 'r1', name: 'Tempo.co' }],
      editors: [],
      photos: [{ documentId: 'p1', image: { id: 7, url: '/uploads/x.jpg' } }, { documentId: 'p2', image: null }],
      relatedLinks: [{ documentId: 'l1', target: { documentId: 'a2', slug: 'lain' } }, { documentId: 'l2', target: null }],
    };
    expect([...keysOfDocuments(schema, 'api::article.article', page)].sort()).toEqual([
      'article:a1',
      'article:a2',
      'file:7',
      'photo:p1',
      'photo:p2',
      'related-link:l1',
      'related-link:l2',
      'reporter:r1',
    ]);
  });

  it('tags a reporter read with their articles with reporter-articles, and a byline without', () => {
    expect([...keysOfDocuments(schema, 'api::reporter.reporter', { documentId: 'r1', articles: [{ documentId: 'a1' }] })].sort()).toEqual([
      'article:a1',
      'reporter-articles:r1',
      'reporter:r1',
    ]);
    expect([...keysOfDocuments(schema, 'api::article.article', { documentId: 'a1', reporters: [{ documentId: 'r1' }] })].sort()).toEqual(['article:a1', 'reporter:r1']);
  });

  it('ignores fields that are not relations and values without a documentId', () => {
    expect([...keysOfDocuments(schema, 'api::article.article', [{ title: 'x', reporters: [{ name: 'no id' }] }])]).toEqual([]);
  });
});

describe('restReadKeys', () => {
  const body = { data: [{ documentId: 'a1', reporters: [{ documentId: 'r1' }] }], meta: {} };

  it('tags a listing with its locale (every locale when the query names none: the default may change), its items and `public`', () => {
    expect(restReadKeys(schema, '/api/articles', { locale: 'en' }, body)).toBe('article:a1 articles:en public reporter:r1');
    expect(restReadKeys(schema, '/api/articles', {}, body)).toBe('article:a1 articles:* public reporter:r1');
    expect(restReadKeys(schema, '/api/articles', { locale: '*' }, body)).toBe('article:a1 articles:* public reporter:r1');
  });

  it('tags a listing of one section with that section instead of the whole locale', () => {
    expect(restReadKeys(schema, '/api/articles', { locale: 'id', filters: { section: { $eq: 'Dunia Internasional' } } }, body)).toBe(
      'article:a1 public reporter:r1 section:id:dunia-internasional'
    );
    expect(restReadKeys(schema, '/api/articles', { locale: 'id', filters: { section: { $contains: 'Dunia' } } }, body)).toBe('article:a1 articles:id public reporter:r1');
  });

  it('tags one document without a listing key, and a reporter listing with the locale-less one', () => {
    expect(restReadKeys(schema, '/api/articles/a1', {}, { data: { documentId: 'a1' } })).toBe('article:a1 public');
    expect(restReadKeys(schema, '/api/reporters', {}, { data: [{ documentId: 'r1' }] })).toBe('public reporter:r1 reporters');
  });

  it('gives no keys for other paths, and none when they would not fit in a header (the response then stays uncached)', () => {
    expect(restReadKeys(schema, '/api/news-importer/import', {}, body)).toBeNull();
    const many = { data: Array.from({ length: 400 }, (_, i) => ({ documentId: `dokumen-artikel-nomor-${i}` })) };
    expect(restReadKeys(schema, '/api/articles', {}, many)).toBeNull();
    expect(keysHeader(['x'.repeat(MAX_HEADER_LENGTH)])).toBe('x'.repeat(MAX_HEADER_LENGTH));
  });
});

describe('keysOfChange', () => {
  it('purges an article, its locale listings, section, feed, sitemap and the reporters\' lists of articles (not every page of its byline)', () => {
    expect(
      keysOfChange('api::article.article', {
        documentId: 'a1',
        locale: 'id',
        section: 'Politik',
        relatedKeys: ['reporter-articles:r1'],
      })
    ).toEqual(['article:a1', 'articles:id', 'articles:*', 'feed:id', 'sitemap:id', 'section:id:politik', 'reporter-articles:r1']);
  });

  it('purges a photo with the article that shows it, and a reporter with the reporter listing', () => {
    expect(keysOfChange('api::photo.photo', { documentId: 'p1', locale: 'en', relatedKeys: ['article:a1'] })).toEqual([
      'photo:p1',
      'photos:en',
      'photos:*',
      'article:a1',
    ]);
    expect(keysOfChange('api::reporter.reporter', { documentId: 'r1' })).toEqual(['reporter:r1', 'reporters']);
  });
});

describe('keySegment', () => {
  it('folds a section name into one key segment without spaces or commas', () => {
    expect(keySegment('Dunia, Internasional')).toBe('dunia-internasional');
    expect(keySegment('Éksklusif  2024')).toBe('eksklusif-2024');
  });
});

describe('chunkKeys', () => {
  it('splits keys into header values under the limit, each key once', () => {
    expect(chunkKeys(['a:1', 'b:2', 'a:1', 'c:3'], 7)).toEqual(['a:1 b:2', 'c:3']);
    expect(chunkKeys([])).toEqual([]);
  });
});

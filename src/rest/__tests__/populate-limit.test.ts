import { checkPopulate, type PopulatableAttributes, type PopulateLimits, type SchemaLookup } from '../populate-limit';

// The newsroom types as the middleware sees them (src/middlewares/populate-limit.ts).
const ARTICLE = 'api::article.article';
const REPORTER = 'api::reporter.reporter';
const PHOTO = 'api::photo.photo';
const LINK = 'api::related-link.related-link';
const FILE = 'plugin::upload.file';
const many = (target: string) => ({ target, many: true });
const one = (target: string) => ({ target, many: false });
const schemas: Record<string, PopulatableAttributes> = {
  [ARTICLE]: {
    reporters: many(REPORTER),
    editors: many(REPORTER),
    translators: many(REPORTER),
    photos: many(PHOTO),
    relatedLinks: many(LINK),
    linkedFrom: many(LINK),
    localizations: many(ARTICLE),
  },
  [REPORTER]: { articles: many(ARTICLE), editedArticles: many(ARTICLE), translatedArticles: many(ARTICLE) },
  [PHOTO]: { image: one(FILE), article: one(ARTICLE), localizations: many(PHOTO) },
  [LINK]: { article: one(ARTICLE), target: one(ARTICLE), localizations: many(LINK) },
  [FILE]: {},
  'blocks.gallery': { images: many(FILE) },
};
const lookup: SchemaLookup = (uid) => schemas[uid];
const limits: PopulateLimits = { maxDepth: 3, maxRelations: 10, maxCost: 25000, manyItems: 100 };

const check = (populate: unknown, uid = ARTICLE, items = 25, overrides: Partial<PopulateLimits> = {}) =>
  checkPopulate(populate, uid, items, lookup, { ...limits, ...overrides });

describe('checkPopulate', () => {
  it('prices a page: each item, plus maxLimit per to-many and 1 per to-one populated inside it', () => {
    expect(check({ reporters: { fields: ['name'] }, photos: 'true' })).toEqual({ ok: true, depth: 1, relations: 2, cost: 25 * (1 + 100 + 100) });
    expect(check({ image: true, article: true }, PHOTO)).toEqual({ ok: true, depth: 1, relations: 2, cost: 25 * 3 });
    expect(check({ photos: { populate: { image: true } } }, ARTICLE, 1)).toEqual({ ok: true, depth: 2, relations: 2, cost: 1 + 100 * 2 });
    expect(check(undefined)).toEqual({ ok: true, depth: 0, relations: 0, cost: 25 });
  });

  it('reads every form of the parameter alike', () => {
    const expected = { ok: true, depth: 2, relations: 3, cost: 25 * (1 + 100 + 100 * (1 + 1)) };
    expect(check('reporters,photos.image')).toEqual(expected);
    expect(check(['reporters', 'photos.image'])).toEqual(expected);
    expect(check({ reporters: 'true', photos: { populate: 'image' } })).toEqual(expected);
    expect(check({ reporters: true, photos: { populate: ['image'] } })).toEqual(expected);
    expect(check({ reporters: true, photos: { populate: { image: { fields: ['url'] } } }, editors: 'false' })).toEqual(expected);
  });

  it('expands * into every populatable attribute of its type', () => {
    expect(check('*')).toEqual({ ok: true, depth: 1, relations: 7, cost: 25 * (1 + 7 * 100) });
    expect(check({ photos: { populate: '*' } }, ARTICLE, 1)).toEqual({ ok: true, depth: 2, relations: 4, cost: 1 + 100 * (1 + 1 + 1 + 100) });
    // `populate[reporters]=*` populates reporters only, as Strapi reads it.
    expect(check({ reporters: '*' })).toEqual({ ok: true, depth: 1, relations: 1, cost: 25 * 101 });
  });

  it('refuses populate deeper than maxDepth, naming the path and the limit', () => {
    const deep = { articles: { populate: { reporters: { populate: { articles: { populate: { reporters: true } } } } } } };
    expect(check(deep, REPORTER)).toEqual({
      ok: false,
      code: 'POPULATE_TOO_DEEP',
      limit: 3,
      actual: 4,
      path: 'articles.reporters.articles.reporters',
      message: expect.stringContaining('populate goes 4 relations deep (articles.reporters.articles.reporters); the limit is 3 (REST_POPULATE_MAX_DEPTH)'),
    });
    expect(check('relatedLinks.target.relatedLinks.target', ARTICLE, 1)).toMatchObject({ ok: false, code: 'POPULATE_TOO_DEEP', actual: 4 });
  });

  it('stops reading a populate that goes on past the limit', () => {
    let deep: unknown = true;
    for (let level = 0; level < 1000; level += 1) deep = { populate: { target: deep } };
    expect(check({ relatedLinks: deep }, ARTICLE, 1)).toMatchObject({
      ok: false,
      code: 'POPULATE_TOO_DEEP',
      actual: 5,
      message: expect.stringContaining('populate goes more than 4 relations deep'),
    });
  });

  it('refuses more than maxRelations populated attributes in all', () => {
    const wide = {
      reporters: true,
      editors: true,
      translators: true,
      photos: { populate: { image: true, article: true } },
      relatedLinks: { populate: { target: true, article: true } },
      linkedFrom: { populate: { article: true } },
    };
    expect(check(wide, ARTICLE, 1)).toEqual({
      ok: false,
      code: 'POPULATE_TOO_WIDE',
      limit: 10,
      actual: 11,
      message: expect.stringContaining('the limit is 10 (REST_POPULATE_MAX_RELATIONS)'),
    });
  });

  it('refuses a to-many inside a to-many, the fan-out of issue 9', () => {
    expect(check({ articles: { populate: { reporters: true } } }, REPORTER)).toEqual({
      ok: false,
      code: 'POPULATE_TOO_COSTLY',
      limit: 25000,
      actual: 25 * (1 + 100 * (1 + 100)),
      message: expect.stringContaining('could return up to 252,525 items'),
    });
    expect(check({ reporters: { populate: '*' } })).toMatchObject({ ok: false, code: 'POPULATE_TOO_COSTLY', actual: 25 * (1 + 100 * 301) });
    // At the budget it passes: 1 article × (1 + 100 × (1 + 100)) = 10,101.
    expect(check({ reporters: { populate: { articles: true } } }, ARTICLE, 1, { maxCost: 10101 })).toMatchObject({ ok: true, cost: 10101 });
  });

  it('counts attributes it does not know as to-many, and reads dynamic-zone fragments', () => {
    expect(check({ nonsense: true })).toEqual({ ok: true, depth: 1, relations: 1, cost: 25 * 101 });
    expect(check({ reporters: { populate: { '[populate][x]': true } } })).toMatchObject({ ok: false, code: 'POPULATE_TOO_COSTLY' });
    expect(check({ body: { on: { 'blocks.gallery': { populate: { images: true } } } } }, ARTICLE, 1)).toEqual({
      ok: true,
      depth: 2,
      relations: 2,
      cost: 1 + 100 * (1 + 100),
    });
  });
});

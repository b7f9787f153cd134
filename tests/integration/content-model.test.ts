import { startStrapi, type TestApp } from '../helpers/strapi';

type Attribute = Record<string, unknown> & { type: string };
let app: TestApp;

beforeAll(async () => {
  app = await startStrapi();
});
afterAll(async () => {
  await app.stop();
});

const attributes = (uid: string): Record<string, Attribute> =>
  (app.strapi.contentType(uid as never) as unknown as { attributes: Record<string, Attribute> }).attributes;
const schema = (uid: string): Record<string, unknown> => app.strapi.contentType(uid as never) as unknown as Record<string, unknown>;
const localized = (attribute: Attribute): unknown =>
  (attribute.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized;

describe('content model', () => {
  it.each([
    ['api::article.article', 'articles', true, true],
    ['api::reporter.reporter', 'reporters', false, false],
    ['api::photo.photo', 'photos', true, true],
    ['api::related-link.related-link', 'related_links', true, true],
  ])('%s: table %s, draft & publish %s, localized %s', (uid, table, drafts, isLocalized) => {
    const type = schema(uid);
    expect(type.collectionName).toBe(table);
    expect((type.options as { draftAndPublish: boolean }).draftAndPublish).toBe(drafts);
    expect(Boolean((type.pluginOptions as { i18n?: { localized?: boolean } } | undefined)?.i18n?.localized)).toBe(isLocalized);
  });

  it('Article has the contracted fields, localized where the language differs', () => {
    const a = attributes('api::article.article');
    expect(a.title).toMatchObject({ type: 'string', required: true });
    expect(a.slug).toMatchObject({ type: 'uid', targetField: 'title', required: true });
    expect(a.body).toMatchObject({ type: 'blocks', required: true });
    expect(a.publishedDate).toMatchObject({ type: 'datetime', required: true });
    for (const name of ['title', 'subtitle', 'section', 'body']) expect(localized(a[name])).toBe(true);
    for (const name of ['publishedDate', 'dateline', 'outlet', 'sourceName']) expect(localized(a[name])).toBe(false);
    expect(a.subtitle.type).toBe('text');
    // Values the importer takes from its input with no natural bound are `text`: a `string` is
    // varchar(255) on PostgreSQL (issue 9; the import key holds a URL of up to 2,048 characters).
    for (const name of ['originalUrl', 'sourceName']) expect(a[name].type).toBe('text');
    expect(a.importKey).toMatchObject({ type: 'text', private: true });
    expect(a.contentHash).toMatchObject({ type: 'string', private: true });
  });

  it('keeps a related link\'s title and URL as text: a read-also title or link can be long', () => {
    const link = attributes('api::related-link.related-link');
    expect([link.title.type, link.url.type]).toEqual(['text', 'text']);
  });

  it('declares every relation on both sides', () => {
    const article = attributes('api::article.article');
    const reporter = attributes('api::reporter.reporter');
    const photo = attributes('api::photo.photo');
    const link = attributes('api::related-link.related-link');
    expect(article.reporters).toMatchObject({ relation: 'manyToMany', target: 'api::reporter.reporter', inversedBy: 'articles' });
    expect(article.editors).toMatchObject({ relation: 'manyToMany', target: 'api::reporter.reporter', inversedBy: 'editedArticles' });
    expect(article.translators).toMatchObject({ relation: 'manyToMany', target: 'api::reporter.reporter', inversedBy: 'translatedArticles' });
    expect(reporter.articles).toMatchObject({ relation: 'manyToMany', mappedBy: 'reporters' });
    expect(reporter.editedArticles).toMatchObject({ relation: 'manyToMany', mappedBy: 'editors' });
    expect(reporter.translatedArticles).toMatchObject({ relation: 'manyToMany', mappedBy: 'translators' });
    expect(article.photos).toMatchObject({ relation: 'oneToMany', target: 'api::photo.photo', mappedBy: 'article' });
    expect(photo.article).toMatchObject({ relation: 'manyToOne', target: 'api::article.article', inversedBy: 'photos' });
    expect(article.relatedLinks).toMatchObject({ relation: 'oneToMany', target: 'api::related-link.related-link', mappedBy: 'article' });
    expect(link.article).toMatchObject({ relation: 'manyToOne', target: 'api::article.article', inversedBy: 'relatedLinks' });
    expect(link.target).toMatchObject({ relation: 'manyToOne', target: 'api::article.article', inversedBy: 'linkedFrom' });
    expect(article.linkedFrom).toMatchObject({ relation: 'oneToMany', mappedBy: 'target' });
  });

  it('Reporter, Photo and RelatedLink have their contracted fields', () => {
    expect(attributes('api::reporter.reporter').kind).toMatchObject({ type: 'enumeration', enum: ['person', 'desk'] });
    expect(attributes('api::reporter.reporter').name).toMatchObject({ type: 'string', required: true });
    const photo = attributes('api::photo.photo');
    expect(photo.image).toMatchObject({ type: 'media', multiple: false, allowedTypes: ['images'] });
    expect(localized(photo.image)).toBe(false);
    expect(localized(photo.caption)).toBe(true);
    expect(photo.position).toMatchObject({ type: 'integer', min: 0 });
    const link = attributes('api::related-link.related-link');
    expect(link.kind).toMatchObject({ type: 'enumeration', enum: ['related', 'readAlso'] });
    expect(link.approxPublishedAt.type).toBe('datetime');
  });

  it('rejects a slug that is not lower-case ASCII words joined by "-"', async () => {
    const create = (slug: string) =>
      app.strapi.documents('api::article.article').create({
        locale: 'id',
        status: 'published',
        data: {
          title: 'Uji',
          slug,
          publishedDate: '2022-10-28T05:00:00.000Z',
          body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Isi.' }] }],
        } as never,
      });
    await expect(create('Bukan Slug')).rejects.toThrow();
    await expect(create('ada--dua')).rejects.toThrow();
    await expect(create('berita-baik-2022')).resolves.toMatchObject({ slug: 'berita-baik-2022' });
  });
});

describe('content locales', () => {
  it('has Indonesian as the default locale and English as the second', async () => {
    const locales = app.strapi.plugin('i18n').service('locales');
    expect(await locales.getDefaultLocale()).toBe('id');
    const codes = ((await locales.find()) as Array<{ code: string }>).map((locale) => locale.code).sort();
    expect(codes).toEqual(['en', 'id']);
  });

  it('creates them idempotently: a second bootstrap adds nothing', async () => {
    const { default: appModule } = await import('../../src/index');
    await appModule.bootstrap({ strapi: app.strapi });
    const rows = await app.strapi.db.query('plugin::i18n.locale').findMany({});
    expect(rows.map((row: { code: string }) => row.code).sort()).toEqual(['en', 'id']);
    expect(await app.strapi.plugin('i18n').service('locales').getDefaultLocale()).toBe('id');
  });
});

describe('the Content Manager as editors see it', () => {
  const views = () => app.strapi.plugin('content-manager').service('content-types');
  const configuration = (uid: string) => views().findConfiguration(app.strapi.contentType(uid as never));

  it('names photos by caption, lists articles newest first, and hides the importer fields', async () => {
    const photo = await configuration('api::photo.photo');
    expect(photo.settings.mainField).toBe('caption');
    const article = await configuration('api::article.article');
    expect(article.settings).toMatchObject({ defaultSortBy: 'publishedDate', defaultSortOrder: 'DESC' });
    expect(article.layouts.list).toEqual(['title', 'publishedDate', 'section', 'outlet']);
    expect(article.metadatas.photos.edit.mainField).toBe('caption');
    for (const field of ['importKey', 'contentHash']) {
      expect(article.metadatas[field].edit).toMatchObject({ visible: false, editable: false });
    }
  });

  it("keeps an editor's own view settings across boots", async () => {
    const contentType = app.strapi.contentType('api::reporter.reporter' as never);
    const reporter = await views().findConfiguration(contentType);
    await views().updateConfiguration(contentType, { ...reporter, layouts: { ...reporter.layouts, list: ['name', 'bio'] } });
    const { default: appModule } = await import('../../src/index');
    await appModule.bootstrap({ strapi: app.strapi });
    expect((await views().findConfiguration(contentType)).layouts.list).toEqual(['name', 'bio']);
  });
});

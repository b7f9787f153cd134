import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { adminToken, rowCounts } from '../helpers/admin';
import { SEED_SLUG, SEED_TEXT } from '../helpers/seed';
import { SQLITE_WRITE_LOCK_SQL } from '../../src/plugins/news-importer/server/src/importer/lock';
import { getService } from '../../src/plugins/news-importer/server/src/utils';
import type { ImportReport } from '../../src/plugins/news-importer/shared/contracts/imports';
import type { PageOutcome } from '../../src/plugins/news-importer/server/src/services/imports';
import { makeTempoPage } from '../../scripts/lib/tempo-pages';

const ROOT = path.resolve(__dirname, '..', '..');
const ENGLISH_TEXT = fs.readFileSync(path.join(ROOT, 'tests/fixtures/tempo/en-tempo-2020-01-20-south-korea-confirms-first-coronavirus-case.txt'), 'utf8');
const SLUG = SEED_SLUG;

let app: TestApp;
const imports = () => getService(app.strapi, 'imports');
/** One page through the import flow, as `npm run import` sends it. */
const importText = async (text: string, options: Record<string, unknown> = {}): Promise<ImportReport> => (await imports().run({ text, ...options }, { kind: 'cli' })).report;

beforeAll(async () => {
  app = await startStrapi({ NEWS_IMPORTER_AUTO_SEED: 'true' });
});
afterAll(async () => {
  await app.stop();
});

/**
 * Counts INSERT, UPDATE and DELETE statements sent to the database while `work` runs, except the
 * statement that takes SQLite's write lock at the start of an import (it changes no row) and the
 * import's own record in the history.
 */
async function countWrites(work: () => Promise<unknown>): Promise<number> {
  let writes = 0;
  const listener = (query: { sql: string }) => {
    if (/^\s*(insert|update|delete)\b/i.test(query.sql) && query.sql !== SQLITE_WRITE_LOCK_SQL && !query.sql.includes('news_importer_import_records')) writes += 1;
  };
  app.strapi.db.connection.on('query', listener);
  try {
    await work();
  } finally {
    app.strapi.db.connection.off('query', listener);
  }
  return writes;
}

const publishedArticle = (locale = 'id') =>
  app.strapi.documents('api::article.article').findFirst({
    locale,
    status: 'published',
    filters: { slug: SLUG },
    populate: { reporters: true, photos: { sort: 'position:asc' }, relatedLinks: { sort: 'position:asc' } },
  } as never) as Promise<Record<string, any> | null>;

describe('the seeded article (autoSeed on a fresh database)', () => {
  it('is published in Indonesian with the desk byline, 2 photos, 11 links and all 6 paragraphs', async () => {
    const article = await publishedArticle();
    expect(article).not.toBeNull();
    expect(article!).toMatchObject({
      title: 'Cina dan Rusia Janji Akan Saling Dukung',
      slug: SLUG,
      locale: 'id',
      publishedDate: '2022-10-28T05:00:00.000Z',
      dateline: 'Jakarta',
      outlet: 'Tempo.co',
      sourceName: 'RT.com',
    });
    expect(article!.reporters.map((r: { name: string; kind: string }) => [r.name, r.kind])).toEqual([['Tempo.co', 'desk']]);
    expect(article!.photos.map((p: { position: number; credit: string; photographer: string; agency: string }) => [p.position, p.credit, p.photographer, p.agency])).toEqual([
      [0, 'Stefani Reynolds/Pool via REUTERS', 'Stefani Reynolds', 'REUTERS'],
      [3, 'Pavel Golovkin / Pool via REUTERS', 'Pavel Golovkin', 'REUTERS'],
    ]);
    const links = article!.relatedLinks as Array<{ kind: string; title: string; ageLabel: string | null; summary: string | null }>;
    expect(links).toHaveLength(11);
    expect(links[0]).toMatchObject({ kind: 'readAlso', title: 'Rishi Sunak Jadi PM Inggris, Kementerian Luar Negeri Optimistis Kemitraan Strategis Tetap Lanjut' });
    expect(links.slice(1).every((link) => link.kind === 'related' && link.summary !== null)).toBe(true);
    expect(links[1]).toMatchObject({ ageLabel: '5 jam lalu', title: 'AS Batasi Izin Ekspor Teknologi untuk Cina, Qualcomm dan Intel Tak Bisa Pasok Chip ke Huawei' });
    expect(links[10].ageLabel).toBe('1 hari lalu');
    const paragraphs = (article!.body as Array<{ type: string; children: Array<{ text: string }> }>).map((block) => {
      expect(block.type).toBe('paragraph');
      return block.children.map((child) => child.text).join('');
    });
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0].startsWith('Menteri Luar Negeri Cina Wang Yi berjanji')).toBe(true);
    expect(paragraphs.join('\n')).not.toMatch(/Advertising|TEMPO\.CO, Jakarta|Baca juga|Google News/);
  });

  it('made exactly these documents and no others', async () => {
    const count = (uid: string, status: 'draft' | 'published') => app.strapi.documents(uid as never).count({ status } as never);
    expect(await count('api::article.article', 'published')).toBe(1);
    expect(await count('api::reporter.reporter', 'draft')).toBe(1);
    expect(await count('api::photo.photo', 'published')).toBe(2);
    expect(await count('api::related-link.related-link', 'published')).toBe(11);
  });

  it('is served over REST with its relations', async () => {
    const response = await request(app.server).get(`/api/articles?locale=id&filters[slug][$eq]=${SLUG}&populate[reporters]=true&populate[photos]=true&populate[relatedLinks]=true`);
    expect(response.status).toBe(200);
    const [article] = response.body.data;
    expect(article.title).toBe('Cina dan Rusia Janji Akan Saling Dukung');
    expect(article.reporters.map((r: { name: string }) => r.name)).toEqual(['Tempo.co']);
    expect(article.photos).toHaveLength(2);
    expect(article.relatedLinks).toHaveLength(11);
  });

  it('reads back through GraphQL and the admin Content Manager like Document Service content', async () => {
    const query = `query($locale: I18NLocaleCode) { articles(locale: $locale, filters: { slug: { eq: "${SLUG}" } }) {
      documentId title reporters { name } photos(sort: "position:asc") { position credit } relatedLinks(sort: "position:asc") { position title } } }`;
    const graphql = await request(app.server).post('/graphql').send({ query, variables: { locale: 'id' } });
    expect(graphql.body.errors).toBeUndefined();
    const [article] = graphql.body.data.articles;
    expect(article.reporters.map((r: { name: string }) => r.name)).toEqual(['Tempo.co']);
    expect(article.photos.map((p: { position: number }) => p.position)).toEqual([0, 3]);
    expect(article.relatedLinks.map((l: { position: number }) => l.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

    const token = await adminToken(app, 'importer-cm@example.com', 'strapi-super-admin');
    const cm = await request(app.server)
      .get(`/content-manager/collection-types/api::article.article/${article.documentId}?locale=id`)
      .set('Authorization', `Bearer ${token}`);
    expect(cm.status).toBe(200);
    expect(cm.body.data).toMatchObject({ documentId: article.documentId, locale: 'id', slug: SLUG });
    expect(cm.body.meta.availableStatus.map((v: { publishedAt: string | null }) => v.publishedAt !== null)).toEqual([true]);
    const photos = await request(app.server)
      .get(`/content-manager/relations/api::article.article/${article.documentId}/photos?locale=id&status=draft`)
      .set('Authorization', `Bearer ${token}`);
    expect(photos.status).toBe(200);
    expect(photos.body.results).toHaveLength(2);
    expect(photos.body.results.every((p: { status: string }) => p.status === 'published')).toBe(true);
  });

  it('is unchanged by a second seed, which writes nothing', async () => {
    let results: Array<{ report: { action: string } }> = [];
    const writes = await countWrites(async () => {
      results = await imports().seed();
    });
    expect(results.map((result) => result.report.action)).toEqual(['unchanged']);
    expect(writes).toBe(0);
  });
});

describe('importing', () => {
  it('updates changed text in place: same document, photos and links replaced, no orphans', async () => {
    const before = await publishedArticle();
    const countsBefore = await rowCounts(app);
    const changed = SEED_TEXT.replace('Sumber: RT.com', 'Sumber: RT.com, Reuters').replace(
      'Beijing akan dengan tegas mendukung Rusia',
      'Beijing akan dengan sangat tegas mendukung Rusia'
    );
    const report = await importText(changed);
    expect(report).toMatchObject({ action: 'updated', documentId: before!.documentId, slug: SLUG, locale: 'id' });
    const after = await publishedArticle();
    expect(after!.documentId).toBe(before!.documentId);
    expect(after!.sourceName).toBe('RT.com, Reuters');
    expect(after!.body[1].children[0].text).toContain('dengan sangat tegas');
    expect(after!.photos).toHaveLength(2);
    expect(after!.relatedLinks).toHaveLength(11);
    expect(await rowCounts(app)).toEqual(countsBefore);
    // and back, so the other tests see the seed as it is
    expect((await importText(SEED_TEXT)).action).toBe('updated');
  });

  it('keeps the live article whole when changed text is imported as a draft', async () => {
    const changed = SEED_TEXT.replace('Sumber: RT.com', 'Sumber: TASS');
    const report = await importText(changed, { status: 'draft' });
    expect(report).toMatchObject({ action: 'updated', status: 'draft' });
    const live = await publishedArticle();
    expect(live!.sourceName).toBe('RT.com');
    expect(live!.photos).toHaveLength(2);
    expect(live!.relatedLinks).toHaveLength(11);
    const draft = (await app.strapi.documents('api::article.article').findOne({
      documentId: report.documentId,
      locale: 'id',
      status: 'draft',
      populate: ['photos', 'relatedLinks'],
    } as never)) as Record<string, any>;
    expect(draft.sourceName).toBe('TASS');
    expect(draft.photos).toHaveLength(2);
    // Published again, the page replaces both versions.
    expect((await importText(changed)).action).toBe('updated');
    expect((await publishedArticle())!.sourceName).toBe('TASS');
    expect((await importText(SEED_TEXT)).action).toBe('updated');
  });

  it('writes nothing in a dry run, and reports the plan', async () => {
    const before = await rowCounts(app);
    let report: ImportReport | null = null;
    const writes = await countWrites(async () => {
      report = await importText(ENGLISH_TEXT, { dryRun: true });
    });
    expect(writes).toBe(0);
    expect(await rowCounts(app)).toEqual(before);
    expect(report).toMatchObject({
      action: 'created',
      documentId: null,
      dryRun: true,
      locale: 'en',
      slug: 'south-korea-confirms-first-case-of-new-coronavirus',
      counts: { reporters: 2, reportersCreated: 2, photos: 1, relatedLinks: 2 },
    });
  });

  it('lands an English page in the en locale, crediting translator and editor', async () => {
    const report = await importText(ENGLISH_TEXT);
    expect(report).toMatchObject({ action: 'created', locale: 'en' });
    const article = (await app.strapi.documents('api::article.article').findOne({
      documentId: report.documentId,
      locale: 'en',
      status: 'published',
      populate: ['translators', 'editors', 'reporters'],
    } as never)) as Record<string, any>;
    expect(article.title).toBe('South Korea Confirms First Case of New Coronavirus');
    expect(article.translators.map((r: { name: string }) => r.name)).toEqual(['Ricky Mohammad Nugraha']);
    expect(article.editors.map((r: { name: string }) => r.name)).toEqual(['Laila Afifa']);
    expect(article.reporters).toEqual([]);
    expect(await app.strapi.documents('api::article.article').findOne({ documentId: report.documentId, locale: 'id' } as never)).toBeNull();
  });

  it('makes exactly one article from concurrent imports of the same page', async () => {
    const text = SEED_TEXT.replace('Cina dan Rusia Janji Akan Saling Dukung', 'Lima Impor Serentak Satu Artikel');
    const reports = await Promise.all(Array.from({ length: 5 }, () => importText(text)));
    expect(new Set(reports.map((r) => r.documentId)).size).toBe(1);
    expect(reports.map((r) => r.action).sort()).toEqual(['created', 'unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(await app.strapi.db.query('api::article.article').count({ where: { slug: 'lima-impor-serentak-satu-artikel' } })).toBe(2); // draft + published
    expect(await app.strapi.db.query('api::reporter.reporter').count({ where: { slug: 'tempo-co' } })).toBe(1);
  });

  it('leaves the database exactly as before when a write fails midway', async () => {
    const before = await rowCounts(app);
    // The importer writes rows through the query engine (not one Document Service call per entry), so the
    // failure is injected where the related links are inserted: after the new reporter, the article and its
    // photos are written, in the same transaction.
    let insertsBeforeFailure = 0;
    let failures = 0;
    const countInserts = (query: { sql: string }) => {
      if (failures === 0 && /^\s*insert\b/i.test(query.sql)) insertsBeforeFailure += 1;
    };
    app.strapi.db.connection.on('query', countInserts);
    const unsubscribe = app.strapi.db.lifecycles.subscribe({
      models: ['api::related-link.related-link'],
      async beforeCreateMany() {
        failures += 1;
        throw new Error('disk full (injected)');
      },
    });
    const text = SEED_TEXT.replace('Cina dan Rusia Janji Akan Saling Dukung', 'Artikel Yang Gagal Di Tengah Jalan').replace('Reporter\n\nTempo.co', 'Reporter\n\nWartawan Baru');
    try {
      const failure = await importText(text).then(
        () => null,
        (error: unknown) => error as { code?: string; cause?: { message?: string } }
      );
      expect(failure?.code).toBe('SERVER_ERROR');
      expect(failure?.cause?.message).toContain('disk full (injected)');
    } finally {
      unsubscribe();
      app.strapi.db.connection.off('query', countInserts);
    }
    expect(failures).toBe(1);
    expect(insertsBeforeFailure).toBeGreaterThanOrEqual(3); // reporter, article, photos (and link rows) were written first
    expect(await rowCounts(app)).toEqual(before);
    expect(await app.strapi.db.query('api::reporter.reporter').count({ where: { name: 'Wartawan Baru' } })).toBe(0);
  });
});

describe('a batch of pages (importAll, as `npm run import DIR` runs it)', () => {
  const importAll = async (texts: string[]): Promise<PageOutcome[]> => {
    const outcomes: PageOutcome[] = [];
    for await (const outcome of imports().importAll(texts.map((text) => ({ text })), { kind: 'cli' })) outcomes.push(outcome);
    return outcomes;
  };
  const summary = (outcomes: PageOutcome[]) => outcomes.map((o) => (o.ok ? o.outcome.report.action : o.error.code));
  const count = (uid: string, where: Record<string, unknown> = {}) => app.strapi.db.query(uid as never).count({ where } as never);

  it('writes the pages together, each all or nothing: a bad page fails alone, a page given twice is written once', async () => {
    const articles = await count('api::article.article');
    const pages = [makeTempoPage(501), makeTempoPage(502), 'hanya sepotong paragraf tanpa judul.', makeTempoPage(503), makeTempoPage(501)];
    const outcomes = await importAll(pages);
    expect(summary(outcomes)).toEqual(['created', 'created', 'NO_TITLE', 'created', 'unchanged']);
    expect(await count('api::article.article')).toBe(articles + 6);
    const batchIds = new Set(outcomes.flatMap((o) => (o.ok ? [o.outcome.report.batchId] : [])));
    expect(batchIds.size).toBe(1);
  });

  it('links a related item to the article of that title created earlier in the same batch, as one-by-one imports would', async () => {
    const first = makeTempoPage(551);
    const title = first.split('\n')[0]!;
    // The second page's first related item is the first page (its title, then its age, then the title again).
    const second = makeTempoPage(552).replace(/(Berita terkait\n\n)([^\n]+)(\n\n[^\n]+\n\n)\2/, `$1${title}$3${title}`);
    expect(second).toContain(`Berita terkait\n\n${title}`);
    const outcomes = await importAll([first, second]);
    expect(summary(outcomes)).toEqual(['created', 'created']);
    const [a, b] = outcomes.map((o) => (o.ok ? o.outcome.report : null));
    for (const status of ['draft', 'published'] as const) {
      const link = (await app.strapi.documents('api::related-link.related-link' as never).findFirst({
        locale: 'id',
        status,
        filters: { title, article: { documentId: b!.documentId } },
        populate: { target: { fields: ['documentId'] } },
      } as never)) as { target: { documentId: string } | null } | null;
      expect({ status, target: link?.target?.documentId }).toEqual({ status, target: a!.documentId });
    }
  });

  it('when the batch\'s transaction fails, writes the pages again one by one: only the page at fault fails, nothing of it is left', async () => {
    const before = await rowCounts(app);
    const unsubscribe = app.strapi.db.lifecycles.subscribe({
      models: ['api::article.article'],
      async beforeCreateMany(event: { params: { data: Array<{ title?: string }> } }) {
        if (event.params.data.some((row) => row.title?.includes('Gagal'))) throw new Error('disk full (injected)');
      },
    } as never);
    let outcomes: PageOutcome[];
    try {
      outcomes = await importAll([makeTempoPage(601), makeTempoPage(602).replace(/^[^\n]+/, 'Halaman Yang Gagal Ditulis 602'), makeTempoPage(603)]);
    } finally {
      unsubscribe();
    }
    expect(summary(outcomes)).toEqual(['created', 'SERVER_ERROR', 'created']);
    const after = await rowCounts(app);
    expect(after['api::article.article']).toBe(before['api::article.article']! + 4);
    expect(await count('api::article.article', { title: { $contains: 'Gagal' } })).toBe(0);
  });

  it('finds a page it imported before unchanged by its fingerprint (no parse), with the same report; once other content went in, the same page updates again', async () => {
    const page = makeTempoPage(701);
    const [first] = await importAll([page]);
    const [again] = await importAll([page]);
    if (!first?.ok || !again?.ok) throw new Error('the page did not go in');
    expect(again.outcome.report).toEqual({ ...first.outcome.report, action: 'unchanged', batchId: again.outcome.report.batchId, counts: { ...first.outcome.report.counts, reportersCreated: 0 } });
    // Another version of the story (same import key, other text) …
    const edited = page.replace(/\n\n([^\n]{40,})\n/, '\n\nParagraf yang ditulis ulang oleh redaksi untuk versi kedua.\n');
    expect(edited).not.toBe(page);
    expect(summary(await importAll([edited]))).toEqual(['updated']);
    // … so the first page is news again: its earlier import no longer describes the article.
    expect(summary(await importAll([page, page]))).toEqual(['updated', 'unchanged']);
  });
});

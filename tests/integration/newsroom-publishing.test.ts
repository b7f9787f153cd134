import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createArticleGraph, type ArticleGraph } from '../helpers/builders';
import { SEED_SLUG, SEED_TEXT } from '../helpers/seed';
import type { ScheduleService } from '../../src/api/article/services/schedule';
import { getService } from '../../src/plugins/news-importer/server/src/utils';
import type { ImportReport } from '../../src/plugins/news-importer/shared/contracts/imports';

/**
 * Newsroom publishing (README, "Newsroom publishing"): corrections and rights of reply, withdrawal
 * (410 Gone), embargo, and scheduled publish/unpublish, through REST, the JSON-LD, GraphQL and the
 * query engine, on a real Strapi (SQLite, or PostgreSQL under `npm run test:postgres`).
 *
 * Time: nothing here waits for the clock. Embargoes and withdrawals are set far in the past or the
 * future; "the clock passes an embargo" is simulated by moving the stored time to the past with a raw
 * UPDATE that leaves `updatedAt` alone, exactly what the passing of time does to the row. The
 * scheduler is run with an explicit `now`.
 */

const ARTICLE = 'api::article.article';
const FAR_FUTURE = '2999-01-01T00:00:00.000Z';

let app: TestApp;
let token: string;
const get = (url: string, auth?: string) => {
  const call = request(app.server).get(url);
  if (auth) call.set('Authorization', `Bearer ${auth}`);
  return call;
};
const graphql = (query: string, variables: Record<string, unknown> = {}) => request(app.server).post('/graphql').send({ query, variables });
const docs = () =>
  app.strapi.documents(ARTICLE as never) as unknown as {
    update(params: Record<string, unknown>): Promise<{ documentId: string }>;
    publish(params: Record<string, unknown>): Promise<unknown>;
    create(params: Record<string, unknown>): Promise<{ documentId: string }>;
    findOne(params: Record<string, unknown>): Promise<Record<string, unknown> | null>;
  };

/** Updates the Indonesian draft and publishes it, as an editor's "Save" then "Publish". */
/** One page through the import flow, as `npm run import` sends it. */
const importText = async (text: string, options: Record<string, unknown> = {}): Promise<ImportReport> =>
  (await getService(app.strapi, 'imports').run({ text, ...options }, { kind: 'cli' })).report;

async function editAndPublish(documentId: string, data: Record<string, unknown>): Promise<void> {
  await docs().update({ documentId, locale: 'id', data });
  await docs().publish({ documentId, locale: 'id' });
}

const listSlugs = async (): Promise<string[]> =>
  ((await get('/api/articles?locale=id&pagination[pageSize]=100').expect(200)).body.data as Array<{ slug: string }>).map((a) => a.slug).sort();
const graphqlSlugs = async (): Promise<string[]> =>
  ((await graphql('{ articles(locale: "id", pagination: { limit: 100 }) { slug } }')).body.data.articles as Array<{ slug: string }>)
    .map((a) => a.slug)
    .sort();

let corrected: ArticleGraph;
let withdrawn: ArticleGraph;
let embargoed: ArticleGraph;
let linking: ArticleGraph;

beforeAll(async () => {
  app = await startStrapi({ NEWS_IMPORTER_AUTO_SEED: 'true' });
  corrected = await createArticleGraph(app.strapi, { slug: 'artikel-dengan-ralat', title: 'Artikel Dengan Ralat' });
  withdrawn = await createArticleGraph(app.strapi, { slug: 'artikel-dicabut', title: 'Artikel Dicabut' });
  embargoed = await createArticleGraph(app.strapi, { slug: 'artikel-embargo', title: 'Artikel Embargo' });
  linking = await createArticleGraph(app.strapi, { slug: 'artikel-penaut', title: 'Artikel Penaut' });
  token = ((await app.strapi.service('admin::api-token').create({
    name: 'preview',
    type: 'custom',
    lifespan: null,
    permissions: ['api::article.article.find', 'api::article.article.findBySlug', 'api::article.article.jsonLdBySlug'],
  })) as { accessKey: string }).accessKey;
});
afterAll(async () => {
  await app.stop();
});

describe('corrections, clarifications and rights of reply', () => {
  const later = { kind: 'hak-jawab', text: 'Kedutaan Besar Rusia menyampaikan hak jawab atas berita ini.', issuedAt: '2022-10-30T02:00:00.000Z' };
  const earlier = { kind: 'ralat', text: 'Sebelumnya tertulis Menteri Pertahanan; yang benar Menteri Luar Negeri.', issuedAt: '2022-10-29T01:30:00.000Z' };

  it('lists them oldest first on the page, with a new ETag, and in the JSON-LD', async () => {
    const before = await get('/api/articles/slug/artikel-dengan-ralat?locale=id').expect(200);
    expect(before.body.data.corrections).toEqual([]);
    const beforeLd = await get('/api/articles/slug/artikel-dengan-ralat/jsonld?locale=id').expect(200);

    // Entered newest first: the order on the page comes from `issuedAt`.
    await editAndPublish(corrected.articleId, { corrections: [later, earlier] });

    const after = await get('/api/articles/slug/artikel-dengan-ralat?locale=id').expect(200);
    expect(after.body.data.corrections.map(({ kind, text, issuedAt }: Record<string, unknown>) => ({ kind, text, issuedAt }))).toEqual([earlier, later]);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    // The old copy is not revalidated.
    await get('/api/articles/slug/artikel-dengan-ralat?locale=id').set('If-None-Match', before.headers.etag).expect(200);

    const ld = JSON.parse((await get('/api/articles/slug/artikel-dengan-ralat/jsonld?locale=id').expect(200)).text);
    expect(ld.correction).toEqual([
      { '@type': 'CorrectionComment', text: earlier.text, datePublished: '2022-10-29T08:30:00+07:00' },
      { '@type': 'CorrectionComment', text: later.text, datePublished: '2022-10-30T09:00:00+07:00' },
    ]);
    expect(Date.parse(ld.dateModified)).toBeGreaterThanOrEqual(Date.parse(later.issuedAt));
    expect(JSON.parse(beforeLd.text)).not.toHaveProperty('correction');
  });

  it('moves dateModified up to a correction issued later than the last save', async () => {
    const future = { kind: 'pembaruan', text: 'Pembaruan: pernyataan resmi Kremlin ditambahkan.', issuedAt: '2099-01-01T00:00:00.000Z' };
    await editAndPublish(corrected.articleId, { corrections: [later, earlier, future] });
    const ld = JSON.parse((await get('/api/articles/slug/artikel-dengan-ralat/jsonld?locale=id').expect(200)).text);
    expect(ld.dateModified).toBe('2099-01-01T07:00:00+07:00');
    await editAndPublish(corrected.articleId, { corrections: [later, earlier] });
  });

  it('lists them oldest first in GraphQL', async () => {
    const response = await graphql(
      'query($slug: String!) { articleBySlug(slug: $slug, locale: "id") { corrections { kind text issuedAt } } articles(locale: "id", filters: { slug: { eq: $slug } }) { corrections { issuedAt } } }',
      { slug: 'artikel-dengan-ralat' }
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.articleBySlug.corrections).toEqual([
      { kind: 'ralat', text: earlier.text, issuedAt: earlier.issuedAt },
      { kind: 'hak_jawab', text: later.text, issuedAt: later.issuedAt },
    ]);
    expect(response.body.data.articles[0].corrections.map((c: { issuedAt: string }) => c.issuedAt)).toEqual([earlier.issuedAt, later.issuedAt]);
  });

  it('refuses to publish a correction without its time', async () => {
    // Drafts may be incomplete (Strapi validates required fields on publish).
    await docs().update({ documentId: corrected.articleId, locale: 'id', data: { corrections: [earlier, { kind: 'ralat', text: 'Tanpa waktu.' }] } });
    await expect(docs().publish({ documentId: corrected.articleId, locale: 'id' })).rejects.toThrow(/issuedAt/);
    await editAndPublish(corrected.articleId, { corrections: [later, earlier] });
  });

  it('keeps the corrections an editor wrote when the page is imported again', async () => {
    const seeded = await docs().findOne({ documentId: (await app.strapi.db.query(ARTICLE).findOne({ where: { slug: SEED_SLUG, locale: 'id' } })).documentId, locale: 'id' });
    await editAndPublish(seeded!.documentId as string, { corrections: [earlier] });
    const changed = SEED_TEXT.replace('Beijing akan dengan tegas mendukung Rusia', 'Beijing akan dengan sangat tegas mendukung Rusia');
    expect((await importText(changed)).action).toBe('updated');

    const page = (await get(`/api/articles/slug/${SEED_SLUG}?locale=id`).expect(200)).body.data;
    expect(JSON.stringify(page.body)).toContain('dengan sangat tegas');
    expect(page.corrections.map(({ kind, text, issuedAt }: Record<string, unknown>) => ({ kind, text, issuedAt }))).toEqual([earlier]);
    const draft = await docs().findOne({ documentId: seeded!.documentId, locale: 'id', status: 'draft', populate: { corrections: true } });
    expect((draft!.corrections as unknown[]).length).toBe(1);
  });
});

describe('re-imports and what editors set', () => {
  it('keeps an embargo set on a draft-only import when the page is imported again as published', async () => {
    const text = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'tempo', 'kompas-2022-05-05-arus-balik-tol-cikampek-contraflow.txt'), 'utf8');
    const draft = await importText(text, { status: 'draft' });
    await docs().update({ documentId: draft.documentId, locale: draft.locale, data: { embargoedUntil: FAR_FUTURE } });

    const published = await importText(text.replace('contraflow', 'contraflow (lawan arus)'));
    expect(published).toMatchObject({ action: 'updated', documentId: draft.documentId });
    const rows = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId: draft.documentId }, select: ['publishedAt', 'embargoedUntil'] });
    expect(rows).toHaveLength(2);
    expect(rows.map((row: { embargoedUntil: unknown }) => new Date(row.embargoedUntil as string).toISOString())).toEqual([FAR_FUTURE, FAR_FUTURE]);
    await get(`/api/articles/slug/${published.slug}?locale=${published.locale}`).expect(404);
  });
});

describe('withdrawal (pencabutan)', () => {
  const reason = 'Dicabut atas permintaan narasumber karena data yang dikutip keliru.';
  const withdrawnAt = '2022-11-01T03:00:00.000Z';

  beforeAll(async () => {
    await editAndPublish(withdrawn.articleId, { withdrawnAt, withdrawalReason: reason });
  });

  it('answers 410 Gone with its title, time and reason, and nothing of its text', async () => {
    const response = await get('/api/articles/slug/artikel-dicabut?locale=id').expect(410);
    expect(response.body).toEqual({
      data: { title: 'Artikel Dicabut', withdrawnAt, withdrawalReason: reason },
      error: { status: 410, name: 'GoneError', message: `The article "artikel-dicabut" was withdrawn by the editors on ${withdrawnAt}: ${reason}` },
    });
    const ld = await get('/api/articles/slug/artikel-dicabut/jsonld?locale=id').expect(410);
    expect(ld.body).toEqual(response.body);
    // A preview token gets the same answer: a withdrawal is not a visibility setting.
    await get('/api/articles/slug/artikel-dicabut?locale=id', token).expect(410);
  });

  it('leaves the REST and GraphQL listings and the by-id read', async () => {
    expect(await listSlugs()).not.toContain('artikel-dicabut');
    expect(await listSlugs()).toContain('artikel-dengan-ralat');
    expect(await graphqlSlugs()).not.toContain('artikel-dicabut');
    await get(`/api/articles/${withdrawn.articleId}?locale=id`).expect(404);
  });

  it('comes back from GraphQL articleBySlug as a notice with no body', async () => {
    const response = await graphql(
      '{ articleBySlug(slug: "artikel-dicabut", locale: "id") { documentId title withdrawnAt withdrawalReason body subtitle } }'
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.articleBySlug).toEqual({
      documentId: withdrawn.articleId,
      title: 'Artikel Dicabut',
      withdrawnAt,
      withdrawalReason: reason,
      body: [],
      subtitle: null,
    });
  });

  it('takes effect at its time, not before', async () => {
    await editAndPublish(withdrawn.articleId, { withdrawnAt: FAR_FUTURE });
    await get('/api/articles/slug/artikel-dicabut?locale=id').expect(200);
    expect(await listSlugs()).toContain('artikel-dicabut');
    // Due in a moment: no write happens when it takes effect, only the clock moves.
    const soon = Date.now() + 2500;
    await editAndPublish(withdrawn.articleId, { withdrawnAt: new Date(soon).toISOString() });
    await get('/api/articles/slug/artikel-dicabut?locale=id').expect(200);
    expect(await listSlugs()).toContain('artikel-dicabut');
    await new Promise((resolve) => setTimeout(resolve, soon - Date.now() + 200));
    await get('/api/articles/slug/artikel-dicabut?locale=id').expect(410);
    expect(await listSlugs()).not.toContain('artikel-dicabut');
    await editAndPublish(withdrawn.articleId, { withdrawnAt });
  });
});

describe('embargo', () => {
  const graphqlPage = '{ articleBySlug(slug: "artikel-embargo", locale: "id") { title } }';

  beforeAll(async () => {
    await editAndPublish(embargoed.articleId, { embargoedUntil: FAR_FUTURE });
    // Another article links to the embargoed one.
    await app.strapi.documents('api::related-link.related-link').update({
      documentId: linking.linkIds[0]!,
      locale: 'id',
      status: 'published',
      data: { target: embargoed.articleId } as never,
    });
  });

  it('hides a published article under embargo from every public read', async () => {
    const page = await get('/api/articles/slug/artikel-embargo?locale=id').expect(404);
    expect(page.body.error.message).toBe('No published article has the slug "artikel-embargo" in locale "id". Add fallback=true to get the default-locale version when there is no translation.');
    await get('/api/articles/slug/artikel-embargo/jsonld?locale=id').expect(404);
    await get(`/api/articles/${embargoed.articleId}?locale=id`).expect(404);
    expect(await listSlugs()).not.toContain('artikel-embargo');
    expect(await graphqlSlugs()).not.toContain('artikel-embargo');
    expect((await graphql(graphqlPage)).body.data.articleBySlug).toBeNull();
    // Through relations: a filter, a populate, a nested GraphQL list, a related link's target.
    const filtered = await get('/api/reporters?filters[articles][slug][$eq]=artikel-embargo').expect(200);
    expect(filtered.body.data).toEqual([]);
    const populated = await get('/api/reporters?filters[slug][$eq]=tempo-co&populate[articles][fields][0]=slug').expect(200);
    expect(populated.body.data[0].articles.map((a: { slug: string }) => a.slug)).not.toContain('artikel-embargo');
    const nested = await graphql('{ reporters(filters: { slug: { eq: "tempo-co" } }) { articles(pagination: { limit: 100 }) { slug } } }');
    expect(nested.body.data.reporters[0].articles.map((a: { slug: string }) => a.slug)).not.toContain('artikel-embargo');
    const linkingPage = await get('/api/articles/slug/artikel-penaut?locale=id').expect(200);
    expect(linkingPage.body.data.relatedLinks[0].target).toBeNull();
    // Its photos and links, read directly, would tell the story: hidden with it.
    const photos = await get(`/api/photos?locale=id&filters[documentId][$in][0]=${embargoed.photoIds[0]}&filters[documentId][$in][1]=${linking.photoIds[0]}`).expect(200);
    expect(photos.body.data.map((photo: { documentId: string }) => photo.documentId)).toEqual([linking.photoIds[0]]);
    const links = await graphql('{ relatedLinks(locale: "id", pagination: { limit: 100 }) { documentId } }');
    const linkIds = links.body.data.relatedLinks.map((link: { documentId: string }) => link.documentId);
    expect(linkIds).toEqual(expect.arrayContaining(linking.linkIds));
    expect(linkIds).not.toEqual(expect.arrayContaining([embargoed.linkIds[0]]));
  });

  it('shows it to a preview token', async () => {
    const page = await get('/api/articles/slug/artikel-embargo?locale=id', token).expect(200);
    expect(page.body.data.embargoedUntil).toBe(FAR_FUTURE);
  });

  it('appears by itself once the embargo has passed, past every cached copy', async () => {
    const linkingBefore = await get('/api/articles/slug/artikel-penaut?locale=id').expect(200);
    // An embargo due in a moment; then only the clock moves, nothing is written.
    const soon = Date.now() + 2500;
    await editAndPublish(embargoed.articleId, { embargoedUntil: new Date(soon).toISOString() });
    await get('/api/articles/slug/artikel-embargo?locale=id').expect(404);
    expect(await listSlugs()).not.toContain('artikel-embargo');
    await new Promise((resolve) => setTimeout(resolve, soon - Date.now() + 200));

    const page = await get('/api/articles/slug/artikel-embargo?locale=id').expect(200);
    expect(page.body.data.title).toBe('Artikel Embargo');
    expect(await listSlugs()).toContain('artikel-embargo');
    expect(await graphqlSlugs()).toContain('artikel-embargo');
    expect((await graphql(graphqlPage)).body.data.articleBySlug).toEqual({ title: 'Artikel Embargo' });
    const photo = await get(`/api/photos?locale=id&filters[documentId][$eq]=${embargoed.photoIds[0]}`).expect(200);
    expect(photo.body.data).toHaveLength(1);
    // The linking page's fingerprint names the target's visibility: its old copy (target hidden) is not served again.
    const linkingAfter = await get('/api/articles/slug/artikel-penaut?locale=id').set('If-None-Match', linkingBefore.headers.etag).expect(200);
    expect(linkingAfter.headers.etag).not.toBe(linkingBefore.headers.etag);
    expect(linkingAfter.body.data.relatedLinks[0].target).toMatchObject({ slug: 'artikel-embargo' });
  });
});

describe('scheduled publish and unpublish', () => {
  const schedule = (): ScheduleService => app.strapi.service('api::article.schedule' as never) as unknown as ScheduleService;
  const events: Array<{ event: string; documentId: string }> = [];

  beforeAll(() => {
    for (const event of ['entry.publish', 'entry.unpublish']) {
      app.strapi.eventHub.on(event, async (payload: { uid?: string; entry?: { documentId?: string } }) => {
        if (payload.uid === ARTICLE) events.push({ event, documentId: String(payload.entry?.documentId) });
      });
    }
  });

  /** Lets listeners of events emitted after a commit run: waits up to 3 s for `count` events, then a little longer for extras. */
  const eventsSettled = async (count = 1): Promise<void> => {
    for (let waited = 0; events.length < count && waited < 3000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 100));
  };

  it('publishes a draft when its time has come, once, through the Document Service', async () => {
    const draft = await createArticleGraph(app.strapi, { slug: 'terbit-terjadwal', title: 'Terbit Terjadwal', status: 'draft' });
    await docs().update({ documentId: draft.articleId, locale: 'id', data: { scheduledPublishAt: '2030-01-01T00:00:00.000Z' } });
    events.length = 0;

    expect(await schedule().runDue(new Date('2029-12-31T23:59:59.000Z'))).toEqual({ published: [], unpublished: [] });
    await get('/api/articles/slug/terbit-terjadwal?locale=id').expect(404);

    expect(await schedule().runDue(new Date('2030-01-01T00:00:00.000Z'))).toEqual({ published: [draft.articleId], unpublished: [] });
    expect(await schedule().runDue(new Date('2030-01-01T00:01:00.000Z'))).toEqual({ published: [], unpublished: [] });
    // Strapi emits the Document Service's events after the commit, without waiting for their listeners.
    await eventsSettled();
    expect(events).toEqual([{ event: 'entry.publish', documentId: draft.articleId }]);

    await get('/api/articles/slug/terbit-terjadwal?locale=id').expect(200);
    const stored = await app.strapi.db.query(ARTICLE).findMany({ where: { documentId: draft.articleId }, select: ['publishedAt', 'scheduledPublishAt'] });
    expect(stored).toHaveLength(2);
    expect(stored.every((row: { scheduledPublishAt: unknown }) => row.scheduledPublishAt === null)).toBe(true);
  });

  it('unpublishes a published article when its time has come, once', async () => {
    const live = await createArticleGraph(app.strapi, { slug: 'turun-terjadwal', title: 'Turun Terjadwal' });
    await docs().update({ documentId: live.articleId, locale: 'id', data: { scheduledUnpublishAt: '2030-02-01T00:00:00.000Z' } });
    events.length = 0;

    expect(await schedule().runDue(new Date('2030-01-15T00:00:00.000Z'))).toEqual({ published: [], unpublished: [] });
    await get('/api/articles/slug/turun-terjadwal?locale=id').expect(200);
    expect(await schedule().runDue(new Date('2030-02-01T00:00:00.000Z'))).toEqual({ published: [], unpublished: [live.articleId] });
    expect(await schedule().runDue(new Date('2030-02-02T00:00:00.000Z'))).toEqual({ published: [], unpublished: [] });
    await eventsSettled();
    expect(events).toEqual([{ event: 'entry.unpublish', documentId: live.articleId }]);
    await get('/api/articles/slug/turun-terjadwal?locale=id').expect(404);
  });

  it('never exposes the schedule to the public', async () => {
    const response = await get('/api/articles?locale=id&filters[scheduledPublishAt][$null]=true').expect(400);
    expect(JSON.stringify(response.body)).toContain('scheduledPublishAt');
    const page = await get('/api/articles/slug/terbit-terjadwal?locale=id').expect(200);
    expect(page.body.data).not.toHaveProperty('scheduledPublishAt');
    expect(page.body.data).not.toHaveProperty('scheduledUnpublishAt');
  });
});

describe('the Content Manager in Indonesian', () => {
  const views = () => app.strapi.plugin('content-manager').service('content-types');
  const article = () => views().findConfiguration(app.strapi.contentType(ARTICLE as never));

  it('labels and describes every field in Indonesian, components included', async () => {
    const { metadatas } = await article();
    expect(metadatas.title.edit).toMatchObject({ label: 'Judul', description: 'Judul berita seperti yang dimuat.' });
    expect(metadatas.corrections.edit.label).toBe('Ralat dan hak jawab');
    expect(metadatas.reporters.edit.label).toBe('Penulis');
    expect(metadatas.publishedDate.list.label).toBe('Tanggal terbit');
    const photo = await views().findConfiguration(app.strapi.contentType('api::photo.photo' as never));
    expect(photo.metadatas.credit.edit.label).toBe('Kredit foto');
    const correction = await app.strapi.plugin('content-manager').service('components').findConfiguration(app.strapi.components['newsroom.correction' as never]);
    expect(correction.metadatas.issuedAt.edit.label).toBe('Waktu terbit');
  });

  it('gives every field an editor sees on the four types and the correction an Indonesian label and description; the article list shows title, date, section', async () => {
    const missing: string[] = [];
    for (const uid of ['api::article.article', 'api::reporter.reporter', 'api::photo.photo', 'api::related-link.related-link', 'newsroom.correction']) {
      const isComponent = !uid.includes('::');
      const schema = isComponent ? app.strapi.components[uid as never] : app.strapi.contentType(uid as never);
      const { metadatas } = await app.strapi.plugin('content-manager').service(isComponent ? 'components' : 'content-types').findConfiguration(schema);
      for (const field of Object.keys((schema as { attributes: Record<string, unknown> }).attributes)) {
        const edit = metadatas[field]?.edit;
        // Strapi's own fields (createdAt, publishedAt, locale…) have no edit form entry; the importer's bookkeeping is hidden.
        if (!edit || edit.visible === false) continue;
        if (!edit.label || edit.label === field || !edit.description) missing.push(`${uid}.${field}`);
      }
    }
    expect(missing).toEqual([]);
    // Strapi adds the status column itself to a draft & publish type's list.
    expect((await article()).layouts.list).toEqual(['title', 'publishedDate', 'section', 'outlet']);
  });

  it("keeps a label an editor wrote when the texts are applied again", async () => {
    const contentType = app.strapi.contentType(ARTICLE as never);
    const config = await article();
    config.metadatas.section.edit = { ...config.metadatas.section.edit, label: 'Kanal' };
    await views().updateConfiguration(contentType, config);
    await app.strapi.store({ type: 'app', name: 'kabar' }).set({ key: 'editor-labels-version', value: 0 });
    const { applyIndonesianLabels } = await import('../../src/bootstrap/editor-views');
    await applyIndonesianLabels(app.strapi);
    const after = await article();
    expect(after.metadatas.section.edit.label).toBe('Kanal');
    expect(after.metadatas.title.edit.label).toBe('Judul');
  });
});

/**
 * Undoing a batch (issue 12): `POST /news-importer/batches/:batchId/undo` and `npm run import -- --undo BATCH`
 * put every table back as it was before the batch, row by row (ids and values), delete what it created,
 * restore what it updated, refuse when an article was changed after the import, announce the undo
 * with the Document Service's events and record it in the history.
 */
import path from 'node:path';
import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/admin';
import { runProcess } from '../helpers/processes';
import { SEED_TEXT } from '../helpers/seed';
import { getService } from '../../src/plugins/news-importer/server/src/utils';

const ROOT = path.resolve(__dirname, '..', '..');
const ENGLISH_FILE = path.join(ROOT, 'tests/fixtures/tempo/en-tempo-2020-01-20-south-korea-confirms-first-coronavirus-case.txt');
const SEED_TITLE = 'Cina dan Rusia Janji Akan Saling Dukung';
const ARTICLE = 'api::article.article';
const PHOTO = 'api::photo.photo';
const LINK = 'api::related-link.related-link';
const REPORTER = 'api::reporter.reporter';
const RECORD_UID = 'plugin::news-importer.import-record';
const EVENTS = ['entry.create', 'entry.update', 'entry.publish', 'entry.unpublish', 'entry.delete'] as const;
/** Every table an import or an undo writes, but the history. */
const TABLES = [
  'articles',
  'photos',
  'related_links',
  'reporters',
  'articles_reporters_lnk',
  'articles_editors_lnk',
  'articles_translators_lnk',
  'photos_article_lnk',
  'related_links_article_lnk',
  'related_links_target_lnk',
  'files_related_mph',
  'articles_cmps',
];

let app: TestApp;
let superAdmin: string;
let editor: string;
const hub: Array<{ event: string; uid: string; entry: Record<string, unknown> }> = [];

beforeAll(async () => {
  app = await startStrapi();
  superAdmin = await adminToken(app, 'pemred@kabar.test', 'strapi-super-admin');
  editor = await adminToken(app, 'editor@kabar.test', 'strapi-editor');
  for (const event of EVENTS) {
    app.strapi.eventHub.on(event, async (info: { uid: string; entry: Record<string, unknown> }) => {
      hub.push({ event, uid: info.uid, entry: info.entry });
    });
  }
  // Content that was there before any batch of this file: an English story, its reporters.
  await getService(app.strapi, 'imports').run({ text: require('node:fs').readFileSync(ENGLISH_FILE), fileName: 'en.txt' }, { kind: 'seed' });
});
afterAll(async () => {
  await app?.stop();
});

/** Every row of every table but the history's, by id: what "as before" means. */
async function tables(): Promise<Record<string, unknown[]>> {
  const knex = app.strapi.db.connection;
  const all: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    if (!(await knex.schema.hasTable(table))) continue;
    all[table] = await knex(table).select('*').orderBy('id', 'asc');
  }
  return all;
}

const importText = (body: Record<string, unknown>, token: string = superAdmin) =>
  request(app.server).post('/news-importer/import').set('Authorization', `Bearer ${token}`).send(body);
const undo = (batchId: string, token: string = superAdmin) =>
  request(app.server).post(`/news-importer/batches/${encodeURIComponent(batchId)}/undo`).set('Authorization', `Bearer ${token}`).send({});
const undoneRecords = (batchId: string) =>
  app.strapi.db.query(RECORD_UID as never).findMany({ where: { batchId, action: 'undone' }, orderBy: { id: 'asc' } }) as Promise<Array<Record<string, unknown>>>;

/** The seed page under another title (another story), its byline, photo caption, source and first related item changed when asked. */
function variant(title: string, changed = false): string {
  const text = SEED_TEXT.replace(SEED_TITLE, title);
  if (!changed) return text;
  const firstRelated = 'AS Batasi Izin Ekspor Teknologi untuk Cina, Qualcomm dan Intel Tak Bisa Pasok Chip ke Huawei';
  return text
    .replace('Reporter\n\nTempo.co', 'Reporter\n\nDewi Anggraini')
    .replace('Stefani Reynolds/Pool via REUTERS', 'Stefani Reynolds/REUTERS')
    .replace('Sumber: RT.com', 'Sumber: RT.com, Reuters')
    .split(firstRelated)
    .join('AS Batasi Ekspor Chip ke Huawei');
}

describe('import → undo', () => {
  it('deletes what a batch created (articles, photos, links, its new reporters): every table as before, row by row', async () => {
    const before = await tables();
    const first = await importText({ text: SEED_TEXT, fileName: 'satu.txt' });
    expect(first.status).toBe(200);
    const batchId = first.body.batchId as string;
    // A second story joins the batch, crediting the same new reporter.
    const second = await importText({ text: variant('Cina dan Rusia Bertemu Lagi'), fileName: 'dua.txt', batchId });
    expect(second.body).toMatchObject({ action: 'created', batchId });
    expect(await tables()).not.toEqual(before);

    hub.splice(0);
    const response = await undo(batchId);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      batchId,
      articles: [
        { documentId: second.body.documentId, title: 'Cina dan Rusia Bertemu Lagi', locale: 'id', slug: second.body.slug, action: 'deleted' },
        { documentId: first.body.documentId, title: SEED_TITLE, locale: 'id', slug: first.body.slug, action: 'deleted' },
      ],
      reportersDeleted: first.body.counts.reportersCreated,
    });
    expect(await tables()).toEqual(before);

    // The Document Service's events, after the commit: every deleted row once.
    const deletes = hub.filter((e) => e.event === 'entry.delete');
    expect(deletes.length).toBe(hub.length);
    const count = (uid: string) => deletes.filter((e) => e.uid === uid).length;
    expect(count(ARTICLE)).toBe(4); // two stories, draft and published
    expect(count(PHOTO)).toBe(2 * 2 * first.body.counts.photos);
    expect(count(LINK)).toBe(2 * 2 * first.body.counts.relatedLinks);
    expect(count(REPORTER)).toBe(first.body.counts.reportersCreated);
    expect(deletes.find((e) => e.uid === ARTICLE)?.entry).toMatchObject({ documentId: second.body.documentId, locale: 'id' });

    // Recorded: who, how, which batch, which articles.
    const records = await undoneRecords(batchId);
    expect(records.map((r) => r.articleDocumentId)).toEqual([second.body.documentId, first.body.documentId]);
    expect(records[0]).toMatchObject({ outcome: 'ok', action: 'undone', via: 'admin', actor: expect.stringMatching(/^admin:\d+$/) });
    const history = await request(app.server).get('/news-importer/history').set('Authorization', `Bearer ${superAdmin}`);
    expect(history.body.data[0]).toMatchObject({ batchId, action: 'undone', article: { documentId: first.body.documentId } });

    // Once only.
    expect((await undo(batchId)).body).toMatchObject({ code: 'ALREADY_UNDONE' });
    expect((await undo(batchId)).status).toBe(409);
  });

  it('puts back what a batch updated exactly: fields, byline, photos, links (same rows, same values)', async () => {
    const imports = getService(app.strapi, 'imports');
    const title = 'Berita Yang Akan Diperbarui';
    const original = await imports.run({ text: variant(title), fileName: 'asli.txt' }, { kind: 'cli' });
    expect(original.report.action).toBe('created');
    const before = await tables();

    const updated = await imports.run({ text: variant(title, true), fileName: 'perbaikan.txt' }, { kind: 'cli' });
    expect(updated.report.action).toBe('updated');
    expect(updated.changes?.byline.added).toEqual(['Dewi Anggraini']);
    expect(await tables()).not.toEqual(before);

    hub.splice(0);
    const report = await imports.undo(updated.report.batchId!, { kind: 'cli' });
    expect(report.articles).toEqual([{ documentId: original.report.documentId, title, locale: 'id', slug: original.report.slug, action: 'restored' }]);
    expect(report.reportersDeleted).toBe(1); // Dewi Anggraini, whom nothing else credits
    expect(await tables()).toEqual(before);

    const seen = hub.map((e) => `${e.event} ${e.uid}`);
    expect(seen.filter((e) => e.endsWith(ARTICLE))).toEqual([`entry.update ${ARTICLE}`, `entry.publish ${ARTICLE}`]);
    expect(seen.filter((e) => e === `entry.create ${PHOTO}`).length).toBe(original.report.counts.photos);
    expect(seen.filter((e) => e === `entry.delete ${PHOTO}`).length).toBe(2 * updated.report.counts.photos);
    expect(seen).toContain(`entry.delete ${REPORTER}`);
    // The article as the API reads it: the previous version.
    const article = await app.strapi.documents(ARTICLE).findOne({ documentId: original.report.documentId!, locale: 'id', status: 'published', populate: ['reporters', 'photos', 'relatedLinks'] });
    expect(article).toMatchObject({ title, sourceName: 'RT.com' });
    expect((article as unknown as { reporters: Array<{ name: string }> }).reporters.map((r) => r.name)).not.toContain('Dewi Anggraini');
    expect(await undoneRecords(updated.report.batchId!)).toEqual([expect.objectContaining({ via: 'cli', actor: 'cli', articleDocumentId: original.report.documentId })]);
  });

  it('restores an article that had only a draft: the published version the import added goes (entry.unpublish)', async () => {
    const imports = getService(app.strapi, 'imports');
    const title = 'Berita Yang Masih Draf';
    await imports.run({ text: variant(title), fileName: 'draf.txt', status: 'draft' }, { kind: 'cli' });
    const before = await tables();
    const published = await imports.run({ text: variant(title, true), fileName: 'terbit.txt' }, { kind: 'cli' });
    expect(published.report.action).toBe('updated');
    hub.splice(0);
    await imports.undo(published.report.batchId!, { kind: 'cli' });
    expect(await tables()).toEqual(before);
    expect(hub.filter((e) => e.uid === ARTICLE).map((e) => e.event)).toEqual(['entry.unpublish', 'entry.update']);
  });
});

describe('refusals', () => {
  it('refuses, naming the article, when an editor changed it after the import; nothing changes', async () => {
    const title = 'Berita Yang Disunting Redaktur';
    const imported = await importText({ text: variant(title), fileName: 'sunting.txt' });
    expect(imported.status).toBe(200);
    await app.strapi.documents(ARTICLE).update({ documentId: imported.body.documentId, locale: 'id', data: { subtitle: 'Diperbaiki redaktur' } as never });
    const before = await tables();
    hub.splice(0);

    const response = await undo(imported.body.batchId);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'CHANGED_SINCE_IMPORT' });
    expect(response.body.message).toContain(`"${title}" (id/${imported.body.slug})`);
    expect(await tables()).toEqual(before);
    expect(hub).toEqual([]);
    expect(await undoneRecords(imported.body.batchId)).toEqual([]);
  });

  it('refuses when a later import changed the article (undo the newest batch first)', async () => {
    const title = 'Berita Yang Diimpor Dua Kali';
    const first = await importText({ text: variant(title), fileName: 'a.txt' });
    const second = await importText({ text: variant(title, true), fileName: 'b.txt' });
    expect(second.body.action).toBe('updated');
    expect((await undo(first.body.batchId)).body).toMatchObject({ code: 'CHANGED_SINCE_IMPORT' });
    expect((await undo(second.body.batchId)).status).toBe(200);
    expect((await undo(first.body.batchId)).status).toBe(200);
  });

  it('answers 404 for an unknown batch, 400 for a malformed id, 422 for a batch that changed nothing, 403 without the import permission', async () => {
    expect(await undo('zzzzzzzzzzzzzzzzzzzz')).toMatchObject({ status: 404, body: { code: 'BATCH_NOT_FOUND' } });
    expect(await undo('Not-A-Batch!')).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST', details: { field: 'batchId' } } });
    const unchanged = await importText({ text: SEED_TEXT.replace(SEED_TITLE, 'Berita Yang Diimpor Dua Kali') });
    const again = await importText({ text: SEED_TEXT.replace(SEED_TITLE, 'Berita Yang Diimpor Dua Kali') });
    expect(again.body.action).toBe('unchanged');
    expect(await undo(again.body.batchId)).toMatchObject({ status: 422, body: { code: 'NOT_UNDOABLE' } });
    expect((await undo(unchanged.body.batchId, editor)).status).toBe(403);
    expect((await request(app.server).post(`/news-importer/batches/${unchanged.body.batchId}/undo`)).status).toBe(401);
  });
});

describe('npm run import -- --undo BATCH', () => {
  it('undoes a batch from the command line (another process, same database) and says what it did', async () => {
    const before = await tables();
    const { report } = await getService(app.strapi, 'imports').run({ text: variant('Berita Dari Baris Perintah'), fileName: 'cli.txt' }, { kind: 'cli' });
    const run = await runProcess('npm', ['run', '--silent', 'import', '--', '--undo', report.batchId!, '--json'], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'error' } });
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, report: { batchId: report.batchId, articles: [{ documentId: report.documentId, action: 'deleted' }] } });
    expect(await tables()).toEqual(before);
    expect(await undoneRecords(report.batchId!)).toEqual([expect.objectContaining({ via: 'cli' })]);

    const refused = await runProcess('npm', ['run', '--silent', 'import', '--', '--undo', report.batchId!], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'error' } });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('ALREADY_UNDONE');
  });
});

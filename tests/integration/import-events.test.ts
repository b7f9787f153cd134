/**
 * Imports announce themselves as Strapi's Document Service does: `entry.*` events on the event hub,
 * after the commit, delivered by a webhook configured in Settings → Webhooks to a real HTTP receiver
 * on loopback, from the admin route and from `npm run import` (another process, same database).
 */
import path from 'node:path';
import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { adminToken } from '../helpers/admin';
import { runProcess } from '../helpers/processes';
import { SEED_TEXT } from '../helpers/seed';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';
import { sanitize } from '@strapi/utils';
import { eventPopulate, outputSanitizer, webhooksDelivered } from '../../src/plugins/news-importer/server/src/importer/events';

const ROOT = path.resolve(__dirname, '..', '..');
const ENGLISH_FILE = path.join(ROOT, 'tests/fixtures/tempo/en-tempo-2020-01-20-south-korea-confirms-first-coronavirus-case.txt');
const EVENTS = ['entry.create', 'entry.update', 'entry.publish', 'entry.unpublish', 'entry.delete'] as const;
const ARTICLE = 'api::article.article';
const PHOTO = 'api::photo.photo';
const LINK = 'api::related-link.related-link';
const REPORTER = 'api::reporter.reporter';

interface HubEvent {
  event: string;
  uid: string;
  model: string;
  entry: Record<string, unknown>;
}

let app: TestApp;
let token: string;
let receiver: WebhookReceiver;
const hub: HubEvent[] = [];

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  app = await startStrapi();
  token = await adminToken(app, 'webhook@kabar.test', 'strapi-super-admin');
  // Configured as an editor does it, through the admin's webhook route (development mode accepts loopback URLs).
  const created = await request(app.server)
    .post('/admin/webhooks')
    .set('Authorization', `Bearer ${token}`)
    .send({ name: 'revalidate', url: receiver.url, headers: {}, events: [...EVENTS] });
  expect({ status: created.status, body: created.body }).toMatchObject({ status: 201, body: { data: { isEnabled: true } } });
  for (const event of EVENTS) {
    app.strapi.eventHub.on(event, async (info: { uid: string; model: string; entry: Record<string, unknown> }) => {
      hub.push({ event, ...info });
    });
  }
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

const importText = (body: Record<string, unknown>) =>
  request(app.server).post('/news-importer/import').set('Authorization', `Bearer ${token}`).send(body);

/** Clears what the hub and the receiver saw, runs `work`, and waits until every delivery went out. */
async function observe(work: () => Promise<unknown>): Promise<{ hub: HubEvent[]; deliveries: WebhookReceiver['deliveries'] }> {
  hub.splice(0);
  receiver.clear();
  await work();
  expect(await webhooksDelivered(app.strapi)).toBe(true);
  return { hub: [...hub], deliveries: [...receiver.deliveries] };
}

const short = (e: { event: string; uid: string; entry: Record<string, unknown> }): string => `${e.event} ${e.uid} ${String(e.entry.documentId)}`;

describe('an import through the admin route', () => {
  let documentId: string;

  it('emits create and publish for every new document, in write order, after the commit; the webhook gets each once', async () => {
    let response: request.Response | undefined;
    const seen = await observe(async () => {
      response = await importText({ text: SEED_TEXT, fileName: 'seed.txt' });
    });
    expect(response!.status).toBe(200);
    documentId = response!.body.documentId;

    const kinds = seen.hub.map((e) => `${e.event} ${e.uid}`);
    expect(kinds).toEqual([
      `entry.create ${REPORTER}`,
      `entry.create ${ARTICLE}`,
      `entry.publish ${ARTICLE}`,
      ...Array.from({ length: 2 }, () => [`entry.create ${PHOTO}`, `entry.publish ${PHOTO}`]).flat(),
      ...Array.from({ length: 11 }, () => [`entry.create ${LINK}`, `entry.publish ${LINK}`]).flat(),
    ]);
    // One document, one create and one publish: no duplicates.
    expect(new Set(seen.hub.map(short)).size).toBe(seen.hub.length);

    // The article's events carry the entry Strapi sanitises: the published version with its relations.
    const publish = seen.hub.find((e) => e.event === 'entry.publish' && e.uid === ARTICLE)!;
    expect(publish.model).toBe('article');
    expect(publish.entry).toMatchObject({ documentId, locale: 'id', title: 'Cina dan Rusia Janji Akan Saling Dukung', publishedAt: expect.anything() });
    expect((publish.entry.reporters as Array<{ name: string }>).map((r) => r.name)).toEqual(['Tempo.co']);
    expect(publish.entry.photos).toHaveLength(2);
    const create = seen.hub.find((e) => e.event === 'entry.create' && e.uid === ARTICLE)!;
    expect(create.entry.publishedAt).toBeNull();

    // The webhook got the same events, each as `{ event, createdAt, model, uid, entry }` with the X-Strapi-Event header.
    expect(seen.deliveries.map((d) => short({ ...d.body })).sort()).toEqual(seen.hub.map(short).sort());
    for (const delivery of seen.deliveries) {
      expect(delivery.event).toBe(delivery.body.event);
      expect(Object.keys(delivery.body).sort()).toEqual(['createdAt', 'entry', 'event', 'model', 'uid']);
    }
    const delivered = seen.deliveries.find((d) => d.body.event === 'entry.publish' && d.body.uid === ARTICLE)!;
    expect(delivered.body.entry).toEqual(JSON.parse(JSON.stringify(publish.entry)));
  });

  it('gives the entry the shape the Document Service gives it', async () => {
    const seen = await observe(async () => {
      await app.strapi.documents(ARTICLE as never).create({
        data: { title: 'Ditulis di Content Manager', slug: 'ditulis-di-content-manager', body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Isi.' }] }], publishedDate: new Date('2024-01-01T00:00:00Z') },
        locale: 'id',
        status: 'published',
      } as never);
      // The Document Service emits after its commit without awaiting it: wait for its two events.
      for (let tries = 0; hub.filter((e) => e.uid === ARTICLE).length < 2 && tries < 500; tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    });
    // Strapi emits its two events without awaiting either, so on PostgreSQL publish may arrive first:
    // the shapes are compared per event, the order of the import's own events is checked above.
    const shapes = (events: HubEvent[]) =>
      Object.fromEntries(events.filter((e) => e.uid === ARTICLE).map((e) => [e.event, Object.keys(e.entry).sort()]));
    const byService = shapes(seen.hub);
    const imported = await observe(() => importText({ text: SEED_TEXT.replace('Cina dan Rusia Janji Akan Saling Dukung', 'Bentuk Entri Yang Sama') }));
    expect(Object.keys(byService).sort()).toEqual(['entry.create', 'entry.publish']);
    expect(shapes(imported.hub)).toEqual(byService);
  });

  it('gives every entry exactly what Strapi\'s own output sanitiser gives the row read with the event populate (private fields gone at every level)', async () => {
    const imported = await observe(() => importText({ text: SEED_TEXT.replace('Cina dan Rusia Janji Akan Saling Dukung', 'Disaring Seperti Strapi') }));
    const created = imported.hub.filter((e) => e.event !== 'entry.delete');
    expect(new Set(created.map((e) => e.uid))).toEqual(new Set([ARTICLE, PHOTO, LINK]));
    for (const event of created) {
      const row = await app.strapi.db.query(event.uid as never).findOne({ where: { id: event.entry.id }, populate: eventPopulate(app.strapi, event.uid) } as never);
      const expected = await sanitize.sanitizers.defaultSanitizeOutput({ schema: app.strapi.getModel(event.uid as never), getModel: (uid: string) => app.strapi.getModel(uid as never) }, row as never);
      expect({ uid: event.uid, entry: event.entry }).toEqual({ uid: event.uid, entry: expected });
    }
    // The article a photo belongs to comes without its private import fields.
    const photo = created.find((e) => e.uid === PHOTO)!;
    expect(photo.entry.article).toEqual(expect.objectContaining({ title: 'Disaring Seperti Strapi' }));
    expect(photo.entry.article).not.toHaveProperty('importKey');
    expect(photo.entry.article).not.toHaveProperty('contentHash');
  });

  it('sanitises as Strapi\'s own output sanitiser does for every type of the app, with every attribute set, two levels deep', async () => {
    const getModel = (uid: string) => app.strapi.getModel(uid as never) as unknown as { uid: string; attributes: Record<string, Record<string, unknown>> };
    // An entity of `uid` with a value for every attribute (and a key that is no attribute); related
    // rows, components and dynamic-zone items filled the same way one level down. Every row its own id
    // (the sanitiser sanitises a related row once per type and id).
    let next = 0;
    const entity = (uid: string, depth: number): Record<string, unknown> => {
      const id = (next += 1);
      const out: Record<string, unknown> = { id, documentId: `doc-${uid}-${id}`, notAnAttribute: 'stays' };
      for (const [key, attribute] of Object.entries(getModel(uid).attributes)) {
        const nested = (target: string) => (depth > 0 ? entity(target, depth - 1) : { id: (next += 1) });
        if (attribute.type === 'relation' && String(attribute.relation).startsWith('morph')) out[key] = [{ ...nested(ARTICLE), __type: ARTICLE }];
        else if (attribute.type === 'relation') out[key] = String(attribute.relation).endsWith('Many') ? [nested(String(attribute.target)), nested(String(attribute.target))] : nested(String(attribute.target));
        else if (attribute.type === 'media') out[key] = attribute.multiple ? [nested('plugin::upload.file')] : nested('plugin::upload.file');
        else if (attribute.type === 'component') out[key] = attribute.repeatable ? [entity(String(attribute.component), 0)] : entity(String(attribute.component), 0);
        else if (attribute.type === 'dynamiczone') out[key] = [null, ...(attribute.components as string[]).map((component) => ({ ...entity(component, 0), __component: component }))];
        else out[key] = `${key} value`;
      }
      return out;
    };
    const uids = [...Object.keys(app.strapi.contentTypes), ...Object.keys(app.strapi.components)];
    const ours = outputSanitizer(app.strapi);
    let removed = 0;
    for (const uid of uids) {
      const input = entity(uid, 1);
      const before = JSON.stringify(input);
      const expected = await sanitize.sanitizers.defaultSanitizeOutput({ schema: app.strapi.getModel(uid as never), getModel: (u: string) => app.strapi.getModel(u as never) }, input as never);
      expect({ uid, entry: ours(uid, input) }).toEqual({ uid, entry: expected });
      expect(JSON.stringify(input)).toBe(before); // the entry given is never changed
      removed += Object.keys(input).length - Object.keys(expected as object).length;
    }
    // Private and password attributes were there to remove (the article's import fields, the admin user's password).
    expect(removed).toBeGreaterThan(5);
  });

  it('announces an import through the API-token route to the webhook too', async () => {
    const { accessKey } = (await app.strapi.service('admin::api-token').create({ name: 'skrip webhook', type: 'full-access', lifespan: null })) as { accessKey: string };
    let response: request.Response | undefined;
    const seen = await observe(async () => {
      response = await request(app.server)
        .post('/api/news-importer/import')
        .set('Authorization', `Bearer ${accessKey}`)
        .send({ text: SEED_TEXT.replace('Cina dan Rusia Janji Akan Saling Dukung', 'Lewat Token API') });
    });
    expect(response!.status).toBe(200);
    const article = seen.deliveries.filter((d) => d.body.uid === ARTICLE).map((d) => `${String(d.body.event)} ${String((d.body.entry as { documentId?: string }).documentId)}`);
    expect(article.sort()).toEqual([`entry.create ${response!.body.documentId}`, `entry.publish ${response!.body.documentId}`]);
    expect(seen.deliveries).toHaveLength(seen.hub.length);
  });

  it('emits nothing for an unchanged import, a dry run or a preview', async () => {
    const seen = await observe(async () => {
      expect((await importText({ text: SEED_TEXT })).body.action).toBe('unchanged');
      expect((await importText({ text: SEED_TEXT, dryRun: true })).body.dryRun).toBe(true);
      expect((await request(app.server).post('/news-importer/preview').set('Authorization', `Bearer ${token}`).send({ text: SEED_TEXT })).status).toBe(200);
    });
    expect(seen.hub).toEqual([]);
    expect(seen.deliveries).toEqual([]);
  });

  it('announces an update: the replaced photos and links deleted, the article updated and published, the new ones created', async () => {
    const changed = SEED_TEXT.replace('Sumber: RT.com', 'Sumber: RT.com, Reuters');
    const seen = await observe(async () => {
      const response = await importText({ text: changed });
      expect(response.body).toMatchObject({ action: 'updated', documentId });
    });
    const kinds = seen.hub.map((e) => `${e.event} ${e.uid}`);
    // Each replaced photo and link: its draft and its published row, as the Document Service deletes them.
    expect(kinds.slice(0, 26)).toEqual([...Array(4).fill(`entry.delete ${PHOTO}`), ...Array(22).fill(`entry.delete ${LINK}`)]);
    expect(kinds.slice(26, 28)).toEqual([`entry.update ${ARTICLE}`, `entry.publish ${ARTICLE}`]);
    expect(kinds.slice(28)).toEqual([
      ...Array.from({ length: 2 }, () => [`entry.create ${PHOTO}`, `entry.publish ${PHOTO}`]).flat(),
      ...Array.from({ length: 11 }, () => [`entry.create ${LINK}`, `entry.publish ${LINK}`]).flat(),
    ]);
    const update = seen.hub.find((e) => e.event === 'entry.update')!;
    expect(update.entry).toMatchObject({ documentId, sourceName: 'RT.com, Reuters', publishedAt: null });
    const deleted = seen.hub.find((e) => e.event === 'entry.delete')!;
    expect(deleted.entry).toMatchObject({ documentId: expect.any(String), caption: expect.any(String) });
    expect(seen.deliveries).toHaveLength(seen.hub.length);
    expect((await importText({ text: SEED_TEXT })).body.action).toBe('updated');
    expect(await webhooksDelivered(app.strapi)).toBe(true); // its deliveries belong to this case, not the next
  });

  it('emits nothing for a failed import, nor for one rolled back midway', async () => {
    const fail = (): never => {
      throw new Error('disk penuh');
    };
    const seen = await observe(async () => {
      expect((await importText({ text: 'Hanya satu paragraf tanpa judul.' })).status).toBe(422);
      const unsubscribe = app.strapi.db.lifecycles.subscribe({ models: [LINK], beforeCreateMany: fail }) as unknown as () => void;
      try {
        const text = SEED_TEXT.replace('Cina dan Rusia Janji Akan Saling Dukung', 'Digulung Balik').replace('Reporter\n\nTempo.co', 'Reporter\n\nWartawan Baru');
        expect((await importText({ text })).status).toBe(500);
      } finally {
        unsubscribe();
      }
    });
    expect(seen.hub).toEqual([]);
    expect(seen.deliveries).toEqual([]);
  });
});

describe('an import by `npm run import` (another process on the same database)', () => {
  it('delivers its events to the webhook before the command exits', async () => {
    receiver.clear();
    const run = await runProcess('npm', ['run', '--silent', 'import', '--', '--json', ENGLISH_FILE], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'error' },
    });
    expect(run.status).toBe(0);
    const [result] = JSON.parse(run.stdout) as Array<{ batchId: string; report: { documentId: string; batchId: string } }>;
    expect(result.report.batchId).toBe(result.batchId);
    // Everything is in by the time the process has exited: no waiting here.
    const kinds = receiver.deliveries.map((d) => `${d.body.event} ${d.body.uid}`).sort();
    expect(kinds).toEqual(
      [
        `entry.create ${REPORTER}`,
        `entry.create ${REPORTER}`,
        `entry.create ${ARTICLE}`,
        `entry.publish ${ARTICLE}`,
        `entry.create ${PHOTO}`,
        `entry.publish ${PHOTO}`,
        `entry.create ${LINK}`,
        `entry.publish ${LINK}`,
        `entry.create ${LINK}`,
        `entry.publish ${LINK}`,
      ].sort()
    );
    const article = receiver.deliveries.find((d) => d.body.event === 'entry.publish' && d.body.uid === ARTICLE)!;
    expect(article.body.entry).toMatchObject({ documentId: result.report.documentId, locale: 'en' });
    expect(article.event).toBe('entry.publish');
    // And it is in the history, by `cli`, with its batch.
    const [record] = await app.strapi.db.query('plugin::news-importer.import-record' as never).findMany({ orderBy: { id: 'desc' }, limit: 1 });
    expect(record).toMatchObject({ actor: 'cli', via: 'cli', batchId: result.batchId, action: 'created', articleDocumentId: result.report.documentId });
  });

  it('delivers nothing for a page that fails', async () => {
    receiver.clear();
    const run = await runProcess('npm', ['run', '--silent', 'import', '--', '--json', path.join(ROOT, 'package.json')], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'error' },
    });
    expect(run.status).toBe(1);
    expect(receiver.deliveries).toEqual([]);
  });
});

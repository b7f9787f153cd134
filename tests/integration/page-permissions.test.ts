import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { createArticleGraph } from '../helpers/builders';
import { SEED_SLUG } from '../helpers/seed';

/**
 * The article page's cache must follow the public role's permissions: a page built while the public
 * could read reporters must not be served after that permission is revoked, and the reverse.
 */

const PAGE = `/api/articles/slug/${SEED_SLUG}`;
const RELATION_TYPES = ['api::reporter.reporter', 'api::photo.photo', 'api::related-link.related-link'];

let app: TestApp;
let publicRole: number;
/** One listening address: the JSON-LD's ETag includes the origin its media URLs are built on. */
let base: string;

beforeAll(async () => {
  app = await startStrapi();
  await createArticleGraph(app.strapi);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  publicRole = (await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } })).id;
});
afterAll(async () => {
  await new Promise((resolve) => app.server.close(resolve));
  await app.stop();
});

/** What the admin's role editor does when a box is unticked or ticked again. */
async function setPublicFind(allowed: boolean): Promise<void> {
  const actions = RELATION_TYPES.map((uid) => `${uid}.find`);
  const permissions = app.strapi.db.query('plugin::users-permissions.permission');
  if (allowed) {
    for (const action of actions) await permissions.create({ data: { action, role: publicRole } });
  } else {
    await permissions.deleteMany({ where: { action: { $in: actions }, role: publicRole } });
  }
}

const shown = (body: { data: Record<string, unknown> }): string[] =>
  ['reporters', 'editors', 'translators', 'photos', 'relatedLinks'].filter((key) => key in body.data);

describe.each([
  ['the page', PAGE],
  ['the JSON-LD', `${PAGE}/jsonld`],
])('%s follows the public role’s current permissions', (_name, path) => {
  afterEach(async () => {
    const count = await app.strapi.db.query('plugin::users-permissions.permission').count({
      where: { action: 'api::reporter.reporter.find', role: publicRole },
    });
    if (count === 0) await setPublicFind(true);
  });

  it('drops reporters, photos and links as soon as their find permission is revoked, and brings them back', async () => {
    const before = await request(base).get(path);
    expect(before.status).toBe(200);
    const again = await request(base).get(path); // now answered from this process's page cache
    expect(again.text).toBe(before.text);

    await setPublicFind(false);
    const revoked = await request(base).get(path);
    expect(revoked.status).toBe(200);
    expect(revoked.headers.etag).not.toBe(before.headers.etag);
    const stale = await request(base).get(path).set('If-None-Match', before.headers.etag);
    expect(stale.status).toBe(200);

    await setPublicFind(true);
    const restored = await request(base).get(path);
    expect(restored.headers.etag).toBe(before.headers.etag);
    expect(restored.text).toBe(before.text);

    if (path === PAGE) {
      expect(shown(before.body)).toEqual(['reporters', 'editors', 'translators', 'photos', 'relatedLinks']);
      expect(shown(revoked.body)).toEqual([]);
    } else {
      expect(before.body.author.map((author: { name: string }) => author.name)).toEqual(['Tempo.co']);
      expect(before.body.image).toBeDefined();
      expect(revoked.body.author).toBeUndefined();
      expect(JSON.stringify(revoked.body)).not.toContain('REUTERS');
    }
  });
});

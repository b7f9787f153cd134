/**
 * Who may read what, tried from outside against a production server: drafts, draft oracles through
 * relation filters, private fields, the import history, unpublished bylines, and the page cache
 * after a permission change.
 */
import { NEWSROOM_TYPES, graphqlFilter, relationPaths, restFilter } from '../helpers/relation-paths';
import { ProbeFamily, SECRET, apiToken, call, graphql, importPage, startTarget, tempoPage, type Target } from './harness';

/** Case-insensitive: the parser keeps a name's capitals. */
const mentionsSecret = (text: string): boolean => text.toLowerCase().includes(SECRET);

let target: Target;
let preview: string;
const PUBLISHED_SLUG = 'banjir-rob-rendam-pesisir-utara';

beforeAll(async () => {
  target = await startTarget('read-rules');
  await importPage(target, tempoPage({ title: 'Banjir Rob Rendam Pesisir Utara', reporter: 'Sekar Wangi' }));
  // A draft credited to the same reporter: its title and caption carry the secret.
  await importPage(
    target,
    tempoPage({ title: `Rancangan ${SECRET} Anggaran Daerah`, reporter: 'Sekar Wangi', caption: `Dokumen ${SECRET} di meja rapat.`, date: 'Selasa, 15 Oktober 2024 10:00 WIB' }),
    { status: 'draft' }
  );
  // A draft whose reporter no published article credits.
  await importPage(
    target,
    tempoPage({ title: 'Liputan Khusus Belum Terbit', reporter: 'Wartawan Zirkonium', date: 'Rabu, 16 Oktober 2024 11:00 WIB' }),
    { status: 'draft' }
  );
  preview = await apiToken(target, 'pratinjau', 'read-only');
});
afterAll(async () => {
  await target?.stop();
});

describe('draft oracle through relation filters', () => {
  const probes = relationPaths(3);

  it('REST: no relation filter matches a draft row', async () => {
    const family = new ProbeFamily('draft oracle, REST relation filters');
    for (const probe of probes) {
      const root = NEWSROOM_TYPES[probe.root]!;
      const route = `/api/${root.rest}?${restFilter(probe.path, NEWSROOM_TYPES[probe.leaf]!.text, SECRET)}`;
      const answer = await call(target, 'GET', route);
      family.check(`${route} → ${answer.status} ${answer.json?.data?.length}`, answer.status === 400 || (answer.status === 200 && answer.json.data.length === 0));
    }
    family.report();
  });

  it('GraphQL: no relation filter matches a draft row', async () => {
    const family = new ProbeFamily('draft oracle, GraphQL relation filters');
    for (const probe of probes) {
      const root = NEWSROOM_TYPES[probe.root]!;
      const query = `{ ${root.graphql}(filters: ${graphqlFilter(probe.path, NEWSROOM_TYPES[probe.leaf]!.text, SECRET)}) { documentId } }`;
      const answer = await graphql(target, query);
      family.check(query, Boolean(answer.json?.errors) || answer.json?.data?.[root.graphql]?.length === 0);
    }
    // Nested relation arguments and populate filters walk the same relations.
    const nested = await graphql(target, `{ articles { reporters(filters: { articles: { title: { containsi: "${SECRET}" } } }) { name } } }`);
    family.check('nested relation argument', nested.json?.data?.articles?.every((a: { reporters: unknown[] }) => a.reporters.length === 0) === true);
    const populate = await call(target, 'GET', `/api/articles?populate[reporters][filters][articles][title][$containsi]=${SECRET}`);
    family.check('populate filter', populate.status === 200 && populate.json.data.every((a: { reporters: unknown[] }) => a.reporters.length === 0));
    const sort = await call(target, 'GET', '/api/reporters?sort[0][articles][title]=asc');
    family.check('sort through articles', sort.status === 400);
    family.report();
  });

  it('still finds published content through relations', async () => {
    const answer = await call(target, 'GET', `/api/articles?filters[reporters][articles][title][$containsi]=Banjir`);
    expect(answer.json.data.map((article: { slug: string }) => article.slug)).toEqual([PUBLISHED_SLUG]);
  });
});

describe('drafts are never public', () => {
  it('holds for status, populate, GraphQL status and documentId reads', async () => {
    const family = new ProbeFamily('drafts never public');
    const everyDraft = await call(target, 'GET', '/api/articles?status=draft&pagination[pageSize]=100', { token: preview });
    const draftIds: string[] = everyDraft.json.data
      .filter((a: { title: string }) => mentionsSecret(a.title) || a.title.startsWith('Liputan Khusus'))
      .map((a: { documentId: string }) => a.documentId);
    family.check('the preview token sees the two drafts', draftIds.length === 2);
    for (const route of [
      '/api/articles?status=draft',
      '/api/articles?status=draft&populate=*',
      '/api/articles?populate[photos]=true&status=draft',
      '/api/photos?status=draft',
      '/api/related-links?status=draft',
      `/api/articles?filters[title][$containsi]=${SECRET}&status=draft`,
      '/api/articles?locale=en&status=draft',
      ...draftIds.map((id) => `/api/articles/${id}?status=draft`),
    ]) {
      const answer = await call(target, 'GET', route);
      family.check(`${route} → ${answer.status}`, !mentionsSecret(answer.text) && answer.status < 500);
    }
    const bySlug = await call(target, 'GET', `/api/articles/slug/rancangan-${SECRET}-anggaran-daerah?status=draft`);
    family.check('the draft by slug', bySlug.status === 404);
    for (const query of [
      '{ articles(status: DRAFT) { title photos { caption } } }',
      '{ articles { photos(status: DRAFT) { caption } reporters { articles(status: DRAFT) { title } } } }',
      `{ articleBySlug(slug: "rancangan-${SECRET}-anggaran-daerah", status: DRAFT) { title } }`,
      '{ articles_connection(status: DRAFT) { nodes { title } pageInfo { total } } }',
    ]) {
      const answer = await graphql(target, query);
      family.check(query, !mentionsSecret(answer.text));
    }
    family.report();
  });
});

describe('feeds, sitemaps and ninjs list published articles only', () => {
  it('holds anonymously and for a full-access token, which reads drafts elsewhere', async () => {
    const family = new ProbeFamily('drafts never in feeds, sitemaps, ninjs');
    const editorial = await apiToken(target, 'redaksi-penuh', 'full-access');
    const routes = [
      '/api/feeds/rss?locale=id',
      '/api/feeds/atom?locale=id',
      '/api/feeds/rss?locale=en',
      '/api/feeds/atom?locale=id&section=Nasional',
      '/api/sitemap.xml',
      '/api/sitemap/articles.xml?locale=id',
      '/api/sitemap/news.xml',
    ];
    for (const token of [null, editorial]) {
      for (const route of routes) {
        const answer = await call(target, 'GET', route, { token });
        family.check(`${route} (${token ? 'full-access token' : 'anonymous'}) → ${answer.status}`, answer.status === 200 && !mentionsSecret(answer.text));
      }
    }
    // Positive control: the published article is there, so an empty answer would not pass for a safe one.
    const rss = await call(target, 'GET', '/api/feeds/rss?locale=id');
    family.check('the published article is in the feed', rss.status === 200 && rss.text.includes(`/${PUBLISHED_SLUG}<`));
    const sitemap = await call(target, 'GET', '/api/sitemap/articles.xml?locale=id');
    family.check('and in the sitemap', sitemap.status === 200 && sitemap.text.includes(`/${PUBLISHED_SLUG}<`));
    // The draft's ninjs answers exactly what a slug that never existed answers (the message repeats the asked slug).
    const nothing = await call(target, 'GET', '/api/articles/slug/tidak-pernah-ada/ninjs');
    for (const query of ['?status=draft', '']) {
      const slug = `rancangan-${SECRET}-anggaran-daerah`;
      const answer = await call(target, 'GET', `/api/articles/slug/${slug}/ninjs${query}`);
      family.check(
        `ninjs of the draft${query} → ${answer.status}`,
        answer.status === 404 && nothing.status === 404 && answer.text.replaceAll(slug, 'tidak-pernah-ada') === nothing.text
      );
    }
    family.report();
  });
});

describe('private fields and internal types', () => {
  it('refuses or hides importer fields, creator fields and the import history', async () => {
    const family = new ProbeFamily('private fields and internal types');
    for (const route of [
      '/api/articles?filters[importKey][$notNull]=true',
      '/api/articles?filters[contentHash][$startsWith]=a',
      '/api/articles?fields[0]=importKey',
      '/api/articles?sort=contentHash:asc',
      '/api/articles?populate[createdBy]=true',
      '/api/articles?filters[createdBy][email][$containsi]=example',
      '/api/articles?filters[updatedBy][id][$notNull]=true',
    ]) {
      const answer = await call(target, 'GET', route);
      family.check(`${route} → ${answer.status}`, answer.status === 400);
    }
    const page = await call(target, 'GET', `/api/articles/slug/${PUBLISHED_SLUG}`);
    family.check('the page shows no importer or creator field', page.status === 200 && !/importKey|contentHash|createdBy|redaksi@example\.com/.test(page.text));
    for (const route of ['/api/import-records', '/api/news-importer/history', '/api/news-importer/import-records', '/news-importer/history']) {
      const answer = await call(target, 'GET', route);
      family.check(`${route} → ${answer.status}`, [401, 403, 404, 405].includes(answer.status));
    }
    const history = await graphql(target, '{ importRecords { documentId } }');
    family.check('GraphQL importRecords', Boolean(history.json?.errors) && !history.text.includes('documentId"'));
    family.report();
  });
});

describe('unpublished bylines', () => {
  it('lists, finds and resolves only reporters credited on a published article', async () => {
    const family = new ProbeFamily('unpublished bylines');
    const list = await call(target, 'GET', '/api/reporters?pagination[pageSize]=100');
    family.check('REST list', list.status === 200 && !mentionsSecret(list.text) && list.json.data.length === 1);
    const hidden = await call(target, 'GET', `/api/reporters?filters[name][$containsi]=${SECRET}`, { token: preview });
    family.check('the preview token sees the hidden reporter', hidden.json?.data?.length === 1);
    const byId = await call(target, 'GET', `/api/reporters/${hidden.json.data[0].documentId}`);
    family.check('REST by documentId', byId.status === 404);
    for (const query of ['{ reporters { name } }', '{ reporters_connection { nodes { name } pageInfo { total } } }', `{ reporter(documentId: "${hidden.json.data[0].documentId}") { name } }`]) {
      const answer = await graphql(target, query);
      family.check(query, !mentionsSecret(answer.text));
    }
    family.report();
  });
});

describe('the page cache follows permissions', () => {
  /** Ticks or unticks the public role's `find` on reporters, photos and related links, as the admin panel does. */
  async function setPublicFind(enabled: boolean): Promise<void> {
    const roles = await call(target, 'GET', '/users-permissions/roles', { token: target.admin });
    const role = roles.json.roles.find((r: { type: string }) => r.type === 'public');
    const current = await call(target, 'GET', `/users-permissions/roles/${role.id}`, { token: target.admin });
    const permissions = current.json.role.permissions;
    for (const [api, controller] of [
      ['api::reporter', 'reporter'],
      ['api::photo', 'photo'],
      ['api::related-link', 'related-link'],
    ] as const) {
      permissions[api].controllers[controller].find.enabled = enabled;
    }
    const saved = await call(target, 'PUT', `/users-permissions/roles/${role.id}`, {
      token: target.admin,
      body: { name: current.json.role.name, description: current.json.role.description, permissions },
    });
    if (saved.status !== 200) throw new Error(`role update: ${saved.status} ${saved.text.slice(0, 200)}`);
  }

  it('never serves a page built under other permissions', async () => {
    const family = new ProbeFamily('page cache after permission changes');
    for (const path of [`/api/articles/slug/${PUBLISHED_SLUG}`, `/api/articles/slug/${PUBLISHED_SLUG}/jsonld`, `/api/articles/slug/${PUBLISHED_SLUG}/ninjs`]) {
      const before = await call(target, 'GET', path);
      await call(target, 'GET', path); // now in the process's page cache
      await setPublicFind(false);
      const revoked = await call(target, 'GET', path);
      const conditional = await call(target, 'GET', path, { headers: { 'If-None-Match': before.headers.get('etag') ?? '' } });
      await setPublicFind(true);
      const restored = await call(target, 'GET', path);
      family.check(`${path}: revoked shows no byline or photo`, revoked.status === 200 && !revoked.text.includes('Sekar Wangi') && !revoked.text.includes('TEMPO/Subekti'));
      family.check(`${path}: old ETag is not confirmed`, conditional.status === 200 && conditional.headers.get('etag') !== before.headers.get('etag'));
      family.check(`${path}: restored shows them again`, restored.text === before.text && before.text.includes('Sekar Wangi'));
    }
    family.report();
  });
});

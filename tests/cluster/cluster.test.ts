/**
 * The scale-out shape, proven on loopback: three `strapi start` processes on one fresh PostgreSQL
 * database behind Varnish (deploy/varnish/kabar.vcl), as README "Scaling out" describes. What one
 * process writes, every process and Varnish show within a second (purges by surrogate key through
 * the outbox, src/cache/); imports sent to several processes at once write each article once; the
 * admin login limit counts across processes; a process killed mid-import loses nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { httpCall, type HttpAnswer } from '../helpers/http';
import { APP_DIR } from '../helpers/production';
import { SEED_SLUG } from '../helpers/seed';
import { pollUntil, startCluster, type Cluster } from './harness';

const FIXTURES = path.join(APP_DIR, 'tests', 'fixtures', 'tempo');
// Indonesian pages with a whole body (not the paywall and login-wall teasers, not the seed itself): each imports as a new `id` article.
const fixtureTexts = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.txt') && !name.startsWith('en-') && !name.includes('paywall') && !name.includes('login-block') && !name.startsWith('tempo-2022-10-28-'))
  .sort()
  .map((name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
const ADMIN = { email: 'redaksi@example.com', password: 'Sandi-Uji-Kluster-2026', firstname: 'Uji', lastname: 'Kluster' };

let cluster: Cluster;
let admin: string;

const call = (base: string, method: string, route: string, body?: unknown, token?: string): Promise<HttpAnswer> =>
  httpCall(`${base}${route}`, method, { body, token, timeoutMs: 60_000 });

const url = (index: number): string => cluster.processes[index]!.url;

/** Imports a text through one process; a 503 (lost a race, nothing saved) is sent again, as the API says. */
async function importThrough(index: number, text: string): Promise<HttpAnswer> {
  for (let attempt = 0; ; attempt += 1) {
    const answer = await call(url(index), 'POST', '/news-importer/import', { text }, admin);
    if (answer.status !== 503 || attempt === 5) return answer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const page = (base: string, slug: string): Promise<HttpAnswer> => call(base, 'GET', `/api/articles/slug/${slug}?locale=id`);
const listing = (base: string): Promise<HttpAnswer> => call(base, 'GET', '/api/articles?locale=id&sort=publishedDate:desc&pagination[pageSize]=100');
const MODEL = '/content-manager/collection-types/api::article.article';

/** Creates an article in the Content Manager of one process (locale id) and publishes it; its documentId. */
async function createPublished(base: string, fields: Record<string, unknown>, token: string): Promise<string> {
  const created = await call(base, 'POST', `${MODEL}?locale=id`, fields, token);
  expect(created.status).toBe(201);
  const documentId = created.json.data.documentId as string;
  expect((await call(base, 'POST', `${MODEL}/${documentId}/actions/publish?locale=id`, {}, token)).status).toBe(200);
  return documentId;
}
const slugsOf = (answer: HttpAnswer): string[] => ((answer.json?.data ?? []) as Array<{ slug: string }>).map((item) => item.slug).sort();

beforeAll(async () => {
  // Each process checks the schedule every second, so the scheduling test waits seconds, not the default 15.
  cluster = await startCluster({ processes: 3, logDir: path.join(APP_DIR, 'test-results', 'cluster'), env: { NEWSROOM_SCHEDULE_INTERVAL: '1' } });
  const registered = await call(url(0), 'POST', '/admin/register-admin', ADMIN);
  if (registered.status !== 200) throw new Error(`register-admin: ${registered.status} ${JSON.stringify(registered.json)}`);
  admin = registered.json.data.token as string;
}, 420_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('three processes on one PostgreSQL database behind Varnish', () => {
  it('boot together on an empty database: one schema, one seed, and each of them answers, also through Varnish', async () => {
    expect(await cluster.rows('select count(*)::int as n from strapi_database_schema')).toEqual([{ n: 1 }]);
    expect(await cluster.rows('select slug, published_at is not null as published from articles order by published')).toEqual([
      { slug: SEED_SLUG, published: false },
      { slug: SEED_SLUG, published: true },
    ]);
    for (const base of [url(0), url(1), url(2), cluster.varnishUrl]) {
      expect((await page(base, SEED_SLUG)).status).toBe(200);
    }
  });

  it('names what a page and a listing show in xkey and Surrogate-Key, and Varnish keeps them', async () => {
    const direct = await page(url(1), SEED_SLUG);
    const documentId = direct.json.data.documentId as string;
    const reporter = direct.json.data.reporters[0].documentId as string;
    const keys = (direct.headers.get('xkey') ?? '').split(' ');
    expect(keys).toEqual(expect.arrayContaining([`article:${documentId}`, `reporter:${reporter}`, 'public']));
    expect(direct.headers.get('surrogate-key')).toBe(direct.headers.get('xkey'));
    expect((direct.headers.get('cache-control') ?? '')).toMatch(/stale-while-revalidate=\d+/);
    expect((await listing(url(2))).headers.get('xkey')?.split(' ')).toEqual(expect.arrayContaining(['articles:id', `article:${documentId}`]));

    await page(cluster.varnishUrl, SEED_SLUG);
    const again = await page(cluster.varnishUrl, SEED_SLUG);
    expect(again.headers.get('x-cache')).toBe('HIT');
    // Keys are for the cache, not for readers.
    expect(again.headers.get('xkey')).toBeNull();
  });

  it('imports of the same pages sent to different processes at once make one article each, one slug each', async () => {
    const texts = fixtureTexts.slice(0, 3);
    const answers = await Promise.all(texts.flatMap((text) => [0, 1, 2].map((index) => importThrough(index, text))));
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const rows = await cluster.rows<{ document_id: string; n: number }>(
      `select document_id, count(*)::int as n from articles where published_at is not null and slug <> $1 group by document_id`,
      [SEED_SLUG]
    );
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.n)).toEqual([1, 1, 1]);
    const slugs = await cluster.rows<{ slug: string }>('select distinct slug from articles where published_at is not null');
    expect(slugs).toHaveLength(4);
  });

  it('an import through one process is in the listing of every other process and of Varnish within 1 s', async () => {
    // Cached before the import: Varnish must drop it.
    await listing(cluster.varnishUrl);
    expect((await listing(cluster.varnishUrl)).headers.get('x-cache')).toBe('HIT');
    const imported = await importThrough(2, fixtureTexts[3]!);
    expect(imported.status).toBe(200);
    const slug = imported.json.slug as string;
    for (const base of [cluster.varnishUrl, url(0), url(1)]) {
      const seen = await pollUntil(() => listing(base), (answer) => slugsOf(answer).includes(slug));
      expect(slugsOf(seen)).toContain(slug);
    }
  });

  it('an edit published through one process is seen through the others and through Varnish within 1 s', async () => {
    const before = await page(cluster.varnishUrl, SEED_SLUG);
    expect((await page(cluster.varnishUrl, SEED_SLUG)).headers.get('x-cache')).toBe('HIT');
    const documentId = before.json.data.documentId as string;
    const title = 'Cina dan Rusia Janji Saling Dukung (diperbarui)';
    const model = '/content-manager/collection-types/api::article.article';
    const edited = await call(url(1), 'PUT', `${model}/${documentId}?locale=id`, { title }, admin);
    expect(edited.status).toBe(200);
    expect((await page(cluster.varnishUrl, SEED_SLUG)).json.data.title).toBe(before.json.data.title); // a draft is not public
    const published = await call(url(1), 'POST', `${model}/${documentId}/actions/publish?locale=id`, {}, admin);
    expect(published.status).toBe(200);
    for (const base of [cluster.varnishUrl, url(0), url(2)]) {
      const seen = await pollUntil(() => page(base, SEED_SLUG), (answer) => answer.json?.data?.title === title);
      expect(seen.json?.data?.title).toBe(title);
    }
  });

  it('an unpublish through one process takes the page off Varnish within 1 s', async () => {
    const slug = (await cluster.rows<{ slug: string }>('select slug from articles where published_at is not null and slug <> $1 order by id limit 1', [SEED_SLUG]))[0]!.slug;
    await page(cluster.varnishUrl, slug);
    expect((await page(cluster.varnishUrl, slug)).headers.get('x-cache')).toBe('HIT');
    const documentId = (await page(url(0), slug)).json.data.documentId as string;
    const unpublished = await call(url(2), 'POST', `/content-manager/collection-types/api::article.article/${documentId}/actions/unpublish?locale=id`, {}, admin);
    expect(unpublished.status).toBe(200);
    const seen = await pollUntil(() => page(cluster.varnishUrl, slug), (answer) => answer.status === 404);
    expect(seen.status).toBe(404);
  });

  it('a purge left in the outbox by a process that died before sending it is sent by another', async () => {
    await page(cluster.varnishUrl, SEED_SLUG);
    expect((await page(cluster.varnishUrl, SEED_SLUG)).headers.get('x-cache')).toBe('HIT');
    const documentId = (await page(url(0), SEED_SLUG)).json.data.documentId as string;
    // What a process leaves when it dies right after its commit: the change and its outbox row, no purge sent.
    await cluster.rows(
      `with changed as (update articles set subtitle = 'Dari kotak keluar', updated_at = now() where document_id = $1 and published_at is not null returning id)
       insert into kabar_purge_outbox (keys) select 'article:' || $1 from changed`,
      [documentId]
    );
    const seen = await pollUntil(() => page(cluster.varnishUrl, SEED_SLUG), (answer) => answer.json?.data?.subtitle === 'Dari kotak keluar');
    expect(seen.json?.data?.subtitle).toBe('Dari kotak keluar');
    const left = await pollUntil(() => cluster.rows<{ n: number }>('select count(*)::int as n from kabar_purge_outbox'), (rows) => rows[0]!.n === 0);
    expect(left).toEqual([{ n: 0 }]);
  });

  it('scheduled publishing fires exactly once across the three processes', async () => {
    // Counts every published version written, whoever writes it: a second publish of the same article would add a row here.
    await cluster.rows(`create table kabar_test_publications (document_id text not null)`);
    await cluster.rows(`create function kabar_test_count_publication() returns trigger language plpgsql as $$
       begin insert into kabar_test_publications values (new.document_id); return null; end $$`);
    await cluster.rows(`create trigger kabar_test_publications after insert on articles for each row
       when (new.published_at is not null) execute function kabar_test_count_publication()`);
    // Due a moment after the drafts are saved; every process's next check finds all of them due.
    const due = new Date(Date.now() + 1500).toISOString();
    const drafts = await Promise.all(
      [0, 1, 2, 0].map((index, i) =>
        call(url(index), 'POST', `${MODEL}?locale=id`, {
          title: `Jadwal terbit ${i + 1}`,
          slug: `jadwal-terbit-kluster-${i + 1}`,
          body: [{ type: 'paragraph', children: [{ type: 'text', text: `Artikel terjadwal ${i + 1}.` }] }],
          publishedDate: '2026-11-30T01:00:00.000Z',
          scheduledPublishAt: due,
        }, admin)
      )
    );
    expect(drafts.map((draft) => draft.status)).toEqual([201, 201, 201, 201]);
    const documentIds = drafts.map((draft) => draft.json.data.documentId as string).sort();
    const published = (): Promise<Array<{ document_id: string; n: number }>> =>
      cluster.rows('select document_id, count(*)::int as n from kabar_test_publications group by document_id order by document_id');
    const all = await pollUntil(published, (rows) => rows.length === documentIds.length, 15_000);
    expect(all.map((row) => row.document_id)).toEqual(documentIds);
    // Two more checks of every process: none publishes any of them again.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await published()).toEqual(documentIds.map((document_id) => ({ document_id, n: 1 })));
    expect(
      await cluster.rows('select count(*)::int as n from articles where document_id = any($1) and scheduled_publish_at is not null', [documentIds])
    ).toEqual([{ n: 0 }]);
    for (const [i, base] of [cluster.varnishUrl, url(1)].entries()) {
      expect((await page(base, `jadwal-terbit-kluster-${i + 1}`)).status).toBe(200);
    }
  });

  it('a correction added through one process is seen through the others and through Varnish within 1 s', async () => {
    const slug = (await cluster.rows<{ slug: string }>('select slug from articles where published_at is not null and slug <> $1 order by id desc limit 1', [SEED_SLUG]))[0]!.slug;
    await page(cluster.varnishUrl, slug);
    expect((await page(cluster.varnishUrl, slug)).headers.get('x-cache')).toBe('HIT');
    const documentId = (await page(url(1), slug)).json.data.documentId as string;
    const correction = { kind: 'ralat', text: 'Sebelumnya tertulis Senin; yang benar Selasa.', issuedAt: '2026-11-30T02:00:00.000Z' };
    expect((await call(url(0), 'PUT', `${MODEL}/${documentId}?locale=id`, { corrections: [correction] }, admin)).status).toBe(200);
    expect((await call(url(0), 'POST', `${MODEL}/${documentId}/actions/publish?locale=id`, {}, admin)).status).toBe(200);
    const texts = (answer: HttpAnswer): string[] => ((answer.json?.data?.corrections ?? []) as Array<{ text: string }>).map((item) => item.text);
    for (const base of [cluster.varnishUrl, url(1), url(2)]) {
      const seen = await pollUntil(() => page(base, slug), (answer) => texts(answer).includes(correction.text));
      expect(texts(seen)).toEqual([correction.text]);
    }
  });

  it('a withdrawal through one process is a 410 through the others and through Varnish within 1 s', async () => {
    const slug = (await cluster.rows<{ slug: string }>('select slug from articles where published_at is not null and slug <> $1 order by id limit 1', [SEED_SLUG]))[0]!.slug;
    await page(cluster.varnishUrl, slug);
    expect((await page(cluster.varnishUrl, slug)).headers.get('x-cache')).toBe('HIT');
    const before = (await page(url(0), slug)).json.data;
    const documentId = before.documentId as string;
    const withdrawal = { withdrawnAt: '2026-11-30T00:00:00.000Z', withdrawalReason: 'Dicabut atas permintaan narasumber (uji kluster).' };
    expect((await call(url(2), 'PUT', `${MODEL}/${documentId}?locale=id`, withdrawal, admin)).status).toBe(200);
    expect((await call(url(2), 'POST', `${MODEL}/${documentId}/actions/publish?locale=id`, {}, admin)).status).toBe(200);
    for (const base of [cluster.varnishUrl, url(0), url(1)]) {
      const seen = await pollUntil(() => page(base, slug), (answer) => answer.status === 410);
      expect(seen.status).toBe(410);
      // The notice, never the text.
      expect(seen.json?.data).toEqual({ title: before.title, ...withdrawal });
    }
  });

  it('feeds and sitemaps name their keys, Varnish keeps them, and a publish is in the RSS feed through Varnish within 1 s', async () => {
    const rss = (base: string, debug = false): Promise<Response> =>
      fetch(`${base}/api/feeds/rss?locale=id`, { headers: debug ? { 'X-Kabar-Debug': '1' } : {}, signal: AbortSignal.timeout(60_000) });
    expect((await rss(url(0))).headers.get('xkey')?.split(' ')).toEqual(['feed:id', 'public']);
    const sitemap = await fetch(`${url(1)}/api/sitemap/articles.xml?locale=id`);
    expect(sitemap.headers.get('xkey')?.split(' ')).toEqual(['public', 'sitemap:id']);
    expect(sitemap.headers.get('surrogate-key')).toBe(sitemap.headers.get('xkey'));
    const news = await fetch(`${url(2)}/api/sitemap/news.xml`);
    expect(news.headers.get('xkey')?.split(' ')).toEqual(expect.arrayContaining(['public', 'sitemap:id']));

    await (await rss(cluster.varnishUrl)).text();
    const cached = await rss(cluster.varnishUrl);
    expect(cached.headers.get('x-cache')).toBe('HIT');
    const title = 'Kabar terbit lewat kluster';
    expect(await cached.text()).not.toContain(title);
    await createPublished(url(1), {
      title,
      slug: 'kabar-terbit-lewat-kluster',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Terbit untuk umpan RSS.' }] }],
      // Newer than every other article: first in the feed, whatever its size.
      publishedDate: '2026-11-30T02:30:00.000Z',
    }, admin);
    const seen = await pollUntil(async () => (await rss(cluster.varnishUrl)).text(), (text) => text.includes(title));
    expect(seen).toContain(`<title>${title}</title>`);
  });

  it('an article under embargo is missing through Varnish while Varnish keeps the listing, and appears there by itself within seconds of the embargo ending', async () => {
    const slug = 'embargo-berakhir-kluster';
    // A few seconds ahead: time to publish and to read it hidden; after that nothing is written, so no purge comes.
    const embargo = Date.now() + 12_000;
    const documentId = await createPublished(url(1), {
      title: 'Embargo berakhir lewat kluster',
      slug,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Terbit, tetapi diembargo sebentar.' }] }],
      publishedDate: '2026-11-30T03:00:00.000Z',
      embargoedUntil: new Date(embargo).toISOString(),
    }, admin);
    const byId = (base: string): Promise<HttpAnswer> => call(base, 'GET', `/api/articles/${documentId}?locale=id`);

    // Straight from a process: the seconds left until the embargo ends, for Varnish.
    const direct = await listing(url(0));
    // Through Varnish while hidden: the listing kept (a hit), the article's page and findOne 404s.
    const kept = await pollUntil(() => listing(cluster.varnishUrl), (answer) => answer.headers.get('x-cache') === 'HIT', 5000);
    const hiddenPage = await page(cluster.varnishUrl, slug);
    const hiddenById = await byId(cluster.varnishUrl);
    if (Date.now() >= embargo) throw new Error('publishing and reading took longer than the embargo: nothing was seen while hidden');
    expect(slugsOf(direct)).not.toContain(slug);
    const left = Number(direct.headers.get('kabar-visibility-change-in'));
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(12);
    expect(kept.headers.get('x-cache')).toBe('HIT');
    expect(slugsOf(kept)).not.toContain(slug);
    expect(hiddenPage.status).toBe(404);
    expect(hiddenById.status).toBe(404);

    // No write, no purge: the kept listing expires at the embargo's end. Generous deadline, polled.
    const shown = await pollUntil(() => listing(cluster.varnishUrl), (answer) => slugsOf(answer).includes(slug), embargo + 20_000 - Date.now());
    expect(slugsOf(shown)).toContain(slug);
    expect((await page(cluster.varnishUrl, slug)).status).toBe(200);
    expect((await byId(cluster.varnishUrl)).status).toBe(200);
    // The header is between Strapi and Varnish; readers do not get it.
    expect(kept.headers.get('kabar-visibility-change-in')).toBeNull();
  });

  it('a withdrawal dated a few seconds ahead takes the page and the listing entry off Varnish by itself (410) within seconds of its time', async () => {
    const slug = 'dicabut-nanti-kluster';
    const withdrawnAt = Date.now() + 12_000;
    await createPublished(url(2), {
      title: 'Dicabut nanti lewat kluster',
      slug,
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Terbit sekarang, dicabut sebentar lagi.' }] }],
      publishedDate: '2026-11-30T03:30:00.000Z',
      withdrawnAt: new Date(withdrawnAt).toISOString(),
      withdrawalReason: 'Dicabut pada waktunya (uji kluster).',
    }, admin);

    const direct = await page(url(0), slug);
    const keptPage = await pollUntil(() => page(cluster.varnishUrl, slug), (answer) => answer.headers.get('x-cache') === 'HIT', 5000);
    const keptListing = await pollUntil(() => listing(cluster.varnishUrl), (answer) => answer.headers.get('x-cache') === 'HIT', 5000);
    if (Date.now() >= withdrawnAt) throw new Error('publishing and reading took longer than the time to the withdrawal: nothing was seen before it');
    expect(direct.status).toBe(200);
    const left = Number(direct.headers.get('kabar-visibility-change-in'));
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(12);
    expect(keptPage.status).toBe(200);
    expect(keptPage.headers.get('x-cache')).toBe('HIT');
    expect(keptListing.headers.get('x-cache')).toBe('HIT');
    expect(slugsOf(keptListing)).toContain(slug);

    const gone = await pollUntil(() => page(cluster.varnishUrl, slug), (answer) => answer.status === 410, withdrawnAt + 20_000 - Date.now());
    expect(gone.status).toBe(410);
    const listed = await pollUntil(() => listing(cluster.varnishUrl), (answer) => !slugsOf(answer).includes(slug), 5000);
    expect(slugsOf(listed)).not.toContain(slug);
  });

  it('the admin login rate limit holds across processes', async () => {
    const attempt = (index: number): Promise<HttpAnswer> =>
      call(url(index), 'POST', '/admin/login', { email: 'penyusup@example.com', password: 'salah-sandi' });
    // Five attempts (the limit), spread over the three processes: each refused as a wrong password.
    const first = [];
    for (const index of [0, 1, 2, 0, 1]) first.push((await attempt(index)).status);
    expect(first).toEqual([400, 400, 400, 400, 400]);
    // The sixth goes to a process that saw only one: a per-process count would let it through.
    expect((await attempt(2)).status).toBe(429);
  });

  it('kill -9 of one process while imports run loses nothing; the others keep answering through Varnish', async () => {
    const texts = fixtureTexts.slice(4, 10);
    const sent = texts.map(async (text, i) => {
      const first = await importThrough(i % 3, text).catch(() => null);
      // A request the killed process never answered is sent again to another, as a balancer would.
      if (first?.status === 200) return first;
      return importThrough(1 + (i % 2), text);
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await cluster.kill(0);
    const answers = await Promise.all(sent);
    expect(answers.map((answer) => answer.status)).toEqual(texts.map(() => 200));
    const slugs = answers.map((answer) => answer.json.slug as string);
    const stored = await cluster.rows<{ slug: string; n: number }>(
      'select slug, count(*)::int as n from articles where published_at is not null and slug = any($1) group by slug',
      [slugs]
    );
    expect(stored.map((row) => row.n)).toEqual(slugs.map(() => 1));

    const reads = [];
    for (let i = 0; i < 12; i += 1) reads.push((await call(cluster.varnishUrl, 'GET', `/api/articles?locale=id&pagination[page]=${i + 1}`)).status);
    expect(reads).toEqual(reads.map(() => 200));
    for (const slug of slugs) {
      const seen = await pollUntil(() => page(cluster.varnishUrl, slug), (answer) => answer.status === 200);
      expect(seen.status).toBe(200);
    }
  });
});

/**
 * Imports racing each other: stories that share a headline (the same title on different days, so
 * different import keys) sent at once must each end with their own slug in their locale, reachable
 * at `GET /api/articles/slug/:slug`. Over HTTP (an API token, 12 requests at once against one Strapi)
 * and from two `npm run import` processes filing one folder at once beside it, on this file's database
 * (SQLite, or PostgreSQL under `npm run test:postgres`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { makeTempoPage } from '../../scripts/lib/tempo-pages';
import { runProcess, type ProcessRun } from '../helpers/processes';
import { startStrapi, type TestApp } from '../helpers/strapi';

const ROOT = path.resolve(__dirname, '..', '..');
const ARTICLE = 'api::article.article';
const DAY_NAMES = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];

let app: TestApp;
let token: string;
let pagesDir: string;

beforeAll(async () => {
  app = await startStrapi();
  const tokens = app.strapi.service('admin::api-token');
  token = ((await tokens.create({ name: 'impor-serentak', type: 'full-access', lifespan: null })) as { accessKey: string }).accessKey;
  pagesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-concurrent-'));
});

afterAll(async () => {
  fs.rmSync(pagesDir, { recursive: true, force: true });
  await app?.stop();
});

/** A generated Tempo-shaped page (page `n`) under the given headline, published on 2024-01-`day` at 10:00 WIB. */
function page(n: number, title: string, day: number): string {
  const blocks = makeTempoPage(n).split('\n\n');
  const weekday = DAY_NAMES[new Date(Date.UTC(2024, 0, day)).getUTCDay()];
  blocks[0] = title;
  blocks[5] = `${weekday}, ${day} Januari 2024 10:00 WIB`; // title, Reporter, name, Editor, name, date line
  return blocks.join('\n\n');
}

const slugOf = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '-');

/** Every slug with its locale and row kind, once per (document, version): what uniqueness is about. */
async function slugRows(): Promise<Array<{ documentId: string; slug: string; locale: string; published: boolean }>> {
  const rows: Array<{ documentId: string; slug: string; locale: string; publishedAt: unknown }> = await app.strapi.db.query(ARTICLE).findMany({
    select: ['documentId', 'slug', 'locale', 'publishedAt'],
  });
  return rows.map((row) => ({ documentId: row.documentId, slug: row.slug, locale: row.locale, published: row.publishedAt !== null }));
}

/** Asserts that no two documents share a slug in one locale, among drafts and among published versions. */
async function expectUniqueSlugs(): Promise<void> {
  const rows = await slugRows();
  for (const published of [false, true]) {
    const owners = new Map<string, Set<string>>();
    for (const row of rows.filter((r) => r.published === published)) {
      const key = `${row.locale}/${row.slug}`;
      owners.set(key, (owners.get(key) ?? new Set()).add(row.documentId));
    }
    expect([...owners].filter(([, documents]) => documents.size > 1)).toEqual([]);
  }
}

/** Asserts that each slug answers on the article page with the given document. */
async function expectReachable(bySlug: Map<string, string>): Promise<void> {
  for (const [slug, documentId] of bySlug) {
    const response = await request(app.server).get(`/api/articles/slug/${slug}?locale=id`);
    expect({ slug, status: response.status, documentId: response.body?.data?.documentId }).toEqual({ slug, status: 200, documentId });
  }
}

describe('same headline, different days, imported at once', () => {
  it('over HTTP (12 requests at once): every story gets its own slug and answers at it', async () => {
    const A = 'Banjir Rob Rendam Pesisir Jakarta Utara';
    const B = 'Harga Beras Naik Menjelang Lebaran';
    const C = 'Kereta Cepat Tambah Jadwal Perjalanan';
    const A5 = `${A} 5`; // its own slug is the fifth slug of A: the two must not both take it
    const pages = [
      ...[1, 2, 3, 4, 5].map((day) => ({ title: A, day })),
      { title: A5, day: 6 },
      ...[1, 2, 3].map((day) => ({ title: B, day })),
      ...[1, 2, 3].map((day) => ({ title: C, day })),
    ];
    const responses = await Promise.all(
      pages.map(({ title, day }, n) =>
        request(app.server)
          .post('/api/news-importer/import')
          .set('Authorization', `Bearer ${token}`)
          .send({ text: page(n, title, day) })
      )
    );
    expect(responses.map((r) => [r.status, r.body.action])).toEqual(pages.map(() => [200, 'created']));

    const slugsOf = (title: string): string[] =>
      responses.filter((_, i) => pages[i]!.title === title).map((r) => r.body.slug as string).sort();
    const a = slugOf(A);
    expect(slugsOf(B)).toEqual([slugOf(B), `${slugOf(B)}-2`, `${slugOf(B)}-3`]);
    expect(slugsOf(C)).toEqual([slugOf(C), `${slugOf(C)}-2`, `${slugOf(C)}-3`]);
    // Whoever took `a-5` first keeps it; the other moves on.
    expect([
      [[a, `${a}-2`, `${a}-3`, `${a}-4`, `${a}-6`], [`${a}-5`]],
      [[a, `${a}-2`, `${a}-3`, `${a}-4`, `${a}-5`], [`${a}-5-2`]],
    ]).toContainEqual([slugsOf(A), slugsOf(A5)]);

    await expectUniqueSlugs();
    await expectReachable(new Map(responses.map((r) => [r.body.slug as string, r.body.documentId as string])));
  });

  it('the database refuses a second draft or published row with a slug another article has in that locale', async () => {
    const slug = 'slug-uji-keunikan';
    const row = (documentId: string, publishedAt: Date | null, locale = 'id') => ({
      documentId,
      locale,
      slug,
      title: 'Uji Keunikan',
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }],
      publishedDate: new Date('2024-01-01T03:00:00Z'),
      publishedAt,
    });
    const knex = app.strapi.db.connection;
    const indexes =
      process.env.DATABASE_CLIENT === 'postgres'
        ? (await knex.raw("select indexname as name from pg_indexes where tablename = 'articles' and indexname like 'articles_slug_%_unique' order by 1")).rows
        : await knex.raw("select name from sqlite_master where type = 'index' and tbl_name = 'articles' and name like 'articles_slug_%_unique' order by 1");
    expect(indexes.map((index: { name: string }) => index.name)).toEqual(['articles_slug_draft_unique', 'articles_slug_published_unique']);
    const articles = app.strapi.db.query(ARTICLE);
    // One document's draft and published rows share their slug: allowed.
    const holders = [await articles.create({ data: row('pemilikslug', null) }), await articles.create({ data: row('pemilikslug', new Date()) })];
    const refused = /articles_slug_draft_unique|articles_slug_published_unique|UNIQUE constraint failed: articles\.slug, articles\.locale/;
    // The refusal is read as text: the driver's error may come from another realm than the test's
    // `Error` (jest runs tests in a vm context), so `instanceof` and `rejects.toThrow` can miss it.
    const outcome = (data: Record<string, unknown>): Promise<string> =>
      articles.create({ data }).then(
        () => 'inserted',
        (error: { message?: unknown }) => String(error?.message ?? error)
      );
    expect(await outcome(row('penyusup', null))).toMatch(refused);
    expect(await outcome(row('penyusup', new Date()))).toMatch(refused);
    const [left] = await knex('articles').where({ slug, document_id: 'penyusup' }).count({ n: '*' });
    expect(Number((left as { n: number | string }).n)).toBe(0);
    // In another locale the slug is free.
    const en = await articles.create({ data: row('penyusup', null, 'en') });
    await articles.deleteMany({ where: { id: { $in: [en.id, ...holders.map((holder: { id: number }) => holder.id)] } } });
  });

  it('the Content Manager path answers a taken slug with a validation error, not a database error', async () => {
    const documents = app.strapi.documents(ARTICLE as never);
    const data = { title: 'Slug Kembar', slug: 'slug-kembar', body: [], publishedDate: '2024-01-01T03:00:00.000Z' };
    await documents.create({ locale: 'id', data } as never);
    const second = await documents.create({ locale: 'id', data: { ...data, title: 'Slug Kembar Lagi' } } as never).catch((error: Error) => error);
    expect(second).toMatchObject({ name: 'ValidationError', message: 'The slug "slug-kembar" is already used by another article in locale "id"; choose another slug.' });
  });

  it('from two `npm run import` processes filing one folder at once: both finish, each page once, every slug its own', async () => {
    const TITLES = [
      'Pemerintah Umumkan Libur Nasional Tambahan',
      'Polisi Tutup Jalan Sudirman Saat Pawai',
      'Warga Bandung Keluhkan Sampah Menumpuk',
      'Bank Indonesia Tahan Suku Bunga Acuan',
      'Gempa Kecil Guncang Selatan Jawa',
      'DPR Bahas Rancangan Anggaran Daerah',
      'Harga Cabai Turun di Pasar Surabaya',
      'KPK Periksa Pejabat Kementerian Keuangan',
      'Jalan Tol Baru Dibuka Akhir Pekan',
      'Stasiun Manggarai Padat Penumpang Pagi Ini',
    ];
    const files: string[] = [];
    for (let n = 0; n < 40; n += 1) {
      const file = path.join(pagesDir, `halaman-${String(n).padStart(2, '0')}.txt`);
      fs.writeFileSync(file, page(100 + n, TITLES[n % TITLES.length]!, 10 + Math.floor(n / TITLES.length)));
      files.push(file);
    }

    const env = { ...process.env, NEWS_IMPORTER_AUTO_SEED: 'false', LOG_LEVEL: 'error' };
    const run = (args: string[]): Promise<ProcessRun> => runProcess('npm', ['run', '--silent', 'import', '--', ...args], { cwd: ROOT, env });
    // One in name order, the other backwards: they meet in the middle on pages with shared headlines.
    const [first, second] = await Promise.all([run(['--json', pagesDir]), run(['--json', ...[...files].reverse()])]);
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: '' });
    expect({ status: second.status, stderr: second.stderr }).toEqual({ status: 0, stderr: '' });

    type Result = { file: string; ok: boolean; report: { action: string; slug: string; documentId: string } };
    const results = [...(JSON.parse(first.stdout) as Result[]), ...(JSON.parse(second.stdout) as Result[])];
    expect(results).toHaveLength(80);
    expect(results.every((r) => r.ok)).toBe(true);
    // Each page created by exactly one of the two; the other found it unchanged.
    const created = results.filter((r) => r.report.action === 'created');
    expect(created.map((r) => path.basename(r.file)).sort()).toEqual(files.map((f) => path.basename(f)));
    expect(results.filter((r) => r.report.action === 'unchanged')).toHaveLength(40);

    for (const title of TITLES) {
      const slugs = created.filter((r) => r.report.slug.startsWith(slugOf(title))).map((r) => r.report.slug).sort();
      expect(slugs).toEqual([slugOf(title), `${slugOf(title)}-2`, `${slugOf(title)}-3`, `${slugOf(title)}-4`]);
    }
    await expectUniqueSlugs();
    await expectReachable(new Map(created.map((r) => [r.report.slug, r.report.documentId])));
  });
});

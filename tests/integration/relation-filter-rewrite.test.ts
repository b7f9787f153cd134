import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';
import { paragraphs, ID_PARAGRAPHS } from '../helpers/builders';
import { keepAsJoin } from '../../src/query/relation-filters';

/**
 * src/query/relation-filters.ts rewrites relation clauses into id sub-queries. Each filter below runs
 * twice on the same rows: through the query engine (lifecycles, so rewritten) and through Strapi's bare
 * query builder (no lifecycles: Strapi's own LEFT JOIN semantics). Both must give the same ids, and the
 * expected articles are spelled out.
 */

const ARTICLE = 'api::article.article';
let app: TestApp;
let reporterId: Record<string, number> = {};

async function createReporter(slug: string): Promise<string> {
  const doc = await app.strapi.documents('api::reporter.reporter').create({
    data: { name: `Wartawan ${slug}`, slug, kind: 'person' } as never,
  });
  return doc.documentId;
}

beforeAll(async () => {
  app = await startStrapi();
  const docs = app.strapi.documents(ARTICLE as never);
  const ani = await createReporter('ani');
  const budi = await createReporter('budi');
  const cici = await createReporter('cici');
  const article = async (slug: string, reporters: string[], editors: string[], status: 'draft' | 'published'): Promise<void> => {
    await docs.create({
      locale: 'id',
      status,
      data: {
        title: `Berita ${slug}`,
        slug,
        section: slug === 'tiga' ? 'Ekonomi' : 'Nasional',
        body: paragraphs(...ID_PARAGRAPHS),
        publishedDate: '2022-10-28T05:00:00.000Z',
        importKey: `test:${slug}`,
        reporters,
        editors,
      } as never,
    });
  };
  await article('satu', [ani], [budi], 'published');
  await article('dua', [ani, budi], [], 'published');
  await article('tiga', [], [ani], 'published');
  await article('empat', [cici], [], 'draft');
  const reporters = (await app.strapi.db.connection('reporters').select('id', 'slug')) as { id: number; slug: string }[];
  reporterId = Object.fromEntries(reporters.map((row) => [row.slug, row.id]));
});
afterAll(async () => {
  await app.stop();
});

const PUBLISHED = { publishedAt: { $notNull: true }, locale: 'id' };

/** Slugs of published articles matching `where`, through the query engine (rewritten). */
async function viaEngine(where: Record<string, unknown>): Promise<string[]> {
  const rows = (await app.strapi.db.query(ARTICLE as never).findMany({ where: { ...PUBLISHED, ...where }, select: ['slug'] })) as { slug: string }[];
  return rows.map((row) => row.slug).sort();
}

/** The same through Strapi's query builder, which runs no lifecycle: Strapi's own LEFT JOINs. */
async function viaJoins(where: Record<string, unknown>): Promise<string[]> {
  const qb = app.strapi.db.queryBuilder(ARTICLE as never) as unknown as {
    select(columns: string[]): { where(where: unknown): { execute(): Promise<{ slug: string }[]> } };
  };
  const rows = await qb.select(['slug']).where({ ...PUBLISHED, ...where }).execute();
  return [...new Set(rows.map((row) => row.slug))].sort();
}

/** The SQL statements `work` runs. */
async function statements(work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (query: { sql: string }): void => {
    seen.push(query.sql);
  };
  app.strapi.db.connection.on('query', listener);
  try {
    await work();
  } finally {
    app.strapi.db.connection.removeListener('query', listener);
  }
  return seen;
}

const CASES: { name: string; where: () => Record<string, unknown>; expected: string[]; rewritten: boolean }[] = [
  { name: 'one byline by slug', where: () => ({ reporters: { slug: 'ani' } }), expected: ['dua', 'satu'], rewritten: true },
  { name: '$eq on a byline', where: () => ({ reporters: { slug: { $eq: 'budi' } } }), expected: ['dua'], rewritten: true },
  { name: 'two relations AND-ed', where: () => ({ reporters: { slug: 'ani' }, editors: { slug: 'budi' } }), expected: ['satu'], rewritten: true },
  { name: '$or across relations', where: () => ({ $or: [{ reporters: { slug: 'budi' } }, { editors: { slug: 'ani' } }] }), expected: ['dua', 'tiga'], rewritten: true },
  { name: '$and of one relation twice', where: () => ({ $and: [{ reporters: { slug: 'ani' } }, { reporters: { slug: 'budi' } }] }), expected: ['dua'], rewritten: true },
  { name: '$or of a field and a relation', where: () => ({ $or: [{ section: 'Ekonomi' }, { reporters: { slug: 'budi' } }] }), expected: ['dua', 'tiga'], rewritten: true },
  { name: '$or inside the relation', where: () => ({ reporters: { $or: [{ slug: 'budi' }, { name: { $containsi: 'ANI' } }] } }), expected: ['dua', 'satu'], rewritten: true },
  { name: 'nested path', where: () => ({ editors: { articles: { slug: 'dua' } } }), expected: ['satu', 'tiga'], rewritten: true },
  { name: 'relation by id', where: () => ({ reporters: reporterId.budi }), expected: ['dua'], rewritten: true },
  { name: 'relation by $in of ids', where: () => ({ reporters: { id: { $in: [reporterId.budi, reporterId.cici] } } }), expected: ['dua'], rewritten: true },
  // Kept as joins: each means "some row, or the missing row, matches", which a sub-query would change.
  { name: '$not of a relation (kept)', where: () => ({ $not: { reporters: { slug: 'ani' } } }), expected: ['dua'], rewritten: false },
  { name: '$null through a relation (kept)', where: () => ({ reporters: { slug: { $null: true } } }), expected: ['tiga'], rewritten: false },
  { name: '$notIn through a relation (kept)', where: () => ({ reporters: { slug: { $notIn: ['ani'] } } }), expected: ['dua'], rewritten: false },
  // Marked by the code that adds it (the public rule on a photo's article): most target rows match it.
  { name: 'a clause marked keepAsJoin (kept)', where: () => ({ reporters: keepAsJoin({ slug: 'ani' }) }), expected: ['dua', 'satu'], rewritten: false },
];

describe('relation filters as id sub-queries', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s: same articles as the LEFT JOINs', async (_name, c) => {
    const where = c.where();
    let engine: string[] = [];
    const sql = await statements(async () => {
      engine = await viaEngine(where);
    });
    expect(engine).toEqual(c.expected);
    expect(await viaJoins(where)).toEqual(c.expected);
    // The rewrite runs on SQLite only (src/query/relation-filters.ts); PostgreSQL keeps Strapi's joins.
    expect(sql.some((statement) => /left join/i.test(statement))).toBe(!(c.rewritten && process.env.DATABASE_CLIENT !== 'postgres'));
  });

  it('counts like the joins', async () => {
    const where = { ...PUBLISHED, $or: [{ reporters: { slug: 'ani' } }, { editors: { slug: 'ani' } }] };
    expect(await app.strapi.db.query(ARTICLE as never).count({ where })).toBe(3);
  });

  it('keeps the public published-only rule: a draft-only byline lists nothing, a published one its articles', async () => {
    const page = (slug: string): Promise<request.Response> =>
      request(app.server).get(`/api/articles?locale=id&filters[reporters][slug][$eq]=${slug}&sort=publishedDate:desc&fields[0]=slug`);
    const ani = await page('ani');
    expect(ani.status).toBe(200);
    expect((ani.body.data as { slug: string }[]).map((a) => a.slug).sort()).toEqual(['dua', 'satu']);
    expect(ani.body.meta.pagination.total).toBe(2);
    const cici = await page('cici');
    expect(cici.body.data).toEqual([]);
    // Through a relation into drafts: the draft article `empat` must not make cici's articles match.
    const nested = await request(app.server).get('/api/articles?locale=id&filters[reporters][articles][slug][$eq]=empat');
    expect(nested.body.data).toEqual([]);
  });
});

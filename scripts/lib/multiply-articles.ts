/**
 * Makes a large archive quickly for the benchmarks: copies every article (both its rows, draft and
 * published), its photos and related links, and the link rows between them, `copies` times, in SQL,
 * inside one transaction. Copies share the reporters (a desk byline ends up on thousands of
 * articles, as in a real archive) and get their own ids, document ids, slugs and import keys
 * (suffix `-c<k>`). Importing 100,000 pages one by one takes most of an hour; this takes seconds.
 * A benchmark tool: it writes into the database it is given, which must be a throw-away one.
 */
import type { Knex } from 'knex';

/** Columns that must stay unique per copy: they get the suffix `-c<k>`. */
const SUFFIXED = new Set(['document_id', 'slug', 'import_key']);

interface CopiedTable {
  table: string;
  /** Columns holding ids of copied tables, and which table they point to. */
  refs: Record<string, string>;
}

/** Entity tables first, then the link tables between them. */
const TABLES: readonly CopiedTable[] = [
  { table: 'articles', refs: {} },
  { table: 'photos', refs: {} },
  { table: 'related_links', refs: {} },
  { table: 'articles_reporters_lnk', refs: { article_id: 'articles' } },
  { table: 'articles_editors_lnk', refs: { article_id: 'articles' } },
  { table: 'articles_translators_lnk', refs: { article_id: 'articles' } },
  { table: 'photos_article_lnk', refs: { photo_id: 'photos', article_id: 'articles' } },
  { table: 'related_links_article_lnk', refs: { related_link_id: 'related_links', article_id: 'articles' } },
  { table: 'related_links_target_lnk', refs: { related_link_id: 'related_links', article_id: 'articles' } },
];

async function columnsOf(knex: Knex, table: string): Promise<string[]> {
  return Object.keys(await knex(table).columnInfo());
}

/** Copies the archive `copies` times; returns how many articles (documents per locale) there are now. */
export async function multiplyArticles(knex: Knex, copies: number): Promise<number> {
  const client = knex.client.config.client as string;
  await knex.transaction(async (trx) => {
    const span: Record<string, number> = {};
    for (const { table } of TABLES) {
      const [row] = await trx(table).max({ max: 'id' });
      span[table] = Number((row as { max: number | null }).max ?? 0) + 1;
    }
    for (const { table, refs } of TABLES) {
      const columns = await columnsOf(trx, table);
      for (let k = 1; k <= copies; k += 1) {
        const select = columns.map((column) => {
          if (column === 'id') return trx.raw('?? + ?', [column, k * span[table]!]);
          const target = refs[column];
          if (target) return trx.raw('?? + ?', [column, k * span[target]!]);
          if (SUFFIXED.has(column)) return trx.raw(`?? || ?`, [column, `-c${k}`]);
          return trx.raw('??', [column]);
        });
        await trx(table).insert(trx.select(select).from(table).where('id', '<', span[table]!));
      }
    }
    if (client === 'postgres' || client === 'pg') {
      // Keep the id sequences ahead of the copied ids.
      for (const { table } of TABLES) await trx.raw(`select setval(pg_get_serial_sequence(?, 'id'), (select max(id) from ??))`, [table, table]);
    }
  });
  const [count] = await knex('articles').whereNotNull('published_at').count({ n: '*' });
  return Number((count as { n: number | string }).n);
}

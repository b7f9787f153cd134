import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { withBootLock } from './boot-lock';

const ARTICLE = 'api::article.article';

/**
 * The unique indexes that keep one slug per article and locale, for drafts and for published
 * versions apart: a published document has two rows (draft and published) that share a slug, so
 * a plain unique (slug, locale) would refuse every published article. Strapi's `indexes` in a
 * content type's schema cannot say `where published_at is null`, so they are created here, after
 * Strapi's schema sync. The sync leaves alone an index it never declared (it drops only those it
 * created before), and `if not exists` makes this a no-op on every later boot.
 */
export const ARTICLE_SLUG_INDEXES = [
  { name: 'articles_slug_draft_unique', where: 'is null' },
  { name: 'articles_slug_published_unique', where: 'is not null' },
] as const;

/** Outcome per index: created now or before, or not created because rows already share a slug. */
export type SlugIndexState = 'present' | 'duplicates';

const fieldOf = (error: unknown, name: string): string => {
  const value = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

/** True when creating a unique index failed because rows already hold equal keys. */
const isDuplicateKeys = (error: unknown): boolean =>
  fieldOf(error, 'code') === '23505' || fieldOf(error, 'code') === 'SQLITE_CONSTRAINT_UNIQUE';

/**
 * Creates the article slug indexes when missing (idempotent, under the boot lock). A database that
 * already holds two articles with one slug in one locale (written before these indexes existed)
 * keeps booting without that index: a warning names the slugs to rename, and the next boot after
 * the fix creates it. The importer picks slugs under a lock in any case.
 */
export async function ensureUniqueArticleSlugs(strapi: Core.Strapi): Promise<Record<string, SlugIndexState>> {
  const { tableName: table, attributes } = strapi.db.metadata.get(ARTICLE);
  const column = (attribute: string): string => {
    const definition = attributes[attribute] as { columnName?: unknown } | undefined;
    return typeof definition?.columnName === 'string' ? definition.columnName : attribute;
  };
  const [slug, locale, publishedAt, documentId] = [column('slug'), column('locale'), column('publishedAt'), column('documentId')];
  const states: Record<string, SlugIndexState> = {};
  for (const index of ARTICLE_SLUG_INDEXES) {
    try {
      await withBootLock(strapi, `index:${index.name}`, (trx) =>
        trx.raw(`create unique index if not exists ?? on ?? (??, ??) where ?? ${index.where}`, [index.name, table, slug, locale, publishedAt])
      );
      states[index.name] = 'present';
    } catch (error: unknown) {
      if (!isDuplicateKeys(error)) throw error;
      states[index.name] = 'duplicates';
      const rows: Array<{ slug: string; locale: string }> = await strapi.db
        .connection(table)
        .select({ slug, locale })
        .whereRaw(`?? ${index.where}`, [publishedAt])
        .groupBy(slug, locale)
        .havingRaw('count(distinct ??) > 1', [documentId])
        .orderBy([slug, locale])
        .limit(20);
      const version = index.where === 'is null' ? 'drafts' : 'published versions';
      strapi.log.warn(
        `[kabar] Article ${version} share a slug in one locale (${rows.map((row) => `${row.locale}/${row.slug}`).join(', ')}): ` +
          `the second of each cannot be reached by slug. Give each its own slug in the Content Manager; ` +
          `the next boot then adds the unique index ${index.name} that prevents this.`
      );
    }
  }
  return states;
}

/** True when a write failed on one of the slug indexes above. */
export function isSlugConflict(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 3; current = (current as { cause?: unknown }).cause, depth += 1) {
    const code = fieldOf(current, 'code');
    const named = ARTICLE_SLUG_INDEXES.some((index) => fieldOf(current, 'constraint') === index.name || fieldOf(current, 'message').includes(index.name));
    if (code === '23505' && named) return true;
    if (code.startsWith('SQLITE_CONSTRAINT') && /articles\.slug/.test(fieldOf(current, 'message'))) return true;
  }
  return false;
}

/**
 * Turns a write refused by a slug index (an editor saving a draft with another article's slug, or a
 * race the validator cannot see) into a 400 that says what to change, instead of a database error.
 * Register from the app's `register`.
 */
export function explainSlugConflicts(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== ARTICLE) return next();
    try {
      return await next();
    } catch (error: unknown) {
      if (!isSlugConflict(error)) throw error;
      const params = context.params as { data?: { slug?: unknown }; locale?: unknown };
      const slug = typeof params.data?.slug === 'string' ? `"${params.data.slug}" ` : '';
      const locale = typeof params.locale === 'string' ? ` in locale "${params.locale}"` : '';
      throw new errors.ValidationError(`The slug ${slug}is already used by another article${locale}; choose another slug.`, {
        errors: [{ path: ['slug'], message: 'This slug is already used by another article.', name: 'ValidationError' }],
      });
    }
  });
}

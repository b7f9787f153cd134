const fieldOf = (error: unknown, name: string): string => {
  const value = typeof error === 'object' && error !== null ? (error as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
};

/**
 * What kind of transient database failure `error` is, if any: `busy` (SQLite's write lock stayed
 * taken; a PostgreSQL deadlock or serialization failure) or `slug` (a unique index on the article
 * table's `(slug, locale)` refused a row another transaction had just written). Null for anything else.
 */
export function transientFailure(error: unknown, articleTable: string): 'busy' | 'slug' | null {
  const code = fieldOf(error, 'code');
  const message = error instanceof Error ? error.message : '';
  if (code.startsWith('SQLITE_BUSY') || /database is locked/.test(message)) return 'busy';
  if (code === '40P01' || code === '40001') return 'busy';
  if (code === '23505' && fieldOf(error, 'table') === articleTable && fieldOf(error, 'detail').startsWith('Key (slug, locale)')) return 'slug';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' && message.includes(`UNIQUE constraint failed: ${articleTable}.slug, ${articleTable}.locale`)) return 'slug';
  return null;
}

/**
 * THE rule of what the public may read of an article, in one place. Every public path asks here:
 * the query-engine guard (relation-guard.ts: REST lists and `findOne`, GraphQL root queries and
 * nested relations, populated relations, reporters' credits), the article page pipeline
 * (middlewares/article-page.ts: the page, its JSON-LD, its ETag and page cache), GraphQL
 * `articleBySlug`, and the feeds and sitemaps.
 *
 * An article version is publicly visible at `now` when it is
 * - published (`publishedAt` set: Strapi's draft & publish),
 * - not withdrawn (`withdrawnAt` empty or still in the future: a withdrawal takes effect at its time),
 * - not under embargo (`embargoedUntil` empty or passed).
 *
 * "Now" is an argument, never read inside a cached structure: an embargo lifts by itself when the
 * clock passes it, with no write to the database, so every caller evaluates the rule per request.
 */

/** A Strapi query-engine `where` (`strapi.db.query(uid).findMany({ where })`). */
export type QueryWhere = Record<string, unknown>;

/** The article fields the rule reads, as the query engine names them. */
export const VISIBILITY_FIELDS = ['publishedAt', 'withdrawnAt', 'embargoedUntil'] as const;

/**
 * The query-engine `where` for "publicly visible article at `now`": published, not withdrawn, not
 * under embargo. Combine it with `$and`; it holds for one row, so it also works inside a relation's
 * clause (`{ target: { $and: [filter, publicArticleWhere(now)] } }`).
 */
export function publicArticleWhere(now: Date): QueryWhere {
  return {
    $and: [
      { publishedAt: { $notNull: true } },
      { $or: [{ withdrawnAt: { $null: true } }, { withdrawnAt: { $gt: now } }] },
      { $or: [{ embargoedUntil: { $null: true } }, { embargoedUntil: { $lte: now } }] },
    ],
  };
}

/** The same fields as stored on one row: Date (PostgreSQL), number or ISO text (SQLite), or null. */
export interface VisibilityRow {
  withdrawnAt?: unknown;
  embargoedUntil?: unknown;
}

/** A stored timestamp as milliseconds, or null for an empty one. */
export function instant(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(String(value));
  return Number.isNaN(time) ? null : time;
}

/** True when the row is withdrawn at `now` (the page answers 410 Gone). */
export function isWithdrawn(row: VisibilityRow, now: Date): boolean {
  const at = instant(row.withdrawnAt);
  return at !== null && at <= now.getTime();
}

/** True when the row is under embargo at `now` (the public sees nothing of it). */
export function isUnderEmbargo(row: VisibilityRow, now: Date): boolean {
  const until = instant(row.embargoedUntil);
  return until !== null && until > now.getTime();
}

/**
 * How many items Strapi puts in one page, for the cost limits of GraphQL (src/graphql/cost.ts) and
 * REST populate (src/rest/populate-limit.ts). The rules are those of @strapi/utils'
 * `withDefaultPagination`, leaning high where Strapi's are odd.
 */

/** A page-size configuration (config/api.ts for REST, config/plugins.ts for GraphQL); `maxLimit` ≤ 0 means unbounded. */
export interface PageLimits {
  defaultLimit: number;
  maxLimit: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A number from a GraphQL argument (a number) or a REST query string (a numeric string). */
const numeric = (value: unknown): number | undefined => {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
};

/**
 * The page size Strapi uses for a `pagination` argument or query parameter (`limit` or `pageSize`;
 * `defaultLimit` when neither is given; capped at `maxLimit`); any negative size (`-1`: "all") counts as `maxLimit`.
 */
export function pageSize(pagination: unknown, limits: PageLimits): number {
  const given = isRecord(pagination) ? pagination : {};
  const requested = numeric(given.limit) ?? numeric(given.pageSize);
  const bounded = limits.maxLimit > 0;
  if (requested === undefined) return bounded ? Math.min(limits.defaultLimit, limits.maxLimit) : limits.defaultLimit;
  // `limit: -1` asks for everything: Strapi gives maxLimit, or all rows when there is none.
  if (requested < 0) return bounded ? limits.maxLimit : Infinity;
  // Strapi answers at least one item (`limit: 0` gives 1).
  const size = Math.max(Math.floor(requested), 1);
  return bounded ? Math.min(size, limits.maxLimit) : size;
}

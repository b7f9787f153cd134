/**
 * Which articles the public may see, as one Strapi query-engine `where` object, for every path that
 * lists articles to anonymous readers outside Strapi's own REST/GraphQL reads: feeds, sitemaps and
 * ninjs (src/api/feed). Today that is "published". Withdrawal (`withdrawnAt`) and embargo
 * (`embargoedUntil` later than `now`) belong here as well, so every such path drops those articles
 * at once; `now` is a parameter for that reason (and so tests can pass a fixed instant).
 */
export function publicArticleWhere(_now: Date): Record<string, unknown> {
  return { publishedAt: { $notNull: true } };
}

/**
 * The frontend's article page (see README, "Frontend API"). Loaded before `article.ts` (routes load in
 * file-name order), so `/articles/slug/…` is matched here and never taken for a documentId.
 */

// The same rule as the core reads: anonymous callers get published content whatever they ask for.
const config = { middlewares: ['global::published-only'] };

export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/slug/:slug',
      handler: 'api::article.article.findBySlug',
      config,
    },
    {
      method: 'GET',
      path: '/articles/slug/:slug/jsonld',
      handler: 'api::article.article.jsonLdBySlug',
      config,
    },
  ],
};

/**
 * The frontend's article page (see README, "Frontend API"). Loaded before `article.ts` (routes load in
 * file-name order), so `/articles/slug/…` is matched here and never taken for a documentId.
 */

// The same rule as the core reads (anonymous callers get published content whatever they ask for),
// then the page pipeline: validate, resolve, fingerprint, answer from cache or let the handler build.
const pipeline = (variant: 'page' | 'jsonld' | 'ninjs') => ({
  middlewares: ['global::published-only', { name: 'api::article.article-page', config: { variant } }],
});

export default {
  routes: [
    {
      method: 'GET',
      path: '/articles/slug/:slug',
      handler: 'api::article.article.findBySlug',
      config: pipeline('page'),
    },
    {
      method: 'GET',
      path: '/articles/slug/:slug/jsonld',
      handler: 'api::article.article.jsonLdBySlug',
      config: pipeline('jsonld'),
    },
    {
      method: 'GET',
      path: '/articles/slug/:slug/ninjs',
      handler: 'api::article.article.ninjsBySlug',
      config: pipeline('ninjs'),
    },
  ],
};

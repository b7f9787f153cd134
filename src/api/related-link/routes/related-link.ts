import { factories } from '@strapi/strapi';

// Public reads see published content only, whatever `status` they ask for.
const publishedOnly = { middlewares: ['global::published-only'] };

export default factories.createCoreRouter('api::related-link.related-link', {
  config: { find: publishedOnly, findOne: publishedOnly },
});

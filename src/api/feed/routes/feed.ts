/**
 * Feeds and sitemaps (README, "Feeds, sitemaps and ninjs"). Public by default: the public role is
 * granted these actions at every boot (src/bootstrap/public-permissions.ts). They list published
 * articles only, whoever asks: there is no `status` parameter to ask for drafts.
 */
export default {
  routes: [
    { method: 'GET', path: '/feeds/rss', handler: 'api::feed.feed.rss', config: {} },
    { method: 'GET', path: '/feeds/atom', handler: 'api::feed.feed.atom', config: {} },
    { method: 'GET', path: '/sitemap.xml', handler: 'api::feed.feed.sitemapIndex', config: {} },
    { method: 'GET', path: '/sitemap/articles.xml', handler: 'api::feed.feed.articleSitemap', config: {} },
    { method: 'GET', path: '/sitemap/news.xml', handler: 'api::feed.feed.newsSitemap', config: {} },
  ],
};

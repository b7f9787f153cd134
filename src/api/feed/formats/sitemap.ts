import { serialize, textElement, toWib, xmlDocument } from './xml';

/**
 * Sitemaps (sitemaps.org 0.9): the index, the article sitemaps with a `xhtml:link rel="alternate"
 * hreflang` per language version, and the Google News sitemap. Pure: the service hands in URLs.
 */

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** The protocol's limit: at most 50,000 URLs (and 50 MB) in one sitemap file. */
export const MAX_URLS_PER_SITEMAP = 50_000;
/** Google News reads at most 1,000 URLs from one News sitemap. */
export const MAX_NEWS_URLS = 1_000;
/** Google News takes articles of the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

export interface SitemapRef {
  loc: string;
  lastmod: string | Date | null;
}

export interface LanguageVersion {
  hreflang: string;
  href: string;
}

export interface SitemapUrl {
  loc: string;
  lastmod: string | Date | null;
  /** Every language version of the article, this one included (Google asks for the page itself too). */
  alternates: LanguageVersion[];
}

export interface NewsUrl {
  loc: string;
  publicationName: string;
  language: string;
  title: string;
  publicationDate: string | Date;
}

/** `<sitemapindex>`: one `<sitemap>` per file. */
export function buildSitemapIndex(sitemaps: SitemapRef[]): string {
  const document = xmlDocument();
  const index = document.ele(SITEMAP_NS, 'sitemapindex');
  for (const sitemap of sitemaps) {
    const entry = index.ele('sitemap');
    textElement(entry, 'loc', sitemap.loc);
    if (sitemap.lastmod) textElement(entry, 'lastmod', toWib(sitemap.lastmod));
  }
  return serialize(document);
}

/** `<urlset>` of article pages, with their language versions. */
export function buildArticleSitemap(urls: SitemapUrl[]): string {
  const document = xmlDocument();
  const urlset = document.ele(SITEMAP_NS, 'urlset', { 'xmlns:xhtml': XHTML_NS });
  for (const url of urls) {
    const entry = urlset.ele('url');
    textElement(entry, 'loc', url.loc);
    if (url.lastmod) textElement(entry, 'lastmod', toWib(url.lastmod));
    // A single version has nothing to point at: Google wants alternates only between versions.
    if (url.alternates.length > 1) {
      for (const alternate of url.alternates) {
        entry.ele(XHTML_NS, 'xhtml:link', { rel: 'alternate', hreflang: alternate.hreflang, href: alternate.href });
      }
    }
  }
  return serialize(document);
}

/** A Google News sitemap: `news:news` with the publication, its language, the title and the publication date. */
export function buildNewsSitemap(urls: NewsUrl[]): string {
  const document = xmlDocument();
  const urlset = document.ele(SITEMAP_NS, 'urlset', { 'xmlns:news': NEWS_NS });
  for (const url of urls) {
    const entry = urlset.ele('url');
    textElement(entry, 'loc', url.loc);
    const news = entry.ele(NEWS_NS, 'news:news');
    const publication = news.ele(NEWS_NS, 'news:publication');
    publication.ele(NEWS_NS, 'news:name').txt(url.publicationName);
    publication.ele(NEWS_NS, 'news:language').txt(url.language);
    news.ele(NEWS_NS, 'news:publication_date').txt(toWib(url.publicationDate));
    news.ele(NEWS_NS, 'news:title').txt(url.title);
  }
  return serialize(document);
}

import type { Core } from '@strapi/strapi';
import { summaryOf } from '../../article/page/blocks';
import { articleUri } from '../../article/page/ninjs';
import { publicArticleUrl, readFrontendSettings, type FrontendSettings } from '../../article/page/settings';
import { buildArticleSitemap, buildNewsSitemap, buildSitemapIndex, MAX_NEWS_URLS, MAX_URLS_PER_SITEMAP, NEWS_WINDOW_MS, type SitemapRef } from '../formats/sitemap';
import { buildAtom, buildRss, type FeedChannel, type FeedEntry, type FeedImage } from '../formats/syndication';
import { feedKey, sitemapKey } from '../../../cache/surrogate-keys';
import { createFeedRepository, type FeedRow } from '../repository';
import { FeedRequestError, type FeedRequest, type SitemapPageRequest } from '../request';

/** The newest articles a feed carries. */
export const FEED_SIZE = 50;

/** A finished response: the text, its media type and its surrogate keys. */
export interface Rendered {
  body: string;
  type: string;
  /** Surrogate keys of what the document lists (src/cache/surrogate-keys.ts): an article change in one of these locales purges it. */
  keys: string[];
}

export const RSS_TYPE = 'application/rss+xml; charset=utf-8';
export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
export const XML_TYPE = 'application/xml; charset=utf-8';

/**
 * URLs per article sitemap file: the protocol's 50,000 unless SITEMAP_URLS_PER_FILE says fewer (a
 * smaller file is cheaper to build; tests use it to reach page 2 without 50,000 articles).
 */
export function readSitemapPageSize(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SITEMAP_URLS_PER_FILE;
  if (raw === undefined || raw === '') return MAX_URLS_PER_SITEMAP;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > MAX_URLS_PER_SITEMAP) {
    throw new Error(`SITEMAP_URLS_PER_FILE must be a whole number from 1 to ${MAX_URLS_PER_SITEMAP}, not "${raw}".`);
  }
  return value;
}

/** The site's home page for a locale: the public URL template up to `{slug}`. */
export function siteHomeUrl(settings: Pick<FrontendSettings, 'publicUrlTemplate'>, locale: string): string {
  const template = settings.publicUrlTemplate;
  const prefix = template.slice(0, template.indexOf('{slug}')).replace(/\{locale\}/g, encodeURIComponent(locale));
  try {
    return new URL(prefix).toString();
  } catch {
    return new URL(publicArticleUrl(settings, locale, 'x')).origin + '/';
  }
}

/** Google News takes an ISO 639 code (zh-cn and zh-tw for Chinese): `pt-BR` → `pt`. */
export function newsLanguage(locale: string): string {
  const lower = locale.toLowerCase();
  return lower === 'zh-cn' || lower === 'zh-tw' ? lower : lower.split('-')[0]!;
}

/** The lead photo's image: position 0 first, else the first photo that has an uploaded image. */
function leadImage(row: FeedRow, mediaBaseUrl: string): FeedImage | null {
  const photo = (row.photos ?? []).find((candidate) => candidate.image?.url);
  const image = photo?.image;
  if (!photo || !image) return null;
  let url: string;
  try {
    url = new URL(image.url, mediaBaseUrl).toString();
  } catch {
    return null;
  }
  if (!/^https?:/.test(url)) return null;
  return {
    url,
    mime: image.mime,
    width: image.width,
    height: image.height,
    // Strapi stores sizes in kB (1,000 bytes).
    size: typeof image.size === 'number' ? Math.round(image.size * 1000) : null,
    caption: photo.caption,
    credit: photo.credit,
  };
}

/** Feeds and sitemaps of the publicly visible articles (see README, "Feeds, sitemaps and ninjs"). */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createFeedRepository(strapi);
  const settings = readFrontendSettings();
  const sitemapPageSize = readSitemapPageSize();

  /** The asked locale, or the default one; a locale the CMS does not have is a 400, not an empty feed. */
  async function contentLocale(asked: string | undefined): Promise<string> {
    const codes = await repository.localeCodes();
    const locale = asked ?? (await repository.defaultLocale());
    if (!codes.includes(locale)) {
      throw new FeedRequestError(`locale "${locale}" is not a content locale of this site; use one of ${codes.join(', ')}.`, {
        locale,
        locales: codes,
      });
    }
    return locale;
  }

  async function channelAndEntries(request: FeedRequest, format: 'rss' | 'atom', baseUrl: string, now: Date) {
    const locale = await contentLocale(request.locale);
    const rows = await repository.newestArticles({ locale, section: request.section, now, limit: FEED_SIZE });
    const self = new URL(`/api/feeds/${format}`, baseUrl);
    self.searchParams.set('locale', locale);
    if (request.section) self.searchParams.set('section', request.section);
    const publisher = settings.sitePublisherName;
    const english = !locale.startsWith('id');
    const channel: FeedChannel = {
      id: `urn:kabar:feed:${encodeURIComponent(locale)}${request.section ? `:${encodeURIComponent(request.section)}` : ''}`,
      title: request.section ? `${publisher}: ${request.section}` : publisher,
      description: english
        ? `Latest news from ${publisher}${request.section ? ` in ${request.section}` : ''}`
        : `Berita terbaru ${publisher}${request.section ? ` rubrik ${request.section}` : ''}`,
      language: locale,
      homeUrl: siteHomeUrl(settings, locale),
      selfUrl: self.toString(),
      publisherName: publisher,
    };
    const entries: FeedEntry[] = rows.map((row) => ({
      id: articleUri(row.documentId, row.locale),
      url: publicArticleUrl(settings, row.locale, row.slug),
      title: row.title,
      summary: summaryOf(row),
      section: row.section,
      authors: (row.reporters ?? []).map(({ name, kind }) => ({ name, kind })),
      published: row.publishedDate,
      updated: row.updatedAt,
      image: leadImage(row, baseUrl),
    }));
    return { channel, entries };
  }

  return {
    /** RSS 2.0 of the newest FEED_SIZE visible articles of a locale (and section). */
    async rss(request: FeedRequest, baseUrl: string, now: Date): Promise<Rendered> {
      const { channel, entries } = await channelAndEntries(request, 'rss', baseUrl, now);
      return { body: buildRss(channel, entries), type: RSS_TYPE, keys: [feedKey(channel.language)] };
    },

    /** Atom 1.0 of the same articles. */
    async atom(request: FeedRequest, baseUrl: string, now: Date): Promise<Rendered> {
      const { channel, entries } = await channelAndEntries(request, 'atom', baseUrl, now);
      return { body: buildAtom(channel, entries), type: ATOM_TYPE, keys: [feedKey(channel.language)] };
    },

    /** The sitemap index: every page of every locale's article sitemap, and the News sitemap. */
    async sitemapIndex(baseUrl: string, now: Date): Promise<Rendered> {
      const summaries = await repository.localeSummaries(await repository.localeCodes(), now);
      const sitemaps: SitemapRef[] = [];
      for (const { locale, count, lastModified } of summaries) {
        const pages = Math.ceil(count / sitemapPageSize);
        for (let page = 1; page <= pages; page += 1) {
          const loc = new URL('/api/sitemap/articles.xml', baseUrl);
          loc.searchParams.set('locale', locale);
          loc.searchParams.set('page', String(page));
          sitemaps.push({ loc: loc.toString(), lastmod: lastModified });
        }
      }
      sitemaps.push({ loc: new URL('/api/sitemap/news.xml', baseUrl).toString(), lastmod: null });
      return { body: buildSitemapIndex(sitemaps), type: XML_TYPE, keys: summaries.map((summary) => sitemapKey(summary.locale)) };
    },

    /** One page of a locale's article sitemap; null when the page is past the last one (page 1 always exists). */
    async articleSitemap(request: SitemapPageRequest, now: Date): Promise<Rendered | null> {
      const locale = await contentLocale(request.locale);
      const rows = await repository.sitemapPage({ locale, page: request.page, size: sitemapPageSize, now });
      if (rows.length === 0 && request.page > 1) return null;
      const versions = await repository.languageVersions(
        rows.map((row) => row.documentId),
        now
      );
      const byDocument = new Map<string, Array<{ hreflang: string; href: string }>>();
      for (const version of versions) {
        const list = byDocument.get(version.documentId) ?? [];
        list.push({ hreflang: version.locale, href: publicArticleUrl(settings, version.locale, version.slug) });
        byDocument.set(version.documentId, list);
      }
      const urls = rows.map((row) => ({
        loc: publicArticleUrl(settings, row.locale, row.slug),
        lastmod: row.updatedAt,
        alternates: byDocument.get(row.documentId) ?? [],
      }));
      return { body: buildArticleSitemap(urls), type: XML_TYPE, keys: [sitemapKey(locale)] };
    },

    /** The Google News sitemap: visible articles of the last 48 hours, all locales, at most 1,000. */
    async newsSitemap(now: Date): Promise<Rendered> {
      const rows = await repository.publishedSince(new Date(now.getTime() - NEWS_WINDOW_MS), now, MAX_NEWS_URLS);
      const urls = rows.map((row) => ({
        loc: publicArticleUrl(settings, row.locale, row.slug),
        publicationName: settings.sitePublisherName,
        language: newsLanguage(row.locale),
        title: row.title,
        publicationDate: row.publishedDate,
      }));
      // Every locale's articles may enter it: keyed by all of them, not only those it lists now.
      return { body: buildNewsSitemap(urls), type: XML_TYPE, keys: (await repository.localeCodes()).map(sitemapKey) };
    },
  };
};

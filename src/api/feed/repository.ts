import type { Core } from '@strapi/strapi';
import { publicArticleWhere } from '../../published-only/visibility';

/**
 * The only place feeds, sitemaps and their locale checks read the database. Every article query goes
 * through `publicArticleWhere(now)`: what the public may see is decided there, once, for all of them.
 */

const ARTICLE = 'api::article.article';

export interface FeedRow {
  id: number;
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  subtitle: string | null;
  section: string | null;
  body: unknown;
  publishedDate: string | Date;
  updatedAt: string | Date;
  reporters?: Array<{ name: string; kind: 'person' | 'desk' }>;
  photos?: Array<{
    caption: string | null;
    credit: string | null;
    position: number | null;
    image?: { url: string; mime: string | null; width: number | null; height: number | null; size: number | null } | null;
  }>;
}

export interface VersionRow {
  documentId: string;
  locale: string;
  slug: string;
  updatedAt: string | Date;
}

export interface NewsRow extends VersionRow {
  title: string;
  publishedDate: string | Date;
}

export interface LocaleSummary {
  locale: string;
  count: number;
  lastModified: string | Date | null;
}

/** Bound parameters per `IN (…)` list: well under SQLite's limit of 32,766 variables a statement. */
const IN_CHUNK = 5_000;

interface QueryEngine {
  findMany(params: Record<string, unknown>): Promise<unknown[]>;
  findOne(params: Record<string, unknown>): Promise<unknown>;
  count(params: Record<string, unknown>): Promise<number>;
}

export function createFeedRepository(strapi: Core.Strapi) {
  const articles = (): QueryEngine => strapi.db.query(ARTICLE as never) as unknown as QueryEngine;
  const visible = (now: Date, ...conditions: Array<Record<string, unknown>>): Record<string, unknown> => ({
    $and: [publicArticleWhere(now), ...conditions],
  });
  const locales = () => strapi.plugin('i18n').service('locales') as { find(): Promise<Array<{ code: string }>>; getDefaultLocale(): Promise<string | undefined> };

  return {
    /** The content locales' codes, sorted. */
    async localeCodes(): Promise<string[]> {
      return (await locales().find()).map((locale) => locale.code).sort();
    },

    async defaultLocale(): Promise<string> {
      return (await locales().getDefaultLocale()) ?? 'id';
    },

    /** The newest visible articles of a locale (and section), with byline and photos: what a feed shows. */
    async newestArticles(options: { locale: string; section?: string; now: Date; limit: number }): Promise<FeedRow[]> {
      return (await articles().findMany({
        select: ['id', 'documentId', 'locale', 'title', 'slug', 'subtitle', 'section', 'body', 'publishedDate', 'updatedAt'],
        where: visible(options.now, { locale: options.locale }, ...(options.section ? [{ section: options.section }] : [])),
        orderBy: [{ publishedDate: 'desc' }, { id: 'desc' }],
        limit: options.limit,
        populate: {
          reporters: { select: ['name', 'kind'] },
          photos: {
            select: ['caption', 'credit', 'position'],
            where: { publishedAt: { $notNull: true } },
            orderBy: [{ position: 'asc' }, { id: 'asc' }],
            populate: { image: { select: ['url', 'mime', 'width', 'height', 'size'] } },
          },
        },
      })) as FeedRow[];
    },

    /** Per locale: how many articles are visible and when the newest change was. */
    async localeSummaries(localeCodes: string[], now: Date): Promise<LocaleSummary[]> {
      const summaries: LocaleSummary[] = [];
      for (const locale of localeCodes) {
        const where = visible(now, { locale });
        const count = await articles().count({ where });
        const newest = (await articles().findOne({ select: ['updatedAt'], where, orderBy: [{ updatedAt: 'desc' }] })) as {
          updatedAt: string | Date;
        } | null;
        summaries.push({ locale, count, lastModified: newest?.updatedAt ?? null });
      }
      return summaries;
    },

    /**
     * One page of a locale's visible articles, oldest first so that a page keeps its URLs as new
     * articles arrive (they land on the last page).
     */
    async sitemapPage(options: { locale: string; page: number; size: number; now: Date }): Promise<VersionRow[]> {
      return (await articles().findMany({
        select: ['documentId', 'locale', 'slug', 'updatedAt'],
        where: visible(options.now, { locale: options.locale }),
        orderBy: [{ publishedDate: 'asc' }, { id: 'asc' }],
        limit: options.size,
        offset: (options.page - 1) * options.size,
      })) as VersionRow[];
    },

    /** Every visible language version of these documents. */
    async languageVersions(documentIds: string[], now: Date): Promise<VersionRow[]> {
      const unique = [...new Set(documentIds)];
      const rows: VersionRow[] = [];
      for (let start = 0; start < unique.length; start += IN_CHUNK) {
        const chunk = unique.slice(start, start + IN_CHUNK);
        rows.push(
          ...((await articles().findMany({
            select: ['documentId', 'locale', 'slug', 'updatedAt'],
            where: visible(now, { documentId: { $in: chunk } }),
            orderBy: [{ locale: 'asc' }],
          })) as VersionRow[])
        );
      }
      return rows;
    },

    /** Visible articles in every locale published since `since`, newest first. */
    async publishedSince(since: Date, now: Date, limit: number): Promise<NewsRow[]> {
      return (await articles().findMany({
        select: ['documentId', 'locale', 'slug', 'title', 'publishedDate', 'updatedAt'],
        where: visible(now, { publishedDate: { $gte: since.toISOString() } }),
        orderBy: [{ publishedDate: 'desc' }, { id: 'desc' }],
        limit,
      })) as NewsRow[];
    },
  };
}

export type FeedRepository = ReturnType<typeof createFeedRepository>;

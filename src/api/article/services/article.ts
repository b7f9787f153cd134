import { factories, type Core } from '@strapi/strapi';
import { createPageRepository, PAGE_POPULATE, type Alternate, type ArticlePage, type PageRow, type PageStatus } from '../page/repository';
import { newsArticleJsonLd } from '../page/json-ld';
import { weakEtag } from '../page/http-cache';
import type { PageRequest } from '../page/request';
import { publicArticleUrl, readFrontendSettings, type FrontendSettings } from '../page/settings';

/** Which version answers a page request. */
export interface ResolvedPage {
  row: PageRow;
  requestedLocale: string;
  status: PageStatus;
  /** True when `row` is in another locale than the one asked for. */
  fellBack: boolean;
}

/** A public page response as sent: JSON text, its media type and language. */
export interface CachedBody {
  json: string;
  type: string;
  language: string;
  /** The page's surrogate keys (`xkey`), or null when too many to send. */
  surrogateKeys: string | null;
}

/** The two representations of a page: the REST data and the JSON-LD. */
export type PageVariant = 'page' | 'jsonld';

/** What the page pipeline (middlewares/article-page.ts) hands the controller. */
export interface PreparedPage {
  variant: PageVariant;
  request: PageRequest;
  resolved: ResolvedPage;
  /** The fingerprint of a public read, else null (nothing is cached for a caller with credentials). */
  etag: string | null;
  mediaBaseUrl: string;
}

/** Koa's `ctx.state.auth`, as Strapi's content-API authentication leaves it. */
export type RequestAuth = unknown;

export interface LoadedPage {
  page: ArticlePage;
  alternates: Alternate[];
}

/** The article service: Strapi's core service plus the frontend's page, JSON-LD and ETag. */
export default factories.createCoreService('api::article.article', ({ strapi }: { strapi: Core.Strapi }) => {
  const repository = createPageRepository(strapi);
  const settings: FrontendSettings = readFrontendSettings();

  /**
   * Serialized public pages by ETag. The ETag names the exact version of everything a page shows
   * (checked on every request), so an entry is never stale; least recently used entries go first.
   */
  const bodies = new Map<string, CachedBody>();

  /**
   * The content types a page's relations lead to (reporters, photos, related links, linked
   * articles): Strapi's output sanitizer drops a relation whose target the caller may not `find`.
   */
  const relationTargets = (): string[] => {
    const targets = new Set<string>();
    const walk = (uid: string, populate: Record<string, unknown>): void => {
      const attributes = (strapi.contentType(uid as never) as { attributes: Record<string, { type: string; target?: string }> }).attributes;
      for (const [name, nested] of Object.entries(populate)) {
        const attribute = attributes[name];
        if (attribute?.type !== 'relation' || !attribute.target) continue;
        targets.add(attribute.target);
        const deeper = (nested as { populate?: Record<string, unknown> }).populate;
        if (deeper) walk(attribute.target, deeper);
      }
    };
    walk('api::article.article', PAGE_POPULATE);
    return [...targets].sort();
  };
  let targets: string[] | null = null;

  const defaultLocale = async (): Promise<string> =>
    ((await strapi.plugin('i18n').service('locales').getDefaultLocale()) as string | undefined) ?? 'id';

  return {
    frontendSettings(): FrontendSettings {
      return settings;
    },

    /**
     * The version that answers: the slug in the asked locale; with `fallback`, when the article has no
     * version there, its version in the default locale (found through the slug in any locale).
     */
    async resolvePage(request: PageRequest): Promise<ResolvedPage | null> {
      const requestedLocale = request.locale ?? (await defaultLocale());
      const exact = await repository.findBySlug(request.slug, requestedLocale, request.status);
      if (exact) return { row: exact, requestedLocale, status: request.status, fellBack: false };
      if (!request.fallback) return null;

      const fallbackLocale = await defaultLocale();
      const any = await repository.findDocumentBySlug(request.slug, fallbackLocale, request.status);
      if (!any) return null;
      // The article exists in the asked locale under another slug: that version is the right answer.
      const own = await repository.findVersion(any.documentId, requestedLocale, request.status);
      if (own) return { row: own, requestedLocale, status: request.status, fellBack: false };
      const fallback = any.locale === fallbackLocale ? any : await repository.findVersion(any.documentId, fallbackLocale, request.status);
      return fallback ? { row: fallback, requestedLocale, status: request.status, fellBack: true } : null;
    },

    /**
     * A weak ETag from the version of the published page (one small query), computed before and
     * without building the page, so that a `304` costs little. The JSON-LD also depends on the
     * settings and on the base of its media URLs.
     */
    async pageEtag(resolved: ResolvedPage, variant: PageVariant, mediaBaseUrl: string, visible: string[]): Promise<string> {
      const version = await repository.publishedVersion(resolved.row);
      const extra = variant === 'jsonld' ? [mediaBaseUrl, settings.publicUrlTemplate, settings.sitePublisherName] : [];
      return weakEtag([variant, resolved.requestedLocale, resolved.row.locale, visible.join(','), ...extra, ...version]);
    },

    /**
     * Which of the page's relation targets this caller may read now, checked as Strapi's sanitizer
     * checks them (`<type>.find` against the request's auth): the permission part of the fingerprint.
     */
    async visibleRelations(auth: RequestAuth): Promise<string[]> {
      targets ??= relationTargets();
      const visible: string[] = [];
      for (const uid of targets) {
        try {
          await strapi.auth.verify(auth as never, { scope: [`${uid}.find`] } as never);
          visible.push(uid);
        } catch {
          // Not allowed: the sanitizer will drop this relation from the page.
        }
      }
      return visible;
    },

    /** Where `/uploads/…` paths point: the configured `server.url` when absolute, else the request's origin. */
    mediaBaseUrl(origin: string): string {
      const configured = strapi.config.get('server.url') as string | undefined;
      return configured && /^https?:\/\//.test(configured) ? configured : origin;
    },

    /** The serialized public response for this ETag, if this process built it recently. */
    cachedBody(etag: string): CachedBody | undefined {
      const hit = bodies.get(etag);
      if (hit) {
        bodies.delete(etag);
        bodies.set(etag, hit);
      }
      return hit;
    },

    /** Keeps a public response for its ETag (at most PUBLIC_PAGE_CACHE_SIZE entries; 0 keeps none). */
    rememberBody(etag: string, body: CachedBody): void {
      if (settings.pageCacheSize === 0) return;
      bodies.set(etag, body);
      while (bodies.size > settings.pageCacheSize) bodies.delete(bodies.keys().next().value as string);
    },

    /** The whole page of a resolved version and its language alternates; null if it vanished meanwhile. */
    async loadPage(resolved: ResolvedPage): Promise<LoadedPage | null> {
      const [page, alternates] = await Promise.all([
        repository.loadPage(resolved.row, resolved.status),
        repository.alternates(resolved.row.documentId, resolved.status),
      ]);
      return page ? { page, alternates } : null;
    },

    /** The schema.org NewsArticle of a page. `mediaBaseUrl` resolves `/uploads/…` paths. */
    jsonLd(page: ArticlePage, mediaBaseUrl: string): Record<string, unknown> {
      return newsArticleJsonLd(page, {
        url: publicArticleUrl(settings, page.locale, page.slug),
        sitePublisherName: settings.sitePublisherName,
        mediaBaseUrl,
      });
    },
  };
});

export type { PageRequest };

export type ArticleService = {
  frontendSettings(): FrontendSettings;
  resolvePage(request: PageRequest): Promise<ResolvedPage | null>;
  pageEtag(resolved: ResolvedPage, variant: PageVariant, mediaBaseUrl: string, visible: string[]): Promise<string>;
  visibleRelations(auth: RequestAuth): Promise<string[]>;
  mediaBaseUrl(origin: string): string;
  cachedBody(etag: string): CachedBody | undefined;
  rememberBody(etag: string, body: CachedBody): void;
  loadPage(resolved: ResolvedPage): Promise<LoadedPage | null>;
  jsonLd(page: ArticlePage, mediaBaseUrl: string): Record<string, unknown>;
};

import { factories, type Core } from '@strapi/strapi';
import { createPageRepository, oldestFirst, PAGE_POPULATE, type Alternate, type ArticlePage, type PageRow, type PageStatus } from '../page/repository';
import { newsArticleJsonLd } from '../page/json-ld';
import { articleNinjs } from '../page/ninjs';
import { weakEtag } from '../page/http-cache';
import type { PageRequest } from '../page/request';
import { publicArticleUrl, readFrontendSettings, type FrontendSettings } from '../page/settings';
import { instant, isUnderEmbargo, isWithdrawn } from '../../../published-only/visibility';

/** Whether a resolved version may be shown: yes, gone (withdrawn: 410), or hidden (under embargo: 404 to the public). */
export type PageGate = 'visible' | 'withdrawn' | 'embargoed';

/** The body of a withdrawn article's page (410 Gone), as the issue and the README give it. */
export interface GoneBody {
  data: { title: string; withdrawnAt: string; withdrawalReason: string | null };
  error: { status: 410; name: 'GoneError'; message: string };
}

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

/** The representations of a page: the REST data, the JSON-LD and the IPTC ninjs. */
export type PageVariant = 'page' | 'jsonld' | 'ninjs';

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
     * without building the page, so that a `304` costs little. The JSON-LD and the ninjs also depend
     * on the settings and on the base of their media URLs.
     */
    async pageEtag(resolved: ResolvedPage, variant: PageVariant, mediaBaseUrl: string, visible: string[], now: Date): Promise<string> {
      const version = await repository.publishedVersion(resolved.row, now);
      const extra = variant === 'jsonld' || variant === 'ninjs' ? [mediaBaseUrl, settings.publicUrlTemplate, settings.sitePublisherName] : [];
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

    /**
     * What the page may show of this version at `now` (visibility.ts holds the rule): a withdrawal
     * applies to every caller, an embargo only to the public (`publicReader`); a preview token sees it.
     */
    gate(resolved: ResolvedPage, publicReader: boolean, now: Date): PageGate {
      if (isWithdrawn(resolved.row, now)) return 'withdrawn';
      if (publicReader && isUnderEmbargo(resolved.row, now)) return 'embargoed';
      return 'visible';
    },

    /** The 410 body of a withdrawn version: its title, when and why, and nothing of its text. */
    goneBody(resolved: ResolvedPage): GoneBody {
      const { row } = resolved;
      const withdrawnAt = new Date(instant(row.withdrawnAt) ?? 0).toISOString();
      return {
        data: { title: row.title, withdrawnAt, withdrawalReason: row.withdrawalReason ?? null },
        error: {
          status: 410,
          name: 'GoneError',
          message: `The article "${row.slug}" was withdrawn by the editors on ${withdrawnAt}${row.withdrawalReason ? `: ${row.withdrawalReason}` : '.'}`,
        },
      };
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
      return page ? { page: { ...page, corrections: oldestFirst(page.corrections) }, alternates } : null;
    },

    /** The schema.org NewsArticle of a page. `mediaBaseUrl` resolves `/uploads/…` paths. */
    jsonLd(page: ArticlePage, mediaBaseUrl: string): Record<string, unknown> {
      return newsArticleJsonLd(page, {
        url: publicArticleUrl(settings, page.locale, page.slug),
        sitePublisherName: settings.sitePublisherName,
        mediaBaseUrl,
      });
    },

    /** The IPTC ninjs 2.2 object of a page. `mediaBaseUrl` resolves `/uploads/…` paths. */
    ninjs(page: ArticlePage, mediaBaseUrl: string): Record<string, unknown> {
      return articleNinjs(page, {
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
  pageEtag(resolved: ResolvedPage, variant: PageVariant, mediaBaseUrl: string, visible: string[], now: Date): Promise<string>;
  gate(resolved: ResolvedPage, publicReader: boolean, now: Date): PageGate;
  goneBody(resolved: ResolvedPage): GoneBody;
  visibleRelations(auth: RequestAuth): Promise<string[]>;
  mediaBaseUrl(origin: string): string;
  cachedBody(etag: string): CachedBody | undefined;
  rememberBody(etag: string, body: CachedBody): void;
  loadPage(resolved: ResolvedPage): Promise<LoadedPage | null>;
  jsonLd(page: ArticlePage, mediaBaseUrl: string): Record<string, unknown>;
  ninjs(page: ArticlePage, mediaBaseUrl: string): Record<string, unknown>;
};

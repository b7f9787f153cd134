import type { Core } from '@strapi/strapi';
import { parseArticle, type ParsedArticle, type ParseWarning } from '../parser';
import { ImportError } from './errors';
import { lockKey } from './lock';
import { planArticle, type ArticlePlan, type ContentLocale, type ReporterInput, type ReporterRole } from './mapping';

const ARTICLE = 'api::article.article';
const REPORTER = 'api::reporter.reporter';
const PHOTO = 'api::photo.photo';
const RELATED_LINK = 'api::related-link.related-link';
const ROLES: readonly ReporterRole[] = ['reporters', 'editors', 'translators'];

export type ImportStatus = 'published' | 'draft';
export type ImportAction = 'created' | 'updated' | 'unchanged';

export interface ImportOptions {
  /** Content locale; defaults to the page's language (`id` → `id`, `en` → `en`). */
  locale?: ContentLocale;
  /** `published` (default) or `draft`. */
  status?: ImportStatus;
  /** Plan only: report what would happen, write nothing. */
  dryRun?: boolean;
  /** When the page was captured: resolves relative ages, dates an undated page. */
  capturedAt?: string;
  /** The page's URL: the article's natural key when given. */
  originalUrl?: string;
}

export interface ImportReport {
  action: ImportAction;
  /** null only in a dry run that would create the article. */
  documentId: string | null;
  slug: string;
  locale: ContentLocale;
  status: ImportStatus;
  dryRun: boolean;
  counts: { reporters: number; reportersCreated: number; photos: number; relatedLinks: number };
  warnings: ParseWarning[];
}

interface ExistingArticle {
  id: number;
  documentId: string;
  slug: string;
  contentHash: string | null;
}

// The Document Service's generics are keyed on generated content-type names this plugin cannot see.
type Documents = (uid: string) => {
  create(params: Record<string, unknown>): Promise<{ documentId: string }>;
  update(params: Record<string, unknown>): Promise<{ documentId: string } | null>;
  delete(params: Record<string, unknown>): Promise<unknown>;
  publish(params: Record<string, unknown>): Promise<unknown>;
};

/** The importer: a parsed article in, Kabar documents out, all or nothing per article. */
export function createImporter(strapi: Core.Strapi) {
  const documents = strapi.documents as unknown as Documents;
  const query = (uid: string) => strapi.db.query(uid as never);

  async function assertLocale(locale: string): Promise<void> {
    const known = await strapi.plugin('i18n').service('locales').findByCode(locale);
    if (!known) throw new ImportError('UNKNOWN_LOCALE', `Locale "${locale}" does not exist; use "id" or "en".`);
  }

  /** The article this story was imported as before, in this locale (its draft row: every document has one). */
  async function findExisting(plan: ArticlePlan): Promise<ExistingArticle | null> {
    return query(ARTICLE).findOne({
      select: ['id', 'documentId', 'slug', 'contentHash'],
      where: { importKey: plan.article.importKey, locale: plan.locale, publishedAt: null },
    });
  }

  async function isPublished(documentId: string, locale: string): Promise<boolean> {
    return (await query(ARTICLE).count({ where: { documentId, locale, publishedAt: { $notNull: true } } })) > 0;
  }

  /** The title's slug, or the first `-2`, `-3`… free in this locale when another story already has it. */
  async function freeSlug(base: string, locale: string, ownDocumentId: string | null): Promise<string> {
    for (let n = 1; ; n += 1) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      const taken = await query(ARTICLE).findOne({
        select: ['id'],
        where: { slug: candidate, locale, ...(ownDocumentId ? { documentId: { $ne: ownDocumentId } } : {}) },
      });
      if (!taken) return candidate;
    }
  }

  const uniqueReporters = (plan: ArticlePlan): ReporterInput[] =>
    [...new Map(ROLES.flatMap((role) => plan.byline[role]).map((r) => [r.slug, r])).values()].sort((a, b) =>
      a.slug.localeCompare(b.slug)
    );

  async function findReporterIds(slugs: string[]): Promise<Map<string, string>> {
    if (slugs.length === 0) return new Map();
    const rows: Array<{ slug: string; documentId: string }> = await query(REPORTER).findMany({
      select: ['slug', 'documentId'],
      where: { slug: { $in: slugs } },
    });
    return new Map(rows.map((row) => [row.slug, row.documentId]));
  }

  /** Finds or creates each credited reporter, under a lock per name so parallel imports share one row. */
  async function ensureReporters(trx: Parameters<typeof lockKey>[1], plan: ArticlePlan): Promise<{ ids: Map<string, string>; created: number }> {
    const wanted = uniqueReporters(plan);
    for (const reporter of wanted) await lockKey(strapi, trx, `reporter:${reporter.slug}`); // sorted: no deadlock
    const ids = await findReporterIds(wanted.map((r) => r.slug));
    let created = 0;
    for (const reporter of wanted.filter((r) => !ids.has(r.slug))) {
      const doc = await documents(REPORTER).create({ data: { ...reporter } });
      ids.set(reporter.slug, doc.documentId);
      created += 1;
    }
    return { ids, created };
  }

  /** Links a related item to the article of that exact title when the CMS has it in this locale. */
  async function targetFor(title: string, locale: string, self: string): Promise<string | null> {
    const row = await query(ARTICLE).findOne({
      select: ['documentId'],
      where: { title, locale, documentId: { $ne: self } },
    });
    return row?.documentId ?? null;
  }

  async function removeChildren(documentId: string, locale: string): Promise<void> {
    for (const uid of [PHOTO, RELATED_LINK]) {
      const rows: Array<{ documentId: string }> = await query(uid).findMany({
        select: ['documentId'],
        where: { locale, article: { documentId } },
      });
      for (const documentIdOfChild of new Set(rows.map((row) => row.documentId))) {
        await documents(uid).delete({ documentId: documentIdOfChild, locale });
      }
    }
  }

  async function writeChildren(plan: ArticlePlan, documentId: string, status: ImportStatus): Promise<void> {
    for (const photo of plan.photos) {
      await documents(PHOTO).create({ locale: plan.locale, status, data: { ...photo, article: documentId } });
    }
    for (const link of plan.relatedLinks) {
      const target = await targetFor(link.title, plan.locale, documentId);
      await documents(RELATED_LINK).create({
        locale: plan.locale,
        status,
        data: { ...link, article: documentId, ...(target ? { target } : {}) },
      });
    }
  }

  function report(plan: ArticlePlan, fields: Pick<ImportReport, 'action' | 'documentId' | 'slug'>, options: ImportOptions, reportersCreated: number, warnings: ParseWarning[]): ImportReport {
    return {
      ...fields,
      locale: plan.locale,
      status: options.status ?? 'published',
      dryRun: Boolean(options.dryRun),
      counts: {
        reporters: uniqueReporters(plan).length,
        reportersCreated,
        photos: plan.photos.length,
        relatedLinks: plan.relatedLinks.length,
      },
      warnings,
    };
  }

  async function decide(plan: ArticlePlan, status: ImportStatus): Promise<{ existing: ExistingArticle | null; unchanged: boolean }> {
    const existing = await findExisting(plan);
    const unchanged =
      existing !== null &&
      existing.contentHash === plan.article.contentHash &&
      (status === 'draft' || (await isPublished(existing.documentId, plan.locale)));
    return { existing, unchanged };
  }

  /** Imports one parsed article: created, updated in place, or unchanged; one transaction. */
  async function importParsed(parsed: ParsedArticle, options: ImportOptions = {}): Promise<ImportReport> {
    const status: ImportStatus = options.status ?? 'published';
    if (status !== 'published' && status !== 'draft') {
      throw new ImportError('BAD_OPTION', `status must be "published" or "draft", not "${String(status)}".`);
    }
    const plan = planArticle(parsed, {
      locale: options.locale,
      originalUrl: options.originalUrl,
      capturedAt: options.capturedAt,
    });
    await assertLocale(plan.locale);

    if (options.dryRun) {
      const { existing, unchanged } = await decide(plan, status);
      const known = await findReporterIds(uniqueReporters(plan).map((r) => r.slug));
      const slug = existing?.slug ?? (await freeSlug(plan.article.slug, plan.locale, null));
      const action: ImportAction = unchanged ? 'unchanged' : existing ? 'updated' : 'created';
      return report(plan, { action, documentId: existing?.documentId ?? null, slug }, options, unchanged ? 0 : uniqueReporters(plan).length - known.size, parsed.warnings);
    }

    return strapi.db.transaction(async ({ trx }) => {
      await lockKey(strapi, trx, `article:${plan.locale}:${plan.article.importKey}`);
      const { existing, unchanged } = await decide(plan, status);
      if (unchanged && existing) {
        return report(plan, { action: 'unchanged', documentId: existing.documentId, slug: existing.slug }, options, 0, parsed.warnings);
      }

      const reporters = await ensureReporters(trx, plan);
      const slug = await freeSlug(plan.article.slug, plan.locale, existing?.documentId ?? null);
      const data = {
        ...plan.article,
        slug,
        ...Object.fromEntries(ROLES.map((role) => [role, plan.byline[role].map((r) => reporters.ids.get(r.slug))])),
      };

      let documentId: string;
      if (existing) {
        documentId = existing.documentId;
        await removeChildren(documentId, plan.locale);
        await documents(ARTICLE).update({ documentId, locale: plan.locale, data });
        if (status === 'published') await documents(ARTICLE).publish({ documentId, locale: plan.locale });
      } else {
        documentId = (await documents(ARTICLE).create({ locale: plan.locale, status, data })).documentId;
      }
      // After the article: a published photo or link attaches to the article's published version.
      await writeChildren(plan, documentId, status);
      return report(plan, { action: existing ? 'updated' : 'created', documentId, slug }, options, reporters.created, parsed.warnings);
    });
  }

  /** Parses the text of one page and imports it (see importParsed). */
  async function importText(text: string | Uint8Array, options: ImportOptions = {}): Promise<ImportReport> {
    const parsed = parseArticle(text, options.capturedAt ? { capturedAt: options.capturedAt } : {});
    return importParsed(parsed, options);
  }

  return { importParsed, importText };
}

export type Importer = ReturnType<typeof createImporter>;

import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { ImportAction, ImportStatus } from '../../../shared/contracts/imports';
import { ImporterError } from '../errors';
import { transientFailure } from './transient';
import { lockKey, lockKeys } from './lock';
import type { ArticlePlan, ReporterInput, ReporterRole } from './mapping';
import { ARTICLE_FIELDS, type ArticleSnapshot } from './changes';
import type { DocumentEvent, DocumentUid } from './events';
import { createFootprints, encodeFootprint, hashFootprint, type UndoData } from './footprint';
import { newDocumentId } from './document-id';
import { createWriter, linkTableOf, type Version, type VersionedLink, type VersionIds, type Writer } from './writer';

const ARTICLE = 'api::article.article' as const;
const REPORTER = 'api::reporter.reporter' as const;
const PHOTO = 'api::photo.photo' as const;
const RELATED_LINK = 'api::related-link.related-link' as const;
const ROLES: readonly ReporterRole[] = ['reporters', 'editors', 'translators'];
/**
 * Article fields only editors write (the page never carries them): an import leaves them alone, and
 * when it publishes an article that had only a draft, the new published version takes them from the
 * draft, so an embargo or a withdrawal set before the import still holds after it.
 */
const EDITORIAL_FIELDS = ['withdrawnAt', 'withdrawalReason', 'embargoedUntil', 'scheduledUnpublishAt'] as const;

/** One document the write step created, updated, published or deleted: what Strapi's events and a cache purge need. */
export interface ChangedDocument {
  uid: DocumentUid;
  documentId: string;
  /** null for a type that is not localized (reporters). */
  locale: string | null;
  /** The event the Document Service emits for this write. */
  event: DocumentEvent;
  /** The row written (or deleted). */
  rowId: number;
  /** A deleted row as it was (events of deleted rows carry it, as the Document Service's do). */
  deletedRow?: Record<string, unknown>;
}

/** What the write step did, decided inside the import's transaction (`changes` in write order). */
export interface WriteResult {
  action: ImportAction;
  /** null only in a dry run that would create the article. */
  documentId: string | null;
  slug: string;
  reportersCreated: number;
  /** Every document written, in order; empty for `unchanged` and a dry run. A hook that must act inside the transaction reads it here. */
  changes: ChangedDocument[];
  /** The article as it was before an update (null when created or unchanged). */
  before: ArticleSnapshot | null;
  /** What an undo of this write needs (null when nothing was written). */
  undo: UndoData | null;
}

interface ArticleRow {
  id: number;
  documentId: string;
  title: string;
  slug: string;
  importKey: string | null;
  contentHash: string | null;
  publishedAt: unknown;
  createdAt: unknown;
}

/** The rows of one imported article in one locale: its draft (every document has one) and its published version. */
interface ExistingArticle {
  documentId: string;
  slug: string;
  draft: ArticleRow;
  published: ArticleRow | null;
}

/** What the database already holds that matters to one import (see `lookUp`). */
interface Lookup {
  existing: ExistingArticle | null;
  /** Same content already there: nothing to write. */
  unchanged: boolean;
  /** Slugs (starting with the article's base slug) held by other documents of this locale. */
  takenSlugs: Set<string>;
  /** Related item title → the rows of the first other article of this locale with exactly that title. */
  targets: Map<string, VersionIds>;
}

const isDraft = (row: { publishedAt: unknown }): boolean => row.publishedAt === null || row.publishedAt === undefined;

const toDate = (value: unknown, fallback: Date): Date => {
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') return new Date(value);
  return fallback;
};

/** The title's slug, or the first `-2`, `-3`… that no other story of this locale has. */
function freeSlug(base: string, taken: Set<string>): string {
  for (let n = 1; ; n += 1) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The slugs a title's article may get without a further check: its own and the first numbered ones (`base-2`…). */
const SLUG_CANDIDATES = 20;
const slugCandidates = (base: string): string[] => [base, ...Array.from({ length: SLUG_CANDIDATES - 1 }, (_, n) => `${base}-${n + 2}`)];

/** Values per `IN (…)` list of a lookup. */
const LOOKUP_LIST = 1_000;

/** How many times one import runs when other writers make its transaction fail (see `runWithRetry`). */
const ATTEMPTS = 5;

/** The importer: a parsed article in, Kabar documents out, all or nothing per article. */
export function createImporter(strapi: Core.Strapi): Importer {
  const query = (uid: string) => strapi.db.query(uid as never);

  async function assertLocale(locale: string): Promise<void> {
    const known = await strapi.plugin('i18n').service('locales').findByCode(locale);
    if (!known) throw new ImporterError('UNKNOWN_LOCALE', `Locale "${locale}" does not exist; use "id" or "en".`);
  }

  /**
   * Everything the imports of these plans need to know about the articles already there, three
   * indexed queries per locale for all of them: each story's own rows (same import key), the rows
   * holding the slugs it could get (its title's slug and the first numbered ones; `claimSlug` checks
   * any further one under its lock), and the articles its related items name. Unchanged: the draft
   * has this content hash and, when publishing, so does the published version.
   */
  async function lookUpMany(items: readonly PlannedImport[]): Promise<Lookup[]> {
    const rowsByLocale = new Map<string, ArticleRow[]>();
    for (const locale of new Set(items.map(({ plan }) => plan.locale))) {
      const mine = items.filter(({ plan }) => plan.locale === locale).map(({ plan }) => plan);
      const wanted: Array<[keyof ArticleRow & string, string[]]> = [
        ['importKey', [...new Set(mine.map((plan) => plan.article.importKey))]],
        ['slug', [...new Set(mine.flatMap((plan) => slugCandidates(plan.article.slug)))]],
        ['title', [...new Set(mine.flatMap((plan) => plan.relatedLinks.map((item) => item.title)))]],
      ];
      const rows = new Map<number, ArticleRow>();
      for (const [field, values] of wanted) {
        for (let start = 0; start < values.length; start += LOOKUP_LIST) {
          const found: ArticleRow[] = await query(ARTICLE).findMany({
            select: ['id', 'documentId', 'title', 'slug', 'importKey', 'contentHash', 'publishedAt', 'createdAt'],
            where: { locale, [field]: { $in: values.slice(start, start + LOOKUP_LIST) } },
          });
          for (const row of found) rows.set(row.id, row);
        }
      }
      rowsByLocale.set(locale, [...rows.values()].sort((a, b) => a.id - b.id));
    }
    return items.map(({ plan, status }) => lookUpIn(rowsByLocale.get(plan.locale) ?? [], plan, status));
  }

  /** One plan's lookup, from the rows read for its locale (by id ascending). */
  function lookUpIn(rows: readonly ArticleRow[], plan: ArticlePlan, status: ImportStatus): Lookup {
    const draft = rows.find((row) => row.importKey === plan.article.importKey && isDraft(row));
    const existing: ExistingArticle | null = draft
      ? {
          documentId: draft.documentId,
          slug: draft.slug,
          draft,
          published: rows.find((row) => row.documentId === draft.documentId && !isDraft(row)) ?? null,
        }
      : null;
    const hash = plan.article.contentHash;
    const unchanged =
      existing !== null && existing.draft.contentHash === hash && (status === 'draft' || existing.published?.contentHash === hash);

    const others = rows.filter((row) => row.documentId !== existing?.documentId);
    const targets = new Map<string, VersionIds>();
    for (const title of new Set(plan.relatedLinks.map((item) => item.title))) {
      const first = others.find((row) => row.title === title);
      if (!first) continue;
      const versions = others.filter((row) => row.documentId === first.documentId);
      targets.set(title, {
        draft: versions.find(isDraft)?.id ?? null,
        published: versions.find((row) => !isDraft(row))?.id ?? null,
      });
    }
    return { existing, unchanged, takenSlugs: new Set(others.map((row) => row.slug)), targets };
  }

  const lookUp = async (plan: ArticlePlan, status: ImportStatus): Promise<Lookup> => (await lookUpMany([{ plan, status }]))[0]!;

  /**
   * The slug this article gets, picked under locks so that no other import can pick the same one
   * before this transaction commits. The caller holds the lock on the title's own slug (the base);
   * a numbered slug (`base-2`) is also the base of another title ("Banjir 2"), so it is locked too
   * and checked again under that lock. Locks on longer slugs are only taken while holding a shorter
   * one, so two imports never wait on each other in a cycle. On SQLite the transaction already
   * holds the database's write lock.
   */
  async function claimSlug(trx: Knex.Transaction, plan: ArticlePlan, taken: Set<string>, own: string | null): Promise<string> {
    const base = plan.article.slug;
    for (;;) {
      const slug = freeSlug(base, taken);
      if (slug === base) return slug;
      await lockKey(strapi, trx, `slug:${plan.locale}:${slug}`);
      const holders: Array<{ documentId: string }> = await query(ARTICLE).findMany({
        select: ['documentId'],
        where: { locale: plan.locale, slug, ...(own ? { documentId: { $ne: own } } : {}) },
        limit: 1,
      });
      if (holders.length === 0) return slug;
      taken.add(slug);
    }
  }

  /**
   * Runs one import transaction, again when other writers made it fail in a way that says nothing
   * about this article (SQLite's write lock taken past the busy timeout, a PostgreSQL deadlock, or
   * the slug index refusing a slug another writer took first, e.g. an editor in the Content Manager).
   * Each attempt is a whole transaction that rolled back, so the import stays all or nothing.
   */
  async function runWithRetry<T>(work: () => Promise<T>): Promise<T> {
    // Inside a caller's transaction a failed statement has aborted that transaction: nothing to retry.
    if (strapi.db.inTransaction()) return work();
    const table = strapi.db.metadata.get(ARTICLE).tableName;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error: unknown) {
        const failure = transientFailure(error, table);
        if (failure === null) throw error;
        if (attempt >= ATTEMPTS) {
          throw failure === 'slug'
            ? new ImporterError('SLUG_TAKEN', `Other writers kept taking the slug this article was about to get (${ATTEMPTS} attempts); nothing was saved. Import it again.`)
            : new ImporterError('DATABASE_BUSY', `The database stayed busy with other writers (${ATTEMPTS} attempts); nothing was saved. Import it again, or run fewer imports at once.`);
        }
        strapi.log.warn(`[news-importer] import attempt ${attempt} lost a race with another writer (${failure}); trying again`);
      }
    }
  }

  const uniqueReporters = (plan: ArticlePlan): ReporterInput[] =>
    [...new Map(ROLES.flatMap((role) => plan.byline[role]).map((r) => [r.slug, r])).values()].sort((a, b) =>
      a.slug.localeCompare(b.slug)
    );

  /** Reporter row ids by slug (a reporter has no draft and publish: one row per document). */
  async function findReporterIds(slugs: string[]): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (let start = 0; start < slugs.length; start += LOOKUP_LIST) {
      const rows: Array<{ id: number; slug: string }> = await query(REPORTER).findMany({
        select: ['id', 'slug'],
        where: { slug: { $in: slugs.slice(start, start + LOOKUP_LIST) } },
        orderBy: { id: 'asc' },
      });
      for (const row of rows) if (!ids.has(row.slug)) ids.set(row.slug, row.id);
    }
    return ids;
  }

  /**
   * Finds or creates each reporter these plans credit, under a lock per name so parallel imports
   * share one row. A new reporter's `entry.create` goes to the first plan crediting it (`created[i]`).
   */
  async function ensureReporters(trx: Knex.Transaction, writer: Writer, plans: readonly ArticlePlan[], now: Date): Promise<{ ids: Map<string, number>; created: ChangedDocument[][] }> {
    const credited = plans.map(uniqueReporters);
    const wanted = [...new Map(credited.flat().map((r) => [r.slug, r])).values()];
    await lockKeys(strapi, trx, wanted.map((reporter) => `reporter:${reporter.slug}`)); // sorted: no deadlock
    const ids = await findReporterIds(wanted.map((r) => r.slug));
    const missing = wanted.filter((r) => !ids.has(r.slug)).map((reporter) => ({ documentId: newDocumentId(), reporter }));
    const written = await writer.insertDocuments(
      REPORTER,
      missing.map(({ documentId, reporter }) => ({ documentId, data: { ...reporter } })),
      { versions: ['published'], locale: null, now }
    );
    const creator = new Map<string, ChangedDocument>();
    for (const { documentId, reporter } of missing) {
      const id = written.get(documentId)?.published;
      if (id === null || id === undefined) throw new Error(`news-importer: reporter ${reporter.slug} was not written`);
      ids.set(reporter.slug, id);
      creator.set(reporter.slug, { uid: REPORTER, documentId, locale: null, event: 'entry.create', rowId: id });
    }
    const created = credited.map((reporters) =>
      reporters.flatMap((reporter) => {
        const change = creator.get(reporter.slug);
        creator.delete(reporter.slug);
        return change ? [change] : [];
      })
    );
    return { ids, created };
  }

  /** Link rows from each written article version to its credited reporters, per role, in byline order. */
  async function linkReporters(writer: Writer, articles: ReadonlyArray<{ plan: ArticlePlan; article: VersionIds }>, reporterIds: Map<string, number>, versions: Version[]): Promise<void> {
    for (const role of ROLES) {
      const links = articles.flatMap(({ plan, article }) => {
        const reporters = [...new Set(plan.byline[role].map((r) => reporterIds.get(r.slug)))].filter((id): id is number => id !== undefined);
        // A reporter has one row, the same for both versions of the article.
        return reporters.map((id, index): VersionedLink => ({ owner: article, target: { draft: id, published: id }, order: index + 1 }));
      });
      await writer.insertLinks(linkTableOf(strapi, ARTICLE, role), links, { versions });
    }
  }

  /**
   * Deletes the photos and related links (every version, with their link rows) attached to these
   * article rows; each deleted row goes into `changes` as it was (an `entry.delete` carries it).
   */
  async function removeChildren(writer: Writer, articleRows: number[], locale: string, changes: ChangedDocument[]): Promise<void> {
    for (const uid of [PHOTO, RELATED_LINK] as const) {
      const attached: Array<{ documentId: string }> = await query(uid).findMany({
        select: ['documentId'],
        where: { locale, article: { id: { $in: articleRows } } },
      });
      if (attached.length === 0) continue;
      const rows: Array<Record<string, unknown> & { id: number; documentId: string }> = await query(uid).findMany({
        where: { locale, documentId: { $in: [...new Set(attached.map((row) => row.documentId))] } },
        orderBy: { id: 'asc' },
      });
      await writer.deleteRows(uid, rows.map((row) => row.id));
      for (const row of rows) changes.push({ uid, documentId: row.documentId, locale, event: 'entry.delete', rowId: row.id, deletedRow: row });
    }
  }

  /**
   * Writes the photos and related links of the given article versions, for many articles of one
   * locale at once: one insert per type, then their link rows (a draft child links to the draft
   * article, a published child to the published one; a related item's `target` likewise, to the
   * version of the named article that exists). Each article's created documents go to its `changes`.
   */
  async function writeChildren(
    writer: Writer,
    articles: ReadonlyArray<{ plan: ArticlePlan; article: VersionIds; target: (title: string) => VersionIds | undefined; changes: ChangedDocument[] }>,
    options: { versions: Version[]; locale: string; now: Date; newArticles: boolean }
  ): Promise<void> {
    const photos = articles.map(({ plan }) => plan.photos.map((photo) => ({ documentId: newDocumentId(), data: { ...photo } })));
    const links = articles.map(({ plan }) => plan.relatedLinks.map((item) => ({ documentId: newDocumentId(), data: { ...item } })));
    const photoRows = await writer.insertDocuments(PHOTO, photos.flat(), options);
    const linkRows = await writer.insertDocuments(RELATED_LINK, links.flat(), options);
    articles.forEach(({ changes }, index) => {
      recordCreated(changes, PHOTO, options.locale, photos[index]!, photoRows);
      recordCreated(changes, RELATED_LINK, options.locale, links[index]!, linkRows);
    });

    const attach = (children: Array<Array<{ documentId: string }>>, rows: Map<string, VersionIds>, target: (article: number, index: number) => VersionIds | undefined): VersionedLink[] =>
      children.flatMap((own, article) =>
        own.flatMap((child, index) => {
          const owner = rows.get(child.documentId);
          const to = target(article, index);
          return owner && to ? [{ owner, target: to }] : [];
        })
      );
    const articleOf = (article: number): VersionIds => articles[article]!.article;
    const { versions, newArticles } = options;
    await writer.insertLinks(linkTableOf(strapi, PHOTO, 'article'), attach(photos, photoRows, articleOf), { versions, newTargets: newArticles });
    await writer.insertLinks(linkTableOf(strapi, RELATED_LINK, 'article'), attach(links, linkRows, articleOf), { versions, newTargets: newArticles });
    const targetOf = (article: number, index: number): VersionIds | undefined => {
      const { plan, target } = articles[article]!;
      return target(plan.relatedLinks[index]!.title);
    };
    await writer.insertLinks(linkTableOf(strapi, RELATED_LINK, 'target'), attach(links, linkRows, targetOf), { versions });
  }

  /** What an import of this plan would do, from the same lookups as the write; nothing written. */
  async function dryRun(plan: ArticlePlan, status: ImportStatus): Promise<WriteResult> {
    await assertLocale(plan.locale);
    const { existing, unchanged, takenSlugs } = await lookUp(plan, status);
    const known = await findReporterIds(uniqueReporters(plan).map((r) => r.slug));
    const slug = existing?.slug ?? freeSlug(plan.article.slug, takenSlugs);
    const action: ImportAction = unchanged ? 'unchanged' : existing ? 'updated' : 'created';
    const reportersCreated = unchanged ? 0 : uniqueReporters(plan).length - known.size;
    return { action, documentId: existing?.documentId ?? null, slug, reportersCreated, changes: [], before: null, undo: null };
  }

  /** The fields, byline, photos and links of an article version as stored (what an update replaces). */
  async function snapshot(rowId: number): Promise<ArticleSnapshot> {
    const row = (await query(ARTICLE).findOne({
      select: [...ARTICLE_FIELDS],
      where: { id: rowId },
      populate: {
        reporters: { select: ['name'] },
        editors: { select: ['name'] },
        translators: { select: ['name'] },
        photos: { select: ['caption', 'credit', 'position'] },
        relatedLinks: { select: ['title', 'url', 'kind', 'position'] },
      },
    })) as ArticleSnapshot | null;
    if (!row) throw new Error(`news-importer: article row ${rowId} vanished inside its import`);
    return row;
  }

  /**
   * Writes the planned articles in one transaction (retried whole when it loses a race with other
   * writers): each created, updated in place, or unchanged. Results in the order given; each lists
   * every document written for its article, in order. The caller keeps the batch small enough for
   * one transaction (the import flow writes a few hundred at a time).
   */
  async function write(items: readonly PlannedImport[], inTransaction: (results: WriteResult[]) => Promise<void> = async () => undefined): Promise<WriteResult[]> {
    for (const locale of new Set(items.map(({ plan }) => plan.locale))) await assertLocale(locale);
    return runWithRetry(() =>
      strapi.db.transaction(async ({ trx }): Promise<WriteResult[]> => {
        const results: WriteResult[] = [];
        // A story given twice (the same page in two files) is written once, then found by the second.
        for (const segment of withoutRepeats(items)) results.push(...(await writeSegment(trx, segment)));
        await inTransaction(results);
        return results;
      })
    );
  }

  /** Plans in which no story comes twice: the lookups of one segment are read once, before its writes. */
  async function writeSegment(trx: Knex.Transaction, items: readonly PlannedImport[]): Promise<WriteResult[]> {
    // These stories, and their titles' slugs: two stories with one title (the same headline on two
    // days) pick their slugs one after the other, so each sees the other's.
    await lockKeys(strapi, trx, items.flatMap(({ plan }) => [`article:${plan.locale}:${plan.article.importKey}`, `slug:${plan.locale}:${plan.article.slug}`]));
    const lookups = await lookUpMany(items);
    const results: Array<WriteResult | null> = lookups.map(({ existing, unchanged }) =>
      unchanged && existing ? { action: 'unchanged', documentId: existing.documentId, slug: existing.slug, reportersCreated: 0, changes: [], before: null, undo: null } : null
    );
    // New stories together, a few statements for all of them (per locale and status) …
    const fresh = items.flatMap((item, index) => (lookups[index]!.existing ? [] : [{ ...item, index, lookup: lookups[index]! }]));
    for (const group of groupBy(fresh, ({ plan, status }) => `${plan.locale}:${status}`)) {
      const written = await createArticles(trx, group);
      group.forEach(({ index }, n) => (results[index] = written[n]!));
    }
    // … then updates one at a time (each looks again: it sees the stories just created).
    for (const [index, item] of items.entries()) {
      if (results[index] === null) results[index] = await updateArticle(trx, item.plan, item.status);
    }
    return results as WriteResult[];
  }

  /**
   * Creates new articles of one locale and status: slugs picked in order under their locks, the
   * reporters found or created once for all, then one insert per table. A related item names the
   * first article with its title: one already there, else one created before it in this group (as
   * if the group were imported one by one).
   */
  async function createArticles(trx: Knex.Transaction, group: ReadonlyArray<PlannedImport & { lookup: Lookup }>): Promise<WriteResult[]> {
    const { locale } = group[0]!.plan;
    const versions: Version[] = group[0]!.status === 'published' ? ['draft', 'published'] : ['draft'];
    const writer = createWriter(strapi, trx);
    const now = new Date();
    const taken = new Set(group.flatMap(({ lookup }) => [...lookup.takenSlugs]));
    const slugs: string[] = [];
    // The slug's locks before the reporters' ones: every import takes slug locks first, so none waits in a cycle.
    for (const { plan } of group) {
      const slug = await claimSlug(trx, plan, taken, null);
      taken.add(slug);
      slugs.push(slug);
    }
    const reporters = await ensureReporters(trx, writer, group.map(({ plan }) => plan), now);
    const documents = group.map(({ plan }, n) => ({ documentId: newDocumentId(), data: { ...plan.article, slug: slugs[n]! } }));
    const rows = await writer.insertDocuments(ARTICLE, documents, { versions, locale, now });
    const created = group.map((_, n) => {
      const { documentId } = documents[n]!;
      const changes = [...reporters.created[n]!];
      recordCreated(changes, ARTICLE, locale, [{ documentId }], rows);
      return { documentId, article: rows.get(documentId) ?? { draft: null, published: null }, changes };
    });
    const articles = group.map(({ plan }, n) => ({ plan, article: created[n]!.article }));
    await linkReporters(writer, articles, reporters.ids, versions);
    const firstByTitle = new Map<string, number>();
    const target = (n: number) => (title: string): VersionIds | undefined => {
      const there = group[n]!.lookup.targets.get(title);
      if (there) return there;
      const earlier = firstByTitle.get(title);
      return earlier !== undefined && earlier < n ? created[earlier]!.article : undefined;
    };
    group.forEach(({ plan }, n) => {
      if (!firstByTitle.has(plan.article.title)) firstByTitle.set(plan.article.title, n);
    });
    await writeChildren(
      writer,
      group.map(({ plan }, n) => ({ plan, article: created[n]!.article, target: target(n), changes: created[n]!.changes })),
      { versions, locale, now, newArticles: true }
    );
    const footprints = await createFootprints(strapi, trx).readMany(created.map(({ documentId }) => documentId), locale);
    return created.map(({ documentId, changes }, n): WriteResult => ({
      action: 'created',
      documentId,
      slug: slugs[n]!,
      reportersCreated: reporters.created[n]!.length,
      changes,
      before: null,
      undo: {
        version: 1,
        locale,
        before: null,
        afterHash: hashFootprint(footprints.get(documentId) ?? { tables: [] }),
        reportersCreated: reporters.created[n]!.map((change) => change.documentId),
      },
    }));
  }

  /** Updates one article in place, keeping its rows: links from elsewhere (a related item's target) stay valid. */
  async function updateArticle(trx: Knex.Transaction, plan: ArticlePlan, status: ImportStatus): Promise<WriteResult> {
    const { existing, unchanged, takenSlugs, targets } = await lookUp(plan, status);
    if (!existing) throw new Error(`news-importer: article ${plan.article.importKey} vanished inside its import`);
    if (unchanged) {
      return { action: 'unchanged', documentId: existing.documentId, slug: existing.slug, reportersCreated: 0, changes: [], before: null, undo: null };
    }
    const changes: ChangedDocument[] = [];
    const writer = createWriter(strapi, trx);
    const now = new Date();
    const versions: Version[] = status === 'published' ? ['draft', 'published'] : ['draft'];
    const before = await snapshot(existing.draft.id);
    // Every row this write replaces, as stored: an undo of this import puts them back.
    const footprints = createFootprints(strapi, trx);
    const previous = await footprints.read(existing.documentId, plan.locale);
    const slug = await claimSlug(trx, plan, takenSlugs, existing.documentId);
    const reporters = await ensureReporters(trx, writer, [plan], now);
    changes.push(...reporters.created[0]!);
    const data = { ...plan.article, slug };
    // A draft import of a published article updates its draft text and byline only: photos and
    // links are documents shared by both versions, and replacing them would strip the live article.
    // They follow on the next published import of the page.
    const keepsLiveChildren = status === 'draft' && existing.published !== null;

    const { documentId } = existing;
    const article: VersionIds = { draft: existing.draft.id, published: existing.published?.id ?? null };
    const rewritten = versions.map((version) => article[version]).filter((id): id is number => id !== null);
    if (!keepsLiveChildren) {
      await removeChildren(writer, [existing.draft.id, ...(existing.published ? [existing.published.id] : [])], plan.locale, changes);
    }
    for (const role of ROLES) await writer.deleteLinks(linkTableOf(strapi, ARTICLE, role), rewritten);
    await writer.updateRows(ARTICLE, [existing.draft.id], data, now);
    changes.push({ uid: ARTICLE, documentId, locale: plan.locale, event: 'entry.update', rowId: existing.draft.id });
    if (status === 'published' && existing.published) {
      await writer.updateRows(ARTICLE, [existing.published.id], { ...data, publishedAt: now }, now);
    } else if (status === 'published') {
      const createdAt = toDate(existing.draft.createdAt, now);
      const draft = (await query(ARTICLE).findOne({ select: [...EDITORIAL_FIELDS], where: { id: existing.draft.id } })) as Record<string, unknown> | null;
      const editorial = Object.fromEntries(EDITORIAL_FIELDS.map((field) => [field, draft?.[field] ?? null]));
      const written = await writer.insertDocuments(ARTICLE, [{ documentId, data: { ...data, ...editorial } }], {
        versions: ['published'],
        locale: plan.locale,
        now,
        createdAt,
      });
      article.published = written.get(documentId)?.published ?? null;
    }
    if (status === 'published' && article.published !== null) {
      changes.push({ uid: ARTICLE, documentId, locale: plan.locale, event: 'entry.publish', rowId: article.published });
    }
    await linkReporters(writer, [{ plan, article }], reporters.ids, versions);
    // Children only for the versions written: a published photo or link attaches to the published article.
    if (!keepsLiveChildren) {
      await writeChildren(writer, [{ plan, article, target: (title) => targets.get(title), changes }], { versions, locale: plan.locale, now, newArticles: false });
    }
    const undo: UndoData = {
      version: 1,
      locale: plan.locale,
      before: encodeFootprint(previous),
      afterHash: hashFootprint(await footprints.read(documentId, plan.locale)),
      reportersCreated: reporters.created[0]!.map((change) => change.documentId),
    };
    return { action: 'updated', documentId, slug, reportersCreated: reporters.created[0]!.length, changes, before, undo };
  }

  return { dryRun, write, uniqueReporterCount: (plan: ArticlePlan): number => uniqueReporters(plan).length };
}

/** The items in runs where no story (import key in a locale) comes twice, in order. */
function withoutRepeats(items: readonly PlannedImport[]): PlannedImport[][] {
  const segments: PlannedImport[][] = [];
  let seen = new Set<string>();
  for (const item of items) {
    const key = `${item.plan.locale}:${item.plan.article.importKey}`;
    if (segments.length === 0 || seen.has(key)) {
      segments.push([]);
      seen = new Set();
    }
    seen.add(key);
    segments[segments.length - 1]!.push(item);
  }
  return segments;
}

/** The items grouped by `key`, groups in order of first appearance, items in order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.values()];
}

/**
 * New documents as the Document Service announces them: `entry.create` for the draft (or the only
 * row of a type without draft and publish), then `entry.publish` for the published version.
 */
function recordCreated(changes: ChangedDocument[], uid: DocumentUid, locale: string | null, documents: Array<{ documentId: string }>, rows: Map<string, VersionIds>): void {
  for (const { documentId } of documents) {
    const ids = rows.get(documentId);
    if (!ids) continue;
    if (ids.draft !== null) changes.push({ uid, documentId, locale, event: 'entry.create', rowId: ids.draft });
    if (ids.published !== null) changes.push({ uid, documentId, locale, event: 'entry.publish', rowId: ids.published });
  }
}

/** One article to import: its plan, and whether it is published or saved as a draft. */
export interface PlannedImport {
  plan: ArticlePlan;
  status: ImportStatus;
}

/** The importer: planned articles in, Kabar documents out, all or nothing per batch of articles. */
export interface Importer {
  /** What `write` would do for this plan; nothing written. */
  dryRun(plan: ArticlePlan, status: ImportStatus): Promise<WriteResult>;
  /**
   * Writes the articles in one transaction (results in the same order). `inTransaction` runs inside
   * it, after the writes, with the results: what it writes commits or rolls back with the articles.
   */
  write(items: readonly PlannedImport[], inTransaction?: (results: WriteResult[]) => Promise<void>): Promise<WriteResult[]>;
  /** How many distinct reporters the byline credits. */
  uniqueReporterCount(plan: ArticlePlan): number;
}

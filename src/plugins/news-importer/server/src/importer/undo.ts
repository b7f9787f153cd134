import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { UndoReport } from '../../../shared/contracts/imports';
import { ImporterError } from '../errors';
import { IMPORT_RECORD_UID, type ImportActor } from '../services/history';
import { getService } from '../utils';
import type { ChangedDocument } from './import-article';
import { lockKey, lockKeys } from './lock';
import { createFootprints, decodeFootprint, hashFootprint, restoreFootprint, type Footprint, type RestoreResult, type UndoData } from './footprint';
import { transientFailure } from './transient';
import { createWriter, linkTableOf } from './writer';

const ARTICLE = 'api::article.article' as const;
const REPORTER = 'api::reporter.reporter' as const;
const BYLINE = ['reporters', 'editors', 'translators'] as const;
const ATTEMPTS = 5;

interface BatchRecord {
  id: number;
  title: string | null;
  outcome: 'ok' | 'error';
  action: 'created' | 'updated' | 'unchanged' | 'undone' | null;
  articleDocumentId: string | null;
  articleLocale: string | null;
  articleSlug: string | null;
  undo: UndoData | null;
}

/** An import of the batch that wrote an article, with what its undo needs. */
interface Target extends BatchRecord {
  articleDocumentId: string;
  undo: UndoData;
}

const isDraft = (row: { publishedAt?: unknown }): boolean => row.publishedAt === null || row.publishedAt === undefined;

/** The import records of a batch, newest first. */
async function batchRecords(strapi: Core.Strapi, batchId: string): Promise<BatchRecord[]> {
  return (await strapi.db.query(IMPORT_RECORD_UID as never).findMany({
    select: ['id', 'title', 'outcome', 'action', 'articleDocumentId', 'articleLocale', 'articleSlug', 'undo'],
    where: { batchId },
    orderBy: { id: 'desc' },
  })) as BatchRecord[];
}

/** The imports of the batch an undo reverses (newest first), or the reason it cannot. */
function targetsOf(batchId: string, records: BatchRecord[]): Target[] {
  if (records.length === 0) throw new ImporterError('BATCH_NOT_FOUND', `No import in the history belongs to batch "${batchId}".`, { details: { field: 'batchId' } });
  if (records.some((record) => record.action === 'undone')) throw new ImporterError('ALREADY_UNDONE', `Batch "${batchId}" was undone already.`);
  const writes = records.filter((record) => record.outcome === 'ok' && (record.action === 'created' || record.action === 'updated'));
  if (writes.length === 0) {
    throw new ImporterError('NOT_UNDOABLE', `Batch "${batchId}" changed no article (its imports failed or left the articles unchanged): there is nothing to undo.`);
  }
  const old = writes.find((record) => !record.undo || record.undo.version !== 1 || !record.articleDocumentId);
  if (old) {
    throw new ImporterError('NOT_UNDOABLE', `"${old.title ?? old.articleDocumentId}" was imported by a version of the importer that kept no previous version: batch "${batchId}" cannot be undone.`);
  }
  return writes as Target[];
}

/** "Title" (id/slug), as messages name an article. */
const named = (title: string | null, locale: string, slug: string | null): string => `"${title ?? '(untitled)'}" (${locale}/${slug ?? '?'})`;

/**
 * Undoes one batch, all or nothing, in one transaction: every article the batch created is deleted
 * (with its photos and related links), every article it updated gets its previous rows back exactly
 * (fields, byline, photos, links: same ids, same values), newest import first; reporters the batch
 * created that nothing credits any more are deleted. Refuses (CHANGED_SINCE_IMPORT, naming the
 * article) when an article is not as the batch left it. Records one `undone` history record per
 * article in the same transaction. Returns the changed documents for the events (emit after commit).
 */
export async function undoBatch(strapi: Core.Strapi, batchId: string, actor: ImportActor): Promise<{ report: UndoReport; changes: ChangedDocument[] }> {
  targetsOf(batchId, await batchRecords(strapi, batchId)); // the plain refusals, before any lock
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await strapi.db.transaction(({ trx }) => undoIn(strapi, trx, batchId, actor));
    } catch (error: unknown) {
      const failure = transientFailure(error, strapi.db.metadata.get(ARTICLE).tableName);
      if (failure === 'slug') {
        throw new ImporterError('UNDO_CONFLICT', `An article of batch "${batchId}" cannot get its previous slug back: another article has it now. Nothing was undone.`, { cause: error });
      }
      if (failure === null) throw error;
      if (attempt >= ATTEMPTS) {
        throw new ImporterError('DATABASE_BUSY', `The database stayed busy with other writers (${ATTEMPTS} attempts); nothing was undone. Try again.`, { cause: error });
      }
      strapi.log.warn(`[news-importer] undo attempt ${attempt} lost a race with another writer; trying again`);
    }
  }
}

async function undoIn(strapi: Core.Strapi, trx: Knex.Transaction, batchId: string, actor: ImportActor): Promise<{ report: UndoReport; changes: ChangedDocument[] }> {
  const query = (uid: string) => strapi.db.query(uid as never);
  // First statement: on SQLite the database's write lock (nothing read before it goes stale); on
  // PostgreSQL this batch's lock, so two undos of one batch run one after the other.
  await lockKey(strapi, trx, `undo:${batchId}`);
  const targets = targetsOf(batchId, await batchRecords(strapi, batchId)); // again, under the lock
  const writer = createWriter(strapi, trx);
  const footprints = createFootprints(strapi, trx);

  // The locks an import of these articles takes (its story and slugs), then the reporters': in the
  // imports' order, so an undo and an import never wait on each other in a cycle.
  const current: Array<{ id: number; documentId: string; locale: string; importKey: string | null; slug: string }> = await query(ARTICLE).findMany({
    select: ['id', 'documentId', 'locale', 'importKey', 'slug'],
    where: { documentId: { $in: [...new Set(targets.map((t) => t.articleDocumentId))] } },
  });
  const keys = new Set<string>();
  for (const row of current) {
    if (row.importKey) keys.add(`article:${row.locale}:${row.importKey}`);
    keys.add(`slug:${row.locale}:${row.slug}`);
  }
  for (const target of targets) {
    for (const table of target.undo.before?.tables ?? []) {
      if (table.uid !== ARTICLE) continue;
      for (const row of table.rows) {
        if (typeof row.import_key === 'string') keys.add(`article:${target.undo.locale}:${row.import_key}`);
        if (typeof row.slug === 'string') keys.add(`slug:${target.undo.locale}:${row.slug}`);
      }
    }
  }
  await lockKeys(strapi, trx, [...keys]);
  const createdReporters = [...new Set(targets.flatMap((t) => t.undo.reportersCreated))];
  const reporterRows: Array<{ id: number; documentId: string; slug: string | null }> =
    createdReporters.length === 0 ? [] : await query(REPORTER).findMany({ select: ['id', 'documentId', 'slug'], where: { documentId: { $in: createdReporters } } });
  await lockKeys(strapi, trx, reporterRows.filter((r) => r.slug).map((r) => `reporter:${r.slug}`));

  const changes: ChangedDocument[] = [];
  const articles: UndoReport['articles'] = [];
  for (const target of targets) {
    const { locale } = target.undo;
    const documentId = target.articleDocumentId;
    const now = await footprints.read(documentId, locale);
    if (hashFootprint(now) !== target.undo.afterHash) {
      const draft = (await query(ARTICLE).findOne({ select: ['title', 'slug'], where: { documentId, locale, publishedAt: null } })) as { title: string; slug: string } | null;
      const which = draft ? named(draft.title, locale, draft.slug) : named(target.title, locale, target.articleSlug);
      throw new ImporterError(
        'CHANGED_SINCE_IMPORT',
        draft
          ? `${which} was changed after batch "${batchId}" imported it (by an editor or a later import): undoing would lose that change. Nothing was undone.`
          : `${which} was deleted after batch "${batchId}" imported it. Nothing was undone.`,
        { details: { field: 'batchId' } }
      );
    }
    const before: Footprint = target.undo.before ? decodeFootprint(target.undo.before) : { tables: [] };
    const restored = await restoreFootprint(strapi, trx, now, before, (uid, ids) => writer.deleteRows(uid, ids));
    changes.push(...eventsOf(restored, target.undo.before === null, locale));
    const slugNow = target.undo.before === null ? target.articleSlug : slugOf(before) ?? target.articleSlug;
    articles.push({ documentId, title: target.title, locale, slug: slugNow, action: target.undo.before === null ? 'deleted' : 'restored' });
    await getService(strapi, 'history').recordUndo({ actor, batchId, title: target.title, documentId, locale, slug: slugNow });
  }

  // Reporters the batch created, when no article credits them any more.
  let reportersDeleted = 0;
  for (const reporter of reporterRows) {
    let credited = false;
    for (const role of BYLINE) {
      const link = linkTableOf(strapi, ARTICLE, role);
      const row = await strapi.db.getConnection(link.table).transacting(trx).first(link.targetColumn).where(link.targetColumn, reporter.id);
      if (row) credited = true;
    }
    if (credited) continue;
    const deletedRow = (await query(REPORTER).findOne({ where: { id: reporter.id } })) as Record<string, unknown> | null;
    await writer.deleteRows(REPORTER, [reporter.id]);
    reportersDeleted += 1;
    changes.push({ uid: REPORTER, documentId: reporter.documentId, locale: null, event: 'entry.delete', rowId: reporter.id, deletedRow: deletedRow ?? undefined });
  }
  return { report: { batchId, articles, reportersDeleted }, changes };
}

/** The draft article's slug in a footprint. */
function slugOf(footprint: Footprint): string | null {
  const rows = footprint.tables.find((t) => t.uid === ARTICLE)?.rows ?? [];
  const draft = rows.find((row) => row.published_at === null || row.published_at === undefined) ?? rows[0];
  return typeof draft?.slug === 'string' ? draft.slug : null;
}

/**
 * The Document Service's events for a restore: photos and links deleted (`entry.delete` per row);
 * the article deleted (a created one: `entry.delete` per version), or updated (`entry.update` for
 * the draft, `entry.publish` for a published version put back, `entry.unpublish` for the published
 * version the import had added); photos and links put back (`entry.create`, then `entry.publish`).
 */
function eventsOf(restored: RestoreResult, created: boolean, locale: string): ChangedDocument[] {
  const changes: ChangedDocument[] = [];
  for (const { uid, row } of restored.deleted) {
    if (uid === ARTICLE) continue;
    changes.push({ uid, documentId: row.documentId, locale, event: 'entry.delete', rowId: row.id, deletedRow: row });
  }
  for (const { uid, row } of restored.deleted) {
    if (uid !== ARTICLE) continue;
    changes.push({ uid, documentId: row.documentId, locale, event: created || isDraft(row) ? 'entry.delete' : 'entry.unpublish', rowId: row.id, deletedRow: row });
  }
  const written = [...restored.updated, ...restored.inserted].sort((a, b) => Number(a.uid !== ARTICLE) - Number(b.uid !== ARTICLE));
  for (const entry of written) {
    const wasThere = restored.updated.includes(entry);
    const event = entry.published ? 'entry.publish' : wasThere ? 'entry.update' : 'entry.create';
    changes.push({ uid: entry.uid, documentId: entry.documentId, locale, event, rowId: entry.id });
  }
  return changes;
}

import type { Core } from '@strapi/strapi';
import { enqueuePurgeInTransaction, purgeTargetsFromEnv } from './outbox';
import { KEYED_TYPES, PUBLIC_KEY, UPLOAD_FILE, entityKey, fileKey, isKeyedType, keysOfChange, reporterArticlesKey, type ChangedRow, type KeyedType } from './surrogate-keys';

/**
 * Purge on change: a database lifecycle subscriber on the keyed types, so every writer is covered
 * without calling anything (the Document Service for admin edits, publish, unpublish and scheduled
 * or embargoed publication; the importer's `strapi.db.query` writes). It names the keys of each
 * public row a write touches, before the write (what readers saw: the old section, the old byline)
 * and after it (what they will see), and records them in the outbox inside the write's transaction.
 * Draft rows purge nothing: no public response shows them.
 */

/** Relations whose documents' responses show a row of the type, and the key those responses carry. */
const SHOWN_BY: Record<KeyedType, ReadonlyArray<{ attribute: string; key: (documentId: string) => string }>> = {
  // A reporter read with their articles lists this one (not every page with that byline: see reporterArticlesKey).
  'api::article.article': [
    { attribute: 'reporters', key: reporterArticlesKey },
    { attribute: 'editors', key: reporterArticlesKey },
    { attribute: 'translators', key: reporterArticlesKey },
  ],
  'api::reporter.reporter': [],
  // The article page shows its photos and links: a new one is not yet among its keys.
  'api::photo.photo': [{ attribute: 'article', key: (documentId) => entityKey('api::article.article', documentId) }],
  'api::related-link.related-link': [{ attribute: 'article', key: (documentId) => entityKey('api::article.article', documentId) }],
};

interface Snapshot {
  ids: number[];
  rows: ChangedRow[];
}

type LifecycleEvent = {
  model: { uid: string };
  params: { where?: unknown };
  result?: unknown;
  state: Record<string, unknown>;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function documentIdsOf(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value == null ? [] : [value];
  return items.flatMap((item) => (isRecord(item) && typeof item.documentId === 'string' ? [item.documentId] : []));
}

/** Reads the rows a write touches, with what their keys need. */
async function snapshot(strapi: Core.Strapi, uid: KeyedType, where: unknown): Promise<Snapshot> {
  if (!isRecord(where) || Object.keys(where).length === 0) return { ids: [], rows: [] };
  const localized = KEYED_TYPES[uid].localized;
  const draftAndPublish = Boolean((strapi.contentType(uid as never) as { options?: { draftAndPublish?: boolean } }).options?.draftAndPublish);
  const select = ['id', 'documentId', 'publishedAt', ...(localized ? ['locale'] : []), ...(uid === 'api::article.article' ? ['section'] : [])];
  const found = (await strapi.db.query(uid as never).findMany({ select, where } as never)) as Array<Record<string, unknown>>;
  // One relation at a time: the query engine loads several populated relations at once, and inside
  // the write's transaction (one PostgreSQL connection) that sends queries on a busy client.
  const ids = found.map((row) => row.id);
  for (const { attribute } of SHOWN_BY[uid]) {
    if (ids.length === 0) break;
    const related = (await strapi.db.query(uid as never).findMany({ select: ['id'], where: { id: { $in: ids } }, populate: { [attribute]: { select: ['documentId'] } } } as never)) as Array<Record<string, unknown>>;
    const byId = new Map(related.map((row) => [row.id, row[attribute]]));
    for (const row of found) row[attribute] = byId.get(row.id);
  }
  const rows = found
    .filter((row) => !draftAndPublish || row.publishedAt != null)
    .map((row) => ({
      documentId: String(row.documentId),
      locale: typeof row.locale === 'string' ? row.locale : null,
      section: typeof row.section === 'string' ? row.section : null,
      relatedKeys: SHOWN_BY[uid].flatMap(({ attribute, key }) => documentIdsOf(row[attribute]).map(key)),
    }));
  return { ids: found.map((row) => Number(row.id)), rows };
}

const keysOf = (uid: KeyedType, rows: ChangedRow[]): string[] => rows.flatMap((row) => keysOfChange(uid, row));

function resultIds(result: unknown): number[] {
  if (isRecord(result) && Array.isArray(result.ids)) return result.ids.map(Number);
  if (isRecord(result) && result.id != null) return [Number(result.id)];
  return [];
}

/**
 * Subscribes the keyed types, the public role's permissions and uploaded files to purges. On SQLite
 * with no VARNISH_PURGE_URLS there is nothing to purge and no other process to do it: no subscriber,
 * so the single-machine setup pays nothing. On PostgreSQL purges are always recorded: another
 * process of the cluster may have a Varnish to send them to (a command-line import has none).
 */
export function purgeOnChange(strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): void {
  if (strapi.db.dialect.client !== 'postgres' && purgeTargetsFromEnv(env).urls.length === 0) return;
  const enqueue = (keys: string[]): Promise<void> => enqueuePurgeInTransaction(strapi, keys);

  const before = async (event: LifecycleEvent): Promise<void> => {
    const uid = event.model.uid;
    if (!isKeyedType(uid)) return;
    event.state.kabarBefore = await snapshot(strapi, uid, event.params.where);
  };
  const afterCreate = async (event: LifecycleEvent): Promise<void> => {
    const uid = event.model.uid;
    if (!isKeyedType(uid)) return;
    const ids = resultIds(event.result);
    if (ids.length > 0) await enqueue(keysOf(uid, (await snapshot(strapi, uid, { id: { $in: ids } })).rows));
  };
  const afterUpdate = async (event: LifecycleEvent): Promise<void> => {
    const uid = event.model.uid;
    if (!isKeyedType(uid)) return;
    const was = (event.state.kabarBefore as Snapshot | undefined) ?? { ids: [], rows: [] };
    const now = was.ids.length > 0 ? await snapshot(strapi, uid, { id: { $in: was.ids } }) : { ids: [], rows: [] };
    await enqueue([...keysOf(uid, was.rows), ...keysOf(uid, now.rows)]);
  };
  const afterDelete = async (event: LifecycleEvent): Promise<void> => {
    const uid = event.model.uid;
    if (!isKeyedType(uid)) return;
    await enqueue(keysOf(uid, ((event.state.kabarBefore as Snapshot | undefined) ?? { rows: [] }).rows));
  };

  strapi.db.lifecycles.subscribe({
    models: Object.keys(KEYED_TYPES),
    beforeUpdate: before,
    beforeUpdateMany: before,
    beforeDelete: before,
    beforeDeleteMany: before,
    afterCreate,
    afterCreateMany: afterCreate,
    afterUpdate,
    afterUpdateMany: afterUpdate,
    afterDelete,
    afterDeleteMany: afterDelete,
  } as never);

  // What the public may read changed: every keyed response may now be wrong.
  const permissionChanged = async (): Promise<void> => enqueue([PUBLIC_KEY]);
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.permission'],
    afterCreate: permissionChanged,
    afterCreateMany: permissionChanged,
    afterUpdate: permissionChanged,
    afterUpdateMany: permissionChanged,
    afterDelete: permissionChanged,
    afterDeleteMany: permissionChanged,
  } as never);

  // A replaced or removed image: the photos showing it carry its file key.
  const fileIds = async (event: LifecycleEvent): Promise<void> => {
    const where = event.params.where;
    if (!isRecord(where)) return;
    const rows = (await strapi.db.query(UPLOAD_FILE as never).findMany({ select: ['id'], where } as never)) as Array<{ id: number }>;
    event.state.kabarFiles = rows.map((row) => row.id);
  };
  const fileChanged = async (event: LifecycleEvent): Promise<void> => {
    const ids = (event.state.kabarFiles as number[] | undefined) ?? [];
    await enqueue(ids.map(fileKey));
  };
  strapi.db.lifecycles.subscribe({
    models: [UPLOAD_FILE],
    beforeUpdate: fileIds,
    beforeDelete: fileIds,
    afterUpdate: fileChanged,
    afterDelete: fileChanged,
  } as never);
}

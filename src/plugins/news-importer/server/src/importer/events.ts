import type { Core } from '@strapi/strapi';
import { sanitize } from '@strapi/utils';
import type { ChangedDocument } from './import-article';

/** The types an import writes. */
export type DocumentUid = 'api::article.article' | 'api::reporter.reporter' | 'api::photo.photo' | 'api::related-link.related-link';

/** The Document Service's events for what an import does (Strapi 5.54 `document-service/repository`). */
export type DocumentEvent = 'entry.create' | 'entry.update' | 'entry.publish' | 'entry.unpublish' | 'entry.delete';

type Populate = { [field: string]: { select?: string[]; populate?: Populate; on?: Record<string, { populate: Populate }> } };

/**
 * The populate Strapi 5.54's event manager uses (`document-service/utils/populate.js`
 * `getDeepPopulate(uid, {})`, not exported): every relation (all its fields), every media field,
 * components and dynamic zones populated the same way, recursively (an article's corrections).
 */
export function eventPopulate(strapi: Core.Strapi, uid: string): Populate {
  const populate: Populate = {};
  for (const [name, attribute] of Object.entries(strapi.getModel(uid as DocumentUid).attributes)) {
    const { type } = attribute as { type?: string };
    if (type === 'relation' && !('unstable_virtual' in attribute && attribute.unstable_virtual)) populate[name] = {};
    else if (type === 'media') populate[name] = { select: ['*'] };
    else if (type === 'component') populate[name] = { populate: eventPopulate(strapi, (attribute as { component: string }).component) };
    else if (type === 'dynamiczone') {
      const components = (attribute as { components?: string[] }).components ?? [];
      populate[name] = { on: Object.fromEntries(components.map((component) => [component, { populate: eventPopulate(strapi, component) }])) };
    }
  }
  return populate;
}

type Row = Record<string, unknown> & { id: number };

/** Values per `IN (…)` list when reading entries. */
const READ_LIST = 1_000;

/**
 * Reads event entries as `findMany` with the event populate gives them, with each related row (and
 * file) read once: Strapi's populate of the relations and media asks only for ids (so its joins
 * say which rows go where, in Strapi's order), and each related row is then read once per
 * announcement by type and id and shared by every entry showing it. An import's article sits in
 * the entry of each of its photos and links: read through the populate, its body came back and was
 * decoded once per photo and link. Components keep Strapi's own populate.
 */
function entryReader(strapi: Core.Strapi): (uid: string, ids: readonly number[]) => Promise<Row[]> {
  const known = new Map<string, Row>(); // `${uid}:${id}` → the row as findMany gives it
  async function rowsOf(uid: string, ids: readonly number[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !known.has(`${uid}:${id}`));
    for (let start = 0; start < missing.length; start += READ_LIST) {
      const rows = (await strapi.db.query(uid as never).findMany({ where: { id: { $in: missing.slice(start, start + READ_LIST) } } } as never)) as Row[];
      for (const row of rows) known.set(`${uid}:${row.id}`, row);
    }
  }
  return async (uid, ids) => {
    const full = eventPopulate(strapi, uid);
    const related = new Map<string, string>(); // attribute → the type of its rows
    const populate: Populate = {};
    for (const [name, attribute] of Object.entries(strapi.getModel(uid as DocumentUid).attributes)) {
      if (!(name in full)) continue;
      const { type, target } = attribute as { type?: string; target?: string };
      if (type === 'relation' && typeof target === 'string') related.set(name, target);
      else if (type === 'media') related.set(name, 'plugin::upload.file');
      populate[name] = related.has(name) ? { select: ['id'] } : full[name]!;
    }
    const rows: Row[] = [];
    for (let start = 0; start < ids.length; start += READ_LIST) {
      rows.push(...((await strapi.db.query(uid as never).findMany({ where: { id: { $in: ids.slice(start, start + READ_LIST) } }, populate } as never)) as Row[]));
    }
    const idsOf = (value: unknown): number[] => (Array.isArray(value) ? value : value ? [value] : []).map((item) => (item as Row).id);
    for (const [name, target] of related) await rowsOf(target, rows.flatMap((row) => idsOf(row[name])));
    for (const row of rows) {
      for (const [name, target] of related) {
        const value = row[name];
        const full = (item: unknown): Row => known.get(`${target}:${(item as Row).id}`) ?? (item as Row);
        if (Array.isArray(value)) row[name] = value.map(full);
        else if (value) row[name] = full(value);
      }
    }
    return rows;
  };
}

/**
 * Emits Strapi's own event for every changed document, in the order written, with the payload the
 * Document Service gives (`{ model, uid, entry }`, the entry read with its relations and sanitised
 * for output; a deleted row as it was). Call after the import's transaction committed: the
 * webhooks of Settings → Webhooks hear of the import as of an edit in the Content Manager.
 * Entries are read per type in one query each, not one per event.
 */
export async function emitDocumentEvents(strapi: Core.Strapi, changes: readonly ChangedDocument[]): Promise<void> {
  if (changes.length === 0) return;
  const entries = new Map<string, Record<string, unknown>>();
  const uids = [...new Set(changes.filter((change) => change.event !== 'entry.delete' && change.event !== 'entry.unpublish').map((change) => change.uid))];
  const read = entryReader(strapi);
  for (const uid of uids) {
    const ids = changes.filter((change) => change.uid === uid && change.event !== 'entry.delete').map((change) => change.rowId);
    for (const row of await read(uid, ids)) entries.set(`${uid}:${row.id}`, row);
  }
  const sanitizeOutput = outputSanitizer(strapi);
  for (const change of changes) {
    const model = strapi.getModel(change.uid);
    // A row an editor deleted between the commit and now has nothing left to announce.
    const entry = change.deletedRow ?? entries.get(`${change.uid}:${change.rowId}`);
    if (!entry) continue;
    await strapi.eventHub.emit(change.event, { model: model.modelName, uid: model.uid, entry: await sanitizeOutput(change.uid, entry) });
  }
}

type Entity = Parameters<typeof sanitize.sanitizers.defaultSanitizeOutput>[1];

/**
 * Strapi's output sanitiser for event entries (`defaultSanitizeOutput`: no password and no private
 * attribute, at every level), sanitising each related row and file once: an import's events carry
 * the same article in the entry of each of its photos and links, and sanitising every copy again
 * was most of the cost of announcing a batch. The entry's own attributes go through Strapi's
 * sanitiser with its related rows set aside (so a private relation is still removed by it); each
 * related row, by type and id, through the same sanitiser with its own schema, once.
 */
function outputSanitizer(strapi: Core.Strapi): (uid: string, entry: Record<string, unknown>) => Promise<unknown> {
  const getModel = (uid: string) => strapi.getModel(uid as never);
  const done = new Map<string, Promise<unknown>>();
  const once = (uid: string, row: unknown): Promise<unknown> => {
    const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
    const clean = () => sanitize.sanitizers.defaultSanitizeOutput({ schema: getModel(uid), getModel }, row as Entity);
    if (id === undefined) return clean();
    const key = `${uid}:${String(id)}`;
    let found = done.get(key);
    if (!found) done.set(key, (found = clean()));
    return found;
  };
  return async (uid, entry) => {
    const { attributes } = getModel(uid);
    const related = new Map<string, string>(); // attribute → the type of its rows
    for (const [name, attribute] of Object.entries(attributes)) {
      const { type, relation, target } = attribute as { type?: string; relation?: string; target?: string };
      if (type === 'relation' && typeof target === 'string' && !String(relation).toLowerCase().startsWith('morph')) related.set(name, target);
      else if (type === 'media') related.set(name, 'plugin::upload.file');
    }
    const aside = Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, related.has(key) && value !== null && value !== undefined ? null : value]));
    const sanitized = (await sanitize.sanitizers.defaultSanitizeOutput({ schema: getModel(uid), getModel }, aside as Entity)) as Record<string, unknown>;
    for (const [key, target] of related) {
      const value = entry[key];
      if (!(key in sanitized) || value === null || value === undefined) continue;
      sanitized[key] = Array.isArray(value) ? await Promise.all(value.map((row) => once(target, row))) : await once(target, value);
    }
    return sanitized;
  };
}

/** The part of Strapi 5.54's webhook runner (`services/webhook-runner.js`, its WorkerQueue) that says whether deliveries are pending. */
interface WebhookQueue {
  running: number;
  queue: unknown[];
}

/**
 * Resolves once the webhook runner has sent every queued delivery (or after `timeoutMs`, returning
 * false). Strapi's runner keeps its queue in memory: a command-line import that exits right after
 * its last commit would drop the deliveries of its last events.
 */
export async function webhooksDelivered(strapi: Core.Strapi, timeoutMs = 30_000): Promise<boolean> {
  const runner = strapi.get('webhookRunner') as { queue?: WebhookQueue } | undefined;
  const queue = runner?.queue;
  if (!queue || typeof queue.running !== 'number') return true;
  const deadline = Date.now() + timeoutMs;
  while (queue.running > 0 || queue.queue.length > 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return true;
}

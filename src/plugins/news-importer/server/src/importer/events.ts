import type { Core } from '@strapi/strapi';
import { contentTypes } from '@strapi/utils';
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

/** Rows by type, then by id. */
type RowsByType = Map<string, Map<number, Row>>;

/** Values per `IN (…)` list when reading entries. */
const READ_LIST = 1_000;

/**
 * Reads event entries (by type, the row ids) as `findMany` with the event populate gives them,
 * each related row (and file) read once: Strapi's populate of the relations and media asks only
 * for ids (so its joins say which rows go where, in Strapi's order), and each related row is then
 * read once per announcement by type and id and shared by every entry showing it. A row that is an
 * entry itself is not read again as a related row: an import's article sits in the entry of each
 * of its photos and links, and its photos and links in its own. Components keep Strapi's own
 * populate. Entries by type, then by id.
 */
async function readEntries(strapi: Core.Strapi, wanted: ReadonlyMap<string, readonly number[]>): Promise<RowsByType> {
  const entries: RowsByType = new Map();
  const known: RowsByType = new Map(); // rows as findMany without populate gives them
  const relatedOf = new Map<string, Array<[string, string]>>(); // uid → [attribute, the type of its rows]
  const rowsOf = (byType: RowsByType, uid: string): Map<number, Row> => {
    let rows = byType.get(uid);
    if (!rows) byType.set(uid, (rows = new Map()));
    return rows;
  };
  const readByIds = async (uid: string, ids: readonly number[], populate?: Populate): Promise<Row[]> => {
    const rows: Row[] = [];
    for (let start = 0; start < ids.length; start += READ_LIST) {
      rows.push(...((await strapi.db.query(uid as never).findMany({ where: { id: { $in: ids.slice(start, start + READ_LIST) } }, ...(populate ? { populate } : {}) } as never)) as Row[]));
    }
    return rows;
  };
  for (const [uid, ids] of wanted) {
    const full = eventPopulate(strapi, uid);
    const related: Array<[string, string]> = [];
    const populate: Populate = {};
    for (const [name, attribute] of Object.entries(strapi.getModel(uid as DocumentUid).attributes)) {
      if (!(name in full)) continue;
      const { type, target } = attribute as { type?: string; target?: string };
      const relatedType = type === 'relation' && typeof target === 'string' ? target : type === 'media' ? 'plugin::upload.file' : null;
      if (relatedType) related.push([name, relatedType]);
      populate[name] = relatedType ? { select: ['id'] } : full[name]!;
    }
    relatedOf.set(uid, related);
    for (const row of await readByIds(uid, ids, populate)) {
      rowsOf(entries, uid).set(row.id, row);
      // The row without what the populate added is the row a relation shows.
      const plain = {} as Row;
      for (const key of Object.keys(row)) if (!(key in full)) plain[key] = row[key];
      rowsOf(known, uid).set(row.id, plain);
    }
  }
  const items = (value: unknown): Row[] => (Array.isArray(value) ? value : value ? [value] : []) as Row[];
  const missing = new Map<string, Set<number>>();
  for (const [uid, rows] of entries) {
    for (const [name, target] of relatedOf.get(uid)!) {
      const have = known.get(target);
      for (const row of rows.values()) {
        for (const { id } of items(row[name])) {
          if (have?.has(id)) continue;
          if (!missing.has(target)) missing.set(target, new Set());
          missing.get(target)!.add(id);
        }
      }
    }
  }
  for (const [uid, ids] of missing) for (const row of await readByIds(uid, [...ids])) rowsOf(known, uid).set(row.id, row);
  for (const [uid, rows] of entries) {
    for (const [name, target] of relatedOf.get(uid)!) {
      const have = known.get(target);
      const full = (item: Row): Row => have?.get(item.id) ?? item;
      for (const row of rows.values()) {
        const value = row[name];
        if (Array.isArray(value)) row[name] = (value as Row[]).map(full);
        else if (value) row[name] = full(value as Row);
      }
    }
  }
  return entries;
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
  const wanted = new Map<string, number[]>();
  for (const change of changes) {
    if (change.event === 'entry.delete' || change.event === 'entry.unpublish') continue;
    if (!wanted.has(change.uid)) wanted.set(change.uid, []);
    wanted.get(change.uid)!.push(change.rowId);
  }
  const entries = await readEntries(strapi, wanted);
  const sanitizeOutput = outputSanitizer(strapi);
  for (const change of changes) {
    const model = strapi.getModel(change.uid);
    // A row an editor deleted between the commit and now has nothing left to announce.
    const entry = change.deletedRow ?? entries.get(change.uid)?.get(change.rowId);
    if (!entry) continue;
    await strapi.eventHub.emit(change.event, { model: model.modelName, uid: model.uid, entry: sanitizeOutput(change.uid, entry) });
  }
}

type Schema = ReturnType<Core.Strapi['getModel']>;

/** What Strapi's output sanitiser does with one attribute of a schema (see `outputSanitizer`). */
type Step =
  | { kind: 'remove' }
  | { kind: 'relation'; target: string }
  | { kind: 'morph' }
  | { kind: 'media' }
  | { kind: 'component'; component: string }
  | { kind: 'dynamiczone' };

/**
 * Strapi's output sanitiser for event entries, `defaultSanitizeOutput` (`@strapi/utils`: its
 * `removePassword` and `removePrivate` visitors under `traverseEntity`), compiled once per schema:
 * the same attributes removed (a password, `private: true`, or private by the app's
 * `privateAttributes`, as Strapi's own `isPrivateAttribute` says), the same recursion into
 * relations (a morph relation by each item's `__type`), media (the upload file schema), components
 * and dynamic zones (by each item's `__component`), keys that are not attributes kept, the entry
 * copied and never changed. Strapi's traversal is asynchronous and rebuilds a path per key of every
 * node; over the 26 entries an imported article announces, that took a millisecond per article.
 * A test holds it to Strapi's own for every entry an import announces (import-events.test.ts).
 * Each related row (by type and id) is sanitised once per announcement: an import's article sits
 * in the entry of each of its photos and links.
 */
export function outputSanitizer(strapi: Core.Strapi): (uid: string, entry: Record<string, unknown>) => unknown {
  const getModel = (uid: string): Schema | undefined => strapi.getModel(uid as never);
  const plans = new Map<string, Map<string, Step>>();
  const planOf = (schema: Schema): Map<string, Step> => {
    let plan = plans.get(schema.uid);
    if (plan) return plan;
    plan = new Map();
    for (const [key, attribute] of Object.entries(schema.attributes) as Array<[string, Record<string, unknown>]>) {
      if (attribute.type === 'password' || attribute.private === true || contentTypes.isPrivateAttribute(schema, key)) plan.set(key, { kind: 'remove' });
      else if (attribute.type === 'relation') {
        plan.set(key, String(attribute.relation).toLowerCase().startsWith('morph') ? { kind: 'morph' } : { kind: 'relation', target: String(attribute.target) });
      } else if (attribute.type === 'media') plan.set(key, { kind: 'media' });
      else if (attribute.type === 'component') plan.set(key, { kind: 'component', component: String(attribute.component) });
      else if (attribute.type === 'dynamiczone') plan.set(key, { kind: 'dynamiczone' });
    }
    plans.set(schema.uid, plan);
    return plan;
  };
  const done = new Map<string, unknown>(); // `${uid}:${id}` → a related row, sanitised
  const related = (uid: string, row: unknown): unknown => {
    const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
    if (id === undefined) return clean(getModel(uid), row);
    const key = `${uid}:${String(id)}`;
    if (!done.has(key)) done.set(key, clean(getModel(uid), row));
    return done.get(key);
  };
  const each = (value: unknown, one: (item: unknown) => unknown): unknown => (Array.isArray(value) ? value.map(one) : one(value));
  function clean(schema: Schema | undefined, entity: unknown): unknown {
    if (typeof entity !== 'object' || entity === null || !schema) return entity;
    if (Array.isArray(entity)) return [...entity];
    const source = entity as Record<string, unknown>;
    const copy: Record<string, unknown> = {};
    const plan = planOf(schema);
    for (const key of Object.keys(source)) {
      const step = plan.get(key);
      const value = source[key];
      if (step?.kind === 'remove') continue;
      copy[key] = value;
      if (!step || value === null || value === undefined) continue;
      switch (step.kind) {
        case 'relation':
          copy[key] = each(value, (item) => related(step.target, item));
          break;
        case 'morph':
          copy[key] = each(value, (item) => clean(getModel(String((item as { __type?: unknown })?.__type)), item));
          break;
        case 'media':
          copy[key] = each(value, (item) => related('plugin::upload.file', item));
          break;
        case 'component':
          copy[key] = each(value, (item) => clean(getModel(step.component), item));
          break;
        case 'dynamiczone':
          if (Array.isArray(value)) copy[key] = value.map((item) => (item === null || item === undefined ? item : clean(getModel(String((item as { __component?: unknown }).__component)), item)));
          break;
      }
    }
    return copy;
  }
  return (uid, entry) => clean(getModel(uid), entry);
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

import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { referencesTo } from './writer';

/**
 * The footprint of one imported article in one locale: every database row an import writes for it,
 * as stored (raw rows, column names): the article's versions, their byline link rows, and its
 * photos and related links (every version of each) with all their link rows (the article link, a
 * related item's target, a photo's media). What an update replaces is the footprint before it; an
 * undo puts that back row by row (same ids, same values) and, to know that nothing changed since
 * the import, compares a hash of the footprint now with the hash of the footprint the import left.
 *
 * Not in it: the reporter rows (shared by many articles; an undo deletes the ones an import created
 * when nothing else credits them), other articles' links to this one, the corrections (an import
 * never writes them; an editor adding one changes the article row, hence the hash).
 */

const ARTICLE = 'api::article.article';
const PHOTO = 'api::photo.photo';
const RELATED_LINK = 'api::related-link.related-link';
const BYLINE = ['reporters', 'editors', 'translators'] as const;
/** The entity types of a footprint, in insert order (an article before the photos that link to it). */
export const FOOTPRINT_UIDS = [ARTICLE, PHOTO, RELATED_LINK] as const;
export type FootprintUid = (typeof FOOTPRINT_UIDS)[number];

export type Row = Record<string, unknown> & { id: number };

/** Rows of one table, by id ascending. `uid`: the entity type stored there, null for a link table. */
export interface FootprintTable {
  table: string;
  uid: FootprintUid | null;
  rows: Row[];
}

/** Entity tables first (articles, photos, related links), then link tables; each table once. */
export interface Footprint {
  tables: FootprintTable[];
}

/** A footprint as JSON can keep it: dates tagged `{ $date }` so they come back as dates. */
export type StoredFootprint = { tables: Array<{ table: string; uid: FootprintUid | null; rows: Array<Record<string, unknown>> }> };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function encodeValue(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Buffer.isBuffer(value)) return { $base64: value.toString('base64') };
  return value;
}

function decodeValue(value: unknown): unknown {
  if (isRecord(value) && Object.keys(value).length === 1) {
    if (typeof value.$date === 'string') return new Date(value.$date);
    if (typeof value.$base64 === 'string') return Buffer.from(value.$base64, 'base64');
  }
  return value;
}

export function encodeFootprint(footprint: Footprint): StoredFootprint {
  return {
    tables: footprint.tables.map(({ table, uid, rows }) => ({
      table,
      uid,
      rows: rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, encodeValue(value)]))),
    })),
  };
}

export function decodeFootprint(stored: StoredFootprint): Footprint {
  return {
    tables: stored.tables.map(({ table, uid, rows }) => ({
      table,
      uid,
      rows: rows.map((row) => Object.fromEntries(Object.entries(row).map(([column, value]) => [column, decodeValue(value)])) as Row),
    })),
  };
}

/**
 * JSON with object keys sorted (at every level): the same rows give the same text whatever order
 * the driver listed the columns in; dates and buffers as `encodeValue` tags them, undefined as null.
 * Footprint rows of one table share their columns, so a row's sorted keys are reused from the row
 * before it when it has the same keys: sorting every row's keys again was most of the cost of
 * hashing an import's footprints.
 */
export function stableJson(value: unknown): string {
  let lastKeys: string[] = [];
  let lastSorted: Array<[string, string]> = []; // [key, its JSON and a colon]
  const sortedKeys = (keys: string[]): Array<[string, string]> => {
    if (keys.length === lastKeys.length && keys.every((key, n) => key === lastKeys[n])) return lastSorted;
    lastKeys = keys;
    lastSorted = [...keys].sort().map((key) => [key, `${JSON.stringify(key)}:`]);
    return lastSorted;
  };
  const write = (item: unknown): string => {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') return JSON.stringify(item);
    if (item === null || item === undefined) return 'null';
    if (Array.isArray(item)) {
      let out = '[';
      for (let n = 0; n < item.length; n += 1) out += (n === 0 ? '' : ',') + write(item[n]);
      return `${out}]`;
    }
    if (isRecord(item) && !(item instanceof Date) && !Buffer.isBuffer(item)) {
      let out = '{';
      let first = true;
      for (const [key, prefix] of sortedKeys(Object.keys(item))) {
        out += (first ? '' : ',') + prefix + write(item[key]);
        first = false;
      }
      return `${out}}`;
    }
    return JSON.stringify(encodeValue(item) ?? null);
  };
  return write(value);
}

/** A hash of the footprint's rows (sha256, hex). */
export function hashFootprint(footprint: Footprint): string {
  return createHash('sha256').update(stableJson(footprint.tables.filter((t) => t.rows.length > 0))).digest('hex');
}

/**
 * What an undo of one import needs, kept in its history record: the footprint the import replaced
 * (null when it created the article), a hash of the footprint it left, and the reporters it created.
 */
export interface UndoData {
  version: 1;
  locale: string;
  before: StoredFootprint | null;
  afterHash: string;
  /** Document ids of the reporters this import created. */
  reportersCreated: string[];
}

/** At most this many values in one `IN (…)` list (SQLite allows 32,766 bound values, PostgreSQL 65,535). */
const IN_LIST = 5_000;

const slices = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += IN_LIST) out.push(items.slice(start, start + IN_LIST));
  return out;
};

/** Reads footprints inside a transaction. */
export function createFootprints(strapi: Core.Strapi, trx: Knex.Transaction) {
  const table = (name: string) => strapi.db.getConnection(name).transacting(trx);
  const query = (uid: string) => strapi.db.query(uid as never);
  const tableName = (uid: string): string => strapi.db.metadata.get(uid).tableName;

  /** Rows of `name` whose `column` is one of `values` (and that match `where`), by id ascending. */
  async function rowsWhere(name: string, column: string, values: readonly number[], where: Record<string, string> = {}): Promise<Row[]> {
    const rows: Row[] = [];
    for (const part of slices([...new Set(values)])) rows.push(...((await table(name).select('*').where(where).whereIn(column, part)) as Row[]));
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** Row id → document id of the rows of `uid` in this locale whose `field` is one of `values`. */
  async function documentIdsBy(uid: string, field: 'id' | 'documentId', values: ReadonlyArray<number | string>, locale: string): Promise<Map<number, string>> {
    const found = new Map<number, string>();
    for (const part of slices([...new Set(values)])) {
      const rows: Array<{ id: number; documentId: string }> = await query(uid).findMany({ select: ['id', 'documentId'], where: { [field]: { $in: part }, locale } });
      for (const row of rows) found.set(row.id, row.documentId);
    }
    return found;
  }

  /** Row id → document id, for every version of these documents in this locale. */
  const versionsOf = (uid: string, documentIds: readonly string[], locale: string) => documentIdsBy(uid, 'documentId', documentIds, locale);

  /**
   * The footprints of many article documents in one locale, a few statements for all of them (empty
   * tables for a document that does not exist). Per document, the same rows and table order as
   * `read` gives: entity tables first, then the byline's link tables, then the children's.
   */
  async function readMany(documentIds: readonly string[], locale: string): Promise<Map<string, Footprint>> {
    // Entity rows, each with the article document it belongs to.
    const owner = new Map<FootprintUid, Map<number, string>>();
    const articles = await versionsOf(ARTICLE, documentIds, locale);
    owner.set(ARTICLE, articles);
    for (const uid of [PHOTO, RELATED_LINK] as const) {
      // Children attached to any version of an article, then every version of each child.
      const link = referencesTo(strapi, uid).find((ref) => ref.attribute === 'article');
      const attached = link ? await rowsWhere(link.table, inverseColumnOf(strapi, uid, 'article'), [...articles.keys()]) : [];
      const childArticle = new Map<number, string>();
      for (const row of attached) {
        const article = articles.get(Number(row[inverseColumnOf(strapi, uid, 'article')]));
        if (article !== undefined) childArticle.set(Number(row[link!.column]), article);
      }
      const childDocuments = await documentIdsBy(uid, 'id', [...childArticle.keys()], locale);
      const articleOfDocument = new Map<string, string>();
      for (const [id, documentId] of childDocuments) articleOfDocument.set(documentId, childArticle.get(id)!);
      const versions = await versionsOf(uid, [...articleOfDocument.keys()], locale);
      owner.set(uid, new Map([...versions].map(([id, documentId]) => [id, articleOfDocument.get(documentId)!])));
    }

    const result = new Map<string, Footprint>(documentIds.map((documentId) => [documentId, { tables: [] }]));
    const put = (documentId: string | undefined, name: string, uid: FootprintUid | null, row: Row | null): void => {
      if (documentId === undefined) return;
      const footprint = result.get(documentId);
      if (!footprint) return;
      let entry = footprint.tables.find((t) => t.table === name);
      if (!entry) footprint.tables.push((entry = { table: name, uid, rows: [] }));
      if (row && !entry.rows.some((have) => have.id === row.id)) entry.rows.push(row);
    };
    for (const uid of FOOTPRINT_UIDS) {
      const name = tableName(uid);
      const ids = owner.get(uid) ?? new Map<number, string>();
      for (const documentId of result.keys()) put(documentId, name, uid, null);
      for (const row of await rowsWhere(name, 'id', [...ids.keys()])) put(ids.get(Number(row.id)), name, uid, row);
    }
    // The byline: link rows owned by the article's versions; then every link row owned by a photo
    // or a related link (the article link, a target, a photo's media).
    const references: Array<{ uid: FootprintUid; reference: ReturnType<typeof referencesTo>[number] }> = [
      ...BYLINE.flatMap((role) => referencesTo(strapi, ARTICLE).filter((ref) => ref.attribute === role).map((reference) => ({ uid: ARTICLE as FootprintUid, reference }))),
      ...([PHOTO, RELATED_LINK] as const).flatMap((uid) => referencesTo(strapi, uid).map((reference) => ({ uid: uid as FootprintUid, reference }))),
    ];
    for (const { uid, reference } of references) {
      const ids = owner.get(uid) ?? new Map<number, string>();
      for (const documentId of result.keys()) put(documentId, reference.table, null, null);
      for (const row of await rowsWhere(reference.table, reference.column, [...ids.keys()], reference.where)) put(ids.get(Number(row[reference.column])), reference.table, null, row);
    }
    for (const footprint of result.values()) for (const entry of footprint.tables) entry.rows.sort((a, b) => Number(a.id) - Number(b.id));
    return result;
  }

  /** The footprint of one article document in one locale (empty tables when it does not exist). */
  async function read(documentId: string, locale: string): Promise<Footprint> {
    return (await readMany([documentId], locale)).get(documentId) ?? { tables: [] };
  }

  return { read, readMany };
}

/** The column of a link table that holds the related row's id, seen from `uid.attribute` (e.g. `article_id` for `photo.article`). */
function inverseColumnOf(strapi: Core.Strapi, uid: string, attribute: string): string {
  const definition = strapi.db.metadata.get(uid).attributes[attribute] as { joinTable?: { inverseJoinColumn?: { name?: unknown } } } | undefined;
  const name = definition?.joinTable?.inverseJoinColumn?.name;
  if (typeof name !== 'string') throw new Error(`news-importer: ${uid}.${attribute} is not a relation stored in a link table`);
  return name;
}

/** What a restore changed, per entity type: rows deleted (as the query engine read them), rows put back, rows updated. */
export interface RestoreResult {
  deleted: Array<{ uid: FootprintUid; row: Record<string, unknown> & { id: number; documentId: string; publishedAt?: unknown } }>;
  inserted: Array<{ uid: FootprintUid; id: number; documentId: string; published: boolean }>;
  updated: Array<{ uid: FootprintUid; id: number; documentId: string; published: boolean }>;
}

/**
 * Puts `before` back where `current` is, row by row: rows only in `current` are deleted (an entity
 * row with every link row that refers to it, as the writer deletes), rows in both get their old
 * values, rows only in `before` are inserted again with their old ids. Inside the caller's transaction.
 */
export async function restoreFootprint(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  current: Footprint,
  before: Footprint,
  deleteRows: (uid: string, ids: number[]) => Promise<void>
): Promise<RestoreResult> {
  const table = (name: string) => strapi.db.getConnection(name).transacting(trx);
  const result: RestoreResult = { deleted: [], inserted: [], updated: [] };
  const beforeOf = (name: string): FootprintTable | undefined => before.tables.find((t) => t.table === name);
  const byId = (rows: Row[]): Map<number, Row> => new Map(rows.map((row) => [row.id, row]));
  const documentColumn = (uid: string): string => columnOf(strapi, uid, 'documentId');
  const publishedColumn = (uid: string): string => columnOf(strapi, uid, 'publishedAt');

  // JSON columns: a value read parsed must go back as JSON text (pg would turn an array into a PostgreSQL array).
  const jsonColumns = new Map<string, Set<string>>();
  for (const uid of FOOTPRINT_UIDS) {
    const columns = new Set<string>();
    for (const [name, attribute] of Object.entries(strapi.db.metadata.get(uid).attributes)) {
      const type = (attribute as { type?: string }).type;
      if (type === 'json' || type === 'blocks') columns.add(columnOf(strapi, uid, name));
    }
    jsonColumns.set(strapi.db.metadata.get(uid).tableName, columns);
  }
  const prepare = (name: string, row: Record<string, unknown>): Record<string, unknown> => {
    const json = jsonColumns.get(name);
    if (!json) return row;
    // Strapi's drivers hand JSON over as text; a parsed value (another driver setting) goes back as text too.
    return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, json.has(column) && value !== null && typeof value === 'object' ? JSON.stringify(value) : value]));
  };
  const same = (a: Row, b: Row): boolean => stableJson(a) === stableJson(b);
  const linkTables = (fp: Footprint) => fp.tables.filter((t) => t.uid === null);
  const entityTables = (fp: Footprint) => fp.tables.filter((t): t is FootprintTable & { uid: FootprintUid } => t.uid !== null);
  const allLinkNames = [...new Set([...linkTables(current), ...linkTables(before)].map((t) => t.table))];

  // 1. Link rows the import added.
  for (const links of linkTables(current)) {
    const kept = byId(beforeOf(links.table)?.rows ?? []);
    const extra = links.rows.filter((row) => !kept.has(row.id)).map((row) => row.id);
    if (extra.length > 0) await table(links.table).whereIn('id', extra).delete();
  }
  // 2. Entity rows the import added, children before the article.
  for (const entities of [...entityTables(current)].reverse()) {
    const kept = byId(beforeOf(entities.table)?.rows ?? []);
    const extra = entities.rows.filter((row) => !kept.has(row.id));
    if (extra.length === 0) continue;
    const rows = (await strapi.db.query(entities.uid as never).findMany({ where: { id: { $in: extra.map((row) => row.id) } }, orderBy: { id: 'asc' } })) as RestoreResult['deleted'][number]['row'][];
    await deleteRows(entities.uid, extra.map((row) => row.id));
    for (const row of rows) result.deleted.push({ uid: entities.uid, row });
  }
  // 3. Entity rows: old values back, removed rows back (an article before its photos and links).
  for (const uid of FOOTPRINT_UIDS) {
    const name = strapi.db.metadata.get(uid).tableName;
    const now = byId(current.tables.find((t) => t.table === name)?.rows ?? []);
    for (const row of beforeOf(name)?.rows ?? []) {
      const entry = { uid, id: row.id, documentId: String(row[documentColumn(uid)]), published: row[publishedColumn(uid)] !== null && row[publishedColumn(uid)] !== undefined };
      const present = now.get(row.id);
      if (present && same(present, row)) continue;
      if (present) {
        const { id, ...values } = row;
        await table(name).where('id', id).update(prepare(name, values));
        result.updated.push(entry);
      } else {
        await table(name).insert(prepare(name, row));
        result.inserted.push(entry);
      }
    }
  }
  // 4. Link rows: old values back, removed rows back.
  for (const name of allLinkNames) {
    const now = byId(current.tables.find((t) => t.table === name)?.rows ?? []);
    // Rows of deleted entities left with them (step 2): look again.
    const still = new Set(((await table(name).select('id').whereIn('id', [...now.keys()])) as Array<{ id: number }>).map((row) => Number(row.id)));
    for (const row of beforeOf(name)?.rows ?? []) {
      const present = still.has(row.id) ? now.get(row.id) : undefined;
      if (present && same(present, row)) continue;
      if (present) {
        const { id, ...values } = row;
        await table(name).where('id', id).update(values);
      } else {
        await table(name).insert(row);
      }
    }
  }
  return result;
}

/** The column of `uid.attribute` (Strapi's metadata), e.g. `document_id`. */
function columnOf(strapi: Core.Strapi, uid: string, attribute: string): string {
  const definition = strapi.db.metadata.get(uid).attributes[attribute] as { columnName?: unknown } | undefined;
  return typeof definition?.columnName === 'string' ? definition.columnName : attribute;
}

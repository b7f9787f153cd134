import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * The importer's low-level writes: a few multi-row statements per article instead of the several
 * queries per entry the Document Service sends.
 *
 * What it writes is what the Document Service would write for the same content:
 * - every localized draft-and-publish document is a draft row (`published_at` null) plus, when
 *   published, a published row with the same `document_id` and `locale`; document ids have the
 *   shape of Strapi's own (cuid2), see `document-id.ts`;
 * - rows go through `strapi.db.query(uid).createMany`, so Strapi converts values (blocks to JSON,
 *   dates), fills defaults and runs the database lifecycles (`beforeCreateMany`: timestamps, and any
 *   subscriber, e.g. a test injecting a failure);
 * - relations are rows in Strapi's link tables, one per version pair (draft↔draft,
 *   published↔published), with the ordering columns Strapi fills: the position of the target in
 *   the owner's list (1, 2, …) and the position of the owner in the target's list (max + 1).
 *
 * Table and column names come from `strapi.db.metadata`, never from literals. Every function must
 * run inside `strapi.db.transaction` (the query engine joins it by itself; raw link-table
 * statements get the transaction passed in).
 */

type Metadata = ReturnType<Core.Strapi['db']['metadata']['get']>;

/** A relation stored in a link table, seen from the side that declares the attribute. */
export interface LinkTable {
  table: string;
  /** Column with the id of the row that declares the attribute (e.g. `article_id` for `article.reporters`). */
  ownerColumn: string;
  /** Column with the id of the related row (e.g. `reporter_id`). */
  targetColumn: string;
  /** Position of the target in the owner's list (`reporter_ord`), when that list is ordered. */
  orderColumn: string | null;
  /** Position of the owner in the target's list (`photo_ord`: the photo's place in `article.photos`). */
  inverseOrderColumn: string | null;
}

/**
 * A relation between two documents, for every version written: the owner's draft row links to the
 * target's draft row, its published row to the target's published row (a type without draft and
 * publish gives the same row id for both). `order`: the target's 1-based place in the owner's list.
 */
export interface VersionedLink {
  owner: VersionIds;
  target: VersionIds;
  order?: number;
}

/** The draft and published row ids of one document in one locale. */
export interface VersionIds {
  draft: number | null;
  published: number | null;
}

export type Version = 'draft' | 'published';

interface RowIdentity {
  id: number;
  documentId: string;
  publishedAt: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function columnName(value: unknown): string {
  if (isRecord(value) && typeof value.name === 'string') return value.name;
  throw new Error(`news-importer: unexpected link-table metadata ${JSON.stringify(value)}`);
}

/** The link table behind `uid.attribute`, from Strapi's metadata. */
export function linkTableOf(strapi: Core.Strapi, uid: string, attribute: string): LinkTable {
  const definition: unknown = strapi.db.metadata.get(uid).attributes[attribute];
  const joinTable = isRecord(definition) ? definition.joinTable : undefined;
  if (!isRecord(joinTable) || typeof joinTable.name !== 'string') {
    throw new Error(`news-importer: ${uid}.${attribute} is not a relation stored in a link table`);
  }
  return {
    table: joinTable.name,
    ownerColumn: columnName(joinTable.joinColumn),
    targetColumn: columnName(joinTable.inverseJoinColumn),
    orderColumn: typeof joinTable.orderColumnName === 'string' ? joinTable.orderColumnName : null,
    inverseOrderColumn: typeof joinTable.inverseOrderColumnName === 'string' ? joinTable.inverseOrderColumnName : null,
  };
}

/** A (table, column) that refers to rows of a type, through its `attribute`; `where` narrows a polymorphic table to the type. */
export interface Reference {
  attribute: string;
  table: string;
  column: string;
  where: Record<string, string>;
}

/** Every (table, column) that refers to rows of `uid`: its link tables and the polymorphic (media) ones. */
export function referencesTo(strapi: Core.Strapi, uid: string): Reference[] {
  const references = new Map<string, Reference>();
  const metadata: Metadata = strapi.db.metadata.get(uid);
  for (const [name, definition] of Object.entries(metadata.attributes)) {
    if (definition.type !== 'relation') continue;
    const record: Record<string, unknown> = { ...definition };
    if (isRecord(record.joinTable)) {
      const link = linkTableOf(strapi, uid, name);
      references.set(`${link.table}.${link.ownerColumn}`, { attribute: name, table: link.table, column: link.ownerColumn, where: {} });
    } else if ((record.relation === 'morphOne' || record.relation === 'morphMany') && typeof record.target === 'string' && typeof record.morphBy === 'string') {
      const inverse: unknown = strapi.db.metadata.get(record.target).attributes[record.morphBy];
      const joinTable = isRecord(inverse) ? inverse.joinTable : undefined;
      const morphColumn = isRecord(joinTable) ? joinTable.morphColumn : undefined;
      if (isRecord(joinTable) && typeof joinTable.name === 'string' && isRecord(morphColumn)) {
        const column = columnName(morphColumn.idColumn);
        references.set(`${joinTable.name}.${column}`, {
          attribute: name,
          table: joinTable.name,
          column,
          where: { [columnName(morphColumn.typeColumn)]: uid },
        });
      }
    }
  }
  return [...references.values()];
}

/** Row writes for one import, bound to its transaction. */
export function createWriter(strapi: Core.Strapi, trx: Knex.Transaction) {
  const query = (uid: string) => strapi.db.query(uid as never);
  const table = (name: string) => strapi.db.getConnection(name).transacting(trx);
  const batchSize = strapi.db.dialect.getBatchInsertSize();

  /**
   * Inserts the given versions of each document in one statement (per batch) and returns their row
   * ids by document id. `data` is in attribute names, as for the Document Service; `locale` is null
   * for a non-localized type. A type without draft and publish stores one row with `publishedAt` set,
   * which is what `versions: ['published']` gives.
   */
  async function insertDocuments(
    uid: string,
    documents: Array<{ documentId: string; data: Record<string, unknown> }>,
    options: { versions: Version[]; locale: string | null; now: Date; createdAt?: Date }
  ): Promise<Map<string, VersionIds>> {
    const result = new Map<string, VersionIds>(documents.map((doc) => [doc.documentId, { draft: null, published: null }]));
    if (documents.length === 0) return result;
    const rows = documents.flatMap((doc) =>
      options.versions.map((version) => ({
        ...doc.data,
        documentId: doc.documentId,
        ...(options.locale === null ? {} : { locale: options.locale }),
        publishedAt: version === 'published' ? options.now : null,
        createdAt: options.createdAt ?? options.now,
        updatedAt: options.now,
      }))
    );
    await query(uid).createMany({ data: rows });
    // Ids by document id and version: RETURNING order is not a promise every database makes.
    const written: RowIdentity[] = await query(uid).findMany({
      select: ['id', 'documentId', 'publishedAt'],
      where: { documentId: { $in: [...result.keys()] }, ...(options.locale === null ? {} : { locale: options.locale }) },
    });
    for (const row of written) {
      const ids = result.get(row.documentId);
      if (!ids) continue;
      if (row.publishedAt === null || row.publishedAt === undefined) ids.draft = row.id;
      else ids.published = row.id;
    }
    return result;
  }

  /** Sets attributes of existing rows (one statement); `updatedAt` is set to `now`. */
  async function updateRows(uid: string, ids: number[], data: Record<string, unknown>, now: Date): Promise<void> {
    if (ids.length === 0) return;
    await query(uid).updateMany({ where: { id: { $in: ids } }, data: { ...data, updatedAt: now } });
  }

  /** The highest `inverseOrderColumn` per target row: where the next owner goes in each target's list. */
  async function lastInverseOrder(link: LinkTable, targets: number[]): Promise<Map<number, number>> {
    if (!link.inverseOrderColumn || targets.length === 0) return new Map();
    const rows: Array<{ target: number | string; last: number | string | null }> = await table(link.table)
      .select({ target: link.targetColumn })
      .max({ last: link.inverseOrderColumn })
      .whereIn(link.targetColumn, [...new Set(targets)])
      .groupBy(link.targetColumn);
    return new Map(rows.map((row) => [Number(row.target), Number(row.last ?? 0)]));
  }

  /**
   * Inserts the link rows of the given versions, as the Document Service leaves them after creating
   * and publishing: `order` as given, and the owner's place in the target's list after the draft
   * target's current last one (counting up within this call), the published link taking the same
   * place as its draft (Strapi keeps it on publish). `newTargets`: the targets were created in this
   * transaction, so they have no links yet (saves a query).
   */
  async function insertLinks(link: LinkTable, links: VersionedLink[], options: { versions: Version[]; newTargets?: boolean }): Promise<void> {
    const placeIn = (target: VersionIds): number | null => target.draft ?? target.published;
    const wanted = links.filter((l) => options.versions.some((version) => l.owner[version] !== null && l.target[version] !== null));
    if (wanted.length === 0) return;
    const targets = wanted.map((l) => placeIn(l.target)).filter((id): id is number => id !== null);
    const last = options.newTargets ? new Map<number, number>() : await lastInverseOrder(link, targets);
    const inverse = wanted.map((l) => {
      const target = placeIn(l.target);
      if (target === null) return 0;
      const next = (last.get(target) ?? 0) + 1;
      last.set(target, next);
      return next;
    });
    const rows = options.versions.flatMap((version) =>
      wanted.flatMap((l, index) => {
        const owner = l.owner[version];
        const target = l.target[version];
        if (owner === null || target === null) return [];
        const row: Record<string, number> = { [link.ownerColumn]: owner, [link.targetColumn]: target };
        if (link.orderColumn && l.order !== undefined) row[link.orderColumn] = l.order;
        if (link.inverseOrderColumn) row[link.inverseOrderColumn] = inverse[index];
        return [row];
      })
    );
    for (let start = 0; start < rows.length; start += batchSize) {
      await table(link.table).insert(rows.slice(start, start + batchSize));
    }
  }

  /** Deletes link rows of the given owners in one link table. */
  async function deleteLinks(link: LinkTable, owners: number[]): Promise<void> {
    if (owners.length === 0) return;
    await table(link.table).whereIn(link.ownerColumn, owners).delete();
  }

  /** Deletes rows of `uid` and every link row (incl. media links) that refers to them. */
  async function deleteRows(uid: string, ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    for (const reference of referencesTo(strapi, uid)) {
      await table(reference.table).where(reference.where).whereIn(reference.column, ids).delete();
    }
    await query(uid).deleteMany({ where: { id: { $in: ids } } });
  }

  return { insertDocuments, updateRows, insertLinks, deleteLinks, deleteRows };
}

export type Writer = ReturnType<typeof createWriter>;

import type { Core } from '@strapi/strapi';
import { isUnderEmbargo, isWithdrawn } from '../../../published-only/visibility';

/**
 * The only place the article page reads the database: which version of an article a slug names, how
 * new that version and everything it shows are (for the ETag), and the whole page.
 */

const ARTICLE = 'api::article.article';
const PHOTO = 'api::photo.photo';
const RELATED_LINK = 'api::related-link.related-link';

export type PageStatus = 'published' | 'draft';

/** One language version of an article, as found by slug, with what decides whether the public may see it. */
export interface PageRow {
  id: number;
  documentId: string;
  locale: string;
  slug: string;
  title: string;
  /** Withdrawal (pencabutan): the page answers 410 Gone from this time on. */
  withdrawnAt: unknown;
  withdrawalReason: string | null;
  /** Embargo: invisible to the public until this time. */
  embargoedUntil: unknown;
}

/** The columns of a PageRow, as the query engine names them. */
const ROW_FIELDS = ['id', 'documentId', 'locale', 'slug', 'title', 'withdrawnAt', 'withdrawalReason', 'embargoedUntil'];

/** A published language version of the same article, for `hreflang` links. */
export interface Alternate {
  locale: string;
  slug: string;
}

export interface ReporterEntry {
  name: string;
  slug: string | null;
  kind: 'person' | 'desk';
  outlet: string | null;
  [field: string]: unknown;
}

export interface ImageEntry {
  url: string;
  alternativeText: string | null;
  width: number | null;
  height: number | null;
  mime: string | null;
  formats: Record<string, { url: string; width?: number; height?: number }> | null;
  [field: string]: unknown;
}

export interface PhotoEntry {
  caption: string | null;
  altText: string | null;
  credit: string | null;
  photographer: string | null;
  agency: string | null;
  position: number;
  image: ImageEntry | null;
  [field: string]: unknown;
}

export interface RelatedLinkEntry {
  title: string;
  url: string | null;
  kind: 'related' | 'readAlso';
  position: number | null;
  target: { documentId: string; slug: string; locale: string } | null;
  [field: string]: unknown;
}

/** A correction, clarification, right of reply or update, as stored (component newsroom.correction). */
export interface CorrectionEntry {
  kind: 'ralat' | 'koreksi' | 'hak-jawab' | 'pembaruan';
  text: string;
  issuedAt: string;
  [field: string]: unknown;
}

/** An article with everything its page shows. */
export interface ArticlePage {
  id: number;
  documentId: string;
  locale: string;
  title: string;
  slug: string;
  subtitle: string | null;
  section: string | null;
  body: unknown[];
  publishedDate: string;
  dateline: string | null;
  outlet: string | null;
  sourceName: string | null;
  originalUrl: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  reporters: ReporterEntry[];
  editors: ReporterEntry[];
  translators: ReporterEntry[];
  photos: PhotoEntry[];
  relatedLinks: RelatedLinkEntry[];
  /** Oldest first. */
  corrections: CorrectionEntry[];
  withdrawnAt?: string | null;
  embargoedUntil?: string | null;
  [field: string]: unknown;
}

/** Everything a page shows, in one Document Service call: relations sorted the way the page prints them. */
export const PAGE_POPULATE = {
  reporters: true,
  editors: true,
  translators: true,
  photos: { sort: ['position:asc', 'id:asc'], populate: { image: true } },
  relatedLinks: { sort: ['position:asc', 'id:asc'], populate: { target: { fields: ['slug', 'locale'] } } },
  corrections: true,
} as const;

/** Corrections oldest first (the order the press council's guideline reads them in), stable for equal times. */
export function oldestFirst<T extends { issuedAt?: unknown }>(corrections: readonly T[] | null | undefined): T[] {
  const time = (item: T): number => {
    const parsed = Date.parse(String(item.issuedAt ?? ''));
    return Number.isNaN(parsed) ? Number.POSITIVE_INFINITY : parsed;
  };
  return [...(corrections ?? [])].sort((a, b) => time(a) - time(b));
}

interface LinkTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
}
interface Metadata {
  tableName: string;
  attributes: Record<string, { columnName?: string; joinTable?: LinkTable }>;
}

type Knex = Core.Strapi['db']['connection'];
type VersionRow = { kind: string; id: number; version: unknown; withdrawn: unknown; embargo: unknown };

/** Stand-ins compiled into the version query, replaced by the row's values on each run. */
const ID_SENTINEL = -987654321;
const DOCUMENT_SENTINEL = '\u0000documentId';

/** Rows of a raw query: an array (SQLite) or `{ rows }` (PostgreSQL). */
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows);

/** Timestamps come back as Date (PostgreSQL) or as a number or string (SQLite). */
const stamp = (value: unknown): string => (value instanceof Date ? String(value.getTime()) : String(value));

interface SqliteStatement {
  all(...bindings: unknown[]): unknown[];
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}
interface ConnectionPool {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<void> | void;
}

export function createPageRepository(strapi: Core.Strapi) {
  /**
   * Runs one of the page's fixed read queries. On SQLite the prepared statement is kept per
   * connection: preparing the version query again on every request cost more than running it.
   * PostgreSQL gets the plain query.
   */
  const prepared = new WeakMap<object, Map<string, SqliteStatement>>();
  async function read<T>(sql: string, bindings: unknown[]): Promise<T[]> {
    if (strapi.db.dialect.client !== 'sqlite') return rowsOf<T>(await strapi.db.connection.raw(sql, bindings as never));
    const pool = strapi.db.connection.client as unknown as ConnectionPool;
    const connection = (await pool.acquireConnection()) as SqliteConnection & object;
    try {
      let statements = prepared.get(connection);
      if (!statements) prepared.set(connection, (statements = new Map()));
      let statement = statements.get(sql);
      if (!statement) statements.set(sql, (statement = connection.prepare(sql)));
      return statement.all(...bindings) as T[];
    } finally {
      await pool.releaseConnection(connection);
    }
  }

  const metadata = (uid: string): Metadata => strapi.db.metadata.get(uid as never) as unknown as Metadata;
  const column = (uid: string, attribute: string): string => metadata(uid).attributes[attribute]?.columnName ?? attribute;
  const linkTable = (uid: string, attribute: string): LinkTable => {
    const table = metadata(uid).attributes[attribute]?.joinTable;
    if (!table) throw new Error(`${uid}.${attribute} has no link table`);
    return table;
  };
  const db = strapi.db.query(ARTICLE as never);
  const published = (status: PageStatus) => ({ publishedAt: status === 'published' ? { $notNull: true } : { $null: true } });

  /** The SQL of the version check, built once from Strapi's metadata so table names never drift. */
  let versionQuery: ((knex: Knex, row: PageRow) => Promise<VersionRow[]>) | null = null;
  function buildVersionQuery(): (knex: Knex, row: PageRow) => Promise<VersionRow[]> {
    const articles = metadata(ARTICLE).tableName;
    const updatedAt = column(ARTICLE, 'updatedAt');
    const publishedAt = column(ARTICLE, 'publishedAt');
    const documentId = column(ARTICLE, 'documentId');
    const withdrawnAt = column(ARTICLE, 'withdrawnAt');
    const embargoedUntil = column(ARTICLE, 'embargoedUntil');
    const reporters = metadata('api::reporter.reporter').tableName;
    const photos = metadata(PHOTO).tableName;
    const links = metadata(RELATED_LINK).tableName;
    const photoLink = linkTable(ARTICLE, 'photos');
    const relatedLink = linkTable(ARTICLE, 'relatedLinks');
    const targetLink = linkTable(RELATED_LINK, 'target');
    const roles = ['reporters', 'editors', 'translators'].map((role) => [role, linkTable(ARTICLE, role)] as const);

    const knex = strapi.db.connection;
    const query = (() => {
      const row = { id: ID_SENTINEL, documentId: DOCUMENT_SENTINEL };
      // Articles also carry what decides their visibility: an embargo lifts without any write, so the
      // fingerprint must change with the clock, not only with `updatedAt`.
      const gates = (alias: string | null) =>
        alias === null
          ? [knex.raw('null as withdrawn'), knex.raw('null as embargo')]
          : [`${alias}.${withdrawnAt} as withdrawn`, `${alias}.${embargoedUntil} as embargo`];
      const select = (kind: string, alias: string, article = false) => [
        knex.raw('? as kind', [kind]),
        `${alias}.id as id`,
        `${alias}.${updatedAt} as version`,
        ...gates(article ? alias : null),
      ];
      const parts = [
        // Every published language version: the page lists them as alternates.
        knex(`${articles} as a`).select(select('a', 'a', true)).where(`a.${documentId}`, row.documentId).whereNotNull(`a.${publishedAt}`),
        ...roles.map(([role, table]) =>
          knex(`${reporters} as r`)
            .select(select(role, 'r'))
            .join(`${table.name} as l`, `l.${table.inverseJoinColumn.name}`, 'r.id')
            .where(`l.${table.joinColumn.name}`, row.id)
        ),
        knex(`${photos} as p`)
          .select(select('photo', 'p'))
          .join(`${photoLink.name} as l`, `l.${photoLink.inverseJoinColumn.name}`, 'p.id')
          .where(`l.${photoLink.joinColumn.name}`, row.id)
          .whereNotNull(`p.${publishedAt}`),
        knex('files as f')
          .select(select('file', 'f'))
          .join('files_related_mph as m', 'm.file_id', 'f.id')
          .where({ 'm.related_type': PHOTO, 'm.field': 'image' })
          .whereIn('m.related_id', knex(photoLink.name).select(photoLink.inverseJoinColumn.name).where(photoLink.joinColumn.name, row.id)),
        knex(`${links} as x`)
          .select(select('link', 'x'))
          .join(`${relatedLink.name} as l`, `l.${relatedLink.inverseJoinColumn.name}`, 'x.id')
          .where(`l.${relatedLink.joinColumn.name}`, row.id)
          .whereNotNull(`x.${publishedAt}`),
        knex(`${articles} as t`)
          .select(select('target', 't', true))
          .join(`${targetLink.name} as l`, `l.${targetLink.inverseJoinColumn.name}`, 't.id')
          .whereIn(
            `l.${targetLink.joinColumn.name}`,
            knex(relatedLink.name).select(relatedLink.inverseJoinColumn.name).where(relatedLink.joinColumn.name, row.id)
          )
          .whereNotNull(`t.${publishedAt}`),
      ];
      const [first, ...rest] = parts;
      return first!.unionAll(rest, false).toSQL();
    })();
    // Compiled once: building eight sub-selects per request would cost more than running them.
    return (_knex, row) =>
      read<VersionRow>(
        query.sql,
        query.bindings.map((value) => (value === ID_SENTINEL ? row.id : value === DOCUMENT_SENTINEL ? row.documentId : value))
      );
  }

  /** The hot lookup of every public page request, compiled once (see buildVersionQuery). */
  let publishedBySlug: { sql: string } | null = null;
  const buildPublishedBySlug = (): { sql: string } => {
    const articles = metadata(ARTICLE).tableName;
    const { sql } = strapi.db
      .connection(articles)
      .select(Object.fromEntries(ROW_FIELDS.map((field) => [field, column(ARTICLE, field)])))
      .where(column(ARTICLE, 'slug'), '')
      .andWhere(column(ARTICLE, 'locale'), '')
      .whereNotNull(column(ARTICLE, 'publishedAt'))
      .limit(1)
      .toSQL();
    return { sql };
  };

  return {
    /** The version of an article in one locale whose slug this is, or null. */
    async findBySlug(slug: string, locale: string, status: PageStatus): Promise<PageRow | null> {
      if (status === 'draft') {
        return db.findOne({ select: ROW_FIELDS, where: { slug, locale, ...published(status) } });
      }
      publishedBySlug ??= buildPublishedBySlug();
      const [row] = await read<PageRow>(publishedBySlug.sql, [slug, locale, 1]);
      // Raw rows: the long texts come back as they are stored, timestamps are read by visibility.ts.
      return row ?? null;
    },

    /** Any version of the same article with this slug, preferring `preferredLocale`. */
    async findDocumentBySlug(slug: string, preferredLocale: string, status: PageStatus): Promise<PageRow | null> {
      const rows: PageRow[] = await db.findMany({
        select: ROW_FIELDS,
        where: { slug, ...published(status) },
        limit: 10,
      });
      return rows.find((row) => row.locale === preferredLocale) ?? rows[0] ?? null;
    },

    /** One language version of a document, or null. */
    async findVersion(documentId: string, locale: string, status: PageStatus): Promise<PageRow | null> {
      return db.findOne({ select: ROW_FIELDS, where: { documentId, locale, ...published(status) } });
    },

    /**
     * A fingerprint of everything the published page of `row` shows: each row's id and `updatedAt`
     * for the article's language versions, its reporters, photos and their images, related links and
     * their targets. One query; a publish, an edit, a new or removed item all change it, and so does
     * an article (the page's own versions, a linked target) becoming visible or hidden at `now`.
     */
    async publishedVersion(row: PageRow, now: Date): Promise<string[]> {
      versionQuery ??= buildVersionQuery();
      const rows = await versionQuery(strapi.db.connection, row);
      const gate = (entry: VersionRow): string =>
        isWithdrawn({ withdrawnAt: entry.withdrawn }, now) ? ':withdrawn' : isUnderEmbargo({ embargoedUntil: entry.embargo }, now) ? ':embargoed' : '';
      return rows
        .map((entry) => `${entry.kind}:${entry.id}:${stamp(entry.version)}${gate(entry)}`)
        .sort();
    },

    /** The published language versions of a document (locale and slug), for alternates. */
    async alternates(documentId: string, status: PageStatus): Promise<Alternate[]> {
      const rows: Alternate[] = await db.findMany({
        select: ['locale', 'slug'],
        where: { documentId, ...published(status) },
        orderBy: { locale: 'asc' },
      });
      return rows.map(({ locale, slug }) => ({ locale, slug }));
    },

    /** The page of one language version, with every relation it shows. */
    async loadPage(row: PageRow, status: PageStatus): Promise<ArticlePage | null> {
      const documents = strapi.documents(ARTICLE as never) as unknown as {
        findOne(params: Record<string, unknown>): Promise<ArticlePage | null>;
      };
      return documents.findOne({ documentId: row.documentId, locale: row.locale, status, populate: PAGE_POPULATE });
    },
  };
}

export type PageRepository = ReturnType<typeof createPageRepository>;

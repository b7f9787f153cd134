import type { ArticleChanges, FieldChange } from '../../../shared/contracts/imports';
import type { ArticlePlan, ParagraphBlock } from './mapping';

/** The article fields an import writes and an update can change, as the history shows them. */
export const ARTICLE_FIELDS = ['title', 'slug', 'subtitle', 'section', 'body', 'publishedDate', 'dateline', 'outlet', 'sourceName', 'originalUrl'] as const;

type ArticleField = (typeof ARTICLE_FIELDS)[number];

/** An article version as stored, with what the import replaces (read inside the import's transaction). */
export type ArticleSnapshot = { [F in ArticleField]: unknown } & {
  reporters: Array<{ name: string }>;
  editors: Array<{ name: string }>;
  translators: Array<{ name: string }>;
  photos: Array<{ caption: string | null; credit: string | null; position: number | null }>;
  relatedLinks: Array<{ title: string | null; url: string | null; kind: string | null; position: number | null }>;
};

const isParagraphs = (value: unknown): value is ParagraphBlock[] => Array.isArray(value);

/** A stored or planned value as the text a reader compares: the body's paragraphs joined by blank lines, dates in ISO 8601. */
export function fieldText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (isParagraphs(value)) {
    return value
      .map((block) => (Array.isArray(block?.children) ? block.children.map((child) => (typeof child?.text === 'string' ? child.text : '')).join('') : ''))
      .join('\n\n');
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const time = Date.parse(value);
    return Number.isNaN(time) ? value : new Date(time).toISOString();
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** What is in `after` and not in `before`, and the reverse (each item once, in its list's order). */
function listChange(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } {
  const had = new Set(before);
  const has = new Set(after);
  return { added: [...has].filter((item) => !had.has(item)), removed: [...had].filter((item) => !has.has(item)) };
}

const photoLabel = (photo: { caption: string | null; credit: string | null }): string =>
  [photo.caption ?? '', photo.credit ? `(${photo.credit})` : ''].filter(Boolean).join(' ');
const linkLabel = (link: { title: string | null; url: string | null }): string => (link.url ? `${link.title ?? ''} <${link.url}>` : link.title ?? '');
const byPosition = <T extends { position: number | null }>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => (a.position ?? 0) - (b.position ?? 0));

/**
 * What an update changes in an article: each field whose text differs (before → after), and the
 * photos, related links and credited names added or removed. Pure: the stored version and the plan in.
 */
export function diffArticle(before: ArticleSnapshot, plan: ArticlePlan, slug: string): ArticleChanges {
  const after: Record<ArticleField, unknown> = { ...plan.article, slug };
  // A datetime may come back from the driver as epoch milliseconds (SQLite).
  const stored = (field: ArticleField): unknown => (field === 'publishedDate' && typeof before[field] === 'number' ? new Date(before[field] as number) : before[field]);
  const fields: FieldChange[] = ARTICLE_FIELDS.flatMap((field) => {
    const was = fieldText(stored(field));
    const now = fieldText(after[field]);
    return was === now ? [] : [{ field, before: was, after: now }];
  });
  const names = (snapshot: Pick<ArticleSnapshot, 'reporters' | 'editors' | 'translators'>): string[] =>
    [...snapshot.reporters, ...snapshot.editors, ...snapshot.translators].map((reporter) => reporter.name);
  return {
    fields,
    photos: listChange(byPosition(before.photos).map(photoLabel), plan.photos.map(photoLabel)),
    relatedLinks: listChange(byPosition(before.relatedLinks).map(linkLabel), plan.relatedLinks.map(linkLabel)),
    byline: listChange(names(before), names(plan.byline)),
  };
}

import type { SourceLine } from './input';
import type {
  ArticleField,
  Byline,
  DatePrecision,
  DiscardReason,
  DiscardedLine,
  LineAssignment,
  ParsedPhoto,
  ParsedReadAlso,
  ParsedRelated,
  ParseWarning,
  ParseWarningCode,
} from './types';

/**
 * The article under construction. Every method that stores something also records which line
 * it came from, so the finished trace accounts for each non-blank line exactly once.
 */
export class ArticleBuilder {
  title: string | null = null;
  titleLine: SourceLine | null = null;
  subtitle: string | null = null;
  section: string | null = null;
  byline: Byline = { reporters: [], editors: [], translators: [], desk: null };
  publishedAt: string | null = null;
  publishedAtPrecision: DatePrecision | null = null;
  dateline: string | null = null;
  readonly body: string[] = [];
  readonly photos: ParsedPhoto[] = [];
  source: string | null = null;
  readonly readAlso: ParsedReadAlso[] = [];
  readonly related: ParsedRelated[] = [];
  readonly discarded: DiscardedLine[] = [];
  readonly warnings: ParseWarning[] = [];
  readonly assignments: LineAssignment[] = [];
  /** Keys of every caption seen, to drop a caption printed twice. */
  readonly captionKeys = new Set<string>();
  /** Assignment of each body paragraph, so a trailing sign-off can move to the byline. */
  readonly bodyAssignments: LineAssignment[] = [];

  assign(line: SourceLine, field: ArticleField, index: number | null = null): LineAssignment {
    const assignment: LineAssignment = { line: line.no, field, index };
    this.assignments.push(assignment);
    return assignment;
  }

  discard(line: SourceLine, reason: DiscardReason): void {
    this.assign(line, 'discarded', this.discarded.length);
    this.discarded.push({ line: line.no, text: line.text, reason });
  }

  warn(code: ParseWarningCode, message: string, line: number | null = null): void {
    this.warnings.push({ code, message, line });
  }

  addName(role: keyof Omit<Byline, 'desk'>, name: string): void {
    const list = this.byline[role];
    if (!list.includes(name)) list.push(name);
  }

  addParagraph(line: SourceLine, text: string): void {
    this.bodyAssignments.push(this.assign(line, 'body', this.body.length));
    this.body.push(text);
  }

  addPhoto(line: SourceLine, photo: Omit<ParsedPhoto, 'position'>): void {
    this.assign(line, 'photos', this.photos.length);
    this.photos.push({ ...photo, position: this.body.length });
  }

  addReadAlso(line: SourceLine, entry: ParsedReadAlso): void {
    this.assign(line, 'readAlso', this.readAlso.length);
    this.readAlso.push(entry);
  }

  addSource(line: SourceLine, source: string): void {
    this.assign(line, 'source');
    this.appendSource(source);
  }

  appendSource(source: string): void {
    if (this.source === null) this.source = source;
    else if (!this.source.split(', ').includes(source)) this.source = `${this.source}, ${source}`;
  }
}

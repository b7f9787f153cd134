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
  pageDate: string | null = null;
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

  /** Records that `line` went into `field` (at `index` for array fields). */
  assign(line: SourceLine, field: ArticleField, index: number | null = null): LineAssignment {
    const assignment: LineAssignment = { line: line.no, field, index };
    this.assignments.push(assignment);
    return assignment;
  }

  /** Drops a line from every field, keeping it in `discarded` with the reason. */
  discard(line: SourceLine, reason: DiscardReason): void {
    this.assign(line, 'discarded', this.discarded.length);
    this.discarded.push({ line: line.no, text: line.text, reason });
  }

  /**
   * Replaces photo `index` with a fuller copy of its caption printed further down (the first copy
   * was cut short): the short copy's line becomes a discarded duplicate, the new line the photo.
   */
  replacePhoto(index: number, line: SourceLine, photo: Omit<ParsedPhoto, 'position'>): void {
    const old = this.assignments.find((a) => a.field === 'photos' && a.index === index);
    const current = this.photos[index];
    if (old === undefined || current === undefined) return;
    old.field = 'discarded';
    old.index = this.discarded.length;
    this.discarded.push({ line: old.line, text: this.lineTexts.get(old.line) ?? '', reason: 'duplicate' });
    this.photos[index] = { ...photo, position: current.position };
    this.assign(line, 'photos', index);
  }

  /** Text of the lines assigned to photos, for replacePhoto. */
  readonly lineTexts = new Map<number, string>();

  /** Adds a warning for the reviewer. */
  warn(code: ParseWarningCode, message: string, line: number | null = null): void {
    this.warnings.push({ code, message, line });
  }

  /** Credits a person in a byline role, once. */
  addName(role: keyof Omit<Byline, 'desk'>, name: string): void {
    const list = this.byline[role];
    // The sign-off repeats the labelled reporter in capitals (`Friski Riana` … `FRISKI RIANA`): one person.
    const same = (a: string): string => a.toLowerCase().replace(/\s+/g, ' ');
    if (!list.some((n) => same(n) === same(name))) list.push(name);
  }

  /** Appends a body paragraph. */
  addParagraph(line: SourceLine, text: string): void {
    this.bodyAssignments.push(this.assign(line, 'body', this.body.length));
    this.body.push(text);
  }

  /**
   * Continues the last paragraph with a line it was hard-wrapped onto. The line is assigned to
   * that paragraph; bodyAssignments keeps one entry per paragraph, its first line.
   */
  continueParagraph(line: SourceLine, text: string): void {
    const last = this.body.length - 1;
    this.assign(line, 'body', last);
    this.body[last] = `${this.body[last] as string} ${text}`;
  }

  /** Adds a photo after the paragraphs read so far. */
  addPhoto(line: SourceLine, photo: Omit<ParsedPhoto, 'position'>): void {
    this.lineTexts.set(line.no, line.text);
    this.assign(line, 'photos', this.photos.length);
    this.photos.push({ ...photo, position: this.body.length });
  }

  /** Adds a read-also link printed on its own line. */
  addReadAlso(line: SourceLine, entry: ParsedReadAlso): void {
    this.assign(line, 'readAlso', this.readAlso.length);
    this.readAlso.push(entry);
  }

  /** Takes a `Sumber:` line as the source. */
  addSource(line: SourceLine, source: string): void {
    this.assign(line, 'source');
    this.appendSource(source);
  }

  /** Adds a source without a line of its own (a sign-off's outlets), comma-separated, once. */
  appendSource(source: string): void {
    if (this.source === null) this.source = source;
    else if (!this.source.split(', ').includes(source)) this.source = `${this.source}, ${source}`;
  }
}

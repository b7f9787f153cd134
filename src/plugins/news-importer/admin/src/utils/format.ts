/** The newsroom's clock: every time on the page is shown in Western Indonesia Time. */
export const NEWSROOM_TIME_ZONE = 'Asia/Jakarta';

/** A time in WIB in the admin's language, e.g. `Jumat, 28 Oktober 2022 pukul 12.00 WIB`; the date only for day precision. */
export function formatWib(iso: string, locale: string, precision: 'minute' | 'day' | null = 'minute', weekday = true): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const withTime = precision !== 'day';
  const text = new Intl.DateTimeFormat(locale, {
    timeZone: NEWSROOM_TIME_ZONE,
    ...(weekday ? { weekday: 'long' as const } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit' as const, minute: '2-digit' as const, hourCycle: 'h23' as const } : {}),
  }).format(date);
  return withTime ? `${text} WIB` : text;
}

/** `2024-05-15T10:00` typed in a datetime-local field, read as WIB: `2024-05-15T10:00:00+07:00`. */
export function wibInputToIso(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2})?$/.exec(value.trim());
  return match ? `${match[1]}T${match[2]}${match[3] ?? ':00'}+07:00` : undefined;
}

/** The Content Manager's edit view of an article in one locale (relative to the admin's base path). */
export function contentManagerPath(documentId: string, locale: string): string {
  return `/content-manager/collection-types/api::article.article/${documentId}?plugins[i18n][locale]=${encodeURIComponent(locale)}`;
}

/** The text of one 1-based input line, trimmed and shortened, to show beside an error. */
export function lineExcerpt(text: string, line: number | null, max = 120): string | null {
  if (line === null || line < 1) return null;
  const content = text.split(/\r\n|\r|\n/)[line - 1]?.trim();
  if (!content) return null;
  return content.length > max ? `${content.slice(0, max - 1)}…` : content;
}

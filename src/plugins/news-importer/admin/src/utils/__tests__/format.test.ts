import { contentManagerPath, formatWib, lineExcerpt, wibInputToIso } from '../format';

describe('formatWib', () => {
  it('shows a time in WIB, whatever zone the time was written in', () => {
    expect(formatWib('2024-05-13T14:05:00+07:00', 'id')).toBe('Senin, 13 Mei 2024 pukul 14.05 WIB');
    expect(formatWib('2024-05-13T07:05:00Z', 'id')).toBe('Senin, 13 Mei 2024 pukul 14.05 WIB');
    expect(formatWib('2023-10-03T09:45:00+08:00', 'en')).toBe('Tuesday, October 3, 2023 at 08:45 WIB');
  });

  it('shows only the date when the page printed no time', () => {
    expect(formatWib('2018-09-19T00:00:00+07:00', 'id', 'day')).toBe('Rabu, 19 September 2018');
  });

  it('leaves the weekday out on request, and gives back text it cannot read', () => {
    expect(formatWib('2022-10-28T12:00:00+07:00', 'en', 'minute', false)).toBe('October 28, 2022 at 12:00 WIB');
    expect(formatWib('kemarin', 'id')).toBe('kemarin');
  });
});

describe('wibInputToIso', () => {
  it('reads a datetime-local value as WIB', () => {
    expect(wibInputToIso('2024-05-15T10:00')).toBe('2024-05-15T10:00:00+07:00');
    expect(wibInputToIso('2024-05-15T10:00:30')).toBe('2024-05-15T10:00:30+07:00');
  });

  it('gives nothing for an empty or partial value', () => {
    expect(wibInputToIso('')).toBeUndefined();
    expect(wibInputToIso('2024-05-15')).toBeUndefined();
  });
});

describe('contentManagerPath', () => {
  it('opens the article in its locale', () => {
    expect(contentManagerPath('abc123', 'en')).toBe('/content-manager/collection-types/api::article.article/abc123?plugins[i18n][locale]=en');
  });
});

describe('lineExcerpt', () => {
  it('quotes the 1-based line, trimmed and shortened', () => {
    expect(lineExcerpt('Judul\r\n\r\n  Paragraf pertama.  ', 3)).toBe('Paragraf pertama.');
    expect(lineExcerpt('x'.repeat(200), 1, 10)).toBe('xxxxxxxxx…');
  });

  it('gives nothing without a line, or for a blank one', () => {
    expect(lineExcerpt('Judul', null)).toBeNull();
    expect(lineExcerpt('Judul\n\n', 2)).toBeNull();
  });
});

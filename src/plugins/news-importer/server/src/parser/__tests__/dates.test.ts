import { DateTime } from 'luxon';
import { parseCapturedAt, parseDateLine, parseMetadataLine, parseRelativeAge, resolveRelativeAge, type DateLine } from '../dates';

function date(text: string): DateLine {
  const result = parseDateLine(text);
  if (result === null || !result.ok) throw new Error(`not a date line: ${text}`);
  return result.date;
}

describe('parseDateLine', () => {
  it.each([
    ['Jumat, 28 Oktober 2022 12:00 WIB', '2022-10-28T12:00:00+07:00', 'minute'],
    ['Kamis, 12 Mei 2022 20:35 WIB', '2022-05-12T20:35:00+07:00', 'minute'],
    ['19 Agustus 2020 | 13.10 WIB', '2020-08-19T13:10:00+07:00', 'minute'],
    ['Rabu, 19 September 2018', '2018-09-19T00:00:00+07:00', 'day'],
    ['Senin, 7 Juli 2014', '2014-07-07T00:00:00+07:00', 'day'],
    ['3 January 2020 13:31 WIB', '2020-01-03T13:31:00+07:00', 'minute'],
    ['Friday, October 28, 2022 12:00 WIB', '2022-10-28T12:00:00+07:00', 'minute'],
    ['Selasa, 3 Oktober 2023 09:45 WITA', '2023-10-03T09:45:00+08:00', 'minute'],
    ['Sabtu, 1 Juli 2023 07.30 WIT', '2023-07-01T07:30:00+09:00', 'minute'],
    ['Sabtu 30 Apr 2022 20:15 WIB', '2022-04-30T20:15:00+07:00', 'minute'],
    ["Jum'at, 4 Februari 2022 08:00 WIB", '2022-02-04T08:00:00+07:00', 'minute'],
    ['Kompas.com - 05/05/2022, 19:37 WIB', '2022-05-05T19:37:00+07:00', 'minute'],
  ])('reads %j', (text, iso, precision) => {
    expect(date(text)).toMatchObject({ iso, precision, weekdayMismatch: false });
  });

  it('tells the month language apart', () => {
    expect(date('28 Oktober 2022').language).toBe('id');
    expect(date('28 October 2022').language).toBe('en');
    expect(date('Jumat, 28 November 2022').language).toBe('id');
  });

  it('records the printed zone and leaves it null when none is printed', () => {
    expect(date('28 Oktober 2022 12:00 WITA').zone).toBe('WITA');
    expect(date('28 Oktober 2022 12:00')).toMatchObject({ zone: null, iso: '2022-10-28T12:00:00+07:00' });
  });

  it('flags a weekday that does not match the date', () => {
    expect(date('Senin, 28 Oktober 2022 12:00 WIB').weekdayMismatch).toBe(true);
  });

  it('rejects an impossible calendar date as date-shaped but invalid', () => {
    expect(parseDateLine('30 Februari 2022')).toMatchObject({ ok: false });
    expect(parseDateLine('28 Oktober 2022 25:00 WIB')).toMatchObject({ ok: false });
  });

  it.each([
    ['a sentence with a date in it', 'Janji itu disampaikan pada Kamis, 27 Oktober 2022, di Beijing.'],
    ['a title', 'Cina dan Rusia Janji Akan Saling Dukung'],
    ['a relative age', '5 jam lalu'],
    ['a year alone', '2022'],
  ])('ignores %s', (_label, text) => {
    expect(parseDateLine(text)).toBeNull();
  });
});

describe('parseRelativeAge', () => {
  it.each([
    ['30 menit lalu', 30, 'minutes'],
    ['5 jam lalu', 5, 'hours'],
    ['1 hari lalu', 1, 'days'],
    ['2 minggu lalu', 2, 'weeks'],
    ['3 bulan yang lalu', 3, 'months'],
    ['5 hours ago', 5, 'hours'],
    ['an hour ago', 1, 'hours'],
    ['1 day ago', 1, 'days'],
    ['kemarin', 1, 'days'],
  ])('reads %j', (text, amount, unit) => {
    expect(parseRelativeAge(text)).toEqual({ amount, unit });
  });

  it.each([['Minggu, 7 Juli 2024'], ['5 jam'], ['lalu'], ['Baca Selengkapnya']])('ignores %j', (text) => {
    expect(parseRelativeAge(text)).toBeNull();
  });
});

describe('resolveRelativeAge', () => {
  const capturedAt = DateTime.fromISO('2024-05-15T10:00:00+07:00', { setZone: true });

  it('subtracts the age with calendar arithmetic and reports WIB', () => {
    expect(resolveRelativeAge({ amount: 5, unit: 'hours' }, capturedAt)).toBe('2024-05-15T05:00:00+07:00');
    expect(resolveRelativeAge({ amount: 2, unit: 'weeks' }, capturedAt)).toBe('2024-05-01T10:00:00+07:00');
    expect(resolveRelativeAge({ amount: 3, unit: 'months' }, capturedAt)).toBe('2024-02-15T10:00:00+07:00');
  });

  it('converts a capture time in another zone to WIB', () => {
    const utc = DateTime.fromISO('2024-05-14T20:30:00Z', { setZone: true });
    expect(resolveRelativeAge({ amount: 30, unit: 'minutes' }, utc)).toBe('2024-05-15T03:00:00+07:00');
  });

  it('drops milliseconds of the capture time', () => {
    const precise = DateTime.fromISO('2024-05-15T10:00:00.789+07:00', { setZone: true });
    expect(resolveRelativeAge({ amount: 1, unit: 'days' }, precise)).toBe('2024-05-14T10:00:00+07:00');
  });
});

describe('parseCapturedAt', () => {
  it('accepts ISO strings and Dates, rejects anything else', () => {
    expect(parseCapturedAt('2024-05-15T10:00:00+07:00')?.toMillis()).toBe(Date.UTC(2024, 4, 15, 3));
    expect(parseCapturedAt(new Date(0))?.toMillis()).toBe(0);
    expect(parseCapturedAt('yesterday')).toBeNull();
    expect(parseCapturedAt(new Date(Number.NaN))).toBeNull();
  });
});

describe('date formats seen on real pages (issue 10)', () => {
  it.each([
    ['Sabtu, 23 Maret 2024', '2024-03-23T00:00:00+07:00', 'day'],
    ['Diterbitkan 20 Agu 2021, 00:01 WIB', '2021-08-20T00:01:00+07:00', 'minute'],
    ['Rabu 19 Aug 2020 15:46 WIB', '2020-08-19T15:46:00+07:00', 'minute'],
    ['Sunday, 22 January, 2017 | 08:28 WIB', '2017-01-22T08:28:00+07:00', 'minute'],
    ['Apr 14th 2025, 19:14', '2025-04-14T19:14:00+07:00', 'minute'],
    ['| Saturday, 23 June 2018 |', '2018-06-23T00:00:00+07:00', 'day'],
  ])('reads %j', (text, iso, precision) => {
    expect(parseDateLine(text)).toMatchObject({ ok: true, date: { iso, precision } });
  });

  it('reads the archive metadata line: its date and its writer', () => {
    expect(parseMetadataLine('Edisi: 12/40 / Tanggal : 2011-06-19 / Halaman : 88 / Rubrik : NASIONAL / Penulis : TIM CONTOH, ,')).toEqual({
      date: { iso: '2011-06-19T00:00:00+07:00', precision: 'day', zone: null, weekdayMismatch: false, language: null },
      writer: 'TIM CONTOH',
    });
    expect(parseMetadataLine('Harga / kurs : naik / turun')).toBeNull();
  });
});

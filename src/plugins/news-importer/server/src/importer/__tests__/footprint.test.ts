import { createHash } from 'node:crypto';
import { hashFootprint, stableJson, type Footprint } from '../footprint';

/** The footprint text as first defined (records undone later were hashed with it): keys sorted at every level. */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${reference((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  if (value instanceof Date) return JSON.stringify({ $date: value.toISOString() });
  if (Buffer.isBuffer(value)) return JSON.stringify({ $base64: value.toString('base64') });
  return JSON.stringify(value ?? null);
}

const footprint: Footprint = {
  tables: [
    {
      table: 'articles',
      uid: 'api::article.article',
      rows: [
        { id: 1, title: 'Banjir "Jakarta"', body: '[{"type":"paragraph"}]', published_at: null, created_at: new Date('2024-01-02T03:04:05.678Z'), views: 0, flag: true, missing: undefined },
        // Same columns listed in another order, then a row with one column fewer.
        { title: 'Ünïcödé ✓ \u2028', id: 2, flag: false, body: null, published_at: 1700000000000, created_at: 1700000000000, views: 1.5, missing: undefined },
        { id: 3, title: 'tanpa kolom', body: { nested: { b: 1, a: [1, 'x', null, { z: 0, y: new Date(0) }] } } },
      ],
    },
    { table: 'photos_article_lnk', uid: null, rows: [{ id: 7, photo_id: 4, article_id: 1, photo_ord: 1, blob: Buffer.from('abc') } as never] },
    { table: 'empty', uid: null, rows: [] },
  ],
};

describe('stableJson', () => {
  it('gives the text the footprint hash was first defined on, for rows, nesting, dates, buffers and undefined', () => {
    expect(stableJson(footprint.tables)).toBe(reference(footprint.tables));
    for (const value of [null, undefined, 0, -1.25, 'a"b', true, [], {}, [[{ b: 1, a: 2 }], { a: [{ d: 1, c: 2 }, { c: 3, d: 4 }] }], new Date(86_400_000)]) {
      expect(stableJson(value)).toBe(reference(value));
    }
  });

  it('sorts the keys of each object, whatever order they come in', () => {
    expect(stableJson([{ b: 1, a: 2 }, { a: 3, b: 4 }, { c: 5, a: 6 }])).toBe('[{"a":2,"b":1},{"a":3,"b":4},{"a":6,"c":5}]');
  });
});

describe('hashFootprint', () => {
  it('hashes the non-empty tables\' text (records of earlier imports keep matching)', () => {
    const expected = createHash('sha256').update(reference(footprint.tables.filter((t) => t.rows.length > 0))).digest('hex');
    expect(hashFootprint(footprint)).toBe(expected);
  });

  it('changes when one value of one row changes', () => {
    const changed: Footprint = JSON.parse(JSON.stringify(footprint));
    changed.tables[0]!.rows[1]!.views = 2;
    expect(hashFootprint(changed)).not.toBe(hashFootprint(footprint));
  });
});

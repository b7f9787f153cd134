import { visibilityTtlValue } from '../visibility-ttl';

describe('visibilityTtlValue', () => {
  const now = Date.parse('2026-12-01T08:00:00.000Z');

  it('says none when no embargo or withdrawal is pending', () => {
    expect(visibilityTtlValue(null, now)).toBe('none');
  });

  it('rounds up to whole seconds, so a copy never expires before the instant it could miss', () => {
    expect(visibilityTtlValue(now + 10_000, now)).toBe('10');
    expect(visibilityTtlValue(now + 10_001, now)).toBe('11');
    expect(visibilityTtlValue(now + 1, now)).toBe('1');
    expect(visibilityTtlValue(now + 3_600_000 * 48, now)).toBe(String(3600 * 48));
  });

  it('says 0 once the instant has passed while the answer was built (Varnish keeps it no longer)', () => {
    expect(visibilityTtlValue(now, now)).toBe('0');
    expect(visibilityTtlValue(now - 2_500, now)).toBe('0');
  });
});

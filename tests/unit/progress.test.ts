import { progressLine } from '../../scripts/lib/progress';

describe('the import progress line', () => {
  it('shows the bar, the count, the rate and the time left at that rate', () => {
    // 250 of 1,000 pages in 2 s: 125 pages/s, 750 pages left → 6 s.
    expect(progressLine(250, 1000, 2000, 200)).toBe('Importing [██████░░░░░░░░░░░░░░░░░░] 250/1000  125 pages/s  ETA 0:06');
  });

  it('counts hours for an archive, and shows no time left before the first page', () => {
    expect(progressLine(1000, 1_000_000, 10_000, 200)).toMatch(/ 1000\/1000000  100 pages\/s  ETA 2:46:30$/);
    expect(progressLine(0, 10, 0, 200)).toMatch(/ 0\/10  0\.0 pages\/s  ETA –$/);
  });

  it('fits the terminal', () => {
    expect(progressLine(5, 10, 1000, 30)).toHaveLength(29);
  });
});

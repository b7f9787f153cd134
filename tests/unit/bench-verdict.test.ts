import { shareCell, verdict, type VerdictRow } from '../../scripts/lib/bench-verdict';

const TARGETS = '(≥ 0.3)';
const run = (requests: number, status = requests > 0 ? `200×${requests * 5}` : '') => ({ requests, status });
const row = (name: string, result: number, ceiling: number, target: number | undefined = 0.3): VerdictRow => ({
  name,
  result: run(result),
  ceiling: run(ceiling),
  target,
});

describe('bench-api verdict', () => {
  it('meets the targets only when every targeted endpoint and its ceiling answered', () => {
    const judged = verdict([row('list', 68, 110), row('page', 2400, 3100, 0.6)], TARGETS);
    expect(judged).toMatchObject({ met: true, unmeasured: [], missed: [] });
    expect(judged.lines).toEqual([`targets ${TARGETS}: all met`]);
  });

  it('reports a ceiling of 0 req/s (share Infinity) as not measured, never as met', () => {
    const judged = verdict([row('list', 68, 110), row('graphql-slug', 2807, 0)], TARGETS);
    expect(judged.met).toBe(false);
    expect(judged.unmeasured).toEqual(['graphql-slug (its ceiling: no answer)']);
    expect(judged.lines.join('\n')).toMatch(/^not measured: graphql-slug/);
    expect(judged.lines.join('\n')).toMatch(/not verified \(1 of 2/);
    expect(judged.lines.join('\n')).not.toMatch(/all met/);
    expect(shareCell(row('graphql-slug', 2807, 0))).toBe('n/a');
  });

  it('reports an endpoint and a ceiling that both got no answer (share NaN) as not measured', () => {
    const judged = verdict([row('graphql-home, whole pipeline', 0, 0, undefined), row('list', 68, 110)], TARGETS);
    expect(judged.unmeasured).toEqual(['graphql-home, whole pipeline (the endpoint: no answer, its ceiling: no answer)']);
    // The row has no target, but a failed measurement is still a failure of the run.
    expect(judged.lines[0]).toMatch(/^not measured: /);
    expect(shareCell(row('x', 0, 0))).toBe('n/a');
  });

  it('treats a run with no responses, NaN or Infinity req/s as not measured', () => {
    for (const result of [{ requests: 3, status: '' }, { requests: NaN, status: '200×1' }, { requests: Infinity, status: '200×1' }]) {
      const judged = verdict([{ name: 'list', result, ceiling: run(110), target: 0.3 }], TARGETS);
      expect(judged.met).toBe(false);
      expect(judged.unmeasured).toHaveLength(1);
    }
  });

  it('names the endpoints below their target', () => {
    const judged = verdict([row('list', 2, 1000), row('page', 2000, 3100, 0.6), row('home', 0, 90)], TARGETS);
    expect(judged.met).toBe(false);
    expect(judged.missed).toEqual(['list']);
    expect(judged.lines).toEqual([`not measured: home (the endpoint: no answer)`, `targets ${TARGETS} NOT met by: list`]);
  });

  it('does not call a run without targeted rows met', () => {
    expect(verdict([row('list, whole pipeline', 10, 100, undefined)], TARGETS).met).toBe(false);
  });
});

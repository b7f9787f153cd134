/**
 * The verdict of `npm run bench:api`: each endpoint's share of its ceiling against the targets, with
 * failed or empty measurements reported as such. A run in which an endpoint or its ceiling got no
 * answer (0 req/s, so a share of 0, NaN or Infinity) measured nothing: it is never a met target.
 */

/** One autocannon run, as bench-api keeps it. */
export interface Measurement {
  /** Mean requests per second. */
  requests: number;
  /** Responses by status code (`200×14510`); empty when nothing answered. */
  status: string;
}

export interface VerdictRow {
  name: string;
  /** The run of the endpoint itself. */
  result: Measurement;
  /** The run of its ceiling (the bare handler replaying its SQL). */
  ceiling: Measurement;
  /** The least share of the ceiling this endpoint must reach; undefined when the row has no target. */
  target?: number;
}

/** Why a run measured nothing, or null when it measured something. */
export function notMeasured(run: Measurement): string | null {
  if (!Number.isFinite(run.requests) || run.requests <= 0 || run.status.trim() === '') return 'no answer';
  return null;
}

/** The share of the ceiling, or null when the endpoint or its ceiling measured nothing. */
export function shareOfCeiling(row: VerdictRow): number | null {
  if (notMeasured(row.result) !== null || notMeasured(row.ceiling) !== null) return null;
  const share = row.result.requests / row.ceiling.requests;
  return Number.isFinite(share) ? share : null;
}

/** The "× ceiling" cell of the table: the share, or `n/a` when there is none. */
export function shareCell(row: VerdictRow): string {
  const share = shareOfCeiling(row);
  return share === null ? 'n/a' : share.toFixed(2);
}

export interface Verdict {
  /** Rows (with or without a target) whose endpoint or ceiling measured nothing, with the reason. */
  unmeasured: string[];
  /** Rows with a target whose share is below it. */
  missed: string[];
  /** True only when every row with a target was measured and met it. */
  met: boolean;
  /** The lines to print under the table. */
  lines: string[];
}

export function verdict(rows: readonly VerdictRow[], targets: string): Verdict {
  const unmeasured: string[] = [];
  const missed: string[] = [];
  for (const row of rows) {
    const endpoint = notMeasured(row.result);
    const ceiling = notMeasured(row.ceiling);
    if (endpoint !== null || ceiling !== null) {
      const why = [endpoint && `the endpoint: ${endpoint}`, ceiling && `its ceiling: ${ceiling}`].filter(Boolean).join(', ');
      unmeasured.push(`${row.name} (${why})`);
      continue;
    }
    const share = shareOfCeiling(row);
    if (row.target !== undefined && (share === null || share < row.target)) missed.push(row.name);
  }
  const targeted = rows.filter((row) => row.target !== undefined);
  const targetedUnmeasured = targeted.filter((row) => shareOfCeiling(row) === null).length;
  const met = targeted.length > 0 && targetedUnmeasured === 0 && missed.length === 0;
  const lines: string[] = [];
  if (unmeasured.length > 0) lines.push(`not measured: ${unmeasured.join('; ')}`);
  if (missed.length > 0) lines.push(`targets ${targets} NOT met by: ${missed.join('; ')}`);
  if (met) lines.push(`targets ${targets}: all met`);
  else if (missed.length === 0) lines.push(`targets ${targets}: not verified (${targetedUnmeasured} of ${targeted.length} endpoints with a target not measured)`);
  return { unmeasured, missed, met, lines };
}

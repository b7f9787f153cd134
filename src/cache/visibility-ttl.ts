/**
 * How long a shared cache may keep a public answer before the archive changes by itself: an embargo
 * passing or a withdrawal taking effect makes an article appear or go with no write, so no purge
 * announces it. Varnish keeps keyed answers for an hour (deploy/varnish/kabar.vcl) and caps that at
 * this header; it never lengthens a lifetime.
 */

/** Seconds until the next visibility change (a whole number), or `none` when nothing is pending. */
export const VISIBILITY_TTL_HEADER = 'Kabar-Visibility-Change-In';

/**
 * The header's value: the seconds from `nowMs` to `until`, rounded up (a copy then expires at the
 * instant or within a second after it, never before a change it could miss), at least 0; `none`
 * when nothing is pending.
 */
export function visibilityTtlValue(until: number | null, nowMs: number): string {
  if (until === null) return 'none';
  return String(Math.max(0, Math.ceil((until - nowMs) / 1000)));
}

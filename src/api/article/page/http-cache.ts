import { createHash } from 'node:crypto';
import type { FrontendSettings } from './settings';

/**
 * Conditional GETs for public reads: a weak ETag, `304 Not Modified` for a matching `If-None-Match`,
 * and a short shared-cache lifetime. Only anonymous reads are cacheable: an API-token caller may see
 * drafts, and a user's login must never be answered from a shared cache.
 */

/** Bumped when the shape of a frontend response changes, so caches drop the old representations. */
export const REPRESENTATION_VERSION = 1;

/** The part of Koa's context these helpers use. */
export interface CacheContext {
  method: string;
  status: number;
  fresh: boolean;
  get(field: string): string;
  set(field: string, value: string): void;
  vary(field: string): void;
  state: { auth?: { credentials?: unknown } };
}

/** True for a GET/HEAD with no credentials at all: the only responses a shared cache may keep. */
export function isPublicRead(ctx: CacheContext): boolean {
  return (ctx.method === 'GET' || ctx.method === 'HEAD') && !ctx.get('authorization') && ctx.state.auth?.credentials == null;
}

/** A weak ETag over the given parts (the version of the content, or the body itself). */
export function weakEtag(parts: ReadonlyArray<string | number>): string {
  const hash = createHash('sha1');
  hash.update(String(REPRESENTATION_VERSION));
  for (const part of parts) hash.update(`\u0000${part}`);
  return `W/"${hash.digest('base64url')}"`;
}

/** `public, max-age=…, stale-while-revalidate=…` from the settings. */
export function cacheControl(settings: Pick<FrontendSettings, 'maxAge' | 'staleWhileRevalidate'>): string {
  return `public, max-age=${settings.maxAge}, stale-while-revalidate=${settings.staleWhileRevalidate}`;
}

/**
 * Sets the validator and the caching headers; when the request's `If-None-Match` matches, answers
 * `304` (no body) and returns true: the caller then stops.
 */
export function answerConditionally(ctx: CacheContext, etag: string, settings: FrontendSettings): boolean {
  ctx.set('ETag', etag);
  ctx.set('Cache-Control', cacheControl(settings));
  // The same URL answers drafts to an API token: a cache must not mix the two.
  ctx.vary('Authorization');
  // Koa's `fresh` compares If-None-Match (weakly) with the ETag set above; it needs a 2xx status.
  ctx.status = 200;
  if (!ctx.fresh) return false;
  ctx.status = 304;
  return true;
}

/** True when `If-None-Match` names this ETag (weak comparison, RFC 9110 §13.1.2) or is `*`. */
export function matchesIfNoneMatch(header: string, etag: string): boolean {
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

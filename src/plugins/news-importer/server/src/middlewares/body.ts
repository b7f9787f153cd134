import zlib from 'node:zlib';
import type { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { invalidUtf8Problem } from '../importer/utf8-body';
import type { ImporterError } from '../errors';

/** The importer's JSON routes: their bodies are read as bytes here (admin and content-API paths). */
const IMPORT_ROUTES = new Set(['/news-importer/preview', '/news-importer/import', '/api/news-importer/import']);

/** Where the body's UTF-8 problem waits for the import controller, which answers and records it. */
export const BODY_PROBLEM = 'newsImporterBodyProblem';

interface BodyConfig {
  jsonLimit?: string | number;
  [option: string]: unknown;
}

/** `5mb`, `512kb`, `1024` → bytes (the forms config/middlewares.ts uses); 1 MiB, koa-body's default, otherwise. */
export function limitInBytes(limit: string | number | undefined): number {
  if (typeof limit === 'number') return limit;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i.exec(limit ?? '');
  if (!match) return 1024 * 1024;
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b' | 'kb' | 'mb' | 'gb'];
  return Math.floor(Number(match[1]) * unit);
}

/** The request body as bytes, inflated as its Content-Encoding says; 413 past `limit`, 415 for an unknown encoding. */
async function readBytes(ctx: Context, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('Content-Length'));
  const encoding = (ctx.get('Content-Encoding') || 'identity').toLowerCase();
  if (encoding === 'identity' && declared > limit) ctx.throw(413, `The request body is ${declared} bytes; the limit is ${limit}.`);
  const inflaters: Record<string, (() => Readable) | undefined> = {
    identity: undefined,
    gzip: () => zlib.createGunzip(),
    deflate: () => zlib.createInflate(),
    br: () => zlib.createBrotliDecompress(),
  };
  if (!(encoding in inflaters)) ctx.throw(415, `Unsupported Content-Encoding "${encoding}"; send identity, gzip, deflate or br.`);
  const inflater = inflaters[encoding];
  const stream: Readable = inflater ? ctx.req.pipe(inflater() as unknown as NodeJS.WritableStream) as unknown as Readable : ctx.req;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > limit) {
      stream.destroy();
      ctx.throw(413, `The request body is over the limit of ${limit} bytes.`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

type Middleware = (ctx: Context, next: Next) => Promise<unknown>;
type MiddlewareFactory = (config: BodyConfig, context: { strapi: Core.Strapi }) => Middleware | void;

/**
 * Wraps Strapi's body parser (`strapi::body`, same config): the importer's JSON routes have their
 * body read as bytes first, so that invalid UTF-8 is refused with NOT_TEXT and its line, as the CLI
 * refuses such a file, instead of reaching the importer as U+FFFD (koa-body decodes lossily and keeps
 * no bytes). Every other request goes to Strapi's parser untouched. Installed in register.ts.
 */
export function withStrictImportBody(strapiBody: MiddlewareFactory): MiddlewareFactory {
  return (config, context) => {
    const parse = strapiBody(config, context);
    const limit = limitInBytes(config.jsonLimit);
    return async (ctx: Context, next: Next): Promise<unknown> => {
      if (ctx.method !== 'POST' || !IMPORT_ROUTES.has(ctx.path) || !ctx.is('json')) return parse ? parse(ctx, next) : next();
      const bytes = await readBytes(ctx, limit);
      const problem: ImporterError | null = invalidUtf8Problem(bytes);
      let body: unknown;
      try {
        body = bytes.length === 0 ? {} : JSON.parse(new TextDecoder('utf-8').decode(bytes));
      } catch (error: unknown) {
        ctx.throw(400, `The body is not valid JSON (${error instanceof Error ? error.message : String(error)}); send { "text": "<the article page>" }.`);
      }
      (ctx.request as unknown as { body: unknown }).body = body;
      if (problem) ctx.state[BODY_PROBLEM] = problem;
      return next();
    };
  };
}

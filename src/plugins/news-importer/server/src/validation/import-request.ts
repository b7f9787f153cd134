import { z } from 'zod';
import { ImporterError } from '../errors';

/**
 * The import request, validated once at the flow's boundary for every entry point (admin routes,
 * API-token route, CLI, seed). zod because Strapi 5.54 already ships it (@strapi/utils depends on
 * zod 4.4.3, installed once at the top of node_modules) and it derives the TypeScript type from the
 * schema, so the type and the check cannot drift apart; yup would need the type written twice.
 */

/** Absent, null and '' all mean "not given" (forms send '' for an empty field). */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null || value === '' ? undefined : value), schema.optional());

const mustBe = (field: string, what: string) => ({ error: `"${field}" must be ${what}.` });

export const LOCALES = ['id', 'en'] as const;
export const STATUSES = ['published', 'draft'] as const;

/** Batch ids are the server's (see services/imports.ts `newBatchId`); a client only sends one back. */
const BATCH_ID = /^[a-z0-9]{8,40}$/;

export const importRequestSchema = z.object({
  text: z.union([z.string(), z.instanceof(Uint8Array)], { error: '"text" is required: the article page as plain text.' }),
  capturedAt: optional(
    z
      .string(mustBe('capturedAt', 'a string'))
      .refine((value) => !Number.isNaN(Date.parse(value)), mustBe('capturedAt', 'an ISO 8601 time, e.g. 2024-05-15T10:00:00+07:00'))
  ),
  locale: optional(z.enum(LOCALES, mustBe('locale', `one of ${LOCALES.join(', ')}`))),
  originalUrl: optional(z.string(mustBe('originalUrl', 'a string'))),
  status: optional(z.enum(STATUSES, mustBe('status', `one of ${STATUSES.join(', ')}`))),
  fileName: optional(z.string(mustBe('fileName', 'a string'))),
  batchId: optional(z.string(mustBe('batchId', 'a string')).regex(BATCH_ID, mustBe('batchId', 'a batch id the server gave'))),
  dryRun: optional(z.boolean(mustBe('dryRun', 'true or false'))),
});

/** A request as callers write it (the HTTP body, the CLI's options). */
export type ImportRequestInput = z.input<typeof importRequestSchema>;
/** A request after validation. */
export type ImportRequest = z.output<typeof importRequestSchema>;

/** The request, or ImporterError BAD_REQUEST naming the first field at fault. */
export function validateImportRequest(input: unknown): ImportRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ImporterError('BAD_REQUEST', 'Send JSON: { "text": "<the article page as plain text>" }.');
  }
  const result = importRequestSchema.safeParse(input);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const field = issue?.path.map(String).join('.') || undefined;
  throw new ImporterError('BAD_REQUEST', issue?.message ?? 'The request is malformed.', { details: field ? { field } : null });
}

const batchIdSchema = z.string(mustBe('batchId', 'a string')).regex(BATCH_ID, mustBe('batchId', 'a batch id the server gave'));

/** A batch id sent back to undo its batch, or ImporterError BAD_REQUEST. */
export function validateBatchId(input: unknown): string {
  const result = batchIdSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ImporterError('BAD_REQUEST', result.error.issues[0]?.message ?? 'The batch id is malformed.', { details: { field: 'batchId' } });
}

/** The file name of a request that failed validation, so the history can still say which file it was. */
export function looseFileName(input: unknown): string | null {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>).fileName : undefined;
  return typeof value === 'string' && value !== '' ? value : null;
}

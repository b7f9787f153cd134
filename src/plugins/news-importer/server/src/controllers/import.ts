import type { Core } from '@strapi/strapi';
import { inputProblem } from '../importer/errors';
import type { ImportOptions } from '../importer/import-article';
import { getService } from '../utils';

interface Context {
  request: { body?: unknown };
  status: number;
  body: unknown;
}

class BadRequest extends Error {}

const LOCALES = ['id', 'en'] as const;
const STATUSES = ['published', 'draft'] as const;

/** Reads `{ text, capturedAt?, locale?, originalUrl?, status? }`; says which field is wrong otherwise. */
function readRequest(body: unknown): { text: string; options: ImportOptions } {
  if (typeof body !== 'object' || body === null) throw new BadRequest('Send JSON: { "text": "<the article page as plain text>" }.');
  const { text, capturedAt, locale, originalUrl, status } = body as Record<string, unknown>;
  if (typeof text !== 'string') throw new BadRequest('"text" is required: the article page as plain text.');
  const optionalString = (name: string, value: unknown): string | undefined => {
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string') throw new BadRequest(`"${name}" must be a string.`);
    return value;
  };
  const options: ImportOptions = {};
  const captured = optionalString('capturedAt', capturedAt);
  if (captured !== undefined) {
    if (Number.isNaN(Date.parse(captured))) throw new BadRequest(`"capturedAt" must be an ISO 8601 time, e.g. 2024-05-15T10:00:00+07:00.`);
    options.capturedAt = captured;
  }
  const lang = optionalString('locale', locale);
  if (lang !== undefined) {
    if (!(LOCALES as readonly string[]).includes(lang)) throw new BadRequest(`"locale" must be one of ${LOCALES.join(', ')}.`);
    options.locale = lang as ImportOptions['locale'];
  }
  const url = optionalString('originalUrl', originalUrl);
  if (url !== undefined) options.originalUrl = url;
  const wanted = optionalString('status', status);
  if (wanted !== undefined) {
    if (!(STATUSES as readonly string[]).includes(wanted)) throw new BadRequest(`"status" must be one of ${STATUSES.join(', ')}.`);
    options.status = wanted as ImportOptions['status'];
  }
  return { text, options };
}

/** Runs `work`, answering 400 for a malformed request and 422 `{ code, message, line }` for input the importer cannot use. */
async function respond(ctx: Context, work: () => Promise<unknown>): Promise<void> {
  try {
    ctx.body = await work();
  } catch (error: unknown) {
    if (error instanceof BadRequest) {
      ctx.status = 400;
      ctx.body = { code: 'BAD_REQUEST', message: error.message, line: null };
      return;
    }
    const problem = inputProblem(error);
    if (!problem) throw error;
    ctx.status = 422;
    ctx.body = problem;
  }
}

/** Thin HTTP layer over the importer service. */
const importController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context): Promise<void> {
    await respond(ctx, async () => {
      const { text, options } = readRequest(ctx.request.body);
      return getService(strapi, 'importer').preview(text, options);
    });
  },

  async import(ctx: Context): Promise<void> {
    await respond(ctx, async () => {
      const { text, options } = readRequest(ctx.request.body);
      return getService(strapi, 'importer').importText(text, options);
    });
  },
});

export default importController;

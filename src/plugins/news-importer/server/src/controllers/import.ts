import type { Core } from '@strapi/strapi';
import { conflictProblem, inputProblem, type InputProblem } from '../importer/errors';
import type { ImportOptions } from '../importer/import-article';
import type { ImportActor } from '../services/history';
import { getService } from '../utils';
import { ParseError } from '../parser';
import { BODY_PROBLEM } from '../middlewares/body';

interface Context {
  request: { body?: unknown };
  set(field: string, value: string): void;
  state: { user?: unknown; auth?: { strategy?: { name?: string }; credentials?: unknown }; [BODY_PROBLEM]?: InputProblem };
  status: number;
  body: unknown;
}

class BadRequest extends Error {}

const LOCALES = ['id', 'en'] as const;
const STATUSES = ['published', 'draft'] as const;

/** The history's message for a failure that is not the input's fault (the details stay in the server log). */
const SERVER_FAILURE = 'The server failed during the import and saved nothing; the server log has the details. Try again, or tell the site administrator.';

interface ImportRequest {
  text: string;
  options: ImportOptions;
  /** The name of the file the text came from, for the history only. */
  fileName: string | null;
}

/**
 * Reads `{ text, capturedAt?, locale?, originalUrl?, status?, fileName? }`; says which field is wrong otherwise.
 * A body that was not UTF-8 (found by the plugin's body middleware) fails as NOT_TEXT, as such a file does in the CLI.
 */
function readRequest(ctx: Context): ImportRequest {
  const body = ctx.request.body;
  const notText = ctx.state[BODY_PROBLEM];
  if (notText) throw new ParseError('NOT_TEXT', notText.message, notText.line);
  if (typeof body !== 'object' || body === null) throw new BadRequest('Send JSON: { "text": "<the article page as plain text>" }.');
  const { text, capturedAt, locale, originalUrl, status, fileName } = body as Record<string, unknown>;
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
  return { text, options, fileName: optionalString('fileName', fileName) ?? null };
}

/** The error as `{ code, message, line }` when the request or its text is at fault; null for a server fault. */
function requestProblem(error: unknown): InputProblem | null {
  if (error instanceof BadRequest) return { code: 'BAD_REQUEST', message: error.message, line: null };
  return inputProblem(error);
}

/**
 * Runs `work`, answering 400 for a malformed request, 422 `{ code, message, line }` for input the
 * importer cannot use, and 503 (with Retry-After) when the import lost a race with other writers:
 * nothing was saved and sending the same request again is safe.
 */
async function respond(ctx: Context, work: () => Promise<unknown>): Promise<void> {
  try {
    ctx.body = await work();
  } catch (error: unknown) {
    const conflict = conflictProblem(error);
    if (conflict) {
      ctx.status = 503;
      ctx.set('Retry-After', '1');
      ctx.body = conflict;
      return;
    }
    const problem = requestProblem(error);
    if (!problem) throw error;
    ctx.status = error instanceof BadRequest ? 400 : 422;
    ctx.body = problem;
  }
}

/** What the history says about a failed import: the same code, message and line as the HTTP answer. */
const problemOf = (error: unknown): InputProblem =>
  requestProblem(error) ?? conflictProblem(error) ?? { code: 'SERVER_ERROR', message: SERVER_FAILURE, line: null };

/** Who sent the request: the admin user, or the API token of a content-API call. */
function actorOf(ctx: Context): ImportActor {
  const strategy = ctx.state.auth?.strategy?.name;
  if (strategy === 'admin') {
    const user = (ctx.state.user ?? {}) as { id?: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string };
    const fullName = [user.firstname, user.lastname].filter(Boolean).join(' ');
    return { via: 'admin', id: user.id ?? null, name: user.username || fullName || user.email || '' };
  }
  const credentials = (ctx.state.auth?.credentials ?? {}) as { name?: string; username?: string };
  return { via: 'content-api', id: null, name: credentials.name ?? credentials.username ?? strategy ?? '' };
}

/** Reads what the history needs even from a request that fails validation. */
function looseFields(body: unknown): { text: string | null; fileName: string | null } {
  const { text, fileName } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return { text: typeof text === 'string' ? text : null, fileName: typeof fileName === 'string' && fileName !== '' ? fileName : null };
}

/** Thin HTTP layer over the importer service; every import request is recorded in the history. */
const importController = ({ strapi }: { strapi: Core.Strapi }) => {
  /** A history write that fails must not turn the import's real answer into a 500; it is logged instead. */
  async function record(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error: unknown) {
      strapi.log.error(`[news-importer] could not record the import in the history: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  return {
    async preview(ctx: Context): Promise<void> {
      await respond(ctx, async () => {
        const { text, options } = readRequest(ctx);
        return getService(strapi, 'importer').preview(text, options);
      });
    },

    async import(ctx: Context): Promise<void> {
      const actor = actorOf(ctx);
      const history = getService(strapi, 'history');
      await respond(ctx, async () => {
        const loose = looseFields(ctx.request.body);
        try {
          const { text, options, fileName } = readRequest(ctx);
          const report = await getService(strapi, 'importer').importText(text, options);
          // After the import's transaction: the record never holds the article's writes open.
          await record(() => history.recordSuccess(actor, fileName, report));
          return report;
        } catch (error: unknown) {
          // The importer rolled back already: the record is written outside its transaction.
          await record(() => history.recordFailure(actor, loose.fileName, loose.text, problemOf(error)));
          throw error;
        }
      });
    },
  };
};

export default importController;

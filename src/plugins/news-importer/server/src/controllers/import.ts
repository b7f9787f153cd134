import type { Core } from '@strapi/strapi';
import type { ImporterErrorBody, PreviewImport, RunImport, UndoBatch } from '../../../shared/contracts/imports';
import { toImporterError, type ImporterError } from '../errors';
import type { ImportActor } from '../services/history';
import { getService } from '../utils';
import { BODY_PROBLEM } from '../middlewares/body';

interface Context {
  request: { body?: unknown };
  params?: Record<string, string | undefined>;
  set(field: string, value: string): void;
  state: { user?: unknown; auth?: { strategy?: { name?: string }; credentials?: unknown }; [BODY_PROBLEM]?: ImporterError };
  status: number;
  body: unknown;
}

/**
 * Answers with `work`'s result, or with the importer's one error body `{ code, message, line, details }`:
 * 400 for a malformed request, 422 for text or options the importer cannot use, 503 (with Retry-After)
 * when the import lost a race with other writers (nothing saved; sending it again is safe), 500 for a
 * server fault (the message says only that; the log has the rest).
 */
async function respond<T>(ctx: Context, work: () => Promise<T>): Promise<void> {
  try {
    ctx.body = await work();
  } catch (caught: unknown) {
    const error = toImporterError(caught);
    ctx.status = error.status;
    if (error.retryable) ctx.set('Retry-After', '1');
    ctx.body = error.toBody() satisfies ImporterErrorBody;
  }
}

/** Who sent the request: the admin user, or the API token of a content-API call. */
function actorOf(ctx: Context): ImportActor {
  const strategy = ctx.state.auth?.strategy?.name;
  if (strategy === 'admin') {
    const user = (ctx.state.user ?? {}) as { id?: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string };
    const fullName = [user.firstname, user.lastname].filter(Boolean).join(' ');
    return { kind: 'admin', id: user.id ?? 0, name: user.username || fullName || user.email || '' };
  }
  const credentials = (ctx.state.auth?.credentials ?? {}) as { name?: string; username?: string };
  return { kind: 'api-token', name: credentials.name ?? credentials.username ?? strategy ?? '' };
}

/** Thin HTTP layer over the import flow (services/imports.ts), which validates, imports and records. */
const importController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async preview(ctx: Context): Promise<void> {
    await respond(ctx, async (): Promise<PreviewImport.Response> => {
      const refused = ctx.state[BODY_PROBLEM];
      if (refused) throw refused;
      return getService(strapi, 'imports').preview(ctx.request.body);
    });
  },

  async import(ctx: Context): Promise<void> {
    await respond(ctx, async (): Promise<RunImport.Response> => {
      const { report } = await getService(strapi, 'imports').run(ctx.request.body, actorOf(ctx), ctx.state[BODY_PROBLEM]);
      return report;
    });
  },

  /** `POST /news-importer/batches/:batchId/undo`: undoes one batch, all or nothing. */
  async undo(ctx: Context): Promise<void> {
    await respond(ctx, async (): Promise<UndoBatch.Response> => getService(strapi, 'imports').undo(ctx.params?.batchId, actorOf(ctx)));
  },
});

export default importController;

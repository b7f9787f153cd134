import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

/**
 * Scheduled publication (`scheduledPublishAt`) and unpublication (`scheduledUnpublishAt`) of articles.
 *
 * Strapi 5.54's own scheduling (Releases) is an Enterprise feature (`cms-content-releases`), so the
 * community edition gets this instead. Editors set the times on the draft in the Content Manager; every
 * process checks every NEWSROOM_SCHEDULE_INTERVAL seconds for articles that are due and carries each
 * out through the Document Service (`publish` / `unpublish`, all locales), so the usual events and
 * webhooks (`entry.publish`, `entry.unpublish`) fire.
 *
 * Exactly once with several processes on one database: each article is claimed in a database
 * transaction that locks its draft rows (PostgreSQL: `SELECT … FOR UPDATE SKIP LOCKED`, so another
 * process skips it instead of waiting; SQLite, whose writers are serialized anyway: a conditional
 * `UPDATE` as the claim). The claim clears the time in the same transaction as the publish: either both
 * happen or neither, and a process that looks after the commit finds nothing due.
 */

const ARTICLE = 'api::article.article';

type Action = 'publish' | 'unpublish';
const FIELD: Record<Action, 'scheduledPublishAt' | 'scheduledUnpublishAt'> = {
  publish: 'scheduledPublishAt',
  unpublish: 'scheduledUnpublishAt',
};

/** What one run carried out: document ids, in order. */
export interface ScheduleRun {
  published: string[];
  unpublished: string[];
}

interface Metadata {
  tableName: string;
  attributes: Record<string, { columnName?: string }>;
}

/** Seconds between two checks (default 15: an embargo lifts by itself; a schedule is at most this late). 0 turns it off. */
export function scheduleIntervalSeconds(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.NEWSROOM_SCHEDULE_INTERVAL ?? '15';
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value)) {
    throw new Error(`NEWSROOM_SCHEDULE_INTERVAL must be a whole number of seconds (0 turns scheduling off), not "${raw}".`);
  }
  return value;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const meta = (): Metadata => strapi.db.metadata.get(ARTICLE as never) as unknown as Metadata;
  const column = (name: string): string => meta().attributes[name]?.columnName ?? name;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  /** Documents whose drafts carry a due time for `action` (a plain read: the claim decides). */
  async function dueDocuments(action: Action, now: Date): Promise<string[]> {
    const rows = (await strapi.db.query(ARTICLE as never).findMany({
      select: ['documentId'],
      where: { publishedAt: { $null: true }, [FIELD[action]]: { $lte: now } },
      orderBy: { [FIELD[action]]: 'asc' },
      limit: 100,
    })) as Array<{ documentId: string }>;
    return [...new Set(rows.map((row) => row.documentId))];
  }

  /**
   * Locks the document's due draft rows for this transaction and clears their time; returns how many
   * it claimed (0: another process has it, or had it).
   */
  async function claim(trx: Knex.Transaction, action: Action, documentId: string, now: Date): Promise<number> {
    const { tableName } = meta();
    const time = column(FIELD[action]);
    const due = (query: Knex.QueryBuilder): Knex.QueryBuilder =>
      query.where(column('documentId'), documentId).whereNull(column('publishedAt')).where(time, '<=', now);
    let ids: number[];
    if (strapi.db.dialect.client === 'sqlite') {
      // The UPDATE itself is the claim: SQLite lets one writer at a time, and the WHERE re-checks the time.
      const claimed = await due(trx(tableName)).update({ [time]: null });
      return Number(claimed);
    }
    ids = (await due(trx(tableName).select('id')).forUpdate().skipLocked()).map((row: { id: number }) => row.id);
    if (ids.length === 0) return 0;
    // Every row of the document, the published one too: a publish copies the draft, an unpublish removes the published row.
    await trx(tableName).where(column('documentId'), documentId).update({ [time]: null });
    return ids.length;
  }

  async function carryOut(action: Action, documentId: string, now: Date): Promise<boolean> {
    return strapi.db.transaction(async ({ trx }) => {
      if ((await claim(trx as Knex.Transaction, action, documentId, now)) === 0) return false;
      const documents = strapi.documents(ARTICLE as never) as unknown as {
        publish(params: { documentId: string; locale: string }): Promise<unknown>;
        unpublish(params: { documentId: string; locale: string }): Promise<unknown>;
      };
      // Joins this transaction (Strapi keeps it in AsyncLocalStorage): a failed publish gives the claim back.
      await documents[action]({ documentId, locale: '*' });
      return true;
    });
  }

  return {
    /**
     * Carries out every schedule due at `now`: publications first, then unpublications. A failure on
     * one article is logged and left for the next run (its claim rolled back); the others go on.
     */
    async runDue(now: Date = new Date()): Promise<ScheduleRun> {
      const run: ScheduleRun = { published: [], unpublished: [] };
      for (const action of ['publish', 'unpublish'] as const) {
        for (const documentId of await dueDocuments(action, now)) {
          try {
            if (await carryOut(action, documentId, now)) (action === 'publish' ? run.published : run.unpublished).push(documentId);
          } catch (error) {
            strapi.log.error(`Scheduled ${action} of article ${documentId} failed; it will be retried: ${(error as Error).message}`);
          }
        }
      }
      if (run.published.length + run.unpublished.length > 0) {
        strapi.log.info(`Schedule: published ${run.published.length}, unpublished ${run.unpublished.length} article(s).`);
      }
      return run;
    },

    /** Starts the periodic check (NEWSROOM_SCHEDULE_INTERVAL); one run at a time per process. */
    start(): void {
      const seconds = scheduleIntervalSeconds();
      if (seconds === 0 || timer) return;
      const tick = async (): Promise<void> => {
        running = this.runDue(new Date()).catch((error: unknown) => strapi.log.error(`Schedule run failed: ${(error as Error).message}`));
        await running;
        running = null;
        if (timer) timer = setTimeout(() => void tick(), seconds * 1000).unref();
      };
      timer = setTimeout(() => void tick(), seconds * 1000).unref();
    },

    /** Stops the periodic check and waits for a run in progress (before the database closes). */
    async stop(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      if (running) await running;
    },
  };
};

export type ScheduleService = {
  runDue(now?: Date): Promise<ScheduleRun>;
  start(): void;
  stop(): Promise<void>;
};

import type { Core } from '@strapi/strapi';
import { ensureContentLocales } from './bootstrap/locales';
import { ensurePublicReadPermissions } from './bootstrap/public-permissions';
import { ensureDevelopmentAdmin } from './bootstrap/dev-admin';
import { keepPlannerStatistics, useWriteAheadLog } from './bootstrap/sqlite';
import { applyEditorViews, applyIndonesianLabels } from './bootstrap/editor-views';
import { ensureUniqueArticleSlugs, explainSlugConflicts } from './bootstrap/unique-slugs';
import { registerPublishedOnlyGraphql } from './published-only';
import { guardPublicRelationReads } from './published-only/relation-guard';
import { batchGraphqlRelationLoads } from './graphql/batched-relations';
import { rewriteRelationFiltersOnRead } from './query/relation-filters';
import { registerFrontendGraphql } from './graphql/article-by-slug';
import { holdBootLockThroughBootstrap, releaseBootLock } from './bootstrap/boot-lock';
import { ensureReadVersion } from './read-cache/version';
import { ensureOutboxTable, startOutboxDrainer, stopOutboxDrainer } from './cache/outbox';
import { ensureRateLimitTable } from './cache/rate-limit-store';
import { purgeOnChange } from './cache/purge-on-change';
import type { ScheduleService } from './api/article/services/schedule';

const schedule = (strapi: Core.Strapi): ScheduleService => strapi.service('api::article.schedule' as never) as unknown as ScheduleService;

export default {
  register({ strapi }: { strapi: Core.Strapi }): void {
    // Processes booting together on one PostgreSQL database take turns, from the schema sync to the end of bootstrap.
    holdBootLockThroughBootstrap(strapi);
    explainSlugConflicts(strapi);
    registerPublishedOnlyGraphql(strapi);
    registerFrontendGraphql(strapi);
  },

  /** Every boot, idempotently and safe with several processes on one database. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }): Promise<void> {
    guardPublicRelationReads(strapi);
    // After the guard: its published-only conditions go into the sub-queries this writes.
    rewriteRelationFiltersOnRead(strapi);
    batchGraphqlRelationLoads(strapi);
    try {
      // First: every write from here on raises it (src/read-cache/version.ts).
      await ensureReadVersion(strapi);
      await useWriteAheadLog(strapi);
      await keepPlannerStatistics(strapi);
      // Before any write below: changes from here on purge Varnish through the outbox (src/cache/).
      await ensureOutboxTable(strapi);
      await ensureRateLimitTable(strapi);
      purgeOnChange(strapi);
      await ensureUniqueArticleSlugs(strapi);
      await ensureContentLocales(strapi);
      await ensurePublicReadPermissions(strapi);
      await applyEditorViews(strapi);
      await applyIndonesianLabels(strapi);
      await ensureDevelopmentAdmin(strapi);
      // Last: the seed needs the locales. A no-op unless news-importer's `autoSeed` is on and there is no article.
      await strapi.plugin('news-importer').service('imports').seedIfEmpty();
    } finally {
      await releaseBootLock(strapi);
    }
    // Scheduled publish and unpublish; safe with several processes (see services/schedule.ts).
    schedule(strapi).start();
    startOutboxDrainer(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }): Promise<void> {
    await schedule(strapi).stop();
    await stopOutboxDrainer(strapi);
  },
};

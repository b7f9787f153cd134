import type { Core } from '@strapi/strapi';
import { ensureContentLocales } from './bootstrap/locales';
import { ensurePublicReadPermissions } from './bootstrap/public-permissions';
import { ensureDevelopmentAdmin } from './bootstrap/dev-admin';
import { keepPlannerStatistics, useWriteAheadLog } from './bootstrap/sqlite';
import { applyEditorViews } from './bootstrap/editor-views';
import { ensureUniqueArticleSlugs, explainSlugConflicts } from './bootstrap/unique-slugs';
import { registerPublishedOnlyGraphql } from './published-only';
import { guardPublicRelationReads } from './published-only/relation-guard';
import { batchGraphqlRelationLoads } from './graphql/batched-relations';
import { rewriteRelationFiltersOnRead } from './query/relation-filters';
import { registerFrontendGraphql } from './extensions/graphql';
import { holdBootLockThroughBootstrap, releaseBootLock } from './bootstrap/boot-lock';
import { ensureOutboxTable, startOutboxDrainer, stopOutboxDrainer } from './cache/outbox';
import { ensureRateLimitTable } from './cache/rate-limit-store';
import { purgeOnChange } from './cache/purge-on-change';

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
      await ensureDevelopmentAdmin(strapi);
      // Last: the seed needs the locales. A no-op unless news-importer's `autoSeed` is on and there is no article.
      await strapi.plugin('news-importer').service('importer').seedIfEmpty();
    } finally {
      await releaseBootLock(strapi);
    }
    startOutboxDrainer(strapi);
  },

  async destroy({ strapi }: { strapi: Core.Strapi }): Promise<void> {
    await stopOutboxDrainer(strapi);
  },
};

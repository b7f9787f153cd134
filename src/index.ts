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
      await ensureUniqueArticleSlugs(strapi);
      await ensureContentLocales(strapi);
      await ensurePublicReadPermissions(strapi);
      await applyEditorViews(strapi);
      await ensureDevelopmentAdmin(strapi);
      // Last: the seed needs the locales. A no-op unless news-importer's `autoSeed` is on and there is no article.
      await strapi.plugin('news-importer').service('imports').seedIfEmpty();
    } finally {
      await releaseBootLock(strapi);
    }
  },
};

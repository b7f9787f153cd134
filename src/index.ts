import type { Core } from '@strapi/strapi';
import { ensureContentLocales } from './bootstrap/locales';
import { ensurePublicReadPermissions } from './bootstrap/public-permissions';
import { ensureDevelopmentAdmin } from './bootstrap/dev-admin';

export default {
  register(): void {},

  /** Every boot, idempotently and safe with several processes on one database. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }): Promise<void> {
    await ensureContentLocales(strapi);
    await ensurePublicReadPermissions(strapi);
    await ensureDevelopmentAdmin(strapi);
  },
};

import type { StrapiApp } from '@strapi/strapi/admin';
import { Download } from '@strapi/icons';
import { IMPORT_PERMISSIONS, PLUGIN_ID } from './pluginId';

type TranslationModule = { default: Record<string, string> };

export default {
  register(app: StrapiApp): void {
    app.addMenuLink({
      to: `plugins/${PLUGIN_ID}`,
      icon: Download,
      intlLabel: { id: `${PLUGIN_ID}.plugin.name`, defaultMessage: 'News import' },
      Component: () => import('./pages/App'),
      permissions: IMPORT_PERMISSIONS,
    });
    app.registerPlugin({ id: PLUGIN_ID, name: PLUGIN_ID });
  },

  /** Loads this plugin's strings for the admin's language, prefixed with the plugin id. */
  async registerTrads({ locales }: { locales: string[] }): Promise<Array<{ data: Record<string, string>; locale: string }>> {
    return Promise.all(
      locales.map(async (locale) => {
        try {
          const { default: data } = (await import(`./translations/${locale}.json`)) as TranslationModule;
          const prefixed = Object.fromEntries(Object.entries(data).map(([key, value]) => [`${PLUGIN_ID}.${key}`, value]));
          return { data: prefixed, locale };
        } catch {
          return { data: {}, locale };
        }
      })
    );
  },
};

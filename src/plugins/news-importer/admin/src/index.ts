import { PLUGIN_ID } from './pluginId';

type TranslationModule = { default: Record<string, string> };

export default {
  register(app: { registerPlugin(plugin: { id: string; name: string }): void }): void {
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

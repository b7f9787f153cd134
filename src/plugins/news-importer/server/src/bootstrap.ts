import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from './pluginId';

interface ActionProvider {
  registerMany(actions: Array<Record<string, unknown>>): Promise<void>;
}

/** Registers the `import` permission, which super admins get and other roles are granted in Settings. */
const bootstrap = async ({ strapi }: { strapi: Core.Strapi }): Promise<void> => {
  const { actionProvider } = strapi.service('admin::permission') as unknown as { actionProvider: ActionProvider };
  await actionProvider.registerMany([
    {
      section: 'plugins',
      displayName: 'Import articles',
      uid: 'import',
      pluginName: PLUGIN_ID,
    },
  ]);
};

export default bootstrap;

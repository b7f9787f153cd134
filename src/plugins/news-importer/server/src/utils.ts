import type { Core } from '@strapi/strapi';
import type { ImporterService } from './services/importer';
import type { HistoryService } from './services/history';
import { PLUGIN_ID } from './pluginId';

interface Services {
  importer: ImporterService;
  history: HistoryService;
}

/** Typed access to this plugin's services. */
export const getService = <K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[K];

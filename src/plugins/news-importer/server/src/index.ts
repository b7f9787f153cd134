import type { Core } from '@strapi/strapi';
import register from './register';
import bootstrap from './bootstrap';
import config from './config';
import routes from './routes';
import controllers from './controllers';
import services from './services';
import contentTypes, { hideHistoryFromGraphql } from './content-types';

/** news-importer: Tempo.co article text in, Kabar articles out. */
export default {
  register(context: { strapi: Core.Strapi }): void {
    register(context);
    hideHistoryFromGraphql(context.strapi);
  },
  bootstrap,
  config,
  routes,
  controllers,
  services,
  contentTypes,
  policies: {},
  middlewares: {},
};

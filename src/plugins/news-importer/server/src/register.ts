import type { Core } from '@strapi/strapi';
import { withStrictImportBody } from './middlewares/body';

const register = ({ strapi }: { strapi: Core.Strapi }): void => {
  // The importer's routes need their request bytes: strapi::body (required by Strapi, configured in
  // config/middlewares.ts) is wrapped, not replaced, through the middleware registry's own extend().
  strapi.get('middlewares').extend('strapi::body', (factory: unknown) => withStrictImportBody(factory as Parameters<typeof withStrictImportBody>[0]));
};

export default register;

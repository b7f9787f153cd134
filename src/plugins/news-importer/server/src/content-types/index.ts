import type { Core } from '@strapi/strapi';
import importRecord from './import-record';
import { IMPORT_RECORD_UID } from '../services/history';

/** `plugin::news-importer.import-record`: the import history. No content-API route reaches it. */
export default { 'import-record': importRecord };

interface GraphqlExtension {
  shadowCRUD(uid: string): { disable(): void };
}

/** GraphQL would generate a (permission-guarded) query for every content type: the history gets none. */
export function hideHistoryFromGraphql(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  (graphql.service('extension') as unknown as GraphqlExtension).shadowCRUD(IMPORT_RECORD_UID).disable();
}

import { IMPORT_ACTION } from '../pluginId';

/** Admin panel (and admin-token programs): an admin JWT with the `import` permission. */
const adminOnly = {
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [IMPORT_ACTION] } }],
};

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'POST', path: '/preview', handler: 'import.preview', config: adminOnly },
      { method: 'POST', path: '/import', handler: 'import.import', config: adminOnly },
      { method: 'GET', path: '/history', handler: 'history.find', config: adminOnly },
      // Undo needs the import permission too: it writes the same rows an import does.
      { method: 'POST', path: '/batches/:batchId/undo', handler: 'import.undo', config: adminOnly },
    ],
  },
  // Import scripts on other machines: `Authorization: Bearer <API token>` (full access, or a custom
  // token granted news-importer › import). The public role is never granted it.
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'POST', path: '/import', handler: 'import.import' }],
  },
};

export const PLUGIN_ID = 'news-importer';

/** The RBAC permission the page and its menu entry need (registered by the server's bootstrap). */
export const IMPORT_PERMISSIONS = [{ action: `plugin::${PLUGIN_ID}.import`, subject: null }];

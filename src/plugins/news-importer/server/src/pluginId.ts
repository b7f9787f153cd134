export const PLUGIN_ID = 'news-importer' as const;

/** The RBAC action an admin needs to preview and import articles. */
export const IMPORT_ACTION = `plugin::${PLUGIN_ID}.import` as const;

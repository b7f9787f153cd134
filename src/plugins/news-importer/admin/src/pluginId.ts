export const PLUGIN_ID = 'news-importer';

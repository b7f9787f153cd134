import type { Core } from '@strapi/strapi';
import { withBootLock } from './boot-lock';

interface FieldMetadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}
interface ViewConfiguration {
  settings: Record<string, unknown>;
  metadatas: Record<string, FieldMetadata>;
  layouts: { list: string[]; edit: unknown };
}
interface ContentTypesService {
  findConfiguration(contentType: unknown): Promise<ViewConfiguration>;
  updateConfiguration(contentType: unknown, configuration: ViewConfiguration): Promise<unknown>;
}

/** Bumped when the defaults below change, so existing databases get them once more. */
const VIEWS_VERSION = 1;

const hideFromEditors = (config: ViewConfiguration, field: string): void => {
  config.metadatas[field]!.edit = { ...config.metadatas[field]!.edit, visible: false, editable: false };
};

/**
 * How the Content Manager shows the newsroom types to editors, beyond Strapi's generated defaults:
 * photos named by their caption (not "Untitled"), listings that show what an editor scans for,
 * newest first, and the importer's bookkeeping fields out of the edit form (editing them would
 * break re-imports).
 */
const EDITOR_VIEWS: Record<string, (config: ViewConfiguration) => void> = {
  'api::article.article': (config) => {
    config.settings = { ...config.settings, defaultSortBy: 'publishedDate', defaultSortOrder: 'DESC' };
    config.layouts.list = ['title', 'publishedDate', 'section', 'outlet'];
    config.metadatas.photos!.edit = { ...config.metadatas.photos!.edit, mainField: 'caption' };
    config.metadatas.reporters!.edit = { ...config.metadatas.reporters!.edit, mainField: 'name' };
    hideFromEditors(config, 'importKey');
    hideFromEditors(config, 'contentHash');
  },
  'api::photo.photo': (config) => {
    config.settings = { ...config.settings, mainField: 'caption', defaultSortBy: 'id', defaultSortOrder: 'DESC' };
    config.layouts.list = ['caption', 'credit', 'position', 'article'];
  },
  'api::reporter.reporter': (config) => {
    config.settings = { ...config.settings, mainField: 'name', defaultSortBy: 'name' };
    config.layouts.list = ['name', 'kind', 'outlet'];
  },
  'api::related-link.related-link': (config) => {
    config.settings = { ...config.settings, mainField: 'title', defaultSortBy: 'id', defaultSortOrder: 'DESC' };
    config.layouts.list = ['title', 'kind', 'ageLabel', 'article'];
  },
};

/**
 * Applies EDITOR_VIEWS once per VIEWS_VERSION: an editor's later changes in the Content Manager's
 * "Configure the view" are kept across boots.
 */
export async function applyEditorViews(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'app', name: 'kabar' });
  await withBootLock(strapi, 'editor-views', async () => {
    if ((await store.get({ key: 'editor-views-version' })) === VIEWS_VERSION) return;
    const contentTypes = strapi.plugin('content-manager').service('content-types') as ContentTypesService;
    for (const [uid, adjust] of Object.entries(EDITOR_VIEWS)) {
      const contentType = strapi.contentType(uid as never);
      const config = await contentTypes.findConfiguration(contentType);
      adjust(config);
      await contentTypes.updateConfiguration(contentType, config);
    }
    await store.set({ key: 'editor-views-version', value: VIEWS_VERSION });
  });
}

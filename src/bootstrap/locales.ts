import type { Core } from '@strapi/strapi';
import { withBootLock } from './boot-lock';

/** Content languages, default first: the newsroom writes in Indonesian and translates to English. */
export const CONTENT_LOCALES = [
  { code: 'id', name: 'Indonesian (id)' },
  { code: 'en', name: 'English (en)' },
] as const;

export const DEFAULT_LOCALE = CONTENT_LOCALES[0].code;

interface LocalesService {
  findByCode(code: string): Promise<unknown>;
  create(locale: { code: string; name: string }): Promise<unknown>;
  getDefaultLocale(): Promise<string>;
  setDefaultLocale(locale: { code: string }): Promise<void>;
}

/** Creates the `id` and `en` content locales when missing and makes `id` the default. Idempotent. */
export async function ensureContentLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales') as LocalesService;
  await withBootLock(strapi, 'content-locales', async () => {
    for (const locale of CONTENT_LOCALES) {
      if (!(await locales.findByCode(locale.code))) {
        await locales.create({ code: locale.code, name: locale.name });
      }
    }
    if ((await locales.getDefaultLocale()) !== DEFAULT_LOCALE) {
      await locales.setDefaultLocale({ code: DEFAULT_LOCALE });
    }
  });
}

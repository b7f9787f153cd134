import type { StrapiApp } from '@strapi/strapi/admin';

export default {
  config: {
    // English is always available; Bahasa Indonesia is the newsroom's language.
    locales: ['id'],
  },
  bootstrap(_app: StrapiApp): void {},
};

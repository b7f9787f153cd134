import { compileStrapi } from '@strapi/strapi';

/** Compiles the app into dist/ once, so the parallel test files only load it. */
export default async function globalSetup(): Promise<void> {
  await compileStrapi();
}

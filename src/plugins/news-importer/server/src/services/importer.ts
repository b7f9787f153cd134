import fs from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { parseArticleWithTrace, type ParsedArticle } from '../parser';
import { createImporter, type ImportOptions, type ImportReport } from '../importer/import-article';
import type { NewsImporterConfig } from '../config';
import { PLUGIN_ID } from '../pluginId';

export interface SeedResult {
  file: string;
  report: ImportReport;
}

/** The importer as a Strapi service: preview, import, seed. */
const importerService = ({ strapi }: { strapi: Core.Strapi }) => {
  const importer = createImporter(strapi);
  const config = (): NewsImporterConfig => strapi.config.get(`plugin::${PLUGIN_ID}`) as NewsImporterConfig;

  return {
    ...importer,

    /** What an import of this text would do: the parse result and the plan, nothing written. */
    async preview(text: string | Uint8Array, options: ImportOptions = {}): Promise<{ article: ParsedArticle; plan: ImportReport }> {
      const { article, lines } = parseArticleWithTrace(text, options.capturedAt ? { capturedAt: options.capturedAt } : {});
      return { article, plan: await importer.importParsed(article, { ...options, dryRun: true }, lines) };
    },

    /** Imports every `.txt` file of the seed folder, in name order, each in its own transaction. */
    async seed(dir: string = path.resolve(strapi.dirs.app.root, config().seedDir)): Promise<SeedResult[]> {
      const files = (await fs.readdir(dir)).filter((name) => name.endsWith('.txt')).sort();
      const results: SeedResult[] = [];
      for (const name of files) {
        const file = path.join(dir, name);
        results.push({ file, report: await importer.importText(await fs.readFile(file)) });
      }
      return results;
    },

    /** On boot (when `autoSeed` is on): seeds a database that has no article yet. */
    async seedIfEmpty(): Promise<SeedResult[]> {
      if (!config().autoSeed) return [];
      if ((await strapi.db.query('api::article.article').count({})) > 0) return [];
      const results = await this.seed();
      for (const { file, report } of results) {
        strapi.log.info(`[news-importer] seed ${path.basename(file)}: ${report.action} ${report.locale}/${report.slug}`);
      }
      return results;
    },
  };
};

export type ImporterService = ReturnType<typeof importerService>;
export default importerService;

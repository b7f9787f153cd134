type Env = ((key: string, fallback?: string) => string) & { bool(key: string, fallback?: boolean): boolean };

export interface NewsImporterConfig {
  /** Import the seed folder on boot when there is no article yet (default: on outside production). */
  autoSeed: boolean;
  /** The seed folder, relative to the app root. */
  seedDir: string;
}

export default {
  default: ({ env }: { env: Env }): NewsImporterConfig => ({
    autoSeed: env.bool('NEWS_IMPORTER_AUTO_SEED', env('NODE_ENV', 'development') !== 'production'),
    seedDir: env('NEWS_IMPORTER_SEED_DIR', 'database/seeds'),
  }),
  validator(config: NewsImporterConfig): void {
    if (typeof config.autoSeed !== 'boolean') throw new Error('news-importer: `autoSeed` must be true or false.');
    if (typeof config.seedDir !== 'string' || config.seedDir === '') throw new Error('news-importer: `seedDir` must be a folder path.');
  },
};

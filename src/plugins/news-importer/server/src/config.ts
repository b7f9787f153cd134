export interface NewsImporterConfig {
  /** Import `database/seeds/` on boot when there is no article yet. */
  autoSeed: boolean;
}

export default {
  default: ({ env }: { env: (key: string, fallback?: string) => string }): NewsImporterConfig => ({
    autoSeed: env('NODE_ENV', 'development') !== 'production',
  }),
  validator(config: NewsImporterConfig): void {
    if (typeof config.autoSeed !== 'boolean') {
      throw new Error('news-importer: `autoSeed` must be true or false.');
    }
  },
};

import type { Core } from '@strapi/strapi';
import { DatabaseRateLimitStore } from '../src/cache/rate-limit-store';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET')!,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT')!,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT')!,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY')!,
  },
  // The login rate limit (5 attempts per 5 minutes per email and address) counted in the database,
  // shared by every process on it; Strapi's own store counts per process.
  rateLimit: {
    enabled: env.bool('ADMIN_RATE_LIMIT_ENABLED', true),
    // Strapi's type says string; koa2-ratelimit takes a store object (incr, decrement, saveAbuse).
    store: new DatabaseRateLimitStore() as unknown as string,
  },
  // `strapi develop` restarts on file changes under the app; these never affect the running server
  // (the news-importer is loaded from its built dist/, rebuilt by `npm run watch:plugin`).
  watchIgnoreFiles: [
    '**/tests/**',
    '**/scripts/**',
    '**/database/seeds/**',
    '**/src/plugins/*/server/src/**',
    '**/src/plugins/*/admin/src/**',
  ],
  flags: {
    nps: env.bool('FLAG_NPS', true),
    promoteEE: env.bool('FLAG_PROMOTE_EE', true),
    docLinks: env.bool('FLAG_DOC_LINKS', true),
  },
});

export default config;

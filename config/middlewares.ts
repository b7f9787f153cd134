import type { Core } from '@strapi/strapi';

/** The origin uploaded files are served from when they live in a bucket (README, "Scaling out"), for the admin's previews. */
function mediaOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.UPLOAD_PROVIDER !== 's3') return [];
  const origins: string[] = [];
  for (const raw of [env.S3_BASE_URL, env.S3_ENDPOINT]) {
    if (!raw) continue;
    try {
      origins.push(new URL(raw).origin);
    } catch {
      throw new Error(`S3_BASE_URL and S3_ENDPOINT must be URLs, not "${raw}".`);
    }
  }
  if (!env.S3_BASE_URL && !env.S3_ENDPOINT && env.S3_BUCKET) {
    origins.push(`https://${env.S3_BUCKET}.s3.${env.S3_REGION ?? 'us-east-1'}.amazonaws.com`);
  }
  return origins;
}

const security = (): Core.Config.Middlewares[number] => {
  const origins = mediaOrigins();
  if (origins.length === 0) return 'strapi::security';
  return {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", 'https:'],
          'img-src': ["'self'", 'data:', 'blob:', 'market-assets.strapi.io', ...origins],
          'media-src': ["'self'", 'data:', 'blob:', 'market-assets.strapi.io', ...origins],
          upgradeInsecureRequests: null,
        },
      },
    },
  };
};

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  security(),
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // 400 for REST reads whose populate is too deep, too wide or too costly (README, "Security model").
  'global::populate-limit',
  { name: 'strapi::body', config: { jsonLimit: '5mb', formLimit: '1mb', textLimit: '1mb' } },
  // Behind Varnish: how long until an embargo or withdrawal changes what a kept answer shows (README, "Scaling out").
  'global::visibility-ttl',
  // Anonymous reads answered from this process's copy while nothing was written (README, "Performance of the read path").
  'global::read-cache',
  // ETag, 304 and Cache-Control on anonymous reads of the newsroom types (README, "Frontend API").
  'global::public-cache',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

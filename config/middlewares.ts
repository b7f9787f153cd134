import type { Core } from '@strapi/strapi';

const config: Core.Config.Middlewares = [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // 400 for REST reads whose populate is too deep, too wide or too costly (README, "Security model").
  'global::populate-limit',
  { name: 'strapi::body', config: { jsonLimit: '5mb', formLimit: '1mb', textLimit: '1mb' } },
  // Anonymous reads answered from this process's copy while nothing was written (README, "Performance of the read path").
  'global::read-cache',
  // ETag, 304 and Cache-Control on anonymous reads of the newsroom types (README, "Frontend API").
  'global::public-cache',
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

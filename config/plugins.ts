import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
      security: {
        // Newsroom media are photos; nothing executable or scriptable (SVG) is accepted.
        allowedTypes: ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif'],
        deniedTypes: ['image/svg+xml'],
      },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      // The default landing page loads from a CDN; frontends use their own clients.
      landingPage: false,
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 7),
      defaultLimit: 25,
      maxLimit: 100,
      apolloServer: { introspection: env.bool('GRAPHQL_INTROSPECTION', true) },
    },
  },
  'news-importer': {
    enabled: true,
    resolve: './src/plugins/news-importer',
  },
});

export default config;

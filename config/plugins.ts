import type { Core } from '@strapi/strapi';
import { DEFAULT_MAX_COST, DEFAULT_MAX_NODES, graphqlCostLimit } from '../src/graphql/cost-limit';

/** GraphQL page sizes: what a list gives without `pagination`, and the most it gives with one. */
const GRAPHQL_PAGES = { defaultLimit: 25, maxLimit: 100 };

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
      ...GRAPHQL_PAGES,
      apolloServer: {
        introspection: env.bool('GRAPHQL_INTROSPECTION', true),
        // The depth limit alone lets 7 levels of 100-item lists through: price queries before they run (README, "Security model").
        plugins: [
          graphqlCostLimit({
            ...GRAPHQL_PAGES,
            maxCost: env.int('GRAPHQL_MAX_COST', DEFAULT_MAX_COST),
            maxNodes: env.int('GRAPHQL_MAX_NODES', DEFAULT_MAX_NODES),
          }),
        ],
      },
    },
  },
  'news-importer': {
    enabled: true,
    resolve: './src/plugins/news-importer',
  },
});

export default config;

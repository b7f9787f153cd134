import type { Core } from '@strapi/strapi';
import { DEFAULT_MAX_COST, DEFAULT_MAX_NODES, graphqlCostLimit } from '../src/graphql/cost-limit';

/** GraphQL page sizes: what a list gives without `pagination`, and the most it gives with one. */
const GRAPHQL_PAGES = { defaultLimit: 25, maxLimit: 100 };

/**
 * Where uploaded files go: the local disk (`public/uploads`, the default, for one machine), or with
 * UPLOAD_PROVIDER=s3 an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…) that every process of a
 * cluster shares (README, "Scaling out").
 */
function uploadProvider(env: Core.Config.Shared.ConfigParams['env']): Record<string, unknown> {
  const provider = env('UPLOAD_PROVIDER', 'local');
  if (provider === 'local') return {};
  if (provider !== 's3') throw new Error(`UPLOAD_PROVIDER must be "local" (default) or "s3", not "${provider}".`);
  const bucket = env('S3_BUCKET');
  if (!bucket) throw new Error('UPLOAD_PROVIDER=s3 needs S3_BUCKET (and S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY).');
  const acl = env('S3_ACL', '');
  return {
    provider: 'aws-s3',
    providerOptions: {
      // The public address of the files (a CDN or the bucket's website); the bucket's own URL when unset.
      baseUrl: env('S3_BASE_URL', undefined),
      rootPath: env('S3_ROOT_PATH', undefined),
      s3Options: {
        region: env('S3_REGION', 'us-east-1'),
        // Set for S3-compatible services (MinIO: http://minio:9000); unset for AWS.
        ...(env('S3_ENDPOINT', '') ? { endpoint: env('S3_ENDPOINT'), forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', true) } : {}),
        credentials: { accessKeyId: env('S3_ACCESS_KEY_ID'), secretAccessKey: env('S3_SECRET_ACCESS_KEY') },
        // No ACL unless asked: buckets made since 2023 refuse ACL headers; make the bucket (or the CDN) public instead.
        params: { Bucket: bucket, ACL: acl || undefined },
      },
    },
  };
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtManagement: 'refresh',
      sessions: { httpOnly: true },
    },
  },
  upload: {
    config: {
      ...uploadProvider(env),
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

import type { Core } from '@strapi/strapi';
import { withBootLock } from './boot-lock';

/** What an anonymous reader may do: read the four newsroom types, nothing else. */
export const PUBLIC_READ_TYPES = [
  'api::article.article',
  'api::reporter.reporter',
  'api::photo.photo',
  'api::related-link.related-link',
] as const;
const PUBLIC_READ_ACTIONS = ['find', 'findOne'] as const;
/** The frontend API's article page, its JSON-LD and its ninjs (src/api/article/routes/01-article-page.ts). */
export const PUBLIC_PAGE_ACTIONS = ['api::article.article.findBySlug', 'api::article.article.jsonLdBySlug', 'api::article.article.ninjsBySlug'] as const;
/** Feeds and sitemaps (src/api/feed/routes/feed.ts): public by nature, published articles only. */
export const PUBLIC_FEED_ACTIONS = ['rss', 'atom', 'sitemapIndex', 'articleSitemap', 'newsSitemap'].map((action) => `api::feed.feed.${action}`);

const PERMISSION_UID = 'plugin::users-permissions.permission';
const ROLE_UID = 'plugin::users-permissions.role';

/**
 * Grants the public role `find` and `findOne` on the newsroom types and the article page actions, and
 * revokes any other action on them, row by row: the role service's `updateRole` would delete every permission not in its payload.
 */
export async function ensurePublicReadPermissions(strapi: Core.Strapi): Promise<void> {
  await withBootLock(strapi, 'public-permissions', async () => {
    const role = await strapi.db.query(ROLE_UID).findOne({ where: { type: 'public' } });
    if (!role) throw new Error('The users-permissions "public" role is missing; cannot grant public reads.');

    const wanted: string[] = [
      ...PUBLIC_READ_TYPES.flatMap((uid) => PUBLIC_READ_ACTIONS.map((action) => `${uid}.${action}`)),
      ...PUBLIC_PAGE_ACTIONS,
      ...PUBLIC_FEED_ACTIONS,
    ];
    const existing: Array<{ id: number; action: string }> = await strapi.db
      .query(PERMISSION_UID)
      .findMany({ where: { role: role.id, action: { $startsWith: 'api::' } } });

    for (const action of wanted) {
      if (!existing.some((permission) => permission.action === action)) {
        await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
      }
    }
    const extra = existing.filter((permission) => !wanted.includes(permission.action));
    if (extra.length > 0) {
      await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: extra.map((p) => p.id) } } });
      strapi.log.warn(`Revoked public permissions: ${extra.map((p) => p.action).join(', ')}`);
    }
  });
}

import request from 'supertest';
import type { TestApp } from './strapi';

const PASSWORD = 'Sandi-Uji-2022';

/** Creates an active admin with the given role code and returns a JWT for them, as the admin panel would get it. */
export async function adminToken(app: TestApp, email: string, roleCode: 'strapi-super-admin' | 'strapi-editor' | 'strapi-author'): Promise<string> {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  await app.strapi.service('admin::user').create({
    email,
    firstname: 'Uji',
    lastname: roleCode,
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const login = await request(app.server).post('/admin/login').send({ email, password: PASSWORD });
  if (login.status !== 200) throw new Error(`admin login failed: ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.data.token as string;
}

/** Counts the rows of every table the importer writes, to prove what an operation left behind. */
export async function rowCounts(app: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const uid of ['api::article.article', 'api::reporter.reporter', 'api::photo.photo', 'api::related-link.related-link']) {
    counts[uid] = await app.strapi.db.query(uid as never).count({});
  }
  const knex = app.strapi.db.connection;
  for (const table of ['articles_reporters_lnk', 'articles_editors_lnk', 'articles_translators_lnk', 'photos_article_lnk', 'related_links_article_lnk', 'related_links_target_lnk']) {
    const [row] = await knex(table).count({ n: '*' });
    counts[table] = Number((row as { n: number | string }).n);
  }
  return counts;
}

import request from 'supertest';
import { startStrapi, type TestApp } from '../helpers/strapi';

const EDITOR = { ADMIN_EMAIL: 'Redaksi@Kabar.test', ADMIN_PASSWORD: 'Sandi-Redaksi-2022' };
const originalNodeEnv = process.env.NODE_ENV;

afterEach(() => {
  process.env.NODE_ENV = originalNodeEnv;
  delete process.env.ADMIN_EMAIL;
  delete process.env.ADMIN_PASSWORD;
});

describe('development super admin from ADMIN_EMAIL / ADMIN_PASSWORD', () => {
  it('is created in development, and the editor can log in', async () => {
    const app: TestApp = await startStrapi({ NODE_ENV: 'development', ...EDITOR });
    try {
      const admins = await app.strapi.db.query('admin::user').findMany({ populate: ['roles'] });
      expect(admins).toHaveLength(1);
      expect(admins[0].email).toBe('redaksi@kabar.test');
      expect(admins[0].roles.map((role: { code: string }) => role.code)).toEqual(['strapi-super-admin']);
      const login = await request(app.server)
        .post('/admin/login')
        .send({ email: 'redaksi@kabar.test', password: EDITOR.ADMIN_PASSWORD });
      expect(login.status).toBe(200);
      expect(login.body.data.token).toEqual(expect.any(String));
    } finally {
      await app.stop();
    }
  });

  it('is never created in production', async () => {
    const app: TestApp = await startStrapi({ NODE_ENV: 'production', ...EDITOR });
    try {
      expect(await app.strapi.db.query('admin::user').count({})).toBe(0);
    } finally {
      await app.stop();
    }
  });

  it('is not created without a password', async () => {
    const app: TestApp = await startStrapi({ NODE_ENV: 'development', ADMIN_EMAIL: EDITOR.ADMIN_EMAIL });
    try {
      expect(await app.strapi.db.query('admin::user').count({})).toBe(0);
    } finally {
      await app.stop();
    }
  });
});

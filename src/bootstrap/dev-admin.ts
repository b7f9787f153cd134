import type { Core } from '@strapi/strapi';

interface AdminUserService {
  exists(): Promise<boolean>;
  create(user: Record<string, unknown>): Promise<unknown>;
}
interface AdminRoleService {
  getSuperAdmin(): Promise<{ id: number } | null>;
}

/**
 * In development only: when ADMIN_EMAIL and ADMIN_PASSWORD are set and no admin exists yet, creates
 * that super admin so an editor can log straight in. Never runs in any other environment.
 */
export async function ensureDevelopmentAdmin(strapi: Core.Strapi): Promise<void> {
  const email = process.env.ADMIN_EMAIL?.trim();
  const password = process.env.ADMIN_PASSWORD;
  if (strapi.config.get('environment') !== 'development' || !email || !password) return;

  // No boot lock here: the admin service records metrics after its own work, outside any
  // transaction we could hold; two dev processes racing on an empty database is not a real case.
  const users = strapi.service('admin::user') as unknown as AdminUserService;
  if (await users.exists()) return;
  const superAdmin = await (strapi.service('admin::role') as unknown as AdminRoleService).getSuperAdmin();
  if (!superAdmin) throw new Error('The admin "Super Admin" role is missing; cannot create the development admin.');
  await users.create({
    email: email.toLowerCase(),
    firstname: 'Kabar',
    lastname: 'Editor',
    password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`Created the development super admin ${email} (ADMIN_EMAIL).`);
}

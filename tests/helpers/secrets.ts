import { randomBytes } from 'node:crypto';

const secret = (): string => randomBytes(24).toString('base64');

/** Fresh values for the secrets Strapi refuses to boot without, for a throw-away test instance. */
export function freshSecrets(): Record<string, string> {
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
  };
}

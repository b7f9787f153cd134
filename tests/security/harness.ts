/**
 * The adversarial suite's harness: a production server (`strapi start`) on a fresh database
 * (SECURITY_DATABASE=sqlite|postgres, set by scripts/test-security.js), reached only over loopback,
 * an admin for the set-up, and probe families that count what was tried and what held.
 */
import path from 'node:path';
import { APP_DIR, freePort, startProductionStrapi, type ProductionServer } from '../helpers/production';
import { httpCall, type HttpAnswer } from '../helpers/http';

export const DATABASE: 'sqlite' | 'postgres' = process.env.SECURITY_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
/** A word that appears only in unpublished content: a public answer that depends on it is a leak. */
export const SECRET = 'zirkonium';
const ADMIN = { email: 'redaksi@example.com', password: 'Sandi-Uji-Keamanan-2026', firstname: 'Uji', lastname: 'Keamanan' };

export interface Target {
  url: string;
  server: ProductionServer;
  /** The super admin's JWT. */
  admin: string;
  stop(): Promise<void>;
}

export type Answer = HttpAnswer;

/** One HTTP call to the target; every probe goes through here, so each is bounded in time. */
export function call(
  target: Pick<Target, 'url'>,
  method: string,
  route: string,
  options: Parameters<typeof httpCall>[2] = {}
): Promise<Answer> {
  return httpCall(`${target.url}${route}`, method, options);
}

/** A GraphQL query as the public (or with a token). */
export function graphql(target: Pick<Target, 'url'>, query: string, token?: string): Promise<Answer> {
  return call(target, 'POST', '/graphql', { body: { query }, token });
}

/** Starts the production server and registers its first super admin, as a newsroom does on day one. */
export async function startTarget(name: string, env: Record<string, string> = {}): Promise<Target> {
  const port = await freePort(1400 + Math.floor(Math.random() * 400));
  const server = await startProductionStrapi({
    port,
    database: DATABASE,
    logFile: path.join(APP_DIR, 'test-results', 'security', `${name}-${DATABASE}.log`),
    env,
  });
  try {
    const registered = await call(server, 'POST', '/admin/register-admin', { body: ADMIN });
    if (registered.status !== 200) throw new Error(`register-admin: ${registered.status} ${registered.text.slice(0, 300)}`);
    return { url: server.url, server, admin: registered.json.data.token as string, stop: () => server.stop() };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export interface PageParts {
  title: string;
  reporter: string;
  /** The date line; null for a page without one. */
  date?: string | null;
  caption?: string;
  paragraphs?: string[];
  readAlso?: string;
}

/** An invented page in the Tempo.co layout the importer reads (title, byline, date, photo, dateline, body). */
export function tempoPage(parts: PageParts): string {
  const paragraphs = parts.paragraphs ?? [
    'Hujan deras sejak pagi membuat air laut naik ke permukiman warga di pesisir utara.',
    'Petugas mengevakuasi warga lanjut usia ke balai desa terdekat.',
  ];
  return [
    parts.title,
    'Reporter',
    parts.reporter,
    ...(parts.date === null ? [] : [parts.date ?? 'Senin, 14 Oktober 2024 09:15 WIB']),
    `${parts.caption ?? 'Warga melintasi genangan air di jalan desa.'} TEMPO/Subekti.`,
    `TEMPO.CO, Jakarta - ${paragraphs[0]}`,
    ...paragraphs.slice(1),
    ...(parts.readAlso ? [`Baca juga: ${parts.readAlso}`] : []),
  ].join('\n\n');
}

/** Imports one page through the admin route; returns the import report. */
export async function importPage(target: Target, text: string, options: Record<string, unknown> = {}): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const answer = await call(target, 'POST', '/news-importer/import', { token: target.admin, body: { text, ...options } });
  if (answer.status !== 200) throw new Error(`import: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer.json;
}

/** Creates an API token through the admin API. */
export async function apiToken(target: Target, name: string, type: 'read-only' | 'full-access' | 'custom', permissions: string[] = []): Promise<string> {
  const answer = await call(target, 'POST', '/admin/api-tokens', {
    token: target.admin,
    body: { name, type, lifespan: null, permissions: type === 'custom' ? permissions : undefined },
  });
  if (answer.status !== 201) throw new Error(`api-tokens: ${answer.status} ${answer.text.slice(0, 300)}`);
  return answer.json.data.accessKey as string;
}

/**
 * A family of probes: each `check` is one thing an attacker tried; it held or it did not. The
 * family prints `tried / held` when done, and the test fails with the list of what did not hold.
 */
export class ProbeFamily {
  private tried = 0;
  private readonly failures: string[] = [];

  constructor(readonly name: string) {}

  check(label: string, held: boolean): void {
    this.tried += 1;
    if (!held) this.failures.push(label);
  }

  /** Prints the tally and asserts that every probe held. */
  report(): void {
    const held = this.tried - this.failures.length;
    process.stdout.write(`probe family [${DATABASE}] ${this.name}: ${this.tried} tried / ${held} held\n`);
    expect(this.failures).toEqual([]);
    expect(this.tried).toBeGreaterThan(0);
  }
}

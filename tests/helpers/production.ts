/**
 * A real production server for the suites that test from outside: `strapi start` (NODE_ENV=production,
 * the compiled app in dist/) on a new, empty SQLite file or PostgreSQL database, on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { onPostgres, postgresUrl } from './postgres';
import { freshSecrets } from './secrets';

export const APP_DIR = path.resolve(__dirname, '..', '..');
const STRAPI_BIN = path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

/** The first free TCP port from `preferred` on, on 127.0.0.1. */
export async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${preferred}–${preferred + 99}`);
}

export interface ProductionServer {
  url: string;
  database: 'sqlite' | 'postgres';
  /** The process, for tests that must kill it. */
  child: ChildProcess;
  /** The environment that points another process (a CLI import) at the same database. */
  databaseEnv: Record<string, string>;
  stop(): Promise<void>;
}

export interface ProductionOptions {
  port: number;
  database: 'sqlite' | 'postgres';
  /** Where the server's output goes. */
  logFile: string;
  env?: Record<string, string>;
  /**
   * An existing database to boot on, left in place on stop (for tests that boot several processes on
   * one database, or boot again): a PostgreSQL database name, or an SQLite file relative to the app.
   */
  existingDatabase?: string;
}

/** Starts `strapi start` on a fresh database and waits until `/_health` answers. */
export async function startProductionStrapi(options: ProductionOptions): Promise<ProductionServer> {
  const existing = options.existingDatabase;
  const name = existing ?? `kabar_prod_${process.pid}_${randomBytes(4).toString('hex')}`;
  const sqliteFile = existing ?? path.join('.tmp', 'production', `${name}.db`);
  const databaseEnv: Record<string, string> =
    options.database === 'postgres' ? { DATABASE_CLIENT: 'postgres', DATABASE_URL: postgresUrl(name) } : { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: sqliteFile };
  if (existing !== undefined) fs.mkdirSync(path.join(APP_DIR, path.dirname(sqliteFile)), { recursive: true });
  else if (options.database === 'postgres') await onPostgres('postgres', (client) => client.query(`CREATE DATABASE "${name}"`));
  else fs.mkdirSync(path.join(APP_DIR, path.dirname(sqliteFile)), { recursive: true });
  fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = fs.createWriteStream(options.logFile);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    ...databaseEnv,
    ...freshSecrets(),
    NEWS_IMPORTER_AUTO_SEED: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    FLAG_NPS: 'false',
    FLAG_PROMOTE_EE: 'false',
    BROWSER: 'none',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  const child = spawn(process.execPath, [STRAPI_BIN, 'start'], { cwd: APP_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const cleanUp = async (): Promise<void> => {
    log.end();
    if (existing !== undefined) return;
    if (options.database === 'postgres') await onPostgres('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    else for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(APP_DIR, sqliteFile + suffix), { force: true });
  };

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited || Date.now() > deadline) {
      if (!exited) child.kill('SIGKILL');
      await cleanUp();
      throw new Error(`strapi start ${exited ? 'exited early' : 'did not answer /_health within 120 s'}; see ${options.logFile}`);
    }
    try {
      // Each check bounded: a request that reached the socket while Strapi was still booting can wait
      // unanswered, and an unbounded one stalled the whole wait past its deadline (seen in CI).
      if ((await fetch(`${url}/_health`, { signal: AbortSignal.timeout(5000) })).status === 204) break;
    } catch {
      // not listening yet, or that check timed out: ask again
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    database: options.database,
    child,
    databaseEnv,
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(timer);
      }
      await cleanUp();
    },
  };
}

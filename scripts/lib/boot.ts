/**
 * Boots the Kabar Strapi app inside a command-line script: no HTTP server, no admin panel, quiet logs.
 *
 *   const strapi = await bootStrapi({ env: { NEWS_IMPORTER_AUTO_SEED: 'false' } });
 *   try { ... } finally { await strapi.destroy(); }
 *
 * or `await withStrapi((strapi) => work(strapi), options)`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { compileStrapi, createStrapi, type Core } from '@strapi/strapi';

/** The app root (where package.json and .env live). */
export const APP_DIR = path.resolve(__dirname, '..', '..');

/** The built news-importer plugin Strapi loads; `npm install` and `npm run build:plugin` write it. */
export const PLUGIN_ENTRY = path.join(APP_DIR, 'src', 'plugins', 'news-importer', 'dist', 'server', 'index.js');

/** The compiled app Strapi loads (`config/`, `src/` compiled by TypeScript). */
const DIST_DIR = path.join(APP_DIR, 'dist');
/**
 * Written after each compilation by these scripts. Not tsconfig.tsbuildinfo: `npm run typecheck`
 * (tsc --noEmit, incremental) rewrites that one without emitting anything, which made a stale dist/
 * look fresh.
 */
const BUILD_MARKER = path.join(DIST_DIR, '.compiled-by-scripts');

/** The folders the app's tsconfig compiles into dist/ (plugins and the admin are built separately). */
const COMPILED_SOURCES = ['config', 'src', 'database', 'types'];
const NOT_COMPILED = new Set([path.join(APP_DIR, 'src', 'plugins'), path.join(APP_DIR, 'src', 'admin')]);

/** Thrown when the news-importer plugin has not been built into its dist/ yet. */
export class PluginNotBuiltError extends Error {
  constructor() {
    super(`The news-importer plugin is not built (${path.relative(process.cwd(), PLUGIN_ENTRY)} is missing). Run \`npm run build:plugin\` first.`);
    this.name = 'PluginNotBuiltError';
  }
}

export interface BootOptions {
  /**
   * Environment defaults for this boot. Applied after `.env` is loaded and only where the variable
   * is not set yet, so the user's shell and `.env` win. `LOG_LEVEL` defaults to `error`.
   */
  env?: Record<string, string>;
  /** Route anything Strapi prints to stdout while booting and shutting down to stderr (default true). */
  keepStdoutClean?: boolean;
}

/** Loads the app's `.env` (or `ENV_PATH`) without overriding variables that are already set. */
export function loadDotenv(): void {
  const file = process.env.ENV_PATH ?? path.join(APP_DIR, '.env');
  // Strapi loads the same file itself when it is imported; loading it here first lets a LOG_LEVEL
  // from .env win over this script's quiet default. process.loadEnvFile exists from Node 20.12.
  if (fs.existsSync(file) && typeof process.loadEnvFile === 'function') process.loadEnvFile(file);
}

/** True when any source the app compiles is newer than the last compilation (or there is none). */
function needsCompile(): boolean {
  let builtAt: number;
  try {
    builtAt = fs.statSync(BUILD_MARKER).mtimeMs;
  } catch {
    return true;
  }
  const newer = (dir: string): boolean => {
    if (NOT_COMPILED.has(dir)) return false;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return false;
    }
    return entries.some((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return newer(full);
      return /\.(ts|js|json)$/.test(entry.name) && fs.statSync(full).mtimeMs > builtAt;
    });
  };
  return COMPILED_SOURCES.some((dir) => newer(path.join(APP_DIR, dir)));
}

/** Runs `work` with process.stdout.write sent to stderr, so a `--json` stdout stays pure. */
export async function withStdoutOnStderr<T>(work: () => Promise<T>): Promise<T> {
  const write = process.stdout.write;
  process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
  try {
    return await work();
  } finally {
    process.stdout.write = write;
  }
}

/**
 * Loads Strapi (register + bootstrap: database, migrations, locales, plugins) without listening on HTTP.
 * Compiles the app into dist/ first only when its sources changed since the last compilation.
 * Throws PluginNotBuiltError when the news-importer plugin is not built.
 */
export async function bootStrapi(options: BootOptions = {}): Promise<Core.Strapi> {
  loadDotenv();
  for (const [key, value] of Object.entries({ LOG_LEVEL: 'error', STRAPI_TELEMETRY_DISABLED: 'true', ...options.env })) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
  if (!fs.existsSync(PLUGIN_ENTRY)) throw new PluginNotBuiltError();

  const boot = async (): Promise<Core.Strapi> => {
    let dirs: { appDir: string; distDir?: string } = { appDir: APP_DIR, distDir: DIST_DIR };
    if (needsCompile()) {
      dirs = await compileStrapi({ appDir: APP_DIR });
      fs.writeFileSync(BUILD_MARKER, new Date().toISOString());
    }
    const { appDir, distDir } = dirs;
    return createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  };
  return options.keepStdoutClean === false ? boot() : withStdoutOnStderr(boot);
}

/** Shuts Strapi down (database pool included), keeping stdout clean like bootStrapi. */
export async function stopStrapi(strapi: Core.Strapi, options: Pick<BootOptions, 'keepStdoutClean'> = {}): Promise<void> {
  const stop = async (): Promise<void> => {
    await strapi.destroy();
  };
  await (options.keepStdoutClean === false ? stop() : withStdoutOnStderr(stop));
}

/** Boots Strapi, runs `work` with it, and always shuts it down afterwards. */
export async function withStrapi<T>(work: (strapi: Core.Strapi) => Promise<T>, options: BootOptions = {}): Promise<T> {
  const strapi = await bootStrapi(options);
  try {
    return await work(strapi);
  } finally {
    await stopStrapi(strapi, options);
  }
}

/**
 * What the browser test needs around the browser: a production Strapi on a fresh SQLite database,
 * the admin API for set-up, Debian's Chromium, and a tiny runner that prints `N passed, N failed`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freshSecrets } from '../helpers/secrets';

export const APP_DIR = path.resolve(__dirname, '..', '..');
/** Screenshots and the server log: CI keeps this folder as the test's artifacts. */
export const ARTIFACTS_DIR = path.join(APP_DIR, 'test-results', 'e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// The machines have no route to the internet: without the background-networking switches Chromium's
// own connections are refused and slow every page down.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];


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

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `strapi start` (production, the built admin) on a new, empty SQLite database. */
export async function startServer(port: number): Promise<RunningServer> {
  const dbRelative = path.join('.tmp', 'e2e', `data-${process.pid}-${Date.now()}.db`);
  fs.mkdirSync(path.join(APP_DIR, path.dirname(dbRelative)), { recursive: true });
  const log = fs.createWriteStream(path.join(ARTIFACTS_DIR, 'server.log'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: dbRelative,
    ...freshSecrets(),
    NEWS_IMPORTER_AUTO_SEED: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    FLAG_NPS: 'false',
    FLAG_PROMOTE_EE: 'false',
    BROWSER: 'none',
    LOG_LEVEL: 'warn',
  };
  const child: ChildProcess = spawn(process.execPath, [path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
    cwd: APP_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`strapi start exited early; see ${path.relative(APP_DIR, ARTIFACTS_DIR)}/server.log`);
    if (Date.now() > deadline) throw new Error('strapi start did not answer /_health within 90 s');
    try {
      if ((await fetch(`${url}/_health`)).status === 204) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    url,
    async stop() {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(timer);
      }
      log.end();
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(path.join(APP_DIR, dbRelative + suffix), { force: true });
    },
  };
}

/** A JSON call to the admin API; throws with the answer when the status is not the expected one. */
export async function adminApi<T>(server: RunningServer, method: string, route: string, token: string | null, body?: unknown, expected = 200): Promise<T> {
  const response = await fetch(`${server.url}${route}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${route}: ${response.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : {}) as T;
}

export interface Browsing {
  browser: Browser;
  /** A new, logged-out browser window (its own cookies and storage). */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Launches Debian's Chromium; Playwright gives every launch a fresh, temporary profile (user data dir). */
export async function launchBrowser(): Promise<Browsing> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    browser,
    // The newsroom's clock is WIB, the browser's is UTC here: the page must show WIB whatever the machine says.
    newContext: () => browser.newContext({ viewport: { width: 1440, height: 1000 }, locale: 'id-ID', timezoneId: 'UTC' }),
    close: () => browser.close(),
  };
}

export interface TestResult {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

/**
 * Runs named checks in order. A failed check is reported with a screenshot of `page()`; when a check
 * marked `required` fails, the rest are reported as failed without running (they depend on it).
 */
export function createRunner(page: () => Page | null) {
  const results: TestResult[] = [];
  let blocked: string | null = null;

  async function test(name: string, run: () => Promise<void>, options: { required?: boolean } = {}): Promise<void> {
    const started = Date.now();
    if (blocked) {
      results.push({ name, ok: false, ms: 0, error: `not run: "${blocked}" failed` });
      console.log(`✕ ${name} (not run: "${blocked}" failed)`);
      return;
    }
    try {
      await run();
      const ms = Date.now() - started;
      results.push({ name, ok: true, ms });
      console.log(`✓ ${name} (${ms} ms)`);
    } catch (error: unknown) {
      const ms = Date.now() - started;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      results.push({ name, ok: false, ms, error: message });
      console.log(`✕ ${name} (${ms} ms)\n    ${message.split('\n').join('\n    ')}`);
      const current = page();
      if (current) {
        const file = path.join(ARTIFACTS_DIR, `failed-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60)}.png`);
        await current.screenshot({ path: file, fullPage: true }).catch(() => undefined);
        console.log(`    screenshot: ${path.relative(APP_DIR, file)}`);
      }
      if (options.required) blocked = name;
    }
  }

  return { test, results };
}

/**
 * What the browser test needs around the browser: a production Strapi on a fresh SQLite database,
 * the admin API for set-up, Debian's Chromium, and a tiny runner that prints `N passed, N failed`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort, startProductionStrapi } from '../helpers/production';

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


export { freePort };

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/** Starts `strapi start` (production, the built admin) on a new, empty SQLite database. */
export function startServer(port: number): Promise<RunningServer> {
  return startProductionStrapi({ port, database: 'sqlite', logFile: path.join(ARTIFACTS_DIR, 'server.log') });
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

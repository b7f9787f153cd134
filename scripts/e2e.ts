/**
 * `npm run test:e2e`: the admin panel in a real browser. Builds the app (plugin + admin panel), starts
 * it in production on a fresh SQLite database, drives Debian's Chromium through the news-importer page
 * and the Content Manager (a correction, then a withdrawal, checked on the public page and feed),
 * saves screenshots under test-results/e2e/ and ends with `N passed, N failed` (exit 1 on any failure).
 *
 *   npm run test:e2e                  build, then test
 *   npm run test:e2e -- --skip-build  test the existing build (dist/)
 *
 * Environment: E2E_PORT (first port to try, default 1339), CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_DIR, ARTIFACTS_DIR, freePort, launchBrowser, startServer, type Browsing, type RunningServer, type TestResult } from '../tests/e2e/harness';
import { runImporterScenarios } from '../tests/e2e/importer.e2e';
import { runNewsroomScenarios } from '../tests/e2e/newsroom.e2e';

async function main(): Promise<number> {
  const started = Date.now();
  fs.rmSync(ARTIFACTS_DIR, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });

  if (!process.argv.includes('--skip-build') && process.env.E2E_SKIP_BUILD !== 'true') {
    console.log('e2e: building the plugin and the admin panel (npm run build)…');
    const build = spawnSync('npm', ['run', 'build'], { cwd: APP_DIR, stdio: 'inherit', env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' } });
    if (build.status !== 0) {
      console.error('e2e: the build failed');
      return report([{ name: 'build', ok: false, ms: 0 }], started);
    }
  }

  let server: RunningServer | null = null;
  let browsing: Browsing | null = null;
  let results: TestResult[] = [];
  try {
    const port = await freePort(Number(process.env.E2E_PORT ?? 1339));
    server = await startServer(port);
    console.log(`e2e: strapi start (production) on ${server.url}, fresh SQLite database`);
    browsing = await launchBrowser();
    console.log(`e2e: Chromium ${browsing.browser.version()}`);
    results = await runImporterScenarios(server, browsing);
    // Uses the importer's super admin and the seeded article it imported (imports it again if need be).
    results.push(...(await runNewsroomScenarios(server, browsing)));
  } catch (error: unknown) {
    console.error(`e2e: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    results.push({ name: 'set-up', ok: false, ms: 0 });
  } finally {
    await browsing?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
  }
  return report(results, started);
}

function report(results: TestResult[], started: number): number {
  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  console.log(`\ne2e: artifacts (screenshots, server log) in ${path.relative(APP_DIR, ARTIFACTS_DIR)}/; ${Math.round((Date.now() - started) / 1000)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
);

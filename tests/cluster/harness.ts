/**
 * A real cluster on loopback: N `strapi start` processes (production mode, the compiled app) on one
 * fresh PostgreSQL database with the same secrets, behind a Varnish started from the repository's
 * VCL (deploy/varnish/kabar.vcl) with a site file naming those processes. Used by
 * tests/cluster (npm run test:cluster) and scripts/bench-cluster.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onPostgres, postgresUrl } from '../helpers/postgres';
import { APP_DIR, freePort } from '../helpers/production';
import { freshSecrets } from '../helpers/secrets';

const STRAPI_BIN = path.join(APP_DIR, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
export const VCL = path.join(APP_DIR, 'deploy', 'varnish', 'kabar.vcl');

export interface StrapiProcess {
  index: number;
  url: string;
  port: number;
  child: ChildProcess;
  exited: boolean;
}

export interface Cluster {
  database: string;
  /** Varnish's address. */
  varnishUrl: string;
  /** Varnish's instance directory (`varnishstat -n`). */
  varnishName: string;
  processes: StrapiProcess[];
  /** Runs one query on the cluster's database. */
  rows<T>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Kills one process at once (SIGKILL), as a crash would. */
  kill(index: number): Promise<void>;
  stop(): Promise<void>;
}

export interface ClusterOptions {
  processes: number;
  /** Where the processes' and Varnish's output goes. */
  logDir: string;
  /** False: no Varnish (the bench's straight-to-Strapi figures). */
  varnish?: boolean;
  env?: Record<string, string>;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, failed: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (failed()) throw new Error(`${what}: the process exited`);
    try {
      if (await check()) return;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The site file for Varnish: one backend per process, probed on /_health, then the shared VCL. */
export function siteVcl(ports: number[]): string {
  const backends = ports
    .map(
      (port, i) => `backend strapi${i + 1} {
    .host = "127.0.0.1";
    .port = "${port}";
    .probe = { .url = "/_health"; .interval = 500ms; .timeout = 1s; .window = 3; .threshold = 2; .initial = 2; .expected_response = 204; }
}`
    )
    .join('\n');
  const adds = ports.map((_, i) => `    strapi.add_backend(strapi${i + 1});`).join('\n');
  return `vcl 4.1;\nimport directors;\n${backends}\nsub kabar_backends {\n    new strapi = directors.round_robin();\n${adds}\n}\ninclude "${VCL}";\n`;
}

/** True when varnishd and vmod xkey are installed (Debian: varnish, varnish-modules). */
export function varnishAvailable(): boolean {
  return spawnSync('varnishd', ['-V'], { stdio: 'ignore' }).status === 0;
}

/** Starts the cluster: the database, the processes (booting at once), then Varnish. */
export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const database = `kabar_cluster_${process.pid}_${randomBytes(4).toString('hex')}`;
  await onPostgres('postgres', (client) => client.query(`CREATE DATABASE "${database}"`));
  fs.mkdirSync(options.logDir, { recursive: true });
  const secrets = freshSecrets();
  const ports: number[] = [];
  for (let i = 0; i < options.processes; i += 1) ports.push(await freePort((ports.at(-1) ?? 1500 + Math.floor(Math.random() * 300)) + 1));
  const useVarnish = options.varnish !== false;
  const varnishPort = useVarnish ? await freePort(ports.at(-1)! + 1) : 0;
  const varnishUrl = `http://127.0.0.1:${varnishPort}`;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-varnish-'));

  const processes: StrapiProcess[] = ports.map((port, index) => {
    const log = fs.createWriteStream(path.join(options.logDir, `strapi-${index + 1}.log`));
    const child = spawn(process.execPath, [STRAPI_BIN, 'start'], {
      cwd: APP_DIR,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: postgresUrl(database),
        ...secrets,
        STRAPI_TELEMETRY_DISABLED: 'true',
        FLAG_NPS: 'false',
        FLAG_PROMOTE_EE: 'false',
        BROWSER: 'none',
        LOG_LEVEL: 'warn',
        NEWS_IMPORTER_AUTO_SEED: 'true',
        VARNISH_PURGE_URLS: useVarnish ? varnishUrl : '',
        PURGE_OUTBOX_POLL_MS: '200',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    const entry: StrapiProcess = { index, url: `http://127.0.0.1:${port}`, port, child, exited: false };
    child.once('exit', (code, signal) => {
      entry.exited = true;
      log.write(`\n[harness] exited with ${signal ?? code}\n`);
    });
    return entry;
  });

  let varnish: ChildProcess | null = null;
  const stop = async (): Promise<void> => {
    await Promise.all(
      processes.map(async (entry) => {
        if (entry.exited) return;
        const gone = new Promise((resolve) => entry.child.once('exit', resolve));
        entry.child.kill('SIGTERM');
        const timer = setTimeout(() => entry.child.kill('SIGKILL'), 10_000);
        await gone;
        clearTimeout(timer);
      })
    );
    if (varnish && varnish.exitCode === null) {
      const gone = new Promise((resolve) => varnish!.once('exit', resolve));
      varnish.kill('SIGTERM');
      await gone;
    }
    fs.rmSync(workDir, { recursive: true, force: true });
    await onPostgres('postgres', (client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
  };

  try {
    await Promise.all(
      processes.map((entry) =>
        waitFor(`strapi ${entry.index + 1} (${path.join(options.logDir, `strapi-${entry.index + 1}.log`)})`, async () => (await fetch(`${entry.url}/_health`, { signal: AbortSignal.timeout(5000) })).status === 204, 300_000, () => entry.exited)
      )
    );
    if (useVarnish) {
      const site = path.join(workDir, 'site.vcl');
      fs.writeFileSync(site, siteVcl(ports));
      const log = fs.createWriteStream(path.join(options.logDir, 'varnish.log'));
      // -j none: runs as the calling user, so it reads the VCL wherever the checkout is.
      varnish = spawn('varnishd', ['-F', '-j', 'none', '-a', `127.0.0.1:${varnishPort}`, '-f', site, '-n', path.join(workDir, 'n'), '-s', 'malloc,64m'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      varnish.stdout?.pipe(log);
      varnish.stderr?.pipe(log);
      const started = varnish;
      await waitFor('varnish', async () => (await fetch(`${varnishUrl}/_health`, { signal: AbortSignal.timeout(5000) })).status === 204, 30_000, () => started.exitCode !== null);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    database,
    varnishUrl,
    varnishName: path.join(workDir, 'n'),
    processes,
    rows: <T>(sql: string, values: unknown[] = []) => onPostgres(database, async (client) => (await client.query(sql, values)).rows as T[]),
    async kill(index: number) {
      const entry = processes[index]!;
      if (entry.exited) return;
      const gone = new Promise((resolve) => entry.child.once('exit', resolve));
      entry.child.kill('SIGKILL');
      await gone;
    },
    stop,
  };
}

/** Polls `check` every 50 ms for up to `withinMs`; returns the last value it saw (the caller asserts on it). */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, withinMs = 1000): Promise<T> {
  const deadline = Date.now() + withinMs;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

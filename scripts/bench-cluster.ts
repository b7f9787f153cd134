/**
 * `npm run bench:cluster [-- --duration S] [--connections C] [--skip-build]`
 *
 * The scale-out shape measured (README, "Scaling out"): one and three `strapi start` processes on one
 * PostgreSQL database behind Varnish (deploy/varnish/kabar.vcl), started as the cluster test starts
 * them (tests/cluster/harness.ts), with the supplied article and the test fixtures imported. For each:
 * the article page (rotating over every article) and the home listing through Varnish, while an
 * editor re-imports an edited article every 500 ms (each one purges its keys), then the same reads
 * straight to one Strapi process; req/s, p99, Varnish's hit ratio over the run; and the time from a
 * publish (through any process) to the first fresh answer through Varnish, polled every 10 ms.
 * A benchmark, not a test: it never fails on speed.
 */
import { spawnSync } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_DIR } from '../tests/helpers/production';
import { startCluster, type Cluster } from '../tests/cluster/harness';
import { parseLoadOptions, type LoadOptions } from './lib/load-options';

type Options = LoadOptions;

const USAGE = 'Usage: npm run bench:cluster [-- --duration SECONDS] [--connections C] [--skip-build]';
const ADMIN = { email: 'redaksi@example.com', password: 'Sandi-Bench-Kluster-2026', firstname: 'Bench', lastname: 'Kluster' };

function parseOptions(argv: readonly string[]): Options {
  return parseLoadOptions<Options>(argv, { duration: 10, connections: 10, skipBuild: false }, USAGE);
}

interface AutocannonResult {
  requests: { average: number };
  latency: { p99: number };
  non2xx: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

interface Row {
  shape: string;
  read: string;
  requests: number;
  p99: number;
  non2xx: number;
  hitRatio: number | null;
}

const log = (line: string): void => void process.stdout.write(`${line}\n`);

async function call(base: string, method: string, route: string, body?: unknown, token?: string): Promise<{ status: number; json: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const headers: Record<string, string> = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${base}${route}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

/** Varnish's hit and miss counters. */
function varnishCounters(cluster: Cluster): { hit: number; miss: number } {
  const out = execFileSync('varnishstat', ['-n', cluster.varnishName, '-1', '-f', 'MAIN.cache_hit', '-f', 'MAIN.cache_miss'], { encoding: 'utf8' });
  const value = (name: string): number => Number(new RegExp(`${name}\\s+(\\d+)`).exec(out)?.[1] ?? 0);
  return { hit: value('MAIN.cache_hit'), miss: value('MAIN.cache_miss') };
}

const FIXTURES = path.join(APP_DIR, 'tests', 'fixtures', 'tempo');

async function benchShape(autocannon: Autocannon, processes: number, options: Options): Promise<{ rows: Row[]; fresh: number[] }> {
  log(`\n=== ${processes} process${processes > 1 ? 'es' : ''} behind Varnish`);
  const cluster = await startCluster({ processes, logDir: path.join(APP_DIR, 'test-results', 'bench-cluster', String(processes)) });
  try {
    const first = cluster.processes[0]!.url;
    const admin = (await call(first, 'POST', '/admin/register-admin', ADMIN)).json.data.token as string;
    const texts = fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.txt')).sort().map((name) => fs.readFileSync(path.join(FIXTURES, name), 'utf8'));
    const slugs: string[] = [];
    for (const text of texts) {
      const answer = await call(first, 'POST', '/news-importer/import', { text }, admin);
      if (answer.status === 200 && answer.json.locale === 'id') slugs.push(answer.json.slug as string);
    }
    log(`  ${slugs.length} articles in id imported`);
    const pages = slugs.map((slug) => ({ method: 'GET', path: `/api/articles/slug/${slug}?locale=id` }));
    const home = [{ method: 'GET', path: '/api/articles?locale=id&sort=publishedDate:desc&populate[reporters][fields][0]=name' }];

    // The editor: re-imports one article with a changed paragraph every 500 ms, through each process in turn.
    let editing = true;
    const editor = (async () => {
      const base = texts[0]!;
      for (let round = 0; editing; round += 1) {
        const process = cluster.processes[round % cluster.processes.length]!;
        await call(process.url, 'POST', '/news-importer/import', { text: `${base}\n\nPembaruan ${round}.` }, admin).catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })();

    const rows: Row[] = [];
    const run = async (read: string, url: string, requests: unknown[], throughVarnish: boolean): Promise<void> => {
      await autocannon({ url, requests, connections: options.connections, duration: 2 });
      const before = throughVarnish ? varnishCounters(cluster) : null;
      const result = await autocannon({ url, requests, connections: options.connections, duration: options.duration });
      const after = throughVarnish ? varnishCounters(cluster) : null;
      const hits = before && after ? after.hit - before.hit : 0;
      const misses = before && after ? after.miss - before.miss : 0;
      const row: Row = {
        shape: `${processes} process${processes > 1 ? 'es' : ''}${throughVarnish ? ' + Varnish' : ', straight'}`,
        read,
        requests: Math.round(result.requests.average),
        p99: result.latency.p99,
        non2xx: result.non2xx,
        hitRatio: before ? hits / Math.max(1, hits + misses) : null,
      };
      rows.push(row);
      log(`  ${row.shape}, ${read}: ${row.requests} req/s, p99 ${row.p99} ms, non-2xx ${row.non2xx}${row.hitRatio === null ? '' : `, hit ratio ${(row.hitRatio * 100).toFixed(1)} %`}`);
    };
    await run('article page', cluster.varnishUrl, pages, true);
    await run('home listing', cluster.varnishUrl, home, true);
    if (processes === 1) {
      await run('article page', first, pages, false);
      await run('home listing', first, home, false);
    }
    editing = false;
    await editor;

    // Publish to fresh: an edit published through each process in turn, read through Varnish.
    const fresh: number[] = [];
    const model = '/content-manager/collection-types/api::article.article';
    const slug = slugs[1]!;
    const documentId = (await call(first, 'GET', `/api/articles/slug/${slug}?locale=id`)).json.data.documentId as string;
    for (let round = 0; round < 10; round += 1) {
      const through = cluster.processes[round % cluster.processes.length]!.url;
      const title = `Judul uji ${processes}-${round}`;
      await call(cluster.varnishUrl, 'GET', `/api/articles/slug/${slug}?locale=id`); // cached
      await call(through, 'PUT', `${model}/${documentId}?locale=id`, { title }, admin);
      const started = performance.now();
      await call(through, 'POST', `${model}/${documentId}/actions/publish?locale=id`, {}, admin);
      for (;;) {
        const seen = await call(cluster.varnishUrl, 'GET', `/api/articles/slug/${slug}?locale=id`);
        if (seen.json?.data?.title === title) break;
        if (performance.now() - started > 10_000) throw new Error('the edit was not fresh through Varnish within 10 s');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      fresh.push(performance.now() - started);
    }
    const sorted = [...fresh].sort((a, b) => a - b);
    log(`  publish to fresh through Varnish: median ${Math.round(sorted[4]!)} ms, max ${Math.round(sorted[9]!)} ms (from the publish request, which itself takes part of it)`);
    return { rows, fresh: sorted };
  } finally {
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  if (spawnSync('varnishd', ['-V'], { stdio: 'ignore' }).status !== 0) throw new Error('varnishd is not installed: apt-get install varnish varnish-modules');
  if (!options.skipBuild) {
    log('building (strapi build)…');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: APP_DIR, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('strapi build failed');
  }
  const autocannon = require('autocannon') as Autocannon;
  const results = [await benchShape(autocannon, 1, options), await benchShape(autocannon, 3, options)];
  log('\n| shape | read | req/s | p99 (ms) | hit ratio |');
  log('|---|---|---|---|---|');
  for (const { rows } of results) {
    for (const row of rows) log(`| ${row.shape} | ${row.read} | ${row.requests} | ${row.p99} | ${row.hitRatio === null ? '–' : `${(row.hitRatio * 100).toFixed(1)} %`} |`);
  }
  results.forEach(({ fresh }, i) => log(`publish → fresh through Varnish, ${i === 0 ? 1 : 3} process(es): median ${Math.round(fresh[4]!)} ms, max ${Math.round(fresh[9]!)} ms`));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

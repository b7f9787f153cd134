import fs from 'node:fs';
import { makeTempoPage } from './lib/tempo-pages';
import { getService } from '../src/plugins/news-importer/server/src/utils';
async function main() {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const rel = `.tmp/t-${process.pid}.db`;
  Object.assign(process.env, { DATABASE_CLIENT: process.env.DB ?? 'sqlite', DATABASE_FILENAME: rel, NEWS_IMPORTER_AUTO_SEED: 'false', LOG_LEVEL: 'error' });
  const strapi = await createStrapi({ ...(await compileStrapi()), autoReload: false, serveAdminPanel: false }).load();
  const imports = getService(strapi, 'imports');
  const texts = Array.from({ length: 1000 }, (_, n) => makeTempoPage(n));
  const knex = strapi.db.connection;
  const started = new Map<string, number>(); const agg = new Map<string, [number, number]>();
  knex.on('query', (q: any) => started.set(q.__knexQueryUid, performance.now()));
  knex.on('query-response', (_r: any, q: any) => { const s = started.get(q.__knexQueryUid); if (s === undefined) return; const k = q.sql.replace(/\(\?(, \?)*\)/g, '(…)').replace(/ union all select .*$/,'').slice(0, 110); const a = agg.get(k) ?? [0, 0]; a[0] += performance.now() - s; a[1]++; agg.set(k, a); });
  const inspector = require('node:inspector'); const session = new inspector.Session(); session.connect();
  const post = (m: string, p?: any) => new Promise<any>((res, rej) => session.post(m, p, (e: any, r: any) => (e ? rej(e) : res(r))));
  await post('Profiler.enable'); await post('Profiler.start');
  const t = performance.now();
  for await (const p of imports.importAll(texts.map((text) => ({ text })), { kind: 'cli' })) if (!p.ok) throw p.error;
  const total = performance.now() - t;
  const { profile } = await post('Profiler.stop'); fs.writeFileSync('/tmp/import.cpuprofile', JSON.stringify(profile));
  const sql = [...agg.values()].reduce((a, b) => a + b[0], 0);
  console.log("total", total.toFixed(0), 'sql', sql.toFixed(0), 'statements', [...agg.values()].reduce((a, b) => a + b[1], 0));
  for (const [k, [ms, n]] of [...agg].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) console.log(ms.toFixed(0).padStart(6), String(n).padStart(6), k);
  await strapi.destroy(); for (const s of ['', '-wal', '-shm']) fs.rmSync(rel + s, { force: true });
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });

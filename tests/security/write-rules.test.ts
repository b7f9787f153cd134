/**
 * Who may write, tried from outside against a production server: anonymous writes, the wrong kinds
 * of token on the import route, oversized and malformed input, password guessing, and an import
 * killed with SIGKILL halfway.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeTempoPage, PAGE_PHOTOS, PAGE_RELATED } from '../../scripts/lib/tempo-pages';
import { APP_DIR } from '../helpers/production';
import { ProbeFamily, apiToken, call, graphql, importPage, startTarget, tempoPage, type Target } from './harness';
import { PAGES_PER_TRANSACTION } from '../../src/plugins/news-importer/server/src/services/imports';

let target: Target;
let readOnly: string;

const TYPES = [
  ['articles', { title: 'Sisipan', slug: 'sisipan' }],
  ['reporters', { name: 'Sisipan', slug: 'sisipan' }],
  ['photos', { caption: 'Sisipan' }],
  ['related-links', { title: 'Sisipan', kind: 'related' }],
] as const;

beforeAll(async () => {
  target = await startTarget('write-rules');
  await importPage(target, tempoPage({ title: 'Banjir Rob Rendam Pesisir Utara', reporter: 'Sekar Wangi' }));
  readOnly = await apiToken(target, 'baca-saja', 'read-only');
});
afterAll(async () => {
  await target?.stop();
});

/** Every public row, counted with a token that may read drafts: a refused write must change none. */
async function counts(): Promise<string> {
  const totals: number[] = [];
  for (const [type] of TYPES) {
    const answer = await call(target, 'GET', `/api/${type}?status=draft&pagination[pageSize]=1`, { token: readOnly });
    totals.push(answer.json.meta.pagination.total);
  }
  return totals.join(',');
}

describe('writes', () => {
  it('refuses every anonymous write, REST and GraphQL, and changes nothing', async () => {
    const family = new ProbeFamily('write refusals');
    const before = await counts();
    const [some] = (await call(target, 'GET', '/api/articles')).json.data;
    for (const [type, data] of TYPES) {
      for (const [method, route] of [
        ['POST', `/api/${type}`],
        ['PUT', `/api/${type}/${some.documentId}`],
        ['DELETE', `/api/${type}/${some.documentId}`],
      ] as const) {
        const anonymous = await call(target, method, route, { body: { data } });
        family.check(`anonymous ${method} ${route} → ${anonymous.status}`, [401, 403].includes(anonymous.status));
        const reader = await call(target, method, route, { body: { data }, token: readOnly });
        family.check(`read-only token ${method} ${route} → ${reader.status}`, [401, 403].includes(reader.status));
      }
    }
    for (const mutation of [
      'mutation { createArticle(data: { title: "Sisipan", slug: "sisipan" }) { documentId } }',
      `mutation { updateArticle(documentId: "${some.documentId}", data: { title: "Diubah" }) { documentId } }`,
      `mutation { deleteArticle(documentId: "${some.documentId}") { documentId } }`,
      'mutation { createReporter(data: { name: "Sisipan", slug: "sisipan" }) { documentId } }',
      'mutation { createPhoto(data: { caption: "Sisipan" }) { documentId } }',
      'mutation { createRelatedLink(data: { title: "Sisipan" }) { documentId } }',
    ]) {
      const answer = await graphql(target, mutation);
      family.check(mutation, /Forbidden|Cannot query field|Unknown/i.test(answer.text) && !answer.json?.data?.createArticle);
    }
    family.check('nothing changed', (await counts()) === before);
    family.report();
  });

  it('lets only import-permitted callers import', async () => {
    const family = new ProbeFamily('import route token kinds');
    const page = { text: tempoPage({ title: 'Jalan Tol Baru Dibuka', reporter: 'Sekar Wangi', date: 'Kamis, 17 Oktober 2024 08:00 WIB' }) };
    const reader = await apiToken(target, 'hanya-artikel', 'custom', ['api::article.article.find']);
    for (const [who, token] of [
      ['anonymous', null],
      ['read-only token', readOnly],
      ['custom token without import', reader],
      ['made-up token', 'a'.repeat(256)],
      ['admin JWT on the content API', target.admin],
    ] as const) {
      const answer = await call(target, 'POST', '/api/news-importer/import', { token, body: page });
      family.check(`${who} → ${answer.status}`, [401, 403].includes(answer.status));
    }
    const anonymousAdmin = await call(target, 'POST', '/news-importer/import', { body: page });
    family.check(`admin route without a JWT → ${anonymousAdmin.status}`, anonymousAdmin.status === 401);
    const fullAccess = await apiToken(target, 'impor', 'full-access');
    const allowed = await call(target, 'POST', '/api/news-importer/import', { token: fullAccess, body: page });
    family.check(`full-access token → ${allowed.status}`, allowed.status === 200);
    family.report();
  });
});

describe('bad input', () => {
  it('answers 4xx with a code, never 500, and saves nothing', async () => {
    const family = new ProbeFamily('bad input and request limits');
    const before = await counts();
    const huge = JSON.stringify({ text: 'x'.repeat(6 * 1024 * 1024) });
    const tooBig = await call(target, 'POST', '/news-importer/import', { token: target.admin, raw: huge, headers: { 'Content-Type': 'application/json' } });
    family.check(`6 MB body → ${tooBig.status}`, tooBig.status === 413);
    const malformed = await call(target, 'POST', '/news-importer/import', { token: target.admin, raw: '{"text": ', headers: { 'Content-Type': 'application/json' } });
    family.check(`malformed JSON → ${malformed.status}`, malformed.status === 400);
    for (const [label, body] of [
      ['no text', {}],
      ['text not a string', { text: 42 }],
      ['unknown locale', { text: 'Judul\n\nIsi.', locale: 'xx' }],
      ['bad capturedAt', { text: 'Judul\n\nIsi.', capturedAt: 'kemarin' }],
    ] as const) {
      const answer = await call(target, 'POST', '/news-importer/import', { token: target.admin, body });
      family.check(`${label} → ${answer.status}`, answer.status === 400 && typeof answer.json?.code === 'string');
    }
    for (const [label, text] of [
      ['empty page', ''],
      ['no article in it', 'Advertising\n\nIklan'],
    ] as const) {
      const answer = await call(target, 'POST', '/news-importer/import', { token: target.admin, body: { text } });
      family.check(`${label} → ${answer.status} ${answer.json?.code}`, answer.status === 422 && typeof answer.json?.code === 'string');
    }
    for (const route of ['/api/articles?filters[$foo]=1', '/api/articles?sort=nope:sideways', '/api/articles/slug/BAD%20SLUG', '/api/articles?populate[nope]=true']) {
      const answer = await call(target, 'GET', route);
      family.check(`${route} → ${answer.status}`, answer.status >= 400 && answer.status < 500);
    }
    family.check('nothing saved', (await counts()) === before);
    family.report();
  });
});

describe('password guessing', () => {
  it('rate-limits the admin login', async () => {
    const family = new ProbeFamily('password guessing');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 8; attempt += 1) {
      statuses.push((await call(target, 'POST', '/admin/login', { body: { email: 'tebak@example.com', password: `salah-${attempt}` } })).status);
    }
    family.check(`admin login: ${statuses.join(' ')}`, statuses.includes(429) && !statuses.includes(200));
    family.report();
  });
});

describe('an import killed halfway', () => {
  it('leaves only whole articles', async () => {
    const family = new ProbeFamily('kill -9 during an import');
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-kill-'));
    // Three transactions' worth: killed after the first commit, while the next one is being written.
    const pages = 3 * PAGES_PER_TRANSACTION;
    for (let n = 1; n <= pages; n += 1) fs.writeFileSync(path.join(folder, `halaman-${String(n).padStart(3, '0')}.txt`), makeTempoPage(n));
    // Node itself runs the script (tsx's own command would run it in a child the kill does not reach).
    const cli = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', folder, '--json'], {
      cwd: APP_DIR,
      env: { ...process.env, ...target.server.databaseEnv, LOG_LEVEL: 'error' },
      stdio: 'ignore',
    });
    const exited = new Promise<void>((resolve) => cli.once('exit', () => resolve()));
    // Kill it once some articles are in, while others are being written.
    const deadline = Date.now() + 120_000;
    let seen = 0;
    while (Date.now() < deadline) {
      seen = (await call(target, 'GET', '/api/articles?pagination[pageSize]=1')).json.meta.pagination.total;
      if (seen >= 20) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    cli.kill('SIGKILL');
    await exited;
    fs.rmSync(folder, { recursive: true, force: true });
    family.check(`the import was killed midway (${seen} articles seen)`, seen >= 20 && seen < pages);

    const list = await call(target, 'GET', '/api/articles?pagination[pageSize]=100&sort=id:asc&fields[0]=slug', { token: readOnly });
    const slugs: string[] = list.json.data.map((article: { slug: string }) => article.slug).filter((slug: string) => /-\d+$/.test(slug));
    for (const slug of slugs) {
      const page = await call(target, 'GET', `/api/articles/slug/${slug}`);
      const whole =
        page.status === 200 && page.json.data.photos.length === PAGE_PHOTOS && page.json.data.relatedLinks.length === PAGE_RELATED && page.json.data.reporters.length === 1;
      family.check(`${slug} is whole`, whole);
    }
    family.report();
  });
});

/**
 * What an attacker (or a careless script) sends to the import routes, tried from outside against a
 * production server: markup that would break out of a script element, unsafe and oversized values,
 * impossible dates, invalid UTF-8, and many imports of one headline at once.
 */
import { ProbeFamily, apiToken, call, graphql, importPage, startTarget, tempoPage, type Target } from './harness';

let target: Target;
let importer: string;

beforeAll(async () => {
  target = await startTarget('input-rules');
  importer = await apiToken(target, 'impor-skrip', 'full-access');
});
afterAll(async () => {
  await target?.stop();
});

const HOSTILE = '</script><script>alert(1)</script> & Kawan\u2028Baris';

describe('input rules', () => {
  it('serves JSON-LD that is safe inside <script type="application/ld+json">', async () => {
    const family = new ProbeFamily('JSON-LD script breakout');
    const report = await importPage(target, tempoPage({ title: `Judul ${HOSTILE}`, reporter: 'Sekar Wangi', caption: `Keterangan ${HOSTILE}` }));
    const answer = await call(target, 'GET', `/api/articles/slug/${report.slug}/jsonld`);
    family.check(`JSON-LD answered ${answer.status}`, answer.status === 200);
    family.check('no <, > or & in the body', !/[<>&]/.test(answer.text));
    family.check('no raw U+2028 or U+2029', !/[\u2028\u2029]/.test(answer.text));
    family.check('parses back to the original headline', answer.json?.headline === `Judul ${HOSTILE}`);
    family.report();
  });

  it('refuses unsafe URLs, oversized values, impossible dates and invalid UTF-8 with 422 and a code', async () => {
    const family = new ProbeFamily('import values');
    const base = tempoPage({ title: 'Nilai Masukan Diuji', reporter: 'Sekar Wangi' });
    for (const [label, body, code] of [
      ['javascript: URL', { text: base, originalUrl: 'javascript:alert(1)' }, 'BAD_URL'],
      ['data: URL', { text: base, originalUrl: 'data:text/html,<script>alert(1)</script>' }, 'BAD_URL'],
      ['a 3,000-character URL', { text: base, originalUrl: `https://tempo.co/${'a'.repeat(3000)}` }, 'TOO_LONG'],
      ['capturedAt in year 275760', { text: tempoPage({ title: 'Tanpa Tanggal', reporter: 'Sekar Wangi', date: null }), capturedAt: '+275760-09-13T00:00:00Z' }, null],
      ['31 Februari', { text: tempoPage({ title: 'Tanggal Mustahil', reporter: 'Sekar Wangi', date: 'Kamis, 31 Februari 2022 10:00 WIB' }) }, 'INVALID_DATE'],
    ] as const) {
      const answer = await call(target, 'POST', '/api/news-importer/import', { token: importer, body });
      family.check(`${label} → ${answer.status} ${answer.json?.code}`, answer.status === 422 && (code === null || answer.json?.code === code));
    }
    const dateLine = await call(target, 'POST', '/api/news-importer/import', {
      token: importer,
      body: { text: tempoPage({ title: 'Tanggal Mustahil', reporter: 'Sekar Wangi', date: 'Kamis, 31 Februari 2022 10:00 WIB' }) },
    });
    family.check(`31 Februari names its line (${dateLine.json?.line})`, dateLine.json?.line === 7);
    const invalidUtf8 = Buffer.concat([Buffer.from('{"text":"Judul\\n\\nIsi berita '), Buffer.from([0xc3, 0x28]), Buffer.from(' rusak."}')]);
    const bytes = await call(target, 'POST', '/api/news-importer/import', { token: importer, raw: invalidUtf8, headers: { 'Content-Type': 'application/json' } });
    family.check(`invalid UTF-8 → ${bytes.status} ${bytes.json?.code}`, bytes.status === 422 && bytes.json?.code === 'NOT_TEXT');
    // Long values that are legitimate are stored on both databases alike.
    const long = await call(target, 'POST', '/api/news-importer/import', {
      token: importer,
      body: { text: tempoPage({ title: 'Judul Tautan Panjang', reporter: 'Sekar Wangi', readAlso: `Tautan ${'panjang '.repeat(40)}`.trim() }), originalUrl: `https://tempo.co/read/${'a'.repeat(1000)}` },
    });
    family.check(`a 1,026-character URL and a 320-character read-also title → ${long.status}`, long.status === 200);
    const lists = await graphql(target, '{ articles(pagination: { limit: 100 }) { title publishedDate } relatedLinks(pagination: { limit: 100 }) { title } }');
    family.check('GraphQL lists answer without errors afterwards', lists.status === 200 && !lists.json?.errors);
    family.report();
  });

  it('gives every story its own slug when eight imports of one headline arrive at once', async () => {
    const family = new ProbeFamily('duplicate slugs under concurrency');
    const days = [1, 2, 3, 4, 5, 6, 7, 8];
    const answers = await Promise.all(
      days.map((day) =>
        call(target, 'POST', '/api/news-importer/import', {
          token: importer,
          body: { text: tempoPage({ title: 'Banjir Rob Datang Lagi', reporter: 'Sekar Wangi', date: `Senin, ${day} Januari 2024 10:00 WIB` }) },
        })
      )
    );
    family.check(`all imported (${answers.map((a) => a.status).join(' ')})`, answers.every((a) => a.status === 200));
    const slugs = answers.map((a) => a.json?.slug as string);
    family.check(`eight distinct slugs (${new Set(slugs).size})`, new Set(slugs).size === days.length);
    for (const slug of slugs) {
      const page = await call(target, 'GET', `/api/articles/slug/${slug}`);
      family.check(`${slug} answers with its own story`, page.status === 200 && page.json.data.slug === slug);
    }
    family.report();
  });
});

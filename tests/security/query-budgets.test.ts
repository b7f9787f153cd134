/**
 * Exhaustion, tried from outside against a production server: GraphQL queries and REST populates
 * that would multiply into millions of rows are refused before they run, and the server keeps
 * answering its health check while they arrive.
 */
import { ProbeFamily, call, graphql, importPage, startTarget, tempoPage, type Target } from './harness';

let target: Target;

beforeAll(async () => {
  target = await startTarget('query-budgets');
  await importPage(target, tempoPage({ title: 'Banjir Rob Rendam Pesisir Utara', reporter: 'Sekar Wangi' }));
});
afterAll(async () => {
  await target?.stop();
});

/** `{ articles { reporters { articles { … } } } }`, `levels` lists deep, at the default page sizes. */
const nested = (levels: number): string => {
  const field = (level: number): string => (level % 2 === 1 ? 'articles' : 'reporters');
  let inner = levels % 2 === 1 ? 'title' : 'name';
  for (let level = levels; level > 0; level -= 1) inner = `${field(level)} { ${inner} }`;
  return `{ ${inner} }`;
};

describe('query budgets', () => {
  it('refuses costly GraphQL before running it, lets the frontend’s queries through', async () => {
    const family = new ProbeFamily('GraphQL cost and depth');
    const attack =
      '{ articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { name } } } } } } }';
    for (const [label, query] of [
      ['the finding’s six levels of 100', attack],
      ['seven levels at default page sizes', nested(7)],
      ['a hundred aliases', `{ ${Array.from({ length: 100 }, (_, i) => `a${i}: articles(pagination:{limit:100}) { reporters { name } }`).join(' ')} }`],
      ['fragments', 'fragment R on Reporter { articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { name } } } { articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { ...R } } }'],
    ] as const) {
      const answer = await graphql(target, query);
      const code = answer.json?.errors?.[0]?.extensions?.code;
      family.check(`${label} → ${answer.status} ${code}`, answer.status === 400 && /TOO_COSTLY|TOO_LARGE|GRAPHQL_VALIDATION_FAILED/.test(String(code)) && !answer.json?.data);
    }
    const home = await graphql(
      target,
      '{ articles(locale: "id", sort: "publishedDate:desc", pagination: { pageSize: 25 }) { documentId title slug publishedDate reporters { name } photos(pagination: { limit: 1 }) { caption } } }'
    );
    family.check('the home page query', home.status === 200 && home.json.data.articles.length === 1);
    const page = await graphql(
      target,
      '{ articleBySlug(slug: "banjir-rob-rendam-pesisir-utara") { title reporters { name } editors { name } translators { name } photos { caption credit } relatedLinks { title target { slug } } } }'
    );
    family.check('the article page query', page.status === 200 && page.json.data.articleBySlug.title === 'Banjir Rob Rendam Pesisir Utara');
    family.report();
  });

  it('refuses deep, wide and costly REST populate with 400', async () => {
    const family = new ProbeFamily('REST populate budgets');
    for (const route of [
      '/api/articles?populate[reporters][populate][articles][populate][reporters][populate][articles]=true',
      '/api/reporters?populate[articles][populate][reporters]=true&pagination[pageSize]=100',
      '/api/articles?populate=*&pagination[pageSize]=100&populate[reporters][populate]=*',
    ]) {
      const answer = await call(target, 'GET', route);
      family.check(`${route} → ${answer.status} ${answer.json?.error?.details?.code}`, answer.status === 400 && /^POPULATE_TOO_/.test(answer.json?.error?.details?.code ?? ''));
    }
    const ok = await call(target, 'GET', '/api/articles?populate[reporters][fields][0]=name&populate[photos]=true');
    family.check('a listing with bylines and photos', ok.status === 200);
    family.report();
  });

  it('keeps answering /_health while heavy requests arrive', async () => {
    const family = new ProbeFamily('health under a burst of heavy requests');
    const attack = '{ articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { name } } } } }';
    const burst = Array.from({ length: 100 }, () => graphql(target, attack));
    const started = Date.now();
    const health = await call(target, 'GET', '/_health');
    const ms = Date.now() - started;
    const answers = await Promise.all(burst);
    process.stdout.write(`/_health answered ${health.status} in ${ms} ms during a burst of ${burst.length} refused queries\n`);
    family.check('/_health answers 204 during the burst', health.status === 204);
    family.check('every heavy query was refused', answers.every((answer) => answer.status === 400));
    family.report();
  });
});

/**
 * `npm run --silent probe:limits [-- BASE_URL] [--burst N]`
 *
 * Against a running Kabar (default http://localhost:1337): sends the GraphQL query of issue 9 and a
 * deep REST populate, then a burst of N of each at once while /_health is asked, then the home page
 * query; prints each status, the answer's code and how long it took. Measures, asserts nothing: the
 * integration tests (tests/integration/query-limits.test.ts) check the refusals themselves.
 */

const ATTACK =
  '{ articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { articles(pagination:{limit:100}) { ' +
  'reporters(pagination:{limit:100}) { articles(pagination:{limit:100}) { reporters(pagination:{limit:100}) { name } } } } } } }';
const HOME_PAGE =
  '{ articles(sort: "publishedDate:desc", pagination: { limit: 25 }) { documentId title slug publishedDate ' +
  'reporters { name } photos(filters: { position: { eq: 0 } }) { caption image { url } } } }';
const DEEP_POPULATE = '/api/reporters?populate[articles][populate][reporters][populate][articles][populate][reporters]=true';

interface Probe {
  status: number;
  code: string;
  ms: number;
}

async function timed(url: string, init?: RequestInit): Promise<Probe> {
  const start = performance.now();
  const response = await fetch(url, init);
  const text = await response.text();
  const ms = performance.now() - start;
  let code = '';
  try {
    const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }>; error?: { details?: { code?: string } } };
    code = body.errors?.[0]?.extensions?.code ?? body.error?.details?.code ?? '';
  } catch {
    // /_health answers 204 with no body.
  }
  return { status: response.status, code, ms };
}

const graphql = (base: string, query: string): Promise<Probe> =>
  timed(`${base}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query }) });

const line = (name: string, probe: Probe): string =>
  `${name.padEnd(34)} ${String(probe.status).padEnd(4)} ${probe.code.padEnd(26)} ${probe.ms.toFixed(1).padStart(8)} ms`;

async function main(argv: readonly string[]): Promise<void> {
  const burstAt = argv.indexOf('--burst');
  const burst = burstAt >= 0 ? Number(argv[burstAt + 1]) : 50;
  const base = (argv.find((arg, i) => !arg.startsWith('--') && i !== burstAt + 1) ?? 'http://localhost:1337').replace(/\/$/, '');
  if (!Number.isInteger(burst) || burst <= 0) throw new Error('--burst takes a positive whole number.');

  console.log(line('GraphQL query of issue 9', await graphql(base, ATTACK)));
  console.log(line('REST populate 4 deep', await timed(base + DEEP_POPULATE)));

  const started = performance.now();
  const heavy = Array.from({ length: burst }, (_, i) => (i % 2 === 0 ? graphql(base, ATTACK) : timed(base + DEEP_POPULATE)));
  const health = await timed(`${base}/_health`);
  const answers = await Promise.all(heavy);
  const statuses = [...new Set(answers.map((answer) => `${answer.status} ${answer.code}`))].join(', ');
  console.log(line(`/_health during a burst of ${burst}`, health));
  console.log(`${'burst answered'.padEnd(34)} ${statuses} in ${(performance.now() - started).toFixed(1)} ms`);
  console.log(line('GraphQL home page (25 articles)', await graphql(base, HOME_PAGE)));
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`probe:limits: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import { parseArticle, type ParsedArticle } from '..';

/** /work/main/tests/fixtures/tempo, seven levels up from this folder. */
const FIXTURE_DIR = path.join(__dirname, '../../../../../../../tests/fixtures/tempo');

interface Fixture {
  name: string;
  bytes: Buffer;
  text: string;
  expected: ParsedArticle;
}

/** Every `*.txt` fixture with its hand-written `*.expected.json`. */
function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(FIXTURE_DIR, name));
      const expectedPath = path.join(FIXTURE_DIR, name.replace(/\.txt$/, '.expected.json'));
      return { name, bytes, text: bytes.toString('utf8'), expected: JSON.parse(readFileSync(expectedPath, 'utf8')) as ParsedArticle };
    });
}

// One fixture per layout variation described in /work/shared/TEMPO-FORMAT.md, each with a
// hand-written expected JSON. One `it` per field so a failure names the field that broke.
const FIELDS: readonly (keyof ParsedArticle)[] = [
  'language',
  'title',
  'subtitle',
  'section',
  'byline',
  'publishedAt',
  'publishedAtPrecision',
  'dateline',
  'body',
  'photos',
  'source',
  'readAlso',
  'related',
  'discarded',
  'warnings',
];

const fixtures = loadFixtures();

it('has a fixture for each layout variation', () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(13);
});

describe.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
  const article = parseArticle(fixture.bytes);

  it.each(FIELDS.map((field) => [field]))('parses %s', (field) => {
    expect(article[field]).toEqual(fixture.expected[field]);
  });

  it('matches the expected article as a whole', () => {
    expect(article).toEqual(fixture.expected);
  });

  it('parses the same from a string as from bytes', () => {
    expect(parseArticle(fixture.text)).toEqual(article);
  });

  it('parses the same with CRLF line breaks and a byte-order mark', () => {
    expect(parseArticle(`\uFEFF${fixture.text.replace(/\n/g, '\r\n')}`)).toEqual(article);
  });
});

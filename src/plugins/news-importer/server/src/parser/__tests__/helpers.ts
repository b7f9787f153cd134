import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import type { ParsedArticle } from '..';

/** The Tempo fixtures: `/work/main/tests/fixtures/tempo` from this folder. */
export const FIXTURE_DIR = path.join(__dirname, '../../../../../../../tests/fixtures/tempo');

export interface Fixture {
  name: string;
  bytes: Buffer;
  text: string;
  expected: ParsedArticle;
}

/** Every `*.txt` fixture that has a hand-written `*.expected.json` beside it. */
export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(FIXTURE_DIR, name));
      const expected = JSON.parse(readFileSync(path.join(FIXTURE_DIR, name.replace(/\.txt$/, '.expected.json')), 'utf8')) as ParsedArticle;
      return { name, bytes, text: bytes.toString('utf8'), expected };
    });
}

export const SUPPLIED_ARTICLE = 'tempo-2022-10-28-cina-dan-rusia-janji-akan-saling-dukung.txt';

export function readFixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURE_DIR, name));
}

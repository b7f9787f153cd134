import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SEED_FILE } from '../helpers/seed';

const ROOT = path.resolve(__dirname, '..', '..');
const SEED = SEED_FILE;
const EXPECTED = path.join(ROOT, 'tests/fixtures/tempo/tempo-2022-10-28-cina-dan-rusia-janji-akan-saling-dukung.expected.json');

/** Runs `npm run --silent parse -- ...args` the way a user does. */
function parseCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', 'parse', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run parse', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-parse-'));
    fs.writeFileSync(path.join(dir, 'fragment.txt'), 'hanya sepotong paragraf tanpa judul yang jelas, dan tanpa apa pun yang lain di halaman ini.');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the contract for the seeded article and exits 0', () => {
    const { status, stdout } = parseCli(SEED);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { file: SEED, ok: true, article: JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) },
    ]);
  });

  it('reports a bad file with its code and still prints the good one, exiting 1', () => {
    const bad = path.join(dir, 'fragment.txt');
    const { status, stdout } = parseCli(bad, SEED);
    expect(status).toBe(1);
    const results = JSON.parse(stdout);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ file: bad, ok: false, error: { code: 'NO_TITLE' } });
    expect(results[0].error.message).toEqual(expect.any(String));
    expect(results[1]).toMatchObject({ file: SEED, ok: true });
  });

  it('resolves relative ages with --captured-at', () => {
    const { status, stdout } = parseCli(SEED, '--captured-at', '2024-05-15T10:00:00+07:00');
    expect(status).toBe(0);
    const [{ article }] = JSON.parse(stdout);
    expect(article.related[0]).toMatchObject({ ageLabel: '5 jam lalu', approxPublishedAt: '2024-05-15T05:00:00+07:00' });
  });

  it('exits 2 with usage on stderr for a usage error', () => {
    for (const args of [[], ['--captured-at', 'kemarin', SEED], ['--verbose', SEED]]) {
      const { status, stdout, stderr } = parseCli(...args);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/Usage: npm run --silent parse/);
    }
  });
});

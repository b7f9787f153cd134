import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

// The script is plain Node (it runs before anything is built), so the test loads it as such.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureEnv, SECRET_KEYS } = require('../../scripts/ensure-env.js') as {
  ensureEnv(rootDir: string): 'created' | 'kept';
  SECRET_KEYS: readonly string[];
};

const REPO_EXAMPLE = path.resolve(__dirname, '..', '..', '.env.example');

function parseEnv(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
  );
}

describe('scripts/ensure-env.js', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kabar-env-'));
    fs.copyFileSync(REPO_EXAMPLE, path.join(dir, '.env.example'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes .env from .env.example with every secret filled in', () => {
    expect(ensureEnv(dir)).toBe('created');
    const env = parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    for (const key of SECRET_KEYS) {
      expect(env[key]).toMatch(/^[A-Za-z0-9+/=,]{24,}$/);
    }
    expect(env.APP_KEYS.split(',')).toHaveLength(4);
    expect(env.DATABASE_CLIENT).toBe('sqlite');
    expect(env.PORT).toBe('1337');
    expect(fs.statSync(path.join(dir, '.env')).mode & 0o777).toBe(0o600);
  });

  it('makes different secrets on every machine', () => {
    ensureEnv(dir);
    const first = parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    fs.rmSync(path.join(dir, '.env'));
    ensureEnv(dir);
    const second = parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8'));
    for (const key of SECRET_KEYS) expect(second[key]).not.toBe(first[key]);
    expect(new Set(SECRET_KEYS.map((key) => second[key])).size).toBe(SECRET_KEYS.length);
  });

  it('never overwrites an existing .env', () => {
    fs.writeFileSync(path.join(dir, '.env'), 'APP_KEYS=mine\n');
    expect(ensureEnv(dir)).toBe('kept');
    expect(fs.readFileSync(path.join(dir, '.env'), 'utf8')).toBe('APP_KEYS=mine\n');
  });

  it('runs as a command and says what it did', () => {
    const script = path.join(dir, 'scripts', 'ensure-env.js');
    fs.mkdirSync(path.dirname(script));
    fs.copyFileSync(path.resolve(__dirname, '..', '..', 'scripts', 'ensure-env.js'), script);
    expect(execFileSync('node', [script], { encoding: 'utf8' })).toMatch(/Created \.env/);
    expect(execFileSync('node', [script], { encoding: 'utf8' })).toBe('');
    expect(parseEnv(fs.readFileSync(path.join(dir, '.env'), 'utf8')).JWT_SECRET).toBeTruthy();
  });
});

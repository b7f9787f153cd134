#!/usr/bin/env node
'use strict';
/**
 * Writes `.env` from `.env.example` with fresh random secrets when `.env` is missing,
 * so a fresh clone boots with no hand edits. Never overwrites an existing `.env`.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

/** Keys whose value must be a per-machine secret; APP_KEYS takes a comma-separated list. */
const SECRET_KEYS = Object.freeze([
  'APP_KEYS',
  'API_TOKEN_SALT',
  'ADMIN_JWT_SECRET',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
]);
const APP_KEY_COUNT = 4;

const randomSecret = () => crypto.randomBytes(24).toString('base64');

const secretFor = (key) =>
  key === 'APP_KEYS'
    ? Array.from({ length: APP_KEY_COUNT }, randomSecret).join(',')
    : randomSecret();

/** Returns the text of `.env.example` with every secret key filled with a fresh random value. */
function renderEnv(exampleText) {
  const seen = new Set();
  const lines = exampleText.split('\n').map((line) => {
    const match = /^([A-Z0-9_]+)=/.exec(line);
    if (!match || !SECRET_KEYS.includes(match[1])) return line;
    seen.add(match[1]);
    return `${match[1]}=${secretFor(match[1])}`;
  });
  for (const key of SECRET_KEYS) {
    if (!seen.has(key)) lines.push(`${key}=${secretFor(key)}`);
  }
  return lines.join('\n');
}

/**
 * Creates `<rootDir>/.env` when it does not exist. Returns 'created' or 'kept'.
 */
function ensureEnv(rootDir) {
  const target = path.join(rootDir, '.env');
  const example = path.join(rootDir, '.env.example');
  const exampleText = fs.existsSync(example) ? fs.readFileSync(example, 'utf8') : '';
  try {
    // 'wx' fails if the file exists, so two concurrent runs cannot clobber each other.
    fs.writeFileSync(target, renderEnv(exampleText), { flag: 'wx', mode: 0o600 });
    return 'created';
  } catch (error) {
    if (error && error.code === 'EEXIST') return 'kept';
    throw error;
  }
}

module.exports = { ensureEnv, renderEnv, SECRET_KEYS };

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  if (ensureEnv(root) === 'created') {
    console.log('Created .env with fresh random secrets (from .env.example).');
  }
}

import fs from 'node:fs';
import path from 'node:path';

/** The supplied Tempo.co article, as the seed folder holds it. */
export const SEED_FILE_NAME = 'tempo-2022-10-28-cina-dan-rusia-janji-akan-saling-dukung.txt';
/** Its path from the app root, as a user types it on the command line. */
export const SEED_FILE = `database/seeds/${SEED_FILE_NAME}`;
export const SEED_TEXT = fs.readFileSync(path.resolve(__dirname, '..', '..', SEED_FILE), 'utf8');
export const SEED_SLUG = 'cina-dan-rusia-janji-akan-saling-dukung';

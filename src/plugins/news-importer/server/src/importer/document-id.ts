import { randomBytes } from 'node:crypto';

/**
 * New document ids for what an import writes, in the shape Strapi's own generator gives (cuid2
 * `createId`: 24 characters, a lowercase letter then lowercase letters and digits), from the
 * system's cryptographic random source: about 124 random bits per id, so ids of concurrent imports on
 * other processes never collide.
 *
 * Not cuid2 itself: it hashes every id with SHA3-512 in JavaScript (about 45 µs each here), and an
 * imported article has 13 documents (the article, its photos and related links): half a
 * millisecond of a bulk import's per-article budget, for no property a document id needs.
 */
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const POOL_IDS = 256;
const BYTES_PER_ID = 17; // 1 for the leading letter, 16 (128 bits) for the rest

/** `bytes` as a base-36 number, the last `length` digits (zero-padded): random bytes in, an id's letters and digits out. */
export function base36(bytes: Buffer, length: number): string {
  return BigInt(`0x${bytes.toString('hex')}`).toString(36).padStart(length, '0').slice(-length);
}

let pool = Buffer.alloc(0);
let offset = 0;

export function newDocumentId(): string {
  if (offset + BYTES_PER_ID > pool.length) {
    pool = randomBytes(POOL_IDS * BYTES_PER_ID);
    offset = 0;
  }
  const letter = LETTERS[pool[offset]! % LETTERS.length]!;
  const rest = base36(pool.subarray(offset + 1, offset + BYTES_PER_ID), 23);
  offset += BYTES_PER_ID;
  return letter + rest;
}

/**
 * Purges by surrogate key on every configured Varnish: `PURGE /` with the keys in an `xkey-purge`
 * header, which deploy/varnish/kabar.vcl hands to vmod xkey. Keys go in chunks so no request header
 * outgrows Varnish's limits.
 */

export interface PurgeTargets {
  /** Base URLs of the Varnish instances (VARNISH_PURGE_URLS); empty: purges are discarded. */
  urls: string[];
  timeoutMs: number;
}

const CHUNK_LENGTH = 4000;

/** Splits keys into space-separated header values of at most CHUNK_LENGTH characters. */
export function chunkKeys(keys: Iterable<string>, limit = CHUNK_LENGTH): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const key of new Set(keys)) {
    if (current && current.length + 1 + key.length > limit) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current} ${key}` : key;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Sends the purges; throws when a Varnish does not answer 200, so the outbox keeps the rows. */
export async function sendPurges(targets: PurgeTargets, keys: Iterable<string>): Promise<void> {
  if (targets.urls.length === 0) return;
  const chunks = chunkKeys(keys);
  await Promise.all(
    targets.urls.flatMap((url) =>
      chunks.map(async (chunk) => {
        const response = await fetch(url, { method: 'PURGE', headers: { 'xkey-purge': chunk }, signal: AbortSignal.timeout(targets.timeoutMs) });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`PURGE ${url} answered ${response.status}`);
      })
    )
  );
}

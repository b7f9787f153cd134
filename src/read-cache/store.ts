/**
 * Responses kept for anonymous readers, in this process: filed by request and read version, bounded
 * in bytes, each for a short time at most (time-based visibility, such as an embargo that lifts, is
 * not a write and raises no version). Least recently used first out.
 */

export interface KeptResponse {
  status: number;
  /** Headers the route set (those set before it, by security and CORS, are set again each time). */
  headers: Record<string, string>;
  body: string;
}

interface Entry {
  version: string;
  response: KeptResponse;
  bytes: number;
  expires: number;
}

export interface ResponseStoreOptions {
  maxBytes: number;
  maxEntryBytes: number;
  ttlMs: number;
  now?: () => number;
}

export interface ResponseStore {
  get(key: string, version: string): KeptResponse | null;
  set(key: string, version: string, response: KeptResponse): void;
  clear(): void;
  readonly bytes: number;
  readonly size: number;
}

/** A byte-bounded, expiring, least-recently-used store of responses. */
export function createResponseStore(options: ResponseStoreOptions): ResponseStore {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  let bytes = 0;
  const drop = (key: string, entry: Entry): void => {
    entries.delete(key);
    bytes -= entry.bytes;
  };
  return {
    get(key, version) {
      const entry = entries.get(key);
      if (!entry) return null;
      if (entry.version !== version || entry.expires <= now()) {
        drop(key, entry);
        return null;
      }
      // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.response;
    },
    set(key, version, response) {
      const size = key.length + response.body.length + Object.entries(response.headers).reduce((sum, [name, value]) => sum + name.length + value.length, 0);
      if (size > options.maxEntryBytes || options.maxBytes <= 0) return;
      const old = entries.get(key);
      if (old) drop(key, old);
      entries.set(key, { version, response, bytes: size, expires: now() + options.ttlMs });
      bytes += size;
      for (const [oldest, entry] of entries) {
        if (bytes <= options.maxBytes) break;
        drop(oldest, entry);
      }
    },
    clear() {
      entries.clear();
      bytes = 0;
    },
    get bytes() {
      return bytes;
    },
    get size() {
      return entries.size;
    },
  };
}

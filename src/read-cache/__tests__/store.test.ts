import { createResponseStore, type KeptResponse } from '../store';

const response = (body: string): KeptResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body });

describe('the store of responses kept for anonymous readers', () => {
  it('answers only for the version a response was kept at', () => {
    const store = createResponseStore({ maxBytes: 10_000, maxEntryBytes: 1_000, ttlMs: 60_000 });
    store.set('GET /api/articles', '7', response('{"data":[]}'));
    expect(store.get('GET /api/articles', '7')?.body).toBe('{"data":[]}');
    expect(store.get('GET /api/articles', '8')).toBeNull();
    // The stale copy is gone, not only hidden.
    expect(store.size).toBe(0);
  });

  it('forgets a response after its time, whatever the version', () => {
    let clock = 1_000;
    const store = createResponseStore({ maxBytes: 10_000, maxEntryBytes: 1_000, ttlMs: 15_000, now: () => clock });
    store.set('k', '1', response('x'));
    clock += 14_999;
    expect(store.get('k', '1')).not.toBeNull();
    clock += 1;
    expect(store.get('k', '1')).toBeNull();
  });

  it('keeps within its byte budget, dropping the least recently used first', () => {
    const store = createResponseStore({ maxBytes: 300, maxEntryBytes: 200, ttlMs: 60_000 });
    const body = 'y'.repeat(60);
    store.set('a', '1', response(body));
    store.set('b', '1', response(body));
    store.set('c', '1', response(body));
    store.get('a', '1'); // a is now the most recently used
    store.set('d', '1', response(body));
    expect(store.bytes).toBeLessThanOrEqual(300);
    expect(store.get('b', '1')).toBeNull();
    expect(store.get('a', '1')).not.toBeNull();
    expect(store.get('d', '1')).not.toBeNull();
  });

  it('does not keep a response larger than one entry may be, nor anything with a zero budget', () => {
    const store = createResponseStore({ maxBytes: 10_000, maxEntryBytes: 100, ttlMs: 60_000 });
    store.set('big', '1', response('z'.repeat(200)));
    expect(store.size).toBe(0);
    const off = createResponseStore({ maxBytes: 0, maxEntryBytes: 100, ttlMs: 60_000 });
    off.set('k', '1', response('x'));
    expect(off.size).toBe(0);
  });
});

import { newDocumentId } from '../document-id';

describe('newDocumentId', () => {
  it('gives ids shaped like Strapi’s own (cuid2): 24 characters, a lowercase letter first, then letters and digits', () => {
    for (let n = 0; n < 2_000; n += 1) expect(newDocumentId()).toMatch(/^[a-z][a-z0-9]{23}$/);
  });

  it('never repeats an id over many pools of random bytes', () => {
    const ids = new Set(Array.from({ length: 100_000 }, newDocumentId));
    expect(ids.size).toBe(100_000);
  });

  it('uses every letter first and every character after it (no stuck position)', () => {
    const ids = Array.from({ length: 5_000 }, newDocumentId);
    expect(new Set(ids.map((id) => id[0])).size).toBe(26);
    for (let position = 1; position < 24; position += 1) expect(new Set(ids.map((id) => id[position])).size).toBe(36);
  });
});

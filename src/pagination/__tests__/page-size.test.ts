import { pageSize } from '../page-size';

describe('pageSize', () => {
  const limits = { defaultLimit: 25, maxLimit: 100 };
  it.each([
    [undefined, 25],
    [{}, 25],
    [{ limit: 10 }, 10],
    [{ start: 50, limit: 10 }, 10],
    [{ page: 3, pageSize: 40 }, 40],
    [{ limit: 500 }, 100],
    [{ pageSize: 500 }, 100],
    [{ limit: -1 }, 100],
    [{ limit: 0 }, 1],
    [{ limit: 2.5 }, 2],
    // REST query strings
    [{ pageSize: '40' }, 40],
    [{ limit: '-1' }, 100],
    [{ limit: '' }, 25],
    [{ limit: 'many' }, 25],
  ])('%j → %d', (pagination, expected) => {
    expect(pageSize(pagination, limits)).toBe(expected);
  });

  it('without a maxLimit, limit -1 is unbounded and a given size is taken as is', () => {
    expect(pageSize({ limit: -1 }, { defaultLimit: 25, maxLimit: -1 })).toBe(Infinity);
    expect(pageSize({ limit: 5000 }, { defaultLimit: 25, maxLimit: -1 })).toBe(5000);
    expect(pageSize({}, { defaultLimit: 25, maxLimit: -1 })).toBe(25);
  });
});

import { readPopulateLimits } from '../populate-limit';

describe('readPopulateLimits', () => {
  const pages = { defaultLimit: 25, maxLimit: 100 };

  it('has documented defaults and takes whole numbers from the environment', () => {
    expect(readPopulateLimits({}, pages)).toEqual({ maxDepth: 3, maxRelations: 10, maxCost: 25000, manyItems: 100 });
    expect(readPopulateLimits({ REST_POPULATE_MAX_DEPTH: '2', REST_POPULATE_MAX_RELATIONS: '5', REST_POPULATE_MAX_COST: '1000' }, pages)).toEqual({
      maxDepth: 2,
      maxRelations: 5,
      maxCost: 1000,
      manyItems: 100,
    });
  });

  it('stops the boot on a value that is not a positive whole number', () => {
    expect(() => readPopulateLimits({ REST_POPULATE_MAX_DEPTH: 'three' }, pages)).toThrow(
      'REST_POPULATE_MAX_DEPTH must be a positive whole number, not "three".'
    );
    expect(() => readPopulateLimits({ REST_POPULATE_MAX_COST: '0' }, pages)).toThrow('REST_POPULATE_MAX_COST must be a positive whole number, not "0".');
  });

  it('counts a to-many relation as unbounded when the REST maxLimit is', () => {
    expect(readPopulateLimits({}, { defaultLimit: 25, maxLimit: -1 }).manyItems).toBe(Infinity);
  });
});

import { FeedRequestError, feedRequest, noParameters, sitemapPageRequest } from '../request';

const refusal = (run: () => unknown): { message: string; details: Record<string, unknown> } => {
  try {
    run();
  } catch (error) {
    if (error instanceof FeedRequestError) return { message: error.message, details: error.details };
    throw error;
  }
  throw new Error('not refused');
};

describe('feedRequest', () => {
  it('reads locale and a trimmed section; both optional', () => {
    expect(feedRequest({})).toEqual({ locale: undefined });
    expect(feedRequest({ locale: 'en', section: '  Internasional ' })).toEqual({ locale: 'en', section: 'Internasional' });
  });

  it('refuses unknown parameters, repeated values, bad locales and unusable sections', () => {
    expect(refusal(() => feedRequest({ locale: 'id', status: 'draft' }))).toEqual({
      message: 'Unknown query parameter(s): status. This endpoint takes locale, section.',
      details: { unknown: ['status'] },
    });
    expect(refusal(() => feedRequest({ locale: ['id', 'en'] })).message).toBe('locale must be given once, as a plain value.');
    expect(refusal(() => feedRequest({ locale: 'ID;drop' })).message).toBe('locale "ID;drop" is not a locale code; use e.g. id or en.');
    for (const section of ['', '   ', 'x'.repeat(101), 'A\u0000B']) {
      expect(refusal(() => feedRequest({ section })).message).toBe('section must be a section name of 1 to 100 characters, as the articles carry it.');
    }
  });
});

describe('sitemapPageRequest', () => {
  it('defaults to page 1 and reads pages up to the bound', () => {
    expect(sitemapPageRequest({})).toEqual({ locale: undefined, page: 1 });
    expect(sitemapPageRequest({ locale: 'id', page: '100000' })).toEqual({ locale: 'id', page: 100000 });
  });

  it('refuses pages that are not whole numbers from 1 to 100,000', () => {
    for (const page of ['0', '-1', '1.5', '1e3', 'x', '100001', '0001000000']) {
      expect(refusal(() => sitemapPageRequest({ page })).details).toEqual({ page });
    }
  });
});

describe('noParameters', () => {
  it('refuses any parameter', () => {
    expect(() => noParameters({})).not.toThrow();
    expect(refusal(() => noParameters({ locale: 'id' })).message).toBe('Unknown query parameter(s): locale. This endpoint takes no parameters.');
  });
});

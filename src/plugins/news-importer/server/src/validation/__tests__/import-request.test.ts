import { validateImportRequest } from '../import-request';

const refusal = (input: unknown): unknown => {
  try {
    validateImportRequest(input);
  } catch (error: unknown) {
    return (error as { toBody(): unknown }).toBody();
  }
  throw new Error('accepted');
};

describe('validateImportRequest', () => {
  it('accepts the text with its options, and treats null and "" as not given', () => {
    expect(validateImportRequest({ text: 'x', locale: 'en', status: 'draft', capturedAt: '2024-05-15T10:00:00+07:00', originalUrl: '', fileName: null })).toEqual({
      text: 'x',
      locale: 'en',
      status: 'draft',
      capturedAt: '2024-05-15T10:00:00+07:00',
    });
    const bytes = new Uint8Array([0x41]);
    expect(validateImportRequest({ text: bytes }).text).toBe(bytes);
  });

  it.each([
    [null, 'Send JSON: { "text": "<the article page as plain text>" }.', null],
    [[], 'Send JSON: { "text": "<the article page as plain text>" }.', null],
    [{ teks: 'x' }, '"text" is required: the article page as plain text.', { field: 'text' }],
    [{ text: 5 }, '"text" is required: the article page as plain text.', { field: 'text' }],
    [{ text: 'x', locale: 'fr' }, '"locale" must be one of id, en.', { field: 'locale' }],
    [{ text: 'x', status: 'live' }, '"status" must be one of published, draft.', { field: 'status' }],
    [{ text: 'x', capturedAt: 'kemarin' }, '"capturedAt" must be an ISO 8601 time, e.g. 2024-05-15T10:00:00+07:00.', { field: 'capturedAt' }],
    [{ text: 'x', batchId: '../etc' }, '"batchId" must be a batch id the server gave.', { field: 'batchId' }],
  ])('refuses %j with BAD_REQUEST naming the field', (input, message, details) => {
    expect(refusal(input)).toEqual({ code: 'BAD_REQUEST', message, line: null, details });
  });
});

import { parseArticle } from '..';

// Furniture that the fifth and sixth blind sets (tests/real-pages/holdout-5.json, holdout-6.json)
// showed, rebuilt around invented article text: each case is a general shape, not a copy of a page.

const P1 =
  'Pemerintah kota menambah dua puluh pompa air di kawasan bantaran sungai setelah hujan deras tiga hari berturut-turut merendam ratusan rumah warga di lima kelurahan.';
const P2 = '"Pompa tambahan akan bekerja siang dan malam sampai air surut," kata seorang pejabat dinas sumber daya air kemarin.';
const TITLE = 'Pompa Air Tambahan Tiba di Bantaran Sungai';
const CAPTION = 'Petugas memeriksa pompa air di bantaran sungai, Jakarta, 3 Januari 2020.';

/** tempo.co www's header with its labels on lines of their own, as the CMS prints them. */
const wwwPage = (...header: string[]): string => [TITLE, '', ...header, '', 'image-gnews', `${CAPTION} TEMPO/Budi Santoso`, `${CAPTION} TEMPO/Budi Santoso`, 'Iklan', '', `TEMPO.CO, Jakarta - ${P1}`, '', P2].join('\n');

describe('holdout-5: a name under its label as the editor typed it', () => {
  it.each([['Alia fathiyah'], ['guruh riyanto']])('reads %j under `Editor` as the editor, not as a caption', (name) => {
    const article = parseArticle(wwwPage('Editor', '', name));
    expect(article.byline.editors).toEqual([name]);
    expect(article.photos).toHaveLength(1);
    expect(article.photos[0]).toMatchObject({ caption: CAPTION, credit: 'TEMPO/Budi Santoso' });
  });

  it('does not take a phrase of function words for a name', () => {
    const article = parseArticle(wwwPage('Editor', '', 'di sini saja'));
    expect(article.byline.editors).toEqual([]);
  });

  it('reads `Non Koresponden` in the translator’s slot as no translator', () => {
    const article = parseArticle(wwwPage('Translator', '', 'Non Koresponden', '', 'Editor', '', 'Nurhadi'));
    expect(article.byline).toMatchObject({ translators: [], editors: ['Nurhadi'] });
  });
});

describe('holdout-6: a photo whose only text is its credit', () => {
  it('keeps the credit and leaves the caption empty', () => {
    const text = [TITLE, '', 'Oleh :', '  • Font:', '  • TEMPO/Budi Santoso', '', '    TEMPO/Budi Santoso', '', `    TEMPO Interaktif, Jakarta - ${P1}`, '', P2].join('\n');
    const article = parseArticle(text);
    expect(article.photos).toEqual([expect.objectContaining({ caption: '', credit: 'TEMPO/Budi Santoso', agency: 'TEMPO', photographer: 'Budi Santoso' })]);
    expect(article.body).toEqual([P1, P2]);
  });
});

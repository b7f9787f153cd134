import type { Core } from '@strapi/strapi';
import { SEED_SLUG } from './seed';

/** Blocks for the rich-text `body`: one paragraph node per paragraph, text only. */
export const paragraphs = (...texts: string[]): unknown[] =>
  texts.map((text) => ({ type: 'paragraph', children: [{ type: 'text', text }] }));

export const ID_PARAGRAPHS = [
  'Menteri Luar Negeri Cina Wang Yi berjanji akan mendukung Rusia untuk mendapatkan kembali status sebagai negara kekuatan dunia.',
  '“Cina dan Rusia punya hak untuk mensahkan perkembangan dan revitalisasi hubungan kedua negara,” demikian bunyi pernyataan pers.',
];
export const EN_PARAGRAPHS = [
  'Chinese Foreign Minister Wang Yi pledged to support Russia in regaining its status as a world power.',
  '“China and Russia have the right to develop and revitalise their relations,” the ministry said.',
];

export interface ArticleGraph {
  articleId: string;
  reporterIds: { desk: string; editor: string; translator: string };
  photoIds: string[];
  linkIds: string[];
}

type Status = 'draft' | 'published';

/**
 * Builds, through the Document Service, an article with a desk byline, an editor, a translator,
 * two photos and two related links, in Indonesian and (optionally) English.
 */
export async function createArticleGraph(
  strapi: Core.Strapi,
  options: { slug?: string; title?: string; status?: Status; english?: boolean } = {}
): Promise<ArticleGraph> {
  const status: Status = options.status ?? 'published';
  const slug = options.slug ?? SEED_SLUG;
  const docs = <T extends string>(uid: T) => strapi.documents(uid as never);

  const reporter = async (name: string, slugValue: string, kind: 'person' | 'desk'): Promise<string> => {
    const existing = await docs('api::reporter.reporter').findFirst({ filters: { slug: slugValue } } as never);
    if (existing) return existing.documentId;
    return (await docs('api::reporter.reporter').create({ data: { name, slug: slugValue, kind, outlet: 'Tempo.co' } as never })).documentId;
  };
  const reporterIds = {
    desk: await reporter('Tempo.co', 'tempo-co', 'desk'),
    editor: await reporter('Maria Rita Hasugian', 'maria-rita-hasugian', 'person'),
    translator: await reporter('Ida Rosdalina', 'ida-rosdalina', 'person'),
  };

  const article = await docs('api::article.article').create({
    locale: 'id',
    status,
    data: {
      title: options.title ?? 'Cina dan Rusia Janji Akan Saling Dukung',
      slug,
      subtitle: 'Beijing berjanji membantu Moskow',
      section: 'Internasional',
      body: paragraphs(...ID_PARAGRAPHS),
      publishedDate: '2022-10-28T05:00:00.000Z',
      dateline: 'Jakarta',
      outlet: 'Tempo.co',
      sourceName: 'RT.com',
      originalUrl: `https://dunia.tempo.co/read/${slug}`,
      importKey: `test:${slug}`,
      contentHash: 'abc123',
      reporters: [reporterIds.desk],
      editors: [reporterIds.editor],
      translators: [reporterIds.translator],
    } as never,
  });
  const articleId = article.documentId;

  const photoIds: string[] = [];
  for (const [position, caption, credit] of [
    [0, 'Menteri Luar Negeri China Wang Yi di Nusa Dua, Bali.', 'Stefani Reynolds/Pool via REUTERS'],
    [3, 'Sergey Lavrov dan Wang Yi di Sochi, Rusia.', 'Pavel Golovkin / Pool via REUTERS'],
  ] as const) {
    const photo = await docs('api::photo.photo').create({
      locale: 'id',
      status,
      data: { caption, credit, agency: 'REUTERS', position, article: articleId } as never,
    });
    photoIds.push(photo.documentId);
  }

  const linkIds: string[] = [];
  for (const [position, kind, title, ageLabel] of [
    [0, 'readAlso', 'Rishi Sunak Jadi PM Inggris', null],
    [1, 'related', 'AS Batasi Izin Ekspor Teknologi untuk Cina', '5 jam lalu'],
  ] as const) {
    const link = await docs('api::related-link.related-link').create({
      locale: 'id',
      status,
      data: { title, kind, ageLabel, position, article: articleId } as never,
    });
    linkIds.push(link.documentId);
  }

  if (options.english) {
    await docs('api::article.article').update({
      documentId: articleId,
      locale: 'en',
      status,
      data: {
        title: 'China and Russia Pledge Mutual Support',
        slug: 'china-and-russia-pledge-mutual-support',
        section: 'World',
        body: paragraphs(...EN_PARAGRAPHS),
        publishedDate: '2022-10-28T05:00:00.000Z',
        originalUrl: 'https://en.tempo.co/read/china-and-russia-pledge-mutual-support',
        reporters: [reporterIds.desk],
        editors: [reporterIds.editor],
        translators: [reporterIds.translator],
      } as never,
    });
    await docs('api::photo.photo').update({
      documentId: photoIds[0],
      locale: 'en',
      status,
      data: { caption: 'Chinese Foreign Minister Wang Yi in Nusa Dua, Bali.', position: 0, article: articleId } as never,
    });
  }

  return { articleId, reporterIds, photoIds, linkIds };
}

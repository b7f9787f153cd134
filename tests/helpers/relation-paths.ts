/**
 * Every relation path through the four newsroom types, for the draft-oracle probes: a filter that
 * walks one of these paths must see published rows only.
 */

export interface NewsroomType {
  rest: string;
  graphql: string;
  /** A text field to filter on at the end of a path. */
  text: string;
  relations: Record<string, string>;
}

export const NEWSROOM_TYPES: Record<string, NewsroomType> = {
  article: {
    rest: 'articles',
    graphql: 'articles',
    text: 'title',
    relations: {
      reporters: 'reporter',
      editors: 'reporter',
      translators: 'reporter',
      photos: 'photo',
      relatedLinks: 'relatedLink',
      linkedFrom: 'relatedLink',
      localizations: 'article',
    },
  },
  reporter: {
    rest: 'reporters',
    graphql: 'reporters',
    text: 'name',
    relations: { articles: 'article', editedArticles: 'article', translatedArticles: 'article' },
  },
  photo: { rest: 'photos', graphql: 'photos', text: 'caption', relations: { article: 'article', localizations: 'photo' } },
  relatedLink: {
    rest: 'related-links',
    graphql: 'relatedLinks',
    text: 'title',
    relations: { article: 'article', target: 'article', localizations: 'relatedLink' },
  },
};

export interface RelationProbe {
  root: string;
  path: string[];
  leaf: string;
}

/** Every relation path from every type, 1 to `maxDepth` hops. */
export function relationPaths(maxDepth: number): RelationProbe[] {
  const from = (type: string, depth: number): Array<{ path: string[]; leaf: string }> =>
    depth === 0
      ? []
      : Object.entries(NEWSROOM_TYPES[type]!.relations).flatMap(([name, target]) => [
          { path: [name], leaf: target },
          ...from(target, depth - 1).map((sub) => ({ path: [name, ...sub.path], leaf: sub.leaf })),
        ]);
  return Object.keys(NEWSROOM_TYPES).flatMap((root) => from(root, maxDepth).map((probe) => ({ root, ...probe })));
}

/** `filters[a][b][field][$containsi]=word` */
export const restFilter = (path: string[], field: string, word: string): string =>
  `filters${[...path, field].map((key) => `[${key}]`).join('')}[$containsi]=${encodeURIComponent(word)}`;

/** `{ a: { b: { field: { containsi: "word" } } } }` */
export const graphqlFilter = (path: string[], field: string, word: string): string =>
  [...path, field].reduceRight((inner, key) => `{ ${key}: ${inner} }`, `{ containsi: ${JSON.stringify(word)} }`);

/** The types an import writes. */
export type DocumentUid = 'api::article.article' | 'api::reporter.reporter' | 'api::photo.photo' | 'api::related-link.related-link';

/** The Document Service's events for what an import does (Strapi 5.54 `document-service/repository`). */
export type DocumentEvent = 'entry.create' | 'entry.update' | 'entry.publish' | 'entry.unpublish' | 'entry.delete';


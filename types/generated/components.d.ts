import type { Schema, Struct } from '@strapi/strapi';

export interface NewsroomCorrection extends Struct.ComponentSchema {
  collectionName: 'components_newsroom_corrections';
  info: {
    description: 'A correction, clarification or right of reply linked to the article it corrects, with its time (Pedoman Pemberitaan Media Siber 2012)';
    displayName: 'Correction';
  };
  attributes: {
    issuedAt: Schema.Attribute.DateTime & Schema.Attribute.Required;
    kind: Schema.Attribute.Enumeration<
      ['ralat', 'koreksi', 'hak-jawab', 'pembaruan']
    > &
      Schema.Attribute.Required &
      Schema.Attribute.DefaultTo<'ralat'>;
    text: Schema.Attribute.Text & Schema.Attribute.Required;
  };
}

declare module '@strapi/strapi' {
  export namespace Public {
    export interface ComponentSchemas {
      'newsroom.correction': NewsroomCorrection;
    }
  }
}

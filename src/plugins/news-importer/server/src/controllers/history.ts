import type { Core } from '@strapi/strapi';
import type { GetHistory } from '../../../shared/contracts/imports';
import { getService } from '../utils';

interface Context {
  body: unknown;
}

/** `GET /news-importer/history`: the last imports, newest first. */
const historyController = ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context): Promise<void> {
    ctx.body = { data: await getService(strapi, 'history').latest() } satisfies GetHistory.Response;
  },
});

export default historyController;

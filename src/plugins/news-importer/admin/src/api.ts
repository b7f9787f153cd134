import * as React from 'react';
import { useFetchClient, isFetchError } from '@strapi/strapi/admin';
import type { ParsedArticle } from '../../server/src/parser/types';
import type { ImportReport } from '../../server/src/importer/import-article';
import type { ImportRecord } from '../../server/src/services/history';
import type { InputProblem } from '../../server/src/importer/errors';
import { PLUGIN_ID } from './pluginId';

// The server's own types: type-only imports, erased from the admin bundle.
export type { ParsedArticle, ImportReport, ImportRecord, InputProblem };

export interface PreviewResult {
  article: ParsedArticle;
  plan: ImportReport;
}

/** What the page sends for one text. */
export interface ImportRequest {
  text: string;
  fileName?: string;
  capturedAt?: string;
  originalUrl?: string;
}

/** A call either answers, or fails with a problem to show next to the input. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

const isProblem = (body: unknown): body is InputProblem =>
  typeof body === 'object' && body !== null && 'code' in body && 'message' in body;

// 400 and 422 carry `{ code, message, line }`: let them through as data rather than as a thrown FetchError.
const INPUT_STATUSES = (status: number): boolean => status === 400 || status === 422;

/** The importer's admin routes, called with the admin's session. */
export function useImporterApi() {
  const { get, post } = useFetchClient();

  return React.useMemo(() => {
    async function send<T>(route: 'preview' | 'import', body: ImportRequest): Promise<Outcome<T>> {
      try {
        const { data } = await post<T | InputProblem>(`/${PLUGIN_ID}/${route}`, body, { validateStatus: INPUT_STATUSES });
        return isProblem(data) ? { ok: false, problem: data } : { ok: true, value: data as T };
      } catch (error: unknown) {
        const status = isFetchError(error) ? error.status : undefined;
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, problem: { code: status === 413 ? 'TOO_LARGE' : `HTTP_${status ?? 'NETWORK'}`, message, line: null } };
      }
    }

    return {
      preview: (body: ImportRequest) => send<PreviewResult>('preview', body),
      importText: (body: ImportRequest) => send<ImportReport>('import', body),
      async history(): Promise<ImportRecord[]> {
        const { data } = await get<{ data: ImportRecord[] }>(`/${PLUGIN_ID}/history`);
        return data.data;
      },
    };
  }, [get, post]);
}

import * as React from 'react';
import { useFetchClient, isFetchError } from '@strapi/strapi/admin';
import type {
  ArticleChanges,
  GetHistory,
  ImporterErrorBody,
  ImportRecord,
  ImportReport,
  ImportRequestBody,
  ParsedArticle,
  PreviewImport,
  RunImport,
  UndoBatch,
} from '../../shared/contracts/imports';
import { PLUGIN_ID } from './pluginId';

// The contracts shared with the server: type-only imports, erased from the admin bundle.
export type { ArticleChanges, ParsedArticle, ImportReport, ImportRecord };

export type PreviewResult = PreviewImport.Response;
export type ImportRequest = ImportRequestBody;
/** A problem to show next to the input: the server's error body (details optional for the page's own problems). */
export type InputProblem = Omit<ImporterErrorBody, 'code' | 'details'> & { code: string; details?: ImporterErrorBody['details'] };

/** A call either answers, or fails with a problem to show next to the input. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: InputProblem };

const isProblem = (body: unknown): body is InputProblem =>
  typeof body === 'object' && body !== null && 'code' in body && 'message' in body;

// 400, 422 and 503 carry the importer's error body `{ code, message, line, details }`: let them through as data rather than as a thrown FetchError.
const INPUT_STATUSES = (status: number): boolean => status === 400 || status === 422 || status === 503;

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
      importText: (body: ImportRequest) => send<RunImport.Response>('import', body),
      /** Undoes one batch: its report, or the server's refusal (unknown batch, undone already, an article changed since). */
      async undo(batchId: string): Promise<Outcome<UndoBatch.Response>> {
        try {
          const { data } = await post<UndoBatch.Response | InputProblem>(`/${PLUGIN_ID}/batches/${encodeURIComponent(batchId)}/undo`, {}, { validateStatus: (status: number) => status < 500 || status === 503 });
          return isProblem(data) ? { ok: false, problem: data } : { ok: true, value: data };
        } catch (error: unknown) {
          const status = isFetchError(error) ? error.status : undefined;
          return { ok: false, problem: { code: `HTTP_${status ?? 'NETWORK'}`, message: error instanceof Error ? error.message : String(error), line: null } };
        }
      },
      async history(): Promise<ImportRecord[]> {
        const { data } = await get<GetHistory.Response>(`/${PLUGIN_ID}/history`);
        return data.data;
      },
    };
  }, [get, post]);
}

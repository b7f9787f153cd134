import * as React from 'react';
import { useFetchClient, isFetchError } from '@strapi/strapi/admin';
import type { ParsedArticle } from '../../server/src/parser/types';
import { PLUGIN_ID } from './pluginId';

export type { ParsedArticle };

/** The plan (dry run) or the outcome of an import, as `POST /news-importer/{preview,import}` answer it. */
export interface ImportReport {
  action: 'created' | 'updated' | 'unchanged';
  documentId: string | null;
  slug: string;
  locale: 'id' | 'en';
  status: 'published' | 'draft';
  dryRun: boolean;
  counts: { reporters: number; reportersCreated: number; photos: number; relatedLinks: number };
  warnings: ParsedArticle['warnings'];
}

export interface PreviewResult {
  article: ParsedArticle;
  plan: ImportReport;
}

/** Why the server refused a text: a stable code, a message, the input line when there is one. */
export interface InputProblem {
  code: string;
  message: string;
  line: number | null;
}

/** One row of `GET /news-importer/history`. */
export interface ImportRecord {
  id: number;
  createdAt: string;
  fileName: string | null;
  title: string | null;
  outcome: 'ok' | 'error';
  action: ImportReport['action'] | null;
  error: InputProblem | null;
  article: { documentId: string; locale: string; slug: string | null; status: ImportReport['status'] | null } | null;
  warningCount: number;
  importedBy: { via: 'admin' | 'content-api'; id: number | null; name: string };
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

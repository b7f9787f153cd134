import type { ImportReport, InputProblem, PreviewResult } from '../api';

/**
 * Where one text is on its way: checked by a preview (no writes), then imported.
 * `invalid` texts are never imported; `failed` is an import the server refused or could not finish.
 */
export type Phase = 'pending' | 'previewing' | 'ready' | 'invalid' | 'importing' | 'done' | 'failed';

/** One text to import: the pasted text, or one dropped file. */
export interface Item {
  key: string;
  /** The file's name; null for pasted text. */
  fileName: string | null;
  text: string;
  phase: Phase;
  preview: PreviewResult | null;
  problem: InputProblem | null;
  /** The problem was found in the browser (not a .txt file, too large): checking again cannot help. */
  localProblem: boolean;
  report: ImportReport | null;
}

export const PASTE_KEY = 'paste';

/** The longest text the server accepts (its body limit is 5 MiB, JSON included). */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024 - 64 * 1024;

export type ItemsAction =
  | { type: 'paste'; text: string }
  | { type: 'addFiles'; files: Array<{ key: string; fileName: string; text: string; problem: InputProblem | null }> }
  | { type: 'remove'; key: string }
  | { type: 'clear' }
  | { type: 'optionsChanged' }
  // Answers carry the text they were about: one that arrives after the text changed is dropped.
  | { type: 'phase'; key: string; text: string; phase: Phase }
  | { type: 'previewed'; key: string; text: string; preview: PreviewResult }
  | { type: 'imported'; key: string; text: string; report: ImportReport }
  | { type: 'refused'; key: string; text: string; problem: InputProblem; phase: 'invalid' | 'failed' };

const fresh = (key: string, fileName: string | null, text: string, problem: InputProblem | null = null): Item => ({
  key,
  fileName,
  text,
  phase: problem ? 'invalid' : 'pending',
  preview: null,
  problem,
  localProblem: problem !== null,
  report: null,
});

const update = (items: Item[], key: string, text: string, change: Partial<Item>): Item[] =>
  items.map((item) => (item.key === key && item.text === text ? { ...item, ...change } : item));

/** The list of texts on the page; the pasted text, when there is one, comes first. */
export function itemsReducer(items: Item[], action: ItemsAction): Item[] {
  switch (action.type) {
    case 'paste': {
      const others = items.filter((item) => item.key !== PASTE_KEY);
      return action.text.trim() === '' ? others : [fresh(PASTE_KEY, null, action.text), ...others];
    }
    case 'addFiles':
      return [...items, ...action.files.map((file) => fresh(file.key, file.fileName, file.text, file.problem))];
    case 'remove':
      return items.filter((item) => item.key !== action.key);
    case 'clear':
      return [];
    case 'optionsChanged':
      // Capture time and URL change the plan: previews made with the old ones are stale (imports stay).
      return items.map((item) =>
        item.phase === 'ready' || (item.phase === 'invalid' && !item.localProblem)
          ? { ...item, phase: 'pending', preview: null, problem: null }
          : item
      );
    case 'phase':
      return update(items, action.key, action.text, { phase: action.phase });
    case 'previewed':
      return update(items, action.key, action.text, { phase: 'ready', preview: action.preview, problem: null });
    case 'imported':
      return update(items, action.key, action.text, { phase: 'done', report: action.report, problem: null });
    case 'refused':
      return update(items, action.key, action.text, { phase: action.phase, problem: action.problem });
  }
}

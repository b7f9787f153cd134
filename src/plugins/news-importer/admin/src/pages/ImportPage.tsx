import * as React from 'react';
import { Page, Layouts } from '@strapi/strapi/admin';
import { Alert, Box, Button, Flex, ProgressBar, Typography } from '@strapi/design-system';
import { Download, Eye } from '@strapi/icons';
import { useImporterApi, type ImportRecord, type ImportRequest } from '../api';
import { HistoryTable } from '../components/HistoryTable';
import { ItemCard } from '../components/ItemCard';
import { SourceInput } from '../components/SourceInput';
import { wibInputToIso } from '../utils/format';
import { itemsReducer, MAX_TEXT_BYTES, PASTE_KEY, type Item } from '../utils/items';
import { useTranslate } from '../utils/useTranslate';

/** Waits this long after the last keystroke before previewing pasted text. */
const PASTE_PREVIEW_DELAY_MS = 600;

/** Texts the Import button takes: not yet checked, checked and fine, or a failed import to try again. */
const importable = (item: Item): boolean => item.phase === 'pending' || item.phase === 'ready' || item.phase === 'failed';

interface RunSummary {
  imported: number;
  notImported: number;
}

/** The importer page: paste or drop, check the preview, import, open in the Content Manager, see the history. */
export const ImportPage = () => {
  const { t } = useTranslate();
  const api = useImporterApi();
  const [items, dispatch] = React.useReducer(itemsReducer, []);
  const itemsRef = React.useRef(items);
  itemsRef.current = items;
  const [pasted, setPasted] = React.useState('');
  const [capturedAt, setCapturedAt] = React.useState('');
  const [originalUrl, setOriginalUrl] = React.useState('');
  const [busy, setBusy] = React.useState<'preview' | 'import' | null>(null);
  const [progress, setProgress] = React.useState<{ done: number; total: number } | null>(null);
  const [summary, setSummary] = React.useState<RunSummary | null>(null);
  const [history, setHistory] = React.useState<{ records: ImportRecord[]; loading: boolean; failed: boolean }>({ records: [], loading: true, failed: false });

  const [undoing, setUndoing] = React.useState<string | null>(null);
  const [undone, setUndone] = React.useState<{ ok: boolean; text: string } | null>(null);

  const loadHistory = React.useCallback(async () => {
    setHistory((current) => ({ ...current, loading: true }));
    try {
      setHistory({ records: await api.history(), loading: false, failed: false });
    } catch {
      setHistory((current) => ({ ...current, loading: false, failed: true }));
    }
  }, [api]);

  React.useEffect(() => {
    void loadHistory();
  }, [loadHistory]);

  /** Undoes a batch after the editor confirms it, says how it went, and shows the history again. */
  const undoBatch = async (batchId: string): Promise<void> => {
    const id = batchId.slice(0, 8);
    if (!window.confirm(t('history.undo.confirm', { id }))) return;
    setUndoing(batchId);
    setUndone(null);
    const outcome = await api.undo(batchId);
    setUndone(
      outcome.ok
        ? { ok: true, text: t('history.undo.done', { id, count: outcome.value.articles.length }) }
        : { ok: false, text: `${t('history.undo.failed', { id })}: ${outcome.problem.message}` }
    );
    setUndoing(null);
    await loadHistory();
  };

  const severalTexts = items.length > 1;
  const requestFor = (item: Item): ImportRequest => {
    const captured = wibInputToIso(capturedAt);
    return {
      text: item.text,
      ...(item.fileName ? { fileName: item.fileName } : {}),
      ...(captured ? { capturedAt: captured } : {}),
      // One URL names one article: never given to several texts at once.
      ...(!severalTexts && originalUrl.trim() ? { originalUrl: originalUrl.trim() } : {}),
    };
  };

  const previewOne = async (item: Item): Promise<boolean> => {
    dispatch({ type: 'phase', key: item.key, text: item.text, phase: 'previewing' });
    const outcome = await api.preview(requestFor(item));
    if (outcome.ok) dispatch({ type: 'previewed', key: item.key, text: item.text, preview: outcome.value });
    else dispatch({ type: 'refused', key: item.key, text: item.text, problem: outcome.problem, phase: 'invalid' });
    return outcome.ok;
  };

  const previewPending = async (): Promise<void> => {
    setBusy('preview');
    try {
      for (const item of itemsRef.current.filter((candidate) => candidate.phase === 'pending')) await previewOne(item);
    } finally {
      setBusy(null);
    }
  };

  // Every new text is checked as soon as it is on the page (pasted text once typing pauses).
  React.useEffect(() => {
    if (busy) return undefined;
    const next = items.find((item) => item.phase === 'pending');
    if (!next) return undefined;
    const timer = setTimeout(() => void previewPending(), next.key === PASTE_KEY ? PASTE_PREVIEW_DELAY_MS : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, busy]);

  const importAll = async (): Promise<void> => {
    const queue = itemsRef.current.filter(importable);
    setBusy('import');
    setSummary(null);
    setProgress({ done: 0, total: queue.length });
    const run: RunSummary = { imported: 0, notImported: itemsRef.current.filter((item) => item.phase === 'invalid').length };
    // One action, one batch: the first import starts it, the others join it with its id.
    let batchId: string | undefined;
    try {
      for (const item of queue) {
        // Nothing is imported from a text the preview refuses.
        const checked = item.phase === 'ready' || (await previewOne(item));
        if (checked) {
          dispatch({ type: 'phase', key: item.key, text: item.text, phase: 'importing' });
          const outcome = await api.importText({ ...requestFor(item), ...(batchId ? { batchId } : {}) });
          if (outcome.ok) {
            batchId = outcome.value.batchId ?? batchId;
            dispatch({ type: 'imported', key: item.key, text: item.text, report: outcome.value });
            run.imported += 1;
          } else {
            dispatch({ type: 'refused', key: item.key, text: item.text, problem: outcome.problem, phase: 'failed' });
            run.notImported += 1;
          }
        } else {
          run.notImported += 1;
        }
        setProgress((current) => current && { ...current, done: current.done + 1 });
      }
    } finally {
      setBusy(null);
      setSummary(run);
      void loadHistory();
    }
  };

  const addFiles = async (files: File[]): Promise<void> => {
    const stamp = Date.now();
    const read = await Promise.all(
      files.map(async (file, index) => {
        const key = `file-${stamp}-${index}-${file.name}`;
        if (!/\.txt$/i.test(file.name)) {
          return { key, fileName: file.name, text: '', problem: { code: 'NOT_TXT', message: t('error.NOT_TXT'), line: null } };
        }
        if (file.size > MAX_TEXT_BYTES) {
          return { key, fileName: file.name, text: '', problem: { code: 'TOO_LARGE', message: t('error.TOO_LARGE'), line: null } };
        }
        return { key, fileName: file.name, text: await file.text(), problem: null };
      })
    );
    setSummary(null);
    dispatch({ type: 'addFiles', files: read });
  };

  const clearAll = () => {
    setPasted('');
    setSummary(null);
    setProgress(null);
    dispatch({ type: 'clear' });
  };

  const onOptions = (set: (value: string) => void) => (value: string) => {
    set(value);
    dispatch({ type: 'optionsChanged' });
  };

  const pasteItem = items.find((item) => item.key === PASTE_KEY);
  const toImport = items.filter(importable).length;
  const importing = busy === 'import';

  return (
    <Page.Main>
      <Page.Title>{t('plugin.name')}</Page.Title>
      <Layouts.Header
        title={t('page.title')}
        subtitle={t('page.subtitle')}
        primaryAction={
          <Button startIcon={<Download />} onClick={() => void importAll()} disabled={busy !== null || toImport === 0} loading={importing} data-testid="import-button">
            {toImport > 1 ? t('actions.importMany', { count: toImport }) : t('actions.import')}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          <SourceInput
            pasted={pasted}
            onPaste={(text) => {
              setPasted(text);
              setSummary(null);
              dispatch({ type: 'paste', text });
            }}
            pasteProblem={pasteItem?.phase === 'invalid' ? pasteItem.problem : null}
            onFiles={(files) => void addFiles(files)}
            capturedAt={capturedAt}
            onCapturedAt={onOptions(setCapturedAt)}
            originalUrl={originalUrl}
            onOriginalUrl={onOptions(setOriginalUrl)}
            urlDisabled={severalTexts}
            disabled={importing}
          />

          <Flex gap={3} wrap="wrap">
            <Button variant="secondary" startIcon={<Eye />} onClick={() => void previewPending()} disabled={busy !== null || !items.some((item) => item.phase === 'pending')} data-testid="preview-button">
              {t('actions.preview')}
            </Button>
            <Button variant="tertiary" onClick={clearAll} disabled={importing || (items.length === 0 && pasted === '')}>
              {t('actions.clear')}
            </Button>
            <Typography variant="pi" textColor="neutral600">
              {items.length === 0 ? t('actions.nothingYet') : t('actions.previewHint')}
            </Typography>
          </Flex>

          {progress && importing && (
            <Box background="neutral0" shadow="tableShadow" hasRadius padding={5} data-testid="import-progress">
              <Typography variant="omega" tag="p">
                {t('progress.label', { done: progress.done, total: progress.total })}
              </Typography>
              <Box paddingTop={2}>
                <ProgressBar value={progress.total === 0 ? 100 : (progress.done / progress.total) * 100} />
              </Box>
            </Box>
          )}

          {summary && (
            <Alert
              variant={summary.notImported > 0 ? 'warning' : 'success'}
              title={t('summary.title')}
              closeLabel={t('common.close')}
              onClose={() => setSummary(null)}
              data-testid="import-summary"
            >
              {t('summary.text', { imported: summary.imported, notImported: summary.notImported })}
            </Alert>
          )}

          {items.map((item) => (
            <ItemCard key={item.key} item={item} busy={importing} expanded={items.length === 1} onRemove={(key) => (key === PASTE_KEY ? (setPasted(''), dispatch({ type: 'paste', text: '' })) : dispatch({ type: 'remove', key }))} />
          ))}

          {undone && (
            <Alert variant={undone.ok ? 'success' : 'danger'} title={t('history.undo')} closeLabel={t('common.close')} onClose={() => setUndone(null)} data-testid="undo-result">
              {undone.text}
            </Alert>
          )}

          <HistoryTable
            records={history.records}
            loading={history.loading}
            failed={history.failed}
            onRefresh={() => void loadHistory()}
            onUndo={(batchId) => void undoBatch(batchId)}
            undoing={undoing}
          />
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

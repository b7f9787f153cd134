import * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Badge, Box, Button, Flex, Link, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import type { ImportRecord } from '../api';
import { contentManagerPath, formatWib } from '../utils/format';
import { useTranslate, type MessageKey } from '../utils/useTranslate';
import { useProblemText } from './ItemCard';
import { ChangesSummary } from './ChangesSummary';

const ACTIONS: Record<NonNullable<ImportRecord['action']>, MessageKey> = {
  created: 'result.created',
  updated: 'result.updated',
  unchanged: 'result.unchanged',
  undone: 'result.undone',
};

const COLUMNS: MessageKey[] = ['history.when', 'history.who', 'history.what', 'history.action', 'history.result'];

/** Batches in view that wrote an article and were not undone yet: the ones with an Undo button (on their newest row). */
function undoableBatches(records: readonly ImportRecord[]): Set<string> {
  const undone = new Set(records.filter((r) => r.action === 'undone').map((r) => r.batchId));
  return new Set(
    records
      .filter((r) => r.batchId && r.outcome === 'ok' && (r.action === 'created' || r.action === 'updated') && !undone.has(r.batchId))
      .map((r) => r.batchId as string)
  );
}

/** The last imports (the server keeps the newest 50 in view), newest first; an Undo button per batch that can be undone. */
export const HistoryTable = ({
  records,
  loading,
  failed,
  onRefresh,
  onUndo,
  undoing = null,
}: {
  records: ImportRecord[];
  loading: boolean;
  failed: boolean;
  onRefresh: () => void;
  onUndo?: (batchId: string) => void;
  /** The batch being undone, if any (every Undo button waits meanwhile). */
  undoing?: string | null;
}) => {
  const { t, locale } = useTranslate();
  const describe = useProblemText();
  const undoable = undoableBatches(records);
  const buttonShown = new Set<string>();
  const showUndo = (batchId: string | null): boolean => {
    if (!onUndo || !batchId || !undoable.has(batchId) || buttonShown.has(batchId)) return false;
    buttonShown.add(batchId);
    return true;
  };

  return (
    <Box background="neutral0" shadow="tableShadow" hasRadius padding={6} data-testid="import-history">
      <Flex justifyContent="space-between" alignItems="center" paddingBottom={4}>
        <Box>
          <Typography variant="delta" tag="h2">
            {t('history.title')}
          </Typography>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {t('history.hint')}
          </Typography>
        </Box>
        <Button variant="tertiary" size="S" startIcon={<ArrowClockwise />} onClick={onRefresh} disabled={loading}>
          {t('history.refresh')}
        </Button>
      </Flex>
      {loading && records.length === 0 ? (
        <Loader small>{t('history.loading')}</Loader>
      ) : failed ? (
        <Typography textColor="danger600">{t('history.failed')}</Typography>
      ) : records.length === 0 ? (
        <Typography textColor="neutral600">{t('history.empty')}</Typography>
      ) : (
        <Table colCount={COLUMNS.length} rowCount={records.length + 1}>
          <Thead>
            <Tr>
              {COLUMNS.map((column) => (
                <Th key={column}>
                  <Typography variant="sigma">{t(column)}</Typography>
                </Th>
              ))}
            </Tr>
          </Thead>
          <Tbody>
            {records.map((record) => (
              <Tr key={record.id} data-testid="history-row">
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography variant="pi">{formatWib(record.createdAt, locale, 'minute', false)}</Typography>
                    {record.batchId && (
                      <Typography variant="pi" textColor="neutral600" title={record.batchId}>
                        {t('history.batch', { id: record.batchId.slice(0, 8) })}
                      </Typography>
                    )}
                    {showUndo(record.batchId) && (
                      <Button
                        variant="danger-light"
                        size="S"
                        loading={undoing === record.batchId}
                        disabled={undoing !== null}
                        onClick={() => onUndo?.(record.batchId as string)}
                        data-testid="history-undo"
                      >
                        {t('history.undo')}
                      </Button>
                    )}
                  </Flex>
                </Td>
                <Td>
                  <Typography variant="pi">
                    {record.importedBy.via === 'admin'
                      ? record.importedBy.name
                      : record.importedBy.via === 'content-api'
                        ? t('history.viaToken', { name: record.importedBy.name })
                        : t(record.importedBy.via === 'cli' ? 'history.viaCli' : 'history.viaSeed')}
                  </Typography>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    {record.title &&
                      (record.article ? (
                        <Link tag={RouterLink} to={contentManagerPath(record.article.documentId, record.article.locale)}>
                          {record.title}
                        </Link>
                      ) : (
                        <Typography variant="omega">{record.title}</Typography>
                      ))}
                    <Typography variant="pi" textColor="neutral600">
                      {record.fileName ?? (record.title ? '' : t('item.pasted'))}
                    </Typography>
                  </Flex>
                </Td>
                <Td>
                  {record.action ? <Typography variant="pi">{t(ACTIONS[record.action])}</Typography> : <Typography textColor="neutral500">—</Typography>}
                  {record.changes && <ChangesSummary changes={record.changes} />}
                </Td>
                <Td>
                  {record.outcome === 'ok' ? (
                    <Badge variant="success">{record.warningCount > 0 ? t('history.okWithWarnings', { count: record.warningCount }) : t('history.ok')}</Badge>
                  ) : (
                    <Flex direction="column" alignItems="flex-start" gap={1}>
                      <Badge variant="danger">{record.error?.code ?? t('history.error')}</Badge>
                      {record.error && (
                        <Typography variant="pi" textColor="neutral700">
                          {record.error.line !== null ? `${t('common.line', { line: record.error.line })}: ` : ''}
                          {describe(record.error)}
                        </Typography>
                      )}
                    </Flex>
                  )}
                </Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
};

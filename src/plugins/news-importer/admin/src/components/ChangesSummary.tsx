import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import type { ArticleChanges } from '../api';
import { useTranslate } from '../utils/useTranslate';

/** How much of a before or after value the history shows (the body can be pages long). */
const MAX_SHOWN = 160;
const clip = (value: string | null): string => (value === null ? '—' : value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN - 1)}…` : value);

/** What an update changed: each field before → after, and the photos, links and names added or removed. */
export const ChangesSummary = ({ changes }: { changes: ArticleChanges }) => {
  const { t } = useTranslate();
  const lists: Array<[string, { added: string[]; removed: string[] }]> = [
    [t('history.changes.photos'), changes.photos],
    [t('history.changes.links'), changes.relatedLinks],
    [t('history.changes.byline'), changes.byline],
  ];
  const nothing = changes.fields.length === 0 && lists.every(([, list]) => list.added.length === 0 && list.removed.length === 0);
  return (
    <Box tag="details" paddingTop={1} data-testid="history-changes">
      <Typography tag="summary" variant="pi" textColor="primary600">
        {nothing ? t('history.changes.none') : t('history.changes.count', { count: changes.fields.length })}
      </Typography>
      <Flex direction="column" alignItems="flex-start" gap={1} paddingTop={1}>
        {changes.fields.map((change) => (
          <Typography key={change.field} variant="pi">
            <b>{change.field}</b>: <s>{clip(change.before)}</s> → {clip(change.after)}
          </Typography>
        ))}
        {lists.map(([label, list]) =>
          list.added.length + list.removed.length === 0 ? null : (
            <Typography key={label} variant="pi">
              <b>{label}</b>: {list.added.map((item) => `+ ${clip(item)}`).concat(list.removed.map((item) => `− ${clip(item)}`)).join('; ')}
            </Typography>
          )
        )}
      </Flex>
    </Box>
  );
};

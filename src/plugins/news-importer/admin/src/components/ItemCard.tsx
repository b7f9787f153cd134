import * as React from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Badge, Box, Flex, IconButton, LinkButton, Loader, Status, Typography } from '@strapi/design-system';
import { ExternalLink, Trash } from '@strapi/icons';
import type { ImportReport, InputProblem } from '../api';
import type { Item, Phase } from '../utils/items';
import { contentManagerPath, lineExcerpt } from '../utils/format';
import { isMessageKey, useTranslate, type MessageKey } from '../utils/useTranslate';
import { ArticlePreview } from './ArticlePreview';
import { Notice } from './Notice';

type StatusVariant = 'neutral' | 'primary' | 'secondary' | 'success' | 'danger' | 'warning' | 'alternative';

const PHASES: Record<Phase, { label: MessageKey; variant: StatusVariant }> = {
  pending: { label: 'phase.pending', variant: 'neutral' },
  previewing: { label: 'phase.previewing', variant: 'secondary' },
  ready: { label: 'phase.ready', variant: 'primary' },
  invalid: { label: 'phase.invalid', variant: 'danger' },
  importing: { label: 'phase.importing', variant: 'secondary' },
  done: { label: 'phase.done', variant: 'success' },
  failed: { label: 'phase.failed', variant: 'danger' },
};

const PLANS: Record<ImportReport['action'], MessageKey> = {
  created: 'plan.created',
  updated: 'plan.updated',
  unchanged: 'plan.unchanged',
};

const RESULTS: Record<ImportReport['action'], MessageKey> = {
  created: 'result.created',
  updated: 'result.updated',
  unchanged: 'result.unchanged',
};

const ACTION_BADGES: Record<ImportReport['action'], 'success' | 'primary' | 'neutral'> = {
  created: 'success',
  updated: 'primary',
  unchanged: 'neutral',
};

/** The problem in the editor's language when the code is known, the server's message otherwise. */
export function useProblemText(): (problem: InputProblem) => string {
  const { t } = useTranslate();
  return (problem) => {
    const key = `error.${problem.code}`;
    return isMessageKey(key) ? t(key) : problem.message;
  };
}

/** The problem with its line number and the text of that line. */
export const ProblemNotice = ({ problem, text }: { problem: InputProblem; text: string }) => {
  const { t } = useTranslate();
  const describe = useProblemText();
  const excerpt = lineExcerpt(text, problem.line);
  return (
    <Notice tone="danger" title={problem.line !== null ? t('common.line', { line: problem.line }) : t('error.title')} data-testid="item-problem">
      <Typography variant="omega" tag="p">
        {describe(problem)} <Typography textColor="neutral500">({problem.code})</Typography>
      </Typography>
      {excerpt && (
        <Typography tag="p" variant="pi" textColor="neutral700" style={{ fontStyle: 'italic' }}>
          “{excerpt}”
        </Typography>
      )}
      <Typography tag="p" variant="pi" textColor="neutral600">
        {t('error.nothingImported')}
      </Typography>
    </Notice>
  );
};

const ImportResult = ({ report, title }: { report: ImportReport; title: string | null }) => {
  const { t } = useTranslate();
  return (
    <Flex gap={3} wrap="wrap" alignItems="center" data-testid="item-result">
      {title && (
        <Typography variant="omega" fontWeight="bold" data-testid="item-result-title">
          {title}
        </Typography>
      )}
      <Badge variant={ACTION_BADGES[report.action]} size="M" data-testid="item-result-action">
        {t(RESULTS[report.action])}
      </Badge>
      <Typography variant="pi" textColor="neutral700">
        {t('result.details', {
          locale: report.locale,
          slug: report.slug,
          status: report.status === 'published' ? t('result.status.published') : t('result.status.draft'),
          photos: report.counts.photos,
          links: report.counts.relatedLinks,
          reporters: report.counts.reporters,
          reportersCreated: report.counts.reportersCreated,
        })}
      </Typography>
      {report.documentId && (
        <LinkButton
          tag={RouterLink}
          to={contentManagerPath(report.documentId, report.locale)}
          variant="secondary"
          size="S"
          endIcon={<ExternalLink />}
          data-testid="item-open-link"
        >
          {t('result.open')}
        </LinkButton>
      )}
    </Flex>
  );
};

/** One text on its way through preview and import: its state, its problem, its preview, its result. */
export const ItemCard = ({ item, onRemove, busy, expanded }: { item: Item; onRemove: (key: string) => void; busy: boolean; expanded: boolean }) => {
  const { t } = useTranslate();
  const phase = PHASES[item.phase];
  const plan = item.preview?.plan;
  const working = item.phase === 'previewing' || item.phase === 'importing';

  return (
    <Box background="neutral0" shadow="tableShadow" hasRadius padding={6} data-testid="import-item" data-phase={item.phase}>
      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
        <Flex gap={3} alignItems="center" wrap="wrap">
          <Typography variant="delta" tag="h2" data-testid="item-name">
            {item.fileName ?? t('item.pasted')}
          </Typography>
          <Status variant={phase.variant} size="S" data-testid="item-phase">
            <Typography variant="omega" fontWeight="bold">
              {t(phase.label)}
            </Typography>
          </Status>
          {working && <Loader small>{t(phase.label)}</Loader>}
          {plan && item.phase !== 'done' && (
            <Badge variant={ACTION_BADGES[plan.action]} data-testid="item-plan">
              {t(PLANS[plan.action])}
            </Badge>
          )}
        </Flex>
        {!busy && item.phase !== 'done' && item.phase !== 'importing' && (
          <IconButton label={t('item.remove')} onClick={() => onRemove(item.key)} variant="ghost">
            <Trash />
          </IconButton>
        )}
      </Flex>

      <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
        {item.report && <ImportResult report={item.report} title={item.preview?.article.title ?? null} />}
        {item.problem && <ProblemNotice problem={item.problem} text={item.text} />}
        {plan && item.phase !== 'done' && (
          <Typography variant="pi" textColor="neutral600" data-testid="item-plan-details">
            {t('plan.details', {
              locale: plan.locale,
              slug: plan.slug,
              reporters: plan.counts.reporters,
              reportersCreated: plan.counts.reportersCreated,
              photos: plan.counts.photos,
              links: plan.counts.relatedLinks,
            })}
          </Typography>
        )}
        {item.preview && item.phase !== 'done' && <ArticlePreview article={item.preview.article} expanded={expanded} />}
      </Flex>
    </Box>
  );
};

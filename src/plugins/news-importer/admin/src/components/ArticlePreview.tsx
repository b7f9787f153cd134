import * as React from 'react';
import { Accordion, Box, Flex, Grid, Typography } from '@strapi/design-system';
import type { ParsedArticle } from '../api';
import { formatWib } from '../utils/format';
import { isMessageKey, useTranslate, type MessageKey } from '../utils/useTranslate';
import { Notice } from './Notice';

type Photo = ParsedArticle['photos'][number];

/** One labelled field of the article; `—` when the parser found nothing. */
const Field = ({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) => (
  <Flex direction="column" alignItems="stretch" gap={1} data-testid={testId}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography variant="omega" textColor={value ? 'neutral800' : 'neutral500'}>
      {value || '—'}
    </Typography>
  </Flex>
);

const PhotoBox = ({ photo }: { photo: Photo }) => {
  const { t } = useTranslate();
  const credit = [photo.credit, photo.pool ? t('preview.photo.pool') : null].filter(Boolean).join(' · ');
  return (
    <Box background="primary100" borderColor="primary200" padding={3} hasRadius data-testid="preview-photo">
      <Typography variant="pi" fontWeight="bold" textColor="primary700" tag="p">
        {photo.position === 0 ? t('preview.photo.lead') : t('preview.photo.label')}
      </Typography>
      <Typography variant="omega" tag="p">
        {photo.caption || t('preview.photo.noCaption')}
      </Typography>
      <Typography variant="pi" textColor="neutral600" tag="p">
        {t('preview.photo.credit', { credit: credit || '—' })}
      </Typography>
    </Box>
  );
};

/** The body as it will read: paragraphs in order, each photo where the page had it. */
const Body = ({ article }: { article: ParsedArticle }) => {
  const photosAt = (position: number) => article.photos.filter((photo) => photo.position === position);
  const trailing = article.photos.filter((photo) => photo.position >= article.body.length);
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      {article.body.map((paragraph, index) => (
        <React.Fragment key={index}>
          {photosAt(index).map((photo, n) => (
            <PhotoBox key={`photo-${index}-${n}`} photo={photo} />
          ))}
          <Typography variant="omega" tag="p" data-testid="preview-paragraph">
            {paragraph}
          </Typography>
        </React.Fragment>
      ))}
      {trailing.map((photo, n) => (
        <PhotoBox key={`photo-end-${n}`} photo={photo} />
      ))}
    </Flex>
  );
};

/** A collapsible list section: read-also, related, discarded lines. */
const Section = ({ value, title, count, children }: { value: string; title: string; count: number | null; children: React.ReactNode }) => (
  <Accordion.Item value={value}>
    <Accordion.Header>
      <Accordion.Trigger>{count === null ? title : `${title} (${count})`}</Accordion.Trigger>
    </Accordion.Header>
    <Accordion.Content>
      <Box padding={4}>{children}</Box>
    </Accordion.Content>
  </Accordion.Item>
);

const REASONS: Record<ParsedArticle['discarded'][number]['reason'], MessageKey> = {
  ad: 'preview.discarded.reason.ad',
  boilerplate: 'preview.discarded.reason.boilerplate',
  chrome: 'preview.discarded.reason.chrome',
  duplicate: 'preview.discarded.reason.duplicate',
  label: 'preview.discarded.reason.label',
  widget: 'preview.discarded.reason.widget',
};

/** What the parser found in one text, laid out for an editor to check before importing. */
export const ArticlePreview = ({ article, expanded }: { article: ParsedArticle; expanded: boolean }) => {
  const { t, locale } = useTranslate();
  const names = (list: string[]) => list.join(', ');
  const published = article.publishedAt ? formatWib(article.publishedAt, locale, article.publishedAtPrecision) : null;

  return (
    <Flex direction="column" alignItems="stretch" gap={5} data-testid="article-preview">
      <Box>
        {article.section && (
          <Typography variant="sigma" textColor="primary600" tag="p">
            {article.section}
          </Typography>
        )}
        <Typography variant="beta" tag="h3" data-testid="preview-title">
          {article.title}
        </Typography>
        {article.subtitle && (
          <Typography variant="epsilon" textColor="neutral600" tag="p" data-testid="preview-subtitle">
            {article.subtitle}
          </Typography>
        )}
      </Box>

      <Grid.Root gap={4} gridCols={12}>
        <Grid.Item col={4} s={6} xs={12}>
          <Field label={t('preview.reporters')} value={names(article.byline.reporters)} testId="preview-reporters" />
        </Grid.Item>
        <Grid.Item col={4} s={6} xs={12}>
          <Field label={t('preview.editors')} value={names(article.byline.editors)} testId="preview-editors" />
        </Grid.Item>
        <Grid.Item col={4} s={6} xs={12}>
          <Field label={t('preview.translators')} value={names(article.byline.translators)} testId="preview-translators" />
        </Grid.Item>
        <Grid.Item col={4} s={6} xs={12}>
          <Field label={t('preview.desk')} value={article.byline.desk} testId="preview-desk" />
        </Grid.Item>
        <Grid.Item col={4} s={6} xs={12}>
          <Field
            label={t('preview.publishedAt')}
            value={published && (article.publishedAtPrecision === 'day' ? t('preview.publishedAt.dayOnly', { date: published }) : published)}
            testId="preview-published-at"
          />
        </Grid.Item>
        <Grid.Item col={4} s={6} xs={12}>
          <Field label={t('preview.dateline')} value={article.dateline} testId="preview-dateline" />
        </Grid.Item>
        <Grid.Item col={4} s={6} xs={12}>
          <Field label={t('preview.section')} value={article.section} testId="preview-section" />
        </Grid.Item>
        <Grid.Item col={4} s={6} xs={12}>
          <Field label={t('preview.source')} value={article.source} testId="preview-source" />
        </Grid.Item>
        <Grid.Item col={4} s={6} xs={12}>
          <Field
            label={t('preview.language')}
            value={article.language === 'id' ? t('preview.language.id') : t('preview.language.en')}
            testId="preview-language"
          />
        </Grid.Item>
      </Grid.Root>

      {article.warnings.length > 0 && (
        <Notice tone="warning" title={t('preview.warnings', { count: article.warnings.length })} data-testid="preview-warnings">
          {article.warnings.map((warning, index) => {
            const key = `warning.${warning.code}`;
            return (
              <Typography key={index} tag="p" variant="omega">
                {warning.line !== null ? `${t('common.line', { line: warning.line })}: ` : ''}
                {isMessageKey(key) ? t(key) : warning.message} <Typography textColor="neutral500">({warning.code})</Typography>
              </Typography>
            );
          })}
        </Notice>
      )}

      {/* One text: the body is open for reading. Several: each card stays short until opened. */}
      <Accordion.Root defaultValue={expanded ? 'body' : undefined}>
        <Section value="body" title={t('preview.body', { paragraphs: article.body.length, photos: article.photos.length })} count={null}>
          <Body article={article} />
        </Section>
        <Section value="read-also" title={t('preview.readAlso')} count={article.readAlso.length}>
          <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
            {article.readAlso.map((item, index) => (
              <li key={index}>
                <Typography variant="omega">{item.title}</Typography>
                {item.url && (
                  <Typography variant="pi" textColor="neutral600" tag="p">
                    {item.url}
                  </Typography>
                )}
              </li>
            ))}
          </Flex>
        </Section>
        <Section value="related" title={t('preview.related')} count={article.related.length}>
          <Flex direction="column" alignItems="stretch" gap={3} tag="ul">
            {article.related.map((item, index) => (
              <li key={index}>
                <Typography variant="omega" fontWeight="semiBold" tag="p">
                  {item.title}
                </Typography>
                {item.summary && (
                  <Typography variant="pi" tag="p">
                    {item.summary}
                  </Typography>
                )}
                <Typography variant="pi" textColor="neutral600" tag="p">
                  {[item.ageLabel, item.approxPublishedAt ? t('preview.related.approx', { time: formatWib(item.approxPublishedAt, locale, 'minute', false) }) : null]
                    .filter(Boolean)
                    .join(' · ') || '—'}
                </Typography>
              </li>
            ))}
          </Flex>
        </Section>
        <Section value="discarded" title={t('preview.discarded')} count={article.discarded.length}>
          <Typography variant="pi" textColor="neutral600" tag="p">
            {t('preview.discarded.hint')}
          </Typography>
          <Flex direction="column" alignItems="stretch" gap={1} paddingTop={2} data-testid="preview-discarded">
            {article.discarded.map((line) => (
              <Flex key={line.line} gap={3} alignItems="baseline">
                <Box minWidth="7rem">
                  <Typography variant="pi" fontWeight="bold">
                    {t('common.line', { line: line.line })}
                  </Typography>
                </Box>
                <Box minWidth="11rem">
                  <Typography variant="pi" textColor="neutral600">
                    {t(REASONS[line.reason])}
                  </Typography>
                </Box>
                <Typography variant="pi">{line.text}</Typography>
              </Flex>
            ))}
          </Flex>
        </Section>
      </Accordion.Root>
    </Flex>
  );
};

import * as React from 'react';
import { Box, Button, Field, Flex, Grid, TextInput, Textarea, Typography } from '@strapi/design-system';
import { Upload } from '@strapi/icons';
import type { InputProblem } from '../api';
import { lineExcerpt } from '../utils/format';
import { useTranslate } from '../utils/useTranslate';
import { useProblemText } from './ItemCard';

export interface SourceInputProps {
  pasted: string;
  onPaste: (text: string) => void;
  /** The server's problem with the pasted text, shown under it. */
  pasteProblem: InputProblem | null;
  onFiles: (files: File[]) => void;
  capturedAt: string;
  onCapturedAt: (value: string) => void;
  originalUrl: string;
  onOriginalUrl: (value: string) => void;
  /** The URL names one article: it is off when several texts are on the page. */
  urlDisabled: boolean;
  disabled: boolean;
}

/** Where the text comes from: pasted, or `.txt` files dropped or chosen; and the two optional facts about the page. */
/** A filled-in URL that is not http(s): `javascript:…`, `ftp://…`, `www.tempo.co/…` without a scheme. */
const isNotWebUrl = (value: string): boolean => value.trim() !== '' && !/^https?:\/\/\S/i.test(value.trim());

export const SourceInput = (props: SourceInputProps) => {
  const { t } = useTranslate();
  const describe = useProblemText();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);

  const problem = props.pasteProblem;
  const pasteError = problem
    ? [
        problem.line !== null ? `${t('common.line', { line: problem.line })}: ` : '',
        describe(problem),
        ` (${problem.code})`,
        lineExcerpt(props.pasted, problem.line) ? ` — “${lineExcerpt(props.pasted, problem.line)}”` : '',
      ].join('')
    : undefined;

  const onDrop = (event: React.DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (props.disabled) return;
    const files = Array.from(event.dataTransfer.files);
    if (files.length > 0) props.onFiles(files);
  };

  return (
    <Box background="neutral0" shadow="tableShadow" hasRadius padding={6} data-testid="import-source">
      <Flex direction="column" alignItems="stretch" gap={5}>
        <Field.Root name="text" hint={t('source.text.hint')} error={pasteError}>
          <Field.Label>{t('source.text.label')}</Field.Label>
          <Textarea
            name="text"
            placeholder={t('source.text.placeholder')}
            value={props.pasted}
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => props.onPaste(event.target.value)}
            disabled={props.disabled}
            style={{ minHeight: '12rem', fontFamily: 'monospace', fontSize: '1.2rem' }}
          />
          <Field.Hint />
          <Field.Error />
        </Field.Root>

        <Box
          padding={5}
          hasRadius
          borderStyle="dashed"
          borderWidth="1px"
          borderColor={dragging ? 'primary600' : 'neutral300'}
          background={dragging ? 'primary100' : 'neutral100'}
          onDragOver={(event: React.DragEvent<HTMLDivElement>) => {
            event.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="drop-zone"
        >
          <Flex direction="column" gap={3} alignItems="center">
            <Upload width="2.4rem" height="2.4rem" fill="primary600" aria-hidden />
            <Typography variant="omega" textColor="neutral700">
              {t('source.files.drop')}
            </Typography>
            <Button variant="secondary" onClick={() => fileInput.current?.click()} disabled={props.disabled}>
              {t('source.files.choose')}
            </Button>
            <Typography variant="pi" textColor="neutral600">
              {t('source.files.hint')}
            </Typography>
            <input
              ref={fileInput}
              type="file"
              accept=".txt,text/plain"
              multiple
              hidden
              data-testid="file-input"
              onChange={(event) => {
                const files = Array.from(event.target.files ?? []);
                event.target.value = ''; // the same file may be chosen again later
                if (files.length > 0) props.onFiles(files);
              }}
            />
          </Flex>
        </Box>

        <Grid.Root gap={5} gridCols={12}>
          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
            <Field.Root name="capturedAt" hint={t('source.capturedAt.hint')}>
              <Field.Label>{t('source.capturedAt.label')}</Field.Label>
              <TextInput
                type="datetime-local"
                value={props.capturedAt}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => props.onCapturedAt(event.target.value)}
                disabled={props.disabled}
              />
              <Field.Hint />
            </Field.Root>
          </Grid.Item>
          <Grid.Item col={6} xs={12} direction="column" alignItems="stretch">
            <Field.Root
              name="originalUrl"
              hint={props.urlDisabled ? t('source.originalUrl.severalTexts') : t('source.originalUrl.hint')}
              // Said at once; the server refuses anything but http(s) anyway (BAD_URL).
              error={!props.urlDisabled && isNotWebUrl(props.originalUrl) ? t('source.originalUrl.notWeb') : undefined}
            >
              <Field.Label>{t('source.originalUrl.label')}</Field.Label>
              <TextInput
                type="url"
                placeholder="https://www.tempo.co/read/…"
                value={props.originalUrl}
                onChange={(event: React.ChangeEvent<HTMLInputElement>) => props.onOriginalUrl(event.target.value)}
                disabled={props.disabled || props.urlDisabled}
              />
              <Field.Hint />
              <Field.Error />
            </Field.Root>
          </Grid.Item>
        </Grid.Root>
      </Flex>
    </Box>
  );
};

import * as React from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';

const TONES = {
  warning: { background: 'warning100', border: 'warning200', icon: 'warning600' },
  danger: { background: 'danger100', border: 'danger200', icon: 'danger600' },
} as const;

/** A message that stays as long as its cause (unlike the design system's Alert, it has no close button). */
export const Notice = ({ tone, title, children, ...rest }: { tone: keyof typeof TONES; title: string; children: React.ReactNode; 'data-testid'?: string }) => {
  const colors = TONES[tone];
  return (
    <Box background={colors.background} borderColor={colors.border} hasRadius paddingTop={4} paddingBottom={4} paddingLeft={5} paddingRight={5} {...rest}>
      <Flex gap={3} alignItems="flex-start">
        <Box paddingTop={1}>
          <WarningCircle width="1.6rem" height="1.6rem" fill={colors.icon} aria-hidden />
        </Box>
        <Flex direction="column" alignItems="stretch" gap={1}>
          <Typography variant="omega" fontWeight="bold" tag="p">
            {title}
          </Typography>
          {children}
        </Flex>
      </Flex>
    </Box>
  );
};

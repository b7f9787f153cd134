import { useIntl } from 'react-intl';
import en from '../translations/en.json';
import { PLUGIN_ID } from '../pluginId';

/** Every key of the plugin's translation files (en.json is the reference; id.json has the same keys). */
export type MessageKey = keyof typeof en;

type Values = Record<string, string | number | boolean | null | undefined | Date>;

/** Whether the plugin has a string for this key (e.g. `error.NO_TITLE` for a code the server sent). */
export const isMessageKey = (key: string): key is MessageKey => Object.prototype.hasOwnProperty.call(en, key);

/** `t('preview.title')` in the admin's language, and that language's code for dates and numbers. */
export function useTranslate(): { t: (key: MessageKey, values?: Values) => string; locale: string } {
  const { formatMessage, locale } = useIntl();
  return {
    t: (key, values) => formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: en[key] }, values),
    locale,
  };
}

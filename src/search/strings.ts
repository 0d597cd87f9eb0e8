import { useTranslations } from '../i18n/index.ts';
import type { LocaleCode } from '../i18n/locales.ts';
import type { SearchStrings } from './ui.ts';

/** The search interface's words in one locale, handed to the browser as data. */
export function searchStrings(locale: LocaleCode): SearchStrings {
  const t = useTranslations(locale);
  return {
    label: t('search.label'),
    placeholder: t('search.placeholder'),
    noResults: t('search.noResults'),
    count: t('search.count'),
    close: t('search.close'),
    unavailable: t('search.unavailable'),
    showingFor: t('search.showingFor'),
    searchInstead: t('search.searchInstead'),
  };
}

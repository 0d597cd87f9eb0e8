import i18next, { type TFunction } from 'i18next';
import { defaultLocale, localeCodes, locales, type LocaleCode } from './locales.ts';
import en from './translations/en.json' with { type: 'json' };
import ko from './translations/ko.json' with { type: 'json' };
import es from './translations/es.json' with { type: 'json' };
import fr from './translations/fr.json' with { type: 'json' };
import ar from './translations/ar.json' with { type: 'json' };
import zh from './translations/zh.json' with { type: 'json' };
import vi from './translations/vi.json' with { type: 'json' };
import id from './translations/id.json' with { type: 'json' };

type PluralBase<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : never;
/** A key of the source dictionary (`en.json`), or the base of a plural key (`cases.count`). */
export type UiKey = keyof typeof en | PluralBase<keyof typeof en>;

/** Every dictionary, by locale. */
export const dictionaries: Record<LocaleCode, Partial<Record<keyof typeof en, string>>> = { en, ko, es, fr, ar, zh, vi, id };

const i18n = i18next.createInstance();
void i18n.init({
  initAsync: false,
  resources: Object.fromEntries(localeCodes.map((code) => [code, { translation: dictionaries[code] }])),
  lng: defaultLocale,
  fallbackLng: (code: string) => [...(locales[code as LocaleCode]?.fallback ?? []), defaultLocale],
  // Flat `area.purpose` keys: a dot is part of the key, not a path.
  keySeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Interface strings for one locale: `t('case.sources')`, with the locale's fallback chain. */
export function useTranslations(locale: LocaleCode): (key: UiKey, options?: Record<string, unknown>) => string {
  const t: TFunction = i18n.getFixedT(locale);
  return (key, options) => t(key, options ?? {}) as string;
}

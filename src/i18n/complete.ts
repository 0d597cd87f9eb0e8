import en from './translations/en.json' with { type: 'json' };
import { dictionaries } from './index.ts';
import type { LocaleCode } from './locales.ts';

/** True when a locale's interface dictionary has every key of the English source. */
export function hasCompleteDictionary(locale: LocaleCode): boolean {
  const own = dictionaries[locale];
  return Object.keys(en).every((key) => key in own);
}

import en from './translations/en.json' with { type: 'json' };
import { dictionaries } from './index.ts';
import type { LocaleCode } from './locales.ts';

const plural = /_(zero|one|two|few|many|other)$/;

/**
 * True when a locale's interface dictionary has every key of the English source; a plural key
 * counts as present when the locale has any of its forms (Chinese has no `_one`).
 */
export function hasCompleteDictionary(locale: LocaleCode): boolean {
  const own = Object.keys(dictionaries[locale]);
  return Object.keys(en).every((key) => (plural.test(key) ? own.some((k) => k.replace(plural, '') === key.replace(plural, '')) : own.includes(key)));
}

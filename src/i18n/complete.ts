import en from './translations/en.json' with { type: 'json' };
import { dictionaries } from './index.ts';
import { localeCodes, type LocaleCode } from './locales.ts';

const plural = /_(zero|one|two|few|many|other)$/;

/**
 * True when a locale's interface dictionary has every key of the English source; a plural key
 * counts as present when the locale has any of its forms (Chinese has no `_one`).
 */
export function hasCompleteDictionary(locale: LocaleCode): boolean {
  const own = Object.keys(dictionaries[locale]);
  return Object.keys(en).every((key) => (plural.test(key) ? own.some((k) => k.replace(plural, '') === key.replace(plural, '')) : own.includes(key)));
}

/**
 * For a page made of interface strings only (cases list, search, pack): the locales it exists in
 * with their own words (hreflang alternates), and those that would show English words in places
 * (`Base`'s `fallbackLocales`).
 */
export function interfaceLocales(): { alternates: LocaleCode[]; fallbackLocales: LocaleCode[] } {
  const own = localeCodes.filter(hasCompleteDictionary);
  return { alternates: own, fallbackLocales: localeCodes.filter((c) => !own.includes(c)) };
}

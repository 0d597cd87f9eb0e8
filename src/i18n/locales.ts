/**
 * The one table of languages the manual is published in. Routes, fonts, text direction,
 * number formats and the search language all derive from this table.
 * Adding a locale = one row here + one dictionary in `translations/` + content.
 */
export const locales = {
  ko: { name: '한국어', english: 'Korean', dir: 'ltr', fallback: [], bcp47: 'ko-KR' },
  en: { name: 'English', english: 'English', dir: 'ltr', fallback: ['ko'], bcp47: 'en' },
  es: { name: 'Español', english: 'Spanish', dir: 'ltr', fallback: ['en', 'ko'], bcp47: 'es-419' },
  fr: { name: 'Français', english: 'French', dir: 'ltr', fallback: ['en', 'ko'], bcp47: 'fr' },
  ar: { name: 'العربية', english: 'Arabic', dir: 'rtl', fallback: ['en', 'ko'], bcp47: 'ar' },
  zh: { name: '简体中文', english: 'Chinese (Simplified)', dir: 'ltr', fallback: ['en', 'ko'], bcp47: 'zh-Hans' },
  vi: { name: 'Tiếng Việt', english: 'Vietnamese', dir: 'ltr', fallback: ['en', 'ko'], bcp47: 'vi' },
  id: { name: 'Bahasa Indonesia', english: 'Indonesian', dir: 'ltr', fallback: ['en', 'ko'], bcp47: 'id' },
} as const satisfies Record<string, LocaleInfo>;

/** What the table says about one locale. */
export interface LocaleInfo {
  /** The language's name in its own language, as the language switcher shows it. */
  name: string;
  /** The language's name in English, for staff-facing messages. */
  english: string;
  dir: 'ltr' | 'rtl';
  /** Where content comes from when this locale has none, in order. */
  fallback: readonly LocaleCode[];
  /** The tag handed to `Intl` for numbers, dates and names. */
  bcp47: string;
}

/** A locale code such as `ko` or `ar`. */
export type LocaleCode = 'ko' | 'en' | 'es' | 'fr' | 'ar' | 'zh' | 'vi' | 'id';

/** Every locale code, in the order the language switcher lists them. */
export const localeCodes = Object.keys(locales) as LocaleCode[];

/** The language staff write first. */
export const sourceLocale: LocaleCode = 'ko';

/** The language visitors get by default and translations are made from. */
export const defaultLocale: LocaleCode = 'en';

/** Whether a string is one of our locale codes. */
export function isLocale(value: string): value is LocaleCode {
  return Object.hasOwn(locales, value);
}

/** The table row for a locale. */
export function localeInfo(code: LocaleCode): LocaleInfo {
  return locales[code];
}

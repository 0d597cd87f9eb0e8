/**
 * The one table of languages the manual is published in. Routes, fonts, text direction,
 * number formats and the search language all derive from this table.
 * Adding a locale = one row here + its dictionary in `translations/` (imported in `index.ts`;
 * TypeScript names it when missing) + content.
 */
const table = {
  ko: { script: 'hangul', name: '한국어', english: 'Korean', dir: 'ltr', fallback: [], bcp47: 'ko-KR' },
  en: { script: 'latin', name: 'English', english: 'English', dir: 'ltr', fallback: ['ko'], bcp47: 'en' },
  es: { script: 'latin', name: 'Español', english: 'Spanish', dir: 'ltr', fallback: ['en', 'ko'], bcp47: 'es-419' },
  fr: { script: 'latin', name: 'Français', english: 'French', dir: 'ltr', fallback: ['en', 'ko'], bcp47: 'fr' },
  ar: { script: 'arabic', name: 'العربية', english: 'Arabic', dir: 'rtl', fallback: ['en', 'ko'], bcp47: 'ar' },
  zh: { script: 'hans', name: '简体中文', english: 'Chinese (Simplified)', dir: 'ltr', fallback: ['en', 'ko'], bcp47: 'zh-Hans' },
  vi: { script: 'latin', name: 'Tiếng Việt', english: 'Vietnamese', dir: 'ltr', fallback: ['en', 'ko'], bcp47: 'vi' },
  id: { script: 'latin', name: 'Bahasa Indonesia', english: 'Indonesian', dir: 'ltr', fallback: ['en', 'ko'], bcp47: 'id' },
} as const satisfies Record<string, LocaleInfo<string>>;

/** A locale code such as `ko` or `ar`: a key of the table. */
export type LocaleCode = keyof typeof table;

/** The table, checked: every fallback names a locale of the table. */
export const locales: Record<LocaleCode, LocaleInfo> = table;

/** What the table says about one locale. */
export interface LocaleInfo<Code extends string = LocaleCode> {
  /** The script it is written in: which self-hosted font family sets it (`src/i18n/fonts.ts`). */
  script: 'latin' | 'hangul' | 'hans' | 'arabic';
  /** The language's name in its own language, as the language switcher shows it. */
  name: string;
  /** The language's name in English, for staff-facing messages. */
  english: string;
  dir: 'ltr' | 'rtl';
  /** Where content comes from when this locale has none, in order. */
  fallback: readonly Code[];
  /** The tag handed to `Intl` for numbers, dates and names. */
  bcp47: string;
}

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

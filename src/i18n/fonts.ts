import type { LocaleCode } from './locales.ts';

/**
 * The self-hosted fonts, one stylesheet per script. Each is built from a `@fontsource` package
 * (woff2 only, weights 400 and 700, every unicode-range slice), so a page downloads only the
 * slices for the characters it shows. No font is ever requested from another origin.
 */
export const fontScripts = {
  latin: { pkg: '@fontsource/noto-sans', family: 'Noto Sans', keep: /latin|vietnamese/ },
  hangul: { pkg: '@fontsource/noto-sans-kr', family: 'Noto Sans KR', keep: /./ },
  hans: { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC', keep: /./ },
  arabic: { pkg: '@fontsource/noto-sans-arabic', family: 'Noto Sans Arabic', keep: /./ },
} as const;

/** A script the site has a font for. */
export type FontScript = keyof typeof fontScripts;

/** The weights the site uses. */
export const fontWeights = [400, 700] as const;

/** The script a locale is written in. */
export const localeScript: Record<LocaleCode, FontScript> = {
  ko: 'hangul',
  en: 'latin',
  es: 'latin',
  fr: 'latin',
  ar: 'arabic',
  zh: 'hans',
  vi: 'latin',
  id: 'latin',
};

/** The stylesheets a page needs: Latin always, plus the scripts of its languages. */
export function fontStylesheets(...langs: LocaleCode[]): string[] {
  const scripts = new Set<FontScript>(['latin', ...langs.map((l) => localeScript[l])]);
  return [...scripts].map((s) => `/fonts/${s}.css`);
}

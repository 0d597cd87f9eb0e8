import { localeInfo, type LocaleCode, type LocaleInfo } from './locales.ts';

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
} as const satisfies Record<LocaleInfo['script'], { pkg: string; family: string; keep: RegExp }>;

/**
 * Glyphs the Latin font lacks, borrowed from another Noto face of the same design so no system font
 * ever fills in (it would differ per machine, on screen and in the PDFs): the arrows of a change
 * ("55.2% → 94.4%", "←" in right-to-left text). Each becomes an @font-face of the Latin family
 * limited to those code points, so the file is fetched only by a page that shows one.
 */
export const borrowedGlyphs = [{ pkg: '@fontsource/noto-sans-kr', codepoints: [0x2190, 0x2192] }] as const;

/** A script the site has a font for. */
export type FontScript = keyof typeof fontScripts;

/** The weights the site uses. */
export const fontWeights = [400, 700] as const;

/** Characters of each non-Latin script, and a locale written in it. */
const scriptSamples: ReadonlyArray<[RegExp, LocaleCode]> = [
  [/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/, 'ko'],
  [/[\u3400-\u4dbf\u4e00-\u9fff]/, 'zh'],
  [/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]/, 'ar'],
];

/**
 * The locales whose fonts some content needs besides its own: an English case that names
 * "서울국제사업단" needs the Korean font, or a system font would draw it (and enter the PDF).
 * Takes texts and data (frontmatter, case data, table rows), searched as written.
 */
export function textLangs(...parts: unknown[]): LocaleCode[] {
  const text = parts.map((p) => (typeof p === 'string' ? p : JSON.stringify(p ?? ''))).join('\n');
  return scriptSamples.flatMap(([pattern, locale]) => (pattern.test(text) ? [locale] : []));
}

/** The stylesheets a page needs: Latin always, plus the scripts of its languages. */
export function fontStylesheets(...langs: LocaleCode[]): string[] {
  const scripts = new Set<FontScript>(['latin', ...langs.map((l) => localeInfo(l).script)]);
  return [...scripts].map((s) => `/fonts/${s}.css`);
}

import { localeInfo, type LocaleCode, type LocaleInfo } from './locales.ts';

/**
 * The self-hosted fonts, one stylesheet per script. Each is built from a `@fontsource` package
 * (woff2 only, weights 400 and 700, every unicode-range slice); a build then adds, per script and
 * weight, one file subset to the characters the site shows (`src/lib/font-subset.ts`, from the
 * whole font in `full`: package and file prefix), declared last so it is the face a page uses; the
 * slices stay for what a reader types into search. No font is ever requested from another origin.
 */
export const fontScripts = {
  latin: { pkg: '@fontsource/noto-sans', family: 'Noto Sans', keep: /latin|vietnamese/, full: ['@expo-google-fonts/noto-sans', 'NotoSans'] },
  hangul: { pkg: '@fontsource/noto-sans-kr', family: 'Noto Sans KR', keep: /./, full: ['@expo-google-fonts/noto-sans-kr', 'NotoSansKR'] },
  hans: { pkg: '@fontsource/noto-sans-sc', family: 'Noto Sans SC', keep: /./, full: ['@expo-google-fonts/noto-sans-sc', 'NotoSansSC'] },
  arabic: { pkg: '@fontsource/noto-sans-arabic', family: 'Noto Sans Arabic', keep: /./, full: ['@expo-google-fonts/noto-sans-arabic', 'NotoSansArabic'] },
} as const satisfies Record<LocaleInfo['script'], { pkg: string; family: string; keep: RegExp; full: readonly [string, string] }>;

/**
 * The order in which text of each script looks for a family (`src/styles/scripts.css`, and
 * `--font-sans` in `theme.css` for Latin): the first family whose faces cover a character draws it.
 * The font subsetter follows it to know which family draws which character.
 */
export const fontStacks = {
  latin: ['latin', 'hangul', 'hans', 'arabic'],
  hangul: ['hangul', 'latin', 'hans', 'arabic'],
  hans: ['hans', 'latin', 'hangul', 'arabic'],
  arabic: ['arabic', 'latin', 'hangul', 'hans'],
} as const satisfies Record<LocaleInfo['script'], readonly LocaleInfo['script'][]>;

/**
 * Glyphs the Latin font lacks, borrowed from another Noto face of the same design so no system font
 * ever fills in (it would differ per machine, on screen and in the PDFs): the arrows of a change
 * ("55.2% → 94.4%", "←" in right-to-left text). Each becomes an @font-face of the Latin family
 * limited to those code points, so the file is fetched only by a page that shows one.
 */
export const borrowedGlyphs = [{ pkg: '@fontsource/noto-sans-kr', codepoints: [0x2190, 0x2192] }] as const;

/**
 * Characters only one locale's text needs, cut into faces of their own (declared with their
 * unicode-range, so a page that shows none of them never fetches them) and preloaded on that
 * locale's pages only: Vietnamese letters with tone marks (the range Google Fonts gives its
 * Vietnamese slice) would otherwise make every English, Spanish, French and Indonesian page load
 * glyphs it never shows.
 */
export const localeSlices: Partial<Record<LocaleCode, string>> = {
  vi: 'U+102-103,U+110-111,U+128-129,U+168-169,U+1A0-1A1,U+1AF-1B0,U+300-301,U+303-304,U+308-309,U+323,U+329,U+1EA0-1EF9,U+20AB',
};

/** A script the site has a font for. */
export type FontScript = keyof typeof fontScripts;

/** The weights the site uses. */
export const fontWeights = [400, 700] as const;

/**
 * The OpenType layout features subsets keep: those a browser (HarfBuzz) turns on by default for
 * horizontal text in any script, plus `tnum`, which the CSS asks for (`tabular-nums`). The fonts'
 * other features (small capitals, stylistic sets, fractions, ordinals, vertical forms…) are never
 * used here, and keeping them keeps every glyph they reach: a Latin subset is 39 % smaller without
 * them, a Korean one 25 %.
 */
export const layoutFeatures = [
  ...['abvf', 'abvm', 'abvs', 'akhn', 'blwf', 'blwm', 'blws', 'calt', 'ccmp', 'cfar', 'cjct', 'clig', 'curs', 'dist', 'fin2', 'fin3', 'fina'],
  ...['half', 'haln', 'init', 'isol', 'kern', 'liga', 'ljmo', 'locl', 'mark', 'med2', 'medi', 'mkmk', 'mset', 'nukt', 'pref', 'pres'],
  ...['pstf', 'psts', 'rclt', 'rkrf', 'rlig', 'rphf', 'rvrn', 'stch', 'tjmo', 'vatu', 'vjmo', 'tnum'],
] as const;

/** One `@font-face` rule of the site's font stylesheets: a woff2 under `/fonts/`, for `range`. */
export function fontFaceRule(family: string, weight: number, file: string, range: string): string {
  return `@font-face{font-family:'${family}';font-style:normal;font-display:swap;font-weight:${weight};src:url(/fonts/${file}) format('woff2');unicode-range:${range}}`;
}

/** A `unicode-range` value (`U+0000-00FF,U+0131`) as [from, to] pairs. */
export function parseUnicodeRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(from, 16), parseInt(to, 16)];
  });
}

/** Code points written as a compact `unicode-range` value (`U+20,U+41-5A`). */
export function formatUnicodeRange(codepoints: Iterable<number>): string {
  const sorted = [...new Set(codepoints)].sort((a, b) => a - b);
  const hex = (n: number) => n.toString(16).toUpperCase();
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const [from = 0, to = 0] = [sorted[i], sorted[j]];
    parts.push(i === j ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`);
    i = j + 1;
  }
  return parts.join(',');
}

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

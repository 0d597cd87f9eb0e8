import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import { borrowedGlyphs, fontFaceRule, fontScripts, fontWeights, formatUnicodeRange, parseUnicodeRange } from '../i18n/fonts.ts';

const require = createRequire(import.meta.url);

/**
 * Writes `public/fonts/`: the woff2 slices of every font the site uses and one stylesheet per
 * script (`/fonts/hangul.css`…), before Astro builds or serves. The folder is generated, not committed.
 */
export function selfHostedFonts(): AstroIntegration {
  return {
    name: 'ssm:fonts',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const files = writeSliceFonts(path.join(new URL(config.publicDir).pathname, 'fonts'));
        logger.info(`self-hosted fonts ready in public/fonts/ (${files} slices)`);
      },
    },
  };
}

/**
 * Copies every `@fontsource` slice the site uses into `out` and writes `{script}-all.css` (every
 * slice, for what a reader types into search) and `{script}.css` (the same until a build replaces
 * it with faces cut to the site's characters, src/lib/font-subset.ts). Returns the slice count.
 */
export function writeSliceFonts(out: string): number {
  fs.mkdirSync(out, { recursive: true });
  let files = 0;
  for (const [script, font] of Object.entries(fontScripts)) {
    const pkgDir = path.dirname(require.resolve(`${font.pkg}/package.json`));
    const rules: string[] = [];
    for (const weight of fontWeights) {
      const css = fs.readFileSync(path.join(pkgDir, `${weight}.css`), 'utf8');
      for (const block of css.split('/* ').slice(1)) {
        const name = block.slice(0, block.indexOf(' */'));
        if (!font.keep.test(name)) continue;
        const woff2 = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
        const range = /unicode-range: ([^;]+);/.exec(block)?.[1];
        if (!woff2 || !range) continue;
        const target = path.join(out, woff2);
        if (!fs.existsSync(target)) fs.copyFileSync(path.join(pkgDir, 'files', woff2), target);
        files++;
        rules.push(fontFaceRule(font.family, weight, woff2, range));
      }
    }
    if (script === 'latin') rules.push(...borrowedFaces(out, font.family));
    fs.writeFileSync(path.join(out, `${script}-all.css`), `${rules.join('\n')}\n`);
    fs.writeFileSync(path.join(out, `${script}.css`), `${rules.join('\n')}\n`);
  }
  return files;
}

/** Whether a fontsource `unicode-range` value (`U+2190,U+2192-2193,…`) covers a code point. */
function covers(range: string, codepoint: number): boolean {
  return parseUnicodeRange(range).some(([from, to]) => codepoint >= from && codepoint <= to);
}

/** @font-face rules that give `family` the glyphs of {@link borrowedGlyphs}, copying their slices to `out`. */
function borrowedFaces(out: string, family: string): string[] {
  return borrowedGlyphs.flatMap(({ pkg, codepoints }) => {
    const pkgDir = path.dirname(require.resolve(`${pkg}/package.json`));
    return fontWeights.flatMap((weight) => {
      const blocks = fs
        .readFileSync(path.join(pkgDir, `${weight}.css`), 'utf8')
        .split('/* ')
        .slice(1);
      return codepoints.flatMap((codepoint) => {
        const block = blocks.find((b) => covers(/unicode-range: ([^;]+);/.exec(b)?.[1] ?? '', codepoint));
        const woff2 = block && /url\(\.\/files\/([^)]+\.woff2)\)/.exec(block)?.[1];
        if (!woff2) throw new Error(`${pkg} has no glyph for U+${codepoint.toString(16)}: choose another font to borrow it from (src/i18n/fonts.ts)`);
        const target = path.join(out, woff2);
        if (!fs.existsSync(target)) fs.copyFileSync(path.join(pkgDir, 'files', woff2), target);
        return [fontFaceRule(family, weight, woff2, formatUnicodeRange([codepoint]))];
      });
    });
  });
}

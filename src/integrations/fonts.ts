import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { AstroIntegration } from 'astro';
import { borrowedGlyphs, fontScripts, fontWeights } from '../i18n/fonts.ts';

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
        const out = path.join(new URL(config.publicDir).pathname, 'fonts');
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
              rules.push(
                `@font-face{font-family:'${font.family}';font-style:normal;font-display:swap;font-weight:${weight};src:url(/fonts/${woff2}) format('woff2');unicode-range:${range}}`,
              );
            }
          }
          if (script === 'latin') rules.push(...borrowedFaces(out, font.family));
          // `{script}-all.css`: every slice, for what a reader types into search. `{script}.css` is the
          // same until a build replaces it with faces cut to the site's characters (src/lib/font-subset.ts).
          fs.writeFileSync(path.join(out, `${script}-all.css`), `${rules.join('\n')}\n`);
          fs.writeFileSync(path.join(out, `${script}.css`), `${rules.join('\n')}\n`);
        }
        logger.info(`self-hosted fonts ready in public/fonts/ (${files} slices)`);
      },
    },
  };
}

/** Whether a fontsource `unicode-range` value (`U+2190,U+2192-2193,…`) covers a code point. */
function covers(range: string, codepoint: number): boolean {
  return range.split(',').some((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return codepoint >= parseInt(from, 16) && codepoint <= parseInt(to, 16);
  });
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
        const range = `U+${codepoint.toString(16).toUpperCase()}`;
        return [
          `@font-face{font-family:'${family}';font-style:normal;font-display:swap;font-weight:${weight};src:url(/fonts/${woff2}) format('woff2');unicode-range:${range}}`,
        ];
      });
    });
  });
}

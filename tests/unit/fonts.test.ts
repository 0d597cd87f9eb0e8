import fs from 'node:fs';
import path from 'node:path';
import subsetFont from 'subset-font';
import { beforeEach, describe, expect, it } from 'vitest';
import { fontScripts, fontStacks, parseUnicodeRange, type FontScript } from '../../src/i18n/fonts.ts';
import { writeSliceFonts } from '../../src/integrations/fonts.ts';
import { preloadFonts, subsetSiteFonts, usedCharacters } from '../../src/lib/font-subset.ts';
import { outRoot, root } from '../setup/sites.ts';

/** A built site of one page, with the slice stylesheets a build starts from. */
function site(html: string): string {
  const dir = path.join(outRoot, 'font-site');
  fs.rmSync(dir, { recursive: true, force: true });
  writeSliceFonts(path.join(dir, 'fonts'));
  fs.mkdirSync(path.join(dir, 'en/page'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'en/page/index.html'),
    `<!doctype html><html lang="${/lang="(\w+)"/.exec(html)?.[1] ?? 'en'}"><head><link rel="stylesheet" href="/fonts/latin.css"></head>${html}</html>`,
  );
  return dir;
}

const has = (set: Set<number>, text: string) => [...text].every((c) => set.has(c.codePointAt(0) ?? 0));

describe('which font draws which character', () => {
  beforeEach(() => fs.rmSync(path.join(outRoot, 'font-site'), { recursive: true, force: true }));

  it('follows the language of each element as the stylesheets do', () => {
    const { usage } = usedCharacters(
      site('<body lang="ko"><p>서울 <a lang="vi">Tiếng Việt</a></p><p lang="zh">中文</p><p lang="ar">سيول</p><p lang="en">abc</p></body>'),
    );
    // Korean sets its own stack; Vietnamese and English inside it inherit it (no :lang rule of theirs).
    expect(has(usage.hangul, '서울ếệabc')).toBe(true);
    expect(has(usage.hans, '中文')).toBe(true);
    expect(has(usage.arabic, 'سيول')).toBe(true);
    // A style may write letters in the other case (text-transform: uppercase).
    expect(has(usage.hangul, 'ABC')).toBe(true);
  });

  it('refuses a character none of the fonts has, naming the page, and lets invisible marks through', async () => {
    const dir = site('<body><p>Sawasdee: \u0e2a\u0e27\u0e31\u0e2a\u0e14\u0e35 \u200f</p></body>');
    expect(usedCharacters(dir).uncovered.get(0x0e2a)).toBe('/en/page/');
    expect(usedCharacters(dir).uncovered.has(0x200f)).toBe(false);
    await expect(subsetSiteFonts(dir)).rejects.toThrow(/"ส" \(U\+0E2A\) on \/en\/page\/.*add a font that has them \(src\/i18n\/fonts\.ts\)/);
  });

  it('writes each script sheet as the faces cut for it, and preloads the page’s own', async () => {
    const dir = site('<body lang="ko"><h1>서울의 물</h1><p>Arisu → 94.4%</p></body>');
    const report = await subsetSiteFonts(dir);
    const hangul = fs.readFileSync(path.join(dir, 'fonts/hangul.css'), 'utf8');
    expect(hangul.match(/@font-face/g)).toHaveLength(2);
    expect(hangul).toContain('U+C11C'); // 서
    expect(hangul).not.toContain('noto-sans-kr-');
    for (const { file, bytes } of report.hangul) expect(fs.statSync(path.join(dir, file)).size).toBe(bytes);
    // The Latin sheet carries the language names of the other scripts, for every page's menu.
    expect(fs.readFileSync(path.join(dir, 'fonts/latin.css'), 'utf8')).toMatch(/names-hangul-400\.\w+\.woff2/);
    expect(preloadFonts(dir, report)).toBe(1);
    const page = fs.readFileSync(path.join(dir, 'en/page/index.html'), 'utf8');
    for (const { file } of report.hangul) expect(page).toContain(`<link rel="preload" href="${file}" as="font" type="font/woff2" crossorigin>`);
  });
});

describe('what a page downloads', () => {
  beforeEach(() => fs.rmSync(path.join(outRoot, 'font-site'), { recursive: true, force: true }));

  it('gives Vietnamese letters a face of their own, preloaded on Vietnamese pages only, and keeps no unused layout features', async () => {
    const dir = site('<body lang="en"><h1>Water</h1><p>clean</p></body>');
    fs.mkdirSync(path.join(dir, 'vi/page'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'vi/page/index.html'),
      '<!doctype html><html lang="vi"><head><link rel="stylesheet" href="/fonts/latin.css"></head><body><h1>Nước</h1><p>sạch</p></body></html>',
    );
    const report = await subsetSiteFonts(dir);
    const vi = report.latin.filter((f) => f.only === 'vi');
    expect(vi.map((f) => f.weight).sort()).toEqual([400, 700]);
    const latin = fs.readFileSync(path.join(dir, 'fonts/latin.css'), 'utf8');
    // The shared face has no Vietnamese letter; the Vietnamese face has ư and ạ and nothing else.
    const range = (file: string) => {
      const rule = latin.split('}').find((r) => r.includes(path.basename(file))) ?? '';
      return new Set(parseUnicodeRange(/unicode-range:([^;}]+)/.exec(rule)?.[1] ?? '').flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)));
    };
    const shared = report.latin.find((f) => !f.only && f.weight === 400);
    expect(has(range(shared?.file ?? ''), 'Waterclean')).toBe(true);
    expect(has(range(vi[0]?.file ?? ''), 'ưạ')).toBe(true);
    for (const c of 'ưạ') expect(range(shared?.file ?? '').has(c.codePointAt(0) ?? 0)).toBe(false);
    expect(preloadFonts(dir, report)).toBe(2);
    const en = fs.readFileSync(path.join(dir, 'en/page/index.html'), 'utf8');
    const viPage = fs.readFileSync(path.join(dir, 'vi/page/index.html'), 'utf8');
    for (const f of vi) {
      expect(en).not.toContain(f.file);
      expect(viPage).toContain(`<link rel="preload" href="${f.file}"`);
    }
    // Small capitals, stylistic sets and the like are not kept (only what browsers use by default,
    // and tabular figures): the face is well under a cut of the same characters with every feature.
    const file = path.join(dir, shared?.file ?? '');
    const text = [...range(shared?.file ?? '')].map((cp) => String.fromCodePoint(cp)).join('');
    const full = fs.readFileSync(path.join(root, 'node_modules/@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'));
    const everything = await subsetFont(full, text, { targetFormat: 'woff2' });
    expect(fs.statSync(file).size).toBeLessThan(everything.length * 0.8);
  });
});

describe('font stacks', () => {
  it('are the ones the stylesheets set (the subsetter follows them)', () => {
    const css = ['src/styles/scripts.css', 'src/styles/theme.css'].map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
    const byFamily = new Map<string, FontScript>(Object.entries(fontScripts).map(([script, font]) => [font.family, script as FontScript]));
    const stack = (declaration: string | undefined) =>
      (declaration ?? '')
        .split(',')
        .map((f) => byFamily.get(f.trim().replace(/['"]/g, '')))
        .filter(Boolean);
    expect(stack(/--font-sans:([^;]+);/.exec(css)?.[1])).toEqual(fontStacks.latin);
    for (const [lang, script] of [
      ['ko', 'hangul'],
      ['zh', 'hans'],
      ['ar', 'arabic'],
    ] as const) {
      expect(stack(new RegExp(`:lang\\(${lang}\\) \\{[^}]*font-family:([^;]+);`).exec(css)?.[1]), lang).toEqual(fontStacks[script]);
    }
  });
});

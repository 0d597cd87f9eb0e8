import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales.ts';
import { useBrowser } from '../setup/browser.ts';
import { sites } from '../setup/sites.ts';

const chromium = useBrowser(sites.main.out);

/**
 * Characters of bold text (weight 600 and up) that no bold face of their family covers: the
 * browser would draw them by thickening the regular face. The bold faces hold only what the
 * build counted as bold (`src/lib/font-subset.ts`), so this is where a miscount shows.
 */
const fakeBold = () => {
  const faces = [...document.fonts];
  const covers = (range: string, cp: number) =>
    range.split(',').some((part) => {
      const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
      return cp >= parseInt(from, 16) && cp <= parseInt(to, 16);
    });
  const missing = new Map<string, string>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !element.getClientRects().length) continue;
    const style = getComputedStyle(element);
    if (Number(style.fontWeight) < 600 || style.display === 'none' || style.visibility === 'hidden') continue;
    const families = style.fontFamily.split(',').map((f) => f.trim().replace(/^["']|["']$/g, ''));
    for (const char of node.textContent ?? '') {
      const cp = char.codePointAt(0) ?? 0;
      if (cp <= 0x20 || /\p{Default_Ignorable_Code_Point}/u.test(char)) continue;
      // The family that draws it: the first whose faces cover it at any weight.
      const family = families.find((f) => faces.some((face) => face.family.replace(/["']/g, '') === f && covers(face.unicodeRange, cp)));
      const bold = faces.some((face) => face.family.replace(/["']/g, '') === family && Number(face.weight) >= 600 && covers(face.unicodeRange, cp));
      if (family && !bold) missing.set(char, `${family}: "${(node.textContent ?? '').trim().slice(0, 40)}"`);
    }
  }
  return [...missing].map(([char, where]) => `${char} (${where})`);
};

describe('bold text is drawn with the bold faces', () => {
  it.each(localeCodes)('%s: every bold character of the pages and the printed manual has a bold glyph (no thickened regular)', async (locale) => {
    const page = await chromium.browser.newPage();
    const found: string[] = [];
    for (const route of [
      `/${locale}/`,
      `/${locale}/cases/`,
      `/${locale}/cases/water-supply/`,
      `/${locale}/track-record/`,
      `/${locale}/partner/`,
      `/print/${locale}/manual/`,
    ]) {
      await page.goto(`${chromium.origin}${route}`);
      found.push(...(await page.evaluate(fakeBold)).map((m) => `${route} ${m}`));
    }
    await page.close();
    expect(found).toEqual([]);
  });
});

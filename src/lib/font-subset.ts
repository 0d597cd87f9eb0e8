import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import * as hb from 'harfbuzzjs';
import { Parser } from 'htmlparser2';
import {
  borrowedGlyphs,
  fontFaceRule,
  fontScripts,
  fontStacks,
  fontWeights,
  formatUnicodeRange,
  layoutFeatures,
  localeSlices,
  parseUnicodeRange,
  type FontScript,
} from '../i18n/fonts.ts';
import { dictionaries } from '../i18n/index.ts';
import { isLocale, localeCodes, localeInfo, type LocaleCode } from '../i18n/locales.ts';

const require = createRequire(import.meta.url);

/** Code points, by the family that draws them. */
type Usage = Record<FontScript, Set<number>>;

/** Interface strings that scripts write into pages (search, offline copies, packs, inquiries). */
const clientStrings = /^(search|kind|offline|pack|inquiry)\./;

/** Characters the pages draw that none of the site's fonts has, with a page that draws each. */
export type Uncovered = Map<number, string>;

/** Attributes whose values are never drawn as text (addresses, names for code, styling). */
const notText = new Set(['href', 'src', 'srcset', 'sizes', 'class', 'id', 'style', 'rel', 'type', 'integrity', 'crossorigin', 'http-equiv', 'as', 'media']);

/** The characters a font file has glyphs for (its cmap). */
function cmap(file: string): Set<number> {
  return new Set(new hb.Face(new hb.Blob(fs.readFileSync(file))).collectUnicodes());
}

/**
 * What each family draws: the ranges its slices declare (as the browser sees them), narrowed to
 * the characters its font really has — a browser passes a character the font lacks on to the next
 * family of the stack. Glyphs borrowed from another font count for the family that borrows them.
 */
function coverage(siteDir: string): Record<FontScript, (cp: number) => boolean> {
  return Object.fromEntries(
    (Object.keys(fontScripts) as FontScript[]).map((script) => {
      const css = fs.readFileSync(path.join(siteDir, 'fonts', `${script}-all.css`), 'utf8');
      const declared = [...css.matchAll(/unicode-range:([^;}]+)/g)].flatMap(([, r]) => parseUnicodeRange(r ?? ''));
      const font = fontScripts[script];
      const has = cmap(fullFont(font.full[0], font.full[1], 400));
      const borrowed = new Set<number>(script === 'latin' ? borrowedGlyphs.flatMap((b) => [...b.codepoints]) : []);
      return [script, (cp: number) => borrowed.has(cp) || (has.has(cp) && declared.some(([from, to]) => cp >= from && cp <= to))];
    }),
  ) as Record<FontScript, (cp: number) => boolean>;
}

/**
 * Which family draws each character the built site shows: every HTML page's text and attribute
 * values, read with the language of the element they are in (its script's font stack decides),
 * the strings stylesheets insert (`content: "→"`), under every stack, and the interface strings
 * the search script writes. Text no family of its stack has is returned as `uncovered`, with a
 * page that shows it (a browser would draw it with a system font).
 */
export function usedCharacters(siteDir: string): { usage: Usage; bold: Usage; uncovered: Uncovered } {
  const covers = coverage(siteDir);
  // Characters by the script of their text first (cheap), resolved to families once each at the end.
  const seen = Object.fromEntries(Object.keys(fontScripts).map((s) => [s, new Set<number>()])) as Usage;
  // The same, for text that may be drawn bold (a subset: the bold faces hold only these).
  const seenBold = Object.fromEntries(Object.keys(fontScripts).map((s) => [s, new Set<number>()])) as Usage;
  const boldSelectors: BoldSelectors = { tags: new Set(['b', 'strong', 'th', 'optgroup']), classes: new Set(), attributes: new Set() };
  for (const file of fs.globSync('**/*.css', { cwd: siteDir })) addBoldSelectors(fs.readFileSync(path.join(siteDir, file), 'utf8'), boldSelectors);
  // Where a character is first drawn as text, to name a page in an error.
  const shownOn = new Map<number, string>();
  const draw = (text: string, script: FontScript, page?: string, bold = true) => {
    if (bold) draw(text, script, page, false);
    const set = bold ? seenBold[script] : seen[script];
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i) ?? 0;
      if (cp > 0xffff) i++;
      if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || set.has(cp)) continue;
      set.add(cp);
      if (page && !shownOn.has(cp)) shownOn.set(cp, page);
    }
  };
  // Letters also in the other case: `text-transform: uppercase` draws what the HTML does not contain.
  const withCases = (cps: Set<number>) => {
    for (const cp of [...cps]) {
      const char = String.fromCodePoint(cp);
      for (const other of [char.toUpperCase(), char.toLowerCase()]) if (other.length === char.length) cps.add(other.codePointAt(0) ?? cp);
    }
  };
  // A stack is set for Korean, Chinese and Arabic (`:lang(ko)`…); text in any other language
  // inherits its parent's stack (a `lang="vi"` name in a Korean menu is drawn with the Korean stack).
  const scriptOf = (lang: string, parent: FontScript): FontScript => {
    const base = lang.toLowerCase().split('-')[0] ?? '';
    const script = isLocale(base) ? localeInfo(base).script : 'latin';
    return script === 'latin' ? parent : script;
  };
  for (const file of fs.globSync('**/*.html', { cwd: siteDir }).sort()) {
    const page = `/${file.replace(/index\.html$/, '')}`;
    const stack: { name: string; script: FontScript; bold: boolean }[] = [];
    // A page's own style rules (components' scoped styles) may make more elements bold.
    const pageBold: BoldSelectors = {
      tags: new Set(boldSelectors.tags),
      classes: new Set(boldSelectors.classes),
      attributes: new Set(boldSelectors.attributes),
    };
    const parser = new Parser(
      {
        onopentag(name, attribs) {
          const parent = stack.at(-1);
          const script = attribs['lang'] !== undefined ? scriptOf(attribs['lang'], parent?.script ?? 'latin') : (parent?.script ?? 'latin');
          const bold = (parent?.bold ?? false) || pageBold.tags.has(name) || (attribs['class'] ?? '').split(/\s+/).some((c) => pageBold.classes.has(c));
          stack.push({ name, script, bold });
          for (const [key, value] of Object.entries(attribs)) if (!notText.has(key)) draw(value, script, undefined, bold || pageBold.attributes.has(key));
        },
        ontext(text) {
          const top = stack.at(-1);
          if (top?.name === 'style') addBoldSelectors(text, pageBold);
          else if (top && top.name !== 'script') draw(text, top.script, page, top.bold);
        },
        onclosetag() {
          stack.pop();
        },
      },
      { decodeEntities: true },
    );
    parser.write(fs.readFileSync(path.join(siteDir, file), 'utf8'));
    parser.end();
  }
  for (const file of fs.globSync('**/*.css', { cwd: siteDir })) {
    const css = fs.readFileSync(path.join(siteDir, file), 'utf8');
    for (const [, a, b] of css.matchAll(/content:\s*(?:"([^"]*)"|'([^']*)')/g)) {
      // CSS escapes: `\2192 ` is →.
      const text = (a ?? b ?? '').replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
      for (const script of Object.keys(fontStacks) as FontScript[]) draw(text, script, `/${file}`, true);
    }
  }
  // Interface strings the search script writes into the page (results count, no results…); and
  // digits in bold, for counters a style draws (`content: counter(step)`).
  // Those written by scripts count as bold too: their elements' weight is not in the HTML.
  for (const code of localeCodes)
    for (const [key, value] of Object.entries(dictionaries[code])) draw(value, localeInfo(code).script, undefined, clientStrings.test(key));
  for (const script of Object.keys(fontStacks) as FontScript[]) draw('0123456789', script, undefined, true);
  const usage = Object.fromEntries(Object.keys(fontScripts).map((s) => [s, new Set<number>()])) as Usage;
  const bold = Object.fromEntries(Object.keys(fontScripts).map((s) => [s, new Set<number>()])) as Usage;
  const uncovered: Uncovered = new Map();
  for (const script of Object.keys(seen) as FontScript[]) {
    for (const [drawn, into] of [
      [seen[script], usage],
      [seenBold[script], bold],
    ] as const) {
      drawn.add(0x20).add(0xa0);
      withCases(drawn);
      for (const cp of drawn) {
        const family = fontStacks[script].find((f) => covers[f](cp));
        if (family) into[family].add(cp);
        // Invisible format characters (bidi marks, joiners) need no glyph.
        else if (!/\p{Default_Ignorable_Code_Point}/u.test(String.fromCodePoint(cp)) && shownOn.has(cp)) uncovered.set(cp, shownOn.get(cp) ?? '');
      }
    }
  }
  return { usage, bold, uncovered };
}

/** What the stylesheets draw bold: by the element's tag or a class, and attributes a bold `content: attr(…)` shows. */
export interface BoldSelectors {
  tags: Set<string>;
  classes: Set<string>;
  attributes: Set<string>;
}

/**
 * What a stylesheet makes bold (weight 600 and up), over-counted so no bold glyph is ever missing:
 * for each rule that sets such a weight, the tag or classes of the element each selector styles
 * (`.prose h2` → every h2; `th.key` → every th and every `.key`); for generated content
 * (`td::before { content: attr(data-label) }`) the attribute it shows (its strings and counters
 * are counted apart). A glyph left out would be drawn by the regular face made bold by the
 * browser, never by a system font.
 */
export function addBoldSelectors(css: string, into: BoldSelectors): void {
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const weight = /font-weight:\s*([^;}]+)/.exec(body ?? '')?.[1]?.trim() ?? '';
    if (!/^(bold|bolder|[6-9]\d\d|var\(--font-weight-(semibold|bold|extrabold|black)\))/.test(weight)) continue;
    for (const selector of (selectors ?? '').split(',')) {
      const subject =
        selector
          .trim()
          .split(/[\s>+~]+/)
          .at(-1) ?? '';
      if (/::?(before|after|marker)/.test(subject)) {
        for (const [, attribute] of (body ?? '').matchAll(/attr\(\s*([\w-]+)/g)) into.attributes.add(attribute ?? '');
        continue;
      }
      const tag = /^[a-z][a-z0-9-]*/i.exec(subject)?.[0];
      if (tag) into.tags.add(tag.toLowerCase());
      for (const [, name] of subject.matchAll(/\.((?:\\.|[\w-])+)/g)) into.classes.add((name ?? '').replace(/\\(.)/g, '$1'));
    }
  }
}

/** The whole font a family's subsets are cut from. */
function fullFont(pkg: string, prefix: string, weight: number): string {
  const name = { 400: '400Regular', 700: '700Bold' }[weight] ?? `${weight}`;
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), name, `${prefix}_${name}.ttf`);
}

/**
 * The subsetter itself: `subset-font`, the HarfBuzz it runs, the woff2 encoder and the layout
 * features kept. Another version may cut other bytes, so its subsets are not taken from the cache.
 */
const subsetterVersion = (() => {
  const subsetter = path.dirname(require.resolve('subset-font'));
  const local = createRequire(path.join(subsetter, 'index.js'));
  const encoder = createRequire(local.resolve('fontverter'));
  return createHash('sha256')
    .update(fs.readFileSync(path.join(subsetter, 'package.json')))
    .update(fs.readFileSync(local.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')))
    .update(fs.readFileSync(path.join(path.dirname(encoder.resolve('wawoff2')), 'package.json')))
    .update(layoutFeatures.join(' '))
    .digest('hex');
})();

/** Threads that cut subsets, one per core, started on first use and stopped by {@link subsetSiteFonts}. */
function cutterPool() {
  const workers: { worker: Worker; busy: number }[] = [];
  const waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void; slot: { busy: number } }>();
  let next = 0;
  const start = () => {
    const slot = { worker: new Worker(new URL('./font-cut-worker.ts', import.meta.url)), busy: 0 };
    slot.worker.on('message', (m: { id: number; bytes?: Uint8Array; error?: string }) => {
      const job = waiting.get(m.id);
      waiting.delete(m.id);
      if (job) job.slot.busy--;
      if (m.bytes) job?.resolve(Buffer.from(m.bytes));
      else job?.reject(new Error(`cutting a font subset failed: ${m.error ?? 'no answer'}`));
    });
    workers.push(slot);
    return slot;
  };
  return {
    /** Cuts on the thread with the fewest jobs waiting. */
    cut(source: Buffer, text: string): Promise<Buffer> {
      const id = next++;
      const idle = workers.find((w) => w.busy === 0);
      const slot = idle ?? (workers.length < Math.max(1, availableParallelism()) ? start() : workers.reduce((a, b) => (b.busy < a.busy ? b : a)));
      slot.busy++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject, slot });
        slot.worker.postMessage({ id, source, text });
      });
    },
    stop: () => Promise.all(workers.map((w) => w.worker.terminate())),
  };
}

type Cutter = ReturnType<typeof cutterPool>;

/** One subset file: cut once, kept in the cache by font, characters and subsetter. */
async function cut(cutter: Cutter, source: Buffer, codepoints: Set<number>, cacheDir: string | undefined): Promise<Buffer> {
  const text = String.fromCodePoint(...[...codepoints].sort((a, b) => a - b));
  const key = createHash('sha256').update(subsetterVersion).update(source).update(text).digest('hex').slice(0, 24);
  const cached = cacheDir ? path.join(cacheDir, `${key}.woff2`) : undefined;
  if (cached && fs.existsSync(cached)) return fs.readFileSync(cached);
  const bytes = await cutter.cut(source, text);
  if (cached) {
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.writeFileSync(cached, bytes);
  }
  return bytes;
}

/** What the subsetter wrote, by stylesheet: the files a page of that script should preload first. */
export type SubsetReport = Record<FontScript, { file: string; weight: number; bytes: number; glyphs: number; only?: LocaleCode }[]>;

/** Cuts one face, writes it under `fonts/` named by its content, and returns its `@font-face` rule. */
async function writeFace(
  cutter: Cutter,
  siteDir: string,
  cacheDir: string | undefined,
  face: { name: string; family: string; weight: number; source: Buffer; codepoints: Set<number>; alsoCut?: Set<number> | undefined },
): Promise<{ rule: string; file: string; bytes: Buffer }> {
  const bytes = await cut(cutter, face.source, face.alsoCut ? new Set([...face.codepoints, ...face.alsoCut]) : face.codepoints, cacheDir);
  const file = `${face.name}.${createHash('sha256').update(bytes).digest('hex').slice(0, 10)}.woff2`;
  fs.writeFileSync(path.join(siteDir, 'fonts', file), bytes);
  return { rule: fontFaceRule(face.family, face.weight, file, formatUnicodeRange(face.codepoints)), file: `/fonts/${file}`, bytes };
}

/**
 * Cuts, for every script and weight, one woff2 holding exactly the characters the built site
 * draws with that family; `{script}.css` then holds these faces only (the unicode-range slices
 * stay in `{script}-all.css`, for what a reader types into search). Glyphs borrowed from another
 * font ({@link borrowedGlyphs}) get a face of their own, cut from the font they come from. Fails,
 * naming a page, when the site shows a character none of its fonts has.
 */
export async function subsetSiteFonts(siteDir: string, cacheDir?: string): Promise<SubsetReport> {
  const { usage, bold, uncovered } = usedCharacters(siteDir);
  if (uncovered.size) {
    const list = [...uncovered].map(([cp, page]) => `"${String.fromCodePoint(cp)}" (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) on ${page}`);
    throw new Error(
      `fonts: the site shows ${list.length === 1 ? 'a character' : 'characters'} that none of its fonts has, so each reader's device would draw ${list.length === 1 ? 'it' : 'them'} differently: ${list.join('; ')}. Write ${list.length === 1 ? 'it' : 'them'} another way in the content, or add a font that has ${list.length === 1 ? 'it' : 'them'} (src/i18n/fonts.ts).`,
    );
  }
  const borrowed = new Map<number, string>(borrowedGlyphs.flatMap(({ pkg, codepoints }) => codepoints.map((cp) => [cp, pkg] as const)));
  const cutter = cutterPool();
  try {
    // Every family's faces at once (each on a thread of its own): rules in a fixed order all the same.
    const perScript = await Promise.all(
      (Object.keys(fontScripts) as FontScript[]).map(async (script) => {
        const font = fontScripts[script];
        const own = new Set([...usage[script]].filter((cp) => script !== 'latin' || !borrowed.has(cp)));
        const faces: { full: readonly [string, string]; codepoints: Set<number>; only?: LocaleCode; alsoCut?: Set<number> }[] = [
          { full: font.full, codepoints: own },
        ];
        // A locale's own characters in a face of their own (see localeSlices).
        for (const [locale, range] of Object.entries(localeSlices) as [LocaleCode, string][]) {
          if (localeInfo(locale).script !== script) continue;
          const slice = new Set(parseUnicodeRange(range).flatMap(([from, to]) => [...own].filter((cp) => cp >= from && cp <= to)));
          for (const cp of slice) own.delete(cp);
          // The face also holds the letters and marks its characters decompose into (ụ = u + ◌̣), in
          // its glyphs' character map but not in its range: a font may draw ụ as u plus a dot, and a
          // PDF reader finds the text of each glyph in that map.
          const parts = new Set([...slice].flatMap((cp) => [...String.fromCodePoint(cp).normalize('NFD')].map((c) => c.codePointAt(0) ?? 0)));
          if (slice.size) faces.push({ full: font.full, codepoints: slice, only: locale, alsoCut: parts });
        }
        if (script === 'latin') {
          for (const [cp, pkg] of borrowed) {
            if (!usage.latin.has(cp)) continue;
            const from = Object.values(fontScripts).find((f) => f.pkg === pkg);
            if (!from) throw new Error(`borrowed glyph U+${cp.toString(16)}: no full font for ${pkg} in src/i18n/fonts.ts`);
            const face = faces.find((f) => f.full === from.full) ?? { full: from.full, codepoints: new Set<number>() };
            if (!faces.includes(face)) faces.push(face);
            face.codepoints.add(cp);
          }
        }
        // Bold faces hold only what may be drawn bold (headings, strong text, bold classes).
        const jobs = fontWeights.flatMap((weight) =>
          faces
            .map((face) => (weight < 600 ? face : { ...face, codepoints: new Set([...face.codepoints].filter((cp) => bold[script].has(cp))) }))
            .filter((face) => face.codepoints.size)
            .map((face) => ({ weight, face })),
        );
        const written = await Promise.all(
          jobs.map(({ weight, face }) =>
            writeFace(cutter, siteDir, cacheDir, {
              name: `${script}-${weight}-${face.full[1].toLowerCase()}${face.only ? `-${face.only}` : ''}`,
              family: font.family,
              weight,
              source: fs.readFileSync(fullFont(face.full[0], face.full[1], weight)),
              codepoints: face.codepoints,
              alsoCut: face.alsoCut,
            }),
          ),
        );
        fs.writeFileSync(path.join(siteDir, 'fonts', `${script}.css`), `${written.map((w) => w.rule).join('\n')}\n`);
        // The family's own faces (not borrowed glyphs): preloaded by pages, and the source of the names below.
        return [script, jobs.flatMap(({ weight, face }, i) => (face.full === font.full && written[i] ? [{ weight, face, written: written[i] }] : []))] as const;
      }),
    );
    const report = Object.fromEntries(
      perScript.map(([script, own]) => [
        script,
        own.map(({ weight, face, written }) => ({
          file: written.file,
          weight,
          bytes: written.bytes.length,
          glyphs: face.codepoints.size,
          ...(face.only ? { only: face.only } : {}),
        })),
      ]),
    ) as SubsetReport;
    // Every page lists the languages by their own names (한국어, 简体中文, العربية), but links the
    // stylesheets of its own scripts only: the Latin sheet, linked everywhere, gets faces of the
    // other families cut to just those names, so no system font ever draws them. They are cut from
    // the family's subset when it has them all (a whole CJK font takes seconds; its subset, none).
    const names = await Promise.all(
      perScript.flatMap(([script, own]) => {
        const font = fontScripts[script];
        const codepoints = new Set(
          localeCodes
            .filter((code) => script !== 'latin' && localeInfo(code).script === script)
            .flatMap((code) => [...localeInfo(code).name].map((c) => c.codePointAt(0) ?? 0))
            .filter((cp) => cp > 0x7f),
        );
        if (!codepoints.size) return [];
        return fontWeights.map(async (weight) => {
          const cut = own.find((o) => o.weight === weight);
          const source =
            cut && [...codepoints].every((cp) => cut.face.codepoints.has(cp))
              ? cut.written.bytes
              : fs.readFileSync(fullFont(font.full[0], font.full[1], weight));
          return (await writeFace(cutter, siteDir, cacheDir, { name: `names-${script}-${weight}`, family: font.family, weight, source, codepoints })).rule;
        });
      }),
    );
    fs.appendFileSync(path.join(siteDir, 'fonts', 'latin.css'), `${names.join('\n')}\n`);
    return report;
  } finally {
    await cutter.stop();
  }
}

/**
 * Lets each page ask for its main font early: a `preload` for the subsets of the script of the
 * page's language (a locale's own slice on that locale's pages only), before its font
 * stylesheets, so text is drawn in its font from the start.
 */
export function preloadFonts(siteDir: string, report: SubsetReport): number {
  let pages = 0;
  for (const file of fs.globSync('**/*.html', { cwd: siteDir })) {
    const full = path.join(siteDir, file);
    const html = fs.readFileSync(full, 'utf8');
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? '';
    const base = lang.split('-')[0] ?? '';
    const script: FontScript = isLocale(base) ? localeInfo(base).script : 'latin';
    const links = report[script]
      .filter((f) => !f.only || f.only === base)
      .map((f) => `<link rel="preload" href="${f.file}" as="font" type="font/woff2" crossorigin>`)
      .join('');
    const at = html.indexOf('<link rel="stylesheet" href="/fonts/');
    if (at < 0 || !links) continue;
    fs.writeFileSync(full, html.slice(0, at) + links + html.slice(at));
    pages++;
  }
  return pages;
}

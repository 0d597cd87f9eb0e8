import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DOMParser, XMLSerializer, type Element } from '@xmldom/xmldom';
// @ts-expect-error: the xliff package ships no type declarations.
import xliff from 'xliff';
import { beforeEach, describe, expect, it } from 'vitest';
import { localeCodes, type LocaleCode } from '../../src/i18n/locales.ts';
import { checkContent } from '../../src/lib/check/index.ts';
import { exportLocale, ImportError, importXliff } from '../../src/lib/xliff/exchange.ts';
import { segment, plainText } from '../../src/lib/xliff/segment.ts';
import { xliffNs } from '../../src/lib/xliff/xliff.ts';
import { copyDir, outRoot, root } from '../setup/sites.ts';

const scratch = path.join(outRoot, 'xliff-content');
const translated = localeCodes.filter((l) => l !== 'ko');
const file = (rel: string) => path.join(scratch, rel);
const read = (rel: string) => fs.readFileSync(file(rel), 'utf8');

beforeEach(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  copyDir(path.join(root, 'content'), scratch);
});

/** Every content file's bytes, by path. */
function snapshot(): Map<string, string> {
  return new Map((fs.globSync('**/*', { cwd: scratch }) as string[]).filter((f) => fs.statSync(file(f)).isFile()).map((f) => [f, read(f)]));
}

/** The exported XLIFF with one unit's target replaced by `edit` (a DOM edit, as a CAT tool would). */
function editTarget(xml: string, fileId: string, unitId: string, edit: (target: Element) => void): string {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const f = [...doc.getElementsByTagNameNS(xliffNs, 'file')].find((e) => e.getAttribute('id') === fileId);
  const unit = [...(f?.getElementsByTagNameNS(xliffNs, 'unit') ?? [])].find((e) => e.getAttribute('id') === unitId);
  const target = unit?.getElementsByTagNameNS(xliffNs, 'target')[0];
  if (!target) throw new Error(`no target for ${fileId} ${unitId}`);
  edit(target);
  return new XMLSerializer().serializeToString(doc);
}
const setText = (text: string) => (target: Element) => {
  while (target.firstChild) target.removeChild(target.firstChild);
  const doc = target.ownerDocument;
  if (doc) target.appendChild(doc.createTextNode(text));
};

describe('XLIFF round trip', () => {
  it('export then import with no change leaves every content file byte-identical, in every locale', () => {
    const before = snapshot();
    for (const locale of translated) {
      const { xml, units } = exportLocale(scratch, locale);
      expect(units, locale).toBeGreaterThan(700);
      expect(importXliff(scratch, xml, `${locale}.xlf`).written, locale).toEqual([]);
    }
    const after = snapshot();
    expect([...after].filter(([f, text]) => before.get(f) !== text).map(([f]) => f)).toEqual([]);
  });

  it('opens in a real XLIFF 2.0 parser (the xliff package): every unit with its source and target', async () => {
    const { xml } = exportLocale(scratch, 'fr', { cases: ['water-supply'] });
    const parsed = (await xliff.xliff2js(xml)) as {
      sourceLanguage: string;
      targetLanguage: string;
      resources: Record<string, Record<string, { source: unknown; target: unknown }>>;
    };
    expect(parsed.sourceLanguage).toBe('en');
    expect(parsed.targetLanguage).toBe('fr');
    const units = parsed.resources['cases.water-supply'] ?? {};
    const ours = segment(read('cases/water-supply/fr.mdx'));
    expect(Object.keys(units)).toEqual(expect.arrayContaining(['fm.title', 'fm.summary', 'b1-h2']));
    expect(Object.keys(units).length).toBeGreaterThanOrEqual(ours.length - 2);
    expect(units['fm.title']?.target).toBe(plainText(ours[0]?.content ?? [], []));
  });
});

describe('XLIFF import', () => {
  it('writes a translated unit into its own line only, stamps the source version and sets draft', () => {
    const rel = 'cases/water-supply/fr.mdx';
    const before = read(rel).split('\n');
    const unit = segment(read(rel)).find((u) => u.kind === 'paragraph' && !u.codes.length);
    if (!unit) throw new Error('no paragraph without codes');
    const xml = editTarget(exportLocale(scratch, 'fr').xml, 'cases.water-supply', unit.id, setText('Une phrase revue par l’agence.'));
    expect(importXliff(scratch, xml, 'fr.xlf').written).toEqual([file(rel)]);
    const after = read(rel).split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [i + 1]));
    const block = after.flatMap((line, i) => (/^\s+(status|sourceVersion|reviewer|reviewed):/.test(line) ? [i + 1] : []));
    expect(changed.filter((n) => !block.includes(n))).toEqual([unit.line]);
    expect(after[unit.line - 1]).toBe('Une phrase revue par l’agence.');
    expect(read(rel)).toMatch(/\n {2}status: draft\n/);
    expect(checkContent(scratch).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('keeps a translator’s braces, tags, brackets and stars as visible text, never as code or a link', () => {
    const rel = 'cases/subway/es.mdx';
    const text = read(rel);
    const units = segment(text);
    const paragraph = units.find((u) => u.kind === 'paragraph' && !u.codes.length);
    const title = units.find((u) => u.id === 'fm.title');
    const alt = units.find((u) => u.id.endsWith('Figure.alt'));
    if (!paragraph || !title || !alt) throw new Error('fixture units missing');
    const hostile = 'Texto {alert(1)} <Callout>x</Callout> <script>y</script> [enlace](javascript:z) **negrita** # no es título & más';
    let xml = exportLocale(scratch, 'es', { cases: ['subway'] }).xml;
    // A paragraph, a frontmatter field and a component prop, each with markup as words.
    xml = editTarget(xml, 'cases.subway', paragraph.id, setText(hostile));
    xml = editTarget(xml, 'cases.subway', title.id, setText('Título: "citado" {x} <b>'));
    xml = editTarget(xml, 'cases.subway', alt.id, setText('Puertas "de andén" {y} <img src=x>'));
    importXliff(scratch, xml, 'es.xlf');
    const after = segment(read(rel));
    const words = (id: string) => {
      const u = after.find((x) => x.id === id);
      return u ? plainText(u.content, u.codes) : undefined;
    };
    // Read back, each is exactly the words given, with no component, expression or link.
    expect(words(paragraph.id)).toBe(hostile);
    expect(after.find((u) => u.id === paragraph.id)?.codes).toEqual([]);
    expect(words(title.id)).toBe('Título: "citado" {x} <b>');
    expect(words(alt.id)).toBe('Puertas "de andén" {y} <img src=x>');
    // And the content check, which refuses expressions, unknown tags and unsafe links, passes.
    expect(checkContent(scratch).filter((p) => p.severity === 'error' && p.file.endsWith(rel))).toEqual([]);
  });

  it('refuses a unit whose protected code was removed, naming the unit, file and line; writes nothing', () => {
    const rel = 'cases/water-supply/fr.mdx';
    const before = snapshot();
    const unit = segment(read(rel)).find((u) => u.kind === 'paragraph' && u.codes.some((c) => c.data.startsWith('<Value')));
    if (!unit) throw new Error('no paragraph with a value');
    const xml = editTarget(exportLocale(scratch, 'fr').xml, 'cases.water-supply', unit.id, (target) => {
      const ph = target.getElementsByTagNameNS(xliffNs, 'ph')[0];
      if (ph) target.removeChild(ph);
    });
    let error: unknown;
    try {
      importXliff(scratch, xml, 'fr.xlf');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect(String((error as Error).message)).toMatch(
      new RegExp(
        `fr\\.xlf:\\d+: unit ${unit.id} \\(\\S*cases/water-supply/fr\\.mdx:${unit.line}\\): protected codes were broken: code 1 \\(<Value id="[^"]+" />\\) must appear exactly once`,
      ),
    );
    expect(snapshot()).toEqual(before);
  });

  it('refuses a file whose source changed since the export, and one whose translation changed; writes nothing', () => {
    const { xml } = exportLocale(scratch, 'fr', { cases: ['nanjido'] });
    const source = read('cases/nanjido/en.mdx');
    const unit = segment(source).find((u) => u.kind === 'paragraph');
    if (!unit) throw new Error('no paragraph');
    fs.writeFileSync(file('cases/nanjido/en.mdx'), source.slice(0, unit.start) + 'A new first sentence. ' + source.slice(unit.start));
    const before = snapshot();
    expect(() => importXliff(scratch, xml, 'fr.xlf')).toThrow(
      /unit b\d+-paragraph \(\S*cases\/nanjido\/fr\.mdx:\d+\): the source no longer matches \S*cases\/nanjido\/en\.mdx:\d+; export again/,
    );
    fs.appendFileSync(file('cases/nanjido/fr.mdx'), '\nUne phrase ajoutée à la main.\n');
    expect(() => importXliff(scratch, xml, 'fr.xlf')).toThrow(/cases\.nanjido: \S*cases\/nanjido\/fr\.mdx has changed since this file was exported/);
    expect(snapshot().get('cases/nanjido/fr.mdx')).toBe(before.get('cases/nanjido/fr.mdx') + '\nUne phrase ajoutée à la main.\n');
  });

  it('runs from npm: export with --stale-only and --cases, import refusing with exit 1 and the reason', () => {
    const env = { ...process.env, SSM_CONTENT_DIR: scratch };
    const out = path.join(outRoot, 'fr-test.xlf');
    const run = (script: string, args: string[]) =>
      spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], { cwd: root, env, encoding: 'utf8' });
    const exported = run('i18n-export.ts', ['--locale', 'fr', '--cases', 'dmc,subway', '--out', out]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stdout).toMatch(/wrote .*fr-test\.xlf: 2 file\(s\), \d+ units/);
    expect(run('i18n-export.ts', ['--locale', 'fr', '--stale-only', '--out', out]).stderr).toContain('no fr translation to export (none is stale)');
    expect(run('i18n-export.ts', ['--locale', 'tlh']).stderr).toMatch(/^npm run i18n:export: --locale tlh: give a translated language/);
    const unit = segment(read('cases/dmc/fr.mdx')).find((u) => u.kind === 'paragraph' && u.codes.length);
    if (!unit) throw new Error('no paragraph with a value');
    fs.writeFileSync(
      out,
      editTarget(fs.readFileSync(out, 'utf8'), 'cases.dmc', unit.id, (target) => {
        const ph = target.getElementsByTagNameNS(xliffNs, 'ph')[0];
        if (ph) target.removeChild(ph);
      }),
    );
    const imported = run('i18n-import.ts', [out]);
    expect(imported.status).toBe(1);
    expect(imported.stderr).toContain('refused, nothing written from it');
    expect(imported.stderr).toContain('protected codes were broken');
  });
});

describe('units', () => {
  it('cuts every translation into the same units as its source where the two have the same shape', () => {
    for (const locale of translated as LocaleCode[]) {
      const text = read('cases/transit-card/' + locale + '.mdx');
      const from = /\n\s+from:\s*(\w+)/.exec(text)?.[1] ?? '';
      const ids = (t: string) => segment(t).map((u) => u.id);
      expect(ids(text), locale).toEqual(ids(read(`cases/transit-card/${from}.mdx`)));
    }
  });
});

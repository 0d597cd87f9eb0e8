import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent, formatReport } from '../../src/lib/check/index.ts';
import { copyDir, outRoot, root } from '../setup/sites.ts';

const scratch = path.join(outRoot, 'bad-input');
const caseDir = path.join(scratch, 'cases/pilot-library');

/** Breaks one file of the valid fixture case the way an author might. */
function breakFile(file: string, from: string | RegExp, to: string): void {
  const target = path.join(caseDir, file);
  const text = fs.readFileSync(target, 'utf8');
  const broken = text.replace(from, to);
  if (broken === text) throw new Error(`fixture edit did not apply to ${file}: ${String(from)}`);
  fs.writeFileSync(target, broken);
}

/** The report an author sees, with the scratch folder shown as `content/`. */
function report(): string {
  return formatReport(checkContent(scratch)).replaceAll(path.relative(process.cwd(), scratch), 'content');
}

beforeEach(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  copyDir(path.join(root, 'tests/fixtures/valid-case'), scratch);
});

describe('content check', () => {
  it('passes the real content and the valid fixture without errors', () => {
    expect(checkContent(path.join(root, 'content')).filter((p) => p.severity === 'error')).toEqual([]);
    expect(report()).toBe('Content check: 0 error(s), 0 warning(s)');
  });

  it('checks the words readers type for search: a locale per file, a list per entry, words the text uses', () => {
    fs.mkdirSync(path.join(scratch, 'search'));
    fs.writeFileSync(path.join(scratch, 'search/ko.yaml'), '도서관버스: [북카페]\n시민도서관:\n');
    fs.writeFileSync(path.join(scratch, 'search/korean.yaml'), 'a: [b]\n');
    const text = report();
    expect(text).toContain('content/search/korean.yaml\n    is not named after a locale');
    expect(text).toContain('content/search/ko.yaml:2\n    시민도서관: needs the words the text uses, as a list');
    expect(text).toContain('content/search/ko.yaml:1\n    도서관버스: "북카페" appears in no ko text, so search finds nothing with it.');
  });

  it('names the file, line and field of a frontmatter value of the wrong type', () => {
    breakFile('case.yaml', 'value: 4900', 'value: "4,900 people"');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/case.yaml:12
          figures.0.value: should be a number (no quotes, no units, e.g. 94.4), but is the text "4,900 people"."
    `);
  });

  it('names a missing required field and how to add it', () => {
    breakFile('ko.mdx', /^title: .*\n/m, '');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/ko.mdx:2
          title: is missing. Add \`title:\` with text."
    `);
  });

  it('lists the allowed sectors when the sector is unknown', () => {
    breakFile('case.yaml', 'sector: governance', 'sector: housing');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/case.yaml:4
          sector: the text "housing" is not allowed. Use one of: transport, digital, water, environment, economy, governance."
    `);
  });

  it('gives the line of an MDX syntax error', () => {
    breakFile('ko.mdx', '<KeyFigures ids="visitors" />', '<KeyFigures ids="visitors">');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/ko.mdx:38
          MDX syntax error: Expected a closing tag for \`<KeyFigures>\` (38:1) (mdx-jsx:unexpected-character). Check tags are closed and braces balanced."
    `);
  });

  it('names an unknown component and lists the known ones', () => {
    breakFile('ko.mdx', '<KeyFigures ids="visitors" />', '<KeyFigure ids="visitors" />');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/ko.mdx:38
          <KeyFigure> is not a component authors can use. Known components: KeyFigures, Value, Figure, Callout, Quote, Timeline, Chart, Steps, Compare, Before, After (docs/authoring.md)."
    `);
  });

  it('names a missing image', () => {
    breakFile('case.yaml', './hero.svg', './hero-photo.jpg');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/case.yaml:7
          hero.image: ./hero-photo.jpg does not exist in the case folder. Add the image or fix the name."
    `);
  });

  it('rejects a label for a figure that case.yaml does not define', () => {
    breakFile('ko.mdx', '  visitors: 하루 방문객', '  visitors: 하루 방문객\n  vistors-2014: 방문객');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/ko.mdx:8
          figures.vistors-2014: labels "vistors-2014", which case.yaml does not define under \`figures:\`. Fix the id or add the entry to case.yaml."
    `);
  });

  it('rejects a bad component prop', () => {
    breakFile('ko.mdx', '<KeyFigures ids="visitors" />', '<KeyFigures ids="visitors, members" />\n\n<Callout type="danger">\n\n주의\n\n</Callout>');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 2 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/ko.mdx:38
          <KeyFigures ids>: "members" is not a figure of this case. Figures in case.yaml: visitors, events, floor-area, visitors-total, floors.
      ✖ content/cases/pilot-library/ko.mdx:40
          <Callout type>: the text "danger" is not allowed. Use one of: note, tip, warning, lesson."
    `);
  });

  it('rejects a figure without a source', () => {
    breakFile('case.yaml', '  - { id: floors, value: 2, unit: number, year: 2013, source: P6 }', '  - { id: floors, value: 2, unit: number, year: 2013 }');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/case.yaml:19
          figures.4.source: is missing. Add \`source:\` with text."
    `);
  });

  it('rejects a case body that lacks a required section', () => {
    breakFile('ko.mdx', /## 교훈\n\n.*\n/, '');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/ko.mdx
          has 4 section(s) (## headings); a case needs at least 5: the problem Seoul faced, what Seoul did, how it works, results, lessons for your city (docs/authoring.md)."
    `);
  });

  it('cannot let a translation hold its own copy of a figure', () => {
    // Values live once in case.yaml; a locale file that tries to restate one is refused.
    breakFile('ko.mdx', '  visitors: 하루 방문객', '  visitors:\n    label: 하루 방문객\n    value: 5000');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/ko.mdx:7
          figures.visitors: should be text, but is a group of fields."
    `);
  });

  it('names a link to a page the site does not have', () => {
    breakFile('ko.mdx', '도서관을 열었습니다.', '도서관을 열었습니다. [지하철 사례](/ko/cases/metro/)를 보십시오.');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/ko.mdx:24
          the link to /ko/cases/metro/ leads to no page. Link to a page the site has, such as /en/cases/subway/ (with the trailing slash), or a PDF such as /pdf/en/manual.pdf."
    `);
  });

  it('refuses an image over 10 MB', () => {
    fs.writeFileSync(path.join(caseDir, 'huge-photo.jpg'), Buffer.alloc(20 * 1024 * 1024));
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/huge-photo.jpg
          is 20.0 MB; images must be under 10 MB. Export it at most 3000 px wide (JPEG quality 85 or WebP)."
    `);
  });

  it('names a case folder without a Korean file', () => {
    fs.renameSync(path.join(caseDir, 'ko.mdx'), path.join(caseDir, 'en.mdx'));
    expect(report()).toMatch(/ko\.mdx\n\s+is missing: every case is written in Korean first/);
  });

  it('names a file that is not a locale', () => {
    fs.copyFileSync(path.join(caseDir, 'ko.mdx'), path.join(caseDir, 'kr.mdx'));
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/kr.mdx
          "kr.mdx" is not a case file. Name text files after their locale (ko.mdx, en.mdx, es.mdx, fr.mdx, ar.mdx, zh.mdx, vi.mdx, id.mdx); put images next to them."
    `);
  });

  it('gives the line of a tab in YAML', () => {
    breakFile('case.yaml', '  kind: illustration', '\tkind: illustration');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 3 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/case.yaml:8
          YAML syntax error: Tabs are not allowed as indentation. Indent with spaces (not tabs) and quote text that contains ": ".
      ✖ content/cases/pilot-library/case.yaml:8
          YAML syntax error: Nested mappings are not allowed in compact mappings. Indent with spaces (not tabs) and quote text that contains ": ".
      ✖ content/cases/pilot-library/case.yaml:8
          YAML syntax error: Implicit keys need to be on a single line. Indent with spaces (not tabs) and quote text that contains ": "."
    `);
  });

  it('names a related case that does not exist', () => {
    breakFile('case.yaml', 'related: []', 'related: [subway-line-10]');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/case.yaml:28
          related.0: "subway-line-10" is not another case. Cases: ."
    `);
  });

  it('refuses an image without alt text, and a folder name that cannot be a URL', () => {
    breakFile('ko.mdx', 'alt="열람실과 강당을 나타낸 평면도" ', '');
    fs.renameSync(caseDir, path.join(scratch, 'cases/Pilot_Library'));
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 2 error(s), 0 warning(s)
      ✖ content/cases/Pilot_Library
          folder name "Pilot_Library" is not a valid slug: use lower-case letters, digits and hyphens (it becomes the URL).
      ✖ content/cases/Pilot_Library/ko.mdx:40
          <Figure alt>: is missing. Add \`alt:\` with text."
    `);
  });

  it('warns, without failing, when a translation lacks a label', () => {
    fs.writeFileSync(
      path.join(caseDir, 'en.mdx'),
      fs.readFileSync(path.join(caseDir, 'ko.mdx'), 'utf8').replace(/figures:\n(?: {2}.*\n)+/, '').replace('status: source', 'status: draft\n  from: ko\n  sourceVersion: pending'),
    );
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 0 error(s), 1 warning(s)
      ▲ content/cases/pilot-library/en.mdx:2
          figures: no label for visitors, events, floor-area, visitors-total, floors; the fallback language's label is shown instead."
    `);
  });
});

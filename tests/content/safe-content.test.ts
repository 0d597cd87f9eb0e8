import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { cssString } from '../../src/lib/css.ts';
import { scratchContent } from '../setup/scratch.ts';
import { copyDir, outRoot, root } from '../setup/sites.ts';

const { dir: scratch, caseDir, reset, report, errors, edit: editContent } = scratchContent('safe-content');
const ko = path.join(caseDir, 'ko.mdx');

/** Appends a paragraph to the fixture's Korean body (after its last section). */
function addToBody(text: string): void {
  fs.appendFileSync(ko, `\n${text}\n`);
}

/** Edits a file of the fixture case. */
const edit = (file: string, from: string | RegExp, to: string) => editContent(`cases/pilot-library/${file}`, from, to);

beforeEach(reset);

describe('content is text, never code', () => {
  it('refuses a {…} expression in a body, with the line and what to write instead', () => {
    addToBody("{(await import('node:fs')).writeFileSync('/tmp/pwned', 'x')}");
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/ko.mdx:42
          a {…} expression would run as code when the site is built; content is text only. Write the words themselves, use <Value id="…" /> for a figure, or write \\{ for a literal brace."
    `);
  });

  it('refuses HTML smuggled in an expression and raw HTML tags', () => {
    addToBody('{<iframe src="https://example.org" />}\n\n<iframe src="https://example.org"></iframe>\n\n<script>alert(1)</script>');
    expect(errors()).toEqual([
      'a {…} expression would run as code when the site is built; content is text only. Write the words themselves, use <Value id="…" /> for a figure, or write \\{ for a literal brace.',
      'raw HTML <iframe> is not allowed in content. Use Markdown or a component (docs/authoring.md); the only HTML allowed is <br>, <sup>, <sub>, <abbr>.',
      'raw HTML <script> is not allowed in content. Use Markdown or a component (docs/authoring.md); the only HTML allowed is <br>, <sup>, <sub>, <abbr>.',
    ]);
  });

  it('refuses set:html and other build directives on any tag', () => {
    addToBody('<Callout type="note" set:html="<img src=x onerror=alert(1)>">\n\n주의\n\n</Callout>');
    expect(errors()).toContain('<Callout set:html>: set:html is not allowed: content is text, and an attribute with ":" is a build directive. Write the words in the body instead.');
  });

  it('allows the few HTML marks Markdown lacks, without attributes that could carry code', () => {
    addToBody('CO<sub>2</sub>, m<sup>2</sup>, <abbr title="Official Development Assistance">ODA</abbr><br />');
    expect(errors()).toEqual([]);
    addToBody('<sup onclick="alert(1)">1</sup>');
    expect(errors()).toEqual(['<sup onclick>: <sup> takes no attributes.']);
  });

  it('explains that custom heading ids are not supported', () => {
    addToBody('## 결과 {#results}');
    expect(errors()).toEqual([
      "custom heading ids ({#results}) are not supported: a heading's id is made from its words. Remove the braces; link to the heading with its id (e.g. #results).",
    ]);
  });

  it('refuses Markdown images, which would bypass the image pipeline', () => {
    addToBody('![지도](https://example.org/map.png)');
    expect(errors()).toEqual(['Markdown images (![…](https://example.org/map.png)) are not allowed: use <Figure src="./file.svg" alt="…" caption="…" credit="…" /> with an image in the case folder.']);
  });
});

describe('links and anchors lead somewhere', () => {
  it('accepts every kind of address the site serves', () => {
    addToBody('[PDF](/pdf/en/manual.pdf), [인쇄용](/pdf/ko/pilot-library-print.pdf), [현황](/status/), [검색](/ko/search/?q=버스), [위](#문제), [출처](#source-P6), [메일](mailto:international@seoul.go.kr), [웹](https://english.seoul.go.kr/)');
    expect(errors()).toEqual([]);
  });

  it('refuses script, relative and scheme-less links, and anchors to no heading', () => {
    addToBody('[a](javascript:alert(1)) [b](../subway/) [c](//evil.example/x) [d](#results)');
    expect(errors()).toEqual([
      'links to "javascript:" addresses are not allowed: use https://, mailto: or a site path.',
      'the relative link ../subway/ depends on where the page is: write a site path such as /en/cases/subway/, or a full https:// address.',
      '//evil.example/x is an address without a scheme: write it in full, starting with https://.',
      'the link to #results points at no heading on this page. Headings here: #문제, #한-일, #작동-방식, #성과, #교훈.',
    ]);
  });

  it('refuses a heading without words and two headings with the same words', () => {
    addToBody('## ...\n\n## 교훈');
    expect(errors()).toEqual([
      'this heading has no words to make an id from: write a heading with words in it.',
      expect.stringMatching(/^two headings read "교훈" \(the other on line \d+\): their ids would collide\. Reword one of them\.$/),
    ]);
  });
});

describe('numbers that cannot be true are refused', () => {
  it('refuses a share over 100 %, a negative area, a year from another age and a backwards span', () => {
    edit('case.yaml', '{ id: events, value: 1200, unit: number, year: 2014, source: P6 }', '{ id: events, value: 9440, unit: percent, year: 2014, source: P6 }');
    edit('case.yaml', '{ id: floor-area, value: 7842, unit: m2, year: 2013, source: P6 }', '{ id: floor-area, value: -7842, unit: m2, year: 1500, source: P6 }');
    edit('case.yaml', '{ id: floors, value: 2, unit: number, year: 2013, source: P6 }', '{ id: floors, value: 2, unit: number, year: 2013-1990, source: P6 }');
    expect(report()).toMatchInlineSnapshot(`
      "Content check: 4 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/case.yaml:16
          figures.1.value: a share is between 0 and 100 (%), not 9440. For a change, such as growth, add \`signed: true\` and say so in the label.
      ✖ content/cases/pilot-library/case.yaml:17
          figures.2.year: a year before 1800 is not one this manual reports: check the number.
      ✖ content/cases/pilot-library/case.yaml:17
          figures.2.value: cannot be negative (-7842 m2). For a change, add \`signed: true\` and say so in the label.
      ✖ content/cases/pilot-library/case.yaml:19
          figures.4.year: a span runs from an earlier year to a later one, between 1800 and 2100 (1990-2013)."
    `);
  });

  it('refuses an image path that leaves the case folder', () => {
    edit('ko.mdx', 'src="./floor-plan.png"', 'src="./../../pages/home/secret.png"');
    expect(errors()).toContain('<Figure src>: give a file in the case folder, e.g. "./diagram.svg" (no ../: images live next to the text).');
  });
});

describe('files as the build sees them', () => {
  it('tolerates a byte-order mark', () => {
    fs.writeFileSync(ko, `\uFEFF${fs.readFileSync(ko, 'utf8')}`);
    expect(report()).toBe('Content check: 0 error(s), 0 warning(s)');
  });

  it('asks for UTF-8 when a file is saved as UTF-16 or as a Korean Windows code page', () => {
    const text = fs.readFileSync(ko, 'utf8');
    fs.writeFileSync(ko, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(errors()).toEqual(['is saved as UTF-16. Save it as UTF-8 (in Notepad: File › Save as › Encoding: UTF-8).']);
    // "시험" in CP949 (EUC-KR), as Korean Windows editors save it: not valid UTF-8.
    fs.writeFileSync(ko, Buffer.concat([Buffer.from(text.replace(/시험/g, ''), 'utf8'), Buffer.from([0xbd, 0xc3, 0xc7, 0xe8])]));
    expect(errors()).toEqual(['is not saved as UTF-8 (Korean Windows editors often save ANSI/CP949). Save it as UTF-8 (in Notepad: File › Save as › Encoding: UTF-8).']);
  });

  it('refuses a case folder or a text file that is a symbolic link', () => {
    const elsewhere = path.join(outRoot, 'safe-content-elsewhere');
    fs.rmSync(elsewhere, { recursive: true, force: true });
    copyDir(caseDir, elsewhere);
    fs.symlinkSync(elsewhere, path.join(scratch, 'cases/linked-case'));
    fs.rmSync(ko);
    fs.symlinkSync(path.join(elsewhere, 'ko.mdx'), ko);
    expect(report()).toMatch(/cases\/linked-case\n {4}is a symbolic link \(to .*elsewhere\)\. Copy the folder into content\/ instead/);
    expect(report()).toMatch(/cases\/pilot-library\/ko\.mdx\n {4}is a symbolic link \(to .*\)\. Copy the file into content\/ instead/);
  });

  it('names a page folder the site has no page for, and a page file that is not a locale', () => {
    fs.mkdirSync(path.join(scratch, 'pages/about'), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'pages/about/ko.mdx'), '---\ntitle: 소개\n---\n');
    fs.mkdirSync(path.join(scratch, 'pages/home'), { recursive: true });
    fs.writeFileSync(path.join(scratch, 'pages/home/kr.mdx'), '---\ntitle: 홈\n---\n');
    const text = report();
    expect(text).toContain('"about" is not a page of the site, so nothing would show it. The pages are home, partner, track-record');
    expect(text).toContain('"kr.mdx" is not a page file. Name text files after their locale');
  });

  it('names a translation whose source file was deleted', () => {
    fs.writeFileSync(path.join(caseDir, 'fr.mdx'), fs.readFileSync(ko, 'utf8').replace('status: source', 'status: draft\n  from: en\n  sourceVersion: pending'));
    expect(errors()).toEqual([
      'translation.from: was translated from en.mdx, which no longer exists: restore it, or set `from:` to the file it follows now and re-stamp (npm run i18n:status -- --stamp ' +
        path.relative(process.cwd(), path.join(caseDir, 'fr.mdx')) +
        ').',
    ]);
  });
});

describe('text written into CSS', () => {
  it('cannot close the string, the rule or the style element', () => {
    const css = cssString('Seoul "Metro" </style><script>alert(1)</script> \\ 서울 · العربية');
    expect(css).not.toMatch(/<|>|\/style/);
    expect(css.slice(1, -1)).not.toMatch(/(?<!\\)"/);
    expect(css).toContain('서울 · العربية');
  });
});

describe('images', () => {
  it('refuses a photo too large to process before Sharp decodes it, and a file that is no image', async () => {
    const sharp = (await import('sharp')).default;
    const huge = await sharp({ create: { width: 20000, height: 200, channels: 3, background: '#888' } }).png().toBuffer();
    fs.writeFileSync(path.join(caseDir, 'floor-plan.png'), huge);
    fs.writeFileSync(path.join(caseDir, 'photo.webp'), 'not an image');
    expect(errors()).toEqual([
      'is 20000 × 200 px; images may be at most 6000 px on their longest side (about 2500 px is enough for a full A4 width at 300 dpi). Export it smaller.',
      'is not an image the build can read (the file may be damaged, or its name may not match its format). Export it again as PNG, JPEG or WebP.',
    ]);
  });
});

describe('the build itself', () => {
  it('refuses to compile an MDX file with an expression, even if the content check was skipped', async () => {
    const { safeMdx } = await import('../../src/integrations/content-check.ts');
    const plugin = safeMdx(scratch);
    const transform = plugin.transform as (this: { error: (e: { message: string }) => never }, code: string, id: string) => unknown;
    const context = {
      error: (e: { message: string }): never => {
        throw new Error(e.message);
      },
    };
    const payload = `${fs.readFileSync(ko, 'utf8')}\n{(await import('node:fs')).writeFileSync('/tmp/pwned', 'x')}\n`;
    expect(() => transform.call(context, payload, `${ko}?astroContentCollectionEntry=true`)).toThrow(/a \{…\} expression would run as code/);
    expect(transform.call(context, fs.readFileSync(ko, 'utf8'), ko)).toBeUndefined();
    // Files outside the content folder (the site's own code) are not its business.
    expect(transform.call(context, payload, path.join(root, 'src/pages/x.mdx'))).toBeUndefined();
  });
});

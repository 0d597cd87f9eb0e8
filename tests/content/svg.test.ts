import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkContent, formatReport } from '../../src/lib/check/index.ts';
import { checkSvg } from '../../src/lib/check/svg.ts';
import { copyDir, outRoot, root } from '../setup/sites.ts';

const scratch = path.join(outRoot, 'svg-check');
const caseDir = path.join(scratch, 'cases/pilot-library');

/** An SVG as an author's drawing program might save it, with `body` inside the drawing. */
function drawing(body: string, attributes = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 160 90"${attributes}>
  <rect width="160" height="90" fill="#e8eefb"/>
${body}
</svg>
`;
}

/** Puts `diagram.svg` into the valid fixture case and returns the report an author sees. */
function reportWith(svg: string): string {
  fs.writeFileSync(path.join(caseDir, 'diagram.svg'), svg);
  return formatReport(checkContent(scratch)).replaceAll(path.relative(process.cwd(), scratch), 'content');
}

/** Every .svg under a folder. */
function svgFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.svg')).map((f) => path.join(dir, f));
}

/** A real Inkscape file: metadata, sodipodi/inkscape attributes, comments, references inside the file. */
const inkscapeDrawing = `<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<!-- Created with Inkscape (http://www.inkscape.org/) -->
<svg width="160" height="90" viewBox="0 0 160 90" version="1.1" id="svg1"
   inkscape:version="1.3.2 (091e20e, 2023-11-25)" sodipodi:docname="library.svg"
   xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
   xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"
   xmlns:xlink="http://www.w3.org/1999/xlink" xmlns="http://www.w3.org/2000/svg"
   xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:cc="http://creativecommons.org/ns#"
   xmlns:dc="http://purl.org/dc/elements/1.1/">
  <sodipodi:namedview id="namedview1" pagecolor="#ffffff" bordercolor="#000000" inkscape:zoom="4.2" inkscape:current-layer="layer1"/>
  <metadata id="metadata1">
    <rdf:RDF>
      <cc:Work rdf:about="">
        <dc:format>image/svg+xml</dc:format>
        <dc:type rdf:resource="http://purl.org/dc/dcmitype/StillImage"/>
        <cc:license rdf:resource="http://creativecommons.org/licenses/by/4.0/"/>
      </cc:Work>
    </rdf:RDF>
  </metadata>
  <defs id="defs1">
    <linearGradient id="stops" inkscape:collect="always">
      <stop style="stop-color:#2b58b8;stop-opacity:1" offset="0"/>
      <stop style="stop-color:#1f3a8a;stop-opacity:1" offset="1"/>
    </linearGradient>
    <linearGradient inkscape:collect="always" xlink:href="#stops" id="gradient" x1="0" y1="0" x2="0" y2="90" gradientUnits="userSpaceOnUse"/>
    <style>.roof { fill: url("#gradient"); }</style>
  </defs>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1">
    <rect style="fill:url(#gradient);stroke:none" width="60" height="45" x="50" y="30" id="rect1"/>
    <path class="roof" d="M45 32 80 12l35 20z" id="path1" sodipodi:nodetypes="cccc"/>
    <use href="#rect1" x="70" transform="scale(0.5)"/>
  </g>
</svg>
`;

beforeEach(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
  copyDir(path.join(root, 'tests/fixtures/valid-case'), scratch);
});

describe('SVG check', () => {
  it('refuses a script element', () => {
    expect(reportWith(drawing('  <script>fetch("/api")</script>'))).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/diagram.svg:4
          contains a <script> element: SVGs are served as images and may not run code. Remove it (in Inkscape: Edit › XML Editor, or in a text editor), or export the drawing again as plain SVG."
    `);
  });

  it('refuses an onload handler, with the line it is on', () => {
    expect(reportWith(drawing('  <circle cx="80" cy="45" r="20"/>', '\n  onload="alert(document.cookie)"'))).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/diagram.svg:3
          contains an onload attribute: SVGs are served as images and may not run code. Remove it (in Inkscape: Edit › XML Editor, or in a text editor), or export the drawing again as plain SVG."
    `);
  });

  it('refuses a javascript: link, however it is spelled', () => {
    expect(reportWith(drawing('  <a xlink:href=" JavaScript:alert(1)"><circle cx="80" cy="45" r="20"/></a>'))).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/diagram.svg:4
          contains a javascript: URL in xlink:href: SVGs are served as images and may not run code. Remove it (in Inkscape: Edit › XML Editor, or in a text editor), or export the drawing again as plain SVG."
    `);
  });

  it('refuses an image on another server', () => {
    expect(reportWith(drawing('  <image href="https://example.org/x.png" width="40" height="40"/>'))).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/diagram.svg:4
          refers to https://example.org/x.png outside the file: embed the image or draw it in the SVG; the site loads nothing from other servers."
    `);
  });

  it('refuses a url() in a style attribute that points outside the file', () => {
    expect(reportWith(drawing('  <rect width="40" height="40" style="fill:url(https://example.org/p.svg#stripes)"/>'))).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/diagram.svg:4
          refers to https://example.org/p.svg#stripes outside the file: embed the image or draw it in the SVG; the site loads nothing from other servers."
    `);
  });

  it('refuses a foreignObject with HTML inside', () => {
    expect(
      reportWith(drawing('  <foreignObject width="160" height="90"><div xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://example.org/"></iframe></div></foreignObject>')),
    ).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/diagram.svg:4
          contains a <foreignObject> element: SVGs are served as images and may not run code. Remove it (in Inkscape: Edit › XML Editor, or in a text editor), or export the drawing again as plain SVG."
    `);
  });

  it('names everything it refuses in one message per kind, in the order of the file', () => {
    const svg = drawing(
      [
        '  <style>@import url(https://fonts.example.org/css); .a { fill: url(#g) }</style>',
        '  <rect width="10" height="10" onclick="go()"/>',
        '  <script>go()</script>',
        '  <use href="icons.svg#bus"/>',
      ].join('\n'),
    );
    expect(reportWith(svg)).toMatchInlineSnapshot(`
      "Content check: 2 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/diagram.svg:4
          refers to https://fonts.example.org/css and icons.svg#bus outside the file: embed the image or draw it in the SVG; the site loads nothing from other servers.
      ✖ content/cases/pilot-library/diagram.svg:5
          contains an onclick attribute and a <script> element: SVGs are served as images and may not run code. Remove them (in Inkscape: Edit › XML Editor, or in a text editor), or export the drawing again as plain SVG."
    `);
  });

  it('refuses a style sheet or XSLT program linked before the drawing', () => {
    const svg = drawing('').replace('<svg', '<?xml-stylesheet type="text/xsl" href="https://example.org/t.xsl"?>\n<svg');
    expect(reportWith(svg)).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/diagram.svg:2
          refers to https://example.org/t.xsl outside the file: embed the image or draw it in the SVG; the site loads nothing from other servers."
    `);
  });

  it('names the line of an SVG that is not well-formed', () => {
    expect(reportWith(drawing('  <g>\n  <rect width="1" height="1"/>'))).toMatchInlineSnapshot(`
      "Content check: 1 error(s), 0 warning(s)
      ✖ content/cases/pilot-library/diagram.svg:6
          is not well-formed XML (unexpected close tag), so browsers show nothing. Open it in a drawing program and save it again as SVG."
    `);
  });

  it('accepts a clean Inkscape drawing with its metadata and references inside the file', () => {
    expect(checkSvg('library.svg', inkscapeDrawing)).toEqual([]);
    expect(reportWith(inkscapeDrawing)).toBe('Content check: 0 error(s), 0 warning(s)');
  });

  it('accepts embedded bitmaps, which are part of the file', () => {
    expect(checkSvg('photo.svg', drawing('  <image href="data:image/png;base64,iVBORw0KGgo=" width="40" height="40"/>'))).toEqual([]);
  });

  it('accepts every real SVG under content/', () => {
    const files = svgFiles(path.join(root, 'content'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(checkSvg(file, fs.readFileSync(file, 'utf8')), file).toEqual([]);
  });
});

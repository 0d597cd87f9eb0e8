import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import type { Problem } from './problem.ts';

/*
 * SVG files are served as they are, at addresses of the site: opened directly, an SVG runs its
 * scripts with the site's rights and loads whatever it points to. So an SVG may only draw.
 * DOMPurify (SVG profile) walks the file; what it removes, and what our hooks see on the way,
 * tells what the file would run or load. Anything else it drops (editor metadata, Inkscape and
 * Sodipodi attributes, comments) is harmless and passes.
 */

const svgNs = 'http://www.w3.org/2000/svg';
const htmlNs = 'http://www.w3.org/1999/xhtml';
const ELEMENT_NODE = 1;
const PROCESSING_INSTRUCTION_NODE = 7;

/** Something in an SVG that would run or load, and where to look for it in the text. */
interface Finding {
  /** `code` runs in the reader's browser; `external` loads from outside the file. */
  kind: 'code' | 'external';
  /** As the author reads it: `a <script> element`, or the address referred to. */
  what: string;
  /** Text (or a pattern) that finds the line; the first that matches wins. */
  near: (string | RegExp)[];
}

/** A bitmap embedded in the file is a picture, not a reference: the formats browsers draw safely. */
const embeddedBitmap = /^data:image\/(png|jpeg|gif|webp)[;,]/i;

/** A URL as a browser reads it: browsers ignore control characters and spaces, so `java\tscript:` is still code. */
function plainUrl(url: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  return url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
}

/**
 * What a URL in an SVG does: nothing outside the file (`#id`, an embedded bitmap), run code
 * (`javascript:`, any other `data:` document), or load something from elsewhere.
 */
function classifyUrl(url: string): 'inside' | 'code' | 'external' {
  const plain = plainUrl(url);
  if (plain === '' || plain.startsWith('#') || embeddedBitmap.test(plain)) return 'inside';
  if (/^(javascript|vbscript|data):/.test(plain)) return 'code';
  return 'external';
}

/** `javascript:` or `data:text/html`: how a code URL is named in a message. */
function scheme(url: string): string {
  const plain = plainUrl(url);
  return plain.startsWith('data:') ? (/^data:[^;,]*/.exec(plain)?.[0] ?? 'data:') : plain.slice(0, plain.indexOf(':') + 1);
}

/** A regular expression that matches `text` literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A finding for one URL found in `source` (an attribute or a style sheet). */
function urlFinding(url: string, source: string, near: (string | RegExp)[]): Finding | undefined {
  const kind = classifyUrl(url);
  if (kind === 'inside') return undefined;
  return kind === 'code' ? { kind, what: `a ${scheme(url)} URL in ${source}`, near: [url, ...near] } : { kind, what: url, near: [url, ...near] };
}

/** CSS as the browser reads it: comments gone, escapes (`u\72l(`) decoded. */
function plainCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\\([0-9a-f]{1,6})\s?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16) || 0xfffd))
    .replace(/\\(.)/g, '$1');
}

/**
 * What CSS (a `style` attribute, a presentation attribute such as `fill`, or a `<style>` sheet)
 * loads: `url(...)` and `image-set("...")` that leave the file, and every `@import`.
 */
function cssFindings(css: string, source: string, near: (string | RegExp)[]): Finding[] {
  const text = plainCss(css);
  const found: Finding[] = [];
  for (const m of text.matchAll(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi)) {
    const f = urlFinding((m[2] ?? '').trim(), source, near);
    if (f) found.push(f);
  }
  for (const m of text.matchAll(/image-set\(([^)]*)\)/gi)) {
    for (const s of (m[1] ?? '').matchAll(/(["'])([^"']*)\1/g)) {
      const f = urlFinding((s[2] ?? '').trim(), source, near);
      if (f) found.push(f);
    }
  }
  for (const m of text.matchAll(/@import\s+(?:url\(\s*)?(["']?)([^"');\s]*)\1/gi)) {
    // An imported style sheet always comes from outside the file, whatever it is called.
    found.push({ kind: 'external', what: m[2] || '@import', near: [m[2] || '@import', '@import', ...near] });
  }
  return found;
}

/** Names the attribute wherever it is written: ` onload=`, ` xlink:href =`. */
function attributePattern(name: string): RegExp {
  return new RegExp(`\\s${literal(name)}\\s*=`, 'i');
}

/** What one attribute would run or load: event handlers, links and references, CSS URLs. */
function attributeFindings(name: string, value: string): Finding[] {
  const local = name.slice(name.indexOf(':') + 1).toLowerCase();
  const near = [attributePattern(name)];
  // Event handlers have no prefix; `inkscape:…` and other editor attributes never run.
  if (!name.includes(':') && local.startsWith('on')) return [{ kind: 'code', what: `an ${local} attribute`, near }];
  if (local === 'attributename' && /href/i.test(value)) {
    // <set attributeName="href" to="javascript:…"> turns a harmless link into code once drawn.
    return [{ kind: 'code', what: 'an animation of href (attributeName)', near: [/attributeName\s*=\s*["']\s*(xlink:)?href/i, ...near] }];
  }
  if (local === 'href' || local === 'src') {
    const f = urlFinding(value.trim(), name, near);
    return f ? [f] : [];
  }
  return /url\(|image-set\(|\\/i.test(value) ? cssFindings(value, `the ${name} attribute`, near) : [];
}

/** An element DOMPurify removed that runs code or shows HTML: <script>, <foreignObject>, HTML elements. */
function elementFinding(element: Element): Finding | undefined {
  const name = element.localName;
  const near = [new RegExp(`<([\\w.-]+:)?${literal(name)}[\\s/>]`)];
  if (name.toLowerCase() === 'script') return { kind: 'code', what: 'a <script> element', near };
  if (name.toLowerCase() === 'foreignobject') return { kind: 'code', what: 'a <foreignObject> element', near };
  if (element.namespaceURI === htmlNs) return { kind: 'code', what: `an HTML <${name}> element`, near };
  return undefined;
}

/** The attributes of an element DOMPurify dropped whole: its hooks never saw them, the browser would. */
function droppedElementFindings(element: Element): Finding[] {
  // Elements of other namespaces (sodipodi:namedview, rdf:RDF) mean nothing to a browser.
  if (element.namespaceURI !== svgNs && element.namespaceURI !== htmlNs) return [];
  return [...element.attributes].flatMap((a) => attributeFindings(a.name, a.value));
}

/** Where the hooks write while one file is checked (checks run one at a time). */
let found: Finding[] = [];

/** One DOM and one DOMPurify for every file, made on first use: a jsdom window is slow to create. */
let shared: { window: JSDOM['window']; purify: DOMPurify } | undefined;

/** The shared DOMPurify, with the hooks that record what it passes by. */
function sanitizer(): { window: JSDOM['window']; purify: DOMPurify } {
  if (shared) return shared;
  const { window } = new JSDOM('');
  const purify = createDOMPurify(window);
  // DOMPurify keeps links to other servers and does not read CSS: the hooks look at both.
  purify.addHook('uponSanitizeAttribute', (_node, event) => {
    found.push(...attributeFindings(event.attrName, event.attrValue));
  });
  purify.addHook('uponSanitizeElement', (node, event) => {
    if (event.tagName === 'style') found.push(...cssFindings(node.textContent ?? '', 'a <style> element', []));
  });
  shared = { window, purify };
  return shared;
}

/** 1-based line of the first match of any of `near` in `text`, or undefined. */
function lineOf(text: string, near: readonly (string | RegExp)[]): number | undefined {
  for (const n of near) {
    const index = typeof n === 'string' ? (n ? text.indexOf(n) : -1) : (n.exec(text)?.index ?? -1);
    if (index >= 0) return text.slice(0, index).split('\n').length;
  }
  return undefined;
}

/** `a, b and c` (at most five, then "and 3 more"). */
function list(items: readonly string[]): string {
  const shown = items.slice(0, 5);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  return shown.length > 1 ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : (shown[0] ?? '');
}

/** One problem per kind of finding, at the first line where that kind occurs. */
function problemsFrom(file: string, text: string, findings: readonly Finding[]): Problem[] {
  const problems: Problem[] = [];
  for (const kind of ['code', 'external'] as const) {
    // In the order of the file, so the message reads like the file and its line is the first one.
    const of = findings
      .filter((f) => f.kind === kind)
      .map((f) => ({ what: f.what, line: lineOf(text, f.near) }))
      .sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
    if (!of.length) continue;
    const names = [...new Set(of.map((f) => f.what))];
    const what = list(names);
    problems.push({
      severity: 'error',
      file,
      line: of[0]?.line,
      message:
        kind === 'code'
          ? `contains ${what}: SVGs are served as images and may not run code. Remove ${names.length > 1 ? 'them' : 'it'} (in Inkscape: Edit › XML Editor, or in a text editor), or export the drawing again as plain SVG.`
          : `refers to ${what} outside the file: embed the image or draw it in the SVG; the site loads nothing from other servers.`,
    });
  }
  return problems.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}

/**
 * The prolog, before the drawing, which DOMPurify never sees: `<?xml-stylesheet?>` loads a style
 * sheet or an XSLT program, and an entity whose text holds markup becomes elements in a browser
 * (jsdom reads it as plain text, so DOMPurify would not see them).
 */
function prologFindings(document: Document, text: string): Finding[] {
  const found: Finding[] = [];
  for (const node of document.childNodes) {
    if (node.nodeType !== PROCESSING_INSTRUCTION_NODE || node.nodeName !== 'xml-stylesheet') continue;
    const href = /href\s*=\s*(["'])(.*?)\1/.exec((node as ProcessingInstruction).data)?.[2] ?? 'a style sheet';
    found.push({ kind: 'external', what: href, near: ['<?xml-stylesheet'] });
  }
  if (/<!ENTITY[^>]*</i.test(text)) found.push({ kind: 'code', what: 'an <!ENTITY> that inserts markup', near: [/<!ENTITY[^>]*</i] });
  return found;
}

/** A file the XML parser cannot read, or whose drawing is not an SVG, shows nothing in a browser. */
function unreadable(file: string, root: Element | null): Problem | undefined {
  if (root?.localName === 'parsererror') {
    // jsdom reports `line:column: what`, as browsers do on their error page.
    const m = /^(\d+):\d+: (.*?)\.?$/.exec(root.textContent ?? '');
    const line = m ? Math.max(1, Number(m[1])) : undefined;
    return {
      severity: 'error',
      file,
      line,
      message: `is not well-formed XML (${m?.[2] ?? 'unreadable'}), so browsers show nothing. Open it in a drawing program and save it again as SVG.`,
    };
  }
  if (root && root.localName === 'svg' && root.namespaceURI === svgNs) return undefined;
  const start = !root ? 'nothing' : root.localName === 'svg' ? '<svg> without its namespace' : `<${root.nodeName}>`;
  return {
    severity: 'error',
    file,
    line: 1,
    message: `is not an SVG drawing: it starts with ${start}, not <svg xmlns="http://www.w3.org/2000/svg">. Export it again as SVG.`,
  };
}

/**
 * Checks one SVG file before it is served: refuses anything that would run code (<script>,
 * <foreignObject>, on… attributes, javascript: URLs) or load from outside the file (links,
 * images, style sheets and fonts elsewhere). Editor metadata and comments pass.
 */
export function checkSvg(file: string, text: string): Problem[] {
  const { window, purify } = sanitizer();
  // Read as the browser reads a served .svg: as XML, so what DOMPurify sees is what would run.
  const document = new window.DOMParser().parseFromString(text, 'image/svg+xml');
  const root = document.documentElement as Element | null;
  const bad = unreadable(file, root);
  if (bad || !root) return bad ? [bad] : [];
  found = prologFindings(document, text);
  try {
    purify.sanitize(root, { USE_PROFILES: { svg: true, svgFilters: true }, IN_PLACE: true });
    for (const removed of purify.removed) {
      if (!('element' in removed) || removed.element.nodeType !== ELEMENT_NODE) continue;
      const element = removed.element as Element;
      const f = elementFinding(element);
      if (f) found.push(f);
      found.push(...droppedElementFindings(element));
    }
    return problemsFrom(file, text, found);
  } catch (error) {
    // DOMPurify refuses some trees outright; a file it cannot clean is not served either.
    return [
      {
        severity: 'error',
        file,
        message: `could not be checked (${error instanceof Error ? error.message : String(error)}). Export the drawing again as plain SVG.`,
      },
    ];
  } finally {
    found = [];
  }
}

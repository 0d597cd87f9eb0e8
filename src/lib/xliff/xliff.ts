/**
 * XLIFF 2.0 (OASIS, core module only), written and read with a DOM (@xmldom/xmldom), never by
 * string concatenation. Why 2.0: every CAT tool the translators use (Trados, memoQ, Phrase,
 * Crowdin, Weblate) opens it, and its `originalData` keeps each native code out of the
 * translator's way while `<ph>`/`<pc>` let them move it. See docs/translation.md.
 */
import { DOMImplementation, DOMParser, XMLSerializer, type Element, type Node } from '@xmldom/xmldom';
import type { Code, Inline } from './segment.ts';

export const xliffNs = 'urn:oasis:names:tc:xliff:document:2.0';

export type SegmentState = 'initial' | 'translated' | 'reviewed' | 'final';

export interface XliffUnit {
  id: string;
  /** What kind of text and where it is, for the translator (`paragraph, line 42`). */
  name?: string;
  notes: { category: string; text: string }[];
  /** Every code source or target may use, by id. */
  codes: Code[];
  source: Inline[];
  target?: Inline[] | undefined;
  state: SegmentState;
  /** Line of the `<unit>` in the XLIFF file (when read). */
  xmlLine?: number | undefined;
}

export interface XliffFile {
  id: string;
  original: string;
  notes: { category: string; text: string }[];
  units: XliffUnit[];
}

export interface XliffDocument {
  srcLang: string;
  trgLang: string;
  files: XliffFile[];
}

/** The XLIFF document as text (UTF-8, indented so a person can read a diff of it). */
export function writeXliff(doc: XliffDocument): string {
  const xml = new DOMImplementation().createDocument(xliffNs, 'xliff', null);
  const root = xml.documentElement as unknown as Element;
  root.setAttribute('version', '2.0');
  root.setAttribute('srcLang', doc.srcLang);
  root.setAttribute('trgLang', doc.trgLang);
  const el = (parent: Element, name: string, attrs: Record<string, string> = {}, text?: string) => {
    const child = xml.createElementNS(xliffNs, name);
    for (const [k, v] of Object.entries(attrs)) child.setAttribute(k, v);
    if (text !== undefined) child.appendChild(xml.createTextNode(text));
    parent.appendChild(child);
    return child;
  };
  const notes = (parent: Element, list: { category: string; text: string }[]) => {
    if (!list.length) return;
    const n = el(parent, 'notes');
    for (const note of list) el(n, 'note', { category: note.category }, note.text);
  };
  const dataId = (code: Code, part: 'start' | 'end' | 'ph') => `d${code.id}${part === 'end' ? 'e' : ''}`;
  const inline = (parent: Element, content: readonly Inline[], codes: ReadonlyMap<string, Code>) => {
    for (const part of content) {
      if (typeof part === 'string') parent.appendChild(xml.createTextNode(part));
      else if ('ph' in part) {
        const code = codes.get(part.ph);
        el(parent, 'ph', { id: part.ph, ...(code ? { dataRef: dataId(code, 'ph'), disp: code.data } : {}) });
      } else {
        const code = codes.get(part.pc);
        const pc = el(parent, 'pc', {
          id: part.pc,
          ...(code ? { dataRefStart: dataId(code, 'start'), dataRefEnd: dataId(code, 'end'), dispStart: code.data, dispEnd: code.end ?? '' } : {}),
        });
        inline(pc, part.content, codes);
      }
    }
  };
  for (const file of doc.files) {
    const f = el(root, 'file', { id: file.id, original: file.original });
    notes(f, file.notes);
    for (const unit of file.units) {
      const u = el(f, 'unit', { id: unit.id, ...(unit.name ? { name: unit.name } : {}) });
      notes(u, unit.notes);
      if (unit.codes.length) {
        const data = el(u, 'originalData');
        for (const code of unit.codes) {
          if (code.kind === 'ph') el(data, 'data', { id: dataId(code, 'ph') }, code.data);
          else {
            el(data, 'data', { id: dataId(code, 'start') }, code.data);
            el(data, 'data', { id: dataId(code, 'end') }, code.end ?? '');
          }
        }
      }
      const codes = new Map(unit.codes.map((c) => [c.id, c]));
      const segment = el(u, 'segment', { state: unit.state });
      inline(el(segment, 'source'), unit.source, codes);
      if (unit.target) inline(el(segment, 'target'), unit.target, codes);
    }
  }
  const text = new XMLSerializer().serializeToString(xml);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${indent(text)}\n`;
}

/** Puts structural elements on their own lines; inline content (source/target) is left as it is. */
function indent(xml: string): string {
  let depth = 0;
  return xml
    .replace(
      /(<(?:xliff|file|notes|unit|originalData|segment)\b[^>]*>|<\/(?:xliff|file|notes|unit|originalData|segment)>|<(?:note|data|source|target)\b[^>]*>[\s\S]*?<\/(?:note|data|source|target)>|<(?:data|source|target|note)\b[^>]*\/>)/g,
      '\n$1',
    )
    .split('\n')
    .filter((line) => line.length)
    .map((line) => {
      if (/^<\//.test(line)) depth--;
      const out = `${'  '.repeat(Math.max(0, depth))}${line}`;
      if (/^<(xliff|file|notes|unit|originalData|segment)\b(?:[^>]*[^/])?>$/.test(line)) depth++;
      return out;
    })
    .join('\n');
}

/** Why an XLIFF file cannot be read, with the line where it went wrong. */
export class XliffError extends Error {}

const children = (node: Node): Element[] => [...(node.childNodes as unknown as Iterable<Node>)].filter((c): c is Element => c.nodeType === 1);
const named = (node: Node, name: string): Element[] => children(node).filter((c) => c.localName === name && c.namespaceURI === xliffNs);
const lineOf = (node: Node): number | undefined => (node as unknown as { lineNumber?: number }).lineNumber;

/** Reads an XLIFF 2.0 document; codes are taken as the file gives them (the importer checks them). */
export function readXliff(text: string, name: string): XliffDocument {
  const errors: string[] = [];
  const xml = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(text, 'application/xml');
  if (errors.length) throw new XliffError(`${name}: is not well-formed XML: ${errors[0]?.split('\n')[0]}`);
  const root = xml.documentElement;
  if (!root || root.localName !== 'xliff' || root.namespaceURI !== xliffNs || root.getAttribute('version') !== '2.0')
    throw new XliffError(`${name}: is not an XLIFF 2.0 file (expected <xliff version="2.0" xmlns="${xliffNs}">).`);
  const readNotes = (parent: Element) =>
    named(parent, 'notes').flatMap((n) => named(n, 'note').map((note) => ({ category: note.getAttribute('category') ?? '', text: note.textContent ?? '' })));
  const readInline = (parent: Element, unitId: string): Inline[] =>
    [...(parent.childNodes as unknown as Iterable<Node>)].flatMap((node): Inline[] => {
      if (node.nodeType === 3 || node.nodeType === 4) return [node.nodeValue ?? ''];
      if (node.nodeType !== 1) return [];
      const e = node as Element;
      const id = e.getAttribute('id') ?? '';
      if (e.localName === 'ph') return [{ ph: id }];
      if (e.localName === 'pc') return [{ pc: id, content: readInline(e, unitId) }];
      throw new XliffError(
        `${name}:${lineOf(e) ?? '?'}: unit ${unitId}: <${e.localName}> is not an inline code this project writes; keep the <ph> and <pc> codes as they were.`,
      );
    });
  const files = named(root, 'file').map((f): XliffFile => ({
    id: f.getAttribute('id') ?? '',
    original: f.getAttribute('original') ?? '',
    notes: readNotes(f),
    units: named(f, 'unit').map((u): XliffUnit => {
      const id = u.getAttribute('id') ?? '';
      const segments = named(u, 'segment');
      if (segments.length !== 1)
        throw new XliffError(`${name}:${lineOf(u) ?? '?'}: unit ${id}: has ${segments.length} segments; merge them back into one (do not split units).`);
      const segment = segments[0] as Element;
      const source = named(segment, 'source')[0];
      const target = named(segment, 'target')[0];
      const codes: Code[] = named(u, 'originalData').flatMap((d) =>
        named(d, 'data').map((data) => ({ id: data.getAttribute('id') ?? '', kind: 'ph' as const, data: data.textContent ?? '' })),
      );
      return {
        id,
        notes: readNotes(u),
        codes,
        source: source ? readInline(source, id) : [],
        target: target ? readInline(target, id) : undefined,
        state: (segment.getAttribute('state') ?? 'initial') as SegmentState,
        ...(lineOf(u) ? { xmlLine: lineOf(u) } : {}),
      };
    }),
  }));
  return { srcLang: root.getAttribute('srcLang') ?? '', trgLang: root.getAttribute('trgLang') ?? '', files };
}

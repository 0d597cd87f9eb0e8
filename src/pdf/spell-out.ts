import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import * as hb from 'harfbuzzjs';
import { parseOperations, type Operation } from './content-stream.ts';

/**
 * Right-to-left text that reads back as it was written. Chromium prints Arabic glyph by glyph
 * (`dx dy Td <code> Tj`, in visual order inside `/ReversedChars BMC`), and what it writes for text
 * extraction is wrong in two ways:
 * - Noto Sans Arabic draws a dotted letter as its dotless body plus its dots, one body serving
 *   several letters (ب ت ث ن ي at the start of a word). Chromium maps both glyphs to no text and
 *   wraps them in `/Span <</ActualText (ي)>>`: pdf.js and many screen readers ignore ActualText
 *   and lose the letter;
 * - the font gives most Arabic glyphs no advance of their own (its positioning table places them),
 *   and Chromium's `W` widths are those advances, mostly 0: every tool that measures words from
 *   glyph widths sees gaps between the letters of a word and breaks it apart ("الصن بور").
 *
 * So each glyph of a right-to-left run is shown with a character code of its own, made for it: the
 * same glyph (CIDToGIDMap), the width it really takes on the page (the distance to the next glyph
 * drawn), and its text (ToUnicode): the letter for a cluster's body, nothing for its dots, the
 * glyph's own text otherwise. A cluster's dots are drawn before its body, and the ActualText wrapper
 * goes. The page draws exactly what it drew (positions are untouched), and a reader that goes glyph
 * by glyph reads the source text.
 */

const name = (n: string) => PDFName.of(n);

/** A composite font whose codes are extended. */
interface FontCodes {
  /** The next free character code. */
  next: number;
  /** New code → glyph id. */
  glyphs: Map<number, number>;
  /** Text of every code: the font's ToUnicode map, then the new codes' (empty: shows, says nothing). */
  text: Map<number, string>;
  /** Width of every code in thousandths of an em: as Chromium wrote them, then the new codes'. */
  widths: number[];
  /** "glyph:width:text" → code already made. */
  made: Map<string, number>;
  /** A glyph's outline as PDF path operators (font units). */
  outline: (glyph: number) => Outline | undefined;
}

/** Each glyph's advance width in thousandths of an em, from an embedded TrueType font (`head`, `hhea`, `hmtx`, `maxp`). */
function advanceWidths(font: Uint8Array): number[] {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = new Map<string, number>();
  for (let t = 0; t < view.getUint16(4); t++) {
    const record = 12 + t * 16;
    tables.set(String.fromCharCode(...font.subarray(record, record + 4)), view.getUint32(record + 8));
  }
  const [head, hhea, hmtx, maxp] = ['head', 'hhea', 'hmtx', 'maxp'].map((tag) => tables.get(tag));
  if (head === undefined || hhea === undefined || hmtx === undefined || maxp === undefined) return [];
  const unitsPerEm = view.getUint16(head + 18);
  const metrics = view.getUint16(hhea + 34);
  return Array.from({ length: view.getUint16(maxp + 4) }, (_, g) => Math.round((view.getUint16(hmtx + 4 * Math.min(g, metrics - 1)) * 1000) / unitsPerEm));
}

/** The widths a CID font's `W` array gives codes 0 to `count - 1` (`DW` for the others). */
function readWidths(cid: PDFDict, count: number): number[] {
  const fallback = cid.lookupMaybe(name('DW'), PDFNumber)?.asNumber() ?? 1000;
  const widths = Array.from({ length: count }, () => fallback);
  const items = cid.lookupMaybe(name('W'), PDFArray)?.asArray() ?? [];
  const n = (o: unknown) => (o instanceof PDFNumber ? o.asNumber() : 0);
  for (let i = 0; i < items.length;) {
    const list = items[i + 1];
    if (list instanceof PDFArray) {
      list.asArray().forEach((w, k) => (widths[n(items[i]) + k] = n(w)));
      i += 2;
    } else {
      for (let c = n(items[i]); c <= n(list); c++) widths[c] = n(items[i + 2]);
      i += 3;
    }
  }
  return widths;
}

const inflate = (stream: PDFRawStream): Uint8Array =>
  stream.dict.get(name('Filter')) === name('FlateDecode') ? zlib.inflateSync(stream.contents) : stream.contents;
/** A stream's dictionary for new, deflated contents (a form keeps its bounding box, resources and group). */
function streamDict(stream: PDFRawStream): PDFDict {
  const dict = stream.dict.clone();
  dict.set(name('Filter'), name('FlateDecode'));
  dict.delete(name('DecodeParms'));
  dict.delete(name('Length'));
  return dict;
}
const deflated = (doc: PDFDocument, bytes: Uint8Array | string) =>
  doc.context.stream(zlib.deflateSync(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes), { Filter: 'FlateDecode' });

/** The CID font behind a composite font: TrueType-based, identity codes. */
function cidFont(doc: PDFDocument, font: PDFDict): PDFDict | undefined {
  if (font.get(name('Subtype')) !== name('Type0') || font.get(name('Encoding')) !== name('Identity-H')) return undefined;
  const descendant = doc.context.lookup(font.lookup(name('DescendantFonts'), PDFArray).get(0));
  if (!(descendant instanceof PDFDict) || descendant.get(name('Subtype')) !== name('CIDFontType2')) return undefined;
  const map = descendant.get(name('CIDToGIDMap'));
  return map === undefined || map === name('Identity') ? descendant : undefined;
}

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const fromHex = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
const toHex = (text: string) => [...Array(text.length).keys()].map((i) => hex4(text.charCodeAt(i))).join('');

/** Reads glyph outlines from an embedded TrueType font with HarfBuzz, as PDF path operators. */
function outliner(doc: PDFDocument, program: Uint8Array): (glyph: number) => Outline | undefined {
  let font: hb.Font | undefined;
  let unitsPerEm = 1000;
  const made = new Map<number, Outline | undefined>();
  return (glyph) => {
    if (made.has(glyph)) return made.get(glyph);
    if (!font) {
      const face = new hb.Face(new hb.Blob(program.buffer.slice(program.byteOffset, program.byteOffset + program.byteLength) as ArrayBuffer));
      unitsPerEm = face.upem;
      font = new hb.Font(face);
    }
    const path = svgPathToPdf(font.glyphToPath(glyph));
    const numbers = path.match(/-?[\d.]+/g)?.map(Number) ?? [];
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    const bbox = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].map((v, i) => Math.round(v) + (i < 2 ? -1 : 1));
    const form = doc.context.register(
      doc.context.stream(zlib.deflateSync(`${path}\nf`), { Type: 'XObject', Subtype: 'Form', BBox: bbox, Filter: 'FlateDecode' }),
    );
    const outline = path ? { form, unitsPerEm } : undefined;
    made.set(glyph, outline);
    return outline;
  };
}

/** SVG path data as HarfBuzz writes it (M L Q C Z, absolute) as PDF path operators; quadratic curves become cubic. */
export function svgPathToPdf(d: string): string {
  const out: string[] = [];
  let [x, y] = [0, 0];
  const n = (v: number) => String(Math.round(v * 100) / 100);
  for (const [, command, args] of d.matchAll(/([MLQCZ])([^MLQCZ]*)/g)) {
    const v = (args ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (command === 'M' || command === 'L') {
      [x, y] = [v[0] ?? 0, v[1] ?? 0];
      out.push(`${n(x)} ${n(y)} ${command === 'M' ? 'm' : 'l'}`);
    } else if (command === 'Q') {
      const [qx = 0, qy = 0, ex = 0, ey = 0] = v;
      out.push(`${n(x + ((qx - x) * 2) / 3)} ${n(y + ((qy - y) * 2) / 3)} ${n(ex + ((qx - ex) * 2) / 3)} ${n(ey + ((qy - ey) * 2) / 3)} ${n(ex)} ${n(ey)} c`);
      [x, y] = [ex, ey];
    } else if (command === 'C') {
      out.push(`${v.map(n).join(' ')} c`);
      [x, y] = [v[4] ?? 0, v[5] ?? 0];
    } else out.push('h');
  }
  return out.join('\n');
}

/** A ToUnicode CMap's mappings (`bfchar` and `bfrange`). */
function readToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of (body ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(parseInt(src ?? '', 16), fromHex(dst ?? ''));
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, lo, hi, dst] of (body ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = fromHex(dst ?? '');
      for (let c = parseInt(lo ?? '', 16); c <= parseInt(hi ?? '', 16); c++)
        map.set(c, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + c - parseInt(lo ?? '', 16)));
    }
  return map;
}

/** Decodes a PDF text string operand: `<FEFF…>` or `(…)`. */
function decodeTextOperand(operand: string): string {
  if (operand.startsWith('<')) return fromHex(operand.slice(1, -1).replace(/\s/g, '').replace(/^FEFF/i, ''));
  return operand.slice(1, -1).replace(/\\([nrtbf()\\])/g, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' })[c] ?? c);
}

/** One glyph a `<codes> Tj` shows (a Tj may show a few, placed by their widths). */
interface Glyph {
  show: Operation;
  /** Its code (two bytes, identity: the glyph id). */
  code: number;
  font: string;
  size: number;
  /** Where it sits, in text space from the segment's origin (`BT` or `Tm`). */
  x: number;
  y: number;
  /** Inside `/ReversedChars`: a right-to-left run, whose glyphs get codes of their own. */
  rtl: boolean;
  cluster: Cluster | undefined;
}

/** An ActualText span Chromium wrote around one cluster of a right-to-left run. */
interface Cluster {
  open: Operation;
  close: Operation;
  text: string;
  glyphs: Glyph[];
  /** The glyph that carries the cluster's text: the letter's body, not its dots. */
  body?: Glyph;
  /** Only glyphs inside: it can go, its glyphs drawn body last. */
  movable: boolean;
}

/** A text object or the part of one after a `Tm`, as this module reads it. */
interface Segment {
  /** The text matrix its positions are in (`Tm`'s operands; identity after `BT`). */
  matrix: number[];
  glyphs: Glyph[];
  clusters: Cluster[];
  /** Only `Td` and single-glyph `Tj` position text in it: its glyphs can be redrawn from their positions. */
  plain: boolean;
}

/** Operators that place text other than `Td` and `Tj`: a segment with one is left alone. */
const placesText = new Set(['TJ', "'", '"', 'T*', 'TD', 'Tc', 'Tw', 'Tz', 'TL', 'Ts', 'Tr']);

/** The segments of a content stream, by the operation that starts each. */
export function readSegments(
  ops: Operation[],
  widthsOf: (font: string) => readonly number[] | undefined,
): { segments: Map<Operation, Segment>; dropped: Set<Operation> } {
  const segments = new Map<Operation, Segment>();
  /** Spans whose ActualText is only a direction mark (Chromium puts U+200E on spaces beside numbers): they go, so the space reads as a space. */
  const dropped = new Set<Operation>();
  const marks: { name: string; cluster?: Cluster; dropped?: boolean }[] = [];
  /** The innermost open cluster, and how many `/ReversedChars` sequences are open. */
  let cluster: Cluster | undefined;
  let reversed = 0;
  let widths: readonly number[] | undefined;
  let segment: Segment = { matrix: [1, 0, 0, 1, 0, 0], glyphs: [], clusters: [], plain: true };
  // The line origin (moved by Td) and the current point (where the next Tj starts: after the last one).
  let [font, size, x, y, cx] = ['', 0, 0, 0, 0];
  for (const op of ops) {
    if (op.op === 'BT' || op.op === 'Tm') {
      segment = { matrix: op.op === 'Tm' ? op.operands.map(Number) : [1, 0, 0, 1, 0, 0], glyphs: [], clusters: [], plain: true };
      segments.set(op, segment);
      [x, y, cx] = [0, 0, 0];
      // A cluster may open before its text's font and matrix are set, not change them midway.
      if (cluster?.glyphs.length) cluster.movable = false;
    } else if (op.op === 'Tf') {
      [font, size] = [op.operands[0] ?? '', Number(op.operands[1])];
      widths = widthsOf(font);
      if (cluster?.glyphs.length) cluster.movable = false;
    } else if (op.op === 'Td') {
      x += Number(op.operands[0]);
      y += Number(op.operands[1]);
      cx = x;
    } else if (op.op === 'BMC') {
      marks.push({ name: op.operands[0] ?? '' });
      if (op.operands[0] === '/ReversedChars') reversed++;
    } else if (op.op === 'BDC') {
      const actual = op.operands[0] === '/Span' ? /\/ActualText\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/.exec(op.operands[1] ?? '')?.[1] : undefined;
      const said = actual === undefined ? undefined : decodeTextOperand(actual);
      if (said !== undefined && /^\p{Cf}+$/u.test(said)) {
        dropped.add(op);
        marks.push({ name: '/Span', dropped: true });
        continue;
      }
      const made = said !== undefined && reversed > 0 ? { open: op, close: op, text: said, glyphs: [], movable: true } : undefined;
      if (cluster) cluster.movable = false;
      marks.push({ name: op.operands[0] ?? '', ...(made ? { cluster: made } : {}) });
      if (made) cluster = made;
    } else if (op.op === 'EMC') {
      const ended = marks.pop();
      if (ended?.name === '/ReversedChars') reversed--;
      if (ended?.cluster) cluster = marks.findLast((m) => m.cluster)?.cluster;
      if (ended?.dropped) dropped.add(op);
      if (ended?.cluster?.glyphs.length) {
        ended.cluster.close = op;
        segment.clusters.push(ended.cluster);
      }
    } else if (op.op === 'Tj' && widths && /^<([0-9A-Fa-f]{4})+>$/.test(op.operands[0] ?? '')) {
      // Each glyph on its own: those after the first in one Tj sit where the widths before them end.
      const hex = op.operands[0] ?? '';
      for (let k = 1; k + 4 < hex.length; k += 4) {
        const code = parseInt(hex.slice(k, k + 4), 16);
        const glyph: Glyph = { show: op, code, font, size, x: cx, y, rtl: reversed > 0, cluster };
        cluster?.glyphs.push(glyph);
        segment.glyphs.push(glyph);
        cx += ((widths[code] ?? 0) * size) / 1000;
      }
    } else if (op.op === 'Tj' || placesText.has(op.op)) segment.plain = false;
    else if (cluster) cluster.movable = false;
  }
  for (const s of segments.values()) {
    // The baseline: the height most glyphs of the segment sit at. A cluster's body is the glyph
    // nearest to it; its dots sit above or below.
    const heights = new Map<number, number>();
    for (const g of s.glyphs) heights.set(round(g.y), (heights.get(round(g.y)) ?? 0) + 1);
    const baseline = [...heights].reduce((best, h) => (h[1] > best[1] ? h : best), [0, 0])[0];
    for (const c of s.clusters) {
      c.movable &&= s.plain;
      c.body = c.glyphs.reduce((best, g) => (Math.abs(g.y - baseline) < Math.abs(best.y - baseline) ? g : best));
    }
  }
  return { segments, dropped };
}

/** The order a plain segment's glyphs are drawn in once rewritten: a movable cluster's body after its dots. */
function drawingOrder(segment: Segment): Glyph[] {
  if (!segment.plain) return segment.glyphs;
  const order: Glyph[] = [];
  for (const glyph of segment.glyphs) {
    const c = glyph.cluster;
    const moved = c?.movable && c.glyphs.length > 1 ? c.body : undefined;
    if (glyph !== moved) order.push(glyph);
    if (moved && c?.glyphs.at(-1) === glyph) order.push(moved);
  }
  return order;
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** Every content stream that may show text, with the fonts it names: pages' and form XObjects'. */
function* textStreams(doc: PDFDocument): Generator<{ ref: PDFRef; stream: PDFRawStream; resources: PDFDict; fontDict: PDFDict }> {
  for (const page of doc.getPages()) {
    const resources = page.node.Resources();
    const fontDict = resources?.lookupMaybe(name('Font'), PDFDict);
    const contents = page.node.get(name('Contents'));
    for (const ref of contents instanceof PDFArray ? contents.asArray() : [contents]) {
      const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : undefined;
      if (stream instanceof PDFRawStream && resources && fontDict && ref instanceof PDFRef) yield { ref, stream, resources, fontDict };
    }
  }
  for (const [ref, stream] of [...doc.context.enumerateIndirectObjects()]) {
    if (!(stream instanceof PDFRawStream) || stream.dict.get(name('Subtype')) !== name('Form')) continue;
    const resources = stream.dict.lookupMaybe(name('Resources'), PDFDict);
    const fontDict = resources?.lookupMaybe(name('Font'), PDFDict);
    if (resources && fontDict) yield { ref, stream, resources, fontDict };
  }
}

/**
 * Gives every right-to-left glyph of every page a code that says what it shows and how wide it is
 * (see the module comment). Returns the number of glyphs given a new code.
 */
export function spellOutRightToLeft(doc: PDFDocument): number {
  const fonts = new Map<PDFRef, FontCodes | undefined>();
  const codesOf = (ref: PDFRef): FontCodes | undefined => {
    if (fonts.has(ref)) return fonts.get(ref);
    const font = doc.context.lookup(ref);
    const cid = font instanceof PDFDict ? cidFont(doc, font) : undefined;
    const file = cid?.lookup(name('FontDescriptor'), PDFDict).lookupMaybe(name('FontFile2'), PDFStream);
    const toUnicode = font instanceof PDFDict ? font.lookupMaybe(name('ToUnicode'), PDFStream) : undefined;
    const program = file instanceof PDFRawStream ? advanceWidths(inflate(file)) : [];
    let codes: FontCodes | undefined;
    if (cid && program.length && toUnicode instanceof PDFRawStream) {
      // The widths Chromium wrote stay those of the codes it used: only new codes get new widths.
      const written = readWidths(cid, program.length);
      codes = {
        next: program.length,
        glyphs: new Map(),
        text: readToUnicode(Buffer.from(inflate(toUnicode)).toString('latin1')),
        widths: written,
        made: new Map(),
        outline: outliner(doc, inflate(file as PDFRawStream)),
      };
    }
    fonts.set(ref, codes);
    return codes;
  };
  const codeFor = (codes: FontCodes, glyph: number, width: number, text: string): number => {
    const key = `${glyph}:${width}:${text}`;
    let code = codes.made.get(key);
    // Codes are two bytes: a font that ran out keeps the glyph's own code (drawn the same, read as before).
    if (code === undefined && codes.next > 0xffff) return glyph;
    if (code === undefined) {
      code = codes.next++;
      codes.made.set(key, code);
      codes.glyphs.set(code, glyph);
      codes.text.set(code, text);
      codes.widths[code] = width;
    }
    return code;
  };
  let given = 0;
  for (const { ref, stream, resources, fontDict } of textStreams(doc)) {
    const text = Buffer.from(inflate(stream)).toString('latin1');
    // Only right-to-left runs and ActualText spans are rewritten: most streams have neither.
    if (!text.includes('/ReversedChars') && !text.includes('/ActualText')) continue;
    const ops = parseOperations(text);
    if (!ops) continue;
    const byName = new Map<string, FontCodes | undefined>();
    const fontsByName = (font: string) => {
      if (!byName.has(font)) {
        const ref = fontDict.get(name(font.slice(1)));
        byName.set(font, ref instanceof PDFRef ? codesOf(ref) : undefined);
      }
      return byName.get(font);
    };
    const { segments, dropped } = readSegments(ops, (font) => fontsByName(font)?.widths);
    const codeOf = new Map<Glyph, number>();
    const outlines = new Map<Glyph, Outline>();
    for (const segment of segments.values()) {
      const order = drawingOrder(segment);
      const fontCodes = (glyph: Glyph) => (glyph.rtl ? fontsByName(glyph.font) : undefined);
      // What each glyph says: a cluster's text on its body, nothing on its dots, else the glyph's own
      // text (U+0000 is how Chromium says "no text"); a combining mark's text goes to the letter
      // drawn before it (its base), so the two read in their order whatever a reader makes of
      // their positions.
      const said = new Map<Glyph, string>();
      let base: Glyph | undefined;
      for (const glyph of order) {
        const codes = fontCodes(glyph);
        if (!codes) {
          base = undefined;
          continue;
        }
        const c = glyph.cluster;
        let text = (c ? (c.body === glyph ? c.text : '') : (codes.text.get(glyph.code) ?? '')).replace(/\0/g, '');
        if (base && text && /^\p{M}+$/u.test(text)) {
          said.set(base, (said.get(base) ?? '') + text);
          text = '';
        } else if (text) base = glyph;
        said.set(glyph, text);
        // A glyph that says nothing (a cluster's dots, a stroke Chromium maps to U+0000) becomes its
        // outline: it is no text, so no reader finds a character or a gap for it.
        const outline = !text && segment.plain && (!c || c.movable) && c?.body !== glyph ? codes.outline(glyph.code) : undefined;
        if (outline) outlines.set(glyph, outline);
      }
      // Each glyph's width: how far the next glyph that says something starts (outlines are no text,
      // and readers drop what says nothing), found walking back from the end.
      let next: Glyph | undefined;
      for (let i = order.length - 1; i >= 0; i--) {
        const glyph = order[i] as Glyph;
        const codes = fontCodes(glyph);
        const text = said.get(glyph);
        if (!codes || text === undefined || outlines.has(glyph)) {
          if (!codes) next = undefined;
          continue;
        }
        let width = codes.widths[glyph.code] ?? 0;
        if (segment.plain && !text) width = 0;
        else if (segment.plain && next && next.font === glyph.font && next.size === glyph.size && glyph.size > 0)
          width = Math.max(0, Math.round(((next.x - glyph.x) / glyph.size) * 1000));
        // Readers reverse a right-to-left run character by character (the page holds it in visual
        // order), so a code that says several characters says them reversed.
        codeOf.set(glyph, codeFor(codes, glyph.code, width, [...text].reverse().join('')));
        if (text) next = glyph;
      }
    }
    if (!codeOf.size && !dropped.size) continue;
    if (outlines.size) {
      let forms = resources.lookupMaybe(name('XObject'), PDFDict);
      if (!forms) resources.set(name('XObject'), (forms = doc.context.obj({})));
      for (const { form } of outlines.values()) forms.set(name(formName(form)), form);
    }
    doc.context.assign(
      ref,
      PDFRawStream.of(streamDict(stream), zlib.deflateSync(Buffer.from(rewrite(text, ops, segments, dropped, codeOf, outlines), 'latin1'))),
    );
    given += codeOf.size;
  }
  for (const [ref, codes] of fonts) if (codes?.glyphs.size) extendFont(doc, doc.context.lookup(ref, PDFDict), codes);
  return given;
}

/**
 * The content stream again with its new codes. In a plain segment every glyph is drawn as
 * `dx dy Td <code> Tj` from the one before (so nothing moves), the `Td`s that placed them go, and a
 * movable cluster loses its ActualText span and draws its body last.
 */
/** A glyph drawn as its outline: a form XObject (its path in font units), drawn once per use. */
interface Outline {
  form: PDFRef;
  unitsPerEm: number;
}

/** Operators that set what the deferred outlines are painted with. */
const paints = new Set(['rg', 'g', 'k', 'cs', 'sc', 'scn', 'gs']);

/** The resource name a glyph's form is drawn by: the same in every content stream that uses it. */
const formName = (form: PDFRef) => `SSMg${form.objectNumber}`;

/** `a × b` for PDF matrices `[a b c d e f]`. */
const multiply = (m: number[], n: number[]): number[] => {
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = m;
  const [p = 0, q = 0, r = 0, t = 0, u = 0, v = 0] = n;
  return [a * p + b * r, a * q + b * t, c * p + d * r, c * q + d * t, e * p + f * r + u, e * q + f * t + v];
};

function rewrite(
  text: string,
  ops: Operation[],
  segments: Map<Operation, Segment>,
  dropped: Set<Operation>,
  codeOf: Map<Glyph, number>,
  outlines: Map<Glyph, Outline>,
): string {
  const glyphOf = new Map<Operation, Glyph[]>();
  const movable = new Set<Operation>();
  for (const segment of segments.values())
    for (const glyph of segment.glyphs) {
      glyphOf.set(glyph.show, [...(glyphOf.get(glyph.show) ?? []), glyph]);
      if (glyph.cluster?.movable) movable.add(glyph.cluster.open).add(glyph.cluster.close);
    }
  const out: string[] = [];
  let copied = 0;
  const replace = (op: Operation, withText: string) => {
    out.push(text.slice(copied, op.start), withText);
    copied = op.end;
  };
  const shownCodes = (glyphs: Glyph[]) =>
    `<${glyphs
      .map((g) => codeOf.get(g) ?? g.code)
      .map(hex4)
      .join('')}>`;
  let plain = false;
  let matrix = [1, 0, 0, 1, 0, 0];
  let [lx, ly] = [0, 0];
  let held: Glyph[] = [];
  // Dots drawn as outlines wait for the end of the text object (no path inside BT … ET), with the
  // fill colour and graphics state they were drawn with.
  let deferred: string[] = [];
  let paint: Record<string, string> = {};
  const defer = (glyph: Glyph, outline: Outline) => {
    const scale = glyph.size / outline.unitsPerEm;
    const placed = multiply([scale, 0, 0, scale, glyph.x, glyph.y], matrix).map(round);
    const state = [paint['gs'], paint['cs'], paint['colour']].filter((o): o is string => o !== undefined);
    deferred.push(['q', `${placed.join(' ')} cm`, ...state, `/${formName(outline.form)} Do`, 'Q', ''].join('\n'));
  };
  const draw = (glyph: Glyph) => {
    const shown = shownCodes([glyph]);
    // Every glyph moves the line origin to where it sits (a glyph that followed another without a
    // move of its own started where that one's width ended: it gets a move now), rounded to what was
    // written so rounding never adds up along a line.
    const [dx, dy] = [round(glyph.x - lx), round(glyph.y - ly)];
    [lx, ly] = [lx + dx, ly + dy];
    return `${dx} ${dy} Td ${shown} Tj`;
  };
  /** A glyph drawn as text, or as its outline after the text object (then nothing here). */
  const emit = (glyph: Glyph) => {
    const outline = outlines.get(glyph);
    if (!outline) return draw(glyph);
    defer(glyph, outline);
    return '';
  };
  for (const op of ops) {
    const segment = segments.get(op);
    if (segment) {
      plain = segment.plain;
      matrix = segment.matrix;
      [lx, ly] = [0, 0];
      continue;
    }
    if (paints.has(op.op)) paint = { ...paint, [op.op === 'cs' || op.op === 'gs' ? op.op : 'colour']: text.slice(op.start, op.end) };
    if (op.op === 'ET' && deferred.length) {
      replace(op, `ET\n${deferred.join('')}`);
      deferred = [];
      continue;
    }
    const parts = glyphOf.get(op);
    if (dropped.has(op)) {
      replace(op, '');
      continue;
    }
    if (!plain) {
      if (parts?.some((g) => codeOf.has(g))) replace({ ...op, end: op.start + (op.operands[0] ?? '').length }, shownCodes(parts));
      continue;
    }
    if (op.op === 'Td') replace(op, '');
    else if (parts?.[0]?.cluster?.movable) {
      held.push(...parts);
      replace(op, '');
    } else if (parts) replace(op, parts.map(emit).filter(Boolean).join('\n'));
    else if (movable.has(op) && op.op === 'EMC') {
      const body = held.find((g) => g === g.cluster?.body);
      replace(op, [...held.filter((h) => h !== body), ...(body ? [body] : [])].map(emit).filter(Boolean).join('\n'));
      held = [];
    } else if (movable.has(op)) replace(op, '');
  }
  out.push(text.slice(copied));
  return out.join('');
}

/** Writes a font's new codes: its glyph map, widths and ToUnicode map. */
function extendFont(doc: PDFDocument, font: PDFDict, codes: FontCodes): void {
  const cid = cidFont(doc, font);
  if (!cid) return;
  const map = new Uint8Array(codes.next * 2);
  for (let c = 0; c < codes.next; c++) {
    const glyph = codes.glyphs.get(c) ?? c;
    map[c * 2] = glyph >> 8;
    map[c * 2 + 1] = glyph & 0xff;
  }
  cid.set(name('CIDToGIDMap'), doc.context.register(deflated(doc, map)));
  cid.set(name('W'), doc.context.obj([0, Array.from({ length: codes.next }, (_, c) => codes.widths[c] ?? 0)]));
  // Codes that say nothing map to U+0000, as Chromium's own dots and bodies did: readers skip it.
  const entries = [...codes.text].sort(([a], [b]) => a - b).map(([code, text]) => `<${hex4(code)}> <${toHex(text) || '0000'}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100)
    blocks.push(`${Math.min(100, entries.length - i)} beginbfchar\n${entries.slice(i, i + 100).join('\n')}\nendbfchar`);
  const cmap = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
  const previous = font.get(name('ToUnicode'));
  if (previous instanceof PDFRef) doc.context.assign(previous, deflated(doc, cmap));
  else font.set(name('ToUnicode'), doc.context.register(deflated(doc, cmap)));
}

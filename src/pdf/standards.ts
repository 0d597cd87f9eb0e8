import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { markArtifacts } from './content-stream.ts';

/**
 * What makes the two editions meet their standards, applied by `finish.ts` to Chromium's print:
 * - both: untagged drawing marked as artifacts, device RGB declared sRGB (`DefaultRGB`), every link
 *   described, figure groups without alternative text turned into plain groups;
 * - print: PDF/X-4 (FOGRA39 output intent, XMP identification, `Trapped`, links not printed);
 * - screen: PDF/UA-1 identification in XMP.
 */

const iccDir = path.join(import.meta.dirname, 'icc');
/** The colour profiles this module embeds (their bytes are part of the PDF cache key). */
export const iccFiles = ['FOGRA39L-coated.icc', 'sRGB.icc'].map((f) => path.join(iccDir, f));

/** The printing condition of the print edition: offset on coated paper (see `icc/README.md`). */
export const outputCondition = {
  identifier: 'FOGRA39',
  registry: 'http://www.color.org',
  info: 'Coated FOGRA39 (ISO 12647-2:2004/Amd 1, offset, paper type 1 or 2)',
} as const;

const name = (n: string) => PDFName.of(n);

/** An ICC profile as a compressed stream with its number of components. */
function iccStream(doc: PDFDocument, file: string, components: number): PDFRef {
  return doc.context.register(doc.context.stream(zlib.deflateSync(fs.readFileSync(file), { level: 9 }), { N: components, Filter: 'FlateDecode' }));
}

/** Rewrites every page's content streams through `edit`; returns how many were changed. */
function editPageContents(doc: PDFDocument, edit: (text: string) => string | undefined): number {
  let changed = 0;
  for (const page of doc.getPages()) {
    const contents = page.node.get(name('Contents'));
    const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
    for (const ref of refs) {
      if (!(ref instanceof PDFRef)) continue;
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const filter = stream.dict.get(name('Filter'));
      if (filter && filter !== name('FlateDecode')) continue;
      const text = Buffer.from(filter ? zlib.inflateSync(stream.contents) : stream.contents).toString('latin1');
      const edited = edit(text);
      if (edited === undefined || edited === text) continue;
      doc.context.assign(ref, doc.context.stream(zlib.deflateSync(Buffer.from(edited, 'latin1')), { Filter: 'FlateDecode' }));
      changed++;
    }
  }
  return changed;
}

/** Marks what Chromium left untagged as artifacts, on every page. */
export function markUntaggedContent(doc: PDFDocument): number {
  let wrapped = 0;
  editPageContents(doc, (text) => {
    const marked = markArtifacts(text);
    wrapped += marked.wrapped;
    return marked.text;
  });
  return wrapped;
}

/** Every resource dictionary: pages and form XObjects (Chromium's transparency groups). */
function resourceDicts(doc: PDFDocument): PDFDict[] {
  const dicts: PDFDict[] = doc.getPages().map((page) => {
    let resources = page.node.lookupMaybe(name('Resources'), PDFDict);
    if (!resources) page.node.set(name('Resources'), (resources = doc.context.obj({})));
    return resources;
  });
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream) || obj.dict.get(name('Subtype')) !== name('Form')) continue;
    let resources = obj.dict.lookupMaybe(name('Resources'), PDFDict);
    if (!resources) obj.dict.set(name('Resources'), (resources = doc.context.obj({})));
    dicts.push(resources);
  }
  return dicts;
}

/**
 * Declares the colours Chromium writes as device RGB to be sRGB (what the browser showed), so they
 * are device-independent: a `DefaultRGB` ICC-based colour space in every resource dictionary.
 */
export function declareSrgb(doc: PDFDocument): void {
  const srgb = doc.context.obj([name('ICCBased'), iccStream(doc, iccFiles[1] ?? '', 3)]);
  for (const resources of resourceDicts(doc)) {
    let spaces = resources.lookupMaybe(name('ColorSpace'), PDFDict);
    if (!spaces) resources.set(name('ColorSpace'), (spaces = doc.context.obj({})));
    spaces.set(name('DefaultRGB'), srgb);
  }
}

/** Text of a PDF string or name, or ''. */
const textOf = (value: PDFObject | undefined): string =>
  value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : value instanceof PDFName ? value.decodeText() : '';

/** Link annotations of every page. */
function linkAnnotations(doc: PDFDocument): PDFDict[] {
  return doc
    .getPages()
    .flatMap((page) =>
      (page.node.Annots()?.asArray() ?? [])
        .map((ref) => doc.context.lookup(ref))
        .filter((a): a is PDFDict => a instanceof PDFDict && a.get(name('Subtype')) === name('Link')),
    );
}

/**
 * Gives every link a description (`Contents`), as PDF/UA asks: the text of the part an internal
 * link leads to (`targets`, by destination name), else the web address.
 */
export function describeLinks(doc: PDFDocument, targets: Readonly<Record<string, string>>): void {
  for (const link of linkAnnotations(doc)) {
    const dest = textOf(link.get(name('Dest')));
    const action = link.lookupMaybe(name('A'), PDFDict);
    const uri = textOf(action?.get(name('URI')));
    const description = (dest && targets[dest]) || uri || dest;
    if (description) link.set(name('Contents'), PDFHexString.fromText(description));
  }
}

/** Sets whether links carry the Print flag (they draw nothing either way). */
export function setLinksPrinted(doc: PDFDocument, printed: boolean): void {
  for (const link of linkAnnotations(doc)) link.set(name('F'), PDFNumber.of(printed ? 4 : 0));
}

/** Structure elements, depth first. */
function* structElements(doc: PDFDocument): Generator<PDFDict> {
  const root = doc.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
  const stack: PDFObject[] = root?.get(name('K')) ? [root.get(name('K')) as PDFObject] : [];
  while (stack.length) {
    let node = stack.pop();
    if (node instanceof PDFRef) node = doc.context.lookup(node);
    if (node instanceof PDFArray) stack.push(...node.asArray().reverse());
    else if (node instanceof PDFDict && node.get(name('Type')) !== name('MCR') && node.get(name('Type')) !== name('OBJR')) {
      yield node;
      const kids = node.get(name('K'));
      if (kids) stack.push(kids);
    }
  }
}

/**
 * An HTML `<figure>` becomes a Figure element around the picture's own Figure (which carries the
 * alternative text) and its caption; the outer one has no alternative text of its own, which
 * PDF/UA does not allow. It becomes a plain group (`Div`). Returns the Figures still without
 * alternative text.
 */
export function repairFigures(doc: PDFDocument): number {
  const elements = [...structElements(doc)];
  const hasFigureInside = (el: PDFDict): boolean => {
    const kids = el.get(name('K'));
    const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : [];
    return list.some((k) => {
      const kid = k instanceof PDFRef ? doc.context.lookup(k) : k;
      return kid instanceof PDFDict && (kid.get(name('S')) === name('Figure') || hasFigureInside(kid));
    });
  };
  let missing = 0;
  for (const el of elements) {
    if (el.get(name('S')) !== name('Figure') || el.get(name('Alt'))) continue;
    if (hasFigureInside(el)) el.set(name('S'), name('Div'));
    else missing++;
  }
  return missing;
}

/** XML text. */
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface XmpFields {
  title: string;
  description: string;
  keywords: string[];
  lang: string;
  author: string;
  creator: string;
  producer: string;
  date: Date;
  /** `x4`: PDF/X-4 identification; `ua1`: PDF/UA-1. */
  conformance: 'x4' | 'ua1';
  /** A stable identifier of the document (the same for both editions). */
  documentId: string;
}

/** The XMP metadata packet the editions carry: Dublin Core, dates, producer, and the standard met. */
export function xmpPacket(f: XmpFields): string {
  const date = f.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xml(value)}</rdf:li></rdf:Alt>`;
  const instance = createHash('sha256').update(f.documentId).update(f.conformance).digest('hex').slice(0, 32);
  const uuid = (hex: string) => `uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
  const standard = f.conformance === 'x4' ? `<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>` : `<pdfuaid:part>1</pdfuaid:part>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    ' xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"',
    f.conformance === 'x4' ? ' xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">' : ' xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(f.title)}</dc:title>`,
    `<dc:description>${alt(f.description)}</dc:description>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:language><rdf:Bag><rdf:li>${xml(f.lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<dc:subject><rdf:Bag>${f.keywords.map((k) => `<rdf:li>${xml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
    `<xmp:CreateDate>${date}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    `<xmp:CreatorTool>${xml(f.creator)}</xmp:CreatorTool>`,
    `<pdf:Producer>${xml(f.producer)}</pdf:Producer>`,
    `<pdf:Keywords>${xml(f.keywords.join(', '))}</pdf:Keywords>`,
    f.conformance === 'x4' ? `<pdf:Trapped>False</pdf:Trapped>` : '',
    `<xmpMM:DocumentID>${uuid(f.documentId)}</xmpMM:DocumentID>`,
    `<xmpMM:InstanceID>${uuid(instance)}</xmpMM:InstanceID>`,
    `<xmpMM:VersionID>1</xmpMM:VersionID>`,
    `<xmpMM:RenditionClass>default</xmpMM:RenditionClass>`,
    standard,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** Puts an XMP packet in the catalog (uncompressed, so tools that scan for it find it), replacing the last one. */
export function setXmp(doc: PDFDocument, packet: string): void {
  const previous = doc.catalog.get(name('Metadata'));
  if (previous instanceof PDFRef) doc.context.delete(previous);
  const stream = doc.context.stream(Buffer.from(packet, 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(name('Metadata'), doc.context.register(stream));
}

/** The file identifier a PDF/X file must carry, from a stable document identifier. */
export function setFileId(doc: PDFDocument, documentId: string, edition: string): void {
  const permanent = createHash('md5').update(documentId).digest('hex');
  const changing = createHash('md5').update(documentId).update(edition).digest('hex');
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(permanent), PDFHexString.of(changing)]);
}

/**
 * Adds (`on`) or removes the PDF/X-4 output intent, the FOGRA39 printing condition with its
 * profile; removed, its profile leaves the file too.
 */
export function setOutputIntent(doc: PDFDocument, on: boolean): void {
  const intents = doc.catalog.lookupMaybe(name('OutputIntents'), PDFArray);
  if (!on) {
    for (const intent of intents?.asArray() ?? []) {
      const profile = (doc.context.lookup(intent) as PDFDict | undefined)?.get(name('DestOutputProfile'));
      if (profile instanceof PDFRef) doc.context.delete(profile);
    }
    doc.catalog.delete(name('OutputIntents'));
    return;
  }
  if (intents) return;
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(outputCondition.identifier),
    OutputCondition: PDFString.of(outputCondition.info),
    RegistryName: PDFString.of(outputCondition.registry),
    Info: PDFString.of(outputCondition.info),
    DestOutputProfile: iccStream(doc, iccFiles[0] ?? '', 4),
  });
  doc.catalog.set(name('OutputIntents'), doc.context.obj([intent]));
}

import { createHash } from 'node:crypto';
import { ParseSpeeds, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, type PDFObject } from 'pdf-lib';
import { editions, ptPerMm, type Edition } from './editions.ts';
import { declareSrgb, describeLinks, markUntaggedContent, repairFigures, setFileId, setLinksPrinted, setOutputIntent, setXmp, xmpPacket } from './standards.ts';
import { spellOutRightToLeft } from './spell-out.ts';

/**
 * Chromium names each tagged structure element after its DOM node (`/ID (node00002575)`), a
 * counter that depends on what the tab printed before; table cells refer to their headers by
 * those names. Every such name is renumbered in its original order (so the ID tree stays sorted
 * and every reference still matches): the same document then gives the same bytes in any tab.
 */
function renumberStructureIds(doc: PDFDocument): void {
  const pattern = /^node(\d+)$/;
  const found = new Set<number>();
  type Slot = { get: () => PDFObject | undefined; set: (o: PDFObject) => void };
  const slots: Slot[] = [];
  const walk = (obj: PDFObject | undefined, slot?: Slot) => {
    if (obj instanceof PDFString || obj instanceof PDFHexString) {
      const m = pattern.exec(obj.decodeText());
      if (m && slot) {
        found.add(Number(m[1]));
        slots.push(slot);
      }
    } else if (obj instanceof PDFDict) {
      for (const [key, value] of obj.entries()) walk(value, { get: () => obj.get(key), set: (o) => obj.set(key, o) });
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) walk(obj.get(i), { get: () => obj.get(i), set: (o) => obj.set(i, o) });
    }
  };
  for (const [, obj] of doc.context.enumerateIndirectObjects()) if (!(obj instanceof PDFRawStream)) walk(obj);
  const order = new Map([...found].sort((a, b) => a - b).map((n, i) => [n, `node${String(i + 1).padStart(8, '0')}`]));
  for (const slot of slots) {
    const current = slot.get() as PDFString | PDFHexString;
    const n = Number(pattern.exec(current.decodeText())?.[1]);
    slot.set(PDFString.of(order.get(n) ?? current.decodeText()));
  }
}

/** What the PDF says about itself. */
export interface PdfMeta {
  title: string;
  subject: string;
  keywords: string[];
  lang: string;
  /** The document's headings in logical order, to repair right-to-left bookmark titles. */
  headings?: string[];
  /** The text of each part an internal link leads to, by its id: the links' descriptions. */
  targets?: Record<string, string>;
}

/**
 * Chromium builds bookmark titles from the laid-out text of each heading: words of a wrapped
 * heading run together ("CallCenter"), some titles come out twice ("ContentsContents"), and
 * right-to-left headings come out in visual order. Bookmarks are made one per laid-out heading, in
 * document order, so each gets its heading's own text back; if the counts ever differ, only
 * titles that are a heading with its words reversed are repaired.
 */
function repairOutline(doc: PDFDocument, headings: readonly string[]): void {
  const nodes: PDFDict[] = [];
  const visit = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      nodes.push(node);
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.lookupMaybe(PDFName.of('First'), PDFDict));
  const setTitle = (node: PDFDict, text: string) => node.set(PDFName.of('Title'), PDFHexString.fromText(text));
  if (nodes.length === headings.length) {
    nodes.forEach((node, i) => setTitle(node, headings[i] ?? ''));
    return;
  }
  const byReversed = new Map(headings.map((h) => [h.split(' ').reverse().join(' '), h]));
  for (const node of nodes) {
    const title = node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText().replace(/\s+/g, ' ').trim() ?? '';
    const fixed = byReversed.get(title);
    if (fixed) setTitle(node, fixed);
  }
}

/**
 * The time written into every PDF: `SOURCE_DATE_EPOCH` when set (reproducible builds), else a
 * fixed date, so the same input always gives the same bytes.
 */
export function buildDate(): Date {
  const epoch = Number(process.env['SOURCE_DATE_EPOCH']);
  return Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date('2026-01-01T00:00:00Z');
}

/**
 * The last step of every PDF. Chromium prints each document once, laid out on the print edition's
 * sheet (A4 plus bleed, margins grown by the bleed, so the text area is the screen edition's);
 * both editions come from that one print:
 * - `print`: TrimBox = A4 inset by the bleed, BleedBox = MediaBox;
 * - `screen`: MediaBox and CropBox are the trim (A4), so a reader sees exactly the A4 page.
 * Both get the document metadata, language, repaired bookmarks and stable structure ids, artifact
 * marks on untagged drawing, sRGB as the meaning of device RGB and a description on every link
 * (`standards.ts`), and are saved without the random parts Chromium adds, so the same input always
 * gives the same bytes. The print edition is identified as PDF/X-4 (FOGRA39 output intent,
 * `Trapped` false, links not printed), the screen edition as PDF/UA-1.
 */
export async function finishPdf(
  printed: Uint8Array | PDFDocument,
  wanted: readonly Edition[],
  meta: PdfMeta,
): Promise<{ editions: Map<Edition, Uint8Array>; pages: number }> {
  const doc = printed instanceof PDFDocument ? printed : await PDFDocument.load(printed, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  const date = buildDate();
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor('Seoul Metropolitan Government');
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('Seoul Solutions Manual');
  doc.setProducer('Seoul Solutions Manual (Chromium + pdf-lib)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang));
  if (meta.headings) repairOutline(doc, meta.headings);
  renumberStructureIds(doc);
  spellOutRightToLeft(doc);
  markUntaggedContent(doc);
  declareSrgb(doc);
  describeLinks(doc, meta.targets ?? {});
  repairFigures(doc);
  const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
  const documentId = createHash('sha256').update(meta.title).update(meta.lang).update(date.toISOString()).digest('hex');
  const xmp = (conformance: 'x4' | 'ua1') =>
    xmpPacket({
      title: meta.title,
      description: meta.subject,
      keywords: meta.keywords,
      lang: meta.lang,
      author: 'Seoul Metropolitan Government',
      creator: 'Seoul Solutions Manual',
      producer: 'Seoul Solutions Manual (Chromium + pdf-lib)',
      date,
      conformance,
      documentId,
    });
  const b = editions.print.bleed * ptPerMm;
  const finished = new Map<Edition, Uint8Array>();
  // The print edition first: the screen edition's boxes are cut from its sheet.
  for (const edition of (['print', 'screen'] as const).filter((e) => wanted.includes(e))) {
    for (const page of doc.getPages()) {
      const { width, height } = page.getMediaBox();
      if (edition === 'print') {
        page.setBleedBox(0, 0, width, height);
        page.setTrimBox(b, b, width - 2 * b, height - 2 * b);
      } else {
        page.setMediaBox(b, b, width - 2 * b, height - 2 * b);
        page.setCropBox(b, b, width - 2 * b, height - 2 * b);
        page.node.delete(PDFName.of('BleedBox'));
        page.node.delete(PDFName.of('TrimBox'));
      }
    }
    const print = edition === 'print';
    // PDF/X-4 for the press (a PDF 1.6 file), PDF/UA-1 on screen.
    setOutputIntent(doc, print);
    setLinksPrinted(doc, !print);
    setXmp(doc, xmp(print ? 'x4' : 'ua1'));
    if (print) {
      info.set(PDFName.of('Trapped'), PDFName.of('False'));
      info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-4'));
    } else {
      info.delete(PDFName.of('Trapped'));
      info.delete(PDFName.of('GTS_PDFXVersion'));
    }
    setFileId(doc, documentId, edition);
    const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
    // pdf-lib always writes a PDF 1.7 header; PDF/X-4 files are PDF 1.6 (the same length: no offset moves).
    if (print) bytes.set(new TextEncoder().encode('%PDF-1.6'), 0);
    finished.set(edition, bytes);
  }
  return { editions: finished, pages: doc.getPageCount() };
}

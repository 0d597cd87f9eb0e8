import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFHexString, PDFString } from 'pdf-lib';
import { PNG } from 'pngjs';

/** A PDF from the built test site, parsed with pdf-lib. */
export async function loadPdf(file: string): Promise<PDFDocument> {
  return PDFDocument.load(fs.readFileSync(file), { updateMetadata: false });
}

/** A box of a page as [x, y, width, height] in points. */
export function box(page: ReturnType<PDFDocument['getPages']>[number], name: 'MediaBox' | 'TrimBox' | 'BleedBox'): number[] {
  const array = page.node.lookup(PDFName.of(name), PDFArray);
  const [x0, y0, x1, y1] = array.asArray().map((n) => (n as PDFNumber).asNumber());
  return [x0 ?? 0, y0 ?? 0, (x1 ?? 0) - (x0 ?? 0), (y1 ?? 0) - (y0 ?? 0)];
}

/** Fonts that are not embedded: simple fonts (and CID fonts) whose descriptor has no font file. */
export function unembeddedFonts(doc: PDFDocument): string[] {
  const missing: string[] = [];
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.lookup(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = obj.lookup(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Type0') || subtype === PDFName.of('Type3')) continue;
    const descriptor = obj.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    const embedded = descriptor && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
    if (!embedded) missing.push(String(obj.lookup(PDFName.of('BaseFont'))));
  }
  return missing;
}

/** Top-level bookmark titles. */
export function outlineTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const visit = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      titles.push(node.lookupMaybe(PDFName.of('Title'), PDFString, PDFHexString)?.decodeText() ?? '');
      visit(node.lookupMaybe(PDFName.of('First'), PDFDict));
    }
  };
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict));
  return titles;
}

/** The page (1-based) each named destination points at. */
export function destinations(doc: PDFDocument): Map<string, number> {
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const found = new Map<string, number>();
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [key, value] of dests?.entries() ?? []) {
    const array = doc.context.lookup(value);
    const ref = array instanceof PDFArray ? array.get(0) : undefined;
    if (ref instanceof PDFRef) found.set(decodeURIComponent(key.decodeText()), pages.get(ref.toString()) ?? 0);
  }
  return found;
}

/** The text of one page (1-based) as poppler's pdftotext reads it. */
export function pageText(file: string, page: number): string {
  return execFileSync('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-'], { encoding: 'utf8' });
}

/** One page (1-based) rendered by pdftoppm, the whole MediaBox, thin lines drawn without smoothing. */
export function renderPage(file: string, page: number, dpi: number): PNG {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'page-'));
  const prefix = path.join(dir, 'p');
  execFileSync('pdftoppm', ['-r', String(dpi), '-aaVector', 'no', '-png', '-singlefile', '-f', String(page), '-l', String(page), file, prefix]);
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
  fs.rmSync(dir, { recursive: true, force: true });
  return png;
}

/** Renders a page with pdftoppm and decodes the first QR code on it. */
export function decodeQr(file: string, page: number): string | undefined {
  const png = renderPage(file, page, 150);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

import { cmyk, PDFDocument } from 'pdf-lib';
import { ptPerMm } from './editions.ts';

/** Where crop marks stand: they start outside the bleed and run 5 mm, in registration colour. */
export const marks = { offsetMm: 3.5, lengthMm: 5, marginMm: 10, weightPt: 0.25 } as const;

/**
 * Crop marks for a print shop that asks for them (`npm run pdf -- --edition print --marks`):
 * each page's MediaBox grows by a 10 mm margin around the trim, and two short lines at every
 * corner of the TrimBox show where to cut. TrimBox and BleedBox stay as they were, so the artwork
 * does not move; the marks sit outside the bleed, never on it.
 */
export async function addCropMarks(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const [offset, length, margin] = [marks.offsetMm * ptPerMm, marks.lengthMm * ptPerMm, marks.marginMm * ptPerMm];
  for (const [i, page] of doc.getPages().entries()) {
    const trim = page.getTrimBox();
    const bleed = page.getBleedBox();
    if (trim.width === bleed.width) throw new Error(`page ${i + 1} has no bleed: crop marks are for the print edition (--edition print)`);
    const box = { x: trim.x - margin, y: trim.y - margin, width: trim.width + 2 * margin, height: trim.height + 2 * margin };
    page.setMediaBox(box.x, box.y, box.width, box.height);
    page.setCropBox(box.x, box.y, box.width, box.height);
    const line = (x1: number, y1: number, x2: number, y2: number) =>
      page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness: marks.weightPt, color: cmyk(1, 1, 1, 1) });
    for (const x of [trim.x, trim.x + trim.width]) {
      for (const y of [trim.y, trim.y + trim.height]) {
        const out = { x: x === trim.x ? -1 : 1, y: y === trim.y ? -1 : 1 };
        line(x + out.x * offset, y, x + out.x * (offset + length), y);
        line(x, y + out.y * offset, x, y + out.y * (offset + length));
      }
    }
  }
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}

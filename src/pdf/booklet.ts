import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { ptPerMm } from './editions.ts';

/** An A4 sheet laid landscape: two A5 pages a side. */
const sheet = { width: 297 * ptPerMm, height: 210 * ptPerMm } as const;

/**
 * Which pages share each side of each sheet of a saddle-stitched booklet of `count` pages (padded
 * with blanks to a multiple of four; blanks come last). 1-based page numbers, 0 for a blank; each
 * side is [left, right] as it lies on the table. Right-to-left booklets (Arabic) are bound on the
 * right, so every side is mirrored.
 */
export function bookletOrder(count: number, rtl = false): [number, number][] {
  const n = Math.max(4, Math.ceil(count / 4) * 4);
  const page = (p: number) => (p <= count ? p : 0);
  const sides: [number, number][] = [];
  for (let i = 0; i < n / 4; i++) {
    sides.push([page(n - 2 * i), page(1 + 2 * i)]);
    sides.push([page(2 + 2 * i), page(n - 1 - 2 * i)]);
  }
  return rtl ? sides.map(([left, right]) => [right, left]) : sides;
}

/**
 * An A5 booklet for an office printer at an event (`npm run pdf -- … --booklet`): the A4 pages,
 * scaled to A5, two a side on A4 landscape sheets in folding order. Print double-sided (flip on
 * the short edge), fold the stack in the middle, staple on the fold.
 */
export async function imposeBooklet(bytes: Uint8Array, options: { rtl?: boolean; title?: string } = {}): Promise<Uint8Array> {
  const source = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  const pages = await out.embedPages(source.getPages());
  const half = sheet.width / 2;
  for (const side of bookletOrder(pages.length, options.rtl)) {
    const page = out.addPage([sheet.width, sheet.height]);
    side.forEach((n, slot) => {
      const embedded = n ? pages[n - 1] : undefined;
      if (!embedded) return;
      const scale = Math.min(half / embedded.width, sheet.height / embedded.height);
      const [w, h] = [embedded.width * scale, embedded.height * scale];
      page.drawPage(embedded, { x: slot * half + (half - w) / 2, y: (sheet.height - h) / 2, width: w, height: h });
    });
  }
  out.setTitle(options.title ?? source.getTitle() ?? 'Seoul Solutions Manual');
  const lang = source.catalog.lookupMaybe(PDFName.of('Lang'), PDFString)?.decodeText();
  if (lang) out.setLanguage(lang);
  const date = source.getCreationDate();
  if (date) {
    out.setCreationDate(date);
    out.setModificationDate(date);
  }
  out.setProducer('Seoul Solutions Manual (Chromium + pdf-lib, booklet)');
  out.setCreator('Seoul Solutions Manual');
  return out.save({ useObjectStreams: true, addDefaultPage: false });
}

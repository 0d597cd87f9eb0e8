import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

/**
 * Where each link target landed: Chromium writes a named destination for every element that an
 * internal link points to (the contents entries do), so the 1-based page of `#case-subway` is read
 * from the catalog's `/Dests`.
 */
export function destinationPages(doc: PDFDocument): Map<string, number> {
  const pages = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  const found = new Map<string, number>();
  if (!(dests instanceof PDFDict)) return found;
  for (const [key, value] of dests.entries()) {
    const target = doc.context.lookup(value);
    const array = target instanceof PDFArray ? target : target instanceof PDFDict ? target.lookup(PDFName.of('D'), PDFArray) : undefined;
    const ref = array?.get(0);
    if (ref instanceof PDFRef) {
      const page = pages.get(ref.toString());
      if (page) found.set(decodeURIComponent(key.decodeText()), page);
    }
  }
  return found;
}

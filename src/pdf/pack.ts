import { PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';

/** One part of a pack: a PDF and the title its bookmark gets. */
export interface PackPart {
  title: string;
  bytes: Uint8Array;
}

/**
 * A delegation's pack assembled from PDFs the build already printed (in the browser on
 * `/{locale}/pack/`, nothing uploaded): the cover (the manual's first page, in the reader's
 * language), then each chosen case's brochure in order, one bookmark per case, title and
 * language set.
 */
export async function assemblePack(cover: Uint8Array, parts: readonly PackPart[], meta: { title: string; lang: string }): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  const [coverPage] = await out.copyPages(await PDFDocument.load(cover, { updateMetadata: false }), [0]);
  if (coverPage) out.addPage(coverPage);
  const starts: { title: string; page: PDFRef }[] = [];
  for (const part of parts) {
    const doc = await PDFDocument.load(part.bytes, { updateMetadata: false });
    const pages = await out.copyPages(doc, doc.getPageIndices());
    pages.forEach((page, i) => {
      out.addPage(page);
      if (i === 0) starts.push({ title: part.title, page: page.ref });
    });
  }
  addOutline(out, starts);
  out.setTitle(meta.title, { showInWindowTitleBar: true });
  out.setLanguage(meta.lang);
  out.setCreator('Seoul Solutions Manual');
  out.setProducer('Seoul Solutions Manual (pack made in the browser with pdf-lib)');
  return out.save({ useObjectStreams: true, addDefaultPage: false });
}

/** A flat outline: one bookmark per part, opening at its first page. */
function addOutline(doc: PDFDocument, items: readonly { title: string; page: PDFRef }[]): void {
  if (!items.length) return;
  const context = doc.context;
  const root = context.nextRef();
  const refs = items.map(() => context.nextRef());
  items.forEach((item, i) => {
    const entry: Record<string, unknown> = {
      Title: PDFHexString.fromText(item.title),
      Parent: root,
      Dest: context.obj([item.page, PDFName.of('Fit')]),
    };
    if (i > 0) entry['Prev'] = refs[i - 1];
    if (i < items.length - 1) entry['Next'] = refs[i + 1];
    context.assign(refs[i] as PDFRef, context.obj(entry as never));
  });
  context.assign(root, context.obj({ Type: 'Outlines', First: refs[0], Last: refs.at(-1), Count: PDFNumber.of(items.length) } as never));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

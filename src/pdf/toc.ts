import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFObjectCopier, PDFRawStream, PDFRef, type PDFPageLeaf } from 'pdf-lib';

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

/** A page's drawing: its content streams, decoded. */
function drawing(doc: PDFDocument, page: PDFPageLeaf): string {
  const contents = page.get(PDFName.of('Contents'));
  return (contents instanceof PDFArray ? contents.asArray() : [contents])
    .map((ref) => doc.context.lookup(ref))
    .map((stream) => (stream instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1') : ''))
    .join('\n');
}

/** The marked content of a drawing, in order: tag, id and whether anything is drawn inside. */
function marks(drawing: string): { tag: string; id: string; empty: boolean }[] {
  return [...drawing.matchAll(/\/(\w+) <<\/MCID (\d+) >>BDC([\s\S]*?)EMC/g)].map(([, tag = '', id = '', inside = '']) => ({
    tag,
    id,
    empty: !/\b(?:Tj|TJ|Do|f\*?|S|sh)\s/.test(inside),
  }));
}

/**
 * The marks `before` has beyond `after`, when `after` is otherwise the same sequence and those
 * draw nothing (Chromium opens the next part's tag at the foot of a page and closes it empty);
 * undefined when the two differ in any other way.
 */
function missingMarks(before: string, after: string): { tag: string; id: string }[] | undefined {
  const [old, fresh] = [marks(before), marks(after)];
  if (fresh.length > old.length || fresh.some((m, i) => m.tag !== old[i]?.tag || m.id !== old[i]?.id)) return undefined;
  const rest = old.slice(fresh.length);
  return rest.every((m) => m.empty) ? rest : undefined;
}

/**
 * Puts the drawing of `source`'s first `count` pages into `target`'s: the front of a document
 * (cover and contents) printed again alone with the real page numbers replaces the one printed
 * with guesses, while the target keeps its page objects, links, bookmarks and structure tree.
 * That holds only when each changed page carries the same marked content as before (the same
 * tags in the same order; only digits differ, see `missingMarks`) and the front has as many pages; otherwise nothing
 * is changed and false is returned.
 */
export function graftPages(target: PDFDocument, source: PDFDocument, count: number): boolean {
  if (source.getPageCount() !== count) return false;
  const pairs = Array.from({ length: count }, (_, i) => ({ old: target.getPage(i).node, fresh: source.getPage(i).node }))
    .map((pair) => ({ ...pair, before: drawing(target, pair.old), after: drawing(source, pair.fresh) }))
    .filter(({ before, after }) => before !== after);
  const missing = pairs.map(({ before, after }) => missingMarks(before, after));
  if (missing.some((m) => !m)) return false;
  const copier = PDFObjectCopier.for(source.context, target.context);
  pairs.forEach(({ old, fresh }, i) => {
    const replaced = old.get(PDFName.of('Contents'));
    const resources = fresh.get(PDFName.of('Resources'));
    if (resources) old.set(PDFName.of('Resources'), copier.copy(resources));
    const contents = fresh.get(PDFName.of('Contents'));
    const streams = contents ? [...(contents instanceof PDFArray ? contents.asArray() : [contents]).map((ref) => copier.copy(ref))] : [];
    // Empty marks the new drawing lacks are added back, so every id the structure tree names is on the page.
    const empty = (missing[i] ?? []).map(({ tag, id }) => `/${tag} <</MCID ${id} >>BDC EMC`).join('\n');
    if (empty) streams.push(target.context.register(target.context.flateStream(empty)));
    old.set(PDFName.of('Contents'), target.context.obj(streams));
    // The replaced drawing is not written into the file.
    for (const ref of replaced instanceof PDFArray ? replaced.asArray() : [replaced]) if (ref instanceof PDFRef) target.context.delete(ref);
  });
  return true;
}

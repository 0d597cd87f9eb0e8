/**
 * The pack page in the browser: reads the reader's choices, fetches the PDFs the build printed
 * (the manual for its cover, each chosen brochure), assembles them (`pack.ts`), optionally
 * imposes a booklet (`booklet.ts`), and hands the file to the browser as a download. Loaded only
 * on `/{locale}/pack/`, when the reader asks for a pack.
 */
import { imposeBooklet } from './booklet.ts';
import { assemblePack } from './pack.ts';

/** What the page gives the script, as data attributes. */
export interface PackPage {
  locale: string;
  rtl: boolean;
  /** The manual's title in this language, for the pack's title. */
  siteName: string;
  strings: { making: string; ready: string; pickOne: string; failed: string };
}

async function fetchPdf(path: string): Promise<Uint8Array> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Makes the pack the form asks for; resolves with the file name and page count. */
export async function makePack(form: HTMLFormElement, page: PackPage): Promise<{ name: string; pages: number; bytes: Uint8Array }> {
  const data = new FormData(form);
  const cases = data.getAll('case').map(String);
  if (!cases.length) throw new Error(page.strings.pickOne);
  const edition = data.get('edition') === 'print' ? 'print' : 'screen';
  const booklet = edition === 'screen' && data.get('booklet') === 'on';
  const suffix = edition === 'print' ? '-print' : '';
  const titles = new Map(
    [...form.querySelectorAll<HTMLInputElement>('input[name="case"]')].map((input) => [input.value, input.dataset['title'] ?? input.value]),
  );
  const [cover, ...brochures] = await Promise.all([
    fetchPdf(`/pdf/${page.locale}/manual${suffix}.pdf`),
    ...cases.map((slug) => fetchPdf(`/pdf/${page.locale}/${slug}${suffix}.pdf`)),
  ]);
  const title = `${page.siteName} · ${cases.map((slug) => titles.get(slug)).join(', ')}`;
  let bytes = await assemblePack(
    cover ?? new Uint8Array(),
    cases.map((slug, i) => ({ title: titles.get(slug) ?? slug, bytes: brochures[i] ?? new Uint8Array() })),
    { title, lang: page.locale },
  );
  if (booklet) bytes = await imposeBooklet(bytes, { rtl: page.rtl, title });
  const { PDFDocument } = await import('pdf-lib');
  const pages = (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
  return { name: `seoul-pack-${page.locale}${booklet ? '-booklet' : suffix}.pdf`, pages, bytes };
}

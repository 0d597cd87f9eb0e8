/**
 * The "Read offline" control in use (`OfflineSave.astro`), loaded only when a reader clicks it or
 * on a page the service worker already serves: registers the worker, asks it to save or remove
 * this page's language, and says how it went in the reader's language.
 */
import { workerUrl, type OfflineProgress, type OfflineReply, type OfflineRequest, type SavedSummary } from './plan.ts';

/** The control's words, from the page (`offline.*` in the dictionaries). */
export interface OfflineStrings {
  /** "Saving… {{percent}}" */
  saving: string;
  /** "Saved on this device: {{pages}} pages, {{size}}." */
  saved: string;
  /** The same with "and {{pdfs}} PDFs". */
  savedPdfs: string;
  removed: string;
  /** "Could not save: {{error}}" */
  failed: string;
}

/** What the control's `data-offline` attribute holds. */
export interface OfflineBoxData {
  locale: string;
  /** The `Intl` tag of the page's language. */
  bcp47: string;
  strings: OfflineStrings;
}

const fill = (text: string, values: Record<string, string>) => text.replace(/{{(\w+)}}/g, (whole, key: string) => values[key] ?? whole);

/** The control's parts. */
function partsOf(box: HTMLElement) {
  const data = JSON.parse(box.dataset['offline'] ?? '{}') as OfflineBoxData;
  return {
    data,
    status: box.querySelector<HTMLElement>('[data-offline-status]'),
    pdfs: box.querySelector<HTMLInputElement>('input[name="offline-pdfs"]'),
    save: box.querySelector<HTMLButtonElement>('[data-offline-save]'),
    remove: box.querySelector<HTMLButtonElement>('[data-offline-remove]'),
  };
}

/** Asks the active service worker and waits for its one answer. */
async function ask(request: OfflineRequest): Promise<OfflineReply> {
  const registration = await navigator.serviceWorker.ready;
  const active = registration.active;
  if (!active) throw new Error('no service worker');
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<OfflineReply>) => resolve(event.data);
    active.postMessage(request, [channel.port2]);
  });
}

/** Shows what is saved of this page's language, if anything. */
function show(box: HTMLElement, saved: SavedSummary | undefined): void {
  const { data, status, pdfs, remove } = partsOf(box);
  if (remove) remove.hidden = !saved;
  if (!status || !saved) return;
  const number = new Intl.NumberFormat(data.bcp47);
  // A size is never broken across lines ("1.4" above "م.ب").
  const size = new Intl.NumberFormat(data.bcp47, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
    .format(Math.max(0.1, saved.bytes / 1024 / 1024))
    .replace(/\s/g, '\u00a0');
  status.textContent = fill(saved.pdfs ? data.strings.savedPdfs : data.strings.saved, {
    pages: number.format(saved.pages),
    pdfs: number.format(saved.pdfs),
    size,
  });
  if (pdfs) pdfs.checked = saved.pdfs > 0;
}

/** Reports a failure in the reader's language. */
function fail(box: HTMLElement, error: unknown): void {
  const { data, status } = partsOf(box);
  if (status) status.textContent = fill(data.strings.failed, { error: error instanceof Error ? error.message : String(error) });
}

/** Saves this page's language (and its PDFs if ticked), showing progress, then what was saved. */
export async function save(box: HTMLElement): Promise<void> {
  const { data, status, pdfs, save: button } = partsOf(box);
  const percent = new Intl.NumberFormat(data.bcp47, { style: 'percent' });
  // Reports may arrive out of order: the percentage never goes back.
  let shown = 0;
  const progress = (event: MessageEvent<OfflineProgress>) => {
    if (event.data?.type !== 'offline-progress' || !status) return;
    shown = Math.max(shown, event.data.total ? event.data.done / event.data.total : 1);
    status.textContent = fill(data.strings.saving, { percent: percent.format(shown) });
  };
  if (button) button.disabled = true;
  if (status) status.textContent = fill(data.strings.saving, { percent: percent.format(0) });
  navigator.serviceWorker.addEventListener('message', progress);
  try {
    // A copy the browser may evict under storage pressure is a poor copy: ask to keep it (Chrome
    // decides alone, Firefox asks the reader, who has just asked to save).
    void navigator.storage?.persist().catch(() => false);
    await navigator.serviceWorker.register(workerUrl, { scope: '/' });
    const reply = await ask({ type: 'save', locale: data.locale, pdfs: Boolean(pdfs?.checked) });
    if (reply.ok) show(box, reply.saved[data.locale]);
    else fail(box, reply.error);
  } catch (error) {
    fail(box, error);
  } finally {
    navigator.serviceWorker.removeEventListener('message', progress);
    if (button) button.disabled = false;
  }
}

/** Removes this page's language from the device; with nothing left, the service worker goes too. */
export async function remove(box: HTMLElement): Promise<void> {
  const { data, status } = partsOf(box);
  try {
    const reply = await ask({ type: 'remove', locale: data.locale });
    if (!reply.ok) return fail(box, reply.error);
    if (!Object.keys(reply.saved).length) await (await navigator.serviceWorker.getRegistration())?.unregister();
    show(box, undefined);
    if (status) status.textContent = data.strings.removed;
  } catch (error) {
    fail(box, error);
  }
}

/** On a page the service worker serves: shows whether this language is saved. */
export async function showSaved(box: HTMLElement): Promise<void> {
  const reply = await ask({ type: 'status' });
  if (reply.ok) show(box, reply.saved[partsOf(box).data.locale]);
}

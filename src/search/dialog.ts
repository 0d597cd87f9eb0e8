import { mountSearch, type SearchStrings } from './ui.ts';

let dialog: HTMLDialogElement | undefined;

/** Opens search in a modal dialog over the page; Escape or the close button returns focus. */
export function openSearch(strings: SearchStrings): void {
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'search-dialog w-[min(44rem,calc(100vw-2rem))] max-h-[85vh] rounded-xl p-0 shadow-2xl backdrop:bg-black/40';
    dialog.setAttribute('aria-label', strings.label);
    const body = document.createElement('div');
    body.className = 'p-4';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'mb-3 ms-auto block rounded border border-brand-100 px-3 py-1 text-sm';
    close.textContent = strings.close;
    close.addEventListener('click', () => dialog?.close());
    const root = document.createElement('div');
    body.append(close, root);
    dialog.append(body);
    document.body.append(dialog);
    mountSearch(root, strings);
    dialog.addEventListener('click', (e) => e.target === dialog && dialog?.close());
  }
  dialog.showModal();
  dialog.querySelector('input')?.focus();
}

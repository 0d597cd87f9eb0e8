/**
 * The "Read offline" control's part of the page's one loader script (`SearchButton.astro`): it
 * shows the control where service workers exist and loads `ui.ts` when the reader uses it. A page
 * no service worker serves registers nothing and fetches nothing; one it serves (the reader saved
 * a language) asks the worker what is saved.
 */
const box = document.querySelector<HTMLElement>('[data-offline]');
if (box && 'serviceWorker' in navigator) {
  box.hidden = false;
  const ui = () => import('./ui.ts');
  box.querySelector('[data-offline-save]')?.addEventListener('click', () => void ui().then((m) => m.save(box)));
  box.querySelector('[data-offline-remove]')?.addEventListener('click', () => void ui().then((m) => m.remove(box)));
  if (navigator.serviceWorker.controller) void ui().then((m) => m.showSaved(box));
}
export {};

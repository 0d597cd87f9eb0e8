import { fontScripts } from '../i18n/fonts.ts';
import { normaliseQuery } from './korean.ts';

/** Interface strings for search, in the reader's language (from the page's data attributes). */
export interface SearchStrings {
  label: string;
  placeholder: string;
  noResults: string;
  /** "{{count}} results" */
  count: string;
  close: string;
  unavailable: string;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: { title: string; url: string; excerpt: string; locations: number[] }[];
}
interface Pagefind {
  search(query: string): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
  debouncedSearch?(query: string, options?: unknown, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

let pagefind: Promise<Pagefind> | undefined;
/** Pagefind's own JS, loaded the first time search opens; it picks the index of `<html lang>`. */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`) as Promise<Pagefind>;
  return pagefind;
}

/** The sub-result with the most matches, so a result links to the section that matched. */
function bestLink(data: PagefindResultData): { url: string; excerpt: string } {
  const best = [...data.sub_results].filter((s) => s.url.includes('#')).sort((a, b) => b.locations.length - a.locations.length)[0];
  return best && best.locations.length > 0 ? { url: best.url, excerpt: best.excerpt } : { url: data.url, excerpt: data.excerpt };
}

/** Whether a `unicode-range` value (`U+0-FF, U+131`) covers a code point. */
function inRange(range: string, cp: number): boolean {
  return range.split(',').some((part) => {
    const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
    return cp >= parseInt(from, 16) && cp <= parseInt(to, 16);
  });
}

/** Whether every character of `text` has a font face of the page (by its `unicode-range`). */
function covered(text: string): boolean {
  const faces = [...document.fonts];
  return [...text].every((c) => !c.trim() || faces.some((f) => inRange(f.unicodeRange, c.codePointAt(0) ?? 0)));
}

/** Adds a stylesheet (once), before `before` or at the end of the head; resolves when it has loaded. */
function addSheet(href: string, before?: Element): Promise<void> {
  if (document.querySelector(`link[href="${href}"]`)) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
  if (before) before.before(link);
  else document.head.append(link);
  return loaded;
}

let fontsReady = Promise.resolve();
/**
 * A page links the font sheets of its own scripts, cut to the characters the site shows. Search
 * can bring text of another script (a Korean name in an English result), or anything a reader
 * types. When `text` has a character no face of the page covers, the other scripts' sheets are
 * added; if one is still missing (typed, never on the site), each script's full set of
 * unicode-range slices (`/fonts/hangul-all.css`), before the cut sheets so those stay first
 * choice, and the browser fetches just the slice it needs.
 */
function ensureFonts(text: string): void {
  fontsReady = fontsReady.then(async () => {
    if (covered(text)) return;
    const scripts = Object.keys(fontScripts);
    await Promise.all(scripts.map((script) => addSheet(`/fonts/${script}.css`)));
    if (covered(text)) return;
    const first = document.querySelector('link[rel="stylesheet"][href^="/fonts/"]') ?? undefined;
    await Promise.all(scripts.map((script) => addSheet(`/fonts/${script}-all.css`, first)));
  });
}

/**
 * Mounts a search box with live results into `root`. Pagefind's excerpts are HTML built from our
 * own pages with the matched words in `<mark>`; nothing else is inserted as HTML.
 */
export function mountSearch(root: HTMLElement, strings: SearchStrings, initial = ''): HTMLInputElement {
  const lang = document.documentElement.lang;
  root.innerHTML = '';
  const form = document.createElement('form');
  form.role = 'search';
  form.className = 'search-form';
  const input = document.createElement('input');
  input.type = 'search';
  input.name = 'q';
  input.placeholder = strings.placeholder;
  input.setAttribute('aria-label', strings.label);
  input.autocomplete = 'off';
  input.className = 'w-full rounded border border-brand-100 px-4 py-3 text-lg';
  input.value = initial;
  const status = document.createElement('p');
  status.className = 'search-status mt-2 text-sm text-muted';
  status.setAttribute('aria-live', 'polite');
  const list = document.createElement('ol');
  list.className = 'search-results mt-3 space-y-3';
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'sr-only';
  submit.textContent = strings.label;
  form.append(input, submit);
  root.append(form, status, list);
  form.addEventListener('submit', (e) => e.preventDefault());

  let latest = 0;
  async function run(): Promise<void> {
    const query = normaliseQuery(input.value, lang);
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let search;
    try {
      search = await (await loadPagefind()).search(query);
    } catch {
      status.textContent = strings.unavailable;
      return;
    }
    if (ticket !== latest || !search) return;
    const top = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
    if (ticket !== latest) return;
    status.textContent = top.length ? strings.count.replace('{{count}}', String(search.results.length)) : strings.noResults;
    list.replaceChildren(
      ...top.map((data) => {
        const { url, excerpt } = bestLink(data);
        const item = document.createElement('li');
        item.className = 'search-result rounded border border-brand-100 p-3';
        const sector = data.filters['sector']?.[0];
        if (sector) {
          const tag = document.createElement('p');
          tag.className = 'text-xs font-semibold uppercase text-brand-600';
          tag.textContent = sector;
          item.append(tag);
        }
        const link = document.createElement('a');
        link.href = url;
        link.className = 'font-bold';
        link.textContent = data.meta['title'] ?? url;
        const text = document.createElement('p');
        text.className = 'mt-1 text-sm';
        text.innerHTML = excerpt;
        item.append(link, text);
        return item;
      }),
    );
    ensureFonts(list.textContent ?? '');
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    ensureFonts(input.value);
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 150);
  });
  if (initial) {
    ensureFonts(initial);
    void run();
  }
  return input;
}

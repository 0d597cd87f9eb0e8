import { fontScripts } from '../i18n/fonts.ts';
import {
  joinedKorean,
  mergeResults,
  synonymQueries,
  unmatchedWords,
  weakQueryAlternatives,
  type Alternative,
  type SearchData,
  type Vocabulary,
} from './forgive.ts';
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
  /** "Showing results for {{query}}" */
  showingFor: string;
  /** "Search for {{query}} instead" */
  searchInstead: string;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
  sub_results: { title: string; url: string; excerpt: string; locations: number[] }[];
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  init?(): Promise<void>;
  preload?(term: string): Promise<void>;
  search(query: string): Promise<{ results: PagefindResult[] } | null>;
}

let pagefind: Promise<Pagefind> | undefined;
/**
 * Pagefind's own JS, loaded and started (its WebAssembly and the index's metadata) as soon as
 * search opens, while the reader types; it picks the index of `<html lang>`.
 */
function loadPagefind(): Promise<Pagefind> {
  pagefind ??= (import(/* @vite-ignore */ `${'/pagefind/'}pagefind.js`) as Promise<Pagefind>).then(async (api) => {
    await api.init?.();
    return api;
  });
  return pagefind;
}

const loaded = new WeakMap<PagefindResult, Promise<PagefindResultData>>();
/** A result's data (its fragment file), fetched once however often it is asked for. */
function dataOf(result: PagefindResult): Promise<PagefindResultData> {
  let data = loaded.get(result);
  if (!data) {
    data = result.data();
    loaded.set(result, data);
  }
  return data;
}

const fetched = new Map<string, Promise<unknown>>();
/** A JSON file of the search data (`vocabulary.ts`), fetched once; `fallback` if it cannot be had. */
function searchFile<T>(name: string, fallback: T): Promise<T> {
  let file = fetched.get(name);
  if (!file) {
    file = fetch(`/search-data/${name}`)
      .then((r) => (r.ok ? r.json() : fallback))
      .catch(() => fallback);
    fetched.set(name, file);
  }
  return file as Promise<T>;
}

/** How much an alternative's results count beside the reader's own query. */
const weights: Record<Alternative['reason'], number> = { synonym: 0.95, spacing: 0.95, spelling: 0.9 };

/**
 * Searches the reader's query and what they may have meant (`forgive.ts`): everyday words and
 * Korean names through the synonyms, Korean words joined. When a word of the query is not in the
 * results (Pagefind then falls back to words that merely begin alike), the vocabulary is fetched,
 * misspelt words are corrected and Korean compounds split, and the query as typed counts for
 * little. Results merge without duplicates; `showing` is the corrected query when the results
 * come from it.
 */
async function forgivingSearch(api: Pagefind, typed: string, lang: string, exact: boolean): Promise<{ results: PagefindResult[]; showing?: string }> {
  const query = normaliseQuery(typed, lang);
  const locale = lang.split('-')[0] ?? lang;
  const [base, data] = await Promise.all([api.search(query), searchFile<SearchData>(`${locale}.json`, { synonyms: {} })]);
  const baseResults = base?.results ?? [];
  if (exact) return { results: baseResults };
  const excerpts = await Promise.all(baseResults.slice(0, 3).map(async (r) => (await dataOf(r)).excerpt));
  const marked = excerpts.flatMap((e) => [...e.matchAll(/<mark>([^<]*)<\/mark>/g)].map((m) => m[1] ?? ''));
  const weak = baseResults.length === 0 || unmatchedWords(query, marked).length > 0;
  const lists = [{ results: baseResults, weight: weak ? 0.2 : 1 }];
  const searchAll = async (list: Alternative[]) => {
    const found = await Promise.all(list.map(async (alt) => ({ alt, results: (await api.search(alt.query))?.results ?? [] })));
    for (const { alt, results } of found) lists.push({ results, weight: weights[alt.reason] });
    return found;
  };
  const first = await searchAll([...synonymQueries(typed, data), ...joinedKorean(query)]);
  let showing: string | undefined;
  if (weak && first.every(({ results }) => results.length === 0)) {
    const vocabulary = await searchFile<Vocabulary>(`${locale}-words.json`, { words: [] });
    const found = await searchAll(weakQueryAlternatives(query, vocabulary));
    showing = found.find(({ alt, results }) => alt.reason === 'spelling' && results.length)?.alt.query;
  }
  // What Pagefind found for words that are not in the text is noise once something better is found.
  if (weak && lists.slice(1).some((l) => l.results.length)) lists.shift();
  return { results: mergeResults(lists), ...(showing ? { showing } : {}) };
}

/** The sub-result with the most matches, so a result links to the section that matched. */
function bestLink(data: PagefindResultData): { url: string; excerpt: string } {
  const best = [...data.sub_results].filter((s) => s.url.includes('#')).sort((a, b) => b.locations.length - a.locations.length)[0];
  return best && best.locations.length > 0 ? { url: best.url, excerpt: best.excerpt } : { url: data.url, excerpt: data.excerpt };
}

/** Parsed `unicode-range` values, by their text: a face cut to the site lists hundreds of ranges. */
const rangeCache = new Map<string, [number, number][]>();
function ranges(range: string): [number, number][] {
  let parsed = rangeCache.get(range);
  if (!parsed) {
    parsed = range.split(',').map((part) => {
      const [from = '', to = from] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from, 16), parseInt(to, 16)];
    });
    rangeCache.set(range, parsed);
  }
  return parsed;
}

/** Whether every character of `text` has a font face of the page (by its `unicode-range`). */
function covered(text: string): boolean {
  const faces = [...document.fonts].map((f) => ranges(f.unicodeRange));
  return [...new Set(text)].every((c) => {
    const cp = c.codePointAt(0) ?? 0;
    return !c.trim() || faces.some((face) => face.some(([from, to]) => cp >= from && cp <= to));
  });
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
    // After the results have painted: checking hundreds of characters must not hold them back.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (covered(text)) return;
    const scripts = Object.keys(fontScripts);
    await Promise.all(scripts.map((script) => addSheet(`/fonts/${script}.css`)));
    if (covered(text)) return;
    const first = document.querySelector('link[rel="stylesheet"][href^="/fonts/"]') ?? undefined;
    await Promise.all(scripts.map((script) => addSheet(`/fonts/${script}-all.css`, first)));
  });
}

/** An interface string with its `{{query}}` set in bold: "Showing results for **Arisu**". */
function withQuery(template: string, query: string): (string | HTMLElement)[] {
  const [before = '', after = ''] = template.split('{{query}}');
  const strong = document.createElement('strong');
  strong.textContent = query;
  return [before, strong, after];
}

/**
 * Mounts a search box with live results into `root`. Pagefind's excerpts are HTML built from our
 * own pages with the matched words in `<mark>`; nothing else is inserted as HTML.
 */
export function mountSearch(root: HTMLElement, strings: SearchStrings, initial = ''): HTMLInputElement {
  const lang = document.documentElement.lang;
  // Pagefind and the synonyms start loading as search opens, not at the first keystroke.
  loadPagefind().catch(() => undefined);
  void searchFile<SearchData>(`${lang.split('-')[0] ?? lang}.json`, { synonyms: {} });
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
  /** Searches what is in the box; `exact`: only what was typed (after "search for … instead"). */
  async function run(exact = false): Promise<void> {
    const typed = input.value;
    const query = normaliseQuery(typed, lang);
    const ticket = ++latest;
    if (!query) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    let search;
    try {
      search = await forgivingSearch(await loadPagefind(), typed, lang, exact);
    } catch {
      status.textContent = strings.unavailable;
      return;
    }
    if (ticket !== latest) return;
    // The first three results show as soon as their data is in; the next seven follow.
    const top = await Promise.all(search.results.slice(0, 3).map(dataOf));
    if (ticket !== latest) return;
    const count = top.length ? strings.count.replace('{{count}}', String(search.results.length)) : strings.noResults;
    if (search.showing) {
      // "Showing results for Arisu. Search for Arrisu instead."
      const instead = document.createElement('button');
      instead.type = 'button';
      instead.className = 'underline';
      instead.textContent = strings.searchInstead.replace('{{query}}', typed);
      instead.addEventListener('click', () => {
        void run(true);
        input.focus();
      });
      status.replaceChildren(...withQuery(strings.showingFor, search.showing), ` · ${count} `, instead);
    } else {
      status.textContent = count;
    }
    const item = (data: PagefindResultData) => {
      const { url, excerpt } = bestLink(data);
      const li = document.createElement('li');
      li.className = 'search-result rounded border border-brand-100 p-3';
      const sector = data.filters['sector']?.[0];
      if (sector) {
        const tag = document.createElement('p');
        tag.className = 'text-xs font-semibold uppercase text-brand-600';
        tag.textContent = sector;
        li.append(tag);
      }
      const link = document.createElement('a');
      link.href = url;
      link.className = 'font-bold';
      link.textContent = data.meta['title'] ?? url;
      const text = document.createElement('p');
      text.className = 'mt-1 text-sm';
      text.innerHTML = excerpt;
      li.append(link, text);
      return li;
    };
    list.replaceChildren(...top.map(item));
    list.dataset['query'] = typed;
    void Promise.all(search.results.slice(3, 10).map(dataOf)).then((more) => {
      if (ticket !== latest) return;
      list.append(...more.map(item));
      ensureFonts(list.textContent ?? '');
    });
    ensureFonts(`${status.textContent ?? ''}${list.textContent ?? ''}`);
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    ensureFonts(input.value);
    // The index chunks for what is typed start loading now, not after the pause below.
    const query = normaliseQuery(input.value, lang);
    if (query)
      void loadPagefind()
        .then((api) => api.preload?.(query))
        .catch(() => undefined);
    clearTimeout(timer);
    timer = setTimeout(() => void run(), 120);
  });
  if (initial) {
    ensureFonts(initial);
    void run();
  }
  return input;
}

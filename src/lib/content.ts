import fs from 'node:fs';
import path from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { localeCodes, localeInfo, type LocaleCode } from '../i18n/locales.ts';
import { textLangs } from '../i18n/fonts.ts';
import { resolveData, type Facts } from '../schemas/case-data.ts';
import { loadFacts } from './facts.ts';
import { contentDir } from './paths.ts';

/** The manual-wide facts, read again whenever facts.yaml changes (an edit in dev reaches every page). */
let factsCache: { mtime: number; facts: Facts } | undefined;
function currentFacts(): Facts {
  const file = path.join(contentDir(), 'facts.yaml');
  const mtime = fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0;
  if (factsCache?.mtime !== mtime) factsCache = { mtime, facts: loadFacts(contentDir()) };
  return factsCache.facts;
}

/** A case's data as pages use it: shared facts resolved, their sources added. */
export type CaseData = ReturnType<typeof resolveData<CollectionEntry<'caseData'>['data']>>;

/** A case's words in one locale, wherever they come from. */
export interface ResolvedText<E> {
  /** The entry whose words are shown. */
  entry: E;
  /** The language the words are really in (differs from the page's locale on fallback pages). */
  lang: LocaleCode;
  /** True when the page's locale has no file and another language stands in. */
  isFallback: boolean;
  /** Entries of the page's locale followed by its fallback chain, for labels missing in `entry`. */
  chain: E[];
}

/** One case as a page in one locale shows it. */
export interface CaseView extends ResolvedText<CollectionEntry<'caseText'>> {
  slug: string;
  data: CaseData;
}

/** The locales whose own words a page shows, in order of preference for `locale`. */
function preference(locale: LocaleCode): LocaleCode[] {
  return [locale, ...localeInfo(locale).fallback];
}

/** Text entries (`{folder}/{locale}`) by folder, then by locale: one pass, however many cases. */
function byFolder<E extends { id: string }>(entries: E[]): Map<string, Map<string, E>> {
  const folders = new Map<string, Map<string, E>>();
  for (const e of entries) {
    const cut = e.id.lastIndexOf('/');
    const folder = e.id.slice(0, cut);
    let locales = folders.get(folder);
    if (!locales) folders.set(folder, (locales = new Map()));
    locales.set(e.id.slice(cut + 1), e);
  }
  return folders;
}

/** Picks the words for `locale` out of a folder's locale files, following the fallback chain. */
function resolve<E extends { id: string }>(folder: string, texts: Map<string, Map<string, E>>, locale: LocaleCode): ResolvedText<E> | undefined {
  const byLocale = texts.get(folder) ?? new Map<string, E>();
  const chain = preference(locale).flatMap((code) => {
    const e = byLocale.get(code);
    return e ? [e] : [];
  });
  const entry = chain[0];
  if (!entry) return undefined;
  const lang = entry.id.slice(folder.length + 1) as LocaleCode;
  return { entry, lang, isFallback: lang !== locale, chain };
}

/** Every case in `locale` (own words or fallback), in the manual's order. */
export async function getCases(locale: LocaleCode): Promise<CaseView[]> {
  const [data, entries] = await Promise.all([getCollection('caseData'), getCollection('caseText')]);
  const texts = byFolder(entries);
  const facts = currentFacts();
  return data
    .flatMap((d) => {
      const text = resolve(d.id, texts, locale);
      return text ? [{ slug: d.id, data: resolveData(d.data, facts), ...text }] : [];
    })
    .sort((a, b) => a.data.order - b.data.order || a.slug.localeCompare(b.slug));
}

/** `getStaticPaths` of a case route (its web page, its brochure): every case in every locale, with its view. */
export async function eachCase(): Promise<{ params: { locale: LocaleCode; slug: string }; props: { view: CaseView; locale: LocaleCode } }[]> {
  const perLocale = await Promise.all(localeCodes.map(async (locale) => (await getCases(locale)).map((view) => ({ locale, view }))));
  return perLocale.flat().map(({ locale, view }) => ({ params: { locale, slug: view.slug }, props: { view, locale } }));
}

/** One case in `locale`, or undefined when the slug does not exist. */
export async function getCase(slug: string, locale: LocaleCode): Promise<CaseView | undefined> {
  const [data, entries] = await Promise.all([getCollection('caseData', (d) => d.id === slug), getCollection('caseText', (e) => e.id.startsWith(`${slug}/`))]);
  const d = data[0];
  const text = d && resolve(slug, byFolder(entries), locale);
  return d && text ? { slug, data: resolveData(d.data, currentFacts()), ...text } : undefined;
}

/** The locales whose fonts a case needs besides its page's: scripts in its words, labels and data. */
export function caseTextLangs(view: CaseView): LocaleCode[] {
  return textLangs(view.entry.body, view.entry.data, view.data);
}

/** The locales that have the case in their own words (for hreflang and the sitemap). */
export async function ownLocales(folder: string, collection: 'caseText' | 'pageText'): Promise<LocaleCode[]> {
  const entries = await getCollection(collection);
  return localeCodes.filter((code) => entries.some((e) => e.id === `${folder}/${code}`));
}

/** One of the manual's own pages (home, partner…) in `locale`, with its data. */
export async function getPage(page: string, locale: LocaleCode) {
  const [data, texts] = await Promise.all([getCollection('pageData'), getCollection('pageText')]);
  const text = resolve(page, byFolder(texts), locale);
  if (!text) throw new Error(`content/pages/${page}/ has no text in ${locale} or its fallbacks: add content/pages/${page}/ko.mdx`);
  return { ...text, data: resolveData(data.find((d) => d.id === page)?.data ?? { figures: [], charts: [], counts: [], sources: [] }, currentFacts()) };
}

/**
 * A label for a data id (a figure, a timeline step) from the first file in the chain that has one.
 * The content lint warns about missing labels at build time; here we just fall back.
 */
export function label(
  chain: ReadonlyArray<{ data: Record<string, unknown> }>,
  group: 'figures' | 'timeline' | 'trackRecord' | 'charts' | 'counts',
  id: string,
): string | undefined {
  for (const e of chain) {
    const labels = e.data[group] as Record<string, string> | undefined;
    if (labels?.[id]) return labels[id];
  }
  return undefined;
}

import { localeCodes, type LocaleCode } from '../i18n/locales.ts';
import { editions, type Edition } from '../pdf/editions.ts';
import { localePath } from './urls.ts';

/**
 * The route table: every page the site builds, in which locales, and every PDF printed from it.
 * Pages (`getStaticPaths`), the sitemap, the link check in the content lint and the PDF jobs all
 * read it, so a route added here exists everywhere at once.
 *
 * - `content`: the page's words live in `content/pages/{content}/{locale}.mdx`, so a locale
 *   without that file shows a fallback (noindex, not in the sitemap); a page without `content`
 *   is made of interface strings and case data only.
 */
export const localeRoutes = {
  home: { segments: [], content: 'home' },
  cases: { segments: ['cases'] },
  'track-record': { segments: ['track-record'], content: 'track-record' },
  partner: { segments: ['partner'], content: 'partner' },
  search: { segments: ['search'] },
  pack: { segments: ['pack'] },
} as const satisfies Record<string, { segments: readonly string[]; content?: string }>;

/** A page that exists once per locale. */
export type LocaleRoute = keyof typeof localeRoutes;

/** The content pages (`content/pages/{name}/`) the table knows; any other folder there is an error. */
export const contentPages = Object.values(localeRoutes).flatMap((r) => ('content' in r ? [r.content] : []));

/** `getStaticPaths` of a page that exists once per locale. */
export function eachLocale(): { params: { locale: LocaleCode }; props: { locale: LocaleCode } }[] {
  return localeCodes.map((locale) => ({ params: { locale }, props: { locale } }));
}

/** A case's web page. */
export const casePath = (locale: LocaleCode, slug: string) => localePath(locale, 'cases', slug);
/** Where the print routes live: pages laid out for the printer, never linked from the site. */
export const printPrefix = '/print/';
/** Whether a path is a print route. */
export const isPrintRoute = (pathname: string) => pathname.startsWith(printPrefix);
/** The print route of a case's brochure. */
export const brochureRoute = (locale: LocaleCode, slug: string) => `${printPrefix}${locale}/cases/${slug}/`;
/** The print route of a locale's manual. */
export const manualRoute = (locale: LocaleCode) => `${printPrefix}${locale}/manual/`;
/** Where a PDF is published: `pdf/es/transit-card-print.pdf` (`name` is a slug or `manual`). */
export const pdfOutput = (locale: LocaleCode, name: string, edition: Edition) => `pdf/${locale}/${name}${editions[edition].suffix}.pdf`;

/** One PDF to print: which print route, which edition, and where it goes under `dist/`. */
export interface PdfJob {
  locale: LocaleCode;
  kind: 'manual' | 'brochure';
  /** The case, for a brochure. */
  slug?: string;
  edition: Edition;
  /** The print route, e.g. `/print/es/cases/transit-card/`. */
  route: string;
  /** Path under the site folder, e.g. `pdf/es/transit-card-print.pdf`. */
  output: string;
  /** For a custom pack: the cases to keep, in order. */
  only?: string[];
}

/** Every PDF in DESIGN.md's table: per locale, the manual and a brochure per case, in both editions. */
export function pdfJobs(slugs: readonly string[], locales: readonly LocaleCode[] = localeCodes): PdfJob[] {
  return locales.flatMap((locale) =>
    (Object.keys(editions) as Edition[]).flatMap((edition): PdfJob[] => [
      { locale, kind: 'manual', edition, route: manualRoute(locale), output: pdfOutput(locale, 'manual', edition) },
      ...slugs.map((slug): PdfJob => ({
        locale,
        kind: 'brochure',
        slug,
        edition,
        route: brochureRoute(locale, slug),
        output: pdfOutput(locale, slug, edition),
      })),
    ]),
  );
}

/**
 * Every path the site serves that a link in content may point at: pages in every locale, the case
 * pages, the PDFs, the staff status page and the language chooser. Query strings and anchors are
 * not part of a path (`/en/search/?q=bus` is `/en/search/`).
 */
export function sitePaths(slugs: readonly string[], locales: readonly LocaleCode[] = localeCodes): Set<string> {
  const paths = new Set<string>(['/', '/status/', '/sitemap-index.xml']);
  for (const locale of locales) {
    for (const route of Object.values(localeRoutes)) paths.add(localePath(locale, ...route.segments));
    for (const slug of slugs) paths.add(casePath(locale, slug));
  }
  for (const job of pdfJobs(slugs, locales)) paths.add(`/${job.output}`);
  return paths;
}

/**
 * Whether a built web page is canonical (its words are in its own language), for the sitemap:
 * `hasText(kind, name, locale)` says whether `content/{kind}/{name}/{locale}.mdx` exists, and
 * `ownInterface(locale)` whether the locale has its own interface strings. Print routes, staff
 * pages and unknown paths are not.
 */
export function isCanonicalPage(
  pathname: string,
  hasText: (kind: 'cases' | 'pages', name: string, locale: LocaleCode) => boolean,
  ownInterface: (locale: LocaleCode) => boolean,
): boolean {
  const [locale, ...rest] = pathname.split('/').filter(Boolean);
  const code = localeCodes.find((l) => l === locale);
  if (!code) return false;
  if (rest[0] === 'cases' && rest.length === 2 && rest[1]) return hasText('cases', rest[1], code);
  const route = Object.values(localeRoutes).find((r) => r.segments.join('/') === rest.join('/'));
  if (!route) return false;
  return 'content' in route ? hasText('pages', route.content, code) : ownInterface(code);
}

/** The path part of a site link: without `?query` and `#anchor`. */
export function linkPath(url: string): string {
  return url.replace(/[?#].*$/, '');
}

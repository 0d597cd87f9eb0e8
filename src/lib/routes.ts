import { localeCodes, type LocaleCode } from '../i18n/locales.ts';
import { localePath } from './urls.ts';

/** The manual's own pages besides the cases, each at `/{locale}/{page}/`. */
export const pagePaths = ['cases', 'track-record', 'partner', 'search'] as const;

/**
 * Every path the site serves that a link in content may point at: pages in every locale, the case
 * pages, the PDFs, the staff status page and the language chooser. Query strings and anchors are
 * not part of a path (`/en/search/?q=bus` is `/en/search/`).
 */
export function sitePaths(slugs: readonly string[], locales: readonly LocaleCode[] = localeCodes): Set<string> {
  const paths = new Set<string>(['/', '/status/', '/sitemap-index.xml']);
  for (const l of locales) {
    paths.add(localePath(l));
    for (const page of pagePaths) paths.add(localePath(l, page));
    for (const s of slugs) {
      paths.add(localePath(l, 'cases', s));
      paths.add(`/pdf/${l}/${s}.pdf`);
      paths.add(`/pdf/${l}/${s}-print.pdf`);
    }
    paths.add(`/pdf/${l}/manual.pdf`);
    paths.add(`/pdf/${l}/manual-print.pdf`);
  }
  return paths;
}

/** The path part of a site link: without `?query` and `#anchor`. */
export function linkPath(url: string): string {
  return url.replace(/[?#].*$/, '');
}

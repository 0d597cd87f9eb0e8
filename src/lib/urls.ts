import type { LocaleCode } from '../i18n/locales.ts';

/**
 * The path of a page in a locale, always with a trailing slash.
 * @example localePath('es', 'cases', 'transit-card') // "/es/cases/transit-card/"
 */
export function localePath(locale: LocaleCode, ...segments: string[]): string {
  return `/${[locale, ...segments].join('/')}/`;
}

/** The same page in another locale: swaps the first path segment. */
export function switchLocale(pathname: string, to: LocaleCode): string {
  const rest = pathname.split('/').filter(Boolean).slice(1);
  return localePath(to, ...rest);
}

/**
 * The public address of the site (`site` in astro.config.mjs, from `SITE_URL`): QR codes,
 * canonical URLs and links printed in PDFs use it.
 */
export function publicSite(site: URL | undefined): URL {
  if (!site) throw new Error('astro.config.mjs sets no `site`: QR codes, canonical URLs and PDF links need the public address (SITE_URL)');
  return site;
}

import fs from 'node:fs';
import path from 'node:path';
import { isLocale, type LocaleCode } from '../i18n/locales.ts';
import { hasCompleteDictionary } from '../i18n/complete.ts';

/**
 * Which built pages the sitemap lists: canonical pages only. Print routes, staff pages and
 * fallback pages (a locale showing another language's words) are left out.
 */
export function sitemapFilter(contentDir: string, site: string): (url: string) => boolean {
  const has = (...parts: string[]) => fs.existsSync(path.join(contentDir, ...parts));
  return (url) => {
    const segments = new URL(url, site).pathname.split('/').filter(Boolean);
    const [locale, section, slug, ...rest] = segments;
    if (!locale || !isLocale(locale) || rest.length) return false;
    const code: LocaleCode = locale;
    if (section === undefined) return has('pages', 'home', `${code}.mdx`);
    if (section === 'cases' && slug) return has('cases', slug, `${code}.mdx`);
    if (has('pages', section)) return has('pages', section, `${code}.mdx`);
    return hasCompleteDictionary(code);
  };
}

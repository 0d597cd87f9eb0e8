import fs from 'node:fs';
import path from 'node:path';
import { hasCompleteDictionary } from '../i18n/complete.ts';
import { isCanonicalPage } from './routes.ts';

/**
 * Which built pages the sitemap lists: canonical pages only (the route table decides). Print
 * routes, staff pages and fallback pages (a locale showing another language's words) are left out.
 */
export function sitemapFilter(contentDir: string, site: string): (url: string) => boolean {
  const hasText = (kind: string, name: string, locale: string) => fs.existsSync(path.join(contentDir, kind, name, `${locale}.mdx`));
  return (url) => isCanonicalPage(new URL(url, site).pathname, hasText, hasCompleteDictionary);
}

import fs from 'node:fs';
import path from 'node:path';
import * as pagefind from 'pagefind';
import { localeCodes } from '../i18n/locales.ts';
import { contentDir } from '../lib/paths.ts';
import { writeSearchData } from './vocabulary.ts';

/**
 * Indexes a built site with Pagefind (the extended build, which segments Chinese): web routes of
 * every locale only — not print routes, the staff status page or the language chooser. Each page
 * goes into the index of its `<html lang>`; fallback pages carry no `data-pagefind-body`, so they
 * are not indexed as content of the locale they fall back in. Beside the index, each locale's
 * synonyms and vocabulary for forgiving search (`vocabulary.ts`).
 */
export async function indexSite(dir: string): Promise<{ pages: number; dataBytes: Record<string, number> }> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: ['[data-pagefind-ignore]'] });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    // Only pages that mark their content: fallback pages, lists and the search page itself stay out.
    const files = (fs.globSync(`{${localeCodes.join(',')}}/**/index.html`, { cwd: dir }) as string[]).sort();
    let pages = 0;
    for (const file of files) {
      const content = fs.readFileSync(path.join(dir, file), 'utf8');
      if (!content.includes('data-pagefind-body')) continue;
      const added = await index.addHTMLFile({ url: `/${path.dirname(file)}/`, content });
      if (added.errors.length) throw new Error(`Pagefind could not index ${file}: ${added.errors.join('; ')}`);
      pages++;
    }
    const written = await index.writeFiles({ outputPath: path.join(dir, 'pagefind') });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    return { pages, dataBytes: writeSearchData(dir, contentDir()).bytes };
  } finally {
    await pagefind.close();
  }
}

import { render } from 'astro:content';
import { textLangs } from '../i18n/fonts.ts';
import { localeCodes, type LocaleCode } from '../i18n/locales.ts';
import { getPage, label, ownLocales } from './content.ts';
import type { MdxContext } from './mdx-context.ts';
import { contentDir } from './paths.ts';
import { translationCell } from './translation-status.ts';

/**
 * Everything a page built from `content/pages/{page}/` needs: its words in `locale` (or the
 * fallback's), the rendered body, the MDX context for components, and hreflang data.
 */
export async function loadPage(page: string, locale: LocaleCode) {
  const resolved = await getPage(page, locale);
  const { Content } = await render(resolved.entry);
  const alternates = await ownLocales(page, 'pageText');
  const mdxContext: MdxContext = {
    lang: resolved.lang,
    folder: `pages/${page}`,
    figures: resolved.data.figures,
    charts: resolved.data.charts,
    timeline: [],
    chain: resolved.chain,
  };
  return {
    ...resolved,
    Content,
    mdxContext,
    alternates,
    fallbackLocales: localeCodes.filter((c) => !alternates.includes(c)),
    figureLabel: (id: string) => label(resolved.chain, 'figures', id) ?? id,
    translation: translationCell(`${contentDir()}/pages/${page}`, resolved.lang),
    /** Locales whose fonts the page's words and data need besides its own (a Korean title in a source). */
    langs: textLangs(resolved.entry.body, resolved.entry.data, resolved.data),
  };
}

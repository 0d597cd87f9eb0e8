/**
 * Attributes that put an element's text into the search index, unless the page shows another
 * language's words (a fallback page is not content of the locale it falls back in). A page that
 * only mentions the cases (home, track record, partner) is indexed at half weight, so a case
 * ranks above a page that names it in a table or a list.
 */
export function searchBody(isFallback: boolean, kind: 'case' | 'page'): Record<string, string> {
  if (isFallback) return {};
  return kind === 'case' ? { 'data-pagefind-body': '' } : { 'data-pagefind-body': '', 'data-pagefind-weight': '0.5' };
}

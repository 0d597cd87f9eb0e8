/**
 * Attributes that put an element's text into the search index, unless the page shows another
 * language's words (a fallback page is not content of the locale it falls back in).
 */
export function searchBody(isFallback: boolean): Record<string, string> {
  return isFallback ? {} : { 'data-pagefind-body': '' };
}

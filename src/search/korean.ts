/**
 * Korean query normalisation for Pagefind, which splits Korean only at spaces: "교통카드를" is
 * one token and would only match itself. We strip the particle or common ending from each word
 * and rely on Pagefind's prefix matching, so "교통카드" finds 교통카드를, 교통카드로, 교통카드의….
 * See docs/search.md.
 */

/** Particles and endings, longest first, so "에서는" goes before "는". */
const suffixes = [
  '으로부터',
  '에서부터',
  '이라는',
  '에서는',
  '에서도',
  '에게서',
  '까지는',
  '으로는',
  '으로서',
  '으로써',
  '이라고',
  '에서',
  '에게',
  '께서',
  '까지',
  '부터',
  '처럼',
  '보다',
  '으로',
  '이나',
  '하고',
  '라는',
  '이며',
  '에는',
  '에도',
  '와는',
  '과는',
  '들이',
  '들을',
  '들의',
  '들은',
  '입니다',
  '합니다',
  '했다',
  '하는',
  '하여',
  '되는',
  '되어',
  '했고',
  '을',
  '를',
  '이',
  '가',
  '은',
  '는',
  '의',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
  '나',
  '들',
].sort((a, b) => b.length - a.length);

const hangul = /^[\uac00-\ud7a3]+$/;

/** One Korean word without its particle or ending, when at least two syllables remain. */
export function stemKorean(word: string): string {
  if (!hangul.test(word)) return word;
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 2) return word.slice(0, -suffix.length);
  }
  return word;
}

/** A whole query, word by word; non-Korean words pass through unchanged. */
export function normaliseQuery(query: string, lang: string): string {
  if (!lang.startsWith('ko')) return query.trim();
  return query.trim().split(/\s+/).map(stemKorean).join(' ');
}

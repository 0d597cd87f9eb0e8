/**
 * Search that forgives what officials type: everyday words and Korean names (a synonym list per
 * locale), Korean compounds spaced differently from the text, and misspellings ("did you mean",
 * from a vocabulary of the indexed words). Pure functions over the data `vocabulary.ts` writes at
 * build time; `ui.ts` runs the searches. See docs/search.md.
 */
import { stemKorean } from './korean.ts';

/** `/search-data/{locale}.json`: loaded when search opens (a few KB). */
export interface SearchData {
  /** A word or phrase readers type → the words this locale's text uses for it. */
  synonyms: Record<string, string[]>;
}

/** `/search-data/{locale}-words.json`: loaded only when a query finds little. */
export interface Vocabulary {
  /** Indexed words (Korean: without particles) and how often they occur, most frequent first. */
  words: [string, number][];
}

/** Another query tried beside the reader's, and why. */
export interface Alternative {
  query: string;
  /** `synonym`, `spacing`: merged silently. `spelling`: the results say "showing results for". */
  reason: 'synonym' | 'spacing' | 'spelling';
}

const hangulWord = /^[\uac00-\ud7a3]+$/;
const hasHangul = /[\uac00-\ud7a3]/;

/** Lower case, with curly apostrophes straightened: how keys and vocabulary words are written. */
export function fold(text: string): string {
  return text.toLowerCase().replace(/[’‘]/g, "'").normalize('NFC');
}

/** The words of a query, folded; Korean words without their particles. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[\s,.;:!?()"“”«»]+/)
    .filter(Boolean)
    .map(stemKorean);
}

/**
 * The words the text uses for what the query says: every synonym key that is one of the query's
 * words, or (for a key of several words) appears in the query.
 */
export function synonymQueries(query: string, data: SearchData): Alternative[] {
  const folded = ` ${fold(query).replace(/\s+/g, ' ').trim()} `;
  const words = new Set(queryWords(query));
  const found = new Set<string>();
  for (const [key, values] of Object.entries(data.synonyms)) {
    const hit = /\s/.test(key) ? folded.includes(` ${key} `) : words.has(key) || words.has(stemKorean(key));
    if (hit) for (const value of values) found.add(value);
  }
  return [...found].map((query) => ({ query, reason: 'synonym' as const }));
}

/** "스크린 도어" → "스크린도어": Korean words of a query written as one compound. */
export function joinedKorean(query: string): Alternative[] {
  const words = query.trim().split(/\s+/);
  if (words.length < 2 || !words.every((w) => hangulWord.test(w))) return [];
  return [{ query: words.join(''), reason: 'spacing' }];
}

/**
 * "민주주의서울" → "민주주의 서울": a Korean word split into words of the vocabulary, covering it
 * with as few words as possible (each at least two syllables). Undefined when no split covers it.
 */
export function splitKorean(word: string, known: ReadonlySet<string>): string[] | undefined {
  if (!hangulWord.test(word) || word.length < 4) return undefined;
  // best[i]: the fewest words covering word.slice(0, i).
  const best: (string[] | undefined)[] = [[]];
  for (let end = 2; end <= word.length; end++) {
    for (let start = 0; start <= end - 2; start++) {
      const before = best[start];
      const piece = word.slice(start, end);
      if (before && known.has(piece) && (!best[end] || before.length + 1 < (best[end]?.length ?? Infinity))) best[end] = [...before, piece];
    }
  }
  const parts = best[word.length];
  return parts && parts.length > 1 ? parts : undefined;
}

/**
 * Edit distance with adjacent transpositions (Damerau–Levenshtein, optimal string alignment),
 * over code points; stops early and returns `max + 1` once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[y.length] ?? max + 1;
}

/** Whether a word is long enough to be judged (and corrected): 4 letters, or 3 Korean syllables; not Chinese. */
function judged(word: string): boolean {
  if (/\p{Script=Han}/u.test(word)) return false;
  return [...word].length >= (hasHangul.test(word) ? 3 : 4);
}

/**
 * The query's words that the results do not contain. Pagefind never answers "nothing" to a
 * misspelt word: it falls back to words sharing a shorter beginning ("arrisu" finds "around"), so
 * the words it marked in the best results' excerpts are compared with the query: a word is found
 * when a marked word begins with it (or is its stem). Short words and Chinese are not judged.
 */
export function unmatchedWords(query: string, marked: readonly string[]): string[] {
  const marks = marked.map(fold);
  return queryWords(query).filter((w) => judged(w) && !marks.some((m) => m.startsWith(w) || (w.startsWith(m) && [...m].length >= 4)));
}

/** How many edits a word of this length may be away from the word meant: none below 4 characters. */
function allowedEdits(word: string): number {
  const length = [...word].length;
  if (hasHangul.test(word)) return length >= 3 ? 1 : 0;
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * The vocabulary word a misspelt word most likely meant: the fewest edits away, then the most
 * frequent. Undefined when the word is known (or begins a known word: search matches prefixes)
 * or nothing is close enough.
 */
export function closestWord(word: string, vocabulary: Vocabulary): string | undefined {
  const max = judged(word) ? allowedEdits(word) : 0;
  if (max === 0 || vocabulary.words.some(([w]) => w.startsWith(word))) return undefined;
  let best: { word: string; distance: number; count: number } | undefined;
  for (const [candidate, count] of vocabulary.words) {
    const distance = editDistance(word, candidate, max);
    if (distance > max) continue;
    if (!best || distance < best.distance || (distance === best.distance && count > best.count)) best = { word: candidate, distance, count };
  }
  return best?.word;
}

/**
 * What to try when the reader's query finds little: the query with each misspelt word replaced by
 * the word it most likely meant, and Korean compounds split into known words.
 */
export function weakQueryAlternatives(query: string, vocabulary: Vocabulary): Alternative[] {
  const known = new Set(vocabulary.words.map(([w]) => w));
  const words = queryWords(query);
  const alternatives: Alternative[] = [];
  const spaced = words.flatMap((w) => splitKorean(w, known) ?? [w]);
  if (spaced.length > words.length) alternatives.push({ query: spaced.join(' '), reason: 'spacing' });
  const corrected = words.map((w) => closestWord(w, vocabulary) ?? w);
  if (corrected.some((w, i) => w !== words[i])) {
    // Written as the reader wrote: "Arrisu" → "Arisu".
    const typed = query.trim().split(/\s+/);
    const cased = corrected.map((w, i) => (typed[i] && /^\p{Lu}/u.test(typed[i]) ? w.charAt(0).toUpperCase() + w.slice(1) : w));
    alternatives.push({ query: cased.join(' '), reason: 'spelling' });
  }
  return alternatives;
}

/** A Pagefind result as far as merging needs it. */
export interface Scored {
  id: string;
  score: number;
}

/**
 * Merges result lists without duplicates: each page keeps its best score, an alternative's
 * weighted below the reader's own query (so what they typed still ranks first when it matches).
 */
export function mergeResults<T extends Scored>(lists: { results: T[]; weight: number }[]): T[] {
  const best = new Map<string, { result: T; score: number }>();
  for (const { results, weight } of lists) {
    for (const result of results) {
      const score = result.score * weight;
      const found = best.get(result.id);
      if (!found || score > found.score) best.set(result.id, { result, score });
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score).map(({ result }) => result);
}

import { describe, expect, it } from 'vitest';
import {
  closestWord,
  editDistance,
  joinedKorean,
  mergeResults,
  splitKorean,
  synonymQueries,
  unmatchedWords,
  weakQueryAlternatives,
  type Vocabulary,
} from '../../src/search/forgive.ts';

const vocabulary: Vocabulary = {
  words: [
    ['seoul', 40],
    ['arisu', 12],
    ['nanjido', 9],
    ['participatory', 7],
    ['participation', 3],
    ['민주주의', 11],
    ['서울', 30],
    ['주민참여예산', 5],
    ['다산콜센터', 4],
  ],
};

describe('did you mean', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit', () => {
    expect(editDistance('arrisu', 'arisu', 2)).toBe(1);
    expect(editDistance('nanjdo', 'nanjido', 2)).toBe(1);
    expect(editDistance('nanjiod', 'nanjido', 2)).toBe(1);
    expect(editDistance('arisa', 'arisu', 2)).toBe(1);
    expect(editDistance('metro', 'subway', 2)).toBe(3);
  });

  it('picks the closest word, then the more frequent one; leaves known words and short words alone', () => {
    expect(closestWord('arrisu', vocabulary)).toBe('arisu');
    expect(closestWord('partcipatory', vocabulary)).toBe('participatory');
    expect(closestWord('주민참여애산', vocabulary)).toBe('주민참여예산');
    expect(closestWord('다산콜센타', vocabulary)).toBe('다산콜센터');
    // A prefix of a known word is found by search as it is.
    expect(closestWord('nanji', vocabulary)).toBeUndefined();
    // Three letters are too few to guess from.
    expect(closestWord('aru', vocabulary)).toBeUndefined();
    expect(closestWord('zzzzzz', vocabulary)).toBeUndefined();
  });

  it('offers the corrected query for a query that found nothing', () => {
    expect(weakQueryAlternatives('Arrisu water', vocabulary)).toEqual([{ query: 'Arisu water', reason: 'spelling' }]);
  });
});

describe('Korean spacing', () => {
  it('joins Korean words typed apart', () => {
    expect(joinedKorean('스크린 도어')).toEqual([{ query: '스크린도어', reason: 'spacing' }]);
    expect(joinedKorean('스크린도어')).toEqual([]);
    expect(joinedKorean('screen 도어')).toEqual([]);
  });

  it('splits a Korean word typed as one into words the text has', () => {
    const known = new Set(vocabulary.words.map(([w]) => w));
    expect(splitKorean('민주주의서울', known)).toEqual(['민주주의', '서울']);
    expect(splitKorean('민주주의', known)).toBeUndefined();
    expect(splitKorean('민주주의부산', known)).toBeUndefined();
    expect(weakQueryAlternatives('민주주의서울', vocabulary)).toContainEqual({ query: '민주주의 서울', reason: 'spacing' });
  });
});

describe('everyday words and Korean names', () => {
  const data = { synonyms: { garbage: ['landfill'], 'call center': ['Dasan Call Center'], 아리수: ['Arisu'] } };

  it('adds the text’s words for a word, a phrase or a Korean name in the query', () => {
    expect(synonymQueries('Garbage mountain', data)).toEqual([{ query: 'landfill', reason: 'synonym' }]);
    expect(synonymQueries('the call center', data)).toEqual([{ query: 'Dasan Call Center', reason: 'synonym' }]);
    expect(synonymQueries('아리수를', data)).toEqual([{ query: 'Arisu', reason: 'synonym' }]);
    expect(synonymQueries('call', data)).toEqual([]);
  });
});

describe('merging results', () => {
  it('keeps each page once, with its best weighted score', () => {
    const merged = mergeResults([
      { results: [{ id: 'a', score: 1 }], weight: 1 },
      {
        results: [
          { id: 'a', score: 2 },
          { id: 'b', score: 1 },
        ],
        weight: 0.9,
      },
    ]);
    expect(merged.map((r) => r.id)).toEqual(['a', 'b']);
    expect(merged).toHaveLength(2);
  });
});

describe('telling a found word from Pagefind’s fallback', () => {
  it('takes a query word as found only when a marked word begins with it', () => {
    expect(unmatchedWords('arrisu', ['around', 'are'])).toEqual(['arrisu']);
    expect(unmatchedWords('arisu', ['Arisu'])).toEqual([]);
    expect(unmatchedWords('landfill sites', ['landfill', 'sites'])).toEqual([]);
    expect(unmatchedWords('교통카드를', ['교통카드로'])).toEqual([]);
    // Short words and Chinese are not judged.
    expect(unmatchedWords('bus', [])).toEqual([]);
    expect(unmatchedWords('垃圾填埋', ['垃圾'])).toEqual([]);
  });
});

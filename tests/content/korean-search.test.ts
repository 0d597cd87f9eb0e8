import { describe, expect, it } from 'vitest';
import { normaliseQuery, stemKorean } from '../../src/search/korean.ts';

describe('Korean query normalisation', () => {
  it.each([
    ['교통카드를', '교통카드'],
    ['교통카드로', '교통카드'],
    ['버스는', '버스'],
    ['상수도의', '상수도'],
    ['서울시에서는', '서울시'],
    ['지하철', '지하철'],
    ['물을', '물을'], // one syllable would remain: left alone
  ])('stems %s to %s', (word, stem) => {
    expect(stemKorean(word)).toBe(stem);
  });

  it('leaves other languages and Latin words alone', () => {
    expect(normaliseQuery('T-money 카드를', 'ko')).toBe('T-money 카드');
    expect(normaliseQuery('water leak', 'en')).toBe('water leak');
  });
});

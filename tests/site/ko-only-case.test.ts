import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { hostileTitle, readPage } from '../setup/sites.ts';

// The fixture `tests/fixtures/valid-case` adds a case with only ko.mdx, as staff would by copying a folder.
describe('a case written only in Korean', () => {
  it('is listed on the Korean and English case indexes', () => {
    for (const locale of ['ko', 'en']) {
      const $ = load(readPage('variant', `${locale}/cases`));
      const link = $('.case-card a[href$="/cases/pilot-library/"]');
      expect(link.length, `/${locale}/cases/`).toBe(1);
      expect(link.text()).toBe(hostileTitle);
      // The card's words are Korean, marked as such inside an English page.
      expect(link.closest('.case-card').attr('lang')).toBe('ko');
    }
  });

  it('has an English page that shows the Korean text with an English notice', () => {
    const $ = load(readPage('variant', 'en/cases/pilot-library'));
    expect($('html').attr('lang')).toBe('en');
    expect($('main').attr('lang')).toBe('ko');
    expect($('.fallback-notice').text()).toContain('not yet available in English');
    expect($('.fallback-notice').text()).toContain('Korean');
  });
});

describe('a photo in a case body', () => {
  it('is served as responsive AVIF and WebP with a fallback, caption and credit', () => {
    const $ = load(readPage('variant', 'ko/cases/pilot-library'));
    const figure = $('figure.content-figure');
    const types = figure
      .find('picture source')
      .map((_, el) => $(el).attr('type'))
      .get();
    expect(types).toEqual(['image/avif', 'image/webp']);
    const srcset = figure.find('source[type="image/avif"]').attr('srcset') ?? '';
    expect(srcset.split(',').length).toBeGreaterThanOrEqual(2);
    expect(figure.find('img').attr('alt')).toBe('열람실과 강당을 나타낸 평면도');
    expect(figure.find('figcaption').text()).toContain('시험용 그림');
  });
});

import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { readPage } from '../setup/sites.ts';

// The fixture `tests/fixtures/valid-case` adds a case with only ko.mdx, as staff would by copying a folder.
describe('a case written only in Korean', () => {
  it('is listed on the Korean and English case indexes', () => {
    for (const locale of ['ko', 'en']) {
      const $ = load(readPage('koOnly', `${locale}/cases`));
      const link = $('.case-card a[href$="/cases/pilot-library/"]');
      expect(link.length, `/${locale}/cases/`).toBe(1);
      expect(link.text()).toBe('시험용 시민 도서관');
      // The card's words are Korean, marked as such inside an English page.
      expect(link.closest('.case-card').attr('lang')).toBe('ko');
    }
  });

  it('has an English page that shows the Korean text with an English notice', () => {
    const $ = load(readPage('koOnly', 'en/cases/pilot-library'));
    expect($('html').attr('lang')).toBe('en');
    expect($('main').attr('lang')).toBe('ko');
    expect($('.fallback-notice').text()).toContain('not yet available in English');
    expect($('.fallback-notice').text()).toContain('Korean');
  });
});

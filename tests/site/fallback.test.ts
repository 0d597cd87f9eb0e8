import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { localeInfo } from '../../src/i18n/locales.ts';
import { readPage } from '../setup/sites.ts';

// In the variant site `transit-card/es.mdx` is removed, as if the Spanish translation did not exist yet.
describe('a case without a Spanish translation', () => {
  const $ = load(readPage('variant', 'es/cases/transit-card'));

  it('shows the English words with a notice in Spanish, lang="es" on html and lang="en" on main', () => {
    expect($('html').attr('lang')).toBe('es');
    expect($('main').attr('lang')).toBe('en');
    expect($('h1').text()).toBe(load(readPage('variant', 'en/cases/transit-card'))('h1').text());
    expect($('.fallback-notice').text()).toContain('aún no está disponible en español');
    expect($('.fallback-notice').text()).toContain('inglés');
  });

  it('is not offered to search engines as Spanish content', () => {
    expect($('link[hreflang]').length).toBe(0);
    expect($('meta[name=robots]').attr('content')).toContain('noindex');
    expect($('link[rel=canonical]').attr('href')).toMatch('/en/cases/transit-card/');
    const en = load(readPage('variant', 'en/cases/transit-card'));
    const alternates = en('link[rel=alternate]')
      .map((_, el) => en(el).attr('hreflang'))
      .get();
    expect(alternates).not.toContain(localeInfo('es').bcp47);
    expect(alternates).toContain(localeInfo('fr').bcp47);
    expect(readPage('variant', 'sitemap-0.xml')).not.toContain('/es/cases/transit-card/');
  });
});

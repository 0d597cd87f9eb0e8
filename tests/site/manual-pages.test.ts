import fs from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readPage, sites } from '../setup/sites.ts';

interface Entry {
  id: string;
  city: string;
}
/** Every trackRecord entry in a content folder's cases. */
function entries(content: string): Entry[] {
  const dir = path.join(content, 'cases');
  return fs.readdirSync(dir).flatMap((slug) => (parse(fs.readFileSync(path.join(dir, slug, 'case.yaml'), 'utf8')) as { trackRecord?: Entry[] }).trackRecord ?? []);
}

describe('the track record page', () => {
  it('lists every entry of every case in the table, and every city on the map', () => {
    const all = entries(sites.main.content);
    expect(all.length).toBeGreaterThan(10);
    for (const locale of ['ko', 'en']) {
      const $ = load(readPage('main', `${locale}/track-record`));
      const rows = $('.track-record tbody tr').map((_, tr) => $(tr).attr('data-entry')).get();
      expect(rows.sort()).toEqual(all.map((e) => e.id).sort());
      const dots = new Set($('.world-map circle[data-city]').map((_, c) => $(c).attr('data-city')).get());
      expect([...new Set(all.map((e) => e.city))].filter((city) => !dots.has(city))).toEqual([]);
    }
  });

  it('picks up an entry added to a case without code changes', () => {
    // The ko-only fixture case adds a 2018 study with Barcelona.
    const $ = load(readPage('variant', 'en/track-record'));
    const row = $('.track-record tbody tr[data-entry="barcelona-pilot-2018"]');
    expect(row.length).toBe(1);
    expect(row.text()).toContain('Spain');
    expect(row.find('a').attr('href')).toBe('/en/cases/pilot-library/');
    expect($('.world-map circle[data-city="Barcelona"]').length).toBe(1);
  });

  it('draws the map as inline SVG with a title and a text alternative, and loads no tiles', () => {
    const $ = load(readPage('main', 'en/track-record'));
    const svg = $('.world-map svg');
    expect(svg.attr('role')).toBe('img');
    expect(svg.find('title').text()).not.toBe('');
    expect(svg.find('desc').text()).toMatch(/\d+ projects with \d+ cities in \d+ countries/);
    expect($('img[src^="http"], script[src^="http"]').length).toBe(0);
  });
});

describe('charts', () => {
  const pages = ['en/track-record', 'en/cases/bus-reform', 'ko/cases/water-supply'];
  it.each(pages)('on %s have a title, axis labels and a text alternative', (route) => {
    const $ = load(readPage('main', route));
    const charts = $('figure.chart svg');
    expect(charts.length).toBeGreaterThan(0);
    charts.each((_, el) => {
      const svg = $(el);
      const title = svg.find('title').first();
      const desc = svg.find('desc').first();
      expect(title.text().length, 'title').toBeGreaterThan(3);
      expect(svg.attr('aria-labelledby')).toBe(`${title.attr('id')} ${desc.attr('id')}`);
      expect(desc.text(), 'text alternative lists every bar').toMatch(/^[^;]+: [^;]+(; [^;]+: [^;]+)+$/);
      expect(svg.find('.axis-label.x-axis').text().length).toBeGreaterThan(0);
      expect(svg.find('.axis-label.y-axis').text().length).toBeGreaterThan(0);
      expect(svg.find('rect').length).toBe(desc.text().split(';').length);
    });
  });

  it('show the officials trained 2008-2012 exactly as the brief gives them', () => {
    const $ = load(readPage('main', 'en/track-record'));
    expect($('[data-chart="chart-officials-trained"] desc').text()).toBe('2008: 141; 2009: 112; 2010: 152; 2011: 176; 2012: 226');
  });
});

describe('the home and partner pages', () => {
  it('show the growth figures from the brief, every case, the track record strip and the partner call', () => {
    const $ = load(readPage('main', 'en'));
    expect($('[data-figure="population-growth"] dd').text()).toBe('+433%');
    expect($('[data-figure="income-growth"] dd').text()).toBe('+1,398%');
    expect($('.case-card').length).toBe(fs.readdirSync(path.join(sites.main.content, 'cases')).length);
    expect($('.track-strip a[href="/en/track-record/"]').length).toBe(1);
    expect($('a[href="/en/partner/"]').length).toBeGreaterThan(0);
  });

  it('lists a contact for every sector that has a case', () => {
    const $ = load(readPage('main', 'ko/partner'));
    const sectors = new Set(
      fs.readdirSync(path.join(sites.main.content, 'cases')).map((slug) => (parse(fs.readFileSync(path.join(sites.main.content, 'cases', slug, 'case.yaml'), 'utf8')) as { sector: string }).sector),
    );
    expect($('.contacts tbody tr').map((_, tr) => $(tr).attr('data-sector')).get().sort()).toEqual([...sectors].sort());
    $('.contacts tbody tr').each((_, tr) => expect($(tr).find('a[href^="mailto:"]').length).toBeGreaterThan(0));
  });
});

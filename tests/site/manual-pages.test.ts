import fs from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales.ts';
import { readPage, sites } from '../setup/sites.ts';

interface Entry {
  id: string;
  city: string;
}
/** Every trackRecord entry in a content folder's cases. */
function entries(content: string): Entry[] {
  const dir = path.join(content, 'cases');
  return fs
    .readdirSync(dir)
    .flatMap((slug) => (parse(fs.readFileSync(path.join(dir, slug, 'case.yaml'), 'utf8')) as { trackRecord?: Entry[] }).trackRecord ?? []);
}

describe('the track record page', () => {
  it('lists every entry of every case in the table, and every city on the map', () => {
    const all = entries(sites.main.content);
    expect(all.length).toBeGreaterThan(10);
    for (const locale of ['ko', 'en']) {
      const $ = load(readPage('main', `${locale}/track-record`));
      const rows = $('.track-record tbody tr')
        .map((_, tr) => $(tr).attr('data-entry'))
        .get();
      expect(rows.sort()).toEqual(all.map((e) => e.id).sort());
      const dots = new Set(
        $('.world-map circle[data-city]')
          .map((_, c) => $(c).attr('data-city'))
          .get(),
      );
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
    const svg = $('.world-map svg').first();
    // A group: its markers are links to each city's row in the table (an image hides its links).
    expect(svg.attr('role')).toBe('group');
    expect(svg.find('title').first().text()).not.toBe('');
    const links = svg.find('.markers a');
    expect(links.length).toBe(svg.find('.markers circle').length);
    links.each((_, a) => expect($(`[id="${decodeURIComponent(($(a).attr('href') ?? '').slice(1))}"]`).text()).toContain($(a).attr('aria-label') ?? '?'));
    expect(svg.find('desc').text()).toMatch(/\d+ entries with \d+ cities in \d+ countries/);
    expect($('img[src^="http"], script[src^="http"]').length).toBe(0);
  });
});

describe('what the track record claims', () => {
  const all = (): (Entry & { kind: string; year?: number | string; yearInferred?: boolean; unverified?: boolean })[] => entries(sites.main.content) as never;

  it('marks every unconfirmed entry in the table and rings its city on the map when nothing else confirms it', () => {
    const $ = load(readPage('main', 'en/track-record'));
    const unverified = all().filter((e) => e.unverified);
    expect(unverified.length).toBeGreaterThan(0);
    for (const e of unverified) expect($(`tr[data-entry="${e.id}"] [data-unverified]`).text(), e.id).toBe('unconfirmed: secondary source only');
    const confirmedCities = new Set(
      all()
        .filter((e) => !e.unverified)
        .map((e) => e.city),
    );
    for (const city of new Set(unverified.map((e) => e.city))) {
      expect($(`.world-map circle[data-city="${city}"]`).attr('data-unverified'), city).toBe(confirmedCities.has(city) ? undefined : 'true');
    }
  });

  it('shows an inferred year as "c." and an entry no source dates as undated, in every locale', () => {
    const inferred = all().find((e) => e.yearInferred);
    const undated = all().find((e) => e.year === undefined);
    expect(inferred && undated).toBeTruthy();
    const en = load(readPage('main', 'en/track-record'));
    expect(en(`tr[data-entry="${inferred?.id}"] td`).eq(2).text()).toContain(`c. ${inferred?.year}`);
    expect(en(`tr[data-entry="${undated?.id}"] td`).eq(2).text().trim()).toBe('undated');
    const ko = load(readPage('main', 'ko/track-record'));
    expect(ko(`tr[data-entry="${inferred?.id}"] td`).eq(2).text()).toContain(`${inferred?.year}년경`);
  });

  it('counts in each headline only the kinds it names, and names them', () => {
    const $ = load(readPage('main', 'en/track-record'));
    const legend = $('.map-legend li')
      .map((_, li) => $(li).text().trim())
      .get();
    const delivered = all().filter((e) => ['export', 'consulting', 'oda'].includes(e.kind) && !e.unverified);
    expect(legend[0]).toBe(
      `Delivered (Export (system supplied), Consulting, and Development aid (ODA)) — cities: ${new Set(delivered.map((e) => e.city)).size}, countries: ${new Set(delivered.map((e) => (e as unknown as { country: string }).country)).size}`,
    );
    expect(legend.some((l) => l.startsWith('Explored, not delivered (Agreement (MOU), Study, and Bid (tender entered))'))).toBe(true);
    const home = load(readPage('main', 'en'));
    expect(home('.track-strip [data-count="delivered"]').text()).toBe(legend[0]);
  });

  it('never calls a bid or a study an export', () => {
    const $ = load(readPage('main', 'en/track-record'));
    for (const e of all().filter((x) => x.kind === 'bid' || x.kind === 'study')) {
      expect($(`tr[data-entry="${e.id}"] td`).eq(3).text(), e.id).not.toMatch(/Export/);
    }
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
      // The phone drawing leaves the y-axis title out (its tick labels carry the unit); the wide one, on screens and paper, has it.
      if (svg.hasClass('chart-wide')) expect(svg.find('.axis-label.y-axis').text().length).toBeGreaterThan(0);
      else expect(svg.hasClass('chart-narrow')).toBe(true);
      expect(svg.find('rect').length).toBe(desc.text().split(';').length);
    });
  });

  it('show the officials trained 2008-2012 exactly as the brief gives them', () => {
    const $ = load(readPage('main', 'en/track-record'));
    expect($('[data-chart="chart-officials-trained"] .chart-wide desc').text()).toBe('2008: 141; 2009: 112; 2010: 152; 2011: 176; 2012: 226');
  });
});

describe('the home and partner pages', () => {
  it('show the growth figures from the brief, every case, the track record strip and the partner call', () => {
    const $ = load(readPage('main', 'en'));
    // The brief's "433%" read as what it is against the census: a multiple, with both counts.
    expect($('[data-figure="population-ratio"] dd').text()).toBe('4.3×');
    expect($('[data-figure="population-1960"] dd').text()).toBe('2,445,402');
    expect($('[data-figure="income-growth"] dd').text()).toBe('+1,398%');
    expect($('.case-card').length).toBe(fs.readdirSync(path.join(sites.main.content, 'cases')).length);
    expect($('.track-strip a[href="/en/track-record/"]').length).toBe(1);
    expect($('a[href="/en/partner/"]').length).toBeGreaterThan(0);
  });

  it('lists a contact for every sector that has a case', () => {
    const $ = load(readPage('main', 'ko/partner'));
    const sectors = new Set(
      fs
        .readdirSync(path.join(sites.main.content, 'cases'))
        .map((slug) => (parse(fs.readFileSync(path.join(sites.main.content, 'cases', slug, 'case.yaml'), 'utf8')) as { sector: string }).sector),
    );
    expect(
      $('.contacts tbody tr')
        .map((_, tr) => $(tr).attr('data-sector'))
        .get()
        .sort(),
    ).toEqual([...sectors].sort());
    $('.contacts tbody tr').each((_, tr) => expect($(tr).find('a[href^="mailto:"]').length).toBeGreaterThan(0));
  });
});

describe('the printed manual as one page', () => {
  it.each(localeCodes)('repeats no id and every link inside it finds its target (%s)', (locale) => {
    const html = readPage('main', `print/${locale}/manual`);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const targets = [...html.matchAll(/\shref="#([^"]+)"/g)].map((m) => decodeURIComponent(m[1] ?? ''));
    expect(targets.filter((t) => !ids.includes(t))).toEqual([]);
  });

  it('puts each case on its named page by class, as the print CSP allows no style attribute', () => {
    const $ = load(readPage('main', 'print/en/manual'));
    expect($('[style]').length).toBe(0);
    expect($('section.print-case.on-page-case-subway').length).toBe(1);
  });
});

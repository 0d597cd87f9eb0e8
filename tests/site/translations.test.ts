import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales.ts';
import { outRoot, readPage, root, sites } from '../setup/sites.ts';

/** Every built page of a site that carries a given selector, as routes like `fr/cases/dmc`. */
function pagesWith(site: keyof typeof sites, selector: string): string[] {
  const dir = sites[site].out;
  return (fs.globSync('**/index.html', { cwd: dir }) as string[])
    .filter((file) => load(fs.readFileSync(path.join(dir, file), 'utf8'))(selector).length > 0)
    .map((file) => path.dirname(file))
    .sort();
}
const cases = fs.readdirSync(path.join(sites.main.content, 'cases')).sort();

describe('the manual in eight languages', () => {
  it('shows every case in every locale in its own words', () => {
    for (const locale of localeCodes) {
      for (const slug of cases) {
        const $ = load(readPage('main', `${locale}/cases/${slug}`));
        expect($('main').attr('lang'), `/${locale}/cases/${slug}/`).toBe(locale);
      }
      for (const route of ['', 'track-record', 'partner']) {
        expect(load(readPage('main', `${locale}/${route}`))('main').attr('lang'), `/${locale}/${route}`).toBe(locale);
      }
    }
  });

  it('shows no fallback notice anywhere when every translation exists', () => {
    expect(pagesWith('main', '.fallback-notice')).toEqual([]);
  });

  it('falls back on exactly the pages whose translation was removed (and the Korean-only fixture case)', () => {
    const expected = ['fr/cases/dmc', 'es/cases/transit-card', ...localeCodes.filter((l) => l !== 'ko').map((l) => `${l}/cases/pilot-library`)].sort();
    expect(pagesWith('variant', '.fallback-notice')).toEqual(expected);
    const $ = load(readPage('variant', 'en/cases/dmc'));
    expect($('.language-switcher a[hreflang="fr"]').text()).toContain('not yet translated');
    expect($('.language-switcher a[hreflang="es"]').text()).not.toContain('not yet translated');
  });
});

describe('a Korean source edited after its translations were made', () => {
  it('marks the translation made from it as stale on the page, in the reader’s language', () => {
    expect(pagesWith('main', '.translation-notice.stale')).toEqual([]);
    const $ = load(readPage('variant', 'en/cases/transit-card'));
    expect($('.translation-notice.stale').text()).toContain('Korean original');
    const ko = load(readPage('variant', 'ko/cases/transit-card'));
    expect(ko('.translation-notice.stale').length).toBe(0);
  });

  it('marks it stale in `npm run i18n:status` and on the staff status page', () => {
    const json = path.join(outRoot, 'i18n-status.json');
    const run = spawnSync(process.execPath, [path.join(root, 'scripts/i18n-status.ts'), '--json', json], {
      env: { ...process.env, SSM_CONTENT_DIR: sites.variant.content },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/transit-card\s+◆ source\s+⚠ stale/);
    // A review is shown with who made it and when.
    expect(run.stdout).toMatch(/nanjido\s+◆ source\s+✔ reviewed/);
    expect(run.stdout).toContain('nanjido/en.mdx: Test Reviewer, 2026-11-30');
    const table = JSON.parse(fs.readFileSync(json, 'utf8')) as { cells: { folder: string; locale: string; state: string }[] }[];
    const states = table.flatMap((t) => t.cells).filter((c) => c.folder === 'transit-card');
    expect(states.find((c) => c.locale === 'en')?.state).toBe('stale');
    expect(states.find((c) => c.locale === 'ko')?.state).toBe('source');
    const $ = load(readPage('variant', 'status'));
    expect($('td[data-folder="transit-card"][data-locale="en"]').attr('data-state')).toBe('stale');
    expect($('td[data-folder="dmc"][data-locale="fr"]').attr('data-state')).toBe('missing');
    const reviewed = $('td[data-folder="nanjido"][data-locale="en"]');
    expect(reviewed.attr('data-state')).toBe('reviewed');
    expect(reviewed.find('[data-reviewer]').text()).toBe('Test Reviewer, 2026-11-30');
    expect(reviewed.find('time').attr('datetime')).toBe('2026-11-30');
  });

  it('keeps the staff status page out of the sitemap and search engines', () => {
    expect(readPage('main', 'sitemap-0.xml')).not.toContain('/status/');
    expect(load(readPage('main', 'status'))('meta[name=robots]').attr('content')).toContain('noindex');
  });
});

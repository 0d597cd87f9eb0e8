import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales.ts';
import { launch, serve } from '../setup/browser.ts';
import { readPage, sites } from '../setup/sites.ts';

const dir = sites.main.out;
const webPages = (fs.globSync('**/index.html', { cwd: dir }) as string[]).filter((f) => !f.startsWith('print/')).sort();

describe('Content-Security-Policy', () => {
  it('is set on every page, allows only our origin, and hashes every inline script it runs', () => {
    const problems: string[] = [];
    for (const file of webPages) {
      const $ = load(fs.readFileSync(path.join(dir, file), 'utf8'));
      const policy = $('meta[http-equiv="content-security-policy"]').attr('content') ?? '';
      if (!policy.includes("default-src 'self'")) problems.push(`${file}: no default-src 'self'`);
      if (/https?:\/\//.test(policy)) problems.push(`${file}: a third-party origin is allowed`);
      if (/'unsafe-inline'/.test(policy)) problems.push(`${file}: 'unsafe-inline'`);
      $('script:not([src])').each((_, el) => {
        const hash = createHash('sha256')
          .update($(el).html() ?? '')
          .digest('base64');
        if (!policy.includes(`'sha256-${hash}'`)) problems.push(`${file}: inline script without its hash`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('is also written to _headers for hosts that read one', () => {
    const headers = fs.readFileSync(path.join(dir, '_headers'), 'utf8');
    expect(headers).toMatch(/Content-Security-Policy: default-src 'self'.*frame-ancestors 'none'/);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
  });
});

describe('privacy', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    site = await serve(dir);
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('loads every page type, search included, without a request to another origin or a CSP violation', { timeout: 300_000 }, async () => {
    const foreign: string[] = [];
    const blocked: string[] = [];
    const queue = localeCodes.flatMap((locale) => [
      `/${locale}/`,
      `/${locale}/cases/`,
      `/${locale}/cases/transit-card/`,
      `/${locale}/track-record/`,
      `/${locale}/partner/`,
      `/${locale}/pack/`,
      `/${locale}/search/?q=Seoul`,
    ]);
    // Three tabs at a time; each page is watched from its first request until the network is idle.
    await Promise.all(
      [0, 1, 2].map(async () => {
        for (let route = queue.shift(); route; route = queue.shift()) {
          const page = await browser.newPage();
          page.on('request', (r) => {
            if (!r.url().startsWith(site.origin) && !r.url().startsWith('data:')) foreign.push(`${route}: ${r.url()}`);
          });
          page.on('console', (m) => {
            if (/Content Security Policy/i.test(m.text())) blocked.push(`${route}: ${m.text().slice(0, 160)}`);
          });
          await page.goto(`${site.origin}${route}`, { waitUntil: 'networkidle' });
          if (route.includes('/search/')) await page.locator('.search-result').first().waitFor();
          await page.close();
        }
      }),
    );
    expect(foreign).toEqual([]);
    expect(blocked).toEqual([]);
  });
});

describe('the sitemap', () => {
  it('lists every canonical page exactly once, and no print, staff or fallback page', () => {
    const urls = [...readPage('main', 'sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
    expect(new Set(urls).size).toBe(urls.length);
    const canonical = webPages
      .filter((f) => localeCodes.some((l) => f.startsWith(`${l}/`)))
      .filter((f) => {
        const $ = load(fs.readFileSync(path.join(dir, f), 'utf8'));
        return (
          !$('meta[name=robots]').attr('content')?.includes('noindex') &&
          new URL($('link[rel=canonical]').attr('href') ?? '').pathname === `/${path.dirname(f)}/`
        );
      })
      .map((f) => `/${path.dirname(f)}/`);
    expect(urls.sort()).toEqual(canonical.sort());
    expect(urls.some((u) => u.startsWith('/print/') || u.startsWith('/status/'))).toBe(false);
    const variant = [...readPage('variant', 'sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] ?? '').pathname);
    expect(variant).not.toContain('/es/cases/transit-card/');
    expect(variant).not.toContain('/en/cases/pilot-library/');
  });
});

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { localeCodes } from '../../src/i18n/locales.ts';
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

// Privacy (no request to another origin, no CSP violation) is checked on every page type in every
// locale by the one crawl in `tests/browser/every-page.test.ts`.

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

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfflineManifest } from '../../src/offline/plan.ts';
import { useBrowser } from '../setup/browser.ts';
import { sites } from '../setup/sites.ts';

const chromium = useBrowser(sites.main.out);
const site = sites.main.out;
const manifest = (locale: string) => JSON.parse(fs.readFileSync(path.join(site, 'offline', `${locale}.json`), 'utf8')) as OfflineManifest;

/**
 * The built site behind a proxy that records every path it is asked for (the service worker's
 * requests too, which the browser does not report) and can answer some paths with other bytes:
 * the site as it is after a change.
 */
const proxy = { origin: '', asked: [] as string[], changed: new Map<string, string>(), close: () => undefined as void };
beforeAll(async () => {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    proxy.asked.push(url.pathname);
    const changed = proxy.changed.get(url.pathname);
    const response = changed === undefined ? await fetch(`${chromium.origin}${url.pathname}`) : undefined;
    res.writeHead(response?.status ?? 200, {
      'content-type': response?.headers.get('content-type') ?? (url.pathname.endsWith('.js') ? 'text/javascript' : 'application/json'),
    });
    res.end(response ? Buffer.from(await response.arrayBuffer()) : changed);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () => void server.close();
});
afterAll(() => proxy.close());

/** Opens a page in a fresh browser profile (no service worker, empty caches). */
async function open(route: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${proxy.origin}${route}`, { waitUntil: 'networkidle' });
  return { context, page };
}

/** Clicks "save" and waits for the status line to say it is done (again, after an earlier save). */
async function save(page: Page, done: RegExp): Promise<string> {
  await page.locator('[data-offline-status]').evaluate((status) => (status.textContent = ''));
  await page.locator('[data-offline-save]').click();
  await expect.poll(() => page.locator('[data-offline-status]').textContent(), { timeout: 20_000 }).toMatch(done);
  return (await page.locator('[data-offline-status]').textContent()) ?? '';
}

const cached = (page: Page, url: string) => page.evaluate(async (u) => Boolean(await (await caches.open('ssm-offline')).match(u)), url);

describe('saving a language of the manual for offline reading', () => {
  it('registers no service worker and fetches nothing for it on a normal visit', async () => {
    proxy.asked.length = 0;
    const { context, page } = await open('/es/cases/subway/');
    expect(await page.locator('[data-offline-save]').isVisible()).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true);
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    expect(proxy.asked.filter((p) => p === '/sw.js' || p.startsWith('/offline/'))).toEqual([]);
    await context.close();
    // A host must not keep an old worker or manifest in its cache.
    expect(fs.readFileSync(path.join(site, '_headers'), 'utf8')).toMatch(/^\/sw\.js\n {2}Cache-Control: no-cache$/m);
  });

  it('saves Spanish with its PDFs from a case page; offline, another case opens from the copy and search finds it', async () => {
    const { context, page } = await open('/es/cases/subway/');
    const blocked: string[] = [];
    page.on('console', (m) => /Content Security Policy/i.test(m.text()) && blocked.push(m.text()));
    const es = manifest('es');
    await page.locator('input[name="offline-pdfs"]').check();
    const status = await save(page, /^Guardado/);
    expect(status).toContain(`${es.pages} páginas`);
    expect(status).toContain(`${es.pdfs.filter((e) => e.url.endsWith('.pdf')).length} PDF`);

    await context.setOffline(true);
    await page.goto(`${proxy.origin}/es/cases/water-supply/`);
    const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(fs.readFileSync(path.join(site, 'es/cases/water-supply/index.html'), 'utf8'))?.[1];
    expect(await page.locator('h1').first().textContent()).toBe(title);
    // Its styles and fonts came from the copy too.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Noto Sans');
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'error').map((f) => f.family))).toEqual([]);

    await page.locator('[data-search-open]').click();
    await page.locator('dialog input[type=search]').fill('agua potable');
    await expect.poll(() => page.locator('dialog a[href^="/es/cases/"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await page.locator('dialog a[href^="/es/cases/water-supply/"]').count()).toBeGreaterThan(0);

    const pdf = await page.evaluate(async () => {
      const response = await fetch('/pdf/es/subway.pdf');
      return { status: response.status, start: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5)) };
    });
    expect(pdf).toEqual({ status: 200, start: '%PDF-' });
    expect(blocked).toEqual([]);
    await context.close();
  });

  it('brings a saved copy up to date when the site changes, fetching only what changed and dropping what is gone', async () => {
    const { context, page } = await open('/es/');
    await save(page, /^Guardado/);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    // Saving again an unchanged site asks for the manifest, and for no file of the copy.
    proxy.asked.length = 0;
    await save(page, /^Guardado/);
    expect(proxy.asked.filter((p) => p !== '/sw.js' && p !== '/offline/es.json')).toEqual([]);

    // The site changes: one page is new, one page is gone, and so the worker is another.
    const es = manifest('es');
    const next: OfflineManifest = {
      ...es,
      entries: es.entries.filter((e) => e.url !== '/es/partner/').map((e) => (e.url === '/es/cases/subway/' ? { ...e, revision: 'changed' } : e)),
    };
    proxy.changed.set('/offline/es.json', JSON.stringify(next));
    proxy.changed.set('/sw.js', `${fs.readFileSync(path.join(site, 'sw.js'), 'utf8')}\n// another version`);
    proxy.asked.length = 0;
    expect(await cached(page, '/es/partner/')).toBe(true);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect.poll(() => cached(page, '/es/partner/'), { timeout: 20_000 }).toBe(false);
    expect(proxy.asked.filter((p) => p !== '/sw.js' && p !== '/offline/es.json')).toEqual(['/es/cases/subway/']);
    expect(await cached(page, '/es/cases/subway/')).toBe(true);
    proxy.changed.clear();

    // Removing the copy leaves nothing behind.
    await page.locator('[data-offline-remove]').click();
    await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true);
    expect(await page.evaluate(() => caches.keys())).toEqual([]);
    await context.close();
  });
});

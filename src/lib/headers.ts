import fs from 'node:fs';
import path from 'node:path';
import { printPrefix } from './routes.ts';

/**
 * Writes `_headers` (read by Netlify, Cloudflare Pages and similar hosts): a Content-Security-Policy
 * that allows the union of every page's hashed inline scripts and styles (each page also carries
 * its own exact policy in a <meta>; the offline service worker `/sw.js` is allowed by `'self'`),
 * plus headers a meta tag cannot set.
 */
export function writeHeaders(siteDir: string): void {
  const sources = new Map<string, Set<string>>();
  let base = '';
  for (const file of fs.globSync('**/*.html', { cwd: siteDir }) as string[]) {
    const policy = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(fs.readFileSync(path.join(siteDir, file), 'utf8'))?.[1];
    if (!policy) continue;
    for (const directive of policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)) {
      const [name = '', ...values] = directive.split(/\s+/);
      if (name === 'script-src' || name === 'style-src') {
        const set = sources.get(name) ?? new Set<string>();
        for (const v of values) set.add(v);
        sources.set(name, set);
      } else if (!base.includes(`${name} `)) {
        base += `${directive}; `;
      }
    }
  }
  const policy = `${base}${[...sources].map(([name, set]) => `${name} ${[...set].sort().join(' ')}`).join('; ')}; frame-ancestors 'none'`;
  const lines = [
    '/*',
    `  Content-Security-Policy: ${policy}`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    '  Permissions-Policy: camera=(), microphone=(), geolocation=()',
    `${printPrefix}*`,
    '  X-Robots-Tag: noindex',
    '/status/*',
    '  X-Robots-Tag: noindex',
    // A reader who saved a language must see a new service worker and manifests as soon as the site changes.
    '/sw.js',
    '  Cache-Control: no-cache',
    '/offline/*',
    '  Cache-Control: no-cache',
  ];
  fs.writeFileSync(path.join(siteDir, '_headers'), `${lines.join('\n')}\n`);
}

import type { APIRoute } from 'astro';

/** robots.txt with the sitemap's absolute address; print routes are not for crawlers. */
export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nDisallow: /print/\nAllow: /\n\nSitemap: ${new URL('/sitemap-index.xml', site).href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });

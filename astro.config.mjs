// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { contentCheck } from './src/integrations/content-check.ts';
import { selfHostedFonts } from './src/integrations/fonts.ts';
import { contentDir } from './src/lib/paths.ts';
import { options } from './src/lib/options.ts';
import { sitemapFilter } from './src/lib/sitemap.ts';

// Pages are bundled into another folder, so they cannot find content/ from their own location:
// pin the absolute content folder for everything that reads it at render time.
process.env.SSM_CONTENT_DIR = contentDir();

/** The public address of the site; QR codes, canonical URLs and the sitemap use it. */
const { siteUrl: site, cacheDir } = options();

export default defineConfig({
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // Fixture builds in tests keep their own content cache.
  ...(cacheDir ? { cacheDir } : {}),
  // Content-Security-Policy as a <meta> on every page: only our own origin, hashed inline scripts
  // and styles (Astro computes the hashes), WebAssembly for Pagefind's search.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  integrations: [contentCheck(), selfHostedFonts(), mdx(), sitemap({ filter: sitemapFilter(contentDir(), site) })],
  vite: {
    plugins: [tailwindcss()],
    resolve: { alias: { '@content': contentDir() } },
    build: {
      rolldownOptions: {
        // Rolldown warns once per module about directives it does not keep ("use astro:head-inject"
        // in every MDX body, "use client" in packages): ten lines each, hundreds a build, nothing an
        // author can act on. Every other warning is printed as before.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
});

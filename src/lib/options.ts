import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root (where `package.json` is). */
const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * Every option a build, a test or the benchmark can set, read from the environment in this one
 * place (README › Options lists them). Defaults are what `npm run build` uses.
 */
export interface Options {
  /** `SSM_CONTENT_DIR`: the content folder (tests and the benchmark build other folders). */
  contentDir: string;
  /** `SSM_CACHE_DIR`: Astro's cache folder, when a build must not share `.astro/`-side caches. */
  cacheDir: string | undefined;
  /** `SSM_PDF_CACHE_DIR`: where printed PDFs are kept by content hash, so unchanged ones are reused. */
  pdfCacheDir: string;
  /** `SSM_FONT_CACHE_DIR`: where font subsets are kept by font and characters, so an unchanged set is not cut again. */
  fontCacheDir: string;
  /** `SSM_SKIP_PDF=1`: build the site and search index without printing PDFs. */
  skipPdf: boolean;
  /** `SSM_DEBUG=1`: stack traces with build errors. */
  debug: boolean;
  /** `SSM_LOG_LEVEL=silent`: Astro prints errors only (tests). */
  quiet: boolean;
  /** `SITE_URL`: the public address; canonical URLs, the sitemap and QR codes use it. */
  siteUrl: string;
}

/** The options in force, from `env` (the process environment by default). */
export function options(env: NodeJS.ProcessEnv = process.env): Options {
  const dir = (value: string | undefined, fallback: string) => path.resolve(root, value ?? fallback);
  return {
    contentDir: dir(env['SSM_CONTENT_DIR'], 'content'),
    cacheDir: env['SSM_CACHE_DIR'] ? dir(env['SSM_CACHE_DIR'], '') : undefined,
    pdfCacheDir: dir(env['SSM_PDF_CACHE_DIR'], '.build/pdf-cache'),
    fontCacheDir: dir(env['SSM_FONT_CACHE_DIR'], '.build/font-cache'),
    skipPdf: env['SSM_SKIP_PDF'] === '1',
    debug: env['SSM_DEBUG'] === '1',
    quiet: env['SSM_LOG_LEVEL'] === 'silent',
    siteUrl: env['SITE_URL'] ?? 'https://seoul-solutions-manual.example',
  };
}

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
/** Where tests write builds and scratch content. */
export const outRoot = path.join(root, 'tests/.out');

/** The sites the suite builds once, by name: content folder and output folder. */
export const sites = {
  /** The real content, built as `npm run build` would. */
  main: { content: path.join(root, 'content'), out: path.join(outRoot, 'site'), pdf: true },
  /**
   * The real content changed the way staff change it: a case that exists only in Korean
   * (`pilot-library`), a Korean source edited after its translations were made (`transit-card`),
   * and two translations removed (`dmc/fr.mdx`, `transit-card/es.mdx`).
   */
  variant: { content: path.join(outRoot, 'content-variant'), out: path.join(outRoot, 'site-variant'), pdf: false },
} as const;

/**
 * The title the variant site gives its Korean-only case: what a careless or hostile contributor
 * might write. It must reach every page, print route and PDF as text, never as markup.
 */
export const hostileTitle = '시험용 시민 도서관 "</style><script>window.pwned=1</script>\\ 끝';

/** Reads a built page: `page('main', 'es/cases/transit-card')`. */
export function readPage(site: keyof typeof sites, route: string): string {
  const file = path.join(sites[site].out, route, route.endsWith('.html') || route.endsWith('.xml') || route.endsWith('.txt') ? '' : 'index.html');
  return fs.readFileSync(file, 'utf8');
}

/** Copies a folder tree. */
export function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

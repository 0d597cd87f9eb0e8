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

/** The marker a finished build of a site leaves beside its output (`tests/setup/global-setup.ts`). */
export function markerOf(site: { out: string }): string {
  return `${site.out}.built.json`;
}

/**
 * Waits until the global setup's builds of every site have finished, and fails with what a build
 * printed if it failed. A `site` test file calls this before it is collected (`tests/setup/wait.ts`).
 */
export async function waitForSites(timeoutMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (const [name, site] of Object.entries(sites)) {
    while (!fs.existsSync(markerOf(site))) {
      if (Date.now() > deadline) throw new Error(`the ${name} site was not built within ${timeoutMs / 60_000} minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { status, output } = JSON.parse(fs.readFileSync(markerOf(site), 'utf8')) as { status: number | string; output: string };
    if (status !== 0) throw new Error(`building the ${name} site failed (${status}):\n${output}`);
  }
}

/**
 * A small copy of the real content for tests that need a build but not all of it: three cases
 * that name only each other as related (`subway`, `transit-card`, `bus-reform`), every locale.
 */
export function smallContent(dir: string): string {
  fs.rmSync(dir, { recursive: true, force: true });
  copyDir(sites.main.content, dir);
  const keep = new Set(['subway', 'transit-card', 'bus-reform']);
  for (const slug of fs.readdirSync(path.join(dir, 'cases'))) if (!keep.has(slug)) fs.rmSync(path.join(dir, 'cases', slug), { recursive: true });
  return dir;
}

/** Reads a built page: `page('main', 'es/cases/transit-card')`. */
export function readPage(site: keyof typeof sites, route: string): string {
  const file = path.join(sites[site].out, route, route.endsWith('.html') || route.endsWith('.xml') || route.endsWith('.txt') ? '' : 'index.html');
  return fs.readFileSync(file, 'utf8');
}

/** Copies a folder tree. */
export function copyDir(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { options } from './options.ts';

/** The project root (where `package.json` is). */
export const projectRoot = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * The content folder. `SSM_CONTENT_DIR` points a build at another folder (tests build fixture
 * sites this way); by default it is `content/` in the project.
 */
export function contentDir(): string {
  return options().contentDir;
}

/** A path relative to the project root, for messages that name a file. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel.split(path.sep).join('/');
}

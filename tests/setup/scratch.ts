import fs from 'node:fs';
import path from 'node:path';
import { checkContent, formatReport } from '../../src/lib/check/index.ts';
import { copyDir, outRoot, root } from './sites.ts';

/**
 * A copy of the valid fixture content (`tests/fixtures/valid-case`) under `tests/.out/<name>`, for
 * tests that break it the way an author might and read the content check's answer.
 */
export function scratchContent(name: string) {
  const dir = path.join(outRoot, name);
  const caseDir = path.join(dir, 'cases/pilot-library');
  return {
    dir,
    /** The fixture case, `pilot-library`. */
    caseDir,
    /** Starts again from the untouched fixture (call in `beforeEach`). */
    reset(): void {
      fs.rmSync(dir, { recursive: true, force: true });
      copyDir(path.join(root, 'tests/fixtures/valid-case'), dir);
    },
    /** Replaces text in a file (path relative to the content folder); fails if nothing changed. */
    edit(file: string, from: string | RegExp, to: string): void {
      const target = path.join(dir, file);
      const text = fs.readFileSync(target, 'utf8');
      const changed = text.replace(from, to);
      if (changed === text) throw new Error(`fixture edit did not apply to ${file}: ${String(from)}`);
      fs.writeFileSync(target, changed);
    },
    /** Writes a file (path relative to the content folder), creating its folder. */
    write(file: string, text: string): void {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    },
    /** The report an author sees, with the scratch folder shown as `content/`. */
    report(): string {
      return formatReport(checkContent(dir)).replaceAll(path.relative(process.cwd(), dir), 'content');
    },
    /** Only the errors, as `field: message`: what an author has to fix. */
    errors(): string[] {
      return checkContent(dir)
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.field ? `${p.field}: ` : ''}${p.message}`);
    },
  };
}

import fs from 'node:fs';
import path from 'node:path';
import type { Problem } from './problem.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** How a text file is encoded, as far as the build cares: UTF-8 (with or without BOM), or not. */
function encodingOf(bytes: Uint8Array): 'utf8' | 'utf8-bom' | 'utf16' | 'other' {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return 'utf16';
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    utf8.decode(bytes);
    return bom ? 'utf8-bom' : 'utf8';
  } catch {
    return 'other';
  }
}

/**
 * A content file's text: UTF-8, with a byte-order mark (what some Windows editors add) dropped.
 * Undefined for a file in another encoding: {@link checkFiles} reports it, and checks that read the
 * file skip it rather than report what a wrong decoding would make of it.
 */
export function readText(file: string): string | undefined {
  const bytes = fs.readFileSync(file);
  const encoding = encodingOf(bytes);
  if (encoding === 'utf16' || encoding === 'other') return undefined;
  // The decoder drops a leading byte-order mark itself.
  return utf8.decode(bytes);
}

/**
 * Every file and folder under the content folder as the build will see it: symbolic links are
 * refused (the check and the build must read the same files, and a link can publish anything on
 * the machine), and text files must be UTF-8.
 */
export function checkFiles(dir: string): Problem[] {
  const problems: Problem[] = [];
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) {
        problems.push({
          severity: 'error',
          file,
          message: `is a symbolic link (to ${fs.readlinkSync(file)}). Copy the ${fs.existsSync(file) && fs.statSync(file).isDirectory() ? 'folder' : 'file'} into content/ instead: links are refused, so that what is checked is what is published.`,
        });
      } else if (entry.isDirectory()) {
        walk(file);
      } else if (/\.(mdx|ya?ml)$/i.test(entry.name)) {
        const encoding = encodingOf(fs.readFileSync(file));
        if (encoding === 'utf16')
          problems.push({ severity: 'error', file, line: 1, message: 'is saved as UTF-16. Save it as UTF-8 (in Notepad: File › Save as › Encoding: UTF-8).' });
        if (encoding === 'other')
          problems.push({
            severity: 'error',
            file,
            line: 1,
            message: 'is not saved as UTF-8 (Korean Windows editors often save ANSI/CP949). Save it as UTF-8 (in Notepad: File › Save as › Encoding: UTF-8).',
          });
      }
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return problems;
}

import fs from 'node:fs';
import path from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { isLocale, localeCodes } from '../../i18n/locales.ts';
import type { Problem } from './problem.ts';

/** The text of every case and page of one locale, lower case, for "does the text use this word". */
function localeText(dir: string, locale: string): string {
  return ['cases', 'pages']
    .flatMap((kind) => {
      const root = path.join(dir, kind);
      return fs.existsSync(root) ? fs.readdirSync(root).map((folder) => path.join(root, folder, `${locale}.mdx`)) : [];
    })
    .filter((file) => fs.existsSync(file))
    .map((file) => fs.readFileSync(file, 'utf8'))
    .join('\n')
    .toLowerCase()
    .replace(/[’‘]/g, "'");
}

/**
 * `content/search/{locale}.yaml`: words readers type → the words the text uses, which search adds
 * to a query. One file per locale, a map of lists of words; a word the text never uses finds
 * nothing, so it is a warning naming the entry.
 */
export function checkSearchWords(dir: string): Problem[] {
  const folder = path.join(dir, 'search');
  if (!fs.existsSync(folder)) return [];
  const problems: Problem[] = [];
  for (const name of fs.readdirSync(folder).sort()) {
    const file = path.join(folder, name);
    const locale = name.replace(/\.ya?ml$/, '');
    if (!/\.ya?ml$/.test(name) || !isLocale(locale)) {
      problems.push({
        severity: 'error',
        file,
        message: `is not named after a locale: the words readers type go in content/search/{locale}.yaml, one of ${localeCodes.map((l) => `${l}.yaml`).join(', ')}.`,
      });
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(fs.readFileSync(file, 'utf8'), { lineCounter: lines });
    const line = (node: { range?: [number, number, number] | null | undefined } | null | undefined) =>
      node?.range ? lines.linePos(node.range[0]).line : undefined;
    if (doc.errors.length) {
      const error = doc.errors[0];
      problems.push({ severity: 'error', file, line: error?.linePos?.[0]?.line, message: `is not valid YAML: ${error?.message.split('\n')[0]}` });
      continue;
    }
    if (doc.contents === null) continue;
    if (!isMap(doc.contents)) {
      problems.push({
        severity: 'error',
        file,
        line: 1,
        message: 'must be a list of entries like `garbage: [landfill, waste]` (the word readers type: the words the text uses).',
      });
      continue;
    }
    const text = localeText(dir, locale);
    for (const pair of doc.contents.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const where = { file, line: line(pair.key as never), field: key };
      const values = isSeq(pair.value) ? pair.value.items : [pair.value];
      const words = values.map((v) => (isScalar(v) && (typeof v.value === 'string' || typeof v.value === 'number') ? String(v.value) : undefined));
      if (!key || words.length === 0 || words.some((w) => !w?.trim())) {
        problems.push({ severity: 'error', ...where, message: 'needs the words the text uses, as a list: `garbage: [landfill, waste]`.' });
        continue;
      }
      const unused = words.filter((w) => !text.includes((w ?? '').toLowerCase().replace(/[’‘]/g, "'")));
      if (unused.length)
        problems.push({
          severity: 'warning',
          ...where,
          message: `${unused.map((w) => `"${w}"`).join(', ')} appear${unused.length === 1 ? 's' : ''} in no ${locale} text, so search finds nothing with ${unused.length === 1 ? 'it' : 'them'}. Use the words the ${locale} cases use.`,
        });
    }
  }
  return problems;
}

import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { isLocale } from '../../i18n/locales.ts';
import type { Problem } from './problem.ts';

/** The terms of one locale's glossary, by id (`content/glossary/{locale}.yaml`). */
export function readGlossary(dir: string, locale: string): Record<string, string> {
  const file = path.join(dir, 'glossary', `${locale}.yaml`);
  return fs.existsSync(file) ? ((parse(fs.readFileSync(file, 'utf8')) as Record<string, string> | null) ?? {}) : {};
}

const body = (file: string) => fs.readFileSync(file, 'utf8').replace(/^---[\s\S]*?\n---\n/, '');

/**
 * Terms translated consistently: where the English text of a case uses a glossary term, each
 * translation of that case should use its locale's term for it. A warning, not an error: a
 * sentence may rightly say it another way, but a reviewer should look.
 */
export function checkGlossary(dir: string): Problem[] {
  const english = readGlossary(dir, 'en');
  const problems: Problem[] = [];
  for (const kind of ['cases', 'pages']) {
    const root = path.join(dir, kind);
    if (!fs.existsSync(root)) continue;
    for (const folder of fs.readdirSync(root)) {
      const enFile = path.join(root, folder, 'en.mdx');
      if (!fs.existsSync(enFile)) continue;
      const enText = body(enFile).toLowerCase();
      const used = Object.entries(english).filter(([, term]) => enText.includes(term.toLowerCase()));
      for (const file of fs.readdirSync(path.join(root, folder))) {
        const locale = file.replace(/\.mdx$/, '');
        if (!file.endsWith('.mdx') || !isLocale(locale) || locale === 'en' || locale === 'ko') continue;
        const terms = readGlossary(dir, locale);
        const text = body(path.join(root, folder, file)).toLowerCase();
        const missing = used.filter(([id]) => terms[id] && !text.includes((terms[id] ?? '').toLowerCase()));
        if (missing.length) {
          problems.push({
            severity: 'warning',
            file: path.join(root, folder, file),
            message: `the English text uses ${missing.map(([, en]) => `"${en}"`).join(', ')} but this translation never uses the glossary term ${missing.map(([id]) => `"${terms[id]}"`).join(', ')} (content/glossary/${locale}.yaml). Use the glossary term, or update the glossary.`,
          });
        }
      }
    }
  }
  return problems;
}

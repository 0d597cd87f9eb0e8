import fs from 'node:fs';
import path from 'node:path';
import { Parser } from 'htmlparser2';
import { parse } from 'yaml';
import { localeCodes, type LocaleCode } from '../i18n/locales.ts';
import { readGlossary } from '../lib/check/glossary.ts';
import { fold, type SearchData, type Vocabulary } from './forgive.ts';
import { stemKorean } from './korean.ts';

/** Where the search data of each locale is written in the built site. */
export const searchDataDir = 'search-data';

/**
 * The words of the text Pagefind indexes (inside `data-pagefind-body`, outside
 * `data-pagefind-ignore`), split at spaces and punctuation, folded to lower case; Korean words
 * without their particles, as a query is stemmed. Chinese (segmented by Pagefind itself) and
 * plain numbers are left out.
 */
function indexedWords(html: string, count: Map<string, number>): void {
  const stack: { body: boolean; ignored: boolean; code: boolean }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const parent = stack.at(-1) ?? { body: false, ignored: false, code: false };
        stack.push({
          body: parent.body || 'data-pagefind-body' in attribs,
          ignored: parent.ignored || 'data-pagefind-ignore' in attribs,
          code: parent.code || name === 'script' || name === 'style',
        });
      },
      ontext(text) {
        const top = stack.at(-1);
        if (!top?.body || top.ignored || top.code) return;
        for (const raw of fold(text).match(/[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*/gu) ?? []) {
          const word = stemKorean(raw);
          // Chinese is segmented by Pagefind, not at spaces; numbers are not misspelt.
          if ([...word].length >= 2 && !/\p{Script=Han}/u.test(word) && !/^\p{N}+$/u.test(word)) count.set(word, (count.get(word) ?? 0) + 1);
        }
      },
      onclosetag() {
        stack.pop();
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
}

/** A YAML map (`content/search/{locale}.yaml`), or an empty one. */
function readMap(file: string): Record<string, unknown> {
  if (!fs.existsSync(file)) return {};
  const data = parse(fs.readFileSync(file, 'utf8')) as unknown;
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/**
 * What a reader of `locale` may type for the text's words: the locale's list in
 * `content/search/{locale}.yaml`, and for every locale but Korean, each Korean glossary term
 * (as seen on a slide) → this locale's term for it, from `content/glossary/`.
 */
export function synonymsFor(contentDir: string, locale: LocaleCode): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  const add = (key: string, values: string[]) => {
    const k = fold(key).trim();
    if (!k) return;
    synonyms[k] = [...new Set([...(synonyms[k] ?? []), ...values])];
  };
  if (locale !== 'ko') {
    const korean = readGlossary(contentDir, 'ko');
    const own = readGlossary(contentDir, locale);
    for (const [id, term] of Object.entries(korean)) {
      const mine = own[id];
      if (typeof term === 'string' && typeof mine === 'string' && fold(term) !== fold(mine)) add(term, [mine]);
    }
  }
  for (const [key, values] of Object.entries(readMap(path.join(contentDir, 'search', `${locale}.yaml`)))) {
    add(key, (Array.isArray(values) ? values : [values]).map(String));
  }
  return synonyms;
}

/**
 * Writes each locale's search data beside Pagefind's index: the synonyms (read when search opens)
 * and the vocabulary of indexed words with counts (read only when a query finds little).
 */
export function writeSearchData(siteDir: string, contentDir: string): { bytes: Record<string, number> } {
  const out = path.join(siteDir, searchDataDir);
  fs.mkdirSync(out, { recursive: true });
  const bytes: Record<string, number> = {};
  for (const locale of localeCodes) {
    const count = new Map<string, number>();
    for (const file of (fs.globSync(`${locale}/**/index.html`, { cwd: siteDir }) as string[]).sort()) {
      const html = fs.readFileSync(path.join(siteDir, file), 'utf8');
      if (html.includes('data-pagefind-body')) indexedWords(html, count);
    }
    const data: SearchData = { synonyms: synonymsFor(contentDir, locale) };
    const vocabulary: Vocabulary = { words: [...count].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)) };
    const files = { [`${locale}.json`]: JSON.stringify(data), [`${locale}-words.json`]: JSON.stringify(vocabulary) };
    for (const [name, text] of Object.entries(files)) {
      fs.writeFileSync(path.join(out, name), text);
      bytes[name] = Buffer.byteLength(text);
    }
  }
  return { bytes };
}

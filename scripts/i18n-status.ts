/**
 * `npm run i18n:status`: which translation of which case is reviewed, draft, stale or missing.
 * Prints a table, writes it as JSON (`--json FILE`, default `i18n-status.json`), and with
 * `--stamp` records the current source version in translations that say `sourceVersion: pending`
 * (or, with file arguments, in those files: run it after updating a translation). With `--diff`,
 * shows for each stale translation what changed in its source since it was made, paragraph by
 * paragraph, in git's word-diff style: `[-removed words-]{+added words+}`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { localeCodes } from '../src/i18n/locales.ts';
import { contentDir } from '../src/lib/paths.ts';
import { compactParts, staleSourceChanges } from '../src/lib/translation-diff.ts';
import { sourceVersion, translationTable, type TranslationState } from '../src/lib/translation-status.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'string', default: 'i18n-status.json' },
    stamp: { type: 'boolean', default: false },
    diff: { type: 'boolean', default: false },
  },
});
const dir = contentDir();

if (values.stamp) {
  const files = positionals.length ? positionals.map((f) => path.resolve(f)) : fs.globSync(`${dir}/{cases,pages}/*/*.mdx`);
  // Stamp translations of the Korean source first: others are made from them (en is the hub).
  const fromSource = (f: string) => (/\n\s+from:\s*ko\b/.test(fs.readFileSync(f, 'utf8')) ? 0 : 1);
  files.sort((a, b) => fromSource(a) - fromSource(b));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const from = /\n\s+from:\s*(\w+)/.exec(text)?.[1];
    if (!from || (!positionals.length && !/sourceVersion:\s*pending/.test(text))) continue;
    const version = sourceVersion(path.join(path.dirname(file), `${from}.mdx`));
    // Quoted: a version such as 84620e693006 would otherwise be read by YAML as a number.
    fs.writeFileSync(file, text.replace(/sourceVersion:\s*\S+/, `sourceVersion: '${version}'`));
    console.log(`stamped ${path.relative(process.cwd(), file)} with ${from} version ${version}`);
  }
}

const table = translationTable(dir);
const mark: Record<TranslationState, string> = { source: '◆ source', reviewed: '✔ reviewed', draft: '✎ draft', stale: '⚠ stale', missing: '· missing' };
for (const { kind, cells } of table) {
  const folders = [...new Set(cells.map((c) => c.folder))];
  const width = Math.max(...folders.map((f) => f.length), kind.length) + 2;
  console.log(`\n${kind.padEnd(width)}${localeCodes.map((l) => l.padEnd(12)).join('')}`);
  for (const folder of folders) {
    const row = localeCodes.map((l) => mark[cells.find((c) => c.folder === folder && c.locale === l)?.state ?? 'missing'].padEnd(12));
    console.log(`${folder.padEnd(width)}${row.join('')}`);
  }
}
const reviews = table.flatMap((t) => t.cells).filter((c) => c.reviewer);
if (reviews.length) {
  console.log('\nReviews');
  for (const c of reviews) console.log(`  ${c.folder}/${c.locale}.mdx: ${c.reviewer}, ${c.reviewed}${c.state === 'stale' ? ' (source changed since)' : ''}`);
}
if (values.diff) {
  const groups = staleSourceChanges(dir);
  console.log(`\nWhat changed in the source since each stale translation${groups.length ? '' : ': no translation is stale'}`);
  for (const { files, from, since, changes } of groups) {
    console.log(`\n${files.join(', ')}: ${from}.mdx changed since version ${since}${changes ? ` (now ${changes.now})` : ''}`);
    if (!changes) console.log('  the version they were made from is not in git history: compare the translation with the source as it is');
    for (const p of changes?.paragraphs ?? []) {
      const words = compactParts(p.parts)
        .map((w) => (w.added ? `{+${w.value}+}` : w.removed ? `[-${w.value}-]` : w.value))
        .join('');
      const where = `  ${from}.mdx:${p.line} `;
      console.log(`${where}${words.replaceAll('\n', `\n${' '.repeat(where.length)}`)}`);
    }
  }
}
const counts = table.flatMap((t) => t.cells).reduce<Record<string, number>>((acc, c) => ({ ...acc, [c.state]: (acc[c.state] ?? 0) + 1 }), {});
console.log(
  `\n${Object.entries(counts)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}`,
);
fs.writeFileSync(values.json, `${JSON.stringify(table, null, 2)}\n`);
console.log(`written ${values.json}`);

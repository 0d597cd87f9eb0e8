/**
 * `npm run i18n:export -- --locale fr [--cases water-supply,subway] [--stale-only] [--out fr.xlf]`:
 * one locale's translations as XLIFF 2.0 for a translation agency or a reviewer's CAT tool
 * (docs/translation.md). Source: the text each translation was made from (Korean for English,
 * English for the other locales); target: the current translation.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale, localeCodes } from '../src/i18n/locales.ts';
import { contentDir } from '../src/lib/paths.ts';
import { exportLocale } from '../src/lib/xliff/exchange.ts';

const fail = (message: string): never => {
  console.error(`npm run i18n:export: ${message}`);
  process.exit(2);
};
let values;
try {
  ({ values } = parseArgs({
    options: { locale: { type: 'string' }, cases: { type: 'string' }, 'stale-only': { type: 'boolean', default: false }, out: { type: 'string' } },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
const locale = values?.locale ?? fail(`name the language to export, e.g. --locale fr (one of ${localeCodes.filter((l) => l !== 'ko').join(', ')})`);
if (!isLocale(locale) || locale === 'ko') fail(`--locale ${locale}: give a translated language, one of ${localeCodes.filter((l) => l !== 'ko').join(', ')}`);
const cases = values?.cases
  ?.split(',')
  .map((c) => c.trim())
  .filter(Boolean);
if (values?.cases !== undefined && !cases?.length) fail('--cases lists no case: name at least one, e.g. --cases water-supply,transit-card');
const out = path.resolve(values?.out ?? `${locale}.xlf`);
if (fs.existsSync(out) && fs.statSync(out).isDirectory()) fail(`--out ${values?.out}: is a folder; name the file to write, e.g. --out ${locale}.xlf`);
if (!fs.existsSync(path.dirname(out))) fail(`--out ${values?.out}: the folder ${path.dirname(out)} does not exist; create it first`);
try {
  const result = exportLocale(contentDir(), locale as never, { cases, staleOnly: values?.['stale-only'] });
  fs.writeFileSync(out, result.xml);
  console.log(`wrote ${path.relative(process.cwd(), out)}: ${result.files} file(s), ${result.units} units`);
  if (result.skipped.length) console.log(`not exported (the two texts differ in shape here; fix the MDX to match first):\n  ${result.skipped.join('\n  ')}`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

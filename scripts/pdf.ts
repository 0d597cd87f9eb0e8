/**
 * `npm run pdf -- --locale es --cases water-supply,transit-card [--edition print [--marks]] --out pack.pdf`:
 * a custom pack for a delegation — cover in that language, contents, the chosen cases — printed
 * from the last build in `dist/` (run `npm run build` first). `--marks` adds crop marks outside
 * the bleed, for a print shop that asks for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale, localeCodes } from '../src/i18n/locales.ts';
import { projectRoot } from '../src/lib/paths.ts';
import type { Edition } from '../src/pdf/editions.ts';
import { addCropMarks } from '../src/pdf/marks.ts';
import { printJobs } from '../src/pdf/print.ts';

const { values } = parseArgs({
  options: {
    locale: { type: 'string' },
    cases: { type: 'string' },
    edition: { type: 'string', default: 'screen' },
    out: { type: 'string', default: 'pack.pdf' },
    site: { type: 'string', default: 'dist' },
    marks: { type: 'boolean', default: false },
  },
});
const fail = (message: string): never => {
  console.error(`npm run pdf: ${message}`);
  process.exit(2);
};
const site = path.resolve(projectRoot, values.site);
const wanted = values.locale ?? fail(`--locale is required (one of ${localeCodes.join(', ')})`);
const locale = isLocale(wanted) ? wanted : fail(`unknown locale "${wanted}"; use one of ${localeCodes.join(', ')}`);
if (values.edition !== 'screen' && values.edition !== 'print') fail(`--edition is screen or print, not "${values.edition}"`);
if (values.marks && values.edition !== 'print') fail('--marks needs --edition print: crop marks go outside the bleed, which only the print edition has');
const manual = path.join(site, 'print', locale, 'manual', 'index.html');
if (!fs.existsSync(manual)) fail(`no built site in ${path.relative(process.cwd(), site) || '.'}/: run \`npm run build\` first`);
const available = fs.readdirSync(path.join(site, 'print', locale, 'cases')).sort();
const cases = (values.cases ?? fail(`--cases is required, e.g. --cases ${available.slice(0, 2).join(',')}`)).split(',').map((c) => c.trim()).filter(Boolean);
const unknown = cases.filter((c) => !available.includes(c));
if (unknown.length) fail(`unknown case(s) ${unknown.join(', ')}; available: ${available.join(', ')}`);

const out = path.resolve(process.cwd(), values.out);
const report = await printJobs(site, path.dirname(out), [
  { locale, kind: 'manual', edition: values.edition as Edition, route: `/print/${locale}/manual/`, output: path.basename(out), only: cases },
]);
if (values.marks) fs.writeFileSync(out, await addCropMarks(fs.readFileSync(out)));
const file = report.files[0];
console.log(`wrote ${path.relative(process.cwd(), out)}: ${file?.pages} pages, ${Math.round(fs.statSync(out).size / 1024)} KB, ${cases.length} case(s) in ${locale} (${values.edition} edition${values.marks ? ', crop marks' : ''})`);

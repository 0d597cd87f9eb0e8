/**
 * `npm run pdf -- --locale es --cases water-supply,transit-card [--edition print [--marks] | --booklet] --out pack.pdf`:
 * a custom pack for a delegation — cover in that language, contents, the chosen cases — printed
 * from the last build in `dist/` (run `npm run build` first). `--marks` adds crop marks outside
 * the bleed, for a print shop that asks for them.
 *
 * Arguments are checked before anything is printed or written (exit 2); the ones that do not need
 * a built site are checked before the site is. A failed print leaves no temporary file (exit 1).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale, localeCodes, localeInfo } from '../src/i18n/locales.ts';
import { projectRoot } from '../src/lib/paths.ts';
import { options } from '../src/lib/options.ts';
import type { Edition } from '../src/pdf/editions.ts';

const example = 'water-supply,transit-card';
const fail = (message: string): never => {
  console.error(`npm run pdf: ${message}`);
  process.exit(2);
};
const { values } = (() => {
  try {
    return parseArgs({
      options: {
        locale: { type: 'string' },
        cases: { type: 'string' },
        edition: { type: 'string', default: 'screen' },
        out: { type: 'string', default: 'pack.pdf' },
        site: { type: 'string', default: 'dist' },
        marks: { type: 'boolean', default: false },
        booklet: { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();

// 1. Arguments alone.
const wanted = values.locale ?? fail(`--locale is required (one of ${localeCodes.join(', ')})`);
const locale = isLocale(wanted) ? wanted : fail(`unknown locale "${wanted}"; use one of ${localeCodes.join(', ')}`);
if (values.edition !== 'screen' && values.edition !== 'print') fail(`--edition is screen or print, not "${values.edition}"`);
if (values.marks && values.edition !== 'print') fail('--marks needs --edition print: crop marks go outside the bleed, which only the print edition has');
if (values.booklet && values.edition !== 'screen')
  fail('--booklet is made from the screen edition (an office printer has no bleed): leave out --edition print');
const cases = (values.cases ?? fail(`--cases is required, e.g. --cases ${example}`))
  .split(',')
  .map((c) => c.trim())
  .filter(Boolean);
if (!cases.length) fail(`--cases lists no case: name at least one, e.g. --cases ${example}`);
const out = path.resolve(process.cwd(), values.out);
const outFolder = path.dirname(out);
if (values.out.endsWith('/') || values.out.endsWith(path.sep) || fs.statSync(out, { throwIfNoEntry: false })?.isDirectory()) {
  fail(`--out ${values.out} is a folder: name the file to write, e.g. --out ${path.join(values.out, 'pack.pdf')}`);
}
if (!fs.statSync(outFolder, { throwIfNoEntry: false })?.isDirectory())
  fail(`--out ${values.out}: the folder ${path.relative(process.cwd(), outFolder) || '.'}/ does not exist; create it first`);

// 2. Against the built site.
const site = path.resolve(projectRoot, values.site);
const manual = path.join(site, 'print', locale, 'manual', 'index.html');
if (!fs.existsSync(manual)) fail(`no built site in ${path.relative(process.cwd(), site) || '.'}/: run \`npm run build\` first`);
const available = fs.readdirSync(path.join(site, 'print', locale, 'cases')).sort();
const unknown = cases.filter((c) => !available.includes(c));
if (unknown.length) fail(`unknown case(s) ${unknown.join(', ')}; available: ${available.join(', ')}`);

// 3. Print. The printer writes `<out>.tmp-<pid>` and renames it when complete; crop marks go the same way.
const temp = `${out}.tmp-${process.pid}`;
try {
  const [{ printJobs }, { addCropMarks }, { imposeBooklet }] = await Promise.all([
    import('../src/pdf/print.ts'),
    import('../src/pdf/marks.ts'),
    import('../src/pdf/booklet.ts'),
  ]);
  const report = await printJobs(site, outFolder, [
    { locale, kind: 'manual', edition: values.edition as Edition, route: `/print/${locale}/manual/`, output: path.basename(out), only: cases },
  ]);
  if (values.marks) {
    fs.writeFileSync(temp, await addCropMarks(fs.readFileSync(out)));
    fs.renameSync(temp, out);
  }
  if (values.booklet) {
    fs.writeFileSync(temp, await imposeBooklet(fs.readFileSync(out), { rtl: localeInfo(locale).dir === 'rtl' }));
    fs.renameSync(temp, out);
  }
  const file = report.files[0];
  console.log(
    `wrote ${path.relative(process.cwd(), out)}: ${file?.pages} pages, ${Math.round(fs.statSync(out).size / 1024)} KB, ${cases.length} case(s) in ${locale} (${values.booklet ? `A5 booklet on ${Math.ceil((file?.pages ?? 0) / 4)} A4 sheet(s), print both sides flipping on the short edge` : `${values.edition} edition`}${values.marks ? ', crop marks' : ''})`,
  );
} catch (error) {
  fs.rmSync(temp, { force: true });
  console.error(`npm run pdf: printing ${path.relative(process.cwd(), out)} failed: ${error instanceof Error ? error.message : String(error)}`);
  if (options().debug && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 1;
}
